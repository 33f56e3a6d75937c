import { asObject, keepShape, type Obj } from "@graphenix/core";
import type { GraphView } from "../graph-view.js";

const SLOTS = ["preActionModel", "skillModel", "postActionModel", "finalizerModel"] as const;

type Path = readonly (string | number)[];

/**
 * Where the selection being visited sits. One object, moved along as the walk goes: a graph has
 * thousands of selections, most are fine, and only a rule that reports one asks for its path
 * (while it is being visited). One per walk, not one per module: a getter of the document may
 * start another validation while a rule reads a selection. Its shape is kept (keepShape).
 */
export class SelectionPlace {
  /** The path of the model cases object or the policies object that holds the selection. */
  at: Path = [];
  /** The case id and slot, or undefined for an item of a fallback list. */
  caseId: string | undefined;
  slot = "";
  index = 0;

  path(): Path {
    return this.caseId === undefined ? [...this.at, "fallback", "models", this.index] : [...this.at, this.caseId, this.slot];
  }
}

keepShape(new SelectionPlace());

/** What a rule does with one model selection of the graph, at its place. */
export type SelectionVisitor = (selection: Obj, place: SelectionPlace) => void;

/**
 * Every model selection a graph authors, in reporting order: the graph's model cases and fallback
 * list, then each node's.
 */
export function visitModelSelections(graph: GraphView, visit: SelectionVisitor): void {
  const place = new SelectionPlace();
  visitCases(graph.document.modelCases, visit, place, ["modelCases"]);
  visitFallback(graph.document.policies, visit, place, ["policies"]);
  const { keys, values } = graph;
  for (let i = 0; i < keys.length; i++) {
    const node = values[i] as Obj;
    if (node.modelCases !== undefined) visitCases(node.modelCases, visit, place, ["nodes", keys[i] as string, "modelCases"]);
    if (node.policies !== undefined) visitFallback(node.policies, visit, place, ["nodes", keys[i] as string, "policies"]);
  }
}

function visitCases(cases: unknown, visit: SelectionVisitor, place: SelectionPlace, at: Path): void {
  const obj = asObject(cases);
  if (!obj) return;
  for (const caseId of Object.keys(obj)) {
    const modelCase = asObject(obj[caseId]);
    if (!modelCase) continue;
    for (const slot of SLOTS) {
      const selection = asObject(modelCase[slot]);
      if (!selection) continue;
      place.at = at;
      place.caseId = caseId;
      place.slot = slot;
      visit(selection, place);
    }
  }
}

function visitFallback(policies: unknown, visit: SelectionVisitor, place: SelectionPlace, at: Path): void {
  const models = asObject(asObject(policies)?.fallback)?.models;
  if (!Array.isArray(models)) return;
  for (let i = 0; i < models.length; i++) {
    const selection = asObject(models[i]);
    if (!selection) continue;
    place.at = at;
    place.caseId = undefined;
    place.index = i;
    visit(selection, place);
  }
}
