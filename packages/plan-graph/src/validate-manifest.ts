import type { ExpansionManifest, ValidationResult } from "@graphenix/contracts";
import { IssueCollector, resolveLimits, validationResult, type ValidationOptions } from "@graphenix/core";
import { validateExpansionManifestSchema } from "./generated/schema-validators.js";
import { schemaCheck } from "./schema-check.js";

/**
 * Validates an expansion manifest (`plan/expansion_manifest.json`, what `compilePlan` writes beside
 * the plan graph): the document scan (limits, credentials, values JSON cannot carry) and the
 * schema. Never throws for user data.
 */
export function validateExpansionManifest(document: unknown, options?: ValidationOptions): ValidationResult<ExpansionManifest> {
  const issues = new IssueCollector(resolveLimits(options).maxIssues);
  schemaCheck(document, validateExpansionManifestSchema, issues, [], options);
  return validationResult<ExpansionManifest>(document, issues);
}
