import { asObject, asString, getMember, jsonEqual, objectAt, own, type Obj } from "@graphenix/core";
import type { ModelSlotName } from "@graphenix/contracts";
import { SLOT_WORDS } from "../unit-kinds.js";
import type { PlanRuleContext } from "./context.js";

/** Where a binding may say it came from, by where the frozen cases take its selection from. */
const FROM_NODE_CASE: readonly unknown[] = ["nodeCase", "runtimeOverride"];
const FROM_GRAPH_CASE: readonly unknown[] = ["graphCase"];

/**
 * With the graph embedded, every model slot binding of a node or finalizer plan is the one its
 * frozen cases give, resolved as the compiler does (docs/plan-compiler.md): the node case's
 * selection for the slot when the node has a case and it defines the slot (the node's own case of
 * that id first, else the graph's), else the graph case's. The binding's `source` says which:
 * `graphCase`, or `nodeCase` / `runtimeOverride` (the plan does not record the runtime object, so
 * either is accepted for a node case). Without this, a plan could bind any model while its frozen
 * cases and embedded graph said otherwise, and traces are bound to the plan's models.
 * Unknown case ids are `caseSelectionIsFrozen`'s to report; their nodes are not checked here.
 */
export function modelBindingsFollowTheCases({ view, issues }: PlanRuleContext): void {
  const selection = asObject(view.plan.caseSelection);
  const graphCases = asObject(view.graph?.modelCases);
  const graphCaseId = asString(asObject(selection?.graph)?.modelCaseId);
  const frozenNodes = asObject(selection?.nodes);
  const graphCase = graphCaseId === undefined ? undefined : asObject(getMember(graphCases, graphCaseId));
  if (!graphCases || !graphCase || !frozenNodes) return;
  for (const entry of view.entries) {
    const node = view.graphNodes.get(entry.key);
    const frozen = asObject(getMember(frozenNodes, entry.key));
    const slots = asObject(entry.plan.modelSlots);
    if (!node || !frozen || !slots) continue;
    const nodeCaseId = asString(own(frozen, "modelCaseId"));
    const nodeCase = nodeCaseId === undefined ? undefined : asObject(getMember(objectAt(node, "modelCases"), nodeCaseId) ?? getMember(graphCases, nodeCaseId));
    if (nodeCaseId !== undefined && !nodeCase) continue;
    for (const slot of Object.keys(slots).sort()) {
      const binding = asObject(slots[slot]);
      if (!binding || !Object.prototype.hasOwnProperty.call(SLOT_WORDS, slot)) continue; // the schema reports it
      checkBinding(binding, slot as ModelSlotName, nodeCase, graphCase, [...entry.path, "modelSlots", slot], issues);
    }
  }
}

function checkBinding(binding: Obj, slot: ModelSlotName, nodeCase: Obj | undefined, graphCase: Obj, path: (string | number)[], issues: PlanRuleContext["issues"]): void {
  const fromNode = own(nodeCase, slot);
  const [expected, sources, where] = fromNode !== undefined ? [fromNode, FROM_NODE_CASE, "the node's model case"] : [own(graphCase, slot), FROM_GRAPH_CASE, "the graph model case"];
  if (expected === undefined) {
    issues.add("model-binding-mismatch", `no frozen model case defines the ${SLOT_WORDS[slot]} (${slot}), yet the plan binds it`, path);
    return;
  }
  const selection = own(binding, "selection");
  const source = own(binding, "source");
  if (selection !== undefined && !jsonEqual(selection, expected)) {
    issues.add("model-binding-mismatch", `the ${SLOT_WORDS[slot]} binding is not the selection ${where} frozen on the plan gives`, [...path, "selection"]);
  }
  if (source !== undefined && !sources.includes(source)) {
    issues.add("model-binding-mismatch", `the binding comes from ${where}, so its source is ${sources.map((s) => JSON.stringify(s)).join(" or ")}, not ${JSON.stringify(source)}`, [...path, "source"]);
  }
}
