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
  /** The id of the node (or finalizer) the plan lists the unit under. */
  readonly nodeKey: string;
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
  /** The same units by position (`UnitInfo.index`). */
  readonly unitList: readonly UnitInfo[];
  /** Node and finalizer ids → their position in a binding's state arrays. */
  readonly nodes: ReadonlyMap<string, number>;
  /** Every dependency as positions: `dependents[k]` depends on `dependencies[k]` (-1: not a node of the plan). */
  readonly dependents: Int32Array;
  readonly dependencies: Int32Array;
  /** Their ids, for the message. */
  readonly dependentIds: readonly string[];
  readonly dependencyIds: readonly string[];
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
        units.set(unit.unitId, { unit, index: units.size, nodeIndex, nodeKey: id, rank, maxAttempts: unit.retryPolicy?.maxAttempts ?? 1, allowedModels, path: [member, id, "executionUnits", i] });
      });
    }
  }
  const pairs = plan.nodeIndex.flatMap((entry) => entry.dependsOn.map((dep) => [nodes.get(entry.nodeId) ?? -1, nodes.get(dep) ?? -1, entry.nodeId, dep] as const));
  return {
    plan,
    planHash: computePlanHash(plan),
    units,
    unitList: [...units.values()],
    nodes,
    dependents: Int32Array.from(pairs, (p) => p[0]),
    dependencies: Int32Array.from(pairs, (p) => p[1]),
    dependentIds: pairs.map((p) => p[2]),
    dependencyIds: pairs.map((p) => p[3]),
  };
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

const RUNNING = 1;
const MENTIONED = 2;

/**
 * The state of one binding lives in arrays indexed by the positions `prepare` gave each unit and
 * node: one map look-up per event (the unit's, or the node's for a node event), however long the
 * trace.
 */
function bindValid(t: GraphExecutionTrace, prepared: PreparedPlan, issues: IssueCollector): BindResult {
  const { plan: p, units, nodes } = prepared;
  if (t.planId !== p.planId) issues.add("trace-plan-mismatch", `the trace ran plan ${t.planId}, not ${p.planId}`, ["trace", "planId"]);
  if (t.planHash !== prepared.planHash) issues.add("trace-plan-mismatch", "the trace's planHash is not this plan's hash: it recorded another version of the plan", ["trace", "planHash"]);

  // What the trace said so far, in typed arrays indexed by unit and node position: each unit's
  // state; for each node, how many units of each rank (PRE, MAIN, POST, finalizer) are running,
  // the highest rank started, and the events at which it first started and last ended (-1: none).
  // No object per node, and no object holding them: a binding's optimized loop must not depend on
  // the shape of an object that dies with the binding (the engine then recompiled it per trace).
  const unitState = new Uint8Array(units.size);
  const running = new Int32Array(nodes.size * 4);
  const highestRank = new Int8Array(nodes.size).fill(-1);
  const firstStart = new Int32Array(nodes.size).fill(-1);
  const lastEnd = new Int32Array(nodes.size).fill(-1);
  const events = t.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const [subject, phase] = meaning(event.type);
    if (subject === "run") continue;
    let nodeIndex: number | undefined;
    if (subject === "unit") {
      const info = event.unitId === undefined ? undefined : units.get(event.unitId);
      if (!info) {
        if (event.nodeId !== undefined && !nodes.has(event.nodeId)) issues.add("trace-unknown-node", `${event.nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
        else issues.add("trace-unknown-unit", `${String(event.unitId)} is not a unit of the plan`, ["trace", "events", i, "unitId"]);
        continue;
      }
      // The unit knows its node: the event's nodeId needs a look-up only when it names another.
      if (event.nodeId !== undefined && event.nodeId !== info.nodeKey) {
        if (!nodes.has(event.nodeId)) {
          issues.add("trace-unknown-node", `${event.nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
          continue;
        }
        if (nodes.get(event.nodeId) !== info.nodeIndex) issues.add("trace-unknown-unit", `unit ${info.unit.unitId} belongs to ${info.unit.nodeId}, not ${event.nodeId}`, ["trace", "events", i, "nodeId"]);
      }
      nodeIndex = info.nodeIndex;
      bindUnitEvent(event, i, phase, info, nodeIndex, running, highestRank, unitState, issues);
    } else {
      nodeIndex = event.nodeId === undefined ? undefined : nodes.get(event.nodeId);
      if (nodeIndex === undefined) {
        if (event.nodeId !== undefined) issues.add("trace-unknown-node", `${event.nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
        continue;
      }
    }
    if (phase === "started" && firstStart[nodeIndex]! < 0) firstStart[nodeIndex] = i;
    if (phase === "ended" || phase === "skipped") lastEnd[nodeIndex] = i;
  }

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

/** Phase order, attempts and model of one unit event. */
function bindUnitEvent(
  event: GraphExecutionTrace["events"][number],
  i: number,
  phase: ReturnType<typeof meaning>[1],
  info: UnitInfo,
  nodeIndex: number,
  running: Int32Array,
  highestRank: Int8Array,
  unitState: Uint8Array,
  issues: IssueCollector,
): void {
  const { unit, rank, index } = info;
  const base = nodeIndex * 4;
  if (phase === "started") {
    // Out of order: an earlier run phase of the node is still running, or this unit belongs to an
    // earlier phase than one that already started. (A unit that never runs is reported once, as
    // not executed.)
    let earlierRunning = false;
    for (let r = 0; r < rank; r++) if (running[base + r]! > 0) earlierRunning = true;
    if (earlierRunning || rank < highestRank[nodeIndex]!) issues.add("trace-phase-order", `a unit of a later run phase starts before the earlier phase of ${unit.nodeId} has ended: the order is PRE → MAIN → POST`, ["trace", "events", i, "unitId"]);
    if (rank > highestRank[nodeIndex]!) highestRank[nodeIndex] = rank;
    if ((event.attempt ?? 1) > info.maxAttempts) issues.add("trace-attempts-exceeded", `attempt ${event.attempt} exceeds the unit's retry policy (maxAttempts ${info.maxAttempts})`, ["trace", "events", i, "attempt"]);
    if (unitState[index] !== RUNNING) running[base + rank]!++;
    unitState[index] = RUNNING;
  } else if (phase === "ended" || phase === "skipped") {
    if (unitState[index] === RUNNING) running[base + rank]!--;
    unitState[index] = MENTIONED;
  }
  const model = event.model;
  if (model !== undefined && !allows(info.allowedModels, model)) {
    issues.add("trace-model-not-allowed", "the model used is neither the unit's model nor one of its fallback models", ["trace", "events", i, "model"]);
  }
}

function allows(models: readonly ModelSelection[], model: ModelSelection): boolean {
  for (const allowed of models) if (jsonEqual(allowed, model)) return true;
  return false;
}
