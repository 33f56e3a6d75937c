import type { JsonValue } from "@graphenix/contracts";
import { DEFAULT_JSON_MAX_BYTES, makeIssue, own, parseJsonBytes, type JsonParseLimits } from "@graphenix/core";
import { CliFailure, describeIoError, formatIssue } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import type { CliIo } from "./io.js";

export interface JsonInput {
  /** How messages name the input: the path, or `<stdin>`. */
  readonly source: string;
  readonly value: JsonValue;
  /** The source text (decoded on demand: only issue positions need it). */
  text(): string;
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES") return "permission denied";
  return describeIoError(error);
}

/** Reads a file (or stdin for `-`) as JSON; any problem becomes a one-line CliFailure. */
export async function readJsonInput(arg: string, io: CliIo, limits: JsonParseLimits): Promise<JsonInput> {
  const source = arg === "-" ? "<stdin>" : arg;
  let bytes: Uint8Array;
  try {
    const maxBytes = (own(limits, "maxBytes") as number | undefined) ?? DEFAULT_JSON_MAX_BYTES;
    bytes = arg === "-" ? await io.readStdin(maxBytes) : await io.readFile(arg, maxBytes);
  } catch (error) {
    throw new CliFailure(formatIssue(source, makeIssue("io-unreadable", describeReadError(error))), EXIT.usage);
  }
  const parsed = parseJsonBytes(bytes, limits);
  if (!parsed.ok) throw new CliFailure(parsed.issues.map((i) => formatIssue(source, i)), EXIT.usage);
  let text: string | undefined;
  return { source, value: parsed.value, text: () => (text ??= Buffer.from(bytes).toString("utf8")) };
}

/**
 * Reads a command's inputs, in order. Standard input can be read once: naming `-` for two
 * inputs is a usage error.
 */
export async function readJsonInputs<K extends string>(command: string, args: Readonly<Record<K, string>>, io: CliIo, limits: JsonParseLimits): Promise<Record<K, JsonInput>> {
  const names = Object.keys(args) as K[];
  const fromStdin = names.filter((name) => args[name] === "-");
  if (fromStdin.length > 1) {
    throw new CliFailure(`graphenix ${command}: standard input (-) can stand for one input only, and ${fromStdin.length} inputs name it (see 'graphenix ${command} --help')`, EXIT.usage);
  }
  const inputs = {} as Record<K, JsonInput>;
  for (const name of names) inputs[name] = await readJsonInput(args[name], io, limits);
  return inputs;
}
