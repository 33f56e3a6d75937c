import { asArray, asString, compareUtf8, type Obj } from "@graphenix/core";
import { orderNodes } from "./acyclic.js";
import type { GraphView } from "../graph-view.js";
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
  const predecessors = predecessorLists(graph);
  const strangers = unknownPredecessors(graph);
  const { keys, values } = graph;
  for (let i = 0; i < keys.length; i++) {
    const id = keys[i] as string;
    const node = values[i] as Obj;
    const at = graph.position.get(id) as number;
    // Positions follow the ids' UTF-8 byte order, so sorted positions are the documented order.
    const expected = predecessors[at] as number[];
    const dependsOn = asArray(node.dependsOn);
    const others = strangers.get(at);
    const names = others ? [...new Set([...expected.map((p) => graph.ids[p] as string), ...others])].sort(compareUtf8) : undefined;
    const matches = names ? sameList(dependsOn, names) : dependsOn.length === expected.length && expected.every((p, i) => dependsOn[i] === graph.ids[p]);
    if (!matches) {
      const shown = names ?? expected.map((p) => graph.ids[p]);
      issues.add("normalized-graph-inconsistent", `dependsOn must list exactly the nodes with an edge to this node, in UTF-8 byte order: ${JSON.stringify(shown)}`, ["nodes", id, "dependsOn"]);
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
    // Where the two first differ: the whole expected order may be 100,000 ids.
    let k = 0;
    while (k < nodeOrder.length && k < order.order.length && nodeOrder[k] === order.order[k]) k++;
    const expected = k < order.order.length ? `${JSON.stringify(order.order[k])} comes at position ${k}` : `it lists ${order.order.length} nodes, not ${nodeOrder.length}`;
    issues.add("normalized-graph-inconsistent", `nodeOrder must be the topological order of the nodes, ties broken by UTF-8 byte order of the ids: ${expected}`, k < nodeOrder.length ? ["nodeOrder", k] : ["nodeOrder"]);
  }
}

/** Edges to a node from an id that is not a node (reported by their own rule): by target position. */
function unknownPredecessors(graph: GraphView): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const { from, source, target } of graph.edges) {
    if (source >= 0 || target < 0) continue;
    const list = out.get(target);
    if (list) list.push(from);
    else out.set(target, [from]);
  }
  return out;
}

/** For each node position, the distinct positions of the nodes with an edge to it, ascending. */
function predecessorLists(graph: GraphView): number[][] {
  const lists: number[][] = graph.ids.map(() => []);
  for (const { source, target } of graph.edges) if (source >= 0 && target >= 0) (lists[target] as number[]).push(source);
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as number[];
    if (list.length < 2) continue;
    list.sort((a, b) => a - b);
    lists[i] = list.filter((p, j) => j === 0 || p !== list[j - 1]);
  }
  return lists;
}
