import type { ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { getMember, own } from "@graphenix/core";
import type { Drawing } from "./model.js";
import { drawPlan, type PlanNode } from "./plan.js";
import { oneLine } from "./text.js";

/**
 * A v2 plan, from its `nodeIndex` (node order, types, waves, dependencies), its node and
 * finalizer plans (the units) and its deferred gates. It needs nothing from the embedded graph,
 * so a plan that references its graph (`mode: "ref"`) draws the same way.
 */
export function drawPlanV2(plan: ExecutableGraphPlanV2): Drawing {
  const nodes: PlanNode[] = plan.nodeIndex.map((entry) => {
    const base = { nodeId: entry.nodeId, nodeType: entry.nodeType, wave: entry.wave, dependsOn: entry.dependsOn };
    if (entry.nodeType === "finalizer") {
      const fin = getMember(plan.finalizerPlans, entry.nodeId);
      return fin ? { ...base, units: fin.executionUnits, outputKey: fin.outputKey } : base;
    }
    const node = getMember(plan.nodePlans, entry.nodeId);
    if (!node) return base;
    return { ...base, ...(typeof own(node, "executionClass") === "string" && { executionClass: own(node, "executionClass") as string }), units: node.executionUnits };
  });
  const gates = plan.deferredGates.map((g) => ({ gateId: g.gateId, fromNodeId: g.fromNodeId, toNodeId: g.toNodeId, expression: g.condition.expression }));
  const source = `${plan.source.graphId} ${plan.source.graphRevision}`;
  return drawPlan(oneLine(`${plan.planId} · ${source} · ${plan.format}`), "v2", nodes, gates);
}
