import { asObject, asString, choiceHint, hasMember, type Obj } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** How a model-case message names the cases it lists (choiceHint). */
const GRAPH_CASES = { one: "graph model case", many: "graph model cases" };
const USABLE_CASES = { one: "model case it may use", many: "model cases it may use" };

/**
 * Every referenced model case exists: the graph's `defaultModelCase` among the graph-level
 * cases, a node's `defaultModelCase` among its own cases or the graph's.
 */
export function modelCasesExist({ graph, issues }: RuleContext): void {
  const graphDefault = asString(graph.document.defaultModelCase);
  if (graphDefault !== undefined && !graph.graphCases.has(graphDefault)) {
    issues.add("model-case-unknown", `the default model case ${JSON.stringify(graphDefault)} is not one of the graph's model cases${choiceHint(graphDefault, [...graph.graphCases], GRAPH_CASES)}`, ["defaultModelCase"]);
  }
  const { keys, values } = graph;
  for (let i = 0; i < keys.length; i++) {
    const node = values[i] as Obj;
    const nodeDefault = asString(node.defaultModelCase);
    if (nodeDefault === undefined) continue;
    const nodeCases = asObject(node.modelCases);
    if (!(nodeCases && hasMember(nodeCases, nodeDefault)) && !graph.graphCases.has(nodeDefault)) {
      const choices = [...new Set([...Object.keys(nodeCases ?? {}), ...graph.graphCases])];
      issues.add("model-case-unknown", `the node's default model case ${JSON.stringify(nodeDefault)} is neither one of its own model cases nor one of the graph's${choiceHint(nodeDefault, choices, USABLE_CASES)}`, ["nodes", keys[i] as string, "defaultModelCase"]);
    }
  }
}
