import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import canonicalizeNpm from "canonicalize";
import { sha256Hex } from "@graphenix/core";
import { compileExecutablePlan } from "@graphenix/plan-compiler";
import { canonicalizePlan, computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
import { authoringGraph } from "../authoring-like.js";
import { compileFloor } from "../floors.js";
import { timeInterleaved } from "../measure.js";
import { judged, reported, type BenchResult } from "../result.js";

const RUNTIME = { jobId: "job-bench", mode: "live", environment: "bench", profileRegistry: { package: "@x12i/ai-profiles", version: "3.2.0" } };
const limits = { maxNodes: 200_000 };

function compiled(count: number) {
  const graph = authoringGraph(count);
  const result = compileExecutablePlan(graph, RUNTIME, { now: "2026-06-06T12:00:00.000Z" });
  if (!result.ok) throw new Error(`bench plan did not compile: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return { graph, plan: result.plan };
}

function withoutHash(plan: object): object {
  const { planHash, ...rest } = plan as Record<string, unknown>;
  return rest;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Issue #4 and #5 targets: validation, canonical hash, compile, growth, cold start. */
export function planBench(): BenchResult[] {
  const results: BenchResult[] = [];
  const validateTimes = new Map<number, number>();
  const compileTimes = new Map<number, number>();
  const stringifyTimes = new Map<number, number>();
  const floorTimes = new Map<number, number>();
  for (const count of [10_000, 100_000]) {
    const { graph, plan } = compiled(count);
    const text = JSON.stringify(plan);
    if (!validateExecutablePlan(plan, { limits }).valid) throw new Error("bench plan must validate");
    const rounds = count > 10_000 ? 3 : 9;
    const k = `${count / 1000}k`;
    const [validate, parse, compile, stringify] = timeInterleaved(
      [
        () => validateExecutablePlan(plan, { limits }),
        () => JSON.parse(text),
        () => compileExecutablePlan(graph, RUNTIME, { now: "2026-06-06T12:00:00.000Z" }),
        () => JSON.stringify(plan),
      ],
      rounds,
    ).map((t) => t.medianMs) as [number, number, number, number];
    validateTimes.set(count, validate);
    compileTimes.set(count, compile);
    stringifyTimes.set(count, stringify);
    // The least any compile costs (floors.ts), timed beside JSON.stringify of the same plan.
    const [least, leastStringify] = timeInterleaved([() => compileFloor(graph as Parameters<typeof compileFloor>[0], plan), () => JSON.stringify(plan)], rounds).map((t) => t.medianMs) as [number, number];
    floorTimes.set(count, least);
    const floorLine = reported(`compile ${k}: floor of any compile (read every graph value, order its edges, hash its text; copy every object of the plan, hash its text) / JSON.stringify(plan)`, least / leastStringify, `${ms(least)}, JSON.stringify ${ms(leastStringify)}`);
    const size = `${(text.length / 1e6).toFixed(1)} MB`;
    if (count === 10_000) {
      results.push(judged(`plan v2 ${k}: validate / JSON.parse`, validate / parse, "<=", 0.5, `validate ${ms(validate)}, JSON.parse ${ms(parse)}, ${size}`));
      results.push(judged(`compile ${k} (incl. hashing and the plan's check) / JSON.stringify(plan)`, compile / stringify, "<=", 3, `compile ${ms(compile)}, JSON.stringify ${ms(stringify)}`));
      results.push(floorLine);
      // A stand-in for the least that checking planHash costs: writing the plan's text with the
      // engine's native serializer (no member sorting, no checks) and hashing it. docs/benchmarks.md.
      const [floor, floorParse] = timeInterleaved([() => sha256Hex(JSON.stringify(plan)), () => JSON.parse(text)], rounds).map((t) => t.medianMs) as [number, number];
      results.push(reported(`plan v2 ${k}: floor of any planHash check (JSON.stringify + sha256) / JSON.parse`, floor / floorParse, `${ms(floor)}, JSON.parse ${ms(floorParse)}`));
      const [ours, npm] = timeInterleaved([() => computePlanHash(plan), () => canonicalizeNpm(plan)], rounds).map((t) => t.medianMs) as [number, number];
      results.push(reported(`plan v2 ${k}: computePlanHash speed-up vs canonicalize alone (no hash)`, npm / ours, `ours ${ms(ours)}, canonicalize ${ms(npm)}; identical bytes: ${canonicalizePlan(plan) === canonicalizeNpm(withoutHash(plan))}`));
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      compileExecutablePlan(graph, RUNTIME, { now: "2026-06-06T12:00:00.000Z" });
      results.push(reported(`compile ${k}: heap growth during one compile (MB)`, (process.memoryUsage().heapUsed - before) / 1e6, "heapUsed after minus before, no GC in between"));
    } else {
      results.push(reported(`plan v2 ${k}: validate / JSON.parse`, validate / parse, `validate ${ms(validate)}, JSON.parse ${ms(parse)}, ${size}`));
      results.push(reported(`compile ${k} / JSON.stringify(plan)`, compile / stringify, `compile ${ms(compile)}, JSON.stringify ${ms(stringify)}`));
      results.push(floorLine);
    }
  }
  const growth = (times: Map<number, number>) => (times.get(100_000) ?? 0) / (times.get(10_000) ?? 1);
  results.push(judged("plan validate growth 10k → 100k", growth(validateTimes), "<=", 12, "linear would be 10"));
  results.push(judged("compile growth 10k → 100k", growth(compileTimes), "<=", 12, "linear would be 10"));
  // What the compile's growth is measured against: the same work done at least, and the denominator.
  results.push(reported("floor of any compile growth 10k → 100k", growth(floorTimes), "linear would be 10"));
  results.push(reported("JSON.stringify(plan) growth 10k → 100k", growth(stringifyTimes), "linear would be 10"));
  results.push(coldStart());
  return results;
}

/** A whole process that imports plan-format and validates a small plan, against a bare `node -e 0`. */
function coldStart(): BenchResult {
  const { plan } = compiled(3);
  const dir = mkdtempSync(join(tmpdir(), "gx-cold-"));
  const planFile = join(dir, "plan.json");
  writeFileSync(planFile, JSON.stringify(plan));
  const script = `const { validateExecutablePlan } = await import("@graphenix/plan-format"); const plan = JSON.parse((await import("node:fs")).readFileSync(${JSON.stringify(planFile)}, "utf8")); if (!validateExecutablePlan(plan).valid) process.exit(1);`;
  const cwd = join(import.meta.dirname, "../..");
  const runNode = (args: string[]) => () => {
    const r = spawnSync(process.execPath, args, { cwd, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`cold-start process failed: ${args.join(" ")}`);
  };
  let times: number[];
  try {
    times = timeInterleaved([runNode(["--input-type=module", "-e", script]), runNode(["-e", "0"])], 15).map((t) => t.medianMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [cold, bare] = times as [number, number];
  return judged("cold import + validate a small plan / bare node -e 0", cold / bare, "<=", 1.5, `process ${ms(cold)}, bare node ${ms(bare)}`);
}
