import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePointer, encodePointer, resolvePointer } from "@graphenix/core";
import { anyJson, pathsOf } from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";

/** RFC 6901 lookup the plain way: decode every token first, then walk (resolvePointer's contract). */
function reference(document: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  let node = document;
  for (const token of decodePointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= node.length) return { found: false };
      node = node[Number(token)];
    } else if (node !== null && typeof node === "object" && Object.prototype.hasOwnProperty.call(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

/** The result, or the class and message of what was thrown. */
function outcome(f: () => unknown): unknown {
  try {
    return { returned: f() };
  } catch (error) {
    return { threw: (error as Error).name, message: (error as Error).message };
  }
}

// Pointer-ish strings: the characters that matter to RFC 6901, plus member names that exist.
const pointerish = fc.array(fc.constantFrom("/", "~", "0", "1", "2", "a", "b", "~0", "~1", "~2", "-", "01", ""), { maxLength: 12 }).map((parts) => parts.join(""));

describe("resolvePointer", () => {
  it("finds every path of a document, and answers every other string as the decode-then-walk reference does", () => {
    fc.assert(
      fc.property(anyJson, pointerish, fc.nat(), (doc, junk, pick) => {
        const paths = pathsOf(doc);
        const real = encodePointer(paths[pick % Math.max(paths.length, 1)] ?? []);
        expect(resolvePointer(doc, real)).toEqual(reference(doc, real));
        expect(resolvePointer(doc, real).found).toBe(true);
        for (const pointer of [junk, `/${junk}`, real + junk, `${real}/${junk}`]) {
          expect(outcome(() => resolvePointer(doc, pointer))).toEqual(outcome(() => reference(doc, pointer)));
        }
      }),
      fuzz(CI_RUNS),
    );
  });

  it("throws for a bad escape even after a token that is not there", () => {
    expect(() => resolvePointer({}, "/missing/a~2")).toThrow('invalid escape in JSON Pointer token "a~2"');
    expect(() => resolvePointer({}, "/missing/a~")).toThrow('invalid escape in JSON Pointer token "a~"');
    expect(() => resolvePointer({}, "missing")).toThrow('JSON Pointer must be empty or start with "/": "missing"');
  });
});
