import type { ValidationResult } from "@graphenix/contracts";
import { IssueCollector, own, prefixIssues, resolveLimits, showJson, validationResult, type ValidationOptions } from "@graphenix/core";
import { validateMplpPlan, validateMplpTrace, type MplpPlan } from "@graphenix/plan-graph";

/**
 * Binds an MPLP Trace to the MPLP Plan it records: the trace validates, its `plan_id` is the
 * plan's, and the plan validates with the trace as evidence, so every completed step has a trace
 * segment or event carrying its `step_id` (our stricter profile, docs/mplp.md).
 */
export function bindMplpTrace(trace: unknown, plan: unknown, options?: ValidationOptions): ValidationResult<MplpPlan> {
  const issues = new IssueCollector(resolveLimits(options).maxIssues);
  const checkedTrace = validateMplpTrace(trace, options);
  issues.pushAll(prefixIssues(["trace"], checkedTrace.issues));
  let planId: unknown;
  try {
    planId = own(plan, "plan_id");
  } catch {
    planId = undefined; // a plan that throws when read: its own validation below reports it
  }
  const tracePlan = checkedTrace.valid ? own(checkedTrace.value, "plan_id") : undefined;
  if (checkedTrace.valid && tracePlan !== planId) {
    // Not String(planId): the plan is not validated yet, and {"toString": 1} makes String throw.
    const shown = typeof planId === "string" ? planId : (showJson(planId) ?? "a plan without plan_id");
    issues.add("mplp-trace-plan-mismatch", `the trace is for plan ${String(tracePlan)}, not ${shown}`, ["trace", "plan_id"]);
  }
  const checkedPlan = validateMplpPlan(plan, checkedTrace.valid ? { traces: [trace] } : {}, options);
  // The plan's own issues; those of the trace as evidence (under /traces, first) are the trace's above.
  issues.pushAll(prefixIssues(["plan"], checkedPlan.issues.filter((i) => i.path[0] !== "traces")));
  return validationResult<MplpPlan>(plan, issues);
}
