import { DEFAULT_JSON_MAX_BYTES, DEFAULT_JSON_MAX_DEPTH, DEFAULT_VALIDATION_LIMITS, MAX_VALIDATION_DEPTH, type JsonParseLimits, type ValidationLimits, type ValidationOptions } from "@graphenix/core";
import type { OptionSpec } from "./command.js";
import { CliFailure } from "./errors.js";
import { EXIT } from "./exit-codes.js";

/** `--json`: every command can print its result as one JSON object instead of text. */
export const JSON_OPTION: Record<string, OptionSpec> = {
  json: { type: "boolean", description: "print the result as one JSON object (see docs/cli.md)" },
};

/** `--max-bytes` / `--max-depth`: the reader's limits, shared by every command that reads JSON. */
export const LIMIT_OPTIONS: Record<string, OptionSpec> = {
  "max-bytes": { type: "string", valueName: "N", description: `largest input in bytes (default ${DEFAULT_JSON_MAX_BYTES})` },
  "max-depth": { type: "string", valueName: "N", description: `deepest nesting read (default ${DEFAULT_JSON_MAX_DEPTH})` },
};

/** The document limits (docs/limits.md) of the commands that validate: `--max-depth` sets both the reader's and these. */
export const DOCUMENT_LIMIT_OPTIONS: Record<string, OptionSpec> = {
  "max-depth": { type: "string", valueName: "N", description: `deepest nesting read and validated (default ${DEFAULT_JSON_MAX_DEPTH} to read, ${DEFAULT_VALIDATION_LIMITS.maxDepth} to validate; at most ${MAX_VALIDATION_DEPTH} is validated)` },
  "max-string-length": { type: "string", valueName: "N", description: `longest string or member name, in UTF-16 units (default ${DEFAULT_VALIDATION_LIMITS.maxStringLength})` },
  "max-nodes": { type: "string", valueName: "N", description: `most graph nodes a document may hold (default ${DEFAULT_VALIDATION_LIMITS.maxNodes})` },
  "max-issues": { type: "string", valueName: "N", description: `most issues reported (default ${DEFAULT_VALIDATION_LIMITS.maxIssues})` },
};

function positiveInteger(name: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== "string" || !/^[1-9][0-9]*$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new CliFailure(`--${name} takes a positive whole number, not "${String(raw)}"`, EXIT.usage);
  }
  return n;
}

export function limitsFrom(values: Record<string, unknown>): JsonParseLimits {
  const maxBytes = positiveInteger("max-bytes", values["max-bytes"]);
  const maxDepth = positiveInteger("max-depth", values["max-depth"]);
  return { ...(maxBytes !== undefined && { maxBytes }), ...(maxDepth !== undefined && { maxDepth }) };
}

/**
 * The validators' options from `--max-depth` (capped at MAX_VALIDATION_DEPTH: a deeper document
 * is still reported, as document-depth-limit), `--max-string-length`, `--max-nodes` and
 * `--max-issues`; undefined when none is given, so the library defaults apply.
 */
export function documentLimitsFrom(values: Record<string, unknown>): ValidationOptions | undefined {
  const depth = positiveInteger("max-depth", values["max-depth"]);
  const limits: Partial<Record<keyof ValidationLimits, number>> = {};
  if (depth !== undefined) limits.maxDepth = Math.min(depth, MAX_VALIDATION_DEPTH);
  const named = { maxStringLength: "max-string-length", maxNodes: "max-nodes", maxIssues: "max-issues" } as const;
  for (const [key, flag] of Object.entries(named) as [keyof typeof named, string][]) {
    const n = positiveInteger(flag, values[flag]);
    if (n !== undefined) limits[key] = n;
  }
  return Object.keys(limits).length > 0 ? { limits } : undefined;
}
