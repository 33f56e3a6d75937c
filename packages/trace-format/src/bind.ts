import type { GraphExecutionTrace, ModelSelection, ValidationIssue } from "@graphenix/contracts";
import { IssueCollector, jsonEqual, makeIssue, prefixIssues, resolveLimits, type ValidationOptions } from "@graphenix/core";
import { validateExecutablePlanV2 } from "@graphenix/plan-format";
import type { EventSubjects } from "./consistency.js";
import { Phase, phaseOf, Subject, subjectOf } from "./lifecycle.js";
import { FirstSeenPositions } from "./positions.js";
import { PlanPositions, prepare, type PreparedPlan, type UnitInfo } from "./prepared-plan.js";
import { checkTrace } from "./validate-trace.js";

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
  const planIssues = prefixIssues(["plan"], checkedPlan.issues);
  const prepared = checkedPlan.valid ? prepare(checkedPlan.value) : undefined;
  return {
    planIssues,
    bind(trace: unknown): BindResult {
      // Checked with the plan's numbering of its units and nodes: the binding then reads each
      // event's subject from the consistency pass, with no look-up of its own.
      const numbering = prepared ? new PlanPositions(prepared) : new FirstSeenPositions();
      const { result: checkedTrace, subjects } = checkTrace(trace, options, numbering);
      // Both documents' issues under one cap (and one issues-truncated), then the binding's.
      const issues = new IssueCollector(maxIssues);
      issues.pushAll(prefixIssues(["trace"], checkedTrace.issues));
      issues.pushAll(planIssues);
      if (!checkedTrace.valid || !prepared || !subjects) return { valid: false, issues: issues.finish() };
      return bindValid(checkedTrace.value, prepared, numbering as PlanPositions, subjects, issues);
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
function bindValid(t: GraphExecutionTrace, prepared: PreparedPlan, numbering: PlanPositions, subjects: EventSubjects, issues: IssueCollector): BindResult {
  const { plan: p, units, nodes, unitList } = prepared;
  if (t.planId !== p.planId) issues.add("trace-plan-mismatch", `the trace ran plan ${t.planId}, not ${p.planId}`, ["trace", "planId"]);
  if (t.planHash !== prepared.planHash) issues.add("trace-plan-mismatch", "the trace's planHash is not this plan's hash: it recorded another version of the plan", ["trace", "planHash"]);

  // What the trace said so far, in typed arrays indexed by unit and node position: each unit's
  // state; for each node, how many units of each rank (PRE, MAIN, POST, finalizer) are running,
  // the highest rank started, and the events at which it first started and last ended (-1: none).
  // No object per node, and no object holding them: a binding's optimized loop must not depend on
  // the shape of an object that dies with the binding (the engine then recompiled it per trace).
  // Each event's unit or node comes from the consistency pass, numbered by the plan (PlanPositions).
  const unitState = new Uint8Array(units.size);
  const running = new Int32Array(nodes.size * 4);
  const highestRank = new Int8Array(nodes.size).fill(-1);
  const firstStart = new Int32Array(nodes.size).fill(-1);
  const lastEnd = new Int32Array(nodes.size).fill(-1);
  const events = t.events;
  const { codes, positions } = subjects;
  for (let i = 0; i < events.length; i++) {
    const code = codes[i]!;
    const subject = subjectOf(code);
    const position = positions[i]!;
    // Run events, and (in a valid trace, never) events that name no subject.
    if (subject === Subject.Run || position < 0) continue;
    const phase = phaseOf(code);
    const event = events[i]!;
    // Each member read once: events come in several shapes, and every read of one costs.
    const nodeId = event.nodeId;
    let nodeIndex: number;
    if (subject === Subject.Unit) {
      if (position >= unitList.length) {
        if (nodeId !== undefined && !nodes.has(nodeId)) issues.add("trace-unknown-node", `${nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
        else issues.add("trace-unknown-unit", `${String(event.unitId)} is not a unit of the plan`, ["trace", "events", i, "unitId"]);
        continue;
      }
      const info = unitList[position]!;
      // The unit knows its node: the event's nodeId needs a look-up only when it names another.
      if (nodeId !== undefined && nodeId !== info.nodeKey) {
        if (!nodes.has(nodeId)) {
          issues.add("trace-unknown-node", `${nodeId} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
          continue;
        }
        if (nodes.get(nodeId) !== info.nodeIndex) issues.add("trace-unknown-unit", `unit ${info.unit.unitId} belongs to ${info.unit.nodeId}, not ${nodeId}`, ["trace", "events", i, "nodeId"]);
      }
      nodeIndex = info.nodeIndex;
      bindUnitEvent(event, i, phase, info, nodeIndex, running, highestRank, unitState, issues);
    } else {
      nodeIndex = numbering.nodeIndexOf(subject, position);
      if (nodeIndex < 0) {
        issues.add("trace-unknown-node", `${String(nodeId)} is not a node of the plan`, ["trace", "events", i, "nodeId"]);
        continue;
      }
    }
    if (phase === Phase.Started) {
      if (firstStart[nodeIndex]! < 0) firstStart[nodeIndex] = i;
    } else if (phase === Phase.Ended || phase === Phase.Skipped) lastEnd[nodeIndex] = i;
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
  phase: Phase,
  info: UnitInfo,
  nodeIndex: number,
  running: Int32Array,
  highestRank: Int8Array,
  unitState: Uint8Array,
  issues: IssueCollector,
): void {
  const { unit, rank, index } = info;
  const base = nodeIndex * 4;
  if (phase === Phase.Started) {
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
  } else if (phase === Phase.Ended || phase === Phase.Skipped) {
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
