import { topologicalOrder } from "@graphenix/core";
import type { GraphView } from "../graph-view.js";
import type { RuleContext } from "./context.js";

/** Shown in full up to this many ids; longer cycles are abbreviated (the count is always given). */
const MAX_IDS_IN_MESSAGE = 24;

/**
 * Kahn's algorithm over node indices numbered in UTF-8 byte order of the ids, so the order is
 * the documented one (ties broken by id) and a cycle is reported the same way every time.
 * Edges to unknown nodes are left out (reported by their own rule).
 */
export function orderNodes(graph: GraphView): { ok: true; order: string[] } | { ok: false; cycle: string[] } {
  const index = new Map(graph.ids.map((id, i) => [id, i]));
  const successors: number[][] = graph.ids.map(() => []);
  for (const { from, to } of graph.edges) {
    const a = index.get(from);
    const b = index.get(to);
    if (a !== undefined && b !== undefined) successors[a]?.push(b);
  }
  const result = topologicalOrder(successors);
  return result.ok ? { ok: true, order: result.order.map((i) => graph.ids[i] as string) } : { ok: false, cycle: result.cycle.map((i) => graph.ids[i] as string) };
}

export function describeCycle(cycle: readonly string[]): string {
  const shown = cycle.length <= MAX_IDS_IN_MESSAGE ? cycle : [...cycle.slice(0, MAX_IDS_IN_MESSAGE - 1), "…"];
  return `${[...shown, cycle[0]].map((id) => `"${id}"`).join(" → ")} (${cycle.length} node${cycle.length === 1 ? "" : "s"})`;
}

/** The graph is a DAG; a cycle is reported with its node ids in edge order. */
export function graphIsAcyclic({ graph, issues }: RuleContext): void {
  const result = orderNodes(graph);
  if (!result.ok) issues.add("graph-cycle", `the edges form a cycle: ${describeCycle(result.cycle)}`, ["edges"]);
}
