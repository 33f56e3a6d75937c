import { join } from "node:path";
import { paintFor } from "../color.js";
import type { Command } from "../command.js";
import { CliFailure } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { JSON_OPTION } from "../limits-options.js";
import { writeOutputFile } from "../output.js";
import { issuesJson, printIssues } from "../report.js";
import { DEMO_EXAMPLES, DEMO_NOW } from "../demo/examples.js";
import { runDemoFlow, type DemoResult } from "../demo/flow.js";
import { progressLine, renderDemo } from "../demo/render.js";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every artifact of the flow, under the names an engine's run folder would use. */
async function writeArtifacts(dir: string, result: DemoResult): Promise<string[]> {
  const files: [string, unknown][] = [
    ["plan.json", result.plan],
    ["trace.json", result.trace],
    ["plan/expanded_graph.json", result.graph],
    ["plan/expansion_manifest.json", result.manifest],
    ["ground_truth.json", result.rows],
  ];
  const written: string[] = [];
  for (const [name, value] of files) {
    if (value === undefined) continue;
    await writeOutputFile(join(dir, name), json(value));
    written.push(join(dir, name));
  }
  return written;
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
    if (Number.isNaN(Date.parse(now))) throw new CliFailure(`graphenix demo: --now takes an ISO date-time, not "${now}"`, EXIT.usage);
    const paint = paintFor(io.color);
    const live = io.interactive === true && !values.json;
    const result = await runDemoFlow({
      now,
      failTargets: (values["fail-target"] as string[] | undefined) ?? [],
      ...(live && { onProgress: (p) => io.stdout.write(`\r${progressLine(p, paint)}\u001b[K`) }),
    });
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
      for (const file of files) io.stdout.write(`wrote ${file}\n`);
    }
    return result.ok ? EXIT.ok : EXIT.invalid;
  },
};
