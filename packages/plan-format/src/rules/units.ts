import { asObject, asString, getMember } from "@graphenix/core";
import { KINDS_BY_NODE_TYPE, kindRuleOf as rule, PHASE_RANK } from "../unit-kinds.js";
import type { PlanRuleContext } from "./context.js";

const PHASE_WORDS: Record<string, string> = { PRE: "PRE-phase", MAIN: "MAIN-phase", special: "MAIN-phase", POST: "POST-phase", output: "finalizer" };

/** Unit ids are unique across the whole plan. */
export function unitIdsAreUnique({ view, issues }: PlanRuleContext): void {
  const seen = new Map<string, string>();
  for (const { unit, path } of view.units) {
    const id = asString(unit.unitId);
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first !== undefined) issues.add("unit-id-duplicate", `the unit id ${JSON.stringify(id)} is already used at ${first}`, [...path, "unitId"]);
    else seen.set(id, `/${path.join("/")}`);
  }
}

/**
 * Within a node, units are in strict run order: `order` values are unique and increase along
 * `executionUnits`, and PRE units come before MAIN units, MAIN before POST.
 */
export function unitsAreInRunOrder({ view, issues }: PlanRuleContext): void {
  for (const units of view.unitsByPlan.values()) {
    const orders = new Set<number>();
    let lastOrder = -1;
    let lastRank = -1;
    let lastPhase = "";
    for (const { unit, path } of units) {
      const order = typeof unit.order === "number" ? unit.order : undefined;
      if (order !== undefined) {
        if (orders.has(order)) issues.add("unit-order-duplicate", `another unit of this node already has order ${order}`, [...path, "order"]);
        else if (order < lastOrder) issues.add("unit-order-unsorted", `order ${order} comes after order ${lastOrder}: units must be listed in run order`, [...path, "order"]);
        orders.add(order);
        lastOrder = Math.max(lastOrder, order);
      }
      const phase = rule(view.version, unit.unitKind)?.phase;
      if (phase === undefined) continue;
      const rank = PHASE_RANK[phase];
      if (rank < lastRank) {
        issues.add("unit-phase-order", `a ${PHASE_WORDS[phase]} unit after a ${PHASE_WORDS[lastPhase]} unit: the order is PRE → MAIN → POST`, [...path, "unitKind"]);
      }
      if (rank >= lastRank) {
        lastRank = rank;
        lastPhase = phase;
      }
    }
  }
}

/**
 * Each plan holds only the unit kinds its node type allows, and a task node has exactly one MAIN
 * skill unit (`mainSkill` for an aiTask node, `localSkill` for a local one; `skill` in v1).
 */
export function unitKindsFitTheNode({ view, issues }: PlanRuleContext): void {
  for (const entry of view.entries) {
    const node = view.graphNodes.get(entry.key);
    const type = entry.kind === "finalizer" ? "finalizer" : (asString(entry.plan.nodeType) ?? asString(node?.type) ?? (view.version === "v1" ? "task" : undefined));
    const units = view.unitsByPlan.get(entry.key) ?? [];
    if (view.version === "v2" && type !== undefined) {
      const allowed = getMember(KINDS_BY_NODE_TYPE, type);
      const executionClass = asString(entry.plan.executionClass) ?? asString(node?.executionClass);
      for (const { unit, path } of units) {
        const kind = asString(unit.unitKind);
        if (kind === undefined || !rule("v2", kind)) continue;
        const wrongClass = (kind === "mainSkill" && executionClass === "local") || (kind === "localSkill" && executionClass !== "local");
        if (!allowed?.has(kind as never) || wrongClass) {
          issues.add("unit-kind-not-allowed", `a ${kind} unit does not belong in the plan of a ${executionClass === "local" ? "local " : ""}${type} node`, [...path, "unitKind"]);
        }
      }
    }
    if (view.version === "v1" && entry.kind === "node") {
      for (const { unit, path } of units) if (unit.unitKind === "finalizer") issues.add("unit-kind-not-allowed", "a finalizer unit belongs in finalizerPlans", [...path, "unitKind"]);
    }
    if (view.version === "v1" && entry.kind === "finalizer") {
      for (const { unit, path } of units) {
        const kind = asString(unit.unitKind);
        if (kind !== undefined && kind !== "finalizer" && rule("v1", kind)) issues.add("unit-kind-not-allowed", `a ${kind} unit does not belong in a finalizer plan: it holds finalizer units only`, [...path, "unitKind"]);
      }
    }
    if (type !== "task") continue;
    const skills = units.filter((u) => rule(view.version, u.unit.unitKind)?.mainSkill);
    if (skills.length === 0) issues.add("main-skill-missing", "a task node needs its MAIN skill unit (the unit that runs the skill)", [...entry.path, "executionUnits"]);
    for (const extra of skills.slice(1)) issues.add("main-skill-duplicate", "a task node has exactly one MAIN skill unit", [...extra.path, "unitKind"]);
    // The skill the engine runs is the unit's: it must be the node's, as the graph says (a node
    // plan that disagrees with the graph is node-plan-graph-mismatch), else as the node plan says.
    const skill = asString(asObject(node?.parameters)?.skillKey) ?? (view.version === "v2" ? asString(entry.plan.skillKey) : undefined);
    const main = skills[0];
    if (skill !== undefined && main !== undefined && main.unit.skillKey !== skill) {
      issues.add("main-skill-mismatch", `the MAIN skill unit runs ${JSON.stringify(main.unit.skillKey ?? null)}, but the node's skill is ${JSON.stringify(skill)}`, [...main.path, "skillKey"]);
    }
  }
}
