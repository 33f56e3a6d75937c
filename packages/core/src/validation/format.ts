import type { IssueCollector } from "./collector.js";

/**
 * The format gate every format validator runs first: `format` must be one this validator reads.
 * Returns false (after adding the issue) when the document is not of a supported format, so the
 * validator stops: checking a document against another format's rules only produces noise.
 */
export function checkFormat(document: unknown, supported: readonly string[], issues: IssueCollector): boolean {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    issues.add("schema-type", `expected a JSON object with "format": ${supported.map((s) => JSON.stringify(s)).join(" or ")}`);
    return false;
  }
  const format = (document as { format?: unknown }).format;
  if (format === undefined) {
    issues.add("format-missing", `the document has no "format" member; expected ${supported.map((s) => JSON.stringify(s)).join(" or ")}`, ["format"]);
    return false;
  }
  if (typeof format !== "string" || !supported.includes(format)) {
    issues.add("format-unsupported", `format ${JSON.stringify(format)} is not supported here; supported: ${supported.map((s) => JSON.stringify(s)).join(", ")}`, ["format"]);
    return false;
  }
  return true;
}
