import { canonicalizeResult, DEFAULT_CANONICAL_MAX_DEPTH, type JsonParseLimits } from "@graphenix/core";
import { CliFailure, formatIssue } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import type { JsonInput } from "./input.js";

/** The canonical text of an input; a raised --max-depth raises the canonicalizer's limit too. */
export function canonicalText(input: JsonInput, limits: JsonParseLimits): string {
  const maxDepth = Math.max(limits.maxDepth ?? 0, DEFAULT_CANONICAL_MAX_DEPTH);
  const result = canonicalizeResult(input.value, { maxDepth });
  if (!result.ok) throw new CliFailure(result.issues.map((i) => formatIssue(input.source, i)).join("\n"), EXIT.invalid);
  return result.value;
}
