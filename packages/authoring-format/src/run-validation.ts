import type { ValidationResult } from "@graphenix/contracts";
import {
  checkFormat,
  IssueCollector,
  resolveLimits,
  scanDocument,
  schemaIssues,
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
  readonly rules: readonly Rule[];
}

function nodeCount(document: Obj): number {
  const nodes = document.nodes;
  return nodes !== null && typeof nodes === "object" ? Object.keys(nodes).length : 0;
}

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
  const issues = new IssueCollector(limits.maxIssues);
  let graph: GraphView | undefined;
  const scanned = options?.scan === false || scanDocument(document, limits, { credentials: true }, issues);
  if (checkFormat(document, spec.formats, issues) && scanned) {
    const obj = document as Obj;
    const count = nodeCount(obj);
    if (count > limits.maxNodes) {
      issues.add("graph-node-limit", `the graph has ${count} nodes, more than the maxNodes limit of ${limits.maxNodes}`, ["nodes"]);
    } else {
      if (!spec.schema(document)) for (const issue of schemaIssues(spec.schema.errors, document)) issues.push(issue);
      graph = graphView(obj);
      for (const rule of spec.rules) rule({ graph, issues, limits });
    }
  }
  return { result: toResult<T>(document, issues), graph, limits };
}

export const toResult = validationResult;
