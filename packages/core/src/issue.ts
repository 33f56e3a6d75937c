import type { IssueSeverity, KnownIssueCode, SourceLocation, ValidationIssue } from "@graphenix/contracts";
import { encodePointer } from "./pointer.js";
import { own } from "./validation/json-access.js";

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
    // Own members only (docs/architecture.md): a `severity` on Object.prototype must not make
    // every issue a warning.
    severity: (own(extra, "severity") as IssueSeverity | undefined) ?? "error",
  };
  const location = own(extra, "location") as SourceLocation | undefined;
  if (location) issue.location = location;
  return issue;
}
