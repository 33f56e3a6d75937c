/**
 * The generated quick accept of traces (docs/quick-accept.md) may only accept a trace the full
 * path accepts with no issue at all: no scan finding and a valid schema verdict from Ajv. This
 * checks it on the golden traces (which it must accept, or the quick path would never be taken)
 * and, differentially, on mutated, hostile and arbitrary ones under default and tight limits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXECUTION_TRACE_FORMAT, type ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { DEFAULT_VALIDATION_LIMITS, IssueCollector, quickAcceptContext, scanDocument, type ValidationLimits } from "@graphenix/core";
import { simulateTrace } from "@graphenix/trace-format";
import { acceptTrace, quickAcceptTrust } from "../src/generated/quick-accept.js";
import { validateTraceSchema } from "../src/generated/schema-validators.js";
import { anyJson, copy, corpusOf, credentialName, credentialValue, hostileValueAt, mutatedDocument, pathsOf, readFixture, readFixtures, valueAt, withFormat } from "../../../tests/properties/arbitraries.js";
import { fuzz } from "../../../tests/properties/runs.js";

const dir = "packages/trace-format/test/fixtures";
const GOLDEN = readFixtures(dir, "trace.json");
const ERRORS = readFixtures(`${dir}/_error_`, "trace.json");
const SIMULATED = ["content-pipeline", "pre-main-post-finalizer", "seed-audience-insights"].map((name) => simulateTrace(readFixture<ExecutableGraphPlanV2>(`packages/plan-compiler/test/fixtures/${name}/expected.plan.v2.json`)));
const SCAN = { credentials: true };

function fullPathIsSilent(trace: unknown, limits: ValidationLimits): boolean {
  const issues = new IssueCollector(limits.maxIssues);
  return scanDocument(trace, limits, SCAN, issues) && issues.finish().length === 0 && validateTraceSchema(trace);
}

function quickAccepts(trace: unknown, limits: ValidationLimits): boolean {
  const context = quickAcceptContext(limits, SCAN, quickAcceptTrust);
  return context !== undefined && acceptTrace(trace, context);
}

/** A trace with a credential written into one of its objects, by name or by value. */
const withCredential = fc.tuple(fc.constantFrom(...GOLDEN), fc.nat(), credentialName, credentialValue, fc.boolean()).map(([trace, pick, name, secret, byName]) => {
  const doc = copy(trace);
  const objects = pathsOf(doc).filter((p) => { const v = valueAt(doc, p); return v !== null && typeof v === "object" && !Array.isArray(v); });
  const target = valueAt(doc, objects[pick % objects.length]!) as Record<string, unknown>;
  const key = Object.keys(target)[pick % Math.max(1, Object.keys(target).length)];
  if (byName || key === undefined) target[name] = "x";
  else target[key] = secret;
  return doc;
});

describe("acceptTrace (generated quick accept)", () => {
  it("accepts every golden and simulated trace (so validation takes the quick path for them)", () => {
    expect(GOLDEN.length).toBeGreaterThan(0);
    for (const trace of [...GOLDEN, ...SIMULATED]) {
      expect(fullPathIsSilent(trace, DEFAULT_VALIDATION_LIMITS)).toBe(true);
      expect(quickAccepts(trace, DEFAULT_VALIDATION_LIMITS)).toBe(true);
    }
  });

  it("never accepts a trace the scan or the schema has anything to say about", () => {
    const corpus = corpusOf([...GOLDEN, ...ERRORS]);
    const traces = fc.oneof(
      fc.constantFrom(...GOLDEN, ...ERRORS),
      mutatedDocument(GOLDEN, { corpus }).map((m) => m.doc),
      mutatedDocument(GOLDEN, { corpus, huge: false }).map((m) => m.doc),
      hostileValueAt(GOLDEN).map((m) => m.doc),
      withCredential,
      withFormat(EXECUTION_TRACE_FORMAT),
      anyJson,
    );
    fc.assert(
      fc.property(traces, fc.integer({ min: 2, max: 8 }), fc.integer({ min: 4, max: 64 }), (trace, maxDepth, maxStringLength) => {
        for (const limits of [DEFAULT_VALIDATION_LIMITS, { ...DEFAULT_VALIDATION_LIMITS, maxDepth, maxStringLength }]) {
          if (quickAccepts(trace, limits)) expect(fullPathIsSilent(trace, limits)).toBe(true);
        }
      }),
      fuzz(3_000),
    );
  });
});
