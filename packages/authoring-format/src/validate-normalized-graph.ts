import { NORMALIZED_GRAPH_FORMAT, type NormalizedExecutableGraphDocument, type ValidationResult } from "@graphenix/contracts";
import type { ValidationOptions } from "@graphenix/core";
import { acceptNormalizedGraph, quickAcceptTrust } from "./generated/quick-accept.js";
import { validateNormalizedGraphSchema } from "./generated/schema-validators.js";
import type { Rule } from "./rules/context.js";
import { GRAPH_RULES } from "./rules/index.js";
import { normalizedMembersAreConsistent } from "./rules/normalized-consistency.js";
import { taskNodesHaveSkill } from "./rules/task-skill.js";
import { type GraphValidation, validateGraph } from "./run-validation.js";

// The schema already requires skillKey on normalized task nodes; one issue per problem.
const NORMALIZED_RULES: readonly Rule[] = [...GRAPH_RULES.filter((r) => r !== taskNodesHaveSkill), normalizedMembersAreConsistent];

/** What validating a normalized graph runs (also the first step of normalizing one again). */
export const NORMALIZED_GRAPH_VALIDATION: GraphValidation = {
  formats: [NORMALIZED_GRAPH_FORMAT],
  schema: validateNormalizedGraphSchema,
  accept: acceptNormalizedGraph,
  trust: quickAcceptTrust,
  rules: NORMALIZED_RULES,
};

/**
 * Validates a `graphenix.normalized-graph/v1` document: schema, the graph rules, and that its
 * derived members (`nodeOrder`, `dependsOn`, key and edge order) are consistent.
 */
export function validateNormalizedExecutableGraph(document: unknown, options?: ValidationOptions): ValidationResult<NormalizedExecutableGraphDocument> {
  return validateGraph<NormalizedExecutableGraphDocument>(document, NORMALIZED_GRAPH_VALIDATION, options).result;
}
