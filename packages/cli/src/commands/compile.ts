import type { JsonParseLimits } from "@graphenix/core";
import { compileExecutablePlan, CompileOptionsError } from "@graphenix/plan-compiler";
import type { Command } from "../command.js";
import { CliFailure } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { printDocumentIssues } from "../print-issues.js";

async function writeOutput(path: string, text: string): Promise<void> {
  const { writeFile } = await import("node:fs/promises");
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliFailure(`${path}: io-unwritable: ${(error as Error).message}`, EXIT.usage);
  }
}

export const compileCommand: Command = {
  name: "compile",
  summary: "compile an authoring graph and a runtime object into an executable plan",
  args: "<authoring>",
  options: {
    runtime: { type: "string", valueName: "file", description: "the GraphRuntimeObject (required)" },
    format: { type: "string", valueName: "v2|v1", description: "plan format (default v2)" },
    now: { type: "string", valueName: "ISO", description: "the plan's createdAt (default: the current time, UTC)" },
    "plan-id": { type: "string", valueName: "id", description: "the plan id (default: derived from the plan's content)" },
    output: { type: "string", short: "o", valueName: "file", description: "write the plan to this file instead of standard output" },
    ...LIMIT_OPTIONS,
  },
  examples: [
    "graphenix compile examples/content-pipeline.authoring.json --runtime examples/content-pipeline.runtime.json --now 2026-06-06T12:00:00Z",
    "graphenix compile graph.json --runtime runtime.json --format v1 -o plan.v1.json",
  ],
  async run([file], values, io) {
    if (typeof values.runtime !== "string") throw new CliFailure("graphenix compile: --runtime <file> is required (see 'graphenix compile --help')", EXIT.usage);
    const limits: JsonParseLimits = limitsFrom(values);
    const authoringGraph = await readJsonInput(file as string, io, limits);
    const runtime = await readJsonInput(values.runtime, io, limits);
    let result: ReturnType<typeof compileExecutablePlan>;
    try {
      result = compileExecutablePlan(authoringGraph.value, runtime.value, {
        // The CLI is where the clock is read: the compiler itself never reads one.
        now: typeof values.now === "string" ? values.now : new Date().toISOString(),
        ...(typeof values.format === "string" && { format: values.format as "v1" | "v2" }),
        ...(typeof values["plan-id"] === "string" && { planId: values["plan-id"] }),
      });
    } catch (error) {
      if (error instanceof CompileOptionsError) throw new CliFailure(`graphenix compile: ${error.message}`, EXIT.usage);
      throw error;
    }
    if (!result.ok) {
      printDocumentIssues(result.issues, { authoringGraph, runtime }, io);
      io.stdout.write(`${authoringGraph.source}: compile failed (${result.issues.length} issue${result.issues.length === 1 ? "" : "s"})\n`);
      return EXIT.invalid;
    }
    const text = `${JSON.stringify(result.plan, null, 2)}\n`;
    if (typeof values.output === "string") await writeOutput(values.output, text);
    else io.stdout.write(text);
    return EXIT.ok;
  },
};
