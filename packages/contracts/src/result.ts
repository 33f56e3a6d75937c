import type { ValidationIssue } from "./generated/index.js";

/**
 * What every validator returns (DESIGN §7). It never throws for user data.
 *
 * On success `issues` holds only warnings (usually none); on failure it holds at least one
 * issue of severity `error`, in document order of discovery.
 */
export type ValidationResult<T> =
  | { readonly valid: true; readonly value: T; readonly issues: readonly ValidationIssue[] }
  | { readonly valid: false; readonly issues: readonly ValidationIssue[] };

/** What operations that produce something (parse, canonicalize, compile) return. */
export type OperationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };
