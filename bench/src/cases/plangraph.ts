import { compilePlan, topologicalOrder } from "@graphenix/plan-graph";
import { timeInterleaved } from "../measure.js";
import { judged, reported, type BenchResult } from "../result.js";

/** A matrix of `size` nodes: one template × targets × two value axes. */
function scenario(targets: number, a: number, b: number) {
  return {
    run_id: "run-bench",
    scenario_id: "scn-bench",
    plan: {
      type: "matrix",
      templates: [{ template_id: "tpl", engine: "atomic", technique_id: "T1059.001", engine_test_id: "11111111-1111-1111-1111-111111111111", inputs: { a: { $axis: "a" }, b: { $axis: "b" }, command: "whoami" } }],
      axes: { targets: { selector: { os: "windows" } }, a: Array.from({ length: a }, (_, i) => i), b: Array.from({ length: b }, (_, i) => `v${i}`) },
      expand: ["targets", "a", "b"],
    },
  };
}
const inventory = (n: number) => ({ assets: Array.from({ length: n }, (_, i) => ({ asset_id: `ws-${i}`, os: "windows" })) });

/** Issue #6 targets: expand 100k nodes; order 100k nodes / 300k edges; refuse 10^12 cells at once. */
export function planGraphBench(): BenchResult[] {
  const s = scenario(100, 100, 10);
  const inv = inventory(100);
  const first = compilePlan(s, inv, { max_nodes: 200_000 });
  if (!first.ok) throw new Error(JSON.stringify(first.issues));
  const text = JSON.stringify(first.graph);
  const [expand, stringify] = timeInterleaved([() => compilePlan(s, inv, { max_nodes: 200_000 }), () => JSON.stringify(first.graph)], 3).map((t) => t.medianMs) as [number, number];

  const n = 100_000;
  const nodes = Array.from({ length: n }, (_, i) => ({ action_id: `n${i}`, node_ordinal: i }));
  const edges = Array.from({ length: 3 * n }, (_, k) => {
    const from = k % (n - 1);
    return { from: `n${from}`, to: `n${from + 1 + ((k * 7919) % (n - 1 - from))}`, kind: "depends_on" };
  });
  const graphText = JSON.stringify({ nodes, edges });
  // Judged on the graph as an engine has it, read from its text; built in memory (every edge end a
  // string of its own, hashed on its first look-up) is reported too.
  const read = JSON.parse(graphText) as Parameters<typeof topologicalOrder>[0];
  const [order, parse, built] = timeInterleaved([() => topologicalOrder(read), () => JSON.parse(graphText), () => topologicalOrder({ nodes, edges } as never)], 7).map((t) => t.medianMs) as [number, number, number];

  const huge = scenario(100, 100, 100);
  (huge.plan.axes as Record<string, unknown>).c = Array.from({ length: 100 }, (_, i) => i);
  (huge.plan.axes as Record<string, unknown>).d = Array.from({ length: 100 }, (_, i) => i);
  huge.plan.expand = ["targets", "a", "b", "c", "d"];
  const started = process.hrtime.bigint();
  const refused = compilePlan(huge, inv, { max_nodes: 1_000_000 });
  const refusedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return [
    judged("expand 100k matrix (incl. identities) / JSON.stringify(graph)", expand / stringify, "<=", 3, `expand ${expand.toFixed(0)} ms, JSON.stringify ${stringify.toFixed(0)} ms, ${(text.length / 1e6).toFixed(1)} MB`),
    judged("topologicalOrder 100k nodes / 300k edges (read from text) / JSON.parse(graph)", order / parse, "<=", 0.5, `order ${order.toFixed(0)} ms, JSON.parse ${parse.toFixed(0)} ms`),
    reported("topologicalOrder of the same graph built in memory / JSON.parse(graph)", built / parse, `order ${built.toFixed(0)} ms`),
    reported(`10^12-cell request refused (${refused.ok ? "NOT refused" : refused.issues[0]?.code}) in ms`, refusedMs, "validation of the scenario included"),
  ];
}
