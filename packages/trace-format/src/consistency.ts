import type { GraphExecutionTrace, TraceEvent } from "@graphenix/contracts";
import { objectPrototypeIsStandard, own, type IssueCollector } from "@graphenix/core";
import { eventCode, isFailure, Phase, phaseOf, Subject, subjectOf } from "./lifecycle.js";
import { inlinePayloadOverLimit, MAX_INLINE_PAYLOAD_BYTES } from "./payload.js";
import type { SubjectPositions } from "./positions.js";
import { isBefore } from "./timestamps.js";

const TERMINAL = new Set(["succeeded", "failed", "partial", "cancelled"]);

/** How a subject ended so far (numbers, not strings: compared once per event). */
const Outcome = { None: 0, Succeeded: 1, Failed: 2, Skipped: 3 } as const;
type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** What binding does with each event the pass has read (BindingStep). */
export interface EventStep {
  /**
   * Event `i`, of type `code` (`eventCode`), names the subject at `position`. `direct`: its members
   * may be read by name (objectPrototypeIsStandard), else with `own`.
   */
  event(event: TraceEvent, i: number, code: number, position: number, direct: boolean): void;
}

/**
 * One pass over a schema-valid trace's events, checking its internal consistency (docs/execution-
 * trace.md): `seq` is the position; times never go back; inline payloads stay within 64 KiB;
 * `runStarted` first and `runFinished` last (when the run is over); every unit, node and finalizer
 * starts and ends once per attempt, attempts numbered from 1 with no gap and a retry following a
 * failed attempt; the final status matches how the units ended. What the events said of each
 * subject so far lives in typed arrays at the subject's position: traces have hundreds of thousands
 * of events, and an object and a map entry per subject cost more than the checks.
 */
export function checkConsistency(trace: GraphExecutionTrace, issues: IssueCollector, numbering: SubjectPositions, step?: EventStep): void {
  const events = trace.events;
  const count = events.length;
  const bound = numbering.bound(count);
  // Per position: the event that started the running attempt (-1: none), the last attempt started
  // (0: none), and how it ended so far.
  const openAt = new Int32Array(bound).fill(-1);
  const attempts = new Int32Array(bound);
  const outcomes = new Uint8Array(bound);
  // How many units ended each way, kept as outcomes change: the status check needs no walk.
  const unitOutcomes = new Int32Array(4);
  let last = trace.startedAt;
  let previousSeq = -1;
  // Optional members are read by name while Object.prototype is as the engine made it, else as own
  // members (docs/architecture.md, "Own members only"): the same answers, the first much faster.
  const direct = objectPrototypeIsStandard();
  for (let i = 0; i < count; i++) {
    const event = events[i]!;
    // Each member read once: events come in several shapes, and every read of one costs.
    const { type, at } = event;
    const payload = direct ? event.payload : (own(event, "payload") as TraceEvent["payload"]);
    // One issue per run of misnumbered events: after a missing or doubled event, the ones that
    // go on counting from the wrong number are not reported again.
    const seq = event.seq;
    if (seq !== i && !(i > 0 && previousSeq !== i - 1 && seq === previousSeq + 1)) {
      issues.add("trace-seq-invalid", `seq must be the event's position, ${i}, not ${seq}${seq === i + 1 || seq === i - 1 ? " (an event is missing or repeated before it; the events that count on from it are not reported again)" : ""}`, ["events", i, "seq"]);
    }
    previousSeq = seq;
    if (isBefore(at, last)) issues.add("trace-time-regression", `the event happens at ${at}, before the one before it (${last})`, ["events", i, "at"]);
    else last = at;
    const inline = payload === undefined ? undefined : direct ? (payload as { inline?: unknown }).inline : own(payload, "inline");
    const oversize = inline === undefined ? undefined : inlinePayloadOverLimit(inline);
    if (oversize !== undefined) issues.add("trace-payload-too-large", `the inline payload is ${oversize} bytes of canonical JSON, more than ${MAX_INLINE_PAYLOAD_BYTES}: store it elsewhere and reference it with its digest`, ["events", i, "payload", "inline"]);
    const code = eventCode(type);
    const subject = subjectOf(code);
    const phase = phaseOf(code);
    if (subject === Subject.Run) {
      if (phase === Phase.Started && i !== 0) issues.add("trace-run-events", "runStarted is the first event, once", ["events", i, "type"]);
      if (phase === Phase.Ended && i !== count - 1) issues.add("trace-run-events", "runFinished is the last event, once", ["events", i, "type"]);
      continue;
    }
    const unit = subject === Subject.Unit;
    const id = direct ? (unit ? event.unitId : event.nodeId) : ((unit ? own(event, "unitId") : own(event, "nodeId")) as string | undefined);
    if (id === undefined) {
      issues.add("trace-event-subject-missing", `a ${type} event names its ${unit ? "unitId" : "nodeId"}`, ["events", i]);
      continue;
    }
    const position = numbering.positionOf(subject, id);
    step?.event(event, i, code, position, direct);
    const started = openAt[position]!;
    const attempt = unit ? ((direct ? event.attempt : (own(event, "attempt") as number | undefined)) ?? 1) : 1;
    const previous = attempts[position]!;
    let outcome = outcomes[position]! as Outcome;
    if (phase === Phase.Started) {
      if (started >= 0) issues.add("trace-lifecycle-invalid", `${id} starts again while attempt ${previous} is still running`, ["events", i]);
      else if (outcome === Outcome.Skipped) issues.add("trace-lifecycle-invalid", `${id} starts after it was skipped`, ["events", i, "type"]);
      else if (unit && previous > 0 && outcome !== Outcome.Failed) issues.add("trace-lifecycle-invalid", `${id} starts attempt ${attempt}, but attempt ${previous} did not fail`, ["events", i, "type"]);
      if (attempt !== previous + 1) issues.add("trace-attempt-invalid", `attempts are numbered from 1 with no gap: expected attempt ${previous + 1}, not ${attempt}`, ["events", i, "attempt"]);
      openAt[position] = i;
      attempts[position] = attempt;
      continue;
    }
    if (phase === Phase.Ended) {
      if (started < 0) issues.add("trace-lifecycle-invalid", `${id} ends without having started`, ["events", i, "type"]);
      else if (unit && attempt !== previous) issues.add("trace-attempt-invalid", `ends attempt ${attempt}, but attempt ${previous} is the one running`, ["events", i, "attempt"]);
      openAt[position] = -1;
      outcome = isFailure(code, event, direct) ? Outcome.Failed : Outcome.Succeeded;
    } else if (phase === Phase.Skipped) {
      if (started >= 0 || previous > 0) issues.add("trace-lifecycle-invalid", `${id} is skipped after it started`, ["events", i, "type"]);
      else if (outcome === Outcome.Skipped) issues.add("trace-lifecycle-invalid", `${id} is skipped twice`, ["events", i, "type"]);
      outcome = Outcome.Skipped;
    } else if (outcome !== Outcome.Failed || started >= 0) {
      issues.add("trace-lifecycle-invalid", `${id} is retried, but its last attempt did not fail`, ["events", i, "type"]);
    }
    if (unit) {
      unitOutcomes[outcomes[position]!]!--;
      unitOutcomes[outcome]!++;
    }
    outcomes[position] = outcome;
  }
  checkRunEnds(trace, last, issues);
  if (TERMINAL.has(trace.status)) reportNeverEnded(events, openAt, issues);
  checkStatus(trace, unitOutcomes[Outcome.Succeeded]!, unitOutcomes[Outcome.Failed]!, issues);
}

/** In a finished run, every subject still running never ended: reported in the order they started. */
function reportNeverEnded(events: GraphExecutionTrace["events"], openAt: Int32Array, issues: IssueCollector): void {
  const starts: number[] = [];
  for (const start of openAt) if (start >= 0) starts.push(start);
  starts.sort((a, b) => a - b);
  for (const start of starts) {
    const event = events[start]!;
    const id = subjectOf(eventCode(event.type)) === Subject.Unit ? own(event, "unitId") : own(event, "nodeId");
    issues.add("trace-lifecycle-invalid", `${String(id)} started but never ended`, ["events", start]);
  }
}

/** The run starts with runStarted and, once over, ends with runFinished, at or before finishedAt. */
function checkRunEnds(trace: GraphExecutionTrace, last: string, issues: IssueCollector): void {
  if (trace.events[0]?.type !== "runStarted") issues.add("trace-run-events", "a trace starts with a runStarted event", ["events", 0]);
  const ended = trace.events.at(-1)?.type === "runFinished";
  if (TERMINAL.has(trace.status) !== ended) {
    const message = ended ? `the run is still ${trace.status}, yet the trace ends with runFinished` : `a ${trace.status} run ends with a runFinished event, and this trace has none`;
    issues.add("trace-run-events", message, ["events", Math.max(0, trace.events.length - 1)]);
  }
  const finishedAt = own(trace, "finishedAt") as string | undefined;
  if (finishedAt !== undefined && isBefore(finishedAt, last)) issues.add("trace-time-regression", "finishedAt is before the last event", ["finishedAt"]);
}

/** The run's status agrees with how its units ended. */
function checkStatus(trace: GraphExecutionTrace, succeeded: number, failed: number, issues: IssueCollector): void {
  const wrong =
    (trace.status === "succeeded" && failed > 0) || (trace.status === "failed" && failed === 0) || (trace.status === "partial" && (failed === 0 || succeeded === 0));
  if (wrong) issues.add("trace-status-inconsistent", `status ${trace.status} does not match the units' outcomes (${succeeded} succeeded, ${failed} failed in the end)`, ["status"]);
}
