import { asObject, type Obj } from "@graphenix/core";
import type { GraphView } from "../graph-view.js";

const SLOTS = ["preActionModel", "skillModel", "postActionModel", "finalizerModel"] as const;

type Path = readonly (string | number)[];

/** What a rule does with one model selection of the graph, at its path. */
export type SelectionVisitor = (selection: Obj, path: () => Path) => void;

/**
 * Every model selection a graph authors, in reporting order: the graph's model cases and fallback
 * list, then each node's. The path is made only when a rule has something to report: most
 * selections are fine, and a graph has thousands.
 */
export function visitModelSelections(graph: GraphView, visit: SelectionVisitor): void {
  visitCases(graph.document.modelCases, visit, ["modelCases"]);
  visitFallback(graph.document.policies, visit, ["policies"]);
  for (const [id, node] of graph.nodes) {
    if (node.modelCases !== undefined) visitCases(node.modelCases, visit, ["nodes", id, "modelCases"]);
    if (node.policies !== undefined) visitFallback(node.policies, visit, ["nodes", id, "policies"]);
  }
}

function visitCases(cases: unknown, visit: SelectionVisitor, at: Path): void {
  const obj = asObject(cases);
  if (!obj) return;
  for (const caseId of Object.keys(obj)) {
    const modelCase = asObject(obj[caseId]);
    if (!modelCase) continue;
    for (const slot of SLOTS) {
      const selection = asObject(modelCase[slot]);
      if (selection) visit(selection, () => [...at, caseId, slot]);
    }
  }
}

function visitFallback(policies: unknown, visit: SelectionVisitor, at: Path): void {
  const models = asObject(asObject(policies)?.fallback)?.models;
  if (!Array.isArray(models)) return;
  for (let i = 0; i < models.length; i++) {
    const selection = asObject(models[i]);
    if (selection) visit(selection, () => [...at, "fallback", "models", i]);
  }
}
