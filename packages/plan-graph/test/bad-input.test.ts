import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePlan, fromMplpPlan, validateMplpPlan, validateMplpPlanUpdate, validatePlanGraph } from "@graphenix/plan-graph";

describe("plan-graph: no input makes an API throw", () => {
  it("arbitrary JSON into every validator and compiler", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), (a, b) => {
        for (const result of [validatePlanGraph(a), validateMplpPlan(a, { confirms: [b], traces: [b], requireApproval: true }), validateMplpPlanUpdate(a, b)]) {
          expect(result.valid === false || result.issues.every((i) => i.severity === "warning")).toBe(true);
        }
        expect(compilePlan(a, b).ok).toBe(false);
        expect(fromMplpPlan(a).ok).toBe(false);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it("nodes shaped like plan-graph nodes but wrong inside", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ action_id: fc.string(), node_ordinal: fc.oneof(fc.integer(), fc.string()), parameters: fc.jsonValue() }), { maxLength: 5 }), (nodes) => {
        const result = validatePlanGraph({ contract_version: "plan_graph_v1", plan_model_version: "0.2.0", run_id: "r", scenario_id: "s", plan_type: "matrix", templates: [], nodes, edges: [] });
        expect(result.valid).toBe(nodes.length === 0);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
