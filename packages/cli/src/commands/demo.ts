import { colorOf, interactiveOf } from "../io.js";
import { join } from "node:path";
import { millisOf } from "@graphenix/core";
import { CompileOptionsError } from "@graphenix/plan-compiler";
import { paintFor } from "../color.js";
import type { Command } from "../command.js";
import { CliFailure, oneLine } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { JSON_OPTION } from "../limits-options.js";
import { writeOutputFiles } from "../output.js";
import { optionErrorLine } from "./compile.js";
import { issuesJson, printIssues } from "../report.js";
import { DEMO_EXAMPLES, DEMO_NOW } from "../demo/examples.js";
import { runDemoFlow, type DemoResult } from "../demo/flow.js";
import { progressLine, renderDemo } from "../demo/render.js";

/** The latest --now: a month before the timestamp format runs out of years. */
const LATEST_START = Date.parse("9999-12-01T00:00:00Z");

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const jsonLines = (rows: readonly unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join("");

/** Every artifact of the flow, under the names an engine's run folder would use. */
async function writeArtifacts(dir: string, result: DemoResult): Promise<string[]> {
  const files: [string, string | undefined][] = [
    ["plan.json", result.plan && json(result.plan)],
    ["trace.json", result.trace && json(result.trace)],
    ["plan/expanded_graph.json", result.graph && json(result.graph)],
    ["plan/expansion_manifest.json", result.manifest && json(result.manifest)],
    // JSON Lines, one row per executed node, as runners write them (the seed's ground_truth.jsonl).
    ["ground_truth.jsonl", result.rows && jsonLines(result.rows)],
  ];
  return writeOutputFiles(files.filter((f): f is [string, string] => f[1] !== undefined).map(([name, text]) => [join(dir, name), text] as const));
}

export const demoCommand: Command = {
  name: "demo",
  summary: "run the whole flow on the embedded example documents: validate, compile, expand, run (simulated), trace",
  args: "",
  options: {
    "out-dir": { type: "string", valueName: "dir", description: "also write the plan, trace, expanded graph, manifest and ground-truth rows here" },
    "fail-target": { type: "string", multiple: true, valueName: "asset", description: "make the simulated executor fail the nodes on this lab asset (repeatable)" },
    now: { type: "string", valueName: "ISO", description: `the plan's createdAt and the simulated clock's start (default ${DEMO_NOW}, so the output never changes)` },
    ...JSON_OPTION,
  },
  examples: ["graphenix demo", "graphenix demo --fail-target ws-10 --out-dir runs/demo", "graphenix demo --json"],
  async run(_positionals, values, io) {
    const now = typeof values.now === "string" ? values.now : DEMO_NOW;
    // The simulated clock counts seconds from --now (a leap second as the next minute's start): it
    // needs a time Date can hold, and room for the run before the year 10000 the timestamp format
    // cannot write.
    const start = millisOf(now);
    if (Number.isNaN(start) || start > LATEST_START) throw new CliFailure(`graphenix demo: --now takes a UTC date-time before 9999-12-01 the simulated clock can count from (e.g. ${DEMO_NOW}), not "${now}"`, EXIT.usage);
    const paint = paintFor(colorOf(io));
    const live = interactiveOf(io) && !values.json;
    let result: DemoResult;
    try {
      result = await runDemoFlow({
        now,
        failTargets: (values["fail-target"] as string[] | undefined) ?? [],
        ...(live && { onProgress: (p) => io.stdout.write(`\r${progressLine(p, paint)}\u001b[K`) }),
      });
    } catch (error) {
      // The compiler's own check of --now (an RFC 3339 UTC timestamp of a real date).
      if (error instanceof CompileOptionsError) throw new CliFailure(optionErrorLine("demo", error), EXIT.usage);
      throw error;
    }
    if (live) io.stdout.write("\r\u001b[K");
    const failTargets = (values["fail-target"] as string[] | undefined) ?? [];
    const unknown = failTargets.filter((t) => result.graph && !result.graph.nodes.some((n) => n.target_asset_id === t));
    if (unknown.length > 0) throw new CliFailure(`graphenix demo: --fail-target ${unknown.join(", ")}: no node of the demo's plan graph runs on it (its targets: ${[...new Set(result.graph?.nodes.map((n) => n.target_asset_id))].join(", ")})`, EXIT.usage);
    const files = typeof values["out-dir"] === "string" ? await writeArtifacts(values["out-dir"], result) : [];
    const located = result.issues.map((issue) => ({ source: `${DEMO_EXAMPLES.authoringGraph.file} (${result.failedStep ?? "demo"})`, issue }));
    if (values.json) {
      const r = result.rollup;
      io.stdout.write(
        `${JSON.stringify({
          valid: result.ok,
          ...(result.failedStep && { failedStep: result.failedStep }),
          planId: result.plan?.planId ?? null,
          planHash: result.plan?.planHash ?? null,
          planGraphNodes: result.graph?.nodes.length ?? null,
          rollup: r ?? null,
          traceEvents: result.trace?.events.length ?? null,
          issues: issuesJson(located),
          files,
        })}\n`,
      );
    } else {
      for (const line of renderDemo(result, paint)) io.stdout.write(`${line}\n`);
      if (!result.ok) printIssues(located, io);
      for (const file of files) io.stdout.write(`wrote ${oneLine(file)}\n`);
    }
    return result.ok ? EXIT.ok : EXIT.invalid;
  },
};
