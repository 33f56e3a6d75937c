import type { SourceLocation, ValidationIssue } from "@graphenix/contracts";
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

/**
 * One issue as one line: `file:line:col: pointer: code: message`. The position is the issue's
 * own (parse errors) or where its pointer is in the source; the pointer is left out when it names
 * the whole document. Without a position: `file: pointer: code: message`.
 */
export function formatIssue(source: string, issue: ValidationIssue, located?: SourceLocation): string {
  const at = issue.location ?? located;
  const where = at ? `${source}:${at.line}:${at.column}` : source;
  const pointer = issue.pointer === "" ? "" : `${issue.pointer}: `;
  return oneLine(`${where}: ${pointer}${issue.code}: ${issue.message}`);
}
