import { validateAuthoringGraph } from "@graphenix/authoring-format";
import type { ExecutableGraphPlanV2, ExpansionManifest, GraphExecutionTrace, GroundTruthRow, PlanGraph, StageRollup, ValidationIssue } from "@graphenix/contracts";
import { millisOf } from "@graphenix/core";
import { compileExecutablePlan } from "@graphenix/plan-compiler";
import { validateExecutablePlan } from "@graphenix/plan-format";
import { compilePlan, requestedConcurrency, runPlanGraph, type RunProgress } from "@graphenix/plan-graph";
import { bindGroundTruthToPlanGraph, bindTraceToPlan, simulateTrace } from "@graphenix/trace-format";
import { DEMO_EXAMPLES } from "./examples.js";

export interface DemoOptions {
  /** The plan's createdAt, and the start of the simulated clocks. */
  readonly now: string;
  /** Asset ids whose nodes the simulated executor fails (to show failures and skips). */
  readonly failTargets: readonly string[];
  /** Called by the scheduler after every change of a node's state. */
  readonly onProgress?: (progress: RunProgress) => void;
}

/** What each step of the demo produced; a step that failed carries its issues and ends the flow. */
export interface DemoResult {
  readonly ok: boolean;
  readonly failedStep?: string;
  readonly issues: readonly ValidationIssue[];
  readonly authoring?: { readonly nodes: number; readonly edges: number };
  readonly plan?: ExecutableGraphPlanV2;
  readonly units?: number;
  readonly graph?: PlanGraph;
  readonly manifest?: ExpansionManifest;
  readonly rows?: readonly GroundTruthRow[];
  readonly rollup?: StageRollup;
  readonly concurrency?: number;
  readonly trace?: GraphExecutionTrace;
  readonly traceWarnings?: number;
}

/** The demo runner's `max_concurrency`: the most nodes it runs at once, whatever a plan asks for. */
const DEMO_MAX_CONCURRENCY = 4;

/** A clock that ticks one second per reading from `start`: run records get times, and the same ones every run. */
function simulatedClock(start: string): () => string {
  // A leap second starts the next minute (millisOf): Date.parse cannot read one.
  let t = millisOf(start);
  return () => new Date((t += 1000)).toISOString();
}

const failed = (step: string, issues: readonly ValidationIssue[], soFar: Omit<DemoResult, "ok" | "issues">): DemoResult => ({ ...soFar, ok: false, failedStep: step, issues });

/**
 * The whole flow on the embedded examples: validate the authoring graph, compile it, validate the
 * plan, expand the matrix scenario over the lab inventory, run the plan graph with the reference
 * scheduler and a simulated executor, then produce the traces and bind them (the plan's execution
 * trace to the plan, the ground-truth rows to the plan graph). Executes nothing.
 */
export async function runDemoFlow(options: DemoOptions): Promise<DemoResult> {
  const authoringGraph = DEMO_EXAMPLES.authoringGraph.value;
  const checked = validateAuthoringGraph(authoringGraph);
  if (!checked.valid) return failed("validate the authoring graph", checked.issues, {});
  const authoring = { nodes: Object.keys(checked.value.nodes).length, edges: checked.value.edges?.length ?? 0 };

  const compiled = compileExecutablePlan(authoringGraph, DEMO_EXAMPLES.runtime.value, { now: options.now });
  if (!compiled.ok) return failed("compile", compiled.issues, { authoring });
  const plan = compiled.plan as ExecutableGraphPlanV2;
  const units = Object.values(plan.nodePlans).reduce((n, p) => n + p.executionUnits.length, 0) + Object.values(plan.finalizerPlans).reduce((n, p) => n + p.executionUnits.length, 0);
  const planCheck = validateExecutablePlan(plan);
  if (!planCheck.valid) return failed("validate the plan", planCheck.issues, { authoring, plan, units });

  const expanded = compilePlan(DEMO_EXAMPLES.matrixScenario.value, DEMO_EXAMPLES.labInventory.value);
  if (!expanded.ok) return failed("expand", expanded.issues, { authoring, plan, units });
  const { graph, manifest } = expanded;

  // The plan's own request (the graph carries the scenario's execution), under the demo runner's ceiling.
  const concurrency = Math.min(requestedConcurrency(graph.execution), DEMO_MAX_CONCURRENCY);
  const fail = new Set(options.failTargets);
  const ran = await runPlanGraph(graph, async (node) => (fail.has(node.target_asset_id) ? { status: "failed", reason_code: "simulated_failure" } : { status: "succeeded" }), {
    max_concurrency: DEMO_MAX_CONCURRENCY,
    clock: simulatedClock(options.now),
    plan_expansion_ref: "plan/expansion_manifest.json",
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  if (!ran.ok) return failed("run", ran.issues, { authoring, plan, units, graph, manifest });

  const trace = simulateTrace(plan);
  const boundTrace = bindTraceToPlan(trace, plan);
  const boundRows = bindGroundTruthToPlanGraph(ran.rows, graph);
  const issues = [...boundTrace.issues, ...boundRows.issues];
  const base = { authoring, plan, units, graph, manifest, rows: ran.rows, rollup: ran.rollup, concurrency, trace, traceWarnings: boundTrace.issues.length };
  if (!boundTrace.valid || !boundRows.valid) return failed("bind the traces", issues, base);
  return { ...base, ok: true, issues };
}
