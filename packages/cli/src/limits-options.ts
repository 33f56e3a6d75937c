import { DEFAULT_JSON_MAX_BYTES, DEFAULT_JSON_MAX_DEPTH, type JsonParseLimits } from "@graphenix/core";
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
  "max-depth": { type: "string", valueName: "N", description: `deepest nesting accepted (default ${DEFAULT_JSON_MAX_DEPTH})` },
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
