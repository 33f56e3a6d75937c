import type { PlanGraph, PlanGraphNode } from "@graphenix/contracts";
import { own, type IssueCollector } from "@graphenix/core";

/**
 * Where each node of a plan graph sits, checked node by node (docs/plan-graph.md): a `matrix`
 * graph gives every node a cell, an `atomic` graph is one node and no cell; every `cell.path` is
 * the first node's, element by element, with no axis twice; `coord` has exactly the path's axes,
 * and its `targets` value (when targets are expanded) is the node's `target_asset_id`; the node's
 * template is one of the graph's `templates`.
 */
export class CellCheck {
  private readonly matrix: boolean;
  private readonly templates: ReadonlySet<string>;
  private path: readonly string[] | undefined;

  constructor(graph: PlanGraph) {
    this.matrix = graph.plan_type === "matrix";
    this.templates = new Set(graph.templates.map((t) => t.template_id));
  }

  check(node: PlanGraphNode, i: number, issues: IssueCollector): void {
    if (!this.templates.has(node.template_id)) issues.add("plan_graph_template_unknown", `the template ${JSON.stringify(node.template_id)} is not one of the graph's templates`, ["nodes", i, "template_id"]);
    if (!this.matrix) {
      if (i > 0) issues.add("plan_graph_cell_invalid", "an atomic graph has exactly one node", ["nodes", i]);
      if (own(node, "cell")) issues.add("plan_graph_cell_invalid", "a node of an atomic graph has no cell", ["nodes", i, "cell"]);
      return;
    }
    const cell = own(node, "cell") as PlanGraphNode["cell"];
    if (!cell) {
      issues.add("plan_graph_cell_invalid", "every node of a matrix graph has a cell (its place in the matrix)", ["nodes", i]);
      return;
    }
    const path = (this.path ??= cell.path);
    if (new Set(cell.path).size !== cell.path.length) issues.add("plan_graph_cell_invalid", "cell.path names an axis twice", ["nodes", i, "cell", "path"]);
    else if (cell.path.length !== path.length || cell.path.some((axis, k) => axis !== path[k])) {
      issues.add("plan_graph_cell_invalid", "every node's cell.path must be the same (the plan's expand list)", ["nodes", i, "cell", "path"]);
    }
    const keys = Object.keys(cell.coord);
    if (keys.length !== cell.path.length || keys.some((k) => !cell.path.includes(k))) {
      issues.add("plan_graph_cell_invalid", "cell.coord must have exactly the axes of cell.path", ["nodes", i, "cell", "coord"]);
    } else if (Object.prototype.hasOwnProperty.call(cell.coord, "targets") && String(cell.coord.targets) !== node.target_asset_id) {
      issues.add("plan_graph_cell_invalid", `the cell's targets value is ${JSON.stringify(cell.coord.targets)}, but the node runs against ${JSON.stringify(node.target_asset_id)}`, ["nodes", i, "cell", "coord", "targets"]);
    }
  }
}
