import type { Subject } from "./lifecycle.js";
import { keepShape } from "@graphenix/core";

/**
 * Numbers for the subjects a trace's events name (units, nodes, finalizers), so that the per-event
 * passes keep what they learn in typed arrays indexed by them, not in maps of objects. The same
 * id under two subjects is two subjects (a node and a unit may share an id).
 */
export interface SubjectPositions {
  /** The position of a subject: the same for every event that names it, below `bound`. */
  positionOf(subject: Subject, id: string): number;
  /** Every position given for a trace of `events` events is below this. */
  bound(events: number): number;
}

/**
 * Positions in order of first appearance, for a trace validated on its own. Binding numbers the
 * subjects by the plan's own positions instead (`PlanPositions` in prepared-plan.ts), so the
 * binding's per-event step, run in the same pass, looks nothing up again.
 */
export class FirstSeenPositions implements SubjectPositions {
  private readonly maps: readonly Map<string, number>[] = [new Map(), new Map(), new Map(), new Map()];
  private next: number;

  /** Positions start at `first` (below it: positions another numbering gave). */
  constructor(private readonly first = 0) {
    this.next = first;
  }

  /** Per subject, the id last asked for and its position: a unit's events mostly follow each other. */
  private readonly lastIds: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly lastPositions: number[] = [0, 0, 0, 0];

  positionOf(subject: Subject, id: string): number {
    if (this.lastIds[subject] === id) return this.lastPositions[subject]!;
    const map = this.maps[subject]!;
    let position = map.get(id);
    if (position === undefined) map.set(id, (position = this.next++));
    this.lastIds[subject] = id;
    this.lastPositions[subject] = position;
    return position;
  }

  bound(events: number): number {
    // An event names one subject: there are no more subjects than events.
    return this.first + events;
  }
}

keepShape(new FirstSeenPositions());
