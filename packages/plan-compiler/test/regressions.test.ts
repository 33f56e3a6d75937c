import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateExecutablePlan } from "@graphenix/plan-format";
import { checkCompileOptions, compileExecutablePlan, CompileOptionsError } from "@graphenix/plan-compiler";
import { IDENTIFIER, MAX_IDENTIFIER_LENGTH, TIMESTAMP } from "../src/options.js";

// Regressions found in review: ids that are JavaScript-special, ids that collide, inputs that
// authoring accepted but the compiler could not compile.
const runtime = { jobId: "job-1", mode: "live", environment: "prod", profileRegistry: { package: "@x12i/ai-profiles", version: "3.2.0" } };
const now = "2026-06-06T12:00:00Z";
const cases = { default: { preActionModel: { kind: "profileChoice", key: "cheap/default" }, skillModel: { kind: "profileChoice", key: "vol/default" }, finalizerModel: { kind: "profileChoice", key: "cheap/default" } } };

function graph(nodes: Record<string, unknown>, edges: unknown[] = []) {
  return { format: "graphenix.authoring-graph/v1", graphId: "graph:r", revision: "1.0.0", formatVersion: "2.0.0", nodes, edges, modelCases: cases, defaultModelCase: "default" };
}
const task = { type: "task", parameters: { skillKey: "s" } };

function compiled(doc: unknown, rt: unknown = runtime) {
  const result = compileExecutablePlan(doc, rt, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateExecutablePlan(result.plan).valid).toBe(true);
  return result.plan as unknown as { nodePlans: Record<string, unknown>; deferredGates: { gateId: string }[]; normalizedGraph: { graph: { nodeOrder: string[] } } };
}

describe("compiler regressions", () => {
  it("compiles nodes called __proto__, constructor and toString as ordinary ids", () => {
    const doc = JSON.parse(`{"format":"graphenix.authoring-graph/v1","graphId":"graph:r","revision":"1.0.0","formatVersion":"2.0.0","nodes":{"__proto__":{"type":"task","parameters":{"skillKey":"s"}},"constructor":{"type":"task","parameters":{"skillKey":"s"}},"toString":{"type":"task","parameters":{"skillKey":"s"}}},"modelCases":${JSON.stringify(cases)},"defaultModelCase":"default"}`) as unknown;
    const plan = compiled(doc, { ...runtime, nodeModelCases: { constructor: "default" } });
    expect(Object.keys(plan.nodePlans).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(plan.nodePlans)).toBe(Object.prototype);
  });

  it("compiles integer-like node ids (nodeOrder gives the order)", () => {
    const plan = compiled(graph({ "9": task, "10": task, a: task }, [{ from: "9", to: "10" }]));
    expect(plan.normalizedGraph.graph.nodeOrder).toEqual(["9", "10", "a"]);
  });

  it("gives conditional edges whose ids contain ':' distinct gates", () => {
    const plan = compiled(graph({ "a:b": task, c: task, a: task, "b:c": task }, [
      { from: "a:b", to: "c", condition: { expression: "x" } },
      { from: "a", to: "b:c", condition: { expression: "y" } },
    ]));
    expect(plan.deferredGates.map((g) => g.gateId)).toEqual(["gate:0", "gate:1"]);
  });

  it("lets ids and utility parameters be called events or logs", () => {
    compiled(graph({ events: { type: "task", parameters: { skillKey: "s", taskConfiguration: { aiTaskStrategies: { pre: { strategyKey: "synthesis", unitParams: { logs: "verbose" } } } } } } }));
  });

  it("is byte-identical whatever the member order of open objects in the input", () => {
    const a = compileExecutablePlan(graph({ n: { type: "task", parameters: { skillKey: "s", inputsConfig: { b: 1, a: 2 } } } }), runtime, { now });
    const b = compileExecutablePlan(graph({ n: { type: "task", parameters: { skillKey: "s", inputsConfig: { a: 2, b: 1 } } } }), runtime, { now });
    expect(a.ok && b.ok && JSON.stringify(a.plan) === JSON.stringify(b.plan)).toBe(true);
  });

  it("takes the registry from the options when the runtime object has none, and needs one of them", () => {
    const { profileRegistry, ...bare } = runtime;
    expect(compileExecutablePlan(graph({ n: task }), bare, { now, profileRegistry }).ok).toBe(true);
    const missing = compileExecutablePlan(graph({ n: task }), bare, { now });
    expect(missing.ok ? [] : missing.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/runtime/profileRegistry compile-registry-missing"]);
  });

  it("refuses an impossible date in options.now as misuse", () => {
    expect(() => compileExecutablePlan(graph({ n: task }), runtime, { now: "2026-02-30T12:00:00Z" })).toThrow(CompileOptionsError);
  });

  it("reports an authored PRE memoryPaths that is not the synthesis sources against the authoring graph", () => {
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/_error_/pre-memory-paths-not-sources/authoring-graph.json"), "utf8")) as unknown;
    const result = compileExecutablePlan(doc, runtime, { now });
    expect(result.ok ? [] : result.issues.map((i) => i.pointer.split("/")[1])).toEqual(["authoringGraph"]);
  });
  it("a direct model is the design's problem when its policy forbids it, and compiles (v2 and v1) when it allows it", () => {
    const direct = { kind: "directModel", provider: "openai", model: "gpt-x" };
    const doc = { ...graph({ a: task }), modelCases: { default: { ...cases.default, skillModel: direct } } };
    for (const format of ["v2", "v1"] as const) {
      const refused = compileExecutablePlan(doc, runtime, { now, format });
      expect(refused.ok).toBe(false);
      expect(refused.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/authoringGraph/modelCases/default/skillModel direct-model-forbidden"]);
      const allowed = compileExecutablePlan({ ...doc, policies: { directModelPolicy: "allow" } }, runtime, { now, format });
      if (!allowed.ok) throw new Error(JSON.stringify(allowed.issues));
      expect(validateExecutablePlan(allowed.plan).valid).toBe(true);
    }
  });
  it("a plan id the plan schema would refuse is a misuse of the options (CompileOptionsError), fixed or computed", () => {
    const doc = graph({ a: task });
    for (const planId of ["", "a b", "-x", "x".repeat(257), () => "no/slash", () => 7 as unknown as string]) {
      expect(() => compileExecutablePlan(doc, runtime, { now, planId })).toThrow(CompileOptionsError);
    }
    const ok = compileExecutablePlan(doc, runtime, { now, planId: (digest) => `plan:${digest.slice(7, 15)}` });
    expect(ok.ok && ok.plan.planId).toMatch(/^plan:[0-9a-f]{8}$/);
    // A fixed id is refused before the inputs are read: invalid inputs do not hide the misuse.
    expect(() => compileExecutablePlan({}, {}, { now, planId: "a b" })).toThrow(CompileOptionsError);
    expect(() => checkCompileOptions({ now, planId: "a b" })).toThrow(CompileOptionsError);
    expect(() => checkCompileOptions({ now, format: "v3" as "v2" })).toThrow(CompileOptionsError);
    expect(() => checkCompileOptions({ now, planId: () => "a b" })).not.toThrow();
  });

  it("checks options with the patterns of the plan schema", () => {
    const common = JSON.parse(readFileSync(join(import.meta.dirname, "../../../schemas/common.v1.schema.json"), "utf8")) as { $defs: Record<string, { pattern: string; maxLength?: number }> };
    expect(IDENTIFIER.source).toBe(common.$defs.Identifier!.pattern);
    expect(MAX_IDENTIFIER_LENGTH).toBe(common.$defs.Identifier!.maxLength);
    expect(TIMESTAMP.source).toBe(common.$defs.Timestamp!.pattern);
  });
  it("an options.profileRegistry the runtime object could not hold is a misuse of the options", () => {
    const doc = graph({ a: task });
    const registry = { package: "@x12i/ai-profiles", version: "3.2.0" };
    for (const bad of [{ ...registry, registryHash: "nope" }, { ...registry, apiKey: "sk-abcdefghijklmnopqrstuvwx" }, { ...registry, version: 1n }, "registry"]) {
      expect(() => compileExecutablePlan(doc, { ...runtime, profileRegistry: undefined }, { now, profileRegistry: bad as never })).toThrow(CompileOptionsError);
    }
    const { profileRegistry: _registry, ...bare } = runtime;
    expect(compileExecutablePlan(doc, bare, { now, profileRegistry: registry }).ok).toBe(true);
  });
});
