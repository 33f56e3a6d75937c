import type { ValidationIssue } from "@graphenix/contracts";
import type { ExitCode } from "./exit-codes.js";

/** A failure the CLI reports as one line on stderr and an exit code, never a stack trace. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

// Messages quote user strings, but a line on a terminal must never carry raw control characters.
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `file:line:col: code: message` (line and column only when the issue has a location). */
export function formatIssue(source: string, issue: ValidationIssue): string {
  const where = issue.location ? `${source}:${issue.location.line}:${issue.location.column}` : source;
  const pointer = issue.location || issue.pointer === "" ? "" : ` at ${issue.pointer}`;
  return oneLine(`${where}: ${issue.code}: ${issue.message}${pointer}`);
}
