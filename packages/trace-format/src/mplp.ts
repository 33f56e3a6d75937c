import type { ValidationResult } from "@graphenix/contracts";
import { asObject, IssueCollector, prefixIssues, validationResult } from "@graphenix/core";
import { validateMplpPlan, validateMplpTrace, type MplpPlan } from "@graphenix/plan-graph";

/**
 * Binds an MPLP Trace to the MPLP Plan it records: the trace validates, its `plan_id` is the
 * plan's, and the plan validates with the trace as evidence, so every completed step has a trace
 * segment or event carrying its `step_id` (our stricter profile, docs/mplp.md).
 */
export function bindMplpTrace(trace: unknown, plan: unknown): ValidationResult<MplpPlan> {
  const issues = new IssueCollector(200);
  const checkedTrace = validateMplpTrace(trace);
  for (const issue of prefixIssues(["trace"], checkedTrace.issues)) issues.push(issue);
  const planId = asObject(plan)?.plan_id;
  if (checkedTrace.valid && checkedTrace.value.plan_id !== planId) {
    issues.add("mplp-trace-plan-mismatch", `the trace is for plan ${String(checkedTrace.value.plan_id)}, not ${String(planId)}`, ["trace", "plan_id"]);
  }
  const checkedPlan = validateMplpPlan(plan, checkedTrace.valid ? { traces: [trace] } : {});
  for (const issue of prefixIssues(["plan"], checkedPlan.issues.filter((i) => !i.path.includes("traces")))) issues.push(issue);
  return validationResult<MplpPlan>(plan, issues);
}
