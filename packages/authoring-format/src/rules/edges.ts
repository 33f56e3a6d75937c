import type { RuleContext } from "./context.js";

/** Every edge's `from` and `to` name a node of the graph. */
export function edgesReferenceExistingNodes({ graph, issues }: RuleContext): void {
  for (const { index, from, to, source, target } of graph.edges) {
    if (source < 0) issues.add("edge-unknown-node", `the edge starts at "${from}", which is not a node of this graph`, ["edges", index, "from"]);
    if (target < 0) issues.add("edge-unknown-node", `the edge ends at "${to}", which is not a node of this graph`, ["edges", index, "to"]);
  }
}

/** The same dependency is listed once. */
export function edgesAreUnique({ graph, issues }: RuleContext): void {
  // Between nodes, the pair of positions is the key (a number: no string built per edge).
  const n = graph.ids.length;
  const seen = new Map<number | string, number>();
  for (const { index, from, to, source, target } of graph.edges) {
    const key = source >= 0 && target >= 0 ? source * n + target : `${from}\u0000${to}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else issues.add("edge-duplicate", `the edge "${from}" → "${to}" is already listed at /edges/${first}`, ["edges", index]);
  }
}
