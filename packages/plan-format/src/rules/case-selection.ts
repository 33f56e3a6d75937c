import { asObject, asString, choiceHint, getMember, hasMember, objectAt, own, sortUtf8 } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/** How a model-case message names the cases it lists (choiceHint). */
const GRAPH_CASES = { one: "graph model case", many: "graph model cases" };
const USABLE_CASES = { one: "model case it may use", many: "model cases it may use" };

/**
 * Case selection is frozen on the plan: the graph case and each planned node's case, each with an
 * explanation; every node plan's `selectedCases` agrees with it; every case id exists.
 */
export function caseSelectionIsFrozen({ view, issues }: PlanRuleContext): void {
  const selection = asObject(view.plan.caseSelection);
  if (!selection) return; // the schema reports it
  const graphCaseId = asString(own(objectAt(selection, "graph"), "modelCaseId"));
  const nodes = objectAt(selection, "nodes") ?? {};
  const graphCases = objectAt(view.graph, "modelCases");
  if (graphCaseId !== undefined && graphCases && !hasMember(graphCases, graphCaseId)) {
    issues.add("model-case-unknown", `the graph model case ${JSON.stringify(graphCaseId)} is not one of the graph's model cases${choiceHint(graphCaseId, Object.keys(graphCases), GRAPH_CASES)}`, ["caseSelection", "graph", "modelCaseId"]);
  }
  for (const entry of view.entries) {
    const frozen = asObject(getMember(nodes, entry.key));
    if (!frozen) {
      issues.add("case-selection-missing", `caseSelection.nodes has no entry (with its explanation) for ${JSON.stringify(entry.key)}`, ["caseSelection", "nodes"]);
      continue;
    }
    const frozenCase = own(frozen, "modelCaseId");
    const nodeCaseId = frozenCase === null ? null : asString(frozenCase);
    const node = view.graphNodes.get(entry.key);
    if (nodeCaseId && node) {
      const nodeCases = objectAt(node, "modelCases");
      const exists = (nodeCases && hasMember(nodeCases, nodeCaseId)) || (graphCases && hasMember(graphCases, nodeCaseId));
      const choices = [...new Set([...Object.keys(nodeCases ?? {}), ...Object.keys(graphCases ?? {})])];
      if (!exists) issues.add("model-case-unknown", `the node model case ${JSON.stringify(nodeCaseId)} is neither one of the node's model cases nor one of the graph's${choiceHint(nodeCaseId, choices, USABLE_CASES)}`, ["caseSelection", "nodes", entry.key, "modelCaseId"]);
    }
    const selected = asObject(entry.plan.selectedCases);
    if (!selected) continue;
    if (graphCaseId !== undefined && selected.graphModelCaseId !== graphCaseId) {
      issues.add("case-selection-mismatch", `selectedCases.graphModelCaseId is ${JSON.stringify(selected.graphModelCaseId)} but the plan froze the graph case ${JSON.stringify(graphCaseId)}`, [...entry.path, "selectedCases", "graphModelCaseId"]);
    }
    const selectedNodeCase = own(selected, "nodeModelCaseId") ?? null;
    if (nodeCaseId !== undefined && selectedNodeCase !== nodeCaseId) {
      issues.add("case-selection-mismatch", `selectedCases.nodeModelCaseId is ${JSON.stringify(selectedNodeCase)} but the plan froze ${JSON.stringify(nodeCaseId)} for this node`, [...entry.path, "selectedCases", "nodeModelCaseId"]);
    }
  }
  const planned = new Set(view.entries.map((e) => e.key));
  for (const key of sortUtf8(Object.keys(nodes))) {
    if (!planned.has(key)) issues.add("case-selection-mismatch", `caseSelection.nodes names ${JSON.stringify(key)}, which has no node or finalizer plan`, ["caseSelection", "nodes", key]);
  }
}
