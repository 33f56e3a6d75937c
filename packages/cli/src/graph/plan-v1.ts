import type { ExecutableGraphPlan, NormalizedExecutableGraphDocument } from "@graphenix/contracts";
import { getMember, own } from "@graphenix/core";
import type { Drawing } from "./model.js";
import { drawPlan, type PlanNode } from "./plan.js";
import { oneLine } from "./text.js";
import { wavesOf } from "./waves.js";

/**
 * A v1 plan, from its embedded graph (`nodeOrder`, each node's type and `dependsOn`) and its
 * node and finalizer plans. v1 has no node index, so waves are computed the way v2's are.
 */
export function drawPlanV1(plan: ExecutableGraphPlan): Drawing {
  // Validation checked the embedded graph against the normalized-graph format.
  const graph = plan.graph as unknown as NormalizedExecutableGraphDocument;
  const order = graph.nodeOrder;
  const position = new Map<string, number>();
  order.forEach((id, i) => {
    if (!position.has(id)) position.set(id, i);
  });
  const graphNodes = order.map((id) => getMember(graph.nodes, id));
  const waves = wavesOf(graphNodes.map((n) => (n?.dependsOn ?? []).flatMap((d) => position.get(d) ?? [])));
  const nodes: PlanNode[] = order.map((nodeId, i) => {
    const node = graphNodes[i];
    const nodeType = node?.type ?? "task";
    const base = { nodeId, nodeType, wave: waves[i] ?? 0, dependsOn: node?.dependsOn ?? [] };
    if (nodeType === "finalizer") {
      const fin = getMember(plan.finalizerPlans, nodeId);
      return fin ? { ...base, units: fin.executionUnits, outputKey: fin.outputKey } : base;
    }
    const given = own(node, "executionClass");
    const executionClass = typeof given === "string" ? given : undefined;
    const units = getMember(plan.nodePlans, nodeId)?.executionUnits;
    return { ...base, ...(executionClass !== undefined && { executionClass }), ...(units !== undefined && { units }) };
  });
  const source = `${plan.source.graphId} ${plan.source.graphRevision}`;
  return drawPlan(oneLine(`${plan.planId} · ${source} · ${plan.format}`), "v1", nodes, []);
}
