import type { KnownIssueCode, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";

const TRUNCATED_MESSAGE = " more issue(s) were found but not reported";

/** How many issues an `issues-truncated` issue (written by {@link IssueCollector.finish}) says were left out; at least 1. */
export function truncatedCount(issue: ValidationIssue): number {
  const n = Number(/^(\d+) more issue/.exec(issue.message)?.[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

/**
 * Collects issues up to a cap. Rules push into it; past `maxIssues` it only counts, and
 * `finish()` appends one `issues-truncated` issue saying how many were left out: an error when an
 * error was left out, else a warning (left-out warnings never make a result invalid).
 */
export class IssueCollector {
  readonly issues: ValidationIssue[] = [];
  private dropped = 0;
  private droppedErrors = 0;

  constructor(private readonly maxIssues: number) {}

  add(code: KnownIssueCode, message: string, path: readonly (string | number)[] = []): void {
    this.push(makeIssue(code, message, path));
  }

  push(issue: ValidationIssue): void {
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
    else this.drop(issue.severity === "error");
  }

  private drop(error: boolean, count = 1): void {
    this.dropped += count;
    if (error) this.droppedErrors += count;
  }

  /**
   * Another validation's issues, under this cap: its `issues-truncated` issue is not kept as an
   * issue but adds the count it reports to this collector's (as errors when it is an error), so a
   * result that joins two documents' issues holds at most `maxIssues` and one `issues-truncated`
   * with the whole count.
   */
  pushAll(issues: readonly ValidationIssue[]): void {
    for (const issue of issues) {
      if (issue.code === "issues-truncated") this.drop(issue.severity === "error", truncatedCount(issue));
      else this.push(issue);
    }
  }

  /** Whether another issue would still be kept (not only counted). */
  hasRoomLeft(): boolean {
    return this.issues.length < this.maxIssues;
  }

  /**
   * For walks that may find an error per value of a huge document: false when the cap is reached,
   * and the error the caller was about to build is only counted (its path and message never made).
   */
  hasRoom(): boolean {
    if (this.issues.length < this.maxIssues) return true;
    this.drop(true);
    return false;
  }

  /**
   * As hasRoom, for an issue of either severity: false when the cap is reached, and the issue is
   * only counted (as an error or a warning), so a caller with thousands of issues to report builds
   * only the ones that are kept.
   */
  hasRoomFor(severity: "error" | "warning"): boolean {
    if (this.issues.length < this.maxIssues) return true;
    this.drop(severity === "error");
    return false;
  }

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === "error").length + this.droppedErrors;
  }

  finish(): ValidationIssue[] {
    if (this.dropped > 0) {
      const severity = this.droppedErrors > 0 ? "error" : "warning";
      this.issues.push(makeIssue("issues-truncated", `${this.dropped}${TRUNCATED_MESSAGE} (maxIssues is ${this.maxIssues})`, [], { severity }));
      this.dropped = 0;
      this.droppedErrors = 0;
    }
    return this.issues;
  }
}
