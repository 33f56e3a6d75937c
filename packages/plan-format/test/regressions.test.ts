import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";

// Test plans are edited freely below; `any` keeps those edits short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const read = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name, "input.plan.json"), "utf8")) as Loose;
const codes = (plan: unknown) => validateExecutablePlan(plan).issues.map((i) => `${i.pointer} ${i.code}`);

describe("plan validation regressions", () => {
  it.each(["constructor", "__proto__", "toString"])("a nodeType of %j is a schema issue, not a throw", (nodeType) => {
    const plan = read("seed-v2");
    delete plan.planHash;
    plan.nodePlans["node:audience-insights"].nodeType = nodeType;
    expect(() => validateExecutablePlan(plan)).not.toThrow();
    expect(codes(plan)).toContain("/nodePlans/node:audience-insights/nodeType schema-enum");
  });

  it.each([
    ["/graph", true],
    ["/graph/nodes/node:audience-insights", true],
    ["/graphs/nodes/node:audience-insights", false],
    ["/graph~1nodes", false],
    ["/graph/", false],
    ["/graph/nodeOrder/0", true],
    ["/graph/nodeOrder/01", false],
    ["/graph/nodeOrder/1", false],
    ["/graph/nodes/node:nowhere", false],
    ["/policies", false],
  ])("a sourcePath of %j resolves in the embedded graph: %s", (sourcePath, resolves) => {
    const plan = read("seed-v2");
    delete plan.planHash;
    plan.nodePlans["node:audience-insights"].executionUnits[0].sourcePath = sourcePath;
    const unresolved = codes(plan).filter((c) => c.endsWith("source-path-unresolved"));
    expect(unresolved).toEqual(resolves ? [] : ["/nodePlans/node:audience-insights/executionUnits/0/sourcePath source-path-unresolved"]);
  });

  it("a very long dependsOn does not overflow the stack", () => {
    const plan = read("seed-v2");
    delete plan.planHash;
    plan.normalizedGraph.graph.nodes["node:audience-insights"].dependsOn = Array.from({ length: 300_000 }, () => "a");
    expect(() => validateExecutablePlan(plan, { limits: { maxStringLength: 10_000_000 } })).not.toThrow();
  });

  it("a credential in the embedded graph is reported once", () => {
    const plan = read("seed-v2");
    delete plan.planHash;
    plan.normalizedGraph.graph.nodes["node:audience-insights"].parameters.inputsConfig = { apiKey: "x" };
    expect(codes(plan).filter((c) => c.endsWith("forbidden-credential-key"))).toEqual(["/normalizedGraph/graph/nodes/node:audience-insights/parameters/inputsConfig/apiKey forbidden-credential-key"]);
  });

  it("a v1 plan whose graph has a local task, wrappers or a conditional edge is invalid", () => {
    const plan = read("seed-v1");
    const node = plan.graph.nodes["node:audience-insights"];
    node.executionClass = "local";
    node.parameters.executionStrategies = [{ strategyKey: "retrieval", unitParams: {} }];
    expect(codes(plan)).toEqual([
      "/graph/nodes/node:audience-insights/executionClass plan-v1-unsupported",
      "/graph/nodes/node:audience-insights/parameters/executionStrategies plan-v1-unsupported",
    ]);
  });

  it("a fact-guard on a MAIN-phase wrapper is refused, as at design time", () => {
    const plan = read("content-pipeline-v2");
    delete plan.planHash;
    plan.nodePlans["node:draft-article"].executionUnits[2].unitParams = { factGuard: { enabled: false } };
    expect(codes(plan)).toEqual(["/nodePlans/node:draft-article/executionUnits/2/unitParams/factGuard fact-guard-not-allowed"]);
  });
  it("a v1 finalizer plan holds finalizer units only", () => {
    const plan = read("pre-main-post-finalizer-v1");
    const unit = plan.finalizerPlans["node:package"].executionUnits[0];
    plan.finalizerPlans["node:package"].executionUnits.unshift({ ...unit, unitId: `${unit.unitId}:pre`, unitKind: "preAction", order: unit.order - 1, actionKey: "synthesis", modelSlot: "preActionModel" });
    expect(codes(plan)).toContain("/finalizerPlans/node:package/executionUnits/0/unitKind unit-kind-not-allowed");
  });

  it.each(["content-pipeline-v2", "content-pipeline-v2-graph-by-reference", "pre-main-post-finalizer-v1"])(
    "%s: a node plan under a finalizer's id is reported once, and the finalizer plan beside it is left alone",
    (name) => {
      const plan = read(name);
      const finalizer = Object.keys(plan.finalizerPlans)[0] as string;
      const copy = structuredClone(plan.nodePlans[Object.keys(plan.nodePlans)[0] as string]);
      copy.nodeId = finalizer;
      for (const unit of copy.executionUnits) {
        if (unit.nodeId !== undefined) unit.nodeId = finalizer;
        unit.unitId = `${unit.unitId}:copy`;
        // v1 PRE units read the synthesis sources of their own node: not this test's subject.
        delete unit.unitParams?.memoryPaths;
      }
      plan.nodePlans[finalizer] = copy;
      if (plan.planHash !== undefined) {
        delete plan.planHash;
        plan.planHash = computePlanHash(plan);
      }
      expect(codes(plan)).toEqual([`/nodePlans/${finalizer} node-plan-unknown-node`]);
    },
  );

  it("rules report nodes in the same order whatever the member order of the graph and the case selection", () => {
    const reversed = (o: Loose) => Object.fromEntries(Object.entries(o).reverse());
    const v1 = read("pre-main-post-finalizer-v1");
    v1.nodePlans = {};
    v1.finalizerPlans = {};
    const v1Reversed = { ...structuredClone(v1), graph: { ...v1.graph, nodes: reversed(v1.graph.nodes) } };
    expect(codes(v1Reversed)).toEqual(codes(v1));
    expect(codes(v1).filter((c) => c.endsWith("-missing")).length).toBeGreaterThanOrEqual(2);
    const byReference = read("content-pipeline-v2-graph-by-reference");
    const planned = Object.keys(byReference.nodePlans);
    for (const key of planned.slice(0, 2)) delete byReference.nodePlans[key];
    delete byReference.planHash;
    const byReferenceReversed = { ...structuredClone(byReference), caseSelection: { ...byReference.caseSelection, nodes: reversed(byReference.caseSelection.nodes) } };
    expect(codes(byReferenceReversed)).toEqual(codes(byReference));
    expect(codes(byReference).filter((c) => c.endsWith("case-selection-mismatch"))).toHaveLength(2);
  });

  it("a v1 node plan holds no finalizer unit: it belongs in finalizerPlans", () => {
    const plan = read("pre-main-post-finalizer-v1");
    const units = plan.nodePlans["node:write-brief"].executionUnits;
    const last = units[units.length - 1];
    const finalizer = plan.finalizerPlans["node:package"].executionUnits[0];
    units.push({ ...finalizer, unitId: `${last.unitId}:out`, order: last.order + 1, sourcePath: last.sourcePath });
    expect(codes(plan)).toContain(`/nodePlans/node:write-brief/executionUnits/${units.length - 1}/unitKind unit-kind-not-allowed`);
  });

  it("the MAIN skill unit runs the node's skill (v1 too)", () => {
    const plan = read("pre-main-post-finalizer-v1");
    const skill = plan.nodePlans["node:write-brief"].executionUnits.find((u: Loose) => u.unitKind === "skill");
    skill.skillKey = "evil-skill";
    expect(codes(plan)).toEqual(["/nodePlans/node:write-brief/executionUnits/1/skillKey main-skill-mismatch"]);
  });
  it("a fact-guard is for PRE and POST utilities only: not on a finalizer unit, whatever its strategy", () => {
    const plan = read("pre-main-post-finalizer-v2");
    delete plan.planHash;
    const unit = plan.finalizerPlans["node:package"].executionUnits[0];
    Object.assign(unit, { strategyKey: "audit", unitParams: { ...unit.unitParams, factGuard: { enabled: true, policyId: "policy:facts" } } });
    expect(codes(plan)).toContain("/finalizerPlans/node:package/executionUnits/0/unitParams/factGuard fact-guard-not-allowed");
  });
  it("with the graph by reference, the index and the plans are checked against each other", () => {
    const base = read("seed-v2-graph-by-reference");
    delete base.planHash;
    expect(codes(base)).toEqual([]);
    const [id] = Object.keys(base.nodePlans);
    const ghost = structuredClone(base);
    ghost.nodePlans["node:ghost"] = { ...structuredClone(base.nodePlans[id!]), nodeId: "node:ghost", executionUnits: [] };
    expect(codes(ghost)).toContain("/nodePlans/node:ghost node-plan-unknown-node");
    const missing = structuredClone(base);
    delete missing.nodePlans[id!];
    expect(codes(missing)).toContain("/nodePlans node-plan-missing");
    const retyped = structuredClone(base);
    retyped.nodeIndex[0].nodeType = "finalizer";
    expect(codes(retyped)).toContain(`/nodePlans/${id} node-plan-unknown-node`);
    const mistyped = structuredClone(base);
    mistyped.nodeIndex[0].nodeType = "validation";
    expect(codes(mistyped)).toContain("/nodeIndex/0/nodeType node-index-inconsistent");
  });
});
