import { asArray, asObject, asString, compareUtf8 } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/** v2: `runtimeExpectations` lists exactly the unit kinds and invoke modes the units use, sorted. */
export function runtimeExpectationsMatchUnits({ view, issues }: PlanRuleContext): void {
  if (view.version !== "v2") return;
  const expectations = asObject(view.plan.runtimeExpectations);
  if (!expectations) return;
  for (const [member, field] of [["unitKinds", "unitKind"], ["invokeModes", "invokeMode"]] as const) {
    const used = [...new Set(view.units.map((u) => asString(u.unit[field])).filter((x): x is string => x !== undefined))].sort(compareUtf8);
    const declared = asArray(expectations[member]);
    if (declared.length !== used.length || declared.some((x, i) => x !== used[i])) {
      issues.add("runtime-expectations-mismatch", `runtimeExpectations.${member} must be exactly ${JSON.stringify(used)}`, ["runtimeExpectations", member]);
    }
  }
}
