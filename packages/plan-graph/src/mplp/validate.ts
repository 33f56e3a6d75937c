import { MPLP_PROTOCOL_VERSION, type ValidationResult } from "@graphenix/contracts";
import { asArray, IssueCollector, own, prefixIssues, readGuarded, resolveLimits, topologicalOrder, validateGuarded, validationResult, type ValidationLimits, type ValidationOptions } from "@graphenix/core";
import { schemaCheck } from "../schema-check.js";
import { validateMplpConfirmSchema, validateMplpContextSchema, validateMplpPlanSchema, validateMplpTraceSchema } from "../generated/mplp-validators.js";
import { allowed, MPLP_PLAN_TRANSITIONS, MPLP_STEP_TRANSITIONS } from "./transitions.js";
import type { MplpConfirm, MplpPlan, MplpPlanStatus, MplpTrace } from "./types.js";

/** What else a plan is checked against: its approvals and its traces. */
export interface MplpEvidence {
  /** Confirms that may approve the plan. */
  readonly confirms?: readonly unknown[];
  /** Traces of the plan (each must name it in `plan_id`). */
  readonly traces?: readonly unknown[];
  /** Governance requires an approved Confirm before the plan runs. Default false. */
  readonly requireApproval?: boolean;
}

/** The steps are the plan's nodes: their limit is decided after the scan, before the schema. */
function stepsWithinLimit(plan: unknown, limits: ValidationLimits, local: IssueCollector): boolean {
  const steps = (plan as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps) || steps.length <= limits.maxNodes) return true;
  local.add("graph-node-limit", `the plan has ${steps.length} steps, more than the maxNodes limit of ${limits.maxNodes}`, ["steps"]);
  return false;
}

const STARTED = new Set(["in_progress", "completed", "failed"]);
/** Plan statuses before any step may run (a cancelled plan may have been cancelled while running). */
const NOT_STARTED = new Set(["draft", "proposed", "approved"]);
const FINISHED = new Set(["completed", "skipped"]);

/** Unique step ids; dependencies on steps of this plan; no cycle (self-dependencies included). */
function checkSteps(plan: MplpPlan, issues: IssueCollector): void {
  const index = new Map<string, number>();
  plan.steps.forEach((step, i) => {
    if (index.has(step.step_id)) issues.add("mplp-step-id-duplicate", `the step id ${step.step_id} is already used by /steps/${index.get(step.step_id)}`, ["steps", i, "step_id"]);
    else index.set(step.step_id, i);
  });
  const successors: number[][] = plan.steps.map(() => []);
  plan.steps.forEach((step, i) => {
    ((own(step, "dependencies") as string[] | undefined) ?? []).forEach((dep, k) => {
      const j = index.get(dep);
      if (j === undefined) issues.add("mplp-dependency-unknown", `the step depends on ${dep}, which is not a step of this plan`, ["steps", i, "dependencies", k]);
      else successors[j]?.push(i);
    });
  });
  const order = topologicalOrder(successors);
  if (!order.ok) {
    const ids = order.cycle.map((i) => plan.steps[i]?.step_id);
    issues.add("mplp-dependency-cycle", `the step dependencies form a cycle: ${[...ids, ids[0]].join(" → ")}${ids.length === 1 ? " (a step depends on itself)" : ""}`, ["steps", order.cycle[0] as number, "dependencies"]);
  }
}

/** Statuses that agree with each other within one document. */
function checkStatuses(plan: MplpPlan, issues: IssueCollector): void {
  const byId = new Map(plan.steps.map((s) => [s.step_id, s]));
  plan.steps.forEach((step, i) => {
    if (NOT_STARTED.has(plan.status) && (STARTED.has(step.status) || step.status === "blocked")) {
      issues.add("mplp-status-inconsistent", `a ${plan.status} plan has not started, so no step can be ${step.status}`, ["steps", i, "status"]);
    }
    if (plan.status === "completed" && !FINISHED.has(step.status)) issues.add("mplp-status-inconsistent", `a completed plan has every step completed or skipped, not ${step.status}`, ["steps", i, "status"]);
    if (step.status === "completed" || step.status === "in_progress") {
      ((own(step, "dependencies") as string[] | undefined) ?? []).forEach((dep, k) => {
        const d = byId.get(dep);
        if (d && !FINISHED.has(d.status)) issues.add("mplp-status-inconsistent", `the step is ${step.status}, but the step it depends on is ${d.status}`, ["steps", i, "dependencies", k]);
      });
    }
  });
}

/** `in_progress` (and later) only with an approved Confirm targeting the plan, when governance requires it. */
function checkApproval(plan: MplpPlan, confirms: readonly MplpConfirm[], evidence: MplpEvidence, issues: IssueCollector): void {
  if (own(evidence, "requireApproval") !== true || !STARTED.has(plan.status)) return;
  const approved = confirms.some((c) => c.target_type === "plan" && c.target_id === plan.plan_id && c.status === "approved");
  if (!approved) issues.add("mplp-approval-missing", `the plan is ${plan.status}, but no approved Confirm targets it (target_type "plan", target_id ${plan.plan_id}) and governance requires one`, ["status"]);
}

function stepIdsIn(value: unknown, into: Set<string>): void {
  const id = own(value, "step_id");
  if (typeof id === "string") into.add(id);
}

/** Every completed step is traceable: a trace segment (`attributes.step_id`) or event (`data.step_id`) names it. */
function checkTraceability(plan: MplpPlan, traces: readonly MplpTrace[], issues: IssueCollector): void {
  const traced = new Set<string>();
  for (const event of (own(plan, "events") as MplpPlan["events"]) ?? []) stepIdsIn(own(event, "data"), traced);
  stepIdsIn(own(own(plan, "trace"), "attributes"), traced);
  for (const trace of traces) {
    for (const segment of (own(trace, "segments") as MplpTrace["segments"]) ?? []) stepIdsIn(own(segment, "attributes"), traced);
    for (const event of (own(trace, "events") as MplpTrace["events"]) ?? []) stepIdsIn(own(event, "data"), traced);
  }
  plan.steps.forEach((step, i) => {
    if (step.status === "completed" && !traced.has(step.step_id)) {
      issues.add("mplp-step-untraceable", "a completed step must be traceable: no trace segment (attributes.step_id) or event (data.step_id) names it", ["steps", i]);
    }
  });
}

/**
 * Validates an MPLP Plan v1.0: the upstream schema (vendored, draft-07), then our stricter profile
 * (docs/mplp.md): unique step ids, dependencies within the plan, no cycle, consistent statuses,
 * the approval gate and traceable completed steps. Confirms and traces are schema-checked too;
 * their issues are under `/confirms/<i>` and `/traces/<i>`.
 */
export function validateMplpPlan(plan: unknown, evidence: MplpEvidence = {}, options?: ValidationOptions): ValidationResult<MplpPlan> {
  // The profile's rules read the plan again after its scan: a getter may answer differently.
  return validateGuarded(plan, () => validatePlanOnce(plan, evidence, options));
}

function validatePlanOnce(plan: unknown, evidence: MplpEvidence, options: ValidationOptions | undefined): ValidationResult<MplpPlan> {
  const issues = new IssueCollector(resolveLimits(options).maxIssues);
  const planOk = schemaCheck(plan, validateMplpPlanSchema, issues, [], options, stepsWithinLimit);
  const confirms = asArray(own(evidence, "confirms")).filter((c, i) => schemaCheck(c, validateMplpConfirmSchema, issues, ["confirms", i], options)) as MplpConfirm[];
  // The valid traces, each with its position in `evidence.traces` (where issues about it point).
  const validTraces = asArray(own(evidence, "traces"))
    .map((t, i) => ({ trace: t as MplpTrace, i, ok: schemaCheck(t, validateMplpTraceSchema, issues, ["traces", i], options) }))
    .filter((t) => t.ok);
  const traces = validTraces.map((t) => t.trace);
  if (planOk) {
    const p = plan as MplpPlan;
    if (p.meta.protocol_version !== MPLP_PROTOCOL_VERSION) issues.add("mplp-protocol-unsupported", `meta.protocol_version ${JSON.stringify(p.meta.protocol_version)} is not ${MPLP_PROTOCOL_VERSION}`, ["meta", "protocol_version"]);
    validTraces.forEach(({ trace: t, i }) => {
      const tracePlan = own(t, "plan_id");
      if (tracePlan !== undefined && tracePlan !== p.plan_id) issues.add("mplp-trace-plan-mismatch", `the trace is for plan ${String(tracePlan)}, not ${p.plan_id}`, ["traces", i, "plan_id"]);
    });
    checkSteps(p, issues);
    checkStatuses(p, issues);
    checkApproval(p, confirms, evidence, issues);
    checkTraceability(p, traces.filter((t) => own(t, "plan_id") === undefined || own(t, "plan_id") === p.plan_id), issues);
  }
  return validationResult<MplpPlan>(plan, issues);
}

/** Plan statuses in which steps may still be added and removed (the plan is not approved yet). */
const EDITABLE: readonly MplpPlanStatus[] = ["draft", "proposed"];

/**
 * A plan after a change (docs/mplp.md): both valid, the same plan, every status change in the
 * tables. Steps keep their ids; a step added comes in as if from `pending` (so not already
 * finished); steps are removed only before the plan is approved.
 */
export function validateMplpPlanUpdate(previous: unknown, next: unknown, evidence: MplpEvidence = {}, options?: ValidationOptions): ValidationResult<MplpPlan> {
  // Both plans are read again after their checks: a getter may answer differently.
  return readGuarded([[[], next], [["previous"], previous]], () => updateOnce(previous, next, evidence, options), (issue) => ({ valid: false, issues: [issue] }));
}

function updateOnce(previous: unknown, next: unknown, evidence: MplpEvidence, options: ValidationOptions | undefined): ValidationResult<MplpPlan> {
  const result = validateMplpPlan(next, evidence, options);
  const before = validateMplpPlan(previous, {}, options);
  if (!result.valid || !before.valid) return result.valid ? { valid: false, issues: prefixIssues(["previous"], before.issues) } : result;
  const issues = new IssueCollector(resolveLimits(options).maxIssues);
  const a = before.value;
  const b = result.value;
  if (a.plan_id !== b.plan_id) issues.add("mplp-plan-transition-invalid", "an update must keep plan_id", ["plan_id"]);
  if (!allowed(MPLP_PLAN_TRANSITIONS, a.status, b.status)) {
    issues.add("mplp-plan-transition-invalid", `a plan cannot go from ${a.status} to ${b.status}; from ${a.status} it may go to ${MPLP_PLAN_TRANSITIONS[a.status].join(" or ") || "nothing"}`, ["status"]);
  }
  const old = new Map(a.steps.map((s) => [s.step_id, s.status]));
  const kept = new Set<string>();
  b.steps.forEach((step, i) => {
    kept.add(step.step_id);
    const from = old.get(step.step_id) ?? "pending";
    if (!allowed(MPLP_STEP_TRANSITIONS, from, step.status)) {
      const what = old.has(step.step_id) ? `a step cannot go from ${from} to ${step.status}` : `a step added by an update starts as pending, so it cannot already be ${step.status}`;
      issues.add("mplp-step-transition-invalid", `${what}; from ${from} it may go to ${MPLP_STEP_TRANSITIONS[from].join(" or ") || "nothing"}`, ["steps", i, "status"]);
    }
  });
  if (!EDITABLE.includes(a.status)) {
    a.steps.forEach((step, i) => {
      if (!kept.has(step.step_id)) issues.add("mplp-step-transition-invalid", `the step ${step.step_id} was removed from a ${a.status} plan: steps are removed only while a plan is draft or proposed`, ["previous", "steps", i]);
    });
  }
  return validationResult<MplpPlan>(next, issues);
}

/** Schema-only validators for the other MPLP modules the profile reads. */
export function validateMplpConfirm(document: unknown, options?: ValidationOptions): ValidationResult<MplpConfirm> {
  const issues = new IssueCollector(resolveLimits(options).maxIssues);
  schemaCheck(document, validateMplpConfirmSchema, issues, [], options);
  return validationResult<MplpConfirm>(document, issues);
}

export function validateMplpTrace(document: unknown, options?: ValidationOptions): ValidationResult<MplpTrace> {
  const issues = new IssueCollector(resolveLimits(options).maxIssues);
  schemaCheck(document, validateMplpTraceSchema, issues, [], options);
  return validationResult<MplpTrace>(document, issues);
}

export function validateMplpContext(document: unknown, options?: ValidationOptions): ValidationResult<Record<string, unknown>> {
  const issues = new IssueCollector(resolveLimits(options).maxIssues);
  schemaCheck(document, validateMplpContextSchema, issues, [], options);
  return validationResult<Record<string, unknown>>(document, issues);
}
