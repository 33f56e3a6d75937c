import type { ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "@graphenix/core";
import type { Command } from "../command.js";
import { CliFailure, oneLine } from "../errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { detectKind, DOCUMENT_KINDS, type DocumentKind } from "../formats.js";
import { DIRECTIONS, drawDocument, DRAWABLE_KINDS, PICTURE_LANGUAGES, renderDrawing } from "../graph/draw.js";
import type { Direction } from "../graph/model.js";
import { readJsonInput, type JsonInput } from "../input.js";
import type { CliIo } from "../io.js";
import { DOCUMENT_LIMIT_OPTIONS, documentLimitsFrom, JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";
import { writeOutputFile } from "../output.js";
import { issueCount, issuesJson, locateIn, printIssues } from "../report.js";

const DRAWABLE = DRAWABLE_KINDS.join(", ");

function choice<T extends string>(name: string, raw: unknown, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (typeof raw === "string" && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new CliFailure(`graphenix graph: --${name} must be one of ${allowed.join(", ")}, not "${String(raw)}" (see 'graphenix graph --help')`, EXIT.usage);
}

/** Why a document is not drawn when its kind is unknown or not one graph draws: one coded issue. */
function kindIssue(document: unknown, kind: DocumentKind | undefined): ValidationIssue {
  const isObject = document !== null && typeof document === "object" && !Array.isArray(document);
  const format = isObject ? (document as { format?: unknown }).format : undefined;
  const path = format === undefined ? [] : ["format"];
  if (kind) return makeIssue("format-unsupported", `graphenix graph draws ${DRAWABLE} documents, not ${kind.name} documents`, path);
  if (format === undefined) return makeIssue("format-missing", `the document is not a kind graphenix graph draws (${DRAWABLE}): it has no "format" member, no contract_version "plan_graph_v1" and no plan_id beside steps; use --format to choose one`, path);
  return makeIssue("format-unsupported", `format ${JSON.stringify(format)} is not one graphenix graph draws (${DRAWABLE})`, path);
}

interface Job {
  readonly input: JsonInput;
  readonly kind: DocumentKind | undefined;
  readonly to: string;
  readonly json: boolean;
  readonly output: string | undefined;
}

/** A document that is not drawn: its issues as validate prints them (with a summary when it was validated), or the JSON result. */
function refuse(job: Job, issues: readonly ValidationIssue[], io: CliIo, validated: boolean): ExitCode {
  const { input, kind } = job;
  const located = locateIn(input, issues);
  if (job.json) {
    io.stdout.write(`${JSON.stringify({ source: input.source, kind: kind?.name ?? null, to: job.to, valid: false, issues: issuesJson(located) })}\n`);
    return EXIT.invalid;
  }
  // Standard output carries the picture: a failure there would be drawn down a pipe.
  printIssues(located, io, io.stderr);
  if (validated) {
    const declared = (input.value as { format?: unknown } | null)?.format;
    const what = kind && typeof declared === "string" && kind.formats.includes(declared) ? declared : (kind?.name ?? "document");
    io.stderr.write(`${oneLine(input.source)}: invalid ${what} (${issueCount(issues)})\n`);
  }
  return EXIT.invalid;
}

export const graphCommand: Command = {
  name: "graph",
  summary: "draw an executable plan, a plan graph or an MPLP plan as a Mermaid or Graphviz DOT picture",
  args: "<file|->",
  options: {
    to: { type: "string", valueName: "mermaid|dot", description: "the picture language (default mermaid)" },
    format: { type: "string", valueName: "kind", description: `read the document as this kind: ${DRAWABLE} (default: detected as validate does)` },
    direction: { type: "string", valueName: "TB|LR", description: "lay the picture out top to bottom (default) or left to right" },
    output: { type: "string", short: "o", valueName: "file", description: "write the picture to this file instead of standard output" },
    ...JSON_OPTION,
    ...LIMIT_OPTIONS,
    ...DOCUMENT_LIMIT_OPTIONS,
  },
  examples: [
    "graphenix graph packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json",
    "graphenix graph --to dot packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json | dot -Tsvg > plan.svg",
    "graphenix graph --direction LR packages/contracts/test/schema-fixtures/plan-graph-v1/root/example.json",
    "graphenix graph packages/plan-graph/test/fixtures/mplp/tests/golden/flows/map-flow-02-broadcast-fanout/input/plan.json -o plan.mmd",
  ],
  async run([file], values, io) {
    const to = choice("to", values.to, PICTURE_LANGUAGES, "mermaid");
    const direction = choice<Direction>("direction", values.direction, DIRECTIONS, "TB");
    const forced = values.format === undefined ? undefined : choice("format", values.format, DRAWABLE_KINDS, "executable-plan");
    const input = await readJsonInput(file as string, io, limitsFrom(values));
    const kind = forced === undefined ? detectKind(input.value) : DOCUMENT_KINDS.find((k) => k.name === forced);
    const job: Job = { input, kind, to, json: values.json === true, output: typeof values.output === "string" ? values.output : undefined };
    if (!kind || !DRAWABLE_KINDS.includes(kind.name)) return refuse(job, [kindIssue(input.value, kind)], io, false);
    const limits = documentLimitsFrom(values);
    const result = kind.validate(input.value, limits);
    if (!result.valid || result.issues.some((i) => i.severity === "error")) return refuse(job, result.issues, io, true);
    const drawing = drawDocument(kind.name, result.value, limits);
    if (!drawing) return refuse(job, [kindIssue(input.value, kind)], io, false);
    const text = renderDrawing(drawing, to, direction);
    const located = locateIn(input, result.issues);
    if (job.output !== undefined) await writeOutputFile(job.output, text);
    if (job.json) {
      const body = job.output === undefined ? { text } : { output: job.output };
      io.stdout.write(`${JSON.stringify({ source: input.source, kind: kind.name, to, valid: true, issues: issuesJson(located), ...body })}\n`);
    } else {
      // Warnings do not stop the picture; they go to standard error so the picture stays clean.
      printIssues(located, io, io.stderr);
      if (job.output === undefined) io.stdout.write(text);
    }
    return EXIT.ok;
  },
};
