import { asString, objectAt } from "@graphenix/core";
import { MODES_WITH_CONTRACT, UNIT_KINDS_V2 } from "../unit-kinds.js";
import type { PlanRuleContext } from "./context.js";

/**
 * v2: a unit's `invokeMode` is the one its `unitKind` calls for (externalPreUtility and
 * externalPostUtility → externalRunTask, mainSkill → mainRunTask, pipelinePhase → pipelinePhase,
 * localSkill → local, finalizer → finalizer, validation / mapping / callGraph → none or their own),
 * and units that call out carry an invoke contract.
 */
export function invokeModesMatchKinds({ view, issues }: PlanRuleContext): void {
  if (view.version !== "v2") return;
  for (const { unit, path } of view.units) {
    const kind = asString(unit.unitKind);
    const mode = asString(unit.invokeMode);
    if (kind === undefined || mode === undefined || !Object.prototype.hasOwnProperty.call(UNIT_KINDS_V2, kind)) continue;
    const allowed = UNIT_KINDS_V2[kind as keyof typeof UNIT_KINDS_V2].invokeModes;
    if (!allowed.includes(mode as never)) {
      issues.add("invoke-mode-mismatch", `a ${kind} unit is invoked as ${allowed.join(" or ")}, not ${mode}`, [...path, "invokeMode"]);
    } else if (MODES_WITH_CONTRACT.has(mode as never) && !objectAt(unit, "invokeContract")) {
      issues.add("invoke-contract-missing", `a unit invoked as ${mode} needs an invokeContract (its reads and writes)`, [...path, "invokeContract"]);
    }
  }
}
