import type { KnownIssueCode, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";

/**
 * Thrown by `canonicalize` and `digest` when a value has no RFC 8785 form. Carries the coded
 * issue; use `canonicalizeResult` / `digestResult` to get the issue without a throw.
 */
export class CanonicalizationError extends Error {
  override readonly name = "CanonicalizationError";
  readonly code: KnownIssueCode;
  readonly issue: ValidationIssue;

  constructor(issue: ValidationIssue & { code: KnownIssueCode }) {
    super(`${issue.pointer || "(root)"}: ${issue.code}: ${issue.message}`);
    this.code = issue.code;
    this.issue = issue;
  }
}

/** Internal: raised at the failing value; the serializer fills in the path from its stack. */
export class JcsFailure {
  readonly path: (string | number)[] = [];
  /**
   * @param depth How many of the open containers lead to the failing value (default: all of
   *   them); a cycle is reported where it first closes, not where the depth limit found it.
   */
  constructor(
    readonly code: KnownIssueCode,
    readonly message: string,
    readonly depth?: number,
  ) {}

  toError(): CanonicalizationError {
    const path = this.path.reverse();
    return new CanonicalizationError({ ...makeIssue(this.code, this.message, path), code: this.code });
  }
}
