import { asObject, asString, type Obj } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** A callGraph node never calls the graph it belongs to (at any revision): that would recurse. */
export function callGraphIsNotSelfCall({ graph, issues }: RuleContext): void {
  const self = asString(graph.document.graphId);
  const { keys, values } = graph;
  for (let i = 0; i < keys.length; i++) {
    const node = values[i] as Obj;
    if (node.type !== "callGraph") continue;
    const called = asString(asObject(node.parameters)?.graphId);
    if (called !== undefined && called === self) {
      issues.add("callgraph-self-call", `the callGraph node ${JSON.stringify(keys[i])} calls its own graph ${JSON.stringify(self)}`, ["nodes", keys[i] as string, "parameters", "graphId"]);
    }
  }
}
