import { makeIssue, locatePointer } from "@graphenix/core";
import type { ValidationIssue } from "@graphenix/contracts";
import type { Command } from "../command.js";
import { CliFailure, formatIssue } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { detectKind, DOCUMENT_KINDS, type DocumentKind } from "../formats.js";
import { readJsonInput } from "../input.js";
import { LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";

const KIND_NAMES = DOCUMENT_KINDS.map((k) => k.name).join(", ");
const KNOWN_FORMATS = DOCUMENT_KINDS.flatMap((k) => k.formats);

function chooseKind(forced: unknown, document: unknown): DocumentKind | ValidationIssue {
  if (typeof forced === "string") {
    const kind = DOCUMENT_KINDS.find((k) => k.name === forced);
    if (!kind) throw new CliFailure(`graphenix validate: --format must be one of ${KIND_NAMES}, not "${forced}"`, EXIT.usage);
    return kind;
  }
  const detected = detectKind(document);
  if (detected) return detected;
  const format = document !== null && typeof document === "object" ? (document as { format?: unknown }).format : undefined;
  const known = KNOWN_FORMATS.map((f) => JSON.stringify(f)).join(", ");
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
    json: { type: "boolean", description: "print { source, kind, valid, issues } as JSON" },
    ...LIMIT_OPTIONS,
  },
  examples: ["graphenix validate examples/content-pipeline.authoring.json", "graphenix validate --format runtime-object examples/content-pipeline.runtime.json"],
  async run([file], values, io) {
    const input = await readJsonInput(file as string, io, limitsFrom(values));
    const chosen = chooseKind(values.format, input.value);
    const kind = "validate" in chosen ? chosen : undefined;
    const issues = kind ? kind.validate(input.value).issues : [chosen as ValidationIssue];
    const valid = kind !== undefined && !issues.some((i) => i.severity === "error");
    let text: string | undefined;
    const locate = (issue: ValidationIssue) => issue.location ?? locatePointer((text ??= input.text()), issue.pointer);
    if (values.json) {
      const located = issues.map((issue) => ({ ...issue, location: locate(issue) }));
      io.stdout.write(`${JSON.stringify({ source: input.source, kind: kind?.name ?? null, valid, issues: located })}\n`);
    } else {
      for (const issue of issues) io.stdout.write(`${formatIssue(input.source, issue, locate(issue))}\n`);
      const declared = (input.value as { format?: unknown } | null)?.format;
      const what = kind ? (typeof declared === "string" && kind.formats.includes(declared) ? declared : kind.name) : "document";
      io.stdout.write(valid ? `${input.source}: valid ${what}\n` : `${input.source}: invalid ${what} (${issues.length} issue${issues.length === 1 ? "" : "s"})\n`);
    }
    return valid ? EXIT.ok : EXIT.invalid;
  },
};
