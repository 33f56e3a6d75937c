import type { GraphExecutionTrace, ValidationIssue } from "@graphenix/contracts";
import { IssueCollector, makeIssue, prefixIssues, resolveLimits, unstableReadIssue, type ValidationOptions } from "@graphenix/core";
import { validateExecutablePlanV2 } from "@graphenix/plan-format";
import { BindingStep } from "./binding-step.js";
import { FirstSeenPositions } from "./positions.js";
import { PlanPositions, prepare, type PreparedPlan } from "./prepared-plan.js";
import { checkTrace } from "./validate-trace.js";

/** The binding's codes that are facts about single events, true of an inconsistent trace too. */
const UNKNOWN_SUBJECT: ReadonlySet<string> = new Set(["trace-unknown-node", "trace-unknown-unit"]);

export interface BindResult {
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
}

/** A plan validated once, ready to bind any number of traces to it (each binding is then cheap). */
export interface TraceBinder {
  /** The plan's own issues (prefixed `plan`); a binder of an invalid plan binds nothing. */
  readonly planIssues: readonly ValidationIssue[];
  bind(trace: unknown): BindResult;
}

/**
 * Validates `plan` once (a `graphenix.executable-plan/v2`) and returns a binder for its traces:
 * for run-history services that check many runs of the same plan.
 */
export function prepareTraceBinding(plan: unknown, options?: ValidationOptions): TraceBinder {
  const maxIssues = resolveLimits(options).maxIssues;
  const checkedPlan = validateExecutablePlanV2(plan, options);
  let planIssues = prefixIssues(["plan"], checkedPlan.issues);
  let prepared: PreparedPlan | undefined;
  try {
    prepared = checkedPlan.valid ? prepare(checkedPlan.value) : undefined;
  } catch (error) {
    // Preparing reads the plan again after it was validated: a getter may answer differently.
    planIssues = [unstableReadIssue(error, [[["plan"], plan]])];
  }
  return {
    planIssues,
    bind(trace: unknown): BindResult {
      try {
        return bindOnce(trace);
      } catch (error) {
        // Reading either document again after its check: a getter may answer differently.
        return { valid: false, issues: [unstableReadIssue(error, [[["trace"], trace], [["plan"], plan]])] };
      }
    },
  };

  function bindOnce(trace: unknown): BindResult {
    // The trace's consistency pass numbers its units and nodes by the plan and runs the
    // binding's per-event step on each event it reads: one look-up and one read of each event
    // serve both. The step's issues count only if the trace turns out valid.
    const numbering = prepared ? new PlanPositions(prepared) : undefined;
    const step = prepared && numbering ? new BindingStep(prepared, numbering, maxIssues) : undefined;
    const checkedTrace = checkTrace(trace, options, numbering ?? new FirstSeenPositions(), step);
    // Both documents' issues under one cap (and one issues-truncated), then the binding's.
    const issues = new IssueCollector(maxIssues);
    issues.pushAll(prefixIssues(["trace"], checkedTrace.issues));
    issues.pushAll(planIssues);
    if (!checkedTrace.valid || !prepared || !step) {
      // An event naming a node or unit the plan does not have is often why the trace is
      // inconsistent (a misspelt nodeId "starts" a subject that never ends): said even then.
      if (step) issues.pushAll(step.issues.finish().filter((i) => UNKNOWN_SUBJECT.has(i.code)));
      return { valid: false, issues: issues.finish() };
    }
    return finishBinding(checkedTrace.value, prepared, step, issues);
  }
}

/**
 * Binds a trace to the plan it claims to have run (docs/execution-trace.md). Both must validate on
 * their own; then: the trace names this plan (id and hash); every event refers to a node or unit
 * of it; within a node no unit starts while an earlier run phase is running and no earlier-phase
 * unit starts after a later one (PRE → MAIN → POST); attempts stay within each unit's retry
 * policy; each model used is the unit's or one of its fallbacks; nodes start only after the nodes
 * they depend on ended; units the trace never mentions are reported as not executed (an error
 * when the run says it succeeded, else a warning). Issue paths start with `trace` or `plan`.
 * Binding many traces to one plan: `prepareTraceBinding(plan).bind(trace)`.
 */
export function bindTraceToPlan(trace: unknown, plan: unknown, options?: ValidationOptions): BindResult {
  return prepareTraceBinding(plan, options).bind(trace);
}

/**
 * What binding does once the trace's pass is over, for a valid trace: the plan it names, the
 * per-event issues the step found, dependencies between nodes, and the units never executed.
 */
function finishBinding(t: GraphExecutionTrace, prepared: PreparedPlan, step: BindingStep, issues: IssueCollector): BindResult {
  const p = prepared.plan;
  if (t.planId !== p.planId) issues.add("trace-plan-mismatch", `the trace ran plan ${t.planId}, not ${p.planId}`, ["trace", "planId"]);
  if (t.planHash !== prepared.planHash) issues.add("trace-plan-mismatch", `the trace's planHash is ${t.planHash}, but this plan's is ${prepared.planHash}: it recorded another version of the plan`, ["trace", "planHash"]);
  issues.pushAll(step.issues.finish());
  const { firstStart, lastEnd, unitState } = step;
  const { dependents, dependencies, dependentIds, dependencyIds } = prepared;
  for (let k = 0; k < dependents.length; k++) {
    const node = dependents[k]!;
    const start = node < 0 ? -1 : firstStart[node]!;
    if (start < 0) continue;
    const dep = dependencies[k]!;
    const end = dep < 0 ? -1 : lastEnd[dep]!;
    if (end < 0 || end > start) issues.add("trace-dependency-order", `${dependentIds[k]} starts before ${dependencyIds[k]}, which it depends on, has ended`, ["trace", "events", start]);
  }
  const succeeded = t.status === "succeeded";
  const severity = succeeded ? "error" : "warning";
  for (const { unit, index, path } of prepared.unitList) {
    // A running trace of a large plan leaves thousands of units not executed yet: only the issues
    // kept are built.
    if (unitState[index] !== 0 || !issues.hasRoomFor(severity)) continue;
    issues.push(makeIssue("trace-unit-not-executed", `the unit ${unit.unitId} of ${unit.nodeId} was never executed${succeeded ? ", yet the run says it succeeded" : ""}`, ["plan", ...path], { severity }));
  }
  const list = issues.finish();
  return { valid: !list.some((i) => i.severity === "error"), issues: list };
}
