/**
 * Rules that report one issue code from several places: the fixture matrix needs one fixture per
 * code, so a mutation review found places whose code no test reached. One case per place; each
 * expects the exact issues, so a place that stops reporting (or reports elsewhere) fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORBIDDEN_PLAN_MEMBERS, validateExecutablePlan } from "@graphenix/plan-format";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const read = (name: string) => {
  const plan = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name, "input.plan.json"), "utf8")) as Loose;
  delete plan.planHash; // the edits below would break it; the hash has its own tests
  return plan;
};
const issues = (plan: unknown) => validateExecutablePlan(plan).issues.map((i) => `${i.pointer} ${i.code}`);

describe("each place that reports a shared code", () => {
  it("a node plan's nodeId other than its key", () => {
    const plan = read("seed-v2");
    plan.nodePlans["node:audience-insights"].nodeId = "node:elsewhere";
    expect(issues(plan)).toEqual(["/nodePlans/node:audience-insights/nodeId node-plan-id-mismatch"]);
  });

  it("a deferred gate whose condition is not its edge's", () => {
    const plan = read("content-pipeline-v2");
    plan.deferredGates[0].condition.expression = "true";
    expect(issues(plan)).toEqual(["/deferredGates/0/condition deferred-gate-unknown-edge"]);
  });

  it("a nodeIndex entry whose nodeType is not its node's", () => {
    const plan = read("content-pipeline-v2");
    plan.nodeIndex[2].nodeType = plan.nodeIndex[2].nodeType === "mapping" ? "validation" : "mapping";
    expect(issues(plan)).toEqual(["/nodeIndex/2/nodeType node-index-inconsistent"]);
  });

  it("a nodeIndex entry whose dependsOn lists the right nodes in the wrong order", () => {
    const plan = read("content-pipeline-v2");
    const entry = plan.nodeIndex.findIndex((e: Loose) => e.dependsOn.length > 1);
    expect(entry).toBeGreaterThanOrEqual(0);
    plan.nodeIndex[entry].dependsOn.reverse();
    expect(issues(plan)).toEqual([`/nodeIndex/${entry}/dependsOn node-index-inconsistent`]);
  });

  it("a unit whose modelSource is not its slot binding's", () => {
    const plan = read("seed-v2");
    const unit = plan.nodePlans["node:audience-insights"].executionUnits[0];
    expect(unit.modelSource).toBe("graphCase");
    unit.modelSource = "nodeCase";
    expect(issues(plan)).toEqual(["/nodePlans/node:audience-insights/executionUnits/0/modelSource model-slot-mismatch"]);
  });

  it("a graph model case the embedded graph does not have", () => {
    const plan = read("seed-v2");
    plan.caseSelection.graph.modelCaseId = "nope";
    for (const nodePlan of Object.values(plan.nodePlans) as Loose[]) nodePlan.selectedCases.graphModelCaseId = "nope";
    expect(issues(plan)).toEqual(["/caseSelection/graph/modelCaseId model-case-unknown"]);
  });

  it("a node plan whose executionClass is not its node's", () => {
    const plan = read("seed-v2");
    plan.nodePlans["node:audience-insights"].executionClass = "local";
    expect(issues(plan)).toEqual([
      "/nodePlans/node:audience-insights/executionClass node-plan-graph-mismatch",
      "/nodePlans/node:audience-insights/executionUnits/1/unitKind unit-kind-not-allowed",
    ]);
  });
});

describe("run evidence", () => {
  // The list as docs/executable-plan.md writes it: the code spans before `(FORBIDDEN_PLAN_MEMBERS)`.
  const doc = readFileSync(join(import.meta.dirname, "../../../docs/executable-plan.md"), "utf8");
  const paragraph = doc.slice(0, doc.indexOf("(`FORBIDDEN_PLAN_MEMBERS`)")).split("\n\n").at(-1) ?? "";
  const documented = [...paragraph.matchAll(/`([a-z]+)`/g)].map((m) => m[1] as string);

  it("the documented list is the list", () => {
    expect(documented.length).toBeGreaterThanOrEqual(7);
    expect([...FORBIDDEN_PLAN_MEMBERS].sort()).toEqual([...documented].sort());
  });

  it("every documented name is refused, in any spelling, wherever a plan holds open members", () => {
    // Each name as written in camelCase, snake_case and with a dot, as the comparison ignores `-`, `_`, `.` and case.
    const spellings = (name: string) => [name, name.toUpperCase(), `${name.slice(0, 4)}_${name.slice(4)}`, `${name.slice(0, 3)}.${name.slice(3)}`];
    for (const name of documented.flatMap(spellings)) {
      const plan = read("seed-v2");
      plan.nodePlans["node:audience-insights"].invokeContract.inputsConfig = { [name]: "x" };
      expect(issues(plan), name).toEqual([`/nodePlans/node:audience-insights/invokeContract/inputsConfig/${name} plan-forbidden-field`]);
    }
  });
});
