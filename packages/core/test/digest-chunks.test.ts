import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "@graphenix/core";
import { sha256HexInChunks } from "../src/digest.js";

/** The reference: the string's UTF-8 bytes, hashed whole. */
const whole = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

// Astral characters (surrogate pairs), lone surrogates, and 1-, 2- and 3-byte characters.
const piece = fc.constantFrom("a", "é", "€", "😀", "𝄞", "\ud800", "\udc00", "\udbff\udfff", "\"", "\n");

describe("sha256Hex of long strings, hashed in chunks", () => {
  it("equals the digest of the whole UTF-8 text, whatever chunk size, even where a chunk would split a surrogate pair", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (pieces, size) => {
        const text = pieces.join("");
        expect(sha256HexInChunks(text, size)).toBe(whole(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("is used from 1 MiB on: a pair across the first chunk's end, and a lone surrogate at the very end", () => {
    const pairAcross = `${"x".repeat((1 << 20) - 1)}😀${"y".repeat(10)}`;
    const loneAtEnd = `${"x".repeat(1 << 20)}\ud83d`;
    for (const text of [pairAcross, loneAtEnd]) expect(sha256Hex(text)).toBe(whole(text));
  });
});
