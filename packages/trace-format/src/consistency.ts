import type { GraphExecutionTrace } from "@graphenix/contracts";
import type { IssueCollector } from "@graphenix/core";
import { isFailure, meaning, type Subject } from "./lifecycle.js";
import { inlinePayloadOverLimit, MAX_INLINE_PAYLOAD_BYTES } from "./payload.js";

const TERMINAL = new Set(["succeeded", "failed", "partial", "cancelled"]);

/** How a subject ended so far (numbers, not strings: compared once per event). */
const Outcome = { None: 0, Succeeded: 1, Failed: 2, Skipped: 3 } as const;
type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** What the events said so far about one unit, node or finalizer. */
interface Lifecycle {
  /** The index of the event that started the running attempt, or -1. */
  openAt: number;
  /** The last attempt started (0: none). */
  attempt: number;
  outcome: Outcome;
}

/**
 * One pass over a schema-valid trace's events, checking its internal consistency (docs/execution-
 * trace.md): `seq` is the position; times never go back; inline payloads stay within 64 KiB; `runStarted` first and `runFinished`
 * last (when the run is over); every unit, node and finalizer starts and ends once per attempt,
 * attempts numbered from 1 with no gap and a retry following a failed attempt; the final status
 * matches how the units ended. One pass and one map entry per subject: traces have hundreds of
 * thousands of events.
 */
export function checkConsistency(trace: GraphExecutionTrace, issues: IssueCollector): void {
  const events = trace.events;
  // Separate maps per subject: a node and a unit may share an id.
  const subjects: Record<Exclude<Subject, "run">, Map<string, Lifecycle>> = { node: new Map(), finalizer: new Map(), unit: new Map() };
  let last = trace.startedAt;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.seq !== i) issues.add("trace-seq-invalid", `seq must be the event's position, ${i}`, ["events", i, "seq"]);
    if (event.at < last) issues.add("trace-time-regression", `the event happens at ${event.at}, before the one before it (${last})`, ["events", i, "at"]);
    else last = event.at;
    const inline = event.payload !== undefined && "inline" in event.payload ? event.payload.inline : undefined;
    const oversize = inline === undefined ? undefined : inlinePayloadOverLimit(inline);
    if (oversize !== undefined) issues.add("trace-payload-too-large", `the inline payload is ${oversize} bytes of canonical JSON, more than ${MAX_INLINE_PAYLOAD_BYTES}: store it elsewhere and reference it with its digest`, ["events", i, "payload", "inline"]);
    const [subject, phase] = meaning(event.type);
    if (subject === "run") {
      if (phase === "started" && i !== 0) issues.add("trace-run-events", "runStarted is the first event, once", ["events", i, "type"]);
      if (phase === "ended" && i !== events.length - 1) issues.add("trace-run-events", "runFinished is the last event, once", ["events", i, "type"]);
      continue;
    }
    const id = subject === "unit" ? event.unitId : event.nodeId;
    if (id === undefined) {
      issues.add("trace-event-subject-missing", `a ${event.type} event names its ${subject === "unit" ? "unitId" : "nodeId"}`, ["events", i]);
      continue;
    }
    const map = subjects[subject];
    let state = map.get(id);
    if (state === undefined) map.set(id, (state = { openAt: -1, attempt: 0, outcome: Outcome.None }));
    const attempt = subject === "unit" ? (event.attempt ?? 1) : 1;
    if (phase === "started") {
      if (state.openAt >= 0) issues.add("trace-lifecycle-invalid", `${id} starts again while attempt ${state.attempt} is still running`, ["events", i]);
      if (attempt !== state.attempt + 1) issues.add("trace-attempt-invalid", `attempts are numbered from 1 with no gap: expected attempt ${state.attempt + 1}, not ${attempt}`, ["events", i, "attempt"]);
      state.openAt = i;
      state.attempt = attempt;
    } else if (phase === "ended") {
      if (state.openAt < 0) issues.add("trace-lifecycle-invalid", `${id} ends without having started`, ["events", i, "type"]);
      else if (subject === "unit" && attempt !== state.attempt) issues.add("trace-attempt-invalid", `ends attempt ${attempt}, but attempt ${state.attempt} is the one running`, ["events", i, "attempt"]);
      state.openAt = -1;
      state.outcome = isFailure(event) ? Outcome.Failed : Outcome.Succeeded;
    } else if (phase === "skipped") {
      if (state.openAt >= 0 || state.attempt > 0) issues.add("trace-lifecycle-invalid", `${id} is skipped after it started`, ["events", i, "type"]);
      state.outcome = Outcome.Skipped;
    } else if (state.outcome !== Outcome.Failed || state.openAt >= 0) {
      issues.add("trace-lifecycle-invalid", `${id} is retried, but its last attempt did not fail`, ["events", i, "type"]);
    }
  }
  checkRunEnds(trace, last, issues);
  if (TERMINAL.has(trace.status)) {
    for (const map of Object.values(subjects)) {
      for (const [id, { openAt }] of map) if (openAt >= 0) issues.add("trace-lifecycle-invalid", `${id} started but never ended`, ["events", openAt]);
    }
  }
  checkStatus(trace, subjects.unit, issues);
}

/** The run starts with runStarted and, once over, ends with runFinished, at or before finishedAt. */
function checkRunEnds(trace: GraphExecutionTrace, last: string, issues: IssueCollector): void {
  if (trace.events[0]?.type !== "runStarted") issues.add("trace-run-events", "a trace starts with a runStarted event", ["events", 0]);
  const ended = trace.events.at(-1)?.type === "runFinished";
  if (TERMINAL.has(trace.status) !== ended) {
    const message = ended ? `the run is still ${trace.status}, yet the trace ends with runFinished` : `a ${trace.status} run ends with a runFinished event, and this trace has none`;
    issues.add("trace-run-events", message, ["events", Math.max(0, trace.events.length - 1)]);
  }
  if (trace.finishedAt !== undefined && trace.finishedAt < last) issues.add("trace-time-regression", "finishedAt is before the last event", ["finishedAt"]);
}

/** The run's status agrees with how its units ended. */
function checkStatus(trace: GraphExecutionTrace, units: Map<string, Lifecycle>, issues: IssueCollector): void {
  let failed = 0;
  let succeeded = 0;
  for (const { outcome } of units.values()) {
    if (outcome === Outcome.Failed) failed++;
    else if (outcome === Outcome.Succeeded) succeeded++;
  }
  const wrong =
    (trace.status === "succeeded" && failed > 0) || (trace.status === "failed" && failed === 0) || (trace.status === "partial" && (failed === 0 || succeeded === 0));
  if (wrong) issues.add("trace-status-inconsistent", `status ${trace.status} does not match the units' outcomes (${succeeded} succeeded, ${failed} failed in the end)`, ["status"]);
}
