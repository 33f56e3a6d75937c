import * as crypto from "node:crypto";
import type { OperationResult } from "@graphenix/contracts";
import { canonicalize, canonicalizeResult, type CanonicalizeOptions } from "./jcs/canonicalize.js";
import { isHighSurrogate, isLowSurrogate } from "./unicode.js";

/** The `sha256:` prefix of every Graphenix digest. */
export const DIGEST_PREFIX = "sha256:";

// The one-shot `crypto.hash` (Node ≥ 20.12) is several times faster than a Hash object for the
// small texts we hash per node (identities, inputs); older Node 20 releases use the Hash object.
type OneShotHash = (algorithm: string, data: Uint8Array | string, encoding: "hex") => string;
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

/**
 * From this length on a string is hashed a chunk at a time. Why: hashing a string whole first
 * writes all of its UTF-8 bytes into one buffer as large as the text; a 27 MB plan text hashed in
 * 1 MiB chunks took 23 ms against 38 ms whole, a 270 MB one 226 ms against 373 ms.
 */
const CHUNKED_FROM = 1 << 20;

/** Lowercase hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export function sha256Hex(data: Uint8Array | string): string {
  if (typeof data === "string" && data.length >= CHUNKED_FROM) return sha256HexInChunks(data, CHUNKED_FROM);
  return typeof oneShot === "function" ? oneShot("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex");
}

/**
 * {@link sha256Hex} of a string fed to the hash `size` code units at a time (exported for tests).
 * A chunk never ends between the two halves of a surrogate pair: each half alone would be written
 * as U+FFFD, not as the 4 bytes of the character they make together. (A lone surrogate is U+FFFD
 * either way, as it is when the string is hashed whole.)
 */
export function sha256HexInChunks(text: string, size: number): string {
  const hash = crypto.createHash("sha256");
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    if (isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end++;
    hash.update(text.slice(start, end));
    start = end;
  }
  return hash.digest("hex");
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
