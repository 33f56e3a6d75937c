import { asArray, asObject, asString } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/**
 * v2: `nodeIndex` lists every node of the graph once, in the graph's `nodeOrder` (topological,
 * ties by UTF-8 byte order of ids); `order` is the position; `dependsOn` is the node's; `wave` is
 * 0 without dependencies, else one more than the largest wave among them.
 */
export function nodeIndexIsConsistent({ view, issues }: PlanRuleContext): void {
  if (view.version !== "v2" || !view.graph || !Array.isArray(view.plan.nodeIndex)) return; // a missing index: the schema says so
  const index = asArray(view.plan.nodeIndex).map(asObject);
  const nodeOrder = asArray(view.graph.nodeOrder).map(asString);
  const listed = index.map((e) => asString(e?.nodeId));
  if (listed.length !== nodeOrder.length || listed.some((id, i) => id !== nodeOrder[i])) {
    issues.add("node-index-inconsistent", "nodeIndex must list every node once, in the embedded graph's nodeOrder", ["nodeIndex"]);
    return;
  }
  const waves = new Map<string, number>();
  index.forEach((entry, i) => {
    const id = listed[i] as string;
    const node = view.graphNodes.get(id);
    const dependsOn = asArray(node?.dependsOn).map(String);
    let wave = 0;
    for (const d of dependsOn) wave = Math.max(wave, (waves.get(d) ?? 0) + 1);
    waves.set(id, wave);
    if (!entry) return;
    if (entry.order !== i) issues.add("node-index-inconsistent", `order must be the entry's position, ${i}`, ["nodeIndex", i, "order"]);
    if (entry.wave !== wave) issues.add("node-index-inconsistent", `wave must be ${wave}`, ["nodeIndex", i, "wave"]);
    if (entry.nodeType !== node?.type) issues.add("node-index-inconsistent", `nodeType must be ${JSON.stringify(node?.type)}`, ["nodeIndex", i, "nodeType"]);
    const declared = asArray(entry.dependsOn).map(String);
    if (declared.length !== dependsOn.length || declared.some((d, k) => d !== dependsOn[k])) {
      issues.add("node-index-inconsistent", `dependsOn must be ${JSON.stringify(dependsOn)}`, ["nodeIndex", i, "dependsOn"]);
    }
  });
}
