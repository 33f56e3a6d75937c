import type { TraceEvent } from "@graphenix/contracts";

/** What an event is about: the run, a node, a finalizer or a unit. */
export type Subject = "run" | "node" | "finalizer" | "unit";
export type Phase = "started" | "ended" | "skipped" | "retried";

const MEANING: Readonly<Record<TraceEvent["type"], readonly [Subject, Phase]>> = {
  runStarted: ["run", "started"],
  runFinished: ["run", "ended"],
  nodeStarted: ["node", "started"],
  nodeCompleted: ["node", "ended"],
  nodeFailed: ["node", "ended"],
  nodeSkipped: ["node", "skipped"],
  finalizerStarted: ["finalizer", "started"],
  finalizerCompleted: ["finalizer", "ended"],
  finalizerFailed: ["finalizer", "ended"],
  unitStarted: ["unit", "started"],
  unitCompleted: ["unit", "ended"],
  unitFailed: ["unit", "ended"],
  unitSkipped: ["unit", "skipped"],
  unitRetried: ["unit", "retried"],
};

export function meaning(type: TraceEvent["type"]): readonly [Subject, Phase] {
  return MEANING[type];
}

/** Whether an ending event reports a failure. */
export function isFailure(event: TraceEvent): boolean {
  return event.type === "unitFailed" || event.type === "nodeFailed" || event.type === "finalizerFailed" || event.outcome === "failed";
}
