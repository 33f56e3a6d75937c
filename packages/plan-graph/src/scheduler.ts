import type { GroundTruthRow, NodeStatus, PlanGraph, PlanGraphNode, StageRollup, ValidationIssue } from "@graphenix/contracts";
import { DEFAULT_VALIDATION_LIMITS, IssueCollector, own, withoutPrototypes } from "@graphenix/core";
import { requestedConcurrency } from "./execution.js";
import { checkTransition } from "./lifecycle.js";
import { checkGraphStructure } from "./validate-plan-graph.js";

/** What an executor reports for one node. A thrown error counts as a failure (`executor_error`). */
export interface NodeOutcome {
  readonly status: "succeeded" | "failed";
  readonly reason_code?: string;
}

export type ExecuteNode = (node: PlanGraphNode) => Promise<NodeOutcome>;

export interface RunProgress {
  readonly total: number;
  readonly done: number;
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface RunPlanGraphOptions {
  /**
   * The concurrency the caller asks for. For a graph with an `execution` request it can only lower
   * that request (a `sequential` plan runs one node at a time whatever is passed); for a graph
   * without one it is the request. The plan's request: `sequential` 1, otherwise its
   * `concurrency`, and for `parallel` without one, no bound but the runner's. Default: the plan's
   * request, or 1 for a graph without one.
   */
  readonly concurrency?: number;
  /** The runner's ceiling. Default 1. The effective concurrency is the smaller of the two. */
  readonly max_concurrency?: number;
  /** After a failure, skip every node not yet started (`fail_fast_skipped`). Default false. */
  readonly fail_fast?: boolean;
  /** The runner's clock, for `started_at` / `finished_at`; without it rows carry no times. */
  readonly clock?: () => string;
  /** Written into every row, e.g. `plan/expansion_manifest.json`. */
  readonly plan_expansion_ref?: string;
  /** Called after every change of any node's state. */
  readonly onProgress?: (progress: RunProgress) => void;
}

export type RunPlanGraphResult =
  | { readonly ok: true; readonly rows: GroundTruthRow[]; readonly rollup: StageRollup }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const EXECUTOR_ERROR: NodeOutcome = { status: "failed", reason_code: "executor_error" };

/**
 * What an executor resolved to, as an outcome: `{ status: "succeeded" | "failed" }` with an
 * optional string `reason_code`. Anything else is the executor's error (`executor_error`), as a
 * throw is, rather than a guess at what it meant.
 */
function outcomeOf(value: unknown): NodeOutcome {
  if (value === null || typeof value !== "object") return EXECUTOR_ERROR;
  const status = own(value, "status");
  const reason_code = own(value, "reason_code");
  if ((status !== "succeeded" && status !== "failed") || (reason_code !== undefined && typeof reason_code !== "string")) return EXECUTOR_ERROR;
  return reason_code === undefined ? { status } : { status, reason_code };
}

/** `concurrency` or `max_concurrency`: a positive whole number, default 1; anything else misuses the options. */
function concurrencyOption(options: RunPlanGraphOptions, name: "concurrency" | "max_concurrency"): number {
  const value = options[name] ?? 1;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`runPlanGraph: ${name} must be a positive whole number, not ${String(value)}`);
  return value;
}

/** Rollup from outcomes alone, so it is the same whatever order the nodes finished in. */
export function rollup(rows: readonly Pick<GroundTruthRow, "status">[]): StageRollup {
  const count = (s: GroundTruthRow["status"]) => rows.filter((r) => r.status === s).length;
  const succeeded = count("succeeded");
  return { total: rows.length, succeeded, failed: count("failed"), skipped: count("skipped"), status: succeeded === rows.length ? "succeeded" : succeeded === 0 ? "failed" : "partial" };
}

/**
 * The reference scheduler (DESIGN §6.10): runs every node once, at most
 * min(the plan's request, the caller's `concurrency`, max_concurrency) at a time, starting ready nodes in `node_ordinal` order and
 * never before the nodes they depend on have succeeded (a node after a failed or skipped one is
 * skipped: `dependency_failed`). It takes a graph `validatePlanGraph` accepted, and checks again
 * what running needs (unique ids, keys and ordinals, edges between its nodes, no cycle): a graph
 * that fails gives those issues and nothing runs. An
 * executor that throws, or resolves to anything but an outcome, fails its node with
 * `executor_error`; an error thrown by `clock` or `onProgress` rejects the run. Returns one ground-truth row
 * per node, in `node_ordinal` order, and the stage rollup.
 */
export async function runPlanGraph(graph: PlanGraph, executeNode: ExecuteNode, given: RunPlanGraphOptions = {}): Promise<RunPlanGraphResult> {
  // The caller's own options only, in an object without a prototype (docs/architecture.md, "Own
  // members only"): a `clock` or `fail_fast` some code put on Object.prototype is not the caller's.
  const options = withoutPrototypes(given);
  const asked = options.concurrency === undefined ? undefined : concurrencyOption(options, "concurrency");
  const ceiling = concurrencyOption(options, "max_concurrency");
  // An order it cannot honour, duplicate ids, edges to unknown nodes and cycles are the graph's
  // issues, reported before anything runs: never a scheduler error, never a dependency silently left out.
  const issues = new IssueCollector(DEFAULT_VALIDATION_LIMITS.maxIssues);
  checkGraphStructure(graph, issues);
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  // Never more than the plan asks for: the caller's number only lowers a request the graph carries.
  const execution = own(graph, "execution") as PlanGraph["execution"];
  const request = execution === undefined ? (asked ?? 1) : Math.min(requestedConcurrency(execution), asked ?? Number.POSITIVE_INFINITY);
  const limit = Math.min(request, ceiling);
  // The request was checked above; one read again that answers otherwise (a getter) must not
  // leave the run waiting forever for a limit no count reaches.
  if (!(limit >= 1)) {
    issues.add("config_schema_invalid", "the execution request changed while it was read: it has no concurrency to run by", ["execution"]);
    return { ok: false, issues: issues.finish() };
  }
  const nodes = [...graph.nodes].sort((a, b) => a.node_ordinal - b.node_ordinal);
  const byId = new Map(nodes.map((n) => [n.action_id, n]));
  const successors = new Map<string, string[]>(nodes.map((n) => [n.action_id, []]));
  const waiting = new Map<string, number>(nodes.map((n) => [n.action_id, 0]));
  for (const edge of graph.edges) {
    successors.get(edge.from)?.push(edge.to);
    waiting.set(edge.to, (waiting.get(edge.to) ?? 0) + 1);
  }
  const state = new Map<string, NodeStatus>(nodes.map((n) => [n.action_id, "pending"]));
  const rows = new Map<string, GroundTruthRow>();
  const phases = new Map<string, NodeStatus[]>(nodes.map((n) => [n.action_id, ["pending"]]));
  const started = new Map<string, string>();
  const ready: PlanGraphNode[] = []; // kept in node_ordinal order
  let running = 0;
  let stopped = false;

  const progress = () => {
    if (!options.onProgress) return;
    const values = [...state.values()];
    const n = (s: NodeStatus) => values.filter((v) => v === s).length;
    options.onProgress({ total: nodes.length, done: n("succeeded") + n("failed") + n("skipped"), running, succeeded: n("succeeded"), failed: n("failed"), skipped: n("skipped") });
  };
  const move = (id: string, to: NodeStatus) => {
    const issue = checkTransition(state.get(id) as NodeStatus, to);
    if (issue) throw new Error(`scheduler bug: ${issue.message}`); // the lifecycle is enforced on ourselves too
    state.set(id, to);
    phases.get(id)?.push(to);
  };
  const finish = (node: PlanGraphNode, status: GroundTruthRow["status"], reason?: string) => {
    move(node.action_id, status);
    const times = options.clock ? { ...(started.has(node.action_id) && { started_at: started.get(node.action_id) }), finished_at: options.clock() } : {};
    rows.set(node.action_id, {
      run_id: graph.run_id,
      action_id: node.action_id,
      action_key: node.action_key,
      node_ordinal: node.node_ordinal,
      target_asset_id: node.target_asset_id,
      status,
      ...(reason !== undefined && { reason_code: reason }),
      phases: [...(phases.get(node.action_id) as NodeStatus[])],
      ...times,
      ...(options.plan_expansion_ref !== undefined && { plan_expansion_ref: options.plan_expansion_ref }),
    });
  };
  const makeReady = (node: PlanGraphNode) => {
    move(node.action_id, "ready");
    let i = ready.length;
    while (i > 0 && (ready[i - 1] as PlanGraphNode).node_ordinal > node.node_ordinal) i--;
    ready.splice(i, 0, node);
  };
  const skipDownstream = (id: string) => {
    const stack = [...(successors.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      const s = state.get(next);
      if (s !== "pending" && s !== "ready") continue;
      if (s === "ready") ready.splice(ready.indexOf(byId.get(next) as PlanGraphNode), 1);
      finish(byId.get(next) as PlanGraphNode, "skipped", "dependency_failed");
      stack.push(...(successors.get(next) ?? []));
    }
  };

  for (const node of nodes) if (waiting.get(node.action_id) === 0) makeReady(node);
  progress();
  // Rejects when a callback of the caller's (clock, onProgress) throws: that error is the caller's.
  await new Promise<void>((resolve, reject) => {
    let failedRun = false;
    // Whatever the caller threw (even undefined) is the run's rejection, as thrown.
    const fail = (error: unknown) => {
      if (failedRun) return;
      failedRun = true;
      stopped = true;
      reject(error);
    };
    const finishIfDone = () => {
      if (!failedRun && running === 0 && (ready.length === 0 || stopped)) resolve();
    };
    const settle = (node: PlanGraphNode, outcome: NodeOutcome) => {
      running--;
      if (failedRun) return;
      const failed = outcome.status !== "succeeded";
      finish(node, failed ? "failed" : "succeeded", failed ? ((own(outcome, "reason_code") as string | undefined) ?? "node_failed") : undefined);
      if (failed) {
        skipDownstream(node.action_id);
        if (options.fail_fast) {
          stopped = true;
          for (const n of nodes) if (state.get(n.action_id) === "pending" || state.get(n.action_id) === "ready") finish(n, "skipped", "fail_fast_skipped");
          ready.length = 0;
        }
      } else {
        for (const next of successors.get(node.action_id) ?? []) {
          const left = (waiting.get(next) ?? 0) - 1;
          waiting.set(next, left);
          if (left === 0 && state.get(next) === "pending") makeReady(byId.get(next) as PlanGraphNode);
        }
      }
      progress();
      pump();
    };
    const pump = () => {
      while (!stopped && running < limit && ready.length > 0) {
        const node = ready.shift() as PlanGraphNode;
        move(node.action_id, "running");
        if (options.clock) started.set(node.action_id, options.clock());
        running++;
        progress();
        Promise.resolve()
          .then(() => executeNode(node))
          .then(outcomeOf, (): NodeOutcome => EXECUTOR_ERROR)
          .then((outcome) => settle(node, outcome))
          .catch(fail);
      }
      finishIfDone();
    };
    try {
      pump();
    } catch (error) {
      fail(error);
    }
  });
  const ordered = nodes.map((n) => rows.get(n.action_id) as GroundTruthRow);
  return { ok: true, rows: ordered, rollup: rollup(ordered) };
}
