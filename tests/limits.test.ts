/**
 * docs/limits.md promises that every function reading a user document takes the document limits
 * as an option. Each function here gets a valid document and one limit set far below what the
 * document needs: it must report that limit's code (and only then), proving the option reaches
 * the walk that enforces it. The defaults themselves are checked against the table in the doc.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "@graphenix/contracts";
import { DEFAULT_CANONICAL_MAX_DEPTH, DEFAULT_JSON_MAX_BYTES, DEFAULT_JSON_MAX_DEPTH, DEFAULT_VALIDATION_LIMITS, MAX_VALIDATION_DEPTH, type ValidationOptions } from "@graphenix/core";
import { normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "../packages/authoring-format/src/index.js";
import { validateExecutablePlan, validateExecutablePlanV1, validateExecutablePlanV2 } from "../packages/plan-format/src/index.js";
import { compileExecutablePlan, CompileOptionsError } from "../packages/plan-compiler/src/index.js";
import { compilePlan, DEFAULT_MAX_NODES, fromMplpPlan, validateMplpPlan, validateMplpTrace, validatePlanGraph } from "../packages/plan-graph/src/index.js";
import { bindGroundTruthToPlanGraph, bindMplpTrace, bindTraceToPlan, MAX_INLINE_PAYLOAD_BYTES, prepareTraceBinding, validateTrace } from "../packages/trace-format/src/index.js";
import { host, HOSTS, rehash, repoRoot, setAt } from "./hostile-generators.js";

type Issues = readonly Pick<ValidationIssue, "code">[];
/** A function under test: the host documents it reads, and a call with the options. */
interface Reader {
  /** Host names (tests/hostile-generators.ts), or documents read here. */
  readonly hosts: readonly (string | (() => unknown))[];
  readonly call: (docs: unknown[], options: ValidationOptions) => Issues;
}

const NOW = "2026-06-06T12:00:00.000Z";
const FLOW = "packages/plan-graph/test/fixtures/mplp/tests/golden/flows/flow-05-single-agent-confirm-required/expected";
const mplp = (name: string) => JSON.parse(readFileSync(join(repoRoot, FLOW, name), "utf8")) as unknown;
const issuesOf = (r: object): Issues => ("issues" in r ? (r.issues as Issues) : []);

const READERS: Readonly<Record<string, Reader>> = {
  validateAuthoringGraph: { hosts: ["authoring-graph"], call: ([d], o) => validateAuthoringGraph(d, o).issues },
  normalizeAuthoringGraph: { hosts: ["authoring-graph"], call: ([d], o) => normalizeAuthoringGraph(d, o).issues },
  validateNormalizedExecutableGraph: { hosts: ["normalized-graph"], call: ([d], o) => validateNormalizedExecutableGraph(d, o).issues },
  validateRuntimeObject: { hosts: ["runtime-object"], call: ([d], o) => validateRuntimeObject(d, o).issues },
  validateExecutablePlan: { hosts: ["plan-v2"], call: ([d], o) => validateExecutablePlan(d, o).issues },
  validateExecutablePlanV1: { hosts: ["plan-v1"], call: ([d], o) => validateExecutablePlanV1(d, o).issues },
  validateExecutablePlanV2: { hosts: ["plan-v2"], call: ([d], o) => validateExecutablePlanV2(d, o).issues },
  compileExecutablePlan: { hosts: ["authoring-graph", "runtime-object"], call: ([g, r], o) => issuesOf(compileExecutablePlan(g, r, { now: NOW, ...(o.limits && { limits: o.limits }) })) },
  validateTrace: { hosts: ["trace"], call: ([d], o) => validateTrace(d, o).issues },
  bindTraceToPlan: { hosts: ["trace", "plan-v2"], call: ([t, p], o) => bindTraceToPlan(t, p, o).issues },
  prepareTraceBinding: { hosts: ["trace", "plan-v2"], call: ([t, p], o) => prepareTraceBinding(p, o).bind(t).issues },
  validatePlanGraph: { hosts: ["plan-graph"], call: ([d], o) => validatePlanGraph(d, o).issues },
  bindGroundTruthToPlanGraph: { hosts: ["ground-truth", "plan-graph"], call: ([r, g], o) => bindGroundTruthToPlanGraph(r, g, o).issues },
  compilePlan: { hosts: ["scenario", "lab-inventory"], call: ([s, i], o) => issuesOf(compilePlan(s, i, o.limits ? { limits: o.limits } : {})) },
  validateMplpPlan: { hosts: ["mplp-plan"], call: ([d], o) => validateMplpPlan(d, {}, o).issues },
  fromMplpPlan: { hosts: ["mplp-plan"], call: ([d], o) => issuesOf(fromMplpPlan(d, o)) },
  validateMplpTrace: { hosts: [() => mplp("trace.json")], call: ([t], o) => validateMplpTrace(t, o).issues },
  bindMplpTrace: { hosts: [() => mplp("trace.json"), () => mplp("plan.json")], call: ([t, p], o) => bindMplpTrace(t, p, o).issues },
};

const codes = (issues: Issues) => [...new Set(issues.map((i) => i.code))].sort();

/** The document with a member no schema declares added to every object in it: one issue each. */
function spoil(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(spoil);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = spoil(v);
  out.zzUnknownMember = 1;
  return out;
}

describe("every reader of user documents takes the document limits as options", () => {
  describe.each(Object.entries(READERS))("%s", (_, reader) => {
    const docs = () => reader.hosts.map((h) => (typeof h === "string" ? host(h) : h()));

    it("accepts its valid documents with the default limits", () => {
      expect(reader.call(docs(), {}).filter((i) => (i as ValidationIssue).severity !== "warning")).toEqual([]);
    });
    it("limits.maxDepth", () => {
      expect(codes(reader.call(docs(), { limits: { maxDepth: 1 } }))).toEqual(["document-depth-limit"]);
    });
    it("limits.maxStringLength", () => {
      expect(codes(reader.call(docs(), { limits: { maxStringLength: 2 } }))).toContain("document-string-limit");
    });
    it("limits.maxIssues: at most that many issues, then one issues-truncated with the count of the rest", () => {
      // Unknown members under every object the scan reaches (schema-unknown-member each, in every
      // format): far more than two issues with the defaults, exactly two and the truncation with 2.
      const spoiled = docs().map((doc) => spoil(doc));
      const all = reader.call(spoiled, {});
      expect(all.length).toBeGreaterThan(2);
      const capped = reader.call(spoiled, { limits: { maxIssues: 2 } });
      expect(capped).toHaveLength(3);
      expect(capped.map((i) => i.code).filter((c) => c === "issues-truncated")).toHaveLength(1);
      expect(capped[2]?.code).toBe("issues-truncated");
    });
  });
});

describe("graph node limits", () => {
  const small = { limits: { maxNodes: 2 } };
  it.each([
    ["validateAuthoringGraph", () => validateAuthoringGraph(host("authoring-graph"), small).issues],
    ["normalizeAuthoringGraph", () => normalizeAuthoringGraph(host("authoring-graph"), small).issues],
    ["validateNormalizedExecutableGraph", () => validateNormalizedExecutableGraph(host("normalized-graph"), small).issues],
    ["compileExecutablePlan", () => issuesOf(compileExecutablePlan(host("authoring-graph"), host("runtime-object"), { now: NOW, ...small }))],
    ["validateExecutablePlanV2", () => validateExecutablePlanV2(host("plan-v2"), small).issues],
    ["validatePlanGraph", () => validatePlanGraph(host("plan-graph"), small).issues],
    ["bindGroundTruthToPlanGraph", () => bindGroundTruthToPlanGraph(host("ground-truth"), host("plan-graph"), small).issues],
    ["validateMplpPlan", () => validateMplpPlan(mplp("plan.json"), {}, { limits: { maxNodes: 1 } }).issues],
  ])("limits.maxNodes reaches %s", (_, call) => {
    expect(codes(call())).toEqual(["graph-node-limit"]);
  });
  it("compilePlan's max_nodes bounds the expansion (default DEFAULT_MAX_NODES)", () => {
    expect(DEFAULT_MAX_NODES).toBe(100);
    expect(codes(issuesOf(compilePlan(host("scenario"), host("lab-inventory"), { max_nodes: 1 })))).toEqual(["plan_expansion_limit"]);
  });
  it("a limit given as undefined keeps its default; one that is no positive whole number is a misuse (RangeError)", () => {
    const deep = JSON.parse(`${"[".repeat(3000)}${"]".repeat(3000)}`) as unknown;
    expect(codes(validateAuthoringGraph({ ...(host("authoring-graph") as object), metadata: deep }, { limits: { maxDepth: undefined } }).issues)).toEqual(["document-depth-limit"]);
    for (const bad of [0, -1, 1.5, Number.NaN, "10"]) expect(() => validateTrace(host("trace"), { limits: { maxIssues: bad as number } })).toThrow(RangeError);
    // The compiler reports every misuse of its options the same way.
    expect(() => compileExecutablePlan(host("authoring-graph"), host("runtime-object"), { now: NOW, limits: { maxDepth: 0 } })).toThrow(CompileOptionsError);
  });
});

describe("docs/limits.md", () => {
  const doc = readFileSync(join(repoRoot, "docs/limits.md"), "utf8");
  // Each default as the doc writes it, "<number>[ MiB| KiB] (`<name>`": read from the doc, compared with the code.
  const stated = (name: string): number | undefined => {
    const match = new RegExp(`([0-9][0-9,]*)( MiB| KiB)? \\(\`${name}\``).exec(doc);
    if (!match) return undefined;
    const scale = match[2] === " MiB" ? 1024 * 1024 : match[2] === " KiB" ? 1024 : 1;
    return Number((match[1] as string).replace(/,/g, "")) * scale;
  };
  it.each([
    ["DEFAULT_JSON_MAX_BYTES", DEFAULT_JSON_MAX_BYTES],
    ["DEFAULT_JSON_MAX_DEPTH", DEFAULT_JSON_MAX_DEPTH],
    ["DEFAULT_CANONICAL_MAX_DEPTH", DEFAULT_CANONICAL_MAX_DEPTH],
    ["MAX_VALIDATION_DEPTH", MAX_VALIDATION_DEPTH],
    ["maxDepth", DEFAULT_VALIDATION_LIMITS.maxDepth],
    ["maxStringLength", DEFAULT_VALIDATION_LIMITS.maxStringLength],
    ["maxNodes", DEFAULT_VALIDATION_LIMITS.maxNodes],
    ["maxIssues", DEFAULT_VALIDATION_LIMITS.maxIssues],
    ["DEFAULT_MAX_NODES", DEFAULT_MAX_NODES],
    ["MAX_INLINE_PAYLOAD_BYTES", MAX_INLINE_PAYLOAD_BYTES],
  ])("states %s as the code has it", (name, value) => {
    expect(stated(name), `docs/limits.md: "<number> (\`${name}\`"`).toBe(value);
  });
});

describe("hashing a validated document never meets the canonicalizer's depth (any maxDepth up to MAX_VALIDATION_DEPTH)", () => {
  // Nearly as deep as validators accept (less the levels of the documents around it).
  const levels = MAX_VALIDATION_DEPTH - 20;
  const deep = () => JSON.parse(`${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`) as unknown;
  const raised = { limits: { maxDepth: MAX_VALIDATION_DEPTH } };

  it("a tampered deep plan is still plan-hash-mismatch, and a rehashed one binds its trace", () => {
    const plan = setAt(host("plan-v2"), HOSTS["plan-v2"]!.at, deep()) as Record<string, unknown>;
    expect(codes(validateExecutablePlanV2(plan, raised).issues)).toEqual(["plan-hash-mismatch"]);
    rehash(plan);
    expect(codes(validateExecutablePlanV2(plan, raised).issues)).toEqual([]);
    expect(() => bindTraceToPlan(host("trace"), plan, raised)).not.toThrow();
    expect(codes(bindTraceToPlan(host("trace"), plan, raised).issues)).toEqual(["trace-plan-mismatch"]);
  });

  it("deep template inputs expand, and deep resolved inputs are checked against their digest", () => {
    const scenario = setAt(host("scenario"), HOSTS.scenario!.at, deep());
    const expanded = compilePlan(scenario, host("lab-inventory"), raised);
    expect(expanded.ok).toBe(true);
    const graph = setAt(host("plan-graph"), "/nodes/0/parameters/resolved_inputs/deep", deep());
    expect(codes(validatePlanGraph(graph, raised).issues)).toEqual(["plan_graph_identity_mismatch"]);
  });

  it("a deep authoring graph compiles into a plan that validates", () => {
    const graph = setAt(host("authoring-graph"), HOSTS["authoring-graph"]!.at, deep());
    const compiled = compileExecutablePlan(graph, host("runtime-object"), { now: NOW, ...raised });
    expect(compiled.ok ? [] : codes(compiled.issues)).toEqual([]);
  });
});

describe("regressions from review: in-memory values, truncation, option misuse", () => {
  it("a value that contains itself is a cycle (document-non-json), reported at once, not walked 2^maxDepth times", () => {
    const a: Record<string, unknown> = {};
    a.x = a;
    a.y = a;
    const started = performance.now();
    // Each way round the cycle is reported up to maxIssues; what the walk then left unread is
    // said by issues-truncated.
    expect(codes(validatePlanGraph(a).issues)).toEqual(["document-non-json", "issues-truncated"]);
    expect(codes(validateExecutablePlanV2({ format: "graphenix.executable-plan/v2", x: a, y: a }).issues)).toEqual(["document-non-json", "issues-truncated"]);
    // A ceiling, not a benchmark: the walk before the fix did not end.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("shared references reaching more arrays and objects than any JSON text holds are refused, not walked forever", () => {
    let v: unknown = [];
    for (let i = 0; i < 60; i++) v = [v, v]; // 2^60 arrays through shared references, 61 deep
    const started = performance.now();
    expect(codes(validateTrace({ format: "graphenix.execution-trace/v1", events: v }).issues)).toEqual(["document-non-json"]);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it("left-out warnings never make a binding invalid: issues-truncated is then a warning", () => {
    // A run still going: the units it has not reached are trace-unit-not-executed warnings.
    const trace = { ...(host("trace") as { events: unknown[] }), status: "running" } as Record<string, unknown>;
    trace.events = (trace.events as unknown[]).slice(0, 1);
    delete trace.finishedAt;
    const all = bindTraceToPlan(trace, host("plan-v2"));
    expect(all.valid).toBe(true);
    expect(all.issues.length).toBeGreaterThan(2);
    const capped = bindTraceToPlan(trace, host("plan-v2"), { limits: { maxIssues: 1 } });
    expect(capped.valid).toBe(true);
    expect(capped.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["warning trace-unit-not-executed", "warning issues-truncated"]);
  });

  it("bindMplpTrace keeps the plan's issues under a member named traces (only the evidence's are the trace's)", () => {
    const plan = mplp("plan.json") as Record<string, Record<string, unknown>>;
    plan.meta = { ...plan.meta, traces: { token: "ghp_0123456789abcdefghijklmnopqrstuvwxyz" } };
    const result = bindMplpTrace(mplp("trace.json"), plan);
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toContain("/plan/meta/traces/token");
  });

  it("limits: null keeps the defaults; a limit that is an object is a RangeError, not a TypeError", () => {
    expect(validateTrace(host("trace"), { limits: null as never }).valid).toBe(true);
    expect(() => validateTrace(host("trace"), { limits: { maxDepth: JSON.parse('{"toString":1}') as number } })).toThrow(RangeError);
  });

  it("the MPLP step limit is decided after the scan: a credential is still reported", () => {
    const plan = mplp("plan.json") as Record<string, unknown>;
    const issues = validateMplpPlan({ ...plan, token: "ghp_0123456789abcdefghijklmnopqrstuvwxyz" }, {}, { limits: { maxNodes: 1 } }).issues;
    expect(codes(issues)).toEqual(["forbidden-credential-key", "forbidden-credential-value", "graph-node-limit"]);
  });
});
