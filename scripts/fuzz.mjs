#!/usr/bin/env node
// `pnpm fuzz [package…] [options]`: runs only the property tests (packages/*/test/properties.test.ts)
// with many more runs than CI does, 1,000,000 per property unless told otherwise (docs/fuzzing.md).
//
//   pnpm fuzz                          every package, 1,000,000 runs per property
//   pnpm fuzz core trace-format        only these packages
//   pnpm fuzz --runs 20000             another run count
//   pnpm fuzz --seconds 60             at most 60 s per property (then it counts as passed)
//   pnpm fuzz --seed 1234 --path 17:3  replay a failure fast-check reported
//   pnpm fuzz cli -t "graphenix arguments"   only the properties whose name matches
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const usage = "usage: pnpm fuzz [package…] [--runs N] [--seconds S] [--seed N [--path P]] [-t name-pattern]";

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    allowPositionals: true,
    options: {
      runs: { type: "string" },
      seconds: { type: "string" },
      seed: { type: "string" },
      path: { type: "string" },
      t: { type: "string", short: "t" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  process.stderr.write(`fuzz: ${error.message}\n${usage}\n`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const whole = (name, raw) => {
  if (raw === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(raw)) {
    process.stderr.write(`fuzz: --${name} takes a positive whole number, not "${raw}"\n`);
    process.exit(2);
  }
  return raw;
};
const runs = whole("runs", values.runs) ?? "1000000";
const seconds = whole("seconds", values.seconds);
if (values.path !== undefined && values.seed === undefined) {
  process.stderr.write("fuzz: --path replays a failure together with its --seed\n");
  process.exit(2);
}
if (values.seed !== undefined && !/^-?[0-9]+$/.test(values.seed)) {
  process.stderr.write(`fuzz: --seed takes the integer fast-check printed, not "${values.seed}"\n`);
  process.exit(2);
}

const packages = readdirSync(join(root, "packages")).filter((p) => existsSync(join(root, "packages", p, "test/properties.test.ts"))).sort();
const unknown = positionals.filter((p) => !packages.includes(p.replace(/^@graphenix\//, "")));
if (unknown.length > 0) {
  process.stderr.write(`fuzz: no property tests for ${unknown.join(", ")}; packages with some: ${packages.join(", ")}\n`);
  process.exit(2);
}
const chosen = positionals.length > 0 ? positionals.map((p) => p.replace(/^@graphenix\//, "")) : packages;
const files = chosen.map((p) => `packages/${p}/test/properties.test.ts`);

const env = { ...process.env, FUZZ_RUNS: runs };
if (seconds !== undefined) env.FUZZ_SECONDS = seconds;
if (values.seed !== undefined) env.FUZZ_SEED = values.seed;
if (values.path !== undefined) env.FUZZ_PATH = values.path;

process.stdout.write(`fuzz: ${runs} runs per property${seconds ? `, at most ${seconds} s each` : ""}${values.seed ? `, seed ${values.seed}${values.path ? ` path ${values.path}` : ""}` : ""}: ${chosen.join(", ")}\n`);
const vitest = join(root, "node_modules/.bin/vitest");
const args = ["run", ...files, "--testTimeout=0", ...(values.t !== undefined ? ["-t", values.t] : [])];
const result = spawnSync(vitest, args, { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 3);
