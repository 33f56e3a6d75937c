import type { KnownIssueCode, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";

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

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === "error").length + this.dropped;
  }

  finish(): ValidationIssue[] {
    if (this.dropped > 0) {
      this.issues.push(makeIssue("issues-truncated", `${this.dropped} more issue(s) were found but not reported (maxIssues is ${this.maxIssues})`));
      this.dropped = 0;
    }
    return this.issues;
  }
}
