import type { GroundTruthRow, NodeStatus, PlanGraph, PlanGraphNode, StageRollup, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "@graphenix/core";
import { checkTransition } from "./lifecycle.js";
import { topologicalOrder } from "./order.js";

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
  /** The plan's requested concurrency (`execution.concurrency`; `order: "sequential"` means 1). Default 1. */
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

/** Rollup from outcomes alone, so it is the same whatever order the nodes finished in. */
export function rollup(rows: readonly Pick<GroundTruthRow, "status">[]): StageRollup {
  const count = (s: GroundTruthRow["status"]) => rows.filter((r) => r.status === s).length;
  const succeeded = count("succeeded");
  return { total: rows.length, succeeded, failed: count("failed"), skipped: count("skipped"), status: succeeded === rows.length ? "succeeded" : succeeded === 0 ? "failed" : "partial" };
}

/**
 * The reference scheduler (DESIGN §6.10): runs every node once, at most
 * min(concurrency, max_concurrency) at a time, starting ready nodes in `node_ordinal` order and
 * never before the nodes they depend on have succeeded (a node after a failed or skipped one is
 * skipped: `dependency_failed`). A cycle fails before anything runs. Returns one ground-truth row
 * per node, in `node_ordinal` order, and the stage rollup.
 */
export async function runPlanGraph(graph: PlanGraph, executeNode: ExecuteNode, options: RunPlanGraphOptions = {}): Promise<RunPlanGraphResult> {
  const order = topologicalOrder(graph);
  if (!order.ok) return { ok: false, issues: [makeIssue("plan_graph_cycle", `the edges form a cycle: ${[...order.cycle, order.cycle[0]].join(" → ")}; nothing ran`, ["edges"])] };
  const limit = Math.max(1, Math.min(options.concurrency ?? 1, options.max_concurrency ?? 1));
  const nodes = [...graph.nodes].sort((a, b) => a.node_ordinal - b.node_ordinal);
  const byId = new Map(nodes.map((n) => [n.action_id, n]));
  const successors = new Map<string, string[]>(nodes.map((n) => [n.action_id, []]));
  const waiting = new Map<string, number>(nodes.map((n) => [n.action_id, 0]));
  for (const edge of graph.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to)) continue;
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
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (!stopped && running < limit && ready.length > 0) {
        const node = ready.shift() as PlanGraphNode;
        move(node.action_id, "running");
        if (options.clock) started.set(node.action_id, options.clock());
        running++;
        progress();
        Promise.resolve()
          .then(() => executeNode(node))
          .then(
            (outcome) => outcome,
            (): NodeOutcome => ({ status: "failed", reason_code: "executor_error" }),
          )
          .then((outcome) => {
            running--;
            const failed = outcome.status !== "succeeded";
            finish(node, failed ? "failed" : "succeeded", failed ? (outcome.reason_code ?? "node_failed") : undefined);
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
            if (running === 0 && (ready.length === 0 || stopped)) resolve();
            else pump();
          });
      }
      if (running === 0 && ready.length === 0) resolve();
    };
    pump();
  });
  const ordered = nodes.map((n) => rows.get(n.action_id) as GroundTruthRow);
  return { ok: true, rows: ordered, rollup: rollup(ordered) };
}
