import type { RuleContext } from "./context.js";

/** Every edge's `from` and `to` name a node of the graph. */
export function edgesReferenceExistingNodes({ graph, issues }: RuleContext): void {
  for (const { index, from, to } of graph.edges) {
    if (!graph.nodes.has(from)) issues.add("edge-unknown-node", `the edge starts at "${from}", which is not a node of this graph`, ["edges", index, "from"]);
    if (!graph.nodes.has(to)) issues.add("edge-unknown-node", `the edge ends at "${to}", which is not a node of this graph`, ["edges", index, "to"]);
  }
}

/** The same dependency is listed once. */
export function edgesAreUnique({ graph, issues }: RuleContext): void {
  const seen = new Map<string, number>();
  for (const { index, from, to } of graph.edges) {
    const key = `${from}\u0000${to}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else issues.add("edge-duplicate", `the edge "${from}" → "${to}" is already listed at /edges/${first}`, ["edges", index]);
  }
}
