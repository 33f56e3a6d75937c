import { AUTHORING_GRAPH_FORMAT, type AuthoringGraphDocument, type ValidationResult } from "@graphenix/contracts";
import type { ValidationOptions } from "@graphenix/core";
import { validateAuthoringGraphSchema } from "./generated/schema-validators.js";
import { GRAPH_RULES } from "./rules/index.js";
import { validateGraph } from "./run-validation.js";

/**
 * Validates a `graphenix.authoring-graph/v1` document: schema and every semantic rule
 * (docs/authoring-graph.md). Takes any value; never throws for user data.
 */
export function validateAuthoringGraph(document: unknown, options?: ValidationOptions): ValidationResult<AuthoringGraphDocument> {
  return validateGraph<AuthoringGraphDocument>(document, { formats: [AUTHORING_GRAPH_FORMAT], schema: validateAuthoringGraphSchema, rules: GRAPH_RULES }, options).result;
}
