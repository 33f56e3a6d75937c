import { asObject } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/**
 * Member names that carry run evidence, which belongs in traces and never on a plan (credentials
 * are found by the document scan every validator runs). Compared after removing `-`, `_`, `.`
 * and lowering the case; the exact list is in docs/executable-plan.md.
 */
export const FORBIDDEN_PLAN_MEMBERS: ReadonlySet<string> = new Set([
  "traceevents",
  "events",
  "providerresponse",
  "providerresponses",
  "rawresponse",
  "executionlog",
  "executionlogs",
  "logs",
]);

/** Trace events, provider responses and execution logs never appear on a plan, at any depth. */
export function noRunEvidenceOnPlan({ view, issues }: PlanRuleContext): void {
  const stack: [unknown, (string | number)[]][] = [[view.plan, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, (string | number)[]];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (value[i] !== null && typeof value[i] === "object") stack.push([value[i], [...path, i]]);
      continue;
    }
    const obj = asObject(value);
    if (!obj) continue;
    for (const key of Object.keys(obj).reverse()) {
      if (FORBIDDEN_PLAN_MEMBERS.has(key.replace(/[-_.]/g, "").toLowerCase())) {
        issues.add("plan-forbidden-field", `${JSON.stringify(key)} is run evidence (trace events, provider responses, execution logs); it belongs in a trace, never on a plan`, [...path, key]);
      }
      const child = obj[key];
      if (child !== null && typeof child === "object") stack.push([child, [...path, key]]);
    }
  }
}
