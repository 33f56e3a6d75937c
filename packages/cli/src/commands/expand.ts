import { colorOf } from "../io.js";
import { join } from "node:path";
import { DEFAULT_JSON_MAX_DEPTH, MAX_VALIDATION_DEPTH, own } from "@graphenix/core";
import { compilePlan, MAX_NODES_CEILING } from "@graphenix/plan-graph";
import { paintFor } from "../color.js";
import type { Command } from "../command.js";
import { CliFailure, oneLine } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInputs } from "../input.js";
import { JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { writeOutputFiles } from "../output.js";
import { issueCount, issuesJson, locateAcross, plural, printIssues } from "../report.js";

export const expandCommand: Command = {
  name: "expand",
  summary: "expand a scenario plan over a lab inventory into expanded_graph.json and expansion_manifest.json",
  args: "<scenario>",
  options: {
    inventory: { type: "string", valueName: "file", description: "the lab inventory snapshot (required)" },
    "out-dir": { type: "string", valueName: "dir", description: "where to write the two files (default: the current directory)" },
    "max-nodes": { type: "string", valueName: "N", description: "most nodes the expansion may make (default 100)" },
    ...JSON_OPTION,
    ...LIMIT_OPTIONS,
    // The scenario and inventory are validated to this depth too (default 64 there).
    "max-depth": { type: "string", valueName: "N", description: `deepest nesting read and validated (default ${DEFAULT_JSON_MAX_DEPTH} to read, 64 to validate; at most ${MAX_VALIDATION_DEPTH} is validated)` },
  },
  examples: ["graphenix expand examples/matrix-scenario.json --inventory examples/lab-inventory.json --out-dir runs/run-1/plan"],
  async run([file], values, io) {
    if (typeof values.inventory !== "string") throw new CliFailure("graphenix expand: --inventory <file> is required (see 'graphenix expand --help')", EXIT.usage);
    const rawMax = values["max-nodes"];
    const maxNodes = rawMax === undefined ? undefined : Number(rawMax);
    if (maxNodes !== undefined && (!/^[1-9][0-9]*$/.test(String(rawMax)) || maxNodes > MAX_NODES_CEILING)) throw new CliFailure(`graphenix expand: --max-nodes takes a whole number from 1 to ${MAX_NODES_CEILING}, not "${String(rawMax)}" (see 'graphenix expand --help')`, EXIT.usage);
    const readLimits = limitsFrom(values);
    const inputs = await readJsonInputs("expand", { scenario: file as string, inventory: values.inventory }, io, readLimits);
    const result = compilePlan(inputs.scenario.value, inputs.inventory.value, {
      ...(maxNodes !== undefined && { max_nodes: maxNodes }),
      ...(own(readLimits, "maxDepth") !== undefined && { limits: { maxDepth: Math.min(own(readLimits, "maxDepth") as number, MAX_VALIDATION_DEPTH) } }),
    });
    const source = inputs.scenario.source;
    if (!result.ok) {
      const located = locateAcross(result.issues, inputs);
      if (values.json) io.stdout.write(`${JSON.stringify({ source, inventory: inputs.inventory.source, valid: false, issues: issuesJson(located) })}\n`);
      else {
        printIssues(located, io);
        io.stdout.write(`${oneLine(source)}: ${paintFor(colorOf(io)).red("expansion failed")} (${issueCount(result.issues)})\n`);
      }
      return EXIT.invalid;
    }
    const dir = typeof values["out-dir"] === "string" ? values["out-dir"] : ".";
    const graphFile = join(dir, "expanded_graph.json");
    const manifestFile = join(dir, "expansion_manifest.json");
    await writeOutputFiles([
      [graphFile, `${JSON.stringify(result.graph, null, 2)}\n`],
      [manifestFile, `${JSON.stringify(result.manifest, null, 2)}\n`],
    ]);
    const nodes = result.graph.nodes.length;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ source, inventory: inputs.inventory.source, valid: true, issues: [], planType: result.graph.plan_type, nodes, files: [graphFile, manifestFile] })}\n`);
    } else {
      io.stdout.write(`${oneLine(graphFile)}: ${plural(nodes, "node")} (${result.graph.plan_type})\n${oneLine(manifestFile)}\n`);
    }
    return EXIT.ok;
  },
};
