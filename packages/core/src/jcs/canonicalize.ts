/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). The canonical text's UTF-8 bytes are the
 * canonical bytes. Values that have no JSON form are rejected with a coded error, never written
 * some other way; docs/canonical-json.md lists the exact rules.
 */
import type { OperationResult } from "@graphenix/contracts";
import { CanonicalizationError, JcsFailure } from "./errors.js";
import { ExactSerializer } from "./exact.js";
import { fastCanonicalize } from "./fast.js";
import { isStackOverflow } from "../stack.js";
import { own } from "../validation/json-access.js";

export interface CanonicalizeOptions {
  /** Deepest nesting of arrays and objects accepted. Default {@link DEFAULT_CANONICAL_MAX_DEPTH}. */
  readonly maxDepth?: number;
}

/**
 * Deep enough for any real document, and for every document a validator can accept (at most
 * MAX_VALIDATION_DEPTH, 1,000) with room for the levels a plan wraps around its graph: hashing a
 * validated document never meets this limit. Both walks are safe at any depth; this bounds the work.
 */
export const DEFAULT_CANONICAL_MAX_DEPTH = 4096;

function run(value: unknown, options: CanonicalizeOptions | undefined): string {
  // Own members only (docs/architecture.md): a `maxDepth` on Object.prototype is not the caller's.
  const maxDepth = (own(options, "maxDepth") as number | undefined) ?? DEFAULT_CANONICAL_MAX_DEPTH;
  try {
    const fast = fastCanonicalize(value, maxDepth);
    if (fast !== undefined) return fast;
    return new ExactSerializer(maxDepth).serialize(value);
  } catch (e) {
    if (e instanceof JcsFailure) throw e.toError();
    // Both walks build one string; past the engine's largest string that is a RangeError.
    if (e instanceof RangeError && /string length/i.test(e.message)) {
      throw new JcsFailure("jcs-too-large", "the canonical text would be longer than the largest string JavaScript can hold").toError();
    }
    if (isStackOverflow(e)) throw e;
    // Anything else was thrown by the value itself as it was read: a getter or a Proxy that throws
    // (a revoked Proxy throws on any look). No JSON text makes one.
    throw new JcsFailure("jcs-unreadable", "reading the value threw (a getter or a Proxy that throws): it is not plain JSON data").toError();
  }
}

/**
 * The RFC 8785 canonical text of `value`. Throws {@link CanonicalizationError} (with a coded
 * issue and the JSON Pointer of the offending value) when `value` is not JSON.
 */
export function canonicalize(value: unknown, options?: CanonicalizeOptions): string {
  return run(value, options);
}

/** {@link canonicalize} without throwing: for values that come from users. */
export function canonicalizeResult(value: unknown, options?: CanonicalizeOptions): OperationResult<string> {
  try {
    return { ok: true, value: run(value, options) };
  } catch (e) {
    if (e instanceof CanonicalizationError) return { ok: false, issues: [e.issue] };
    throw e;
  }
}

/** The canonical bytes: UTF-8 of the canonical text. */
export function canonicalBytes(value: unknown, options?: CanonicalizeOptions): Uint8Array {
  return Buffer.from(run(value, options), "utf8");
}
