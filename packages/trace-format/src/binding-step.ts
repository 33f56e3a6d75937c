import type { ModelSelection, TraceEvent } from "@graphenix/contracts";
import { IssueCollector, keepShape, own } from "@graphenix/core";
import { Phase, phaseOf, Subject, subjectOf } from "./lifecycle.js";
import { PlanPositions, type PreparedPlan, type UnitInfo } from "./prepared-plan.js";

const RUNNING = 1;
const MENTIONED = 2;

/**
 * The per-event part of binding a trace to a prepared plan, run by the trace's consistency pass on
 * each event it has just read (so the event is read from memory once, and its unit or node looked
 * up once, for both). The trace is known to be valid only after the pass: until then the issues go
 * to a collector of their own, which the binder drops when the trace turns out invalid. Past
 * `maxIssues` an issue is only counted, never built: an invalid trace may name no unit of the plan.
 *
 * What the trace said so far lives in typed arrays indexed by unit and node position: each unit's
 * state; for each node, how many units of each rank (PRE, MAIN, POST, finalizer) are running, the
 * highest rank started, and the events at which it first started and last ended (-1: none).
 */
export class BindingStep {
  readonly issues: IssueCollector;
  readonly unitState: Uint8Array;
  readonly running: Int32Array;
  readonly highestRank: Int8Array;
  readonly firstStart: Int32Array;
  readonly lastEnd: Int32Array;

  constructor(
    private readonly prepared: Pick<PreparedPlan, "unitList" | "nodes" | "unitIds" | "nodeIds" | "finalizersFrom">,
    private readonly numbering: PlanPositions,
    maxIssues: number,
  ) {
    const nodes = prepared.nodeIds.length;
    this.issues = new IssueCollector(maxIssues);
    this.unitState = new Uint8Array(prepared.unitIds.length);
    this.running = new Int32Array(nodes * 4);
    this.highestRank = new Int8Array(nodes).fill(-1);
    this.firstStart = new Int32Array(nodes).fill(-1);
    this.lastEnd = new Int32Array(nodes).fill(-1);
  }

  /** Event `i`, of type `code` (`eventCode`), names the subject at `position` (the plan's numbering). */
  event(event: TraceEvent, i: number, code: number, position: number, direct: boolean): void {
    const subject = subjectOf(code);
    const phase = phaseOf(code);
    const { unitList, nodes } = this.prepared;
    const issues = this.issues;
    // Each member read once: events come in several shapes, and every read of one costs.
    const nodeId = direct ? event.nodeId : (own(event, "nodeId") as string | undefined);
    let nodeIndex: number;
    if (subject === Subject.Unit) {
      if (position >= unitList.length) {
        if (nodeId !== undefined && !nodes.has(nodeId)) {
          if (issues.hasRoom()) issues.add("trace-unknown-node", `${nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
        } else if (issues.hasRoom()) issues.add("trace-unknown-unit", `${String(own(event, "unitId"))} is not a unit of the plan`, ["trace", "events", i, "unitId"]);
        return;
      }
      const info = unitList[position]!;
      // The unit knows its node: the event's nodeId needs a look-up only when it names another.
      if (nodeId !== undefined && nodeId !== info.nodeKey) {
        if (!nodes.has(nodeId)) {
          if (issues.hasRoom()) issues.add("trace-unknown-node", `${nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
          return;
        }
        if (nodes.get(nodeId) !== info.nodeIndex && issues.hasRoom()) issues.add("trace-unknown-unit", `unit ${info.unit.unitId} belongs to ${info.unit.nodeId}, not ${nodeId}`, ["trace", "events", i, "nodeId"]);
      }
      nodeIndex = info.nodeIndex;
      this.unitEvent(event, i, phase, info, direct);
    } else {
      nodeIndex = this.numbering.nodeIndexOf(subject, position);
      if (nodeIndex < 0) {
        if (issues.hasRoom()) issues.add("trace-unknown-node", `${String(nodeId)} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
        return;
      }
      // Finalizer events name finalizers, node events nodes; a finalizer never reached is skipped
      // with nodeSkipped (there is no finalizerSkipped).
      const finalizer = nodeIndex >= this.prepared.finalizersFrom;
      if (finalizer !== (subject === Subject.Finalizer) && !(finalizer && phase === Phase.Skipped) && issues.hasRoom()) {
        issues.add("trace-unknown-node", finalizer ? `${String(nodeId)} is a finalizer of the plan: its events are finalizer events` : `${String(nodeId)} is a node of the plan, not a finalizer`, ["trace", "events", i, "type"]);
      }
    }
    if (phase === Phase.Started) {
      if (this.firstStart[nodeIndex]! < 0) this.firstStart[nodeIndex] = i;
    } else if (phase === Phase.Ended || phase === Phase.Skipped) this.lastEnd[nodeIndex] = i;
  }

  /** Phase order, attempts and model of one unit event. */
  private unitEvent(event: TraceEvent, i: number, phase: Phase, info: UnitInfo, direct: boolean): void {
    const { unit, rank, index, nodeIndex } = info;
    const { running, highestRank, unitState, issues } = this;
    const base = nodeIndex * 4;
    if (phase === Phase.Started) {
      // Out of order: an earlier run phase of the node is still running, or this unit belongs to an
      // earlier phase than one that already started. (A unit that never runs is reported once, as
      // not executed.)
      let earlierRunning = false;
      for (let r = 0; r < rank; r++) if (running[base + r]! > 0) earlierRunning = true;
      if ((earlierRunning || rank < highestRank[nodeIndex]!) && issues.hasRoom()) issues.add("trace-phase-order", `a unit of a later run phase starts before the earlier phase of ${unit.nodeId} has ended: the order is PRE → MAIN → POST`, ["trace", "events", i, "unitId"]);
      if (rank > highestRank[nodeIndex]!) highestRank[nodeIndex] = rank;
      const attempt = (direct ? event.attempt : (own(event, "attempt") as number | undefined)) ?? 1;
      if (attempt > info.maxAttempts && issues.hasRoom()) issues.add("trace-attempts-exceeded", `attempt ${attempt} exceeds the unit's retry policy (maxAttempts ${info.maxAttempts})`, ["trace", "events", i, "attempt"]);
      if (unitState[index] !== RUNNING) running[base + rank]!++;
      unitState[index] = RUNNING;
    } else if (phase === Phase.Ended || phase === Phase.Skipped) {
      if (unitState[index] === RUNNING) running[base + rank]!--;
      unitState[index] = MENTIONED;
    }
    const model = direct ? event.model : (own(event, "model") as ModelSelection | undefined);
    if (model !== undefined && !allows(info.allowedModels, model) && issues.hasRoom()) {
      issues.add("trace-model-not-allowed", "the model used is neither the unit's model nor one of its fallback models", ["trace", "events", i, "model"]);
    }
  }
}
keepShape(new BindingStep({ unitList: [], nodes: new Map(), unitIds: [], nodeIds: [], finalizersFrom: 0 }, new PlanPositions({ units: new Map(), nodes: new Map(), unitIds: [], nodeIds: [] }), 1));

function allows(models: readonly ModelSelection[], model: ModelSelection): boolean {
  for (const allowed of models) if (sameModel(allowed, model)) return true;
  return false;
}

/**
 * Whether two model selections are equal as JSON. Both are schema-valid (the plan validated, and
 * the step runs only on a schema-valid trace), so each is one of the two closed shapes of
 * `ModelSelection`, told apart by `kind`: comparing their members is the whole of equality, at a
 * fraction of a generic deep comparison (a test holds these members to the schema's).
 */
export function sameModel(a: ModelSelection, b: ModelSelection): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === "profileChoice" ? a.key === (b as typeof a).key : a.provider === (b as typeof a).provider && a.model === (b as typeof a).model;
}
