import { FACT_GUARD_UTILITIES } from "@graphenix/authoring-format";
import { asArray, asString, hasMember, jsonEqual, objectAt, own } from "@graphenix/core";
import { kindRuleOf as phaseOf } from "../unit-kinds.js";
import type { PlanRuleContext } from "./context.js";

/**
 * Fact-guard on sub-action `unitParams`: only on the synthesis, polish and audit utilities of the
 * PRE and POST phases, never on a MAIN skill unit or MAIN-phase wrapper, and `enabled: true`
 * names its `policyId` (the same rule as at design time).
 */
export function factGuardsAreValid({ view, issues }: PlanRuleContext): void {
  for (const { unit, path } of view.units) {
    const guard = objectAt(unit, "unitParams", "factGuard");
    if (!guard) continue;
    const guardPath = [...path, "unitParams", "factGuard"];
    const kind = phaseOf(view.version, unit.unitKind);
    const key = asString(own(unit, "strategyKey")) ?? asString(own(unit, "actionKey"));
    if (kind?.mainSkill) issues.add("fact-guard-not-allowed", "a MAIN skill unit must not carry a fact-guard", guardPath);
    else if (kind?.phase === "MAIN") issues.add("fact-guard-not-allowed", "a fact-guard guards a PRE- or POST-phase utility (synthesis, polish, audit), not a MAIN-phase wrapper", guardPath);
    else if (kind !== undefined && kind.phase !== "PRE" && kind.phase !== "POST") issues.add("fact-guard-not-allowed", `a fact-guard guards a PRE- or POST-phase utility (synthesis, polish, audit), not a ${String(unit.unitKind)} unit`, guardPath);
    else if (key === undefined || !FACT_GUARD_UTILITIES.has(key)) issues.add("fact-guard-not-allowed", `a fact-guard is only for the synthesis, polish and audit utilities, not ${JSON.stringify(key)}`, guardPath);
    if (own(guard, "enabled") === true && asString(own(guard, "policyId")) === undefined) issues.add("fact-guard-policy-required", "an enabled fact-guard needs a policyId", guardPath);
  }
}

/**
 * PRE synthesis: `inputsConfig` and `smartInput` are MAIN-only; a PRE unit's
 * `invokeContract.reads` and `unitParams.memoryPaths` come from the node's
 * `aiTaskProfile.inputSynthesis.sources`, or are `[]` (the runtime's default trio) when none are
 * authored; so when sources are authored the two lists are identical.
 */
export function preSynthesisReadsFromSources({ view, issues }: PlanRuleContext): void {
  for (const { unit, planKey, path } of view.units) {
    const kind = phaseOf(view.version, unit.unitKind);
    if (!kind || kind.phase === "MAIN" || kind.phase === "special") continue;
    const params = objectAt(unit, "unitParams");
    for (const field of ["inputsConfig", "smartInput"]) {
      if (params && hasMember(params, field)) issues.add("main-only-field", `${field} is MAIN-only; a ${kind.phase === "output" ? "finalizer" : `${kind.phase}-phase`} unit must not carry it`, [...path, "unitParams", field]);
    }
    if (kind.phase !== "PRE") continue;
    const node = view.graphNodes.get(planKey);
    if (!node) continue;
    const sources = own(objectAt(node, "parameters", "aiTaskProfile", "inputSynthesis"), "sources");
    const expected = Array.isArray(sources) ? sources : [];
    const where = Array.isArray(sources) ? "the node's inputSynthesis.sources" : "[] (no inputSynthesis.sources are authored)";
    const reads = own(objectAt(unit, "invokeContract"), "reads");
    if (reads !== undefined && !jsonEqual(asArray(reads), expected)) {
      issues.add("pre-reads-mismatch", `a PRE unit's invokeContract.reads must be ${where}`, [...path, "invokeContract", "reads"]);
    }
    const memoryPaths = own(params, "memoryPaths");
    if (memoryPaths !== undefined && !jsonEqual(asArray(memoryPaths), expected)) {
      issues.add("pre-reads-mismatch", `a PRE unit's unitParams.memoryPaths must be ${where}`, [...path, "unitParams", "memoryPaths"]);
    }
  }
}
