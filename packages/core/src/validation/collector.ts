import type { KnownIssueCode, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";

const TRUNCATED_MESSAGE = " more issue(s) were found but not reported";
// Said when a walk stopped reading the document (a limit exceeded, the issue list full): what it
// did not read may hold more issues, which no count can give.
const UNCHECKED_MESSAGE = "the rest of the document was not checked after a limit was exceeded with the issue list full, so there may be more";

/**
 * How many issues an `issues-truncated` issue (written by {@link IssueCollector.finish}) says were
 * left out: its count, 0 for a notice that only says part of the document went unread (it counts
 * nothing), else at least 1.
 */
export function truncatedCount(issue: ValidationIssue): number {
  const n = Number(/^(\d+) more issue/.exec(issue.message)?.[1]);
  if (Number.isSafeInteger(n) && n > 0) return n;
  return issue.message.includes(UNCHECKED_MESSAGE) ? 0 : 1;
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
  private unchecked = false;

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
      if (issue.code === "issues-truncated") {
        if (issue.message.includes(UNCHECKED_MESSAGE)) this.unchecked = true;
        const count = truncatedCount(issue);
        if (count > 0) this.drop(issue.severity === "error", count);
      } else this.push(issue);
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

  /**
   * A walk stopped reading the document (a limit was exceeded and the issue list is full): `finish`
   * says so in its `issues-truncated`, an error, since what was not read was not checked.
   */
  markUnchecked(): void {
    this.unchecked = true;
  }

  get errorCount(): number {
    // A notice of an unread part is an error of its own when no hidden error already counts for it.
    return this.issues.filter((i) => i.severity === "error").length + this.droppedErrors + (this.unchecked && this.droppedErrors === 0 ? 1 : 0);
  }

  finish(): ValidationIssue[] {
    if (this.dropped > 0 || this.unchecked) {
      const severity = this.droppedErrors > 0 || this.unchecked ? "error" : "warning";
      const found = this.dropped > 0 ? `${this.dropped}${TRUNCATED_MESSAGE}` : "";
      const message = this.unchecked ? (found ? `${found}, and ${UNCHECKED_MESSAGE}` : `Issues may be missing: ${UNCHECKED_MESSAGE}`) : found;
      this.issues.push(makeIssue("issues-truncated", `${message} (maxIssues is ${this.maxIssues})`, [], { severity }));
      this.dropped = 0;
      this.droppedErrors = 0;
      this.unchecked = false;
    }
    return this.issues;
  }
}
