import { AUTHORING_GRAPH_FORMAT, type AuthoringGraphDocument, type ValidationResult } from "@graphenix/contracts";
import type { ValidationOptions } from "@graphenix/core";
import { acceptAuthoringGraph, quickAcceptTrust } from "./generated/quick-accept.js";
import { validateAuthoringGraphSchema } from "./generated/schema-validators.js";
import { GRAPH_RULES } from "./rules/index.js";
import { type GraphValidation, validateGraph } from "./run-validation.js";

/** What validating an authoring graph runs (also the first step of normalizing one). */
export const AUTHORING_GRAPH_VALIDATION: GraphValidation = {
  formats: [AUTHORING_GRAPH_FORMAT],
  schema: validateAuthoringGraphSchema,
  accept: acceptAuthoringGraph,
  trust: quickAcceptTrust,
  rules: GRAPH_RULES,
};

/**
 * Validates a `graphenix.authoring-graph/v1` document: schema and every semantic rule
 * (docs/authoring-graph.md). Takes any value; never throws for user data.
 */
export function validateAuthoringGraph(document: unknown, options?: ValidationOptions): ValidationResult<AuthoringGraphDocument> {
  return validateGraph<AuthoringGraphDocument>(document, AUTHORING_GRAPH_VALIDATION, options).result;
}
