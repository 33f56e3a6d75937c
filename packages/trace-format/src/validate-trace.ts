import { EXECUTION_TRACE_FORMAT, type GraphExecutionTrace, type TraceEvent, type ValidationResult } from "@graphenix/contracts";
import { checkFormat, IssueCollector, quickAccept, resolveLimits, scanDocument, schemaIssues, validateGuarded, validationResult, type ScanOptions, type ValidationOptions } from "@graphenix/core";
import { acceptTrace, quickAcceptTrust } from "./generated/quick-accept.js";
import { validateTraceSchema } from "./generated/schema-validators.js";
import { checkConsistency, type EventStep } from "./consistency.js";
import { FirstSeenPositions, type SubjectPositions } from "./positions.js";

const SCAN: ScanOptions = { credentials: true };

/**
 * Validates a `graphenix.execution-trace/v1` trace on its own: schema, credentials, event order,
 * monotonic times, each unit / node / finalizer starting and ending once per attempt, attempts from
 * 1, and a final status that matches the events. Binding to its plan is `bindTraceToPlan`.
 */
export function validateTrace(trace: unknown, options?: ValidationOptions): ValidationResult<GraphExecutionTrace> {
  return checkTrace(trace, options, new FirstSeenPositions());
}

/**
 * `validateTrace`, numbering the subjects with `numbering`, and running `step` on each event the
 * consistency pass reads (binding: the event is then read once for both).
 */
export function checkTrace(trace: unknown, options: ValidationOptions | undefined, numbering: SubjectPositions, step?: EventStep): ValidationResult<GraphExecutionTrace> {
  // The consistency pass reads the events again after the scan: a getter may answer differently.
  return validateGuarded(trace, () => checkTraceOnce(trace, options, numbering, step));
}

function checkTraceOnce(trace: unknown, options: ValidationOptions | undefined, numbering: SubjectPositions, step?: EventStep): ValidationResult<GraphExecutionTrace> {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  if (checkFormat(trace, [EXECUTION_TRACE_FORMAT], issues)) {
    // A clean, schema-valid trace is recognised in one walk (docs/quick-accept.md); for any other
    // the scan and the schema validator run and report what they find.
    if (quickAccept(acceptTrace, trace, limits, SCAN, quickAcceptTrust)) checkConsistency(trace as GraphExecutionTrace, issues, numbering, step);
    else if (scanDocument(trace, limits, SCAN, issues)) {
      if (!validateTraceSchema(trace)) for (const issue of schemaIssues(validateTraceSchema.errors, trace)) issues.push(issue);
      else checkConsistency(trace as GraphExecutionTrace, issues, numbering, step);
    }
  }
  return validationResult<GraphExecutionTrace>(trace, issues);
}

export type { TraceEvent };
