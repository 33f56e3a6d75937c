import * as crypto from "node:crypto";
import type { OperationResult } from "@graphenix/contracts";
import { canonicalize, canonicalizeResult, type CanonicalizeOptions } from "./jcs/canonicalize.js";

/** The `sha256:` prefix of every Graphenix digest. */
export const DIGEST_PREFIX = "sha256:";

// The one-shot `crypto.hash` (Node ≥ 20.12) is several times faster than a Hash object for the
// small texts we hash per node (identities, inputs); older Node 20 releases use the Hash object.
type OneShotHash = (algorithm: string, data: Uint8Array | string, encoding: "hex") => string;
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

/** Lowercase hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export function sha256Hex(data: Uint8Array | string): string {
  return typeof oneShot === "function" ? oneShot("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex");
}

/** `sha256:<hex>` over the RFC 8785 canonical bytes of `value`. Throws like `canonicalize`. */
export function digest(value: unknown, options?: CanonicalizeOptions): string {
  return DIGEST_PREFIX + sha256Hex(canonicalize(value, options));
}

/** {@link digest} without throwing. */
export function digestResult(value: unknown, options?: CanonicalizeOptions): OperationResult<string> {
  const canonical = canonicalizeResult(value, options);
  return canonical.ok ? { ok: true, value: DIGEST_PREFIX + sha256Hex(canonical.value) } : canonical;
}

export function isDigest(s: unknown): s is string {
  return typeof s === "string" && /^sha256:[0-9a-f]{64}$/.test(s);
}
