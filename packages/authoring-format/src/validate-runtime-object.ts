import type { GraphRuntimeObject, ValidationResult } from "@graphenix/contracts";
import { IssueCollector, resolveLimits, scanDocument, schemaIssues, type ValidationOptions } from "@graphenix/core";
import { validateRuntimeObjectSchema } from "./generated/schema-validators.js";
import { toResult } from "./run-validation.js";

/**
 * Validates a `GraphRuntimeObject` (it has no `format` member). Whether its model cases exist in
 * a graph is checked when it is compiled with that graph.
 */
export function validateRuntimeObject(document: unknown, options?: ValidationOptions): ValidationResult<GraphRuntimeObject> {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  if (scanDocument(document, limits, { credentials: true }, issues) && !validateRuntimeObjectSchema(document)) {
    for (const issue of schemaIssues(validateRuntimeObjectSchema.errors, document)) issues.push(issue);
  }
  return toResult<GraphRuntimeObject>(document, issues);
}
