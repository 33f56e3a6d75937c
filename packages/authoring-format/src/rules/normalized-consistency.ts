import { asArray, asString, compareUtf8 } from "@graphenix/core";
import { orderNodes } from "./acyclic.js";
import type { RuleContext } from "./context.js";

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A normalized graph's derived members agree with its nodes and edges: `dependsOn` = the sorted
 * predecessors, edges sorted by `from` then `to`, and `nodeOrder` = the documented topological
 * order. An engine may rely on all of them. (The member order of `nodes` carries no meaning: a
 * JavaScript object lists integer-like keys first whatever the text says; `nodeOrder` is the order.)
 */
export function normalizedMembersAreConsistent({ graph, issues }: RuleContext): void {
  const predecessors = new Map<string, Set<string>>(graph.ids.map((id) => [id, new Set<string>()]));
  for (const { from, to } of graph.edges) predecessors.get(to)?.add(from);
  for (const [id, node] of graph.nodes) {
    const expected = [...(predecessors.get(id) ?? [])].sort(compareUtf8);
    if (!sameList(asArray(node.dependsOn), expected)) {
      issues.add("normalized-graph-inconsistent", `dependsOn must list exactly the nodes with an edge to this node, in UTF-8 byte order: ${JSON.stringify(expected)}`, ["nodes", id, "dependsOn"]);
    }
  }
  for (let i = 1; i < graph.edges.length; i++) {
    const a = graph.edges[i - 1];
    const b = graph.edges[i];
    if (a && b && (compareUtf8(a.from, b.from) || compareUtf8(a.to, b.to)) > 0) {
      issues.add("normalized-graph-inconsistent", "edges must be sorted by from, then to, in UTF-8 byte order", ["edges", b.index]);
      break;
    }
  }
  const order = orderNodes(graph);
  const nodeOrder = asArray(graph.document.nodeOrder).map(asString);
  if (order.ok && !sameList(nodeOrder, order.order)) {
    issues.add("normalized-graph-inconsistent", "nodeOrder must be the topological order of the nodes, ties broken by UTF-8 byte order of the ids", ["nodeOrder"]);
  }
}
