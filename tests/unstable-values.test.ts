/**
 * Values that change from one read to the next (a getter or a Proxy that answers differently each
 * time) are not JSON data. Validators read a document more than once (the scan, then the rules), so
 * such a value can reach a rule as a kind the scan never saw. No function that reads documents
 * throws on them: it reports `document-non-json` at the root of the document that changed
 * (docs/limits.md). For plain data, an error inside a validator is ours and is thrown on.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mayChangeBetweenReads, unstableReadIssue } from "@graphenix/core";
// Only contracts and core are dependencies of the workspace root: import the other packages' source.
import { normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph } from "../packages/authoring-format/src/index.js";
import { compileExecutablePlan } from "../packages/plan-compiler/src/index.js";
import { validateExecutablePlan } from "../packages/plan-format/src/index.js";
import { compilePlan, validateMplpPlan, validatePlanGraph } from "../packages/plan-graph/src/index.js";
import { bindTraceToPlan, validateTrace } from "../packages/trace-format/src/index.js";
import { readFixture, repoRoot } from "./properties/arbitraries.js";

type Doc = Record<string, unknown>;
const fixture = (path: string) => readFixture<Doc>(path);
const AUTHORING = fixture("packages/plan-compiler/test/fixtures/content-pipeline/authoring-graph.json");
const RUNTIME = fixture("packages/plan-compiler/test/fixtures/content-pipeline/runtime.json");
const PLAN = fixture("packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json");
const TRACE = fixture("packages/trace-format/test/fixtures/content-pipeline-partial/trace.json");
const NORMALIZED = fixture("packages/authoring-format/test/fixtures/content-pipeline/expected.normalized-graph.json");
const SCENARIO = fixture("examples/matrix-scenario.json");
const LAB = fixture("examples/lab-inventory.json");
const compiled = compilePlan(SCENARIO, LAB);
const PLAN_GRAPH = (compiled.ok ? compiled.graph : {}) as unknown as Doc;
const MPLP = JSON.parse(readFileSync(join(repoRoot, "packages/plan-graph/test/fixtures/mplp/examples/plan.with-events.json"), "utf8")) as Doc;

interface Outcome {
  failed: boolean;
  codes: readonly string[];
}
const asOutcome = (r: { valid?: boolean; ok?: boolean; issues?: readonly { code: string }[] }): Outcome => ({ failed: r.valid === false || r.ok === false, codes: (r.issues ?? []).map((i) => i.code) });
const NOW = { now: "2026-06-06T12:00:00.000Z" };

/** Each reader, the document it reads, and whether that document is the first or second input. */
const CASES: [string, Doc, (d: Doc) => Outcome][] = [
  ["validateAuthoringGraph", AUTHORING, (d) => asOutcome(validateAuthoringGraph(d))],
  ["normalizeAuthoringGraph", AUTHORING, (d) => asOutcome(normalizeAuthoringGraph(d))],
  ["validateNormalizedExecutableGraph", NORMALIZED, (d) => asOutcome(validateNormalizedExecutableGraph(d))],
  ["compileExecutablePlan (graph)", AUTHORING, (d) => asOutcome(compileExecutablePlan(d, RUNTIME, NOW))],
  ["compileExecutablePlan (runtime)", RUNTIME, (d) => asOutcome(compileExecutablePlan(AUTHORING, d, NOW))],
  ["validateExecutablePlan", PLAN, (d) => asOutcome(validateExecutablePlan(d))],
  ["validateTrace", TRACE, (d) => asOutcome(validateTrace(d))],
  ["bindTraceToPlan (trace)", TRACE, (d) => asOutcome(bindTraceToPlan(d, PLAN))],
  ["bindTraceToPlan (plan)", PLAN, (d) => asOutcome(bindTraceToPlan(TRACE, d))],
  ["compilePlan (scenario)", SCENARIO, (d) => asOutcome(compilePlan(d, LAB))],
  ["compilePlan (inventory)", LAB, (d) => asOutcome(compilePlan(SCENARIO, d))],
  ["validatePlanGraph", PLAN_GRAPH, (d) => asOutcome(validatePlanGraph(d))],
  ["validateMplpPlan", MPLP, (d) => asOutcome(validateMplpPlan(d))],
];

/** Every member path of `value`. */
function paths(value: unknown, at: string[] = [], out: string[][] = []): string[][] {
  if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      out.push([...at, key]);
      paths((value as Doc)[key], [...at, key], out);
    }
  }
  return out;
}

/** A copy of `doc` whose member at `path` alternates between its value and `other`, starting with `first`. */
function flipping(doc: Doc, path: string[], other: unknown, realFirst: boolean): Doc {
  const copy = structuredClone(doc);
  let parent = copy as Doc;
  for (const key of path.slice(0, -1)) parent = parent[key] as Doc;
  const key = path.at(-1)!;
  const real = parent[key];
  let reads = 0;
  Object.defineProperty(parent, key, { enumerable: true, configurable: true, get: () => ((++reads % 2 === 1) === realFirst ? real : structuredClone(other)) });
  return copy;
}

describe("values that change between reads", () => {
  it.each(CASES)("%s: never throws, whichever member changes", (_, doc, read) => {
    expect(read(doc).failed, "the unchanged document is accepted").toBe(false);
    for (const path of paths(doc)) {
      for (const other of [null, {}]) {
        for (const realFirst of [true, false]) {
          const outcome = read(flipping(doc, path, other, realFirst));
          // Whatever it says, it says it with issues: a failure always has at least one.
          if (outcome.failed) expect(outcome.codes.length, path.join("/")).toBeGreaterThan(0);
        }
      }
    }
  });

  it("a rule meeting a changed value is document-non-json at the document's root", () => {
    // The first read (the generated check) sees the real events, the consistency pass then null.
    const result = validateTrace(flipping(TRACE, ["events"], null, true));
    expect(result.issues.map((i) => [i.code, i.pointer])).toEqual([["document-non-json", ""]]);
    const bound = bindTraceToPlan(flipping(TRACE, ["events"], null, true), PLAN);
    expect(bound.issues.map((i) => [i.code, i.pointer])).toEqual([["document-non-json", "/trace"]]);
  });

  it("a format that changes between the dispatch and the gate is reported, not a failure without issues", () => {
    const result = validateExecutablePlan(flipping(PLAN, ["format"], null, false));
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(["document-non-json"]);
  });

  it("mayChangeBetweenReads: accessors and Proxies anywhere, never for plain data", () => {
    expect(mayChangeBetweenReads(structuredClone(PLAN))).toBe(false);
    const shared = { a: 1 };
    const cyclic: Doc = { shared, again: shared };
    cyclic.self = cyclic;
    expect(mayChangeBetweenReads(cyclic)).toBe(false);
    expect(mayChangeBetweenReads(flipping(PLAN, ["nodePlans", "node:audience-insights", "executionUnits", "0", "unitId"], null, true))).toBe(true);
    expect(mayChangeBetweenReads({ list: [1, new Proxy({}, {})] })).toBe(true);
    expect(mayChangeBetweenReads({ list: Object.defineProperty([1], 0, { get: () => 1, enumerable: true }) })).toBe(true);
  });

  it("unstableReadIssue throws the error on for plain data: a defect of ours is not hidden", () => {
    const bug = new TypeError("a defect");
    expect(() => unstableReadIssue(bug, [[[], structuredClone(PLAN)]])).toThrow(bug);
    const changing = flipping(PLAN, ["planId"], null, true);
    expect(unstableReadIssue(bug, [[["trace"], {}], [["plan"], changing]])).toMatchObject({ code: "document-non-json", pointer: "/plan" });
  });
});
