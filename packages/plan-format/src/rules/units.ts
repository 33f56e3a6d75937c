import { asObject, asString, getMember, own } from "@graphenix/core";
import { KINDS_BY_NODE_TYPE, KINDS_BY_NODE_TYPE_V1, kindRuleOf as rule, PHASE_RANK, type RunPhase } from "../unit-kinds.js";
import { outOfPlace } from "./out-of-place.js";
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
 * `executionUnits`, and PRE units come before MAIN units, MAIN before POST. A unit listed out of
 * place is reported, not every unit after it: the units outside one longest run in order.
 */
export function unitsAreInRunOrder({ view, issues }: PlanRuleContext): void {
  for (const units of view.unitsByPlan.values()) {
    const seen = new Set<number>();
    const orders = units.map(({ unit, path }) => {
      if (typeof unit.order !== "number") return undefined;
      if (!seen.has(unit.order)) {
        seen.add(unit.order);
        return unit.order;
      }
      issues.add("unit-order-duplicate", `another unit of this node already has order ${unit.order}`, [...path, "order"]);
      return undefined; // reported once, as a duplicate
    });
    for (const i of outOfPlace(orders, true)) {
      const { path } = units[i] as (typeof units)[number];
      issues.add("unit-order-unsorted", `order ${orders[i]} is out of place: units must be listed in run order, by increasing order`, [...path, "order"]);
    }
    const phases = units.map(({ unit }) => rule(view.version, unit.unitKind)?.phase);
    for (const i of outOfPlace(phases.map((phase) => (phase === undefined ? undefined : PHASE_RANK[phase])), false)) {
      const { path } = units[i] as (typeof units)[number];
      issues.add("unit-phase-order", `a ${PHASE_WORDS[phases[i] as RunPhase]} unit out of place: the order is PRE → MAIN → POST`, [...path, "unitKind"]);
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
    const type = entry.kind === "finalizer" ? "finalizer" : (asString(own(entry.plan, "nodeType")) ?? asString(own(node, "type")) ?? (view.version === "v1" ? "task" : undefined));
    const units = view.unitsByPlan.get(entry) ?? [];
    // v1 runs task nodes only (plan-v1-unsupported reports any other): its plans hold what a
    // task node's or a finalizer's may.
    const tableType = view.version === "v1" ? (entry.kind === "finalizer" ? "finalizer" : "task") : type;
    if (tableType !== undefined) {
      const allowed = getMember<ReadonlySet<string>>(view.version === "v1" ? KINDS_BY_NODE_TYPE_V1 : KINDS_BY_NODE_TYPE, tableType);
      const executionClass = asString(entry.plan.executionClass) ?? asString(node?.executionClass);
      for (const { unit, path } of units) {
        const kind = asString(unit.unitKind);
        if (kind === undefined || !rule(view.version, kind)) continue;
        const wrongClass = (kind === "mainSkill" && executionClass === "local") || (kind === "localSkill" && executionClass !== "local");
        if (!allowed?.has(kind) || wrongClass) {
          issues.add("unit-kind-not-allowed", `a ${kind} unit does not belong in the plan of a ${executionClass === "local" ? "local " : ""}${tableType} node`, [...path, "unitKind"]);
        }
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
