import { EXECUTION_TRACE_FORMAT, type GraphExecutionTrace, type TraceEvent, type ValidationResult } from "@graphenix/contracts";
import { checkFormat, IssueCollector, resolveLimits, scanDocument, schemaIssues, validationResult, type ValidationOptions } from "@graphenix/core";
import { validateTraceSchema } from "./generated/schema-validators.js";
import { isFailure, meaning } from "./lifecycle.js";

const TERMINAL = new Set(["succeeded", "failed", "partial", "cancelled"]);

interface Open {
  attempt: number;
  startedAt: number; // event index
}

/** Event order: seq is the position; times never go back; the run starts first and (when over) finishes last. */
function checkOrder(trace: GraphExecutionTrace, issues: IssueCollector): void {
  let last = trace.startedAt;
  trace.events.forEach((event, i) => {
    if (event.seq !== i) issues.add("trace-seq-invalid", `seq must be the event's position, ${i}`, ["events", i, "seq"]);
    if (event.at < last) issues.add("trace-time-regression", `the event happens at ${event.at}, before the one before it (${last})`, ["events", i, "at"]);
    if (event.at > last) last = event.at;
    const [subject, phase] = meaning(event.type);
    if (subject === "run" && phase === "started" && i !== 0) issues.add("trace-run-events", "runStarted is the first event, once", ["events", i, "type"]);
    if (subject === "run" && phase === "ended" && i !== trace.events.length - 1) issues.add("trace-run-events", "runFinished is the last event, once", ["events", i, "type"]);
  });
  if (trace.events[0]?.type !== "runStarted") issues.add("trace-run-events", "a trace starts with a runStarted event", ["events", 0]);
  const ended = trace.events.at(-1)?.type === "runFinished";
  if (TERMINAL.has(trace.status) !== ended) {
    issues.add("trace-run-events", ended ? "a running trace has no runFinished event" : `a ${trace.status} trace ends with a runFinished event`, ["events", Math.max(0, trace.events.length - 1)]);
  }
  if (trace.finishedAt !== undefined && trace.finishedAt < last) issues.add("trace-time-regression", "finishedAt is before the last event", ["finishedAt"]);
}

/**
 * Every started unit, node and finalizer ends exactly once per attempt; attempts are numbered
 * from 1 with no gap, a retry opening the next one; nothing ends that has not started.
 */
function checkLifecycles(trace: GraphExecutionTrace, issues: IssueCollector): Map<string, "succeeded" | "failed" | "skipped"> {
  const open = new Map<string, Open>();
  const lastAttempt = new Map<string, number>();
  const outcome = new Map<string, "succeeded" | "failed" | "skipped">();
  trace.events.forEach((event, i) => {
    const [subject, phase] = meaning(event.type);
    if (subject === "run") return;
    const id = subject === "unit" ? event.unitId : event.nodeId;
    if (id === undefined) {
      issues.add("trace-event-subject-missing", `a ${event.type} event names its ${subject === "unit" ? "unitId" : "nodeId"}`, ["events", i]);
      return;
    }
    const key = `${subject}\u0000${id}`;
    const attempt = subject === "unit" ? (event.attempt ?? 1) : 1;
    const current = open.get(key);
    if (phase === "started") {
      if (current) issues.add("trace-lifecycle-invalid", `${id} starts again while attempt ${current.attempt} is still running`, ["events", i]);
      const expected = (lastAttempt.get(key) ?? 0) + 1;
      if (attempt !== expected) issues.add("trace-attempt-invalid", `attempts are numbered from 1 with no gap: expected attempt ${expected}, not ${attempt}`, ["events", i, "attempt"]);
      open.set(key, { attempt, startedAt: i });
      lastAttempt.set(key, attempt);
    } else if (phase === "ended") {
      if (!current) issues.add("trace-lifecycle-invalid", `${id} ends without having started`, ["events", i, "type"]);
      else if (subject === "unit" && attempt !== current.attempt) issues.add("trace-attempt-invalid", `ends attempt ${attempt}, but attempt ${current.attempt} is the one running`, ["events", i, "attempt"]);
      open.delete(key);
      outcome.set(key, isFailure(event) ? "failed" : "succeeded");
    } else if (phase === "skipped") {
      if (current || lastAttempt.has(key)) issues.add("trace-lifecycle-invalid", `${id} is skipped after it started`, ["events", i, "type"]);
      outcome.set(key, "skipped");
    } else if (outcome.get(key) !== "failed" || current) {
      issues.add("trace-lifecycle-invalid", `${id} is retried, but its last attempt did not fail`, ["events", i, "type"]);
    }
  });
  if (TERMINAL.has(trace.status)) {
    for (const [key, { startedAt }] of open) issues.add("trace-lifecycle-invalid", `${key.split("\u0000")[1]} started but never ended`, ["events", startedAt]);
  }
  return outcome;
}

/** The run's status agrees with how its units ended. */
function checkStatus(trace: GraphExecutionTrace, outcome: Map<string, string>, issues: IssueCollector): void {
  const units = [...outcome].filter(([key]) => key.startsWith("unit\u0000")).map(([, o]) => o);
  const failed = units.filter((o) => o === "failed").length;
  const succeeded = units.filter((o) => o === "succeeded").length;
  const wrong =
    (trace.status === "succeeded" && failed > 0) || (trace.status === "failed" && failed === 0) || (trace.status === "partial" && (failed === 0 || succeeded === 0));
  if (wrong) issues.add("trace-status-inconsistent", `status ${trace.status} does not match the units' outcomes (${succeeded} succeeded, ${failed} failed in the end)`, ["status"]);
}

/**
 * Validates a `graphenix.execution-trace/v1` trace on its own: schema, credentials, event order,
 * monotonic times, each unit / node / finalizer starting and ending once per attempt, attempts from
 * 1, and a final status that matches the events. Binding to its plan is `bindTraceToPlan`.
 */
export function validateTrace(trace: unknown, options?: ValidationOptions): ValidationResult<GraphExecutionTrace> {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  if (checkFormat(trace, [EXECUTION_TRACE_FORMAT], issues) && scanDocument(trace, limits, { credentials: true }, issues)) {
    if (!validateTraceSchema(trace)) for (const issue of schemaIssues(validateTraceSchema.errors, trace)) issues.push(issue);
    else {
      const t = trace as GraphExecutionTrace;
      checkOrder(t, issues);
      checkStatus(t, checkLifecycles(t, issues), issues);
    }
  }
  return validationResult<GraphExecutionTrace>(trace, issues);
}

export type { TraceEvent };
