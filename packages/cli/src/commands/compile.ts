import { checkCompileOptions, compileExecutablePlan, CompileOptionsError, type CompileOptions } from "@graphenix/plan-compiler";
import type { Command } from "../command.js";
import { CliFailure, oneLine } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInputs } from "../input.js";
import { DOCUMENT_LIMIT_OPTIONS, documentLimitsFrom, JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { writeOutputFile } from "../output.js";
import { issueCount, issuesJson, locateAcross, printIssues } from "../report.js";

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
    ...JSON_OPTION,
    ...LIMIT_OPTIONS,
    ...DOCUMENT_LIMIT_OPTIONS,
  },
  examples: [
    "graphenix compile examples/content-pipeline.authoring.json --runtime examples/content-pipeline.runtime.json --now 2026-06-06T12:00:00Z",
    "graphenix compile graph.json --runtime runtime.json --format v1 -o plan.v1.json",
  ],
  async run([file], values, io) {
    if (typeof values.runtime !== "string") throw new CliFailure("graphenix compile: --runtime <file> is required (see 'graphenix compile --help')", EXIT.usage);
    const options: CompileOptions = {
      // The CLI is where the clock is read: the compiler itself never reads one.
      now: typeof values.now === "string" ? values.now : new Date().toISOString(),
      ...(typeof values.format === "string" && { format: values.format as "v1" | "v2" }),
      ...(typeof values["plan-id"] === "string" && { planId: values["plan-id"] }),
      ...documentLimitsFrom(values),
    };
    // Misused options are usage errors, decided before any input is read.
    compilerOptionCheck(() => checkCompileOptions(options));
    const inputs = await readJsonInputs("compile", { authoringGraph: file as string, runtime: values.runtime }, io, limitsFrom(values));
    const result = compilerOptionCheck(() => compileExecutablePlan(inputs.authoringGraph.value, inputs.runtime.value, options));
    const source = inputs.authoringGraph.source;
    const located = result.ok ? [] : locateAcross(result.issues, inputs);
    if (result.ok && typeof values.output === "string") await writeOutputFile(values.output, `${JSON.stringify(result.plan, null, 2)}\n`);
    if (values.json) {
      const plan = result.ok && typeof values.output !== "string" ? { plan: result.plan } : {};
      io.stdout.write(`${JSON.stringify({ source, runtime: inputs.runtime.source, valid: result.ok, issues: issuesJson(located), ...(result.ok && typeof values.output === "string" && { output: values.output }), ...plan })}\n`);
    } else if (!result.ok) {
      // Standard output carries the plan: a failure there would be read as one down a pipe.
      printIssues(located, io, io.stderr);
      io.stderr.write(`${oneLine(source)}: compile failed (${issueCount(result.issues)})\n`);
    } else if (typeof values.output !== "string") {
      io.stdout.write(`${JSON.stringify(result.plan, null, 2)}\n`);
    }
    return result.ok ? EXIT.ok : EXIT.invalid;
  },
};

/** The compiler's option names, as the flags that set them. */
const FLAGS: Readonly<Record<string, string>> = { now: "--now", format: "--format", planId: "--plan-id" };

/**
 * A CompileOptionsError in the words of the command line: the flag the user typed for the option
 * it names, and without "(or return)", which is about a function the CLI never passes.
 */
export function optionErrorLine(command: string, error: CompileOptionsError): string {
  const message = error.message.replace(/^options\.(\w+)/, (whole, name: string) => FLAGS[name] ?? whole).replace(" must be (or return) ", " must be ");
  return `graphenix ${command}: ${message} (see 'graphenix ${command} --help')`;
}

/** Runs a compiler call; its CompileOptionsError is a usage error of the command. */
function compilerOptionCheck<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof CompileOptionsError) throw new CliFailure(optionErrorLine("compile", error), EXIT.usage);
    throw error;
  }
}
