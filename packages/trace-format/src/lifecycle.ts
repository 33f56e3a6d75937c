import type { TraceEvent } from "@graphenix/contracts";
import { own } from "@graphenix/core";

/**
 * What an event is about and what it says, as small numbers: the per-event passes (consistency,
 * binding) branch on these instead of on strings, and read no array per event.
 */
export const Subject = { Run: 0, Node: 1, Finalizer: 2, Unit: 3 } as const;
export type Subject = (typeof Subject)[keyof typeof Subject];
export const Phase = { Started: 0, Ended: 1, Skipped: 2, Retried: 3 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** Set in an event code when its type itself reports a failure (`unitFailed`, …). */
const FAILED_TYPE = 16;

const code = (subject: Subject, phase: Phase, failed = false) => (subject << 2) | phase | (failed ? FAILED_TYPE : 0);

const CODES: ReadonlyMap<string, number> = new Map<TraceEvent["type"], number>([
  ["runStarted", code(Subject.Run, Phase.Started)],
  ["runFinished", code(Subject.Run, Phase.Ended)],
  ["nodeStarted", code(Subject.Node, Phase.Started)],
  ["nodeCompleted", code(Subject.Node, Phase.Ended)],
  ["nodeFailed", code(Subject.Node, Phase.Ended, true)],
  ["nodeSkipped", code(Subject.Node, Phase.Skipped)],
  ["finalizerStarted", code(Subject.Finalizer, Phase.Started)],
  ["finalizerCompleted", code(Subject.Finalizer, Phase.Ended)],
  ["finalizerFailed", code(Subject.Finalizer, Phase.Ended, true)],
  ["unitStarted", code(Subject.Unit, Phase.Started)],
  ["unitCompleted", code(Subject.Unit, Phase.Ended)],
  ["unitFailed", code(Subject.Unit, Phase.Ended, true)],
  ["unitSkipped", code(Subject.Unit, Phase.Skipped)],
  ["unitRetried", code(Subject.Unit, Phase.Retried)],
]);

/** The code of an event type (schema-valid traces only name the types above). */
export function eventCode(type: TraceEvent["type"]): number {
  return CODES.get(type)!;
}

export function subjectOf(eventCode: number): Subject {
  return ((eventCode >> 2) & 3) as Subject;
}

export function phaseOf(eventCode: number): Phase {
  return (eventCode & 3) as Phase;
}

/** Whether an ending event reports a failure: by its type, or by its outcome (`direct`: see EventStep). */
export function isFailure(eventCode: number, event: TraceEvent, direct: boolean): boolean {
  return (eventCode & FAILED_TYPE) !== 0 || (direct ? event.outcome : own(event, "outcome")) === "failed";
}
