import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalize, jsonEqual } from "@graphenix/core";

describe("jsonEqual", () => {
  it("agrees with comparing canonical forms", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonicalize(a) === canonicalize(b));
        const reordered = JSON.parse(JSON.stringify(a, (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as unknown;
        expect(jsonEqual(a, reordered)).toBe(true);
      }),
      { numRuns: 2_000, seed: 3 },
    );
  });

  it("treats member order as irrelevant and array order as relevant", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: undefined }, {})).toBe(false);
    expect(jsonEqual(-0, 0)).toBe(true);
  });
});
