import type { GraphRuntimeObject, ModelSelection, ModelSlotBinding, ModelSlotName, NormalizedExecutableGraphDocument, NormalizedNode } from "@graphenix/contracts";
import { SLOT_WORDS } from "@graphenix/plan-format";
import { choiceHint, cloneJson, getMember, hasMember, objectAt, own, type IssueCollector } from "@graphenix/core";

/** How a model-case message names the cases it lists (choiceHint). */
const GRAPH_CASES = { one: "graph model case", many: "graph model cases" };
const USABLE_CASES = { one: "model case it may use", many: "model cases it may use" };

export interface GraphCase {
  readonly id: string;
  readonly explanation: string;
}

export interface NodeCase {
  /** The node-level case id, or null when only the graph case applies. */
  readonly id: string | null;
  readonly explanation: string;
  readonly source: "nodeCase" | "runtimeOverride";
}

/** The graph model case: the runtime's choice, else the graph's default; with its explanation. */
export function selectGraphCase(graph: NormalizedExecutableGraphDocument, runtime: GraphRuntimeObject, issues: IssueCollector): GraphCase | undefined {
  const chosen = own(runtime, "graphModelCase") as string | undefined;
  if (chosen !== undefined) {
    if (!hasMember(graph.modelCases, chosen)) {
      issues.add("model-case-unknown", `the runtime chose the graph model case ${JSON.stringify(chosen)}, which the graph does not have${choiceHint(chosen, Object.keys(graph.modelCases), GRAPH_CASES)}`, ["runtime", "graphModelCase"]);
      return undefined;
    }
    return { id: chosen, explanation: "runtime.graphModelCase" };
  }
  return { id: graph.defaultModelCase, explanation: "graph.defaultModelCase (the runtime chose no graph model case)" };
}

/** A node's model case: the runtime's override, else the node's default, else none. */
export function selectNodeCase(id: string, node: NormalizedNode, graph: NormalizedExecutableGraphDocument, runtime: GraphRuntimeObject, issues: IssueCollector): NodeCase {
  const override = getMember(objectAt(runtime, "nodeModelCases") as Record<string, string> | undefined, id);
  if (override !== undefined) {
    if (!hasMember(node.modelCases, override) && !hasMember(graph.modelCases, override)) {
      const choices = [...new Set([...Object.keys(node.modelCases), ...Object.keys(graph.modelCases)])];
      issues.add("model-case-unknown", `the runtime chose the model case ${JSON.stringify(override)} for ${JSON.stringify(id)}, which neither the node nor the graph has${choiceHint(override, choices, USABLE_CASES)}`, ["runtime", "nodeModelCases", id]);
    }
    return { id: override, explanation: "runtime.nodeModelCases", source: "runtimeOverride" };
  }
  if (node.defaultModelCase !== null) return { id: node.defaultModelCase, explanation: "node.defaultModelCase", source: "nodeCase" };
  return { id: null, explanation: "no node-level model case: the graph model case applies", source: "nodeCase" };
}

/**
 * Resolves one model slot for a node: the node case's selection for the slot if it has one
 * (node's own cases first, then a graph case of that id), else the graph case's.
 */
export function resolveSlot(
  slot: ModelSlotName,
  node: NormalizedNode,
  nodeCase: NodeCase,
  graphCase: GraphCase,
  graph: NormalizedExecutableGraphDocument,
): ModelSlotBinding | undefined {
  if (nodeCase.id !== null) {
    const chosen = getMember(node.modelCases, nodeCase.id) ?? getMember(graph.modelCases, nodeCase.id);
    const selection = own(chosen, slot) as ModelSelection | undefined;
    if (selection) return { selection: cloneJson(selection), source: nodeCase.source };
  }
  const selection = own(getMember(graph.modelCases, graphCase.id), slot) as ModelSelection | undefined;
  return selection ? { selection: cloneJson(selection), source: "graphCase" } : undefined;
}

export function missingSlot(issues: IssueCollector, id: string, slot: ModelSlotName): void {
  issues.add("model-slot-unresolved", `no model case defines the ${SLOT_WORDS[slot]} (${slot}) for ${JSON.stringify(id)}: add it to the graph model case or a node model case`, ["authoringGraph", "nodes", id]);
}
