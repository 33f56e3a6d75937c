import type { ExecutableGraphPlanV2, ExecutionUnitPlanV2, GraphExecutionTrace, ModelSelection, ValidationIssue } from "@graphenix/contracts";
import { IssueCollector, jsonEqual, makeIssue, prefixIssues, resolveLimits, type ValidationOptions } from "@graphenix/core";
import { computePlanHash, kindRuleOf, PHASE_RANK, validateExecutablePlanV2 } from "@graphenix/plan-format";
import { meaning } from "./lifecycle.js";
import { validateTrace } from "./validate-trace.js";

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

/** What binding needs to know of one unit of the plan, computed once per plan. */
interface UnitInfo {
  readonly unit: ExecutionUnitPlanV2;
  /** Position of the unit and of its node in a binding's state arrays. */
  readonly index: number;
  readonly nodeIndex: number;
  /** PRE 0, MAIN 1, POST 2, finalizer 3 (PHASE_RANK). */
  readonly rank: number;
  readonly maxAttempts: number;
  /** The unit's model and its fallback models: the models a trace may show it using. */
  readonly allowedModels: readonly ModelSelection[];
  readonly path: readonly (string | number)[];
}

interface PreparedPlan {
  readonly plan: ExecutableGraphPlanV2;
  readonly planHash: string;
  readonly units: ReadonlyMap<string, UnitInfo>;
  /** Node and finalizer ids → their position in a binding's state arrays. */
  readonly nodes: ReadonlyMap<string, number>;
}

function prepare(plan: ExecutableGraphPlanV2): PreparedPlan {
  const units = new Map<string, UnitInfo>();
  const nodes = new Map<string, number>();
  const groups: [string, Record<string, { executionUnits: ExecutionUnitPlanV2[] }>][] = [["nodePlans", plan.nodePlans], ["finalizerPlans", plan.finalizerPlans]];
  for (const [member, plans] of groups) {
    for (const [id, entry] of Object.entries(plans)) {
      const nodeIndex = nodes.get(id) ?? nodes.size;
      nodes.set(id, nodeIndex);
      entry.executionUnits.forEach((unit, i) => {
        const allowedModels = [unit.modelSelection, ...(unit.fallbackPolicy?.models ?? [])].filter((m): m is ModelSelection => m !== undefined);
        const rank = PHASE_RANK[kindRuleOf("v2", unit.unitKind)?.phase ?? "MAIN"];
        units.set(unit.unitId, { unit, index: units.size, nodeIndex, rank, maxAttempts: unit.retryPolicy?.maxAttempts ?? 1, allowedModels, path: [member, id, "executionUnits", i] });
      });
    }
  }
  return { plan, planHash: computePlanHash(plan), units, nodes };
}

/**
 * Validates `plan` once (a `graphenix.executable-plan/v2`) and returns a binder for its traces:
 * for run-history services that check many runs of the same plan.
 */
export function prepareTraceBinding(plan: unknown, options?: ValidationOptions): TraceBinder {
  const maxIssues = resolveLimits(options).maxIssues;
  const checkedPlan = validateExecutablePlanV2(plan, options);
  const planIssues = prefixIssues(["plan"], checkedPlan.issues);
  const prepared = checkedPlan.valid ? prepare(checkedPlan.value) : undefined;
  return {
    planIssues,
    bind(trace: unknown): BindResult {
      const checkedTrace = validateTrace(trace, options);
      // Both documents' issues under one cap (and one issues-truncated), then the binding's.
      const issues = new IssueCollector(maxIssues);
      issues.pushAll(prefixIssues(["trace"], checkedTrace.issues));
      issues.pushAll(planIssues);
      if (!checkedTrace.valid || !prepared) return { valid: false, issues: issues.finish() };
      return bindValid(checkedTrace.value, prepared, issues);
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
export function bindTraceToPlan(trace: unknown, plan: unknown, options?: ValidationOptions): BindResult {
  return prepareTraceBinding(plan, options).bind(trace);
}

/** What the trace said so far about one node: the run phases running, and when it started and ended. */
interface NodeRun {
  /** How many units of each rank are running. */
  readonly running: [number, number, number, number];
  highestRank: number;
  firstStart: number;
  lastEnd: number;
}

const RUNNING = 1;
const MENTIONED = 2;

/**
 * The state of one binding lives in arrays indexed by the positions `prepare` gave each unit and
 * node: two map look-ups per event (the node and the unit), however long the trace.
 */
function bindValid(t: GraphExecutionTrace, prepared: PreparedPlan, issues: IssueCollector): BindResult {
  const { plan: p, units, nodes } = prepared;
  if (t.planId !== p.planId) issues.add("trace-plan-mismatch", `the trace ran plan ${t.planId}, not ${p.planId}`, ["trace", "planId"]);
  if (t.planHash !== prepared.planHash) issues.add("trace-plan-mismatch", "the trace's planHash is not this plan's hash: it recorded another version of the plan", ["trace", "planHash"]);

  const unitState = new Uint8Array(units.size);
  const nodeRuns: NodeRun[] = Array.from({ length: nodes.size }, () => ({ running: [0, 0, 0, 0], highestRank: -1, firstStart: -1, lastEnd: -1 }));
  const events = t.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const [subject, phase] = meaning(event.type);
    if (subject === "run") continue;
    let nodeIndex = event.nodeId === undefined ? undefined : nodes.get(event.nodeId);
    if (event.nodeId !== undefined && nodeIndex === undefined) {
      issues.add("trace-unknown-node", `${event.nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
      continue;
    }
    let info: UnitInfo | undefined;
    if (subject === "unit") {
      info = event.unitId === undefined ? undefined : units.get(event.unitId);
      if (!info) {
        issues.add("trace-unknown-unit", `${String(event.unitId)} is not a unit of the plan`, ["trace", "events", i, "unitId"]);
        continue;
      }
      if (nodeIndex !== undefined && nodeIndex !== info.nodeIndex) issues.add("trace-unknown-unit", `unit ${info.unit.unitId} belongs to ${info.unit.nodeId}, not ${event.nodeId}`, ["trace", "events", i, "nodeId"]);
      nodeIndex = info.nodeIndex;
    }
    if (nodeIndex === undefined) continue;
    const run = nodeRuns[nodeIndex]!;
    if (info) bindUnitEvent(event, i, phase, info, run, unitState, issues);
    if (phase === "started" && run.firstStart < 0) run.firstStart = i;
    if (phase === "ended" || phase === "skipped") run.lastEnd = i;
  }

  for (const entry of p.nodeIndex) {
    const start = nodeRuns[nodes.get(entry.nodeId) ?? -1]?.firstStart ?? -1;
    if (start < 0) continue;
    for (const dep of entry.dependsOn) {
      const end = nodeRuns[nodes.get(dep) ?? -1]?.lastEnd ?? -1;
      if (end < 0 || end > start) issues.add("trace-dependency-order", `${entry.nodeId} starts before ${dep}, which it depends on, has ended`, ["trace", "events", start]);
    }
  }
  const succeeded = t.status === "succeeded";
  for (const [unitId, { unit, index, path }] of units) {
    if (unitState[index] !== 0) continue;
    issues.push(makeIssue("trace-unit-not-executed", `the unit ${unitId} of ${unit.nodeId} was never executed${succeeded ? ", yet the run says it succeeded" : ""}`, ["plan", ...path], { severity: succeeded ? "error" : "warning" }));
  }
  const list = issues.finish();
  return { valid: !list.some((i) => i.severity === "error"), issues: list };
}

/** Phase order, attempts and model of one unit event. */
function bindUnitEvent(
  event: GraphExecutionTrace["events"][number],
  i: number,
  phase: ReturnType<typeof meaning>[1],
  info: UnitInfo,
  run: NodeRun,
  unitState: Uint8Array,
  issues: IssueCollector,
): void {
  const { unit, rank, index } = info;
  if (phase === "started") {
    // Out of order: an earlier run phase of the node is still running, or this unit belongs to an
    // earlier phase than one that already started. (A unit that never runs is reported once, as
    // not executed.)
    let earlierRunning = false;
    for (let r = 0; r < rank; r++) if (run.running[r]! > 0) earlierRunning = true;
    if (earlierRunning || rank < run.highestRank) issues.add("trace-phase-order", `a unit of a later run phase starts before the earlier phase of ${unit.nodeId} has ended: the order is PRE → MAIN → POST`, ["trace", "events", i, "unitId"]);
    if (rank > run.highestRank) run.highestRank = rank;
    if ((event.attempt ?? 1) > info.maxAttempts) issues.add("trace-attempts-exceeded", `attempt ${event.attempt} exceeds the unit's retry policy (maxAttempts ${info.maxAttempts})`, ["trace", "events", i, "attempt"]);
    if (unitState[index] !== RUNNING) run.running[rank]!++;
    unitState[index] = RUNNING;
  } else if (phase === "ended" || phase === "skipped") {
    if (unitState[index] === RUNNING) run.running[rank]!--;
    unitState[index] = MENTIONED;
  }
  if (event.model !== undefined && !info.allowedModels.some((m) => jsonEqual(m, event.model))) {
    issues.add("trace-model-not-allowed", "the model used is neither the unit's model nor one of its fallback models", ["trace", "events", i, "model"]);
  }
}
