import type { ValidationResult } from "@graphenix/contracts";
import {
  checkFormat,
  formatOf,
  formatReadable,
  IssueCollector,
  quickAccept,
  type QuickAccept,
  readGuarded,
  type QuickAcceptTrust,
  resolveLimits,
  scanDocument,
  schemaIssues,
  type ScanOptions,
  type SchemaValidator,
  type ValidationLimits,
  type ValidationOptions,
  validationResult,
} from "@graphenix/core";
import { graphView, type GraphView } from "./graph-view.js";
import type { Obj } from "@graphenix/core";
import type { Rule } from "./rules/context.js";

export interface GraphValidation {
  /** The format strings this validator reads. */
  readonly formats: readonly string[];
  readonly schema: SchemaValidator;
  /** The generated quick accept of the same schema (docs/quick-accept.md) and what it trusts. */
  readonly accept: QuickAccept;
  readonly trust: QuickAcceptTrust;
  readonly rules: readonly Rule[];
}

/**
 * The member names of `nodes`, whatever their values: the node-count limit is on these (also
 * when `nodes` is an array, which the schema reports: a huge one still stops at the limit).
 */
function nodeIds(document: Obj): string[] {
  const nodes = document.nodes;
  return nodes !== null && typeof nodes === "object" ? Object.keys(nodes) : [];
}

const SCAN: ScanOptions = { credentials: true };

/**
 * The pipeline every graph validator runs, in one pass: format gate → limits and credential scan
 * → node-count limit → schema → every semantic rule (rules read defensively, so they also run
 * when the schema failed and the report is complete). Stops early only when a limit or the
 * format makes further checks meaningless.
 */
export function validateGraph<T>(
  document: unknown,
  spec: GraphValidation,
  options: ValidationOptions | undefined,
): { result: ValidationResult<T>; graph: GraphView | undefined; limits: ValidationLimits } {
  const limits = resolveLimits(options);
  // A document whose getters answer differently from one read to the next is not JSON data.
  return readGuarded([[[], document]], () => validateOnce<T>(document, spec, options, limits), (issue) => ({ result: { valid: false, issues: [issue] }, graph: undefined, limits }));
}

function validateOnce<T>(
  document: unknown,
  spec: GraphValidation,
  options: ValidationOptions | undefined,
  limits: ValidationLimits,
): { result: ValidationResult<T>; graph: GraphView | undefined; limits: ValidationLimits } {
  const issues = new IssueCollector(limits.maxIssues);
  let graph: GraphView | undefined;
  // A clean, schema-valid document is recognised in one walk (docs/quick-accept.md); for any other
  // the scan and the schema validator run and report what they find.
  // Only for a document of this format: the format gate decides first what else is read.
  const quick = spec.formats.includes(formatOf(document) as string) && quickAccept(spec.accept, document, limits, SCAN, spec.trust);
  const scanRan = !quick && options?.scan !== false;
  const scanned = !scanRan || scanDocument(document, limits, SCAN, issues);
  // A document whose format cannot be read was reported by the scan already: once is enough.
  const gated = scanRan && !formatReadable(document) ? false : checkFormat(document, spec.formats, issues);
  if (gated && scanned) {
    const obj = document as Obj;
    const keys = nodeIds(obj);
    if (keys.length > limits.maxNodes) {
      issues.add("graph-node-limit", `the graph has ${keys.length} nodes, more than the maxNodes limit of ${limits.maxNodes}`, ["nodes"]);
    } else {
      if (!quick && !spec.schema(document)) for (const issue of schemaIssues(spec.schema.errors, document)) issues.push(issue);
      graph = graphView(obj, keys);
      for (const rule of spec.rules) rule({ graph, issues, limits });
    }
  }
  return { result: toResult<T>(document, issues), graph, limits };
}

export const toResult = validationResult;
