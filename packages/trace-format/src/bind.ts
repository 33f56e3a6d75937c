import type { ExecutableGraphPlanV2, ExecutionUnitPlanV2, GraphExecutionTrace, ValidationIssue } from "@graphenix/contracts";
import { IssueCollector, jsonEqual, makeIssue, prefixIssues } from "@graphenix/core";
import { computePlanHash, kindRuleOf, PHASE_RANK, validateExecutablePlanV2 } from "@graphenix/plan-format";
import { meaning } from "./lifecycle.js";
import { validateTrace } from "./validate-trace.js";

export interface BindResult {
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
}

interface UnitInfo {
  readonly unit: ExecutionUnitPlanV2;
  /** PRE 0, MAIN 1, POST 2, finalizer 3 (PHASE_RANK). */
  readonly rank: number;
  readonly path: readonly (string | number)[];
}

function unitsOf(plan: ExecutableGraphPlanV2): Map<string, UnitInfo> {
  const units = new Map<string, UnitInfo>();
  const groups: [string, Record<string, { executionUnits: ExecutionUnitPlanV2[] }>][] = [["nodePlans", plan.nodePlans], ["finalizerPlans", plan.finalizerPlans]];
  for (const [member, plans] of groups) {
    for (const [id, entry] of Object.entries(plans)) {
      entry.executionUnits.forEach((unit, i) => {
        units.set(unit.unitId, { unit, rank: PHASE_RANK[kindRuleOf("v2", unit.unitKind)?.phase ?? "MAIN"], path: [member, id, "executionUnits", i] });
      });
    }
  }
  return units;
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
export function prepareTraceBinding(plan: unknown): TraceBinder {
  const checkedPlan = validateExecutablePlanV2(plan);
  const planIssues = prefixIssues(["plan"], checkedPlan.issues);
  if (!checkedPlan.valid) {
    return { planIssues, bind: (trace) => ({ valid: false, issues: [...prefixIssues(["trace"], validateTrace(trace).issues), ...planIssues] }) };
  }
  const p: ExecutableGraphPlanV2 = checkedPlan.value;
  const planHash = computePlanHash(p);
  const units = unitsOf(p);
  const nodes = new Set([...Object.keys(p.nodePlans), ...Object.keys(p.finalizerPlans)]);
  const byNode = new Map<string, UnitInfo[]>();
  for (const info of units.values()) byNode.set(info.unit.nodeId, [...(byNode.get(info.unit.nodeId) ?? []), info]);
  return {
    planIssues,
    bind(trace: unknown): BindResult {
      const checkedTrace = validateTrace(trace);
      const early = [...prefixIssues(["trace"], checkedTrace.issues), ...planIssues];
      if (!checkedTrace.valid) return { valid: false, issues: early };
      return bindValid(checkedTrace.value, p, { planHash, units, nodes, byNode }, early);
    },
  };
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
export function bindTraceToPlan(trace: unknown, plan: unknown): BindResult {
  return prepareTraceBinding(plan).bind(trace);
}

interface Prepared {
  readonly planHash: string;
  readonly units: Map<string, UnitInfo>;
  readonly nodes: Set<string>;
  readonly byNode: Map<string, UnitInfo[]>;
}

function bindValid(t: GraphExecutionTrace, p: ExecutableGraphPlanV2, prepared: Prepared, early: readonly ValidationIssue[]): BindResult {
  const { units, nodes, byNode } = prepared;
  const issues = new IssueCollector(200);

  if (t.planId !== p.planId) issues.add("trace-plan-mismatch", `the trace ran plan ${t.planId}, not ${p.planId}`, ["trace", "planId"]);
  if (t.planHash !== prepared.planHash) issues.add("trace-plan-mismatch", "the trace's planHash is not this plan's hash: it recorded another version of the plan", ["trace", "planHash"]);

  const started = new Set<string>();
  const highestRank = new Map<string, number>();
  const ended = new Set<string>();
  const firstStart = new Map<string, number>();
  const lastEnd = new Map<string, number>();

  t.events.forEach((event, i) => {
    const at = ["trace", "events", i];
    const [subject, phase] = meaning(event.type);
    if (subject === "run") return;
    if (event.nodeId !== undefined && !nodes.has(event.nodeId)) {
      issues.add("trace-unknown-node", `${event.nodeId} is not a node of the plan`, [...at, "nodeId"]);
      return;
    }
    let node = event.nodeId;
    if (subject === "unit") {
      const info = event.unitId === undefined ? undefined : units.get(event.unitId);
      if (!info) {
        issues.add("trace-unknown-unit", `${String(event.unitId)} is not a unit of the plan`, [...at, "unitId"]);
        return;
      }
      const { unit, rank } = info;
      if (event.nodeId !== undefined && event.nodeId !== unit.nodeId) issues.add("trace-unknown-unit", `unit ${unit.unitId} belongs to ${unit.nodeId}, not ${event.nodeId}`, [...at, "nodeId"]);
      node = unit.nodeId;
      if (phase === "started") {
        // Out of order: an earlier run phase of the node is still running, or this unit belongs to
        // an earlier phase than one that already started. (A unit that never runs is reported
        // once, as not executed.)
        const earlierRunning = (byNode.get(node) ?? []).some((u) => u.rank < rank && started.has(u.unit.unitId) && !ended.has(u.unit.unitId));
        const laterStarted = rank < (highestRank.get(node) ?? -1);
        highestRank.set(node, Math.max(rank, highestRank.get(node) ?? -1));
        if (earlierRunning || laterStarted) issues.add("trace-phase-order", `a unit of a later run phase starts before the earlier phase of ${node} has ended: the order is PRE → MAIN → POST`, [...at, "unitId"]);
        const max = unit.retryPolicy?.maxAttempts ?? 1;
        if ((event.attempt ?? 1) > max) issues.add("trace-attempts-exceeded", `attempt ${event.attempt} exceeds the unit's retry policy (maxAttempts ${max})`, [...at, "attempt"]);
        started.add(unit.unitId);
        ended.delete(unit.unitId);
      }
      if (phase === "ended" || phase === "skipped") ended.add(unit.unitId);
      if (event.model !== undefined) {
        const allowed = [unit.modelSelection, ...(unit.fallbackPolicy?.models ?? [])].filter((m) => m !== undefined);
        if (!allowed.some((m) => jsonEqual(m, event.model))) issues.add("trace-model-not-allowed", "the model used is neither the unit's model nor one of its fallback models", [...at, "model"]);
      }
    }
    if (node === undefined) return;
    if (phase === "started" && !firstStart.has(node)) firstStart.set(node, i);
    if (phase === "ended" || phase === "skipped") lastEnd.set(node, i);
  });

  for (const entry of p.nodeIndex) {
    const start = firstStart.get(entry.nodeId);
    if (start === undefined) continue;
    for (const dep of entry.dependsOn) {
      const end = lastEnd.get(dep);
      if (end === undefined || end > start) issues.add("trace-dependency-order", `${entry.nodeId} starts before ${dep}, which it depends on, has ended`, ["trace", "events", start]);
    }
  }
  for (const [unitId, { unit, path }] of units) {
    if (started.has(unitId) || ended.has(unitId)) continue;
    const succeeded = t.status === "succeeded";
    issues.push(makeIssue("trace-unit-not-executed", `the unit ${unitId} of ${unit.nodeId} was never executed${succeeded ? ", yet the run says it succeeded" : ""}`, ["plan", ...path], { severity: succeeded ? "error" : "warning" }));
  }
  const list = [...early, ...issues.finish()];
  return { valid: !list.some((i) => i.severity === "error"), issues: list };
}
