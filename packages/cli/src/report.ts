import type { SourceLocation, ValidationIssue } from "@graphenix/contracts";
import { locatePointer, makeIssue, truncatedCount } from "@graphenix/core";
import { paintFor } from "./color.js";
import { formatIssue } from "./errors.js";
import type { JsonInput } from "./input.js";
import { colorOf, type CliIo } from "./io.js";

/** An issue placed in the file it concerns: its pointer is local to that file. */
export interface LocatedIssue {
  readonly source: string;
  readonly issue: ValidationIssue;
  readonly location?: SourceLocation;
}

/** Issues of one document, placed at their source positions. */
export function locateIn(input: JsonInput, issues: readonly ValidationIssue[]): LocatedIssue[] {
  return issues.map((issue) => {
    const location = issue.location ?? locatePointer(input.text(), issue.pointer);
    return { source: input.source, issue, ...(location && { location }) };
  });
}

/**
 * Issues of a command with several inputs, whose paths start with the name of the input they
 * concern (`authoringGraph`, `runtime`, `trace`, `plan`, …): each is placed in that input's file,
 * with the rest of its path as its pointer.
 */
export function locateAcross(issues: readonly ValidationIssue[], inputs: Readonly<Record<string, JsonInput>>): LocatedIssue[] {
  return issues.map((issue) => {
    const [document, ...rest] = issue.path;
    const input = typeof document === "string" && Object.prototype.hasOwnProperty.call(inputs, document) ? inputs[document] : undefined;
    if (!input) return { source: String(document ?? "input"), issue };
    const local = makeIssue(issue.code as Parameters<typeof makeIssue>[0], issue.message, rest, { severity: issue.severity });
    return locateIn(input, [local])[0] as LocatedIssue;
  });
}

/**
 * One line per issue: on standard output when they are the command's result (`validate`), on
 * standard error when its output is data (`compile`, `graph`: docs/cli.md).
 */
export function printIssues(located: readonly LocatedIssue[], io: CliIo, stream: CliIo["stdout"] = io.stdout): void {
  // Colour is decided by standard output; standard error is always plain (docs/cli.md).
  const paint = paintFor(stream === io.stdout && colorOf(io));
  for (const { source, issue, location } of located) stream.write(`${formatIssue(source, issue, location, paint)}\n`);
}

/** The `--json` form of issues: each with the file it concerns and its source position. */
export function issuesJson(located: readonly LocatedIssue[]): object[] {
  return located.map(({ source, issue, location }) => ({ source, ...issue, ...(location && { location }) }));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * How many issues were found, for a summary line: "3 issues", or past `--max-issues` "250 issues,
 * 50 not shown" (`word`: "warning" for a result with warnings only). The `issues-truncated` line
 * is not itself an issue of the document; it stands for the issues it says were left out.
 */
export function issueCount(issues: readonly ValidationIssue[], word = "issue"): string {
  let shown = 0;
  let leftOut = 0;
  for (const issue of issues) {
    if (issue.code === "issues-truncated") leftOut += truncatedCount(issue);
    else shown++;
  }
  return leftOut === 0 ? plural(shown, word) : `${plural(shown + leftOut, word)}, ${leftOut} not shown`;
}
