import type { IssueCollector } from "./collector.js";
import { own } from "./json-access.js";

/** What {@link readFormat} gives for a document that is not an object (array, null, a primitive). */
const NOT_AN_OBJECT = Symbol("not an object");
/** What {@link readFormat} gives for a document that throws when read (a getter or a Proxy that throws). */
const UNREADABLE = Symbol("unreadable");

/** The document's own `format` member, read once and guarded: the one read every helper below makes. */
function readFormat(document: unknown): unknown {
  try {
    return document !== null && typeof document === "object" && !Array.isArray(document) ? own(document, "format") : NOT_AN_OBJECT;
  } catch {
    return UNREADABLE;
  }
}

/**
 * The format gate every format validator runs first: `format` must be one this validator reads.
 * Returns false (after adding the issue) when the document is not of a supported format, so the
 * validator stops: checking a document against another format's rules only produces noise.
 */
export function checkFormat(document: unknown, supported: readonly string[], issues: IssueCollector): boolean {
  const format = readFormat(document);
  if (format === NOT_AN_OBJECT) {
    issues.add("schema-type", `expected a JSON object with "format": ${supported.map((s) => JSON.stringify(s)).join(" or ")}`);
    return false;
  }
  if (format === UNREADABLE) {
    issues.add("document-non-json", "reading the document threw (a getter or a Proxy that throws): it is not plain JSON data");
    return false;
  }
  if (format === undefined) {
    issues.add("format-missing", `the document has no "format" member; expected ${supported.map((s) => JSON.stringify(s)).join(" or ")}`, ["format"]);
    return false;
  }
  if (typeof format !== "string" || !supported.includes(format)) {
    issues.add("format-unsupported", `format ${String(showJson(format))} is not supported here; supported: ${supported.map((s) => JSON.stringify(s)).join(", ")}`, ["format"]);
    return false;
  }
  return true;
}

/**
 * The document's `format` member, or undefined when the document is not an object or reading it
 * throws: for choosing a validator before any issue is reported.
 */
export function formatOf(document: unknown): unknown {
  const format = readFormat(document);
  return format === NOT_AN_OBJECT || format === UNREADABLE ? undefined : format;
}

/** Whether the format gate can read the document (reading it does not throw). */
export function formatReadable(document: unknown): boolean {
  return readFormat(document) !== UNREADABLE;
}

/**
 * A value as JSON text for a message (undefined where JSON.stringify gives nothing), or words
 * saying so for a value that throws when read: a message never makes a validator throw.
 */
export function showJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value) as string | undefined;
  } catch {
    return "(a value that throws when read)";
  }
}
