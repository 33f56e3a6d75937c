import type { ValidationIssue } from "@graphenix/contracts";
import { canonicalizeResult, DEFAULT_CANONICAL_MAX_DEPTH, own, type JsonParseLimits } from "@graphenix/core";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { JsonInput } from "./input.js";
import type { CliIo } from "./io.js";
import { issuesJson, locateIn } from "./report.js";
import { formatIssue } from "./errors.js";

/** The canonical text of a value read from an input, or the issues saying why it has none; a raised --max-depth raises the canonicalizer's limit too. */
export function canonicalOf(value: unknown, limits: JsonParseLimits): { ok: true; text: string } | { ok: false; issues: readonly ValidationIssue[] } {
  const maxDepth = Math.max((own(limits, "maxDepth") as number | undefined) ?? 0, DEFAULT_CANONICAL_MAX_DEPTH);
  const result = canonicalizeResult(value, { maxDepth });
  return result.ok ? { ok: true, text: result.value } : { ok: false, issues: result.issues };
}

/**
 * A document a data command (`canon`, `hash`) cannot give a result for: its issues, one line each
 * on standard error (standard output carries only data, so a pipe gets nothing), or with `--json`
 * the command's object with `valid: false`, `issues` and `empty` (its result members, null).
 * Exit code 1: the document was read, and is not what the command needs.
 */
export function reportUnusable(input: JsonInput, issues: readonly ValidationIssue[], io: CliIo, json: boolean, empty: Record<string, null>): ExitCode {
  const located = locateIn(input, issues);
  if (json) io.stdout.write(`${JSON.stringify({ source: input.source, valid: false, ...empty, issues: issuesJson(located) })}\n`);
  else for (const { source, issue, location } of located) io.stderr.write(`${formatIssue(source, issue, location)}\n`);
  return EXIT.invalid;
}
