import type { ExpansionManifest, ValidationResult } from "@graphenix/contracts";
import { IssueCollector, resolveLimits, scanDocument, schemaIssues, validationResult, type ValidationOptions } from "@graphenix/core";
import { validateExpansionManifestSchema } from "./generated/schema-validators.js";

/**
 * Validates an expansion manifest (`plan/expansion_manifest.json`, what `compilePlan` writes beside
 * the plan graph): the document scan (limits, credentials, values JSON cannot carry) and the
 * schema. Never throws for user data.
 */
export function validateExpansionManifest(document: unknown, options?: ValidationOptions): ValidationResult<ExpansionManifest> {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  if (scanDocument(document, limits, { credentials: true }, issues) && !validateExpansionManifestSchema(document)) {
    for (const issue of schemaIssues(validateExpansionManifestSchema.errors, document)) issues.push(issue);
  }
  return validationResult<ExpansionManifest>(document, issues);
}
