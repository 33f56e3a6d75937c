/**
 * Values that throw when read (a member getter that throws, a Proxy whose traps throw, a revoked
 * Proxy) are not JSON data, and no function that reads documents throws on them: validators and
 * binders report `document-non-json` (or the format gate's issue), canonicalizeResult and
 * digestResult `jcs-unreadable` (docs/limits.md, docs/canonical-json.md). Found by the property
 * suites once they put such values anywhere (docs/fuzzing.md).
 */
import { describe, expect, it } from "vitest";
import { CanonicalizationError, canonicalizeResult, digestResult, IssueCollector, DEFAULT_VALIDATION_LIMITS, scanDocument } from "@graphenix/core";
// Only contracts and core are dependencies of the workspace root: import the other packages' source.
import { normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "../packages/authoring-format/src/index.js";
import { canonicalizePlan, computePlanHash, validateExecutablePlan } from "../packages/plan-format/src/index.js";
import { compilePlan, validatePlanGraph } from "../packages/plan-graph/src/index.js";
import { bindGroundTruthToPlanGraph, bindMplpTrace, bindTraceToPlan, validateTrace } from "../packages/trace-format/src/index.js";
import { readFixture, UNREADABLE_VALUES } from "./properties/arbitraries.js";

const GRAPH = readFixture<Record<string, unknown>>("packages/authoring-format/test/fixtures/minimal/input.authoring-graph.json");
const PLAN = readFixture<Record<string, unknown>>("packages/plan-format/test/fixtures/seed-v2/input.plan.json");

type Reader = (value: unknown) => { valid: boolean; issues: readonly { code: string }[] };
const READERS: [string, Reader][] = [
  ["validateAuthoringGraph", (v) => validateAuthoringGraph(v)],
  ["validateNormalizedExecutableGraph", (v) => validateNormalizedExecutableGraph(v)],
  ["normalizeAuthoringGraph", (v) => normalizeAuthoringGraph(v)],
  ["validateRuntimeObject", (v) => validateRuntimeObject(v)],
  ["validateExecutablePlan", (v) => validateExecutablePlan(v)],
  ["validatePlanGraph", (v) => validatePlanGraph(v)],
  ["compilePlan (scenario)", (v) => { const r = compilePlan(v, {}); return { valid: r.ok, issues: r.ok ? [] : r.issues }; }],
  ["compilePlan (scenario.plan)", (v) => { const r = compilePlan({ plan: v }, {}); return { valid: r.ok, issues: r.ok ? [] : r.issues }; }],
  ["validateTrace", (v) => validateTrace(v)],
  ["bindTraceToPlan (trace)", (v) => bindTraceToPlan(v, PLAN)],
  ["bindGroundTruthToPlanGraph (rows)", (v) => bindGroundTruthToPlanGraph(v, {})],
  ["bindMplpTrace (plan)", (v) => bindMplpTrace({}, v)],
];

describe("values that throw when read", () => {
  it.each(READERS)("%s: as the whole document, an issue and no throw", (_, read) => {
    for (const value of UNREADABLE_VALUES) {
      const result = read(value);
      expect(result.valid).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });

  it("inside a valid graph or plan: document-non-json at the object being read", () => {
    for (const value of UNREADABLE_VALUES) {
      const graph = { ...GRAPH, description: value };
      expect(validateAuthoringGraph(graph).issues.map((i) => `${i.pointer} ${i.code}`)).toContain("/description document-non-json");
      const plan = { ...PLAN, notes: value };
      expect(validateExecutablePlan(plan).issues.map((i) => `${i.pointer} ${i.code}`)).toContain("/notes document-non-json");
    }
  });

  it("as the format member: the format gate reports it", () => {
    const doc = Object.defineProperty({}, "format", { enumerable: true, get: () => { throw new Error("read"); } });
    expect(validateExecutablePlan(doc).issues.map((i) => i.code)).toEqual(["document-non-json"]);
    expect(validateTrace(doc).issues.map((i) => i.code)).toEqual(["document-non-json"]);
  });

  it("canonicalizeResult and digestResult give jcs-unreadable", () => {
    for (const value of UNREADABLE_VALUES) {
      for (const result of [canonicalizeResult({ a: [value] }), digestResult(value)]) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(["jcs-unreadable"]);
      }
    }
  });

  it("a whole graph that cannot be read is one issue, not one from the scan and one from the format gate", () => {
    for (const value of UNREADABLE_VALUES.slice(2)) {
      expect(validateAuthoringGraph(value).issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([" document-non-json"]);
      expect(validateNormalizedExecutableGraph(value).issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([" document-non-json"]);
    }
  });

  it("computePlanHash and canonicalizePlan throw only their documented CanonicalizationError", () => {
    for (const value of UNREADABLE_VALUES) {
      for (const plan of [value, { ...PLAN, createdAt: value }]) {
        expect(() => computePlanHash(plan)).toThrow(CanonicalizationError);
        expect(() => canonicalizePlan(plan)).toThrow(CanonicalizationError);
      }
    }
  });

  it("an error of the caller's own forbidden-member message is the caller's: it is thrown as it is, not reported", () => {
    const bug = new TypeError("bug in message()");
    const options = { credentials: true, forbiddenMembers: { names: new Set(["secretish"]), code: "plan-forbidden-field" as const, message: () => { throw bug; } } };
    expect(() => scanDocument({ a: { secretish: 1 } }, DEFAULT_VALIDATION_LIMITS, options, new IssueCollector(10))).toThrow(bug);
  });
});
