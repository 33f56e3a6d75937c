/**
 * Mapping cases a mutation review found untested: PRE actions' reads, a node's own model case
 * named like a graph case, a runtime override naming a graph case, and the unit-id length limit.
 */
import { describe, expect, it } from "vitest";
import { validateExecutablePlan } from "@graphenix/plan-format";
import { compileExecutablePlan } from "@graphenix/plan-compiler";
import { MAX_IDENTIFIER_LENGTH } from "../src/options.js";

const runtime = { jobId: "job-1", mode: "live", environment: "prod", profileRegistry: { package: "@x12i/ai-profiles", version: "3.2.0" } };
const now = "2026-06-06T12:00:00Z";
const profile = (key: string) => ({ kind: "profileChoice", key });
const cases = { default: { preActionModel: profile("cheap/default"), skillModel: profile("vol/default") }, other: { preActionModel: profile("cheap/default"), skillModel: profile("vol/other") } };

function graph(nodes: Record<string, unknown>) {
  return { format: "graphenix.authoring-graph/v1", graphId: "graph:m", revision: "1.0.0", formatVersion: "2.0.0", nodes, edges: [], modelCases: cases, defaultModelCase: "default" };
}

function plan(doc: unknown, rt: unknown = runtime) {
  const result = compileExecutablePlan(doc, rt, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateExecutablePlan(result.plan).valid).toBe(true);
  return result.plan;
}

describe("compiler mapping edges", () => {
  it("a PRE action reads the authored synthesis sources, as the PRE utility does", () => {
    const p = plan(graph({ a: { type: "task", parameters: { skillKey: "s", aiTaskProfile: { inputSynthesis: { enabled: false, sources: ["memory.audience.summary"] } }, preActions: [{ actionKey: "load-context", strategyKey: "synthesis" }] } } }));
    const unit = p.nodePlans.a?.executionUnits[0];
    expect([unit?.unitKind, unit?.actionKey, unit?.invokeContract?.reads]).toEqual(["externalPreUtility", "load-context", ["memory.audience.summary"]]);
  });

  it("a node's own model case wins over the graph case of the same id", () => {
    const p = plan(graph({ a: { type: "task", parameters: { skillKey: "s" }, modelCases: { default: { skillModel: profile("premium/default") } }, defaultModelCase: "default" } }));
    expect(p.nodePlans.a?.modelSlots.skillModel).toEqual({ selection: profile("premium/default"), source: "nodeCase" });
  });

  it("a runtime override may name a graph case the node does not have", () => {
    const p = plan(graph({ a: { type: "task", parameters: { skillKey: "s" } } }), { ...runtime, nodeModelCases: { a: "other" } });
    expect(p.nodePlans.a?.modelSlots.skillModel).toEqual({ selection: profile("vol/other"), source: "runtimeOverride" });
  });

  it("a node id whose longest unit id is exactly the identifier limit compiles; one character more is the design's issue", () => {
    // A task node's MAIN skill unit is `unit:<id>:main:0`: 12 characters around the id.
    const fits = "n".repeat(MAX_IDENTIFIER_LENGTH - "unit::main:0".length);
    expect(`unit:${fits}:main:0`).toHaveLength(MAX_IDENTIFIER_LENGTH);
    expect(plan(graph({ [fits]: { type: "task", parameters: { skillKey: "s" } } })).nodePlans[fits]?.executionUnits[0]?.unitId).toHaveLength(MAX_IDENTIFIER_LENGTH);
    const over = `${fits}n`;
    const result = compileExecutablePlan(graph({ [over]: { type: "task", parameters: { skillKey: "s" } } }), runtime, { now });
    expect(result.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([`/authoringGraph/nodes/${over} compile-id-too-long`]);
  });
});
