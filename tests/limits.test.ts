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
import { compileExecutablePlan } from "../packages/plan-compiler/src/index.js";
import { compilePlan, DEFAULT_MAX_NODES, fromMplpPlan, validateMplpPlan, validateMplpTrace, validatePlanGraph } from "../packages/plan-graph/src/index.js";
import { bindGroundTruthToPlanGraph, bindMplpTrace, bindTraceToPlan, MAX_INLINE_PAYLOAD_BYTES, prepareTraceBinding, validateTrace } from "../packages/trace-format/src/index.js";
import { host, repoRoot } from "./hostile-generators.js";

type Issues = readonly Pick<ValidationIssue, "code">[];
/** A function under test: the host documents it reads, and a call with the options. */
interface Reader {
  readonly hosts: readonly string[];
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
  validateMplpTrace: { hosts: [], call: (_, o) => validateMplpTrace(mplp("trace.json"), o).issues },
  bindMplpTrace: { hosts: [], call: (_, o) => bindMplpTrace(mplp("trace.json"), mplp("plan.json"), o).issues },
};

const codes = (issues: Issues) => [...new Set(issues.map((i) => i.code))].sort();

describe("every reader of user documents takes the document limits as options", () => {
  describe.each(Object.entries(READERS))("%s", (_, reader) => {
    const docs = () => reader.hosts.map(host);

    it("accepts its valid documents with the default limits", () => {
      expect(reader.call(docs(), {}).filter((i) => (i as ValidationIssue).severity !== "warning")).toEqual([]);
    });
    it("limits.maxDepth", () => {
      expect(codes(reader.call(docs(), { limits: { maxDepth: 1 } }))).toEqual(["document-depth-limit"]);
    });
    it("limits.maxStringLength", () => {
      expect(codes(reader.call(docs(), { limits: { maxStringLength: 2 } }))).toContain("document-string-limit");
    });
    it("limits.maxIssues", () => {
      // Two-character strings everywhere: many issues (one per string) when the scan goes on, and
      // with maxIssues 1 exactly one kept, then the issues-truncated issue.
      const issues = reader.call(docs(), { limits: { maxDepth: 1, maxIssues: 1 } });
      expect(issues.length).toBeLessThanOrEqual(2);
      expect(issues.length).toBeGreaterThan(0);
    });
  });
});

describe("graph node limits", () => {
  it("limits.maxNodes reaches the graph validators and the compiler", () => {
    const small = { limits: { maxNodes: 2 } };
    expect(codes(validateAuthoringGraph(host("authoring-graph"), small).issues)).toEqual(["graph-node-limit"]);
    expect(codes(issuesOf(compileExecutablePlan(host("authoring-graph"), host("runtime-object"), { now: NOW, ...small })))).toEqual(["graph-node-limit"]);
    expect(codes(validateExecutablePlanV2(host("plan-v2"), small).issues)).toContain("graph-node-limit");
  });
  it("compilePlan's max_nodes bounds the expansion (default DEFAULT_MAX_NODES)", () => {
    expect(DEFAULT_MAX_NODES).toBe(100);
    expect(codes(issuesOf(compilePlan(host("scenario"), host("lab-inventory"), { max_nodes: 1 })))).toEqual(["plan_expansion_limit"]);
  });
});

describe("docs/limits.md", () => {
  const doc = readFileSync(join(repoRoot, "docs/limits.md"), "utf8");
  it.each([
    ["DEFAULT_JSON_MAX_BYTES", DEFAULT_JSON_MAX_BYTES, "64 MiB"],
    ["DEFAULT_JSON_MAX_DEPTH", DEFAULT_JSON_MAX_DEPTH, "512"],
    ["DEFAULT_CANONICAL_MAX_DEPTH", DEFAULT_CANONICAL_MAX_DEPTH, "1000"],
    ["MAX_VALIDATION_DEPTH", MAX_VALIDATION_DEPTH, "2,000"],
    ["DEFAULT_VALIDATION_LIMITS.maxDepth", DEFAULT_VALIDATION_LIMITS.maxDepth, "128"],
    ["DEFAULT_VALIDATION_LIMITS.maxStringLength", DEFAULT_VALIDATION_LIMITS.maxStringLength, "1,048,576"],
    ["DEFAULT_VALIDATION_LIMITS.maxNodes", DEFAULT_VALIDATION_LIMITS.maxNodes, "100,000"],
    ["DEFAULT_VALIDATION_LIMITS.maxIssues", DEFAULT_VALIDATION_LIMITS.maxIssues, "200"],
    ["DEFAULT_MAX_NODES", DEFAULT_MAX_NODES, "100"],
    ["MAX_INLINE_PAYLOAD_BYTES", MAX_INLINE_PAYLOAD_BYTES, "64 KiB"],
  ])("states %s as the code has it", (name, value, written) => {
    const row = doc.split("\n").find((line) => line.startsWith("|") && line.includes(`\`${name.split(".").pop() as string}\``) && line.includes(written));
    expect(row, `a table row naming ${name} with ${written}`).toBeDefined();
    const n = Number(written.replace(/,/g, "").replace(/ MiB$/, "").replace(/ KiB$/, ""));
    const scale = written.endsWith("MiB") ? 1024 * 1024 : written.endsWith("KiB") ? 1024 : 1;
    expect(value).toBe(n * scale);
  });
});
