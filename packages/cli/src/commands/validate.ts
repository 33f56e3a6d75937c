import { colorOf } from "../io.js";
import { makeIssue, own } from "@graphenix/core";
import type { ValidationIssue } from "@graphenix/contracts";
import { paintFor } from "../color.js";
import type { Command } from "../command.js";
import { CliFailure, oneLine } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { detectKind, DOCUMENT_KINDS, type DocumentKind } from "../formats.js";
import { readJsonInput } from "../input.js";
import { DOCUMENT_LIMIT_OPTIONS, documentLimitsFrom, JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { issueCount, issuesJson, locateIn, printIssues } from "../report.js";

const KIND_NAMES = DOCUMENT_KINDS.map((k) => k.name).join(", ");
const KNOWN_FORMATS = DOCUMENT_KINDS.flatMap((k) => k.formats);

/** The kind `--format` names, or a usage error. */
export function forcedKind(command: string, forced: string): DocumentKind {
  const kind = DOCUMENT_KINDS.find((k) => k.name === forced);
  if (!kind) throw new CliFailure(`graphenix ${command}: --format must be one of ${KIND_NAMES}, not "${forced}"`, EXIT.usage);
  return kind;
}

/** The kind to validate a document as: forced, or detected; else the issue saying why not. */
export function chooseKind(command: string, forced: unknown, document: unknown): DocumentKind | ValidationIssue {
  if (typeof forced === "string") return forcedKind(command, forced);
  const detected = detectKind(document);
  if (detected) return detected;
  const known = KNOWN_FORMATS.map((f) => JSON.stringify(f)).join(", ");
  const isObject = document !== null && typeof document === "object" && !Array.isArray(document);
  // Not an object at all (an array, a string, …): not a document with a member missing.
  if (!isObject) return makeIssue("schema-type", `expected a JSON object with a "format" member, got ${Array.isArray(document) ? "an array" : document === null ? "null" : `a ${typeof document}`}; known formats: ${known}`, []);
  const format = own(document, "format");
  return format === undefined
    ? makeIssue("format-missing", `the document has no "format" member; known formats: ${known} (use --format for documents without one, e.g. runtime-object)`, ["format"])
    : makeIssue("format-unsupported", `format ${JSON.stringify(format)} is not one graphenix reads; known formats: ${known}`, ["format"]);
}

export const validateCommand: Command = {
  name: "validate",
  summary: "validate a Graphenix document (the kind is read from its format member)",
  args: "<file|->",
  options: {
    format: { type: "string", valueName: "kind", description: `validate as this kind: ${KIND_NAMES}` },
    ...JSON_OPTION,
    ...LIMIT_OPTIONS,
    ...DOCUMENT_LIMIT_OPTIONS,
  },
  examples: ["graphenix validate examples/content-pipeline.authoring.json", "graphenix validate --format runtime-object examples/content-pipeline.runtime.json", "graphenix validate --json - < plan.json"],
  async run([file], values, io) {
    const limits = documentLimitsFrom(values);
    if (typeof values.format === "string") forcedKind("validate", values.format); // before reading anything
    const input = await readJsonInput(file as string, io, limitsFrom(values));
    const chosen = chooseKind("validate", values.format, input.value);
    const kind = "validate" in chosen ? chosen : undefined;
    const issues = kind ? kind.validate(input.value, limits).issues : [chosen as ValidationIssue];
    const valid = kind !== undefined && !issues.some((i) => i.severity === "error");
    const located = locateIn(input, issues);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ source: input.source, kind: kind?.name ?? null, valid, issues: issuesJson(located) })}\n`);
    } else {
      printIssues(located, io);
      const declared = (input.value as { format?: unknown } | null)?.format;
      const what = kind ? (typeof declared === "string" && kind.formats.includes(declared) ? declared : kind.name) : "document";
      const paint = paintFor(colorOf(io));
      io.stdout.write(valid ? `${oneLine(input.source)}: ${paint.green("valid")} ${oneLine(what)}\n` : `${oneLine(input.source)}: ${paint.red("invalid")} ${what} (${issueCount(issues)})\n`);
    }
    return valid ? EXIT.ok : EXIT.invalid;
  },
};
