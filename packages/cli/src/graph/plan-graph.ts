import type { PlanGraph, PlanGraphNode } from "@graphenix/contracts";
import { edgeBetween, groupWaves, type Drawing, type DrawNode } from "./model.js";
import { label, oneLine } from "./text.js";
import { wavesOf } from "./waves.js";

/** A matrix cell as `axis=value` pairs in the order of `cell.path` (never object-member order). */
function cellText(node: PlanGraphNode): string | undefined {
  const cell = node.cell;
  if (!cell) return undefined;
  const coord = cell.coord as Readonly<Record<string, unknown>>;
  return cell.path.map((axis) => `${axis}=${Object.prototype.hasOwnProperty.call(coord, axis) ? valueText(coord[axis]) : "?"}`).join(", ");
}

function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
}

/**
 * A plan graph: one shape per action node (technique and target asset, engine and template, the
 * matrix cell's coordinates, the node ordinal and action id), in `node_ordinal` order, grouped by
 * wave; one edge per `depends_on` edge, in the graph's order.
 */
export function drawPlanGraph(graph: PlanGraph): Drawing {
  const position = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    if (!position.has(node.action_id)) position.set(node.action_id, i);
  });
  const ids = new Map([...position].map(([actionId, i]) => [actionId, `n${i}`]));
  const deps: number[][] = graph.nodes.map(() => []);
  for (const edge of graph.edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (from !== undefined && to !== undefined) (deps[to] as number[]).push(from);
  }
  const nodes: DrawNode[] = graph.nodes.map((node, i) => ({
    id: `n${i}`,
    lines: label(`${node.technique_id} on ${node.target_asset_id}`, `${node.engine} · ${node.template_id}`, cellText(node), `#${node.node_ordinal} ${node.action_id}`),
    style: "action",
    units: [],
  }));
  const edges = graph.edges.flatMap((edge) => edgeBetween(ids, edge.from, edge.to));
  const title = oneLine(`plan graph ${graph.run_id} · scenario ${graph.scenario_id} · ${graph.plan_type}`);
  return { title, waves: groupWaves(nodes, wavesOf(deps)), edges };
}
