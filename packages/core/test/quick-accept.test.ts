/**
 * The quick-accept context (docs/quick-accept.md) answers "would the document scan report
 * nothing?" for the values a generated check leaves open: it must agree with scanDocument on every
 * value, under every limit and option, or a quick accept could let through what the scan reports.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_VALIDATION_LIMITS, IssueCollector, quickAcceptContext, scanDocument, type ScanOptions, type ValidationLimits } from "@graphenix/core";
import { anyJson, credentialName, credentialValue } from "../../../tests/properties/arbitraries.js";
import { fuzz } from "../../../tests/properties/runs.js";

const NO_TRUST = { names: [], literals: [] };
const FORBIDDEN: ScanOptions = { credentials: true, forbiddenMembers: { names: new Set(["rawresponse"]), code: "plan-forbidden-field", message: () => "run evidence" } };

function scanIsSilent(value: unknown, limits: ValidationLimits, options: ScanOptions): boolean {
  const issues = new IssueCollector(limits.maxIssues);
  return scanDocument(value, limits, options, issues) && issues.finish().length === 0;
}

const anyValue = fc.oneof(
  anyJson,
  fc.anything({ maxDepth: 3, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }),
  fc.constantFrom<unknown>(undefined, NaN, Infinity, () => 1, Symbol("s"), "\ud800", { "raw-Response": 1 }, { "\udc00": 1 }, [1, , 2], { a: { b: { c: { d: { e: {} } } } } }), // eslint-disable-line no-sparse-arrays
  fc.tuple(credentialName, credentialValue, fc.boolean()).map(([name, value, byName]) => (byName ? { note: { [name]: "x" } } : { note: [value] })),
);

describe("quickAcceptContext", () => {
  it("calls a value clean exactly when scanDocument reports nothing about it", () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (value, maxDepth, maxStringLength, forbidden) => {
        const options = forbidden ? FORBIDDEN : { credentials: true };
        for (const limits of [DEFAULT_VALIDATION_LIMITS, { ...DEFAULT_VALIDATION_LIMITS, maxDepth, maxStringLength }]) {
          const context = quickAcceptContext(limits, options, NO_TRUST);
          expect(context).toBeDefined();
          expect(context!.any(value, 0)).toBe(scanIsSilent(value, limits, options));
          // A member the schema does not list: its name counts too.
          expect(context!.member("x", value, 1)).toBe(scanIsSilent({ x: value }, limits, options));
        }
      }),
      fuzz(3_000),
    );
  });

  it("gives no context when a name or constant it would trust is itself reported", () => {
    const limits = DEFAULT_VALIDATION_LIMITS;
    expect(quickAcceptContext(limits, { credentials: true }, { names: ["apiKey"], literals: [] })).toBeUndefined();
    expect(quickAcceptContext(limits, FORBIDDEN, { names: ["raw_response"], literals: [] })).toBeUndefined();
    expect(quickAcceptContext({ ...limits, maxStringLength: 3 }, { credentials: true }, { names: [], literals: ["succeeded"] })).toBeUndefined();
    expect(quickAcceptContext(limits, { credentials: true }, { names: ["seq"], literals: ["succeeded"] })).toBeDefined();
  });

  it("gives no context while Object.prototype has an enumerable member (the generated loops would see it)", () => {
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(quickAcceptContext(DEFAULT_VALIDATION_LIMITS, { credentials: true }, NO_TRUST)).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(quickAcceptContext(DEFAULT_VALIDATION_LIMITS, { credentials: true }, NO_TRUST)).toBeDefined();
  });

  it("starts each document afresh when it gives the same context again", () => {
    const limits = { ...DEFAULT_VALIDATION_LIMITS, maxDepth: 3 };
    const options = { credentials: true };
    const first = quickAcceptContext(limits, options, NO_TRUST)!;
    expect(first.any({ a: { b: 1 } }, 0)).toBe(true);
    expect(first.any({ a: { b: { c: {} } } }, 0)).toBe(false);
    const again = quickAcceptContext(limits, options, NO_TRUST)!;
    expect(again).toBe(first);
    expect(again.any({ a: { b: 1 } }, 0)).toBe(true);
  });
});
