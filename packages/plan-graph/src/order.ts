import type { PlanGraph } from "@graphenix/contracts";
import { topologicalOrderOfEdges } from "@graphenix/core";

export type PlanGraphOrder = { readonly ok: true; readonly order: string[] } | { readonly ok: false; readonly cycle: string[] };

/**
 * The run order of a plan graph (DESIGN §6.6): Kahn's algorithm with `node_ordinal` as the stable
 * tie-break, iterative, O((n + e) log n). On a cycle, the action ids of one cycle in edge order.
 * Edges to unknown nodes are left out (`validatePlanGraph` reports them). Nodes and edges are
 * numbered into typed arrays as they are read: one map look-up per edge end, no object per node.
 */
export function topologicalOrder(graph: Pick<PlanGraph, "nodes" | "edges">): PlanGraphOrder {
  const list = graph.nodes;
  const n = list.length;
  // Number nodes by ordinal (then position), so "lowest index first" is "lowest ordinal first".
  // Compiled graphs list nodes in ordinal order already: sort only when they are not.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if ((list[i] as PlanGraph["nodes"][number]).node_ordinal < (list[i - 1] as PlanGraph["nodes"][number]).node_ordinal) sorted = false;
  const byIndex = sorted ? list : [...list].map((node, i) => ({ node, i })).sort((a, b) => a.node.node_ordinal - b.node.node_ordinal || a.i - b.i).map((x) => x.node);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set((byIndex[i] as PlanGraph["nodes"][number]).action_id, i);
  const edges = graph.edges;
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  let count = 0;
  for (const edge of edges) {
    const f = index.get(edge.from);
    const t = index.get(edge.to);
    if (f === undefined || t === undefined) continue;
    from[count] = f;
    to[count++] = t;
  }
  const result = topologicalOrderOfEdges(n, from, to, count);
  const id = (i: number) => (byIndex[i] as PlanGraph["nodes"][number]).action_id;
  return result.ok ? { ok: true, order: result.order.map(id) } : { ok: false, cycle: result.cycle.map(id) };
}
