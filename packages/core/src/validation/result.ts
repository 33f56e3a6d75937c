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

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A Timestamp that the schema's pattern accepted is also a real calendar date (no February 30th),
 * in the proleptic Gregorian calendar RFC 3339 uses, years 0000 to 9999 alike. (Not through
 * `Date.UTC`, which reads years 0–99 as 1900–1999.)
 */
export function isRealDate(timestamp: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(timestamp);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number));
}
