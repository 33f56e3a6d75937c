import type { ExecutableGraphPlanV2, ExecutionUnitPlanV2, GraphExecutionTrace, ModelSelection, TraceEvent } from "@graphenix/contracts";
import { getMember, millisOf, own } from "@graphenix/core";

export interface SimulationScript {
  /** unitId → how many attempts fail before one succeeds (a failure when ≥ its maxAttempts). */
  readonly failures?: Readonly<Record<string, number>>;
  /** unitId → the model it ends up using (default its own). */
  readonly models?: Readonly<Record<string, ModelSelection>>;
  /** Units the engine skips (their condition did not hold); their node still succeeds. */
  readonly skipped?: readonly string[];
}

/**
 * A deterministic simulated engine, for tests, demos and benchmarks of tools that read traces: it
 * runs a v2 plan's nodes in `nodeIndex` order and each node's units in order, one second of
 * simulated time per event from the plan's `createdAt`. A unit fails as many attempts as the
 * script says; one that fails every attempt its retry policy allows fails its node, and the
 * node's remaining units and every node after it are skipped; units the script skips are skipped
 * without failing anything. It executes nothing.
 */
export function simulateTrace(plan: ExecutableGraphPlanV2, script: SimulationScript = {}): GraphExecutionTrace {
  const events: TraceEvent[] = [];
  let clock = millisOf(plan.createdAt);
  const push = (event: Omit<TraceEvent, "seq" | "at">) => {
    clock += 1000;
    events.push({ seq: events.length, at: new Date(clock).toISOString(), ...event } as TraceEvent);
  };
  push({ type: "runStarted" });
  const failedNodes = new Set<string>();
  // The run's status follows its units (as validateTrace checks it): a node whose units were all
  // skipped succeeds without making a run with failures partial.
  let anyFailed = false;
  let anySucceeded = false;
  for (const entry of plan.nodeIndex) {
    const finalizer = entry.nodeType === "finalizer";
    const units: ExecutionUnitPlanV2[] = getMember<{ executionUnits: ExecutionUnitPlanV2[] }>(finalizer ? plan.finalizerPlans : plan.nodePlans, entry.nodeId)?.executionUnits ?? [];
    const [start, ok, fail, skip] = finalizer ? ["finalizerStarted", "finalizerCompleted", "finalizerFailed", "nodeSkipped"] : ["nodeStarted", "nodeCompleted", "nodeFailed", "nodeSkipped"];
    if (entry.dependsOn.some((d) => failedNodes.has(d))) {
      failedNodes.add(entry.nodeId);
      push({ type: skip as TraceEvent["type"], nodeId: entry.nodeId, outcome: "skipped" });
      for (const unit of units) push({ type: "unitSkipped", nodeId: entry.nodeId, unitId: unit.unitId, outcome: "skipped" });
      continue;
    }
    push({ type: start as TraceEvent["type"], nodeId: entry.nodeId });
    let nodeFailed = false;
    for (const unit of units) {
      if (nodeFailed || (own(script, "skipped") as SimulationScript["skipped"])?.includes(unit.unitId)) {
        push({ type: "unitSkipped", nodeId: entry.nodeId, unitId: unit.unitId, outcome: "skipped" });
        continue;
      }
      const max = (own(unit, "retryPolicy") as ExecutionUnitPlanV2["retryPolicy"])?.maxAttempts ?? 1;
      const failing = (own(own(script, "failures"), unit.unitId) as number | undefined) ?? 0;
      const model = (own(own(script, "models"), unit.unitId) ?? own(unit, "modelSelection")) as ModelSelection | undefined;
      for (let attempt = 1; attempt <= max; attempt++) {
        if (attempt > 1) push({ type: "unitRetried", nodeId: entry.nodeId, unitId: unit.unitId, attempt });
        push({ type: "unitStarted", nodeId: entry.nodeId, unitId: unit.unitId, attempt, ...(model && { model }) });
        if (attempt <= failing) {
          push({ type: "unitFailed", nodeId: entry.nodeId, unitId: unit.unitId, attempt, outcome: "failed", error: { code: "provider_timeout", message: "no answer in 30 s" } });
          if (attempt === max) nodeFailed = true;
          continue;
        }
        push({ type: "unitCompleted", nodeId: entry.nodeId, unitId: unit.unitId, attempt, outcome: "succeeded", payload: { inline: { text: `output of ${unit.unitId}` } } });
        anySucceeded = true;
        break;
      }
    }
    if (nodeFailed) {
      failedNodes.add(entry.nodeId);
      anyFailed = true;
      push({ type: fail as TraceEvent["type"], nodeId: entry.nodeId, outcome: "failed" });
    } else {
      push({ type: ok as TraceEvent["type"], nodeId: entry.nodeId, outcome: "succeeded" });
    }
  }
  push({ type: "runFinished" });
  return {
    format: "graphenix.execution-trace/v1",
    traceId: `trace:${plan.planId}`,
    planId: plan.planId,
    planHash: plan.planHash as string,
    runtimeBinding: { jobId: plan.runtimeBinding.jobId, mode: plan.runtimeBinding.mode, environment: plan.runtimeBinding.environment },
    startedAt: events[0]!.at,
    finishedAt: events.at(-1)!.at,
    status: anyFailed ? (anySucceeded ? "partial" : "failed") : "succeeded",
    events,
  };
}
