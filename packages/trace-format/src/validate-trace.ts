import { EXECUTION_TRACE_FORMAT, type GraphExecutionTrace, type TraceEvent, type ValidationResult } from "@graphenix/contracts";
import { checkFormat, IssueCollector, quickAccept, resolveLimits, scanDocument, schemaIssues, validationResult, type ScanOptions, type ValidationOptions } from "@graphenix/core";
import { acceptTrace, quickAcceptTrust } from "./generated/quick-accept.js";
import { validateTraceSchema } from "./generated/schema-validators.js";
import { checkConsistency, type EventSubjects } from "./consistency.js";
import { FirstSeenPositions, type SubjectPositions } from "./positions.js";
import { keepShape } from "@graphenix/core";

const SCAN: ScanOptions = { credentials: true };

/**
 * Validates a `graphenix.execution-trace/v1` trace on its own: schema, credentials, event order,
 * monotonic times, each unit / node / finalizer starting and ending once per attempt, attempts from
 * 1, and a final status that matches the events. Binding to its plan is `bindTraceToPlan`.
 */
export function validateTrace(trace: unknown, options?: ValidationOptions): ValidationResult<GraphExecutionTrace> {
  return checkTrace(trace, options, new FirstSeenPositions()).result;
}

/** A trace's validation, and what its consistency pass learnt of each event (a class whose shape is kept: keepShape). */
export class CheckedTrace {
  constructor(
    readonly result: ValidationResult<GraphExecutionTrace>,
    readonly subjects: EventSubjects | undefined,
  ) {}
}
keepShape(new CheckedTrace({ valid: false, issues: [] }, undefined));

/**
 * `validateTrace`, numbering the subjects with `numbering`; when the trace is schema-valid, also
 * what the consistency pass learnt of each event (binding reuses it instead of reading it again).
 */
export function checkTrace(trace: unknown, options: ValidationOptions | undefined, numbering: SubjectPositions): CheckedTrace {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  let subjects: EventSubjects | undefined;
  if (checkFormat(trace, [EXECUTION_TRACE_FORMAT], issues)) {
    // A clean, schema-valid trace is recognised in one walk (docs/quick-accept.md); for any other
    // the scan and the schema validator run and report what they find.
    if (quickAccept(acceptTrace, trace, limits, SCAN, quickAcceptTrust)) subjects = checkConsistency(trace as GraphExecutionTrace, issues, numbering);
    else if (scanDocument(trace, limits, SCAN, issues)) {
      if (!validateTraceSchema(trace)) for (const issue of schemaIssues(validateTraceSchema.errors, trace)) issues.push(issue);
      else subjects = checkConsistency(trace as GraphExecutionTrace, issues, numbering);
    }
  }
  return new CheckedTrace(validationResult<GraphExecutionTrace>(trace, issues), subjects);
}

export type { TraceEvent };
