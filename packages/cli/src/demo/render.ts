import type { GroundTruthRow, PlanGraph } from "@graphenix/contracts";
import type { RunProgress } from "@graphenix/plan-graph";
import type { Paint } from "../color.js";
import { plural } from "../report.js";
import { DEMO_EXAMPLES } from "./examples.js";
import type { DemoResult } from "./flow.js";

const STEP_WIDTH = 9;

/** How a plan-graph node is named in the run table: its matrix coordinates, or its target. */
function cellLabel(graph: PlanGraph, row: GroundTruthRow): string {
  const node = graph.nodes.find((n) => n.action_id === row.action_id);
  const cell = node?.cell;
  return cell ? cell.path.map((axis) => `${axis}=${String(cell.coord[axis])}`).join(" ") : `target=${row.target_asset_id}`;
}

function statusText(row: GroundTruthRow, paint: Paint): string {
  const reason = row.reason_code ? ` (${row.reason_code})` : "";
  if (row.status === "succeeded") return paint.green(row.status);
  return (row.status === "failed" ? paint.red : paint.yellow)(`${row.status}${reason}`);
}

/** The demo's report: one line per step, the run's table and rollup, and where to go next. */
export function renderDemo(result: DemoResult, paint: Paint): string[] {
  const ok = (step: string, text: string) => `${paint.green("✓")} ${step.padEnd(STEP_WIDTH)} ${text}`;
  const { authoringGraph, runtime, matrixScenario, labInventory } = DEMO_EXAMPLES;
  const lines = [paint.bold("graphenix demo: the whole flow on the example documents shipped with graphenix"), ""];
  if (result.authoring) lines.push(ok("validate", `${authoringGraph.file}: a valid authoring graph (${plural(result.authoring.nodes, "node")}, ${plural(result.authoring.edges, "edge")})`));
  if (result.plan) {
    const nodes = result.plan.nodeIndex.length;
    lines.push(ok("compile", `with ${runtime.file} → ${result.plan.planId} (${result.plan.format}): ${plural(nodes, "node")}, ${plural(result.units ?? 0, "execution unit")}`));
    if (result.failedStep !== "validate the plan") lines.push(ok("validate", `the plan: valid, planHash ${String(result.plan.planHash)}`));
  }
  if (result.graph && result.manifest) {
    const axes = result.manifest.axes.filter((a) => a.expanded).map((a) => `${a.name} (${a.values.length})`).join(" × ");
    lines.push(ok("expand", `${matrixScenario.file} over ${labInventory.file} → ${plural(result.graph.nodes.length, "node")} (${result.graph.plan_type}: ${axes})`));
  }
  if (result.graph && result.rows && result.rollup) {
    lines.push(ok("run", `reference scheduler, concurrency ${result.concurrency ?? 1}, simulated executor (nothing is executed)`));
    for (const row of result.rows) lines.push(`    #${row.node_ordinal}  ${cellLabel(result.graph, row).padEnd(32)} ${statusText(row, paint)}`);
    const r = result.rollup;
    lines.push(`    rollup: ${r.succeeded} succeeded, ${r.failed} failed, ${r.skipped} skipped → ${r.status}`);
  }
  if (result.ok && result.trace && result.rows) {
    const warnings = result.traceWarnings ? ` (${plural(result.traceWarnings, "warning")})` : "";
    lines.push(ok("traces", `the plan's execution trace (${plural(result.trace.events.length, "event")}) binds to ${result.trace.planId}${warnings}; ${plural(result.rows.length, "ground-truth row")} bind to the plan graph`));
  }
  lines.push("");
  lines.push(result.ok ? "Done. Write every artifact with --out-dir <dir>; see 'graphenix demo --help'." : `${paint.red("✗")} ${result.failedStep ?? "the demo"} failed:`);
  return lines;
}

/** A one-line progress bar, redrawn in place on a terminal. */
export function progressLine(progress: RunProgress, paint: Paint): string {
  const width = 20;
  const filled = progress.total === 0 ? width : Math.round((progress.done / progress.total) * width);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  return `  run ${bar} ${progress.done}/${progress.total}  ${paint.green(`${progress.succeeded} ok`)}  ${paint.red(`${progress.failed} failed`)}  ${paint.yellow(`${progress.skipped} skipped`)}  ${progress.running} running`;
}
