import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compilePlan } from "@graphenix/plan-graph";
import type { Command } from "../command.js";
import { CliFailure } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { printDocumentIssues } from "../print-issues.js";

export const expandCommand: Command = {
  name: "expand",
  summary: "expand a scenario plan over a lab inventory into expanded_graph.json and expansion_manifest.json",
  args: "<scenario>",
  options: {
    inventory: { type: "string", valueName: "file", description: "the lab inventory snapshot (required)" },
    "out-dir": { type: "string", valueName: "dir", description: "where to write the two files (default: the current directory)" },
    "max-nodes": { type: "string", valueName: "N", description: "most nodes the expansion may make (default 100)" },
    ...LIMIT_OPTIONS,
  },
  examples: ["graphenix expand examples/matrix-scenario.json --inventory examples/lab-inventory.json --out-dir runs/run-1/plan"],
  async run([file], values, io) {
    if (typeof values.inventory !== "string") throw new CliFailure("graphenix expand: --inventory <file> is required (see 'graphenix expand --help')", EXIT.usage);
    const rawMax = values["max-nodes"];
    const maxNodes = rawMax === undefined ? undefined : Number(rawMax);
    if (maxNodes !== undefined && (!Number.isSafeInteger(maxNodes) || maxNodes < 1)) throw new CliFailure(`--max-nodes takes a positive whole number, not "${String(rawMax)}"`, EXIT.usage);
    const limits = limitsFrom(values);
    const scenario = await readJsonInput(file as string, io, limits);
    const inventory = await readJsonInput(values.inventory, io, limits);
    const result = compilePlan(scenario.value, inventory.value, maxNodes === undefined ? {} : { max_nodes: maxNodes });
    if (!result.ok) {
      printDocumentIssues(result.issues, { scenario, inventory }, io);
      io.stdout.write(`${scenario.source}: expansion failed (${result.issues.length} issue${result.issues.length === 1 ? "" : "s"})\n`);
      return EXIT.invalid;
    }
    const dir = typeof values["out-dir"] === "string" ? values["out-dir"] : ".";
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, "expanded_graph.json"), `${JSON.stringify(result.graph, null, 2)}\n`);
      await writeFile(join(dir, "expansion_manifest.json"), `${JSON.stringify(result.manifest, null, 2)}\n`);
    } catch (error) {
      throw new CliFailure(`${dir}: io-unwritable: ${(error as Error).message}`, EXIT.usage);
    }
    io.stdout.write(`${join(dir, "expanded_graph.json")}: ${result.graph.nodes.length} node${result.graph.nodes.length === 1 ? "" : "s"} (${result.graph.plan_type})\n${join(dir, "expansion_manifest.json")}\n`);
    return EXIT.ok;
  },
};
