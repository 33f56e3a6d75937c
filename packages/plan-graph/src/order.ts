import type { PlanGraph } from "@graphenix/contracts";
import { topologicalOrder as kahn } from "@graphenix/core";

export type PlanGraphOrder = { readonly ok: true; readonly order: string[] } | { readonly ok: false; readonly cycle: string[] };

/**
 * The run order of a plan graph (DESIGN §6.6): Kahn's algorithm with `node_ordinal` as the stable
 * tie-break, iterative, O((n + e) log n). On a cycle, the action ids of one cycle in edge order.
 * Edges to unknown nodes are left out (`validatePlanGraph` reports them).
 */
export function topologicalOrder(graph: Pick<PlanGraph, "nodes" | "edges">): PlanGraphOrder {
  // Number nodes by ordinal (then position), so "lowest index first" is "lowest ordinal first".
  const nodes = graph.nodes.map((n, i) => ({ id: n.action_id, ordinal: n.node_ordinal, i }));
  // Compiled graphs list nodes in ordinal order already: sort only when they are not.
  if (nodes.some((n, i) => i > 0 && n.ordinal < (nodes[i - 1] as { ordinal: number }).ordinal)) nodes.sort((a, b) => a.ordinal - b.ordinal || a.i - b.i);
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const successors: number[][] = nodes.map(() => []);
  for (const edge of graph.edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from !== undefined && to !== undefined) (successors[from] as number[]).push(to);
  }
  const result = kahn(successors);
  return result.ok ? { ok: true, order: result.order.map((i) => (nodes[i] as { id: string }).id) } : { ok: false, cycle: result.cycle.map((i) => (nodes[i] as { id: string }).id) };
}
