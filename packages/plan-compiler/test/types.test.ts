/**
 * The plan type of a compile follows `options.format` (found in review: `result.plan.planHash`
 * did not compile after a default v2 compile). Checked by the typecheck of the tests, and run.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { ExecutableGraphPlan, ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { compileExecutablePlan, type CompileOptions } from "@graphenix/plan-compiler";

const graph = {
  format: "graphenix.authoring-graph/v1",
  graphId: "graph:t",
  revision: "1.0.0",
  formatVersion: "2.0.0",
  nodes: { "node:a": { type: "task", parameters: { skillKey: "s" } } },
  edges: [],
  modelCases: { default: { skillModel: { kind: "profileChoice", key: "vol/default" } } },
  defaultModelCase: "default",
};
const runtime = { jobId: "job-1", mode: "live", environment: "prod", profileRegistry: { package: "@x12i/ai-profiles", version: "3.2.0" } };
const now = "2026-06-06T12:00:00Z";

describe("the plan type follows options.format", () => {
  it("v2 when the format is left out, with its planHash", () => {
    const result = compileExecutablePlan(graph, runtime, { now });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expectTypeOf(result.plan).toEqualTypeOf<ExecutableGraphPlanV2>();
    expect(result.plan.planHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("v2 when asked for", () => {
    const result = compileExecutablePlan(graph, runtime, { now, format: "v2" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expectTypeOf(result.plan).toEqualTypeOf<ExecutableGraphPlanV2>();
    expect(result.plan.format).toBe("graphenix.executable-plan/v2");
  });

  it("v1 when asked for", () => {
    const result = compileExecutablePlan(graph, runtime, { now, format: "v1" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expectTypeOf(result.plan).toEqualTypeOf<ExecutableGraphPlan>();
    expect(result.plan.format).toBe("graphenix.executable-plan/v1");
    expect("planHash" in result.plan).toBe(false);
  });

  it("either, when the format is only known at run time", () => {
    const options: CompileOptions = { now, format: process.env.GX_NO_SUCH_VARIABLE === undefined ? "v1" : "v2" };
    const result = compileExecutablePlan(graph, runtime, options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expectTypeOf(result.plan).toEqualTypeOf<ExecutableGraphPlanV2 | ExecutableGraphPlan>();
    expect(result.plan.format).toBe("graphenix.executable-plan/v1");
  });
});
