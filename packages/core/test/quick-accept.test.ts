/**
 * quickAccept (docs/quick-accept.md): when it refuses to run a check, that a check running inside
 * another gets its own context, and that limits are compared by value. That the context agrees
 * with scanDocument on every value is a property test (properties.test.ts, "quickAccept").
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_VALIDATION_LIMITS, quickAccept, type QuickAccept, type ScanOptions } from "@graphenix/core";

const NO_TRUST = { names: [], literals: [] };
const SCAN: ScanOptions = { credentials: true };
const FORBIDDEN: ScanOptions = { credentials: true, forbiddenMembers: { names: new Set(["rawresponse"]), code: "plan-forbidden-field", message: () => "run evidence" } };
const anyClean: QuickAccept = (value, context) => context.any(value, 0);

describe("quickAccept", () => {
  it("runs no check when a name or constant it trusts would itself be reported", () => {
    const limits = DEFAULT_VALIDATION_LIMITS;
    const runs: string[] = [];
    const check: QuickAccept = () => (runs.push("ran"), true);
    expect(quickAccept(check, {}, limits, SCAN, { names: ["apiKey"], literals: [] })).toBe(false);
    expect(quickAccept(check, {}, limits, FORBIDDEN, { names: ["raw_response"], literals: [] })).toBe(false);
    expect(quickAccept(check, {}, { ...limits, maxStringLength: 3 }, SCAN, { names: [], literals: ["succeeded"] })).toBe(false);
    expect(runs).toEqual([]);
    expect(quickAccept(check, {}, limits, SCAN, { names: ["seq"], literals: ["succeeded"] })).toBe(true);
  });

  it("runs no check while Object.prototype has an enumerable member, or any member a trusted name would hit", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 1;
    try {
      expect(quickAccept(anyClean, {}, DEFAULT_VALIDATION_LIMITS, SCAN, NO_TRUST)).toBe(false);
    } finally {
      delete proto.polluted;
    }
    Object.defineProperty(Object.prototype, "attempt", { value: 0, configurable: true });
    try {
      expect(quickAccept(anyClean, {}, DEFAULT_VALIDATION_LIMITS, SCAN, { names: ["attempt"], literals: [] })).toBe(false);
    } finally {
      delete proto.attempt;
    }
    expect(quickAccept(anyClean, {}, DEFAULT_VALIDATION_LIMITS, SCAN, { names: ["attempt"], literals: [] })).toBe(true);
  });

  it("gives a check that runs inside another its own context: the outer count of containers goes on", () => {
    const limits = { ...DEFAULT_VALIDATION_LIMITS, maxDepth: 4 };
    const seen: boolean[] = [];
    const outer: QuickAccept = (value, context) => {
      const ok = context.enter(0) && context.enter(1);
      seen.push(quickAccept(anyClean, { a: { b: 1 } }, limits, SCAN, NO_TRUST));
      return ok && context.any(value, 2);
    };
    expect(quickAccept(outer, { c: {} }, limits, SCAN, NO_TRUST)).toBe(true);
    expect(quickAccept(outer, { c: { d: {} } }, limits, SCAN, NO_TRUST)).toBe(false);
    expect(seen).toEqual([true, true]);
  });

  it("counts every container a check enters toward the scan's bound, not only open values", () => {
    const fill = (count: number): QuickAccept => (value, context) => {
      for (let i = 0; i < count; i++) if (!context.enter(1)) return false;
      return context.any(value, 1);
    };
    expect(quickAccept(fill(49_999_999), {}, DEFAULT_VALIDATION_LIMITS, SCAN, NO_TRUST)).toBe(true);
    expect(quickAccept(fill(50_000_000), {}, DEFAULT_VALIDATION_LIMITS, SCAN, NO_TRUST)).toBe(false);
  });

  it("compares limits by value: a changed limits object gets answers for its new limits", () => {
    const limits = { ...DEFAULT_VALIDATION_LIMITS };
    expect(quickAccept(anyClean, { text: "output of unit:a" }, limits, SCAN, NO_TRUST)).toBe(true);
    limits.maxStringLength = 8;
    expect(quickAccept(anyClean, { text: "output of unit:a" }, limits, SCAN, NO_TRUST)).toBe(false);
  });

  it("answers false, without throwing, when reading the value throws (a getter, a Proxy trap)", () => {
    const value = Object.defineProperty({}, "x", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(quickAccept(anyClean, value, DEFAULT_VALIDATION_LIMITS, SCAN, NO_TRUST)).toBe(false);
    // The context is usable again afterwards.
    expect(quickAccept(anyClean, { x: 1 }, DEFAULT_VALIDATION_LIMITS, SCAN, NO_TRUST)).toBe(true);
  });
});
