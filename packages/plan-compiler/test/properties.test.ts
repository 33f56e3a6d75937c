/**
 * Property tests of compileExecutablePlan (docs/fuzzing.md): arbitrary and mutated authoring
 * graphs and runtime objects never make it throw; issues name the document they concern as the
 * first path segment and point into it; every plan it returns validates and carries its own hash;
 * the plan is byte-identical for the same inputs, whatever the order of their members.
 * bad-input.test.ts holds the earlier fixed-seed check and the CompileOptionsError cases.
 *
 * Compiling takes 1–5 ms, so these properties run fewer times in CI than the validators' (each
 * count is below); `pnpm fuzz` runs them as often as the others.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2, type ValidationIssue } from "@graphenix/contracts";
import { encodePointer } from "@graphenix/core";
import { computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
import { compileExecutablePlan, type CompileOptions, type CompileResult } from "@graphenix/plan-compiler";
import { checkOperation, guarded } from "../../../tests/properties/assert-issues.js";
import { anyJson, applyMutations, copy, corpusOf, credentialName, credentialValue, mutationOf, pathsOf, readFixture, shuffleKeys, shuffleSeed, valueAt, type Mutation } from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";

const dir = "packages/plan-compiler/test/fixtures";
const names = readdirSync(join(import.meta.dirname, "fixtures"), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "_error_").map((d) => d.name).sort();
const CASES = names.map((name) => ({
  name,
  graph: readFixture(`${dir}/${name}/authoring-graph.json`),
  runtime: readFixture(`${dir}/${name}/runtime.json`),
  options: readFixture<{ now: string; planId?: string; formats: ("v1" | "v2")[] }>(`${dir}/${name}/options.json`),
}));
const ERRORS = readdirSync(join(import.meta.dirname, "fixtures/_error_")).sort().map((name) => ({
  graph: readFixture(`${dir}/_error_/${name}/authoring-graph.json`),
  runtime: readFixture(`${dir}/_error_/${name}/runtime.json`),
}));
const graphCorpus = corpusOf([...CASES.map((c) => c.graph), ...ERRORS.map((e) => e.graph)]);
const runtimeCorpus = corpusOf([...CASES.map((c) => c.runtime), ...ERRORS.map((e) => e.runtime)]);

interface Input {
  readonly graph: unknown;
  readonly runtime: unknown;
  readonly options: CompileOptions;
}

/** Compiles and checks the result shape; issues point into the document their first segment names. */
function compile(input: Input): CompileResult {
  const result = guarded(() => compileExecutablePlan(input.graph, input.runtime, input.options), [input.graph, input.runtime]);
  // `plan` is not a document the caller gave: an issue under it is a plan the compiler built and rejected (a bug).
  checkOperation(result, ["plan", "issues"], { documents: { authoringGraph: input.graph, runtime: input.runtime, options: input.options } });
  if (result.ok) {
    expect(result.plan.format).toBe(input.options.format === "v1" ? EXECUTABLE_PLAN_FORMAT : EXECUTABLE_PLAN_FORMAT_V2);
    // Under the limits it was compiled with: the compile skips its own check of a v2 plan only when it is sure of it (plan-check.ts).
    const limits = input.options.limits;
    expect(validateExecutablePlan(result.plan, limits && { limits }).issues.filter((i) => i.severity === "error")).toEqual([]);
    if ("planHash" in result.plan) expect(result.plan.planHash).toBe(computePlanHash(result.plan));
  }
  return result;
}

/** A fixture case, possibly with mutated graph and runtime, compiled to v1 or v2, with or without options.profileRegistry. */
const inputs: fc.Arbitrary<Input & { mutations: { graph: Mutation[]; runtime: Mutation[] } }> = fc.nat({ max: CASES.length + ERRORS.length - 1 }).chain((i) => {
  const c = i < CASES.length ? CASES[i]! : { ...CASES[0]!, ...ERRORS[i - CASES.length]! };
  return fc
    .record({
      graph: fc.array(mutationOf(c.graph, graphCorpus, { huge: false }), { maxLength: 2 }),
      runtime: fc.array(mutationOf(c.runtime, runtimeCorpus, { huge: false }), { maxLength: 1 }),
      format: fc.constantFrom<"v1" | "v2">(...c.options.formats),
      registry: fc.constantFrom("none", "same", "other"),
    })
    .map(({ graph, runtime, format, registry }) => {
      const own = (c.runtime as { profileRegistry?: CompileOptions["profileRegistry"] }).profileRegistry;
      const profileRegistry = registry === "same" ? own : registry === "other" ? { package: "@x12i/ai-profiles", version: "9.9.9" } : undefined;
      return {
        graph: applyMutations(c.graph, graph),
        runtime: applyMutations(c.runtime, runtime),
        options: { now: c.options.now, format, ...(c.options.planId !== undefined && { planId: c.options.planId }), ...(profileRegistry !== undefined && { profileRegistry }) },
        mutations: { graph, runtime },
      };
    });
});

describe("compileExecutablePlan: properties", () => {
  it("arbitrary JSON for the graph and the runtime object: issues, never a throw", () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, fc.constantFrom(...CASES.map((c) => c.graph))), fc.oneof(anyJson, fc.constantFrom(...CASES.map((c) => c.runtime))), fc.constantFrom<"v1" | "v2">("v1", "v2"), (graph, runtime, format) => {
        compile({ graph, runtime, options: { now: "2026-06-06T12:00:00Z", format } });
      }),
      fuzz(CI_RUNS),
    );
  });

  it("mutated graphs and runtime objects: well-formed issues, or a plan that validates and carries its hash", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        compile(input);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("a plan compiled under tight limits validates under the same limits, or no plan is returned", () => {
    // Small limits on either side of what the plan itself needs: its graph two levels deeper than
    // the graph, and strings of its own (source paths, graphHash) longer than the fixtures' values.
    const limits = fc.record({ maxDepth: fc.integer({ min: 3, max: 16 }), maxStringLength: fc.oneof(fc.integer({ min: 16, max: 200 }), fc.integer({ min: 64, max: 100 }), fc.constantFrom(1_024, 4_096)) });
    fc.assert(
      fc.property(inputs, limits, (input, chosen) => {
        const result = guarded(() => compileExecutablePlan(input.graph, input.runtime, { ...input.options, limits: chosen }), [input.graph, input.runtime]);
        if (result.ok) expect(validateExecutablePlan(result.plan, { limits: chosen }).issues.filter((i) => i.severity === "error")).toEqual([]);
        // A plan past these limits is reported under `plan`, where an engine would refuse it (docs/plan-compiler.md).
        else for (const issue of result.issues) expect(issue.pointer).toMatch(/^\/(authoringGraph|runtime|options|plan)(\/|$)/);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("is deterministic: the same plan, byte for byte, for the same inputs and for inputs with their members in another order", () => {
    fc.assert(
      fc.property(inputs, shuffleSeed, (input, seed) => {
        const a = compile(input);
        const b = compile({ ...input, graph: copy(input.graph), runtime: copy(input.runtime) });
        const c = compile({ ...input, graph: shuffleKeys(input.graph, seed), runtime: shuffleKeys(input.runtime, seed + 1) });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(c.ok).toBe(a.ok);
        if (a.ok && c.ok) expect(JSON.stringify(c.plan)).toBe(JSON.stringify(a.plan));
        else expect(c.issues.map((i) => i.code).sort()).toEqual(a.issues.map((i) => i.code).sort());
      }),
      fuzz(CI_RUNS),
    );
  });

  it("a credential in the graph or the runtime object is reported there, and nothing is compiled", () => {
    fc.assert(
      fc.property(fc.nat({ max: CASES.length - 1 }), fc.constantFrom("authoringGraph", "runtime"), fc.nat(), fc.boolean(), credentialName, credentialValue, (i, where, pick, byName, name, secret) => {
        const c = CASES[i]!;
        const docs = { authoringGraph: copy(c.graph), runtime: copy(c.runtime) };
        const doc = docs[where];
        const places = pathsOf(doc).filter((p) => (byName ? isObject(valueAt(doc, p)) : typeof valueAt(doc, p) === "string"));
        const at = places[pick % places.length]!;
        if (byName) Object.defineProperty(valueAt(doc, at), name, { value: "x", enumerable: true, writable: true, configurable: true });
        else (valueAt(doc, at.slice(0, -1)) as Record<string | number, unknown>)[at[at.length - 1]!] = secret;
        fc.pre(!(where === "authoringGraph" && !byName && at.join("/") === "format")); // a secret as the format: format-unsupported
        const result = compile({ graph: docs.authoringGraph, runtime: docs.runtime, options: { now: c.options.now } });
        expect(result.ok).toBe(false);
        const pointer = encodePointer([where, ...at, ...(byName ? [name] : [])]);
        const code = byName ? "forbidden-credential-key" : "forbidden-credential-value";
        expect(result.issues.filter((x: ValidationIssue) => x.code === code).map((x) => x.pointer)).toContain(pointer);
      }),
      fuzz(CI_RUNS),
    );
  });
});

function isObject(v: unknown): boolean {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
