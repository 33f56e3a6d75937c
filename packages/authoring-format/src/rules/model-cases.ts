import { asObject, asString, type Obj } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/**
 * Every referenced model case exists: the graph's `defaultModelCase` among the graph-level
 * cases, a node's `defaultModelCase` among its own cases or the graph's.
 */
export function modelCasesExist({ graph, issues }: RuleContext): void {
  const graphDefault = asString(graph.document.defaultModelCase);
  if (graphDefault !== undefined && !graph.graphCases.has(graphDefault)) {
    issues.add("model-case-unknown", `the default model case ${JSON.stringify(graphDefault)} is not one of the graph's model cases`, ["defaultModelCase"]);
  }
  const { keys, values } = graph;
  for (let i = 0; i < keys.length; i++) {
    const node = values[i] as Obj;
    const nodeDefault = asString(node.defaultModelCase);
    if (nodeDefault === undefined) continue;
    const own = asObject(node.modelCases);
    if (!(own && Object.prototype.hasOwnProperty.call(own, nodeDefault)) && !graph.graphCases.has(nodeDefault)) {
      issues.add("model-case-unknown", `the node's default model case ${JSON.stringify(nodeDefault)} is neither one of its own model cases nor one of the graph's`, ["nodes", keys[i] as string, "defaultModelCase"]);
    }
  }
}
