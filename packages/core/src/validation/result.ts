import type { KnownIssueCode, ValidationIssue, ValidationResult } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";
import type { IssueCollector } from "./collector.js";

/** The validator result for `value` from what the collector holds: invalid as soon as one issue is an error. */
export function validationResult<T>(value: unknown, collector: IssueCollector): ValidationResult<T> {
  const issues = collector.finish();
  return issues.some((i) => i.severity === "error") ? { valid: false, issues } : { valid: true, value: value as T, issues };
}

/** The same issues with `prefix` put in front of their paths (and pointers): for a document inside another. */
export function prefixIssues(prefix: readonly (string | number)[], issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => makeIssue(i.code as KnownIssueCode, i.message, [...prefix, ...i.path], { severity: i.severity }));
}

/** A Timestamp that the schema's pattern accepted is also a real calendar date (no February 30th). */
export function isRealDate(timestamp: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(timestamp);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
