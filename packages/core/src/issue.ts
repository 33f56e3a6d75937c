import type { IssueSeverity, KnownIssueCode, SourceLocation, ValidationIssue } from "@graphenix/contracts";
import { encodePointer } from "./pointer.js";

/** Builds a ValidationIssue; `pointer` is always derived from `path` so the two never disagree. */
export function makeIssue(
  code: KnownIssueCode,
  message: string,
  path: readonly (string | number)[] = [],
  extra: { severity?: IssueSeverity; location?: SourceLocation } = {},
): ValidationIssue {
  const issue: ValidationIssue = {
    code,
    message,
    path: [...path],
    pointer: encodePointer(path),
    severity: extra.severity ?? "error",
  };
  if (extra.location) issue.location = extra.location;
  return issue;
}
