import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import canonicalizeNpm from "canonicalize";
import { compileExecutablePlan } from "@graphenix/plan-compiler";
import { canonicalizePlan, computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
import { authoringGraph } from "../authoring-like.js";
import { copyEvery } from "../floors.js";
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
    const size = `${(text.length / 1e6).toFixed(1)} MB`;
    if (count === 10_000) {
      results.push(judged(`plan v2 ${k}: validate / JSON.parse`, validate / parse, "<=", 0.5, `validate ${ms(validate)}, JSON.parse ${ms(parse)}, ${size}`));
      results.push(judged(`compile ${k} (incl. hashing and the plan's check) / JSON.stringify(plan)`, compile / stringify, "<=", 3, `compile ${ms(compile)}, JSON.stringify ${ms(stringify)}`));
      // A stand-in for the least any compile costs: making every object of the plan (a copy of it)
      // and hashing its text (JSON.stringify + SHA-256), with no input read and no check made.
      const [least, leastStringify] = timeInterleaved([() => createHash("sha256").update(JSON.stringify(copyEvery(plan))).digest("hex"), () => JSON.stringify(plan)], rounds).map((t) => t.medianMs) as [number, number];
      results.push(reported(`compile ${k}: floor of any compile (copy every object of the plan, JSON.stringify + sha256) / JSON.stringify(plan)`, least / leastStringify, `${ms(least)}, JSON.stringify ${ms(leastStringify)}`));
      // A stand-in for the least that checking planHash costs: writing the plan's text with the
      // engine's native serializer (no member sorting, no checks) and hashing it. docs/benchmarks.md.
      const [floor, floorParse] = timeInterleaved([() => createHash("sha256").update(JSON.stringify(plan)).digest("hex"), () => JSON.parse(text)], rounds).map((t) => t.medianMs) as [number, number];
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
    }
  }
  results.push(judged("plan validate growth 10k → 100k", (validateTimes.get(100_000) ?? 0) / (validateTimes.get(10_000) ?? 1), "<=", 12, "linear would be 10"));
  results.push(judged("compile growth 10k → 100k", (compileTimes.get(100_000) ?? 0) / (compileTimes.get(10_000) ?? 1), "<=", 12, "linear would be 10"));
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
