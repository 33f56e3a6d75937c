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
 * `finish()` appends one `issues-truncated` issue saying how many were left out.
 */
export class IssueCollector {
  readonly issues: ValidationIssue[] = [];
  private dropped = 0;

  constructor(private readonly maxIssues: number) {}

  add(code: KnownIssueCode, message: string, path: readonly (string | number)[] = []): void {
    this.push(makeIssue(code, message, path));
  }

  push(issue: ValidationIssue): void {
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
    else this.dropped++;
  }

  /**
   * Another validation's issues, under this cap: its `issues-truncated` issue is not kept as an
   * issue but adds the count it reports to this collector's, so a result that joins two documents'
   * issues holds at most `maxIssues` and one `issues-truncated` with the whole count.
   */
  pushAll(issues: readonly ValidationIssue[]): void {
    for (const issue of issues) {
      if (issue.code === "issues-truncated") this.dropped += truncatedCount(issue);
      else this.push(issue);
    }
  }

  /**
   * False when the cap is reached; then the issue the caller was about to build is only counted.
   * For walks that may find an issue per value of a huge document: they skip building issues
   * (paths, messages) that would be dropped anyway.
   */
  hasRoom(): boolean {
    if (this.issues.length < this.maxIssues) return true;
    this.dropped++;
    return false;
  }

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === "error").length + this.dropped;
  }

  finish(): ValidationIssue[] {
    if (this.dropped > 0) {
      this.issues.push(makeIssue("issues-truncated", `${this.dropped}${TRUNCATED_MESSAGE} (maxIssues is ${this.maxIssues})`));
      this.dropped = 0;
    }
    return this.issues;
  }
}
