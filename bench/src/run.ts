/**
 * `pnpm bench`: runs every benchmark, prints a table and writes bench/results.json as
 * `[{ name, ratio, target, pass, detail }]`. It always exits 0 unless a benchmark crashes:
 * timings on shared machines are noisy, so results are recorded, never a CI gate.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { authoringBench } from "./cases/authoring.js";
import { jcsBench } from "./cases/jcs.js";
import { parseBench } from "./cases/parse.js";
import { planBench } from "./cases/plans.js";
import { planGraphBench } from "./cases/plangraph.js";
import { traceBench } from "./cases/traces.js";
import type { BenchResult } from "./result.js";

const SUITES: [string, () => BenchResult[]][] = [
  ["jcs", jcsBench],
  ["parse", parseBench],
  ["authoring", authoringBench],
  ["plans", planBench],
  ["plangraph", planGraphBench],
  ["traces", traceBench],
];

if (!(globalThis as { gc?: unknown }).gc) console.warn("bench: run with --expose-gc for steadier numbers");
const only = process.argv.slice(2).filter((a) => a !== "--");
const results: BenchResult[] = [];
for (const [name, suite] of SUITES) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  results.push(...suite());
}

const rows = results.map((r) => [r.pass === null ? "info" : r.pass ? "pass" : "MISS", r.name, r.ratio.toFixed(3), r.target ?? "-", r.detail]);
const header = ["", "benchmark", "ratio", "target", "detail"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
for (const row of [header, ...rows]) console.log(row.map((c, i) => (c ?? "").padEnd(widths[i] ?? 0)).join("  ").trimEnd());

const out = join(dirname(fileURLToPath(import.meta.url)), "../results.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${out}`);
