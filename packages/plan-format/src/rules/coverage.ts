import { asArray, asObject, asString, compareUtf8, objectAt, own, type Obj } from "@graphenix/core";
import type { PlanEntry } from "../plan-view.js";
import type { PlanRuleContext } from "./context.js";

/**
 * v1 plans run only aiTask and finalizer nodes, with PRE utilities, the skill and POST utilities:
 * no special nodes, local skills, MAIN-phase wrappers, skill input synthesis, or conditional edges.
 */
function v1CannotRun(view: PlanRuleContext["view"], id: string, node: Obj, issues: PlanRuleContext["issues"]): boolean {
  const at = [...view.graphPath, "nodes", id];
  const type = asString(node.type);
  if (type !== "task" && type !== "finalizer") {
    issues.add("plan-v1-unsupported", `a v1 plan cannot run ${type} nodes; use graphenix.executable-plan/v2`, [...at, "type"]);
    return true;
  }
  if (type !== "task") return false;
  const params = asObject(node.parameters);
  const reasons: [boolean, string, string[]][] = [
    [node.executionClass === "local", "local skills", ["executionClass"]],
    [asArray(params?.executionStrategies).length > 0, "MAIN-phase wrappers (executionStrategies)", ["parameters", "executionStrategies"]],
    [objectAt(params, "aiTaskProfile", "inputSynthesis")?.enabled === true, "the skill input synthesis profile", ["parameters", "aiTaskProfile", "inputSynthesis", "enabled"]],
  ];
  for (const [applies, what, path] of reasons) {
    if (applies) issues.add("plan-v1-unsupported", `a v1 plan cannot run ${what}; use graphenix.executable-plan/v2`, [...at, ...path]);
  }
  return false;
}

/**
 * Node plans and finalizer plans match the embedded graph one to one: every finalizer node has a
 * finalizer plan, every other node a node plan (v1 plans only task and finalizer nodes), each
 * plan names its own node, and a node plan's type, class and skill are the graph node's.
 */
export function plansCoverTheGraph({ view, issues }: PlanRuleContext): void {
  for (const entry of view.entries) {
    const declared = asString(own(entry.plan, "nodeId"));
    if (declared !== undefined && declared !== entry.key) {
      issues.add("node-plan-id-mismatch", `the plan stored under ${JSON.stringify(entry.key)} says its nodeId is ${JSON.stringify(declared)}`, [...entry.path, "nodeId"]);
    }
  }
  for (const unit of view.units) {
    const nodeId = asString(own(unit.unit, "nodeId"));
    if (nodeId !== undefined && nodeId !== unit.planKey) {
      issues.add("node-plan-id-mismatch", `the unit belongs to the plan of ${JSON.stringify(unit.planKey)} but names node ${JSON.stringify(nodeId)}`, [...unit.path, "nodeId"]);
    }
  }
  if (!view.graph) return;
  const graphNodes = view.graphNodes;
  // In UTF-8 order of ids, as the plans are: the issues do not depend on the graph's member order.
  // A generator, so each node's v1 issues come just before its matching issues.
  const sorted = [...graphNodes].sort(([a], [b]) => compareUtf8(a, b));
  function* runnable(): Generator<[string, Obj]> {
    for (const [id, node] of sorted) if (!(view.version === "v1" && v1CannotRun(view, id, node, issues))) yield [id, node];
  }
  const match: PlanMatch<Obj> = {
    listedAs: "the graph node",
    typeOf: (node) => asString(node.type),
    isListed: (key) => graphNodes.has(key),
    notListed: (key) => `there is no node ${JSON.stringify(key)} in the embedded graph`,
    matched(entry, node) {
      if (entry.kind !== "node" || view.version !== "v2") return;
      for (const [member, expected] of [["nodeType", asString(node.type)], ["executionClass", node.executionClass], ["skillKey", (node.parameters as { skillKey?: unknown } | undefined)?.skillKey]] as const) {
        if (entry.plan[member] !== expected) {
          issues.add("node-plan-graph-mismatch", `${member} is ${JSON.stringify(entry.plan[member])} but the graph node has ${JSON.stringify(expected)}`, [...entry.path, member]);
        }
      }
    },
  };
  plansMatchNodes({ view, issues }, runnable(), match);
}

/** How {@link plansMatchNodes} reads the nodes it matches plans to, and words its issues. */
export interface PlanMatch<Node> {
  /** What lists the nodes, as messages name it: "the graph node", "the nodeIndex entry". */
  readonly listedAs: string;
  readonly typeOf: (node: Node) => unknown;
  /** Whether a plan's key names a node at all (a node skipped from `nodes` is still listed). */
  readonly isListed: (key: string) => boolean;
  /** The message for a plan whose key names no node. */
  readonly notListed: (key: string) => string;
  /** Called for each plan that is in the collection its node's type says. */
  readonly matched: (entry: PlanEntry, node: Node) => void;
}

/**
 * Node plans and finalizer plans match `nodes` one to one, whether the nodes come from the
 * embedded graph or, for a plan with its graph by reference, from `nodeIndex`: each node has a
 * plan, in the collection its type says (finalizers in `finalizerPlans`), and no plan is for a
 * node that is not listed. Issues come in node order, then the plans of unlisted nodes.
 */
export function plansMatchNodes<Node>({ view, issues }: Pick<PlanRuleContext, "view" | "issues">, nodes: Iterable<readonly [string, Node]>, match: PlanMatch<Node>): void {
  // A key may (wrongly) have both a node plan and a finalizer plan: each is matched on its own.
  const planned = new Map<string, PlanEntry[]>();
  for (const entry of view.entries) planned.set(entry.key, [...(planned.get(entry.key) ?? []), entry]);
  for (const [id, node] of nodes) {
    const type = match.typeOf(node);
    const wanted = type === "finalizer" ? "finalizer" : "node";
    const plans = planned.get(id) ?? [];
    if (plans.length === 0) {
      issues.add(wanted === "finalizer" ? "finalizer-plan-missing" : "node-plan-missing", `${match.listedAs} ${JSON.stringify(id)} has no ${wanted === "finalizer" ? "finalizer plan" : "node plan"}`, [wanted === "finalizer" ? "finalizerPlans" : "nodePlans"]);
    }
    for (const entry of plans) {
      if (entry.kind !== wanted) {
        issues.add("node-plan-unknown-node", `${JSON.stringify(id)} is a ${String(type)} node: its plan belongs in ${wanted === "finalizer" ? "finalizerPlans" : "nodePlans"}`, [...entry.path]);
      } else {
        match.matched(entry, node);
      }
    }
  }
  for (const entry of view.entries) {
    if (!match.isListed(entry.key)) issues.add("node-plan-unknown-node", match.notListed(entry.key), [...entry.path]);
  }
}

/** v1 plans have no deferred gates, so their graph has no conditional edge. */
export function v1HasNoConditionalEdges({ view, issues }: PlanRuleContext): void {
  if (view.version !== "v1") return;
  asArray(view.graph?.edges).forEach((edge, i) => {
    if (asObject(asObject(edge)?.condition)) issues.add("plan-v1-unsupported", "a v1 plan cannot decide conditional edges (it has no deferred gates); use graphenix.executable-plan/v2", [...view.graphPath, "edges", i, "condition"]);
  });
}
