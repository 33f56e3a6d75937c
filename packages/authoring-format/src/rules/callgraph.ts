import { asString, objectAt } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** A callGraph node never calls the graph it belongs to (at any revision): that would recurse. */
export function callGraphIsNotSelfCall({ graph, issues }: RuleContext): void {
  const self = asString(graph.document.graphId);
  for (const [id, node] of graph.nodes) {
    if (node.type !== "callGraph") continue;
    const called = asString(objectAt(node, "parameters")?.graphId);
    if (called !== undefined && called === self) {
      issues.add("callgraph-self-call", `the callGraph node ${JSON.stringify(id)} calls its own graph ${JSON.stringify(self)}`, ["nodes", id, "parameters", "graphId"]);
    }
  }
}
