import type { SourceLocation, ValidationIssue } from "@graphenix/contracts";
import { PLAIN, type Paint } from "./color.js";
import type { ExitCode } from "./exit-codes.js";

/**
 * A failure the CLI reports on stderr with an exit code, never a stack trace: one line, or one
 * line per issue when given several (each is made one line when printed, whatever it quotes).
 */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
  readonly lines: readonly string[];
  constructor(
    message: string | readonly string[],
    readonly exitCode: ExitCode,
  ) {
    const lines = typeof message === "string" ? [message] : message;
    super(lines.join("\n"));
    this.lines = lines;
  }
}

// Messages quote user strings, but a line on a terminal must never carry raw control characters.
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * One issue as one line: `file:line:col: code: message (at pointer)`, the form compilers use, so
 * editors and CI annotations pick up the position. The position is the issue's own (parse errors)
 * or where its pointer is in the source; `(at pointer)` is left out when the pointer names the
 * whole document. A warning says so: `file:line:col: warning: code: message`. Without a position:
 * `file: code: message`.
 */
export function formatIssue(source: string, issue: ValidationIssue, located?: SourceLocation, paint: Paint = PLAIN): string {
  const at = issue.location ?? located;
  const where = oneLine(at ? `${source}:${at.line}:${at.column}` : source);
  const warning = issue.severity === "warning";
  const code = warning ? paint.yellow(`warning: ${issue.code}`) : paint.red(issue.code);
  const pointer = issue.pointer === "" ? "" : paint.dim(oneLine(` (at ${issue.pointer})`));
  return `${paint.bold(where)}: ${code}: ${oneLine(issue.message)}${pointer}`;
}

/** An I/O error as `CODE: what it means` (Node's message without the path, which the line names already). */
export function describeIoError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const meaning = typeof message === "string" ? (/^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message) : String(error);
  return code ? `${code}: ${meaning}` : meaning;
}
