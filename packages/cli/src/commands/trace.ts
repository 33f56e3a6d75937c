import { bindTraceToPlan } from "@graphenix/trace-format";
import type { Command } from "../command.js";
import { CliFailure } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { printDocumentIssues } from "../print-issues.js";

export const traceCommand: Command = {
  name: "trace",
  summary: "trace check: validate an execution trace and bind it to the plan it ran",
  args: "check <trace>",
  options: {
    plan: { type: "string", valueName: "file", description: "the graphenix.executable-plan/v2 the trace claims to have run (required)" },
    ...LIMIT_OPTIONS,
  },
  examples: ["graphenix trace check runs/job-001/trace.json --plan plans/content-pipeline.plan.json"],
  async run([sub, file], values, io) {
    if (sub !== "check") throw new CliFailure(`graphenix trace: unknown subcommand "${String(sub)}"; use 'graphenix trace check <trace> --plan <plan>'`, EXIT.usage);
    if (typeof values.plan !== "string") throw new CliFailure("graphenix trace check: --plan <file> is required (see 'graphenix trace --help')", EXIT.usage);
    const limits = limitsFrom(values);
    const trace = await readJsonInput(file as string, io, limits);
    const plan = await readJsonInput(values.plan, io, limits);
    const result = bindTraceToPlan(trace.value, plan.value);
    printDocumentIssues(result.issues, { trace, plan }, io);
    const errors = result.issues.filter((i) => i.severity === "error").length;
    io.stdout.write(result.valid ? `${trace.source}: bound to ${plan.source}${result.issues.length ? ` (${result.issues.length} warning${result.issues.length === 1 ? "" : "s"})` : ""}\n` : `${trace.source}: does not bind to ${plan.source} (${errors} issue${errors === 1 ? "" : "s"})\n`);
    return result.valid ? EXIT.ok : EXIT.invalid;
  },
};
