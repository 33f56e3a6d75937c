import type { ValidationIssue } from "@graphenix/contracts";
import { locatePointer, makeIssue } from "@graphenix/core";
import { formatIssue } from "./errors.js";
import type { JsonInput } from "./input.js";
import type { CliIo } from "./io.js";

/**
 * Prints issues whose path starts with the name of the input they concern (`authoringGraph`,
 * `runtime`, `scenario`, …) against that input's file and source position.
 */
export function printDocumentIssues(issues: readonly ValidationIssue[], inputs: Record<string, JsonInput>, io: CliIo): void {
  for (const issue of issues) {
    const [document, ...rest] = issue.path;
    const input = typeof document === "string" && Object.prototype.hasOwnProperty.call(inputs, document) ? inputs[document] : undefined;
    if (!input) {
      io.stdout.write(`${formatIssue(String(document ?? "input"), issue)}\n`);
      continue;
    }
    const local = makeIssue(issue.code as Parameters<typeof makeIssue>[0], issue.message, rest, { severity: issue.severity });
    io.stdout.write(`${formatIssue(input.source, local, locatePointer(input.text(), local.pointer))}\n`);
  }
}
