import { colorOf } from "../io.js";
import { bindTraceToPlan } from "@graphenix/trace-format";
import { paintFor } from "../color.js";
import type { Command } from "../command.js";
import { CliFailure, oneLine } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInputs } from "../input.js";
import { DOCUMENT_LIMIT_OPTIONS, documentLimitsFrom, JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { issueCount, issuesJson, locateAcross, printIssues } from "../report.js";

export const traceCommand: Command = {
  name: "trace",
  summary: "trace check: validate an execution trace and bind it to the plan it ran",
  args: "check <trace>",
  options: {
    plan: { type: "string", valueName: "file", description: "the graphenix.executable-plan/v2 the trace claims to have run (required)" },
    ...JSON_OPTION,
    ...LIMIT_OPTIONS,
    ...DOCUMENT_LIMIT_OPTIONS,
  },
  examples: [
    "graphenix trace check packages/trace-format/test/fixtures/content-pipeline-partial/trace.json --plan packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json",
    "graphenix trace check - --plan plan.json --json < trace.json",
  ],
  async run([sub, file], values, io) {
    if (sub !== "check") throw new CliFailure(`graphenix trace: unknown subcommand "${String(sub)}"; use 'graphenix trace check <trace> --plan <plan>'`, EXIT.usage);
    if (typeof values.plan !== "string") throw new CliFailure("graphenix trace check: --plan <file> is required (see 'graphenix trace --help')", EXIT.usage);
    const { trace, plan } = await readJsonInputs("trace", { trace: file as string, plan: values.plan }, io, limitsFrom(values));
    const result = bindTraceToPlan(trace.value, plan.value, documentLimitsFrom(values));
    const located = locateAcross(result.issues, { trace, plan });
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ trace: trace.source, plan: plan.source, valid: result.valid, issues: issuesJson(located) })}\n`);
      return result.valid ? EXIT.ok : EXIT.invalid;
    }
    printIssues(located, io);
    const paint = paintFor(colorOf(io));
    io.stdout.write(
      result.valid
        ? `${oneLine(trace.source)}: ${paint.green("bound")} to ${oneLine(plan.source)}${result.issues.length > 0 ? ` (${issueCount(result.issues, "warning")})` : ""}\n`
        : `${oneLine(trace.source)}: ${paint.red("does not bind")} to ${oneLine(plan.source)} (${issueCount(result.issues)})\n`,
    );
    return result.valid ? EXIT.ok : EXIT.invalid;
  },
};
