/**
 * Property tests of @graphenix/plan-format (docs/fuzzing.md): the plan validators never throw on
 * arbitrary or mutated plans (also with the plan hash recomputed, so every rule past the hash
 * runs) and report well-formed issues; the plan hash does not depend on member order.
 * bad-input.test.ts holds the earlier fixed-seed checks (junk under each member, deep nesting).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2 } from "@graphenix/contracts";
import { CanonicalizationError, canonicalize, canonicalizeResult, digest } from "@graphenix/core";
import { canonicalizePlan, computePlanHash, validateExecutablePlan, validateExecutablePlanV1, validateExecutablePlanV2 } from "@graphenix/plan-format";
import { guarded } from "../../../tests/properties/assert-issues.js";
import { anyJson, corpusOf, hostileJson, mutatedDocument, readFixture, readFixtures, shuffleKeys, shuffleSeed } from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";
import { quickAcceptProperties } from "../../../tests/properties/quick-accept-suite.js";
import { validatorProperties } from "../../../tests/properties/validator-suite.js";
import { acceptExecutablePlanV1, acceptExecutablePlanV2, quickAcceptTrust } from "../src/generated/quick-accept.js";
import { validateExecutablePlanV1Schema, validateExecutablePlanV2Schema } from "../src/generated/schema-validators.js";
import { RUN_EVIDENCE } from "../src/rules/forbidden.js";

const dir = "packages/plan-format/test/fixtures";
const V2 = ["seed-v2", "content-pipeline-v2", "pre-main-post-finalizer-v2", "local-v2", "seed-v2-graph-by-reference", "content-pipeline-v2-graph-by-reference"].map((c) => readFixture(`${dir}/${c}/input.plan.json`));
const V1 = ["seed-v1", "pre-main-post-finalizer-v1"].map((c) => readFixture(`${dir}/${c}/input.plan.json`));
const ERRORS = readFixtures(`${dir}/_error_`, "input.plan.json");
const formatOf = (d: unknown) => (d !== null && typeof d === "object" ? (d as { format?: unknown }).format : undefined);

/** A v2 plan with a `planHash` gets the hash of what it now is, so the rules behind the hash check run. */
function rehash(doc: unknown): unknown {
  try {
    return rehashed(doc);
  } catch {
    return doc; // a value that throws when read (hostile values): the validator gets it as it is
  }
}

function rehashed(doc: unknown): unknown {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || typeof (doc as { planHash?: unknown }).planHash !== "string") return doc;
  if (!canonicalizeResult(doc).ok) return doc;
  return { ...doc, planHash: computePlanHash(doc) };
}

// CI run counts: a plan takes 0.3–2 ms to validate; each validator's suite is about 3 s.

describe("plan validators: properties", () => {
  validatorProperties({ name: "validateExecutablePlan", validate: (d) => validateExecutablePlan(d), fixtures: [...V1, ...V2], invalidFixtures: ERRORS, afterMutation: rehash, format: EXECUTABLE_PLAN_FORMAT_V2 });
  validatorProperties({ name: "validateExecutablePlanV1", validate: (d) => validateExecutablePlanV1(d), fixtures: V1, format: EXECUTABLE_PLAN_FORMAT });
  validatorProperties({ name: "validateExecutablePlanV2", validate: (d) => validateExecutablePlanV2(d), fixtures: V2, afterMutation: rehash, format: EXECUTABLE_PLAN_FORMAT_V2 });

  it("validateExecutablePlan is the validator of the plan's format version", () => {
    const plans = fc.oneof(mutatedDocument([...V1, ...V2, ...ERRORS], { huge: false }).map((m) => rehash(m.doc)), anyJson);
    fc.assert(
      fc.property(plans, (doc) => {
        const result = validateExecutablePlan(doc);
        const format = formatOf(doc);
        if (format === EXECUTABLE_PLAN_FORMAT) expect(result).toEqual(validateExecutablePlanV1(doc));
        else if (format === EXECUTABLE_PLAN_FORMAT_V2) expect(result).toEqual(validateExecutablePlanV2(doc));
        else expect(result.valid).toBe(false);
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("plan hash: properties", () => {
  it("valid fixtures carry their own hash, and it is the digest of the plan without planHash", () => {
    for (const plan of [...V1, ...V2]) {
      const { planHash, ...rest } = plan as { planHash?: string };
      if (planHash !== undefined) expect(computePlanHash(plan as object)).toBe(planHash);
      expect(computePlanHash(plan as object)).toBe(digest(rest));
    }
  });

  it("does not depend on member order, nor on the planHash member's value", () => {
    const corpus = corpusOf([...V1, ...V2]);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...V1, ...V2), mutatedDocument([...V1, ...V2], { corpus, huge: false }).map((m) => m.doc)), shuffleSeed, anyJson, (doc, seed, junkHash) => {
        fc.pre(doc !== null && typeof doc === "object" && !Array.isArray(doc) && canonicalizeResult(doc).ok);
        const plan = doc as object;
        const hash = guarded(() => computePlanHash(plan), [plan]);
        expect(computePlanHash(shuffleKeys(plan, seed))).toBe(hash);
        expect(computePlanHash({ ...plan, planHash: junkHash })).toBe(hash);
        expect(canonicalizePlan(shuffleKeys({ ...plan, planHash: junkHash }, seed))).toBe(canonicalizePlan(plan));
      }),
      fuzz(CI_RUNS),
    );
  });

  it("canonicalizePlan of any JSON object: the canonical text without planHash, or a CanonicalizationError", () => {
    fc.assert(
      fc.property(hostileJson, anyJson, (doc, hash) => {
        const plan = doc !== null && typeof doc === "object" && !Array.isArray(doc) ? { ...doc, planHash: hash } : { body: doc, planHash: hash };
        const { planHash: _dropped, ...rest } = plan;
        const expected = canonicalizeResult(rest);
        try {
          const text = guarded(() => canonicalizePlan(plan));
          expect(expected).toEqual({ ok: true, value: text });
          expect(canonicalize(JSON.parse(text))).toBe(text);
        } catch (e) {
          expect(e).toBeInstanceOf(CanonicalizationError);
          expect(expected.ok).toBe(false);
        }
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("regressions found by the properties", () => {
  // Objects whose toString and valueOf are not functions: String(x) throws a TypeError on them.
  const poison = () => JSON.parse('[{"toString":1,"valueOf":1}]') as unknown;

  it("a nodeIndex dependsOn entry {toString: 1} is a schema issue, not a TypeError", () => {
    // Shrunk: content-pipeline-v2 with nodeIndex/2/dependsOn/0 set to {"toString": ""}.
    for (const plan of [structuredClone(V2[1]), structuredClone(V2[5])] as { nodeIndex: { dependsOn: unknown[] }[] }[]) {
      plan.nodeIndex[2]!.dependsOn[0] = JSON.parse('{"toString":""}');
      const issues = validateExecutablePlan(plan).issues.map((i) => `${i.pointer} ${i.code}`);
      expect(issues).toContain("/nodeIndex/2/dependsOn/0 schema-type");
    }
  });

  it("a deferred gate whose toNodeId is [{toString: 1, valueOf: 1}] is a schema issue, not a TypeError", () => {
    // Shrunk: content-pipeline-v2 with deferredGates/0/toNodeId set to [{"toString":1,"valueOf":1}].
    const plan = structuredClone(V2[1]) as { deferredGates: Record<string, unknown>[] };
    plan.deferredGates[0]!.toNodeId = poison();
    const issues = validateExecutablePlan(plan).issues.map((i) => `${i.pointer} ${i.code}`);
    expect(issues).toContain("/deferredGates/0/toNodeId schema-type");
    expect(issues).toContain("/deferredGates/0 deferred-gate-unknown-edge");
  });
  it("a v2 plan with a planHash and a lone surrogate is invalid, not a CanonicalizationError", () => {
    // Shrunk: seed-v2 with nodePlans/node:audience-insights/nodeType set to [[["\ud800"]]].
    const plan = structuredClone(V2[0]) as { nodePlans: Record<string, Record<string, unknown>> };
    plan.nodePlans["node:audience-insights"]!.nodeType = [[["\ud800"]]];
    const issues = validateExecutablePlan(plan).issues.map((i) => `${i.pointer} ${i.code}`);
    expect(issues).toContain("/nodePlans/node:audience-insights/nodeType/0/0/0 document-non-json");
    expect(issues.filter((i) => i.endsWith("plan-hash-mismatch"))).toEqual([]);
  });

  it("a plan without a runtimeBinding object gets no plan-registry-hash-mismatch pointing inside it", () => {
    for (const runtimeBinding of [undefined, false]) {
      const plan = structuredClone(V1[0]) as Record<string, unknown>;
      if (runtimeBinding === undefined) delete plan.runtimeBinding;
      else plan.runtimeBinding = runtimeBinding;
      const issues = validateExecutablePlan(plan).issues.map((i) => `${i.pointer} ${i.code}`);
      expect(issues).toContain(runtimeBinding === undefined ? "/runtimeBinding schema-required" : "/runtimeBinding schema-type");
      expect(issues.filter((i) => i.includes("plan-registry-hash-mismatch"))).toEqual([]);
    }
  });
});

describe("generated quick accepts: properties", () => {
  // Every valid fixture takes the quick path; nothing the full path would report does.
  const SCAN = { credentials: true, forbiddenMembers: RUN_EVIDENCE };
  const forbiddenNames = ["rawResponse", "raw_response", "executionLog", "providerResponse"];
  quickAcceptProperties({ name: "acceptExecutablePlanV1", accept: acceptExecutablePlanV1, trust: quickAcceptTrust, schema: validateExecutablePlanV1Schema, scan: SCAN, valid: V1, forbiddenNames, format: EXECUTABLE_PLAN_FORMAT });
  quickAcceptProperties({ name: "acceptExecutablePlanV2", accept: acceptExecutablePlanV2, trust: quickAcceptTrust, schema: validateExecutablePlanV2Schema, scan: SCAN, valid: V2, invalid: ERRORS, forbiddenNames, format: EXECUTABLE_PLAN_FORMAT_V2 });
});
