import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeAuthoringGraph, validateNormalizedExecutableGraph } from "@graphenix/authoring-format";
import { canonicalize } from "@graphenix/core";
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

  it("run evidence in a valid design is reported where the design has it, not on the plan", () => {
    const doc = { ...graph({ traceEvents: task, n: { type: "task", parameters: { skillKey: "s", inputsConfig: { rawResponse: true } } } }), modelCases: { ...cases, executionLog: cases.default } };
    for (const format of ["v2", "v1"] as const) {
      const result = compileExecutablePlan(doc, runtime, { now, format });
      expect(result.ok).toBe(false);
      expect(result.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([
        "/authoringGraph/nodes/traceEvents plan-forbidden-field",
        "/authoringGraph/nodes/n/parameters/inputsConfig/rawResponse plan-forbidden-field",
        "/authoringGraph/modelCases/executionLog plan-forbidden-field",
      ]);
    }
  });

  it("a normalized graph is held to the authoring graph's limits, so what it gives compiles", () => {
    const normalized = normalizeAuthoringGraph(graph({ a: task }));
    if (!normalized.valid) throw new Error(JSON.stringify(normalized.issues));
    const long = structuredClone(normalized.value) as unknown as { nodes: { a: { parameters: { skillKey: string }; policies: { retry: Record<string, unknown> } } } };
    long.nodes.a.parameters.skillKey = "s".repeat(129);
    const result = compileExecutablePlan(long, runtime, { now });
    expect(result.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/authoringGraph/nodes/a/parameters/skillKey schema-length"]);
    // Normalizing gives back a normalized graph unchanged; one without backoffMs is not one.
    const noBackoff = structuredClone(normalized.value) as unknown as typeof long;
    delete noBackoff.nodes.a.policies.retry.backoffMs;
    expect(validateNormalizedExecutableGraph(noBackoff).issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/nodes/a/policies/retry/backoffMs schema-required"]);
    const again = normalizeAuthoringGraph(normalized.value);
    expect(again.valid && canonicalize(again.value)).toBe(canonicalize(normalized.value));
  });

  it("two normalized graphs that claim the same source get different plan ids", () => {
    const normalized = normalizeAuthoringGraph(graph({ a: task }));
    if (!normalized.valid) throw new Error(JSON.stringify(normalized.issues));
    const edited = structuredClone(normalized.value);
    edited.nodes.a!.parameters = { ...edited.nodes.a!.parameters, skillKey: "other" } as never;
    const ids = [normalized.value, edited].map((g) => {
      const result = compileExecutablePlan(g, runtime, { now });
      return result.ok ? result.plan.planId : JSON.stringify(result.issues);
    });
    expect(ids[0]).toMatch(/^plan:/);
    expect(ids[1]).toMatch(/^plan:/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("an input that reads differently the next time is document-non-json on that input, never an issue of the plan", () => {
    const outcomes = new Set<string>();
    for (let k = 1; k <= 8; k++) {
      let reads = 0;
      const inputsConfig = {};
      // Plain for its first k reads, then a credential: the plan is built from later reads.
      Object.defineProperty(inputsConfig, "x", { enumerable: true, get: () => (++reads <= k ? "s" : "Bearer abc123def456ghi789xyz") });
      const result = compileExecutablePlan(graph({ a: { type: "task", parameters: { skillKey: "s", inputsConfig } } }), runtime, { now });
      expect(result.issues.filter((i) => i.pointer.startsWith("/plan"))).toEqual([]);
      if (!result.ok) outcomes.add(result.issues.map((i) => `${i.pointer} ${i.code}`).join(", "));
      else expect(JSON.stringify(result.plan)).not.toContain("Bearer");
    }
    expect([...outcomes]).toEqual(["/authoringGraph document-non-json"]);
  });

  it("a source path longer than every string of the graph is held to maxStringLength (the compile's own check of the plan)", () => {
    const id = `node:${"n".repeat(95)}`; // a 100-character id: its source paths are about 160 characters
    const limits = { maxStringLength: 120 };
    const result = compileExecutablePlan(graph({ [id]: task }), runtime, { now, limits });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => `${i.pointer} ${i.code}`)).toContain(`/plan/nodePlans/${id}/executionUnits/0/sourcePath document-string-limit`);
    // The same graph under the default limit compiles, and its plan validates under that limit.
    const plain = compileExecutablePlan(graph({ [id]: task }), runtime, { now, limits: { maxStringLength: 1_024 } });
    expect(plain.ok && validateExecutablePlan(plain.plan, { limits: { maxStringLength: 1_024 } }).valid).toBe(true);
  });

  it("a run-evidence member name that a getter gives at one read only never reaches a plan", () => {
    const outcomes = new Set<string>();
    for (let j = 1; j <= 8; j++) {
      let reads = 0;
      const inputsConfig = {};
      // `traceEvents` at the j-th read only: at the read the plan is built from, the input's own
      // look for run evidence (a later read) does not see it.
      Object.defineProperty(inputsConfig, "x", { enumerable: true, get: () => (++reads === j ? { traceEvents: [] } : {}) });
      const result = compileExecutablePlan(graph({ a: { type: "task", parameters: { skillKey: "s", inputsConfig } } }), runtime, { now });
      expect(result.issues.filter((i) => i.pointer.startsWith("/plan"))).toEqual([]);
      if (result.ok) expect(JSON.stringify(result.plan)).not.toContain("traceEvents");
      outcomes.add(result.ok ? "ok" : result.issues.map((i) => `${i.pointer} ${i.code}`).join(", "));
    }
    expect([...outcomes].sort()).toEqual(["/authoringGraph document-non-json", "/authoringGraph/nodes/a/parameters/inputsConfig/x/traceEvents plan-forbidden-field", "ok"]);
  });

  it("an authoring graph whose getter alternates between two answers: issues on the graph, never on the plan (found in review)", () => {
    for (let k = 0; k <= 30; k++) {
      for (const phase of [0, 1]) {
        let reads = 0;
        const inputsConfig = {};
        Object.defineProperty(inputsConfig, "x", { enumerable: true, get: () => (++reads <= k || (reads + phase) % 2 === 1 ? "s" : "Bearer abc123def456ghi789xyz") });
        const result = compileExecutablePlan(graph({ a: { type: "task", parameters: { skillKey: "s", inputsConfig } } }), runtime, { now });
        expect(result.issues.filter((i) => !i.pointer.startsWith("/authoringGraph")), `k = ${k}, phase ${phase}`).toEqual([]);
        if (result.ok) expect(JSON.stringify(result.plan)).not.toContain("Bearer");
      }
    }
  });

  // A runtime object with a getter or a Proxy is read once and only that copy is used (found in
  // review: alternating getters, and two getters sharing one counter so that every whole read
  // looked alike, got the plan's issues reported).
  const getterRuntimes: [string, (k: number, phase: number) => object][] = [
    ["a getter that alternates after k reads", (k, phase) => {
      let reads = 0;
      return Object.defineProperty({ ...runtime }, "jobId", { enumerable: true, get: () => (++reads <= k || (reads + phase) % 2 === 1 ? "job-42" : "Bearer abc123def456ghi789xyz") });
    }],
    ["two getters sharing one counter", (k, phase) => {
      let reads = 0;
      const rt = Object.defineProperty({ ...runtime }, "jobId", { enumerable: true, get: () => (++reads <= k || (reads + phase) % 2 === 1 ? "job-42" : "Bearer abc123def456ghi789xyz") });
      return Object.defineProperty(rt, "environment", { enumerable: true, get: () => (++reads, "prod") });
    }],
    ["a getter that changes for good after k reads", (k) => {
      let reads = 0;
      return Object.defineProperty({ ...runtime }, "jobId", { enumerable: true, get: () => (++reads <= k ? "job-42" : "Bearer abc123def456ghi789xyz") });
    }],
    ["a Proxy that answers toJSON and changes jobId after k reads", (k) => {
      let reads = 0;
      // JSON.stringify would ask for toJSON and read what it returns, never the members.
      const toJSON = () => ({ ...runtime, jobId: "job-42" });
      return new Proxy({ ...runtime }, { get: (target, key) => (key === "toJSON" ? toJSON : key === "jobId" ? (++reads <= k ? "job-42" : "Bearer abc123def456ghi789xyz") : Reflect.get(target, key)) });
    }],
  ];

  it.each(getterRuntimes)("a runtime object with %s is compiled from one read of it", (_, make) => {
    for (let k = 0; k <= 12; k++) {
      for (const phase of [0, 1]) {
        const result = compileExecutablePlan(graph({ a: task }), make(k, phase), { now });
        const where = `k = ${k}, phase ${phase}`;
        expect(result.issues.filter((i) => !i.pointer.startsWith("/runtime")), where).toEqual([]);
        if (result.ok) expect(result.plan.runtimeBinding.jobId, where).toBe("job-42");
        else expect(result.issues.map((i) => i.code), where).toContain("forbidden-credential-value");
      }
    }
  });

  it("an input behind a Proxy or a getter that reads the same keeps the plan's own issues", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 7; i++) deep = { d: deep }; // fits maxDepth 12 in the design, not in the plan
    const doc = graph({ a: { type: "task", parameters: { skillKey: "s", inputsConfig: deep } } });
    const plain = compileExecutablePlan(doc, runtime, { now, limits: { maxDepth: 12 } });
    const pointers = plain.issues.map((i) => `${i.pointer} ${i.code}`);
    expect(pointers[0]).toMatch(/^\/plan\/.* document-depth-limit$/);
    const withGetter = { ...doc };
    Object.defineProperty(withGetter, "graphId", { enumerable: true, get: () => "graph:r" });
    for (const input of [new Proxy(doc, {}), withGetter]) {
      expect(compileExecutablePlan(input, runtime, { now, limits: { maxDepth: 12 } }).issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(pointers);
    }
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
