/**
 * docs/architecture.md, "Own members only": a document's members are its own properties. A
 * member some code put on Object.prototype (enumerable or not) is never read as if the document
 * had it: every reader and builder gives byte-identical results with and without it. Each member
 * name any schema declares (plus the option names) is put on Object.prototype in turn, with values
 * of several JSON types, and every function below is run on valid documents and compared.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalize, parseJson } from "@graphenix/core";
import { normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "../packages/authoring-format/src/index.js";
import { computePlanHash, validateExecutablePlan } from "../packages/plan-format/src/index.js";
import { compileExecutablePlan, type CompileOptions } from "../packages/plan-compiler/src/index.js";
import { compilePlan, fromMplpPlan, toMplpPlan, validateExpansionManifest, validateMplpPlan, validatePlanGraph, type MplpPlan } from "../packages/plan-graph/src/index.js";
import { bindGroundTruthToPlanGraph, bindMplpTrace, bindTraceToPlan, simulateTrace, validateTrace, type SimulationScript } from "../packages/trace-format/src/index.js";
import { host, repoRoot } from "./hostile-generators.js";

const read = (...path: string[]): unknown => JSON.parse(readFileSync(join(repoRoot, ...path), "utf8"));
const folders = (...path: string[]) => readdirSync(join(repoRoot, ...path), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "_error_").map((d) => d.name).sort();

/** Every member name any schema declares or requires, and the names of the options objects. */
function memberNames(): string[] {
  const names = new Set(["now", "format", "planId", "profileRegistry", "limits", "maxDepth", "maxStringLength", "maxIssues", "maxNodes", "maxBytes", "matrix", "credentials", "forbiddenMembers", "severity", "location", "requireApproval", "confirms", "traces"]);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== "object") return;
    const schema = value as Record<string, unknown>;
    if (schema.properties && typeof schema.properties === "object") for (const name of Object.keys(schema.properties)) names.add(name);
    if (Array.isArray(schema.required)) for (const name of schema.required) names.add(String(name));
    Object.values(schema).forEach(walk);
  };
  for (const file of readdirSync(join(repoRoot, "schemas"))) walk(read("schemas", file));
  return [...names].sort();
}

const PLANS = "packages/plan-compiler/test/fixtures";
const TRACES = "packages/trace-format/test/fixtures";
const MPLP = "packages/plan-graph/test/fixtures/mplp/tests/golden/flows/flow-05-single-agent-confirm-required/expected";

/** Each run's whole result, as text: what must not change. */
function runs(): Record<string, () => unknown> {
  const out: Record<string, () => unknown> = {};
  for (const name of folders(PLANS)) {
    const graph = read(PLANS, name, "authoring-graph.json");
    const runtime = read(PLANS, name, "runtime.json");
    const { formats, ...options } = read(PLANS, name, "options.json") as CompileOptions & { formats?: ("v1" | "v2")[] };
    out[`authoring ${name}`] = () => [validateAuthoringGraph(graph), validateRuntimeObject(runtime), normalizeAuthoringGraph(graph)];
    out[`normalized ${name}`] = () => {
      const normalized = normalizeAuthoringGraph(graph);
      return normalized.valid ? [validateNormalizedExecutableGraph(normalized.value), normalizeAuthoringGraph(normalized.value)] : normalized;
    };
    for (const format of formats ?? ["v2"]) {
      out[`compile ${name} ${format}`] = () => {
        const result = compileExecutablePlan(graph, runtime, { ...options, format });
        return result.ok ? [result, validateExecutablePlan(result.plan), computePlanHash(result.plan), canonicalize(result.plan)] : result;
      };
    }
  }
  for (const name of folders(TRACES)) {
    const { plan: planName, script } = read(TRACES, name, "case.json") as { plan: string; script: SimulationScript };
    const plan = read(PLANS, planName, "expected.plan.v2.json");
    const trace = read(TRACES, name, "trace.json");
    out[`trace ${name}`] = () => [validateTrace(trace), bindTraceToPlan(trace, plan), simulateTrace(plan as never, script)];
  }
  const inventory = read("examples", "lab-inventory.json");
  for (const file of ["matrix-scenario.json", "atomic-scenario.json"]) {
    out[`plan-graph ${file}`] = () => {
      const result = compilePlan(read("examples", file), inventory);
      return result.ok ? [result, validatePlanGraph(result.graph), validateExpansionManifest(result.manifest)] : result;
    };
  }
  out["ground truth"] = () => bindGroundTruthToPlanGraph(host("ground-truth"), host("plan-graph"));
  // Invalid documents too: their issues (codes, places, severities) must not change either.
  const AUTHORING_ERRORS = "packages/authoring-format/test/fixtures/_error_";
  const PLAN_ERRORS = "packages/plan-format/test/fixtures/_error_";
  const TRACE_ERRORS = "packages/trace-format/test/fixtures/_error_";
  for (const name of ["schema-violations", "model-case-unknown", "main-only-field"]) {
    const doc = read(AUTHORING_ERRORS, name, "input.authoring-graph.json");
    out[`invalid authoring ${name}`] = () => [validateAuthoringGraph(doc), normalizeAuthoringGraph(doc)];
  }
  for (const name of ["schema-violations", "invoke-contract-missing", "v1-main-skill-missing"]) {
    const doc = read(PLAN_ERRORS, name, "input.plan.json");
    out[`invalid plan ${name}`] = () => validateExecutablePlan(doc);
  }
  for (const name of ["attempts-exceeded", "event-subject-missing"]) {
    const { plan: planName } = read(TRACE_ERRORS, name, "case.json") as { plan: string };
    const trace = read(TRACE_ERRORS, name, "trace.json");
    const plan = read(PLANS, planName, "expected.plan.v2.json");
    out[`invalid trace ${name}`] = () => [validateTrace(trace), bindTraceToPlan(trace, plan)];
  }
  const text = readFileSync(join(repoRoot, "examples", "content-pipeline.authoring.json"), "utf8");
  out["parse and canonicalize"] = () => {
    const parsed = parseJson(text);
    return [parsed, parsed.ok ? canonicalize(parsed.value, {}) : null, parseJson(`${text.slice(0, -3)},}`)];
  };
  out["mplp"] = () => {
    const plan = host("mplp-plan");
    const { steps: _steps, plan_id: _id, ...header } = plan as MplpPlan;
    const view = fromMplpPlan(plan);
    return [validateMplpPlan(plan), view, view.ok ? toMplpPlan(view.graph, header) : null, bindMplpTrace(read(MPLP, "trace.json"), read(MPLP, "plan.json"))];
  };
  return out;
}

const text = (run: () => unknown): string => {
  try {
    return JSON.stringify(run());
  } catch (error) {
    return `threw ${String(error)}`;
  }
};

// Non-enumerable members are what a careful polyfill adds; enumerable ones what a plain
// assignment (`Object.prototype.x = …`) does. Both kinds, with values of each JSON type.
const VALUES: readonly { readonly value: unknown; readonly enumerable: boolean }[] = [
  { value: "x", enumerable: false },
  { value: {}, enumerable: true },
  { value: true, enumerable: false },
  { value: 1, enumerable: true },
  { value: [], enumerable: false },
  { value: null, enumerable: true },
  { value: false, enumerable: false },
];

describe("a member on Object.prototype is never read as the document's", () => {
  const all = runs();
  const baseline = Object.fromEntries(Object.entries(all).map(([name, run]) => [name, text(run)]));

  it("the runs succeed without one", () => {
    for (const [name, result] of Object.entries(baseline)) expect(result.startsWith("threw"), name).toBe(false);
  });

  it.each(memberNames())("%s", (member) => {
    const changed: string[] = [];
    for (const { value, enumerable } of VALUES) {
      Object.defineProperty(Object.prototype, member, { value, enumerable, writable: true, configurable: true });
      try {
        for (const [name, run] of Object.entries(all)) if (text(run) !== baseline[name]) changed.push(`${name} (${JSON.stringify(value)})`);
      } finally {
        Reflect.deleteProperty(Object.prototype, member);
      }
    }
    expect(changed).toEqual([]);
  });
});
