export { validateAuthoringGraph } from "./validate-authoring-graph.js";
export { validateRuntimeObject } from "./validate-runtime-object.js";
export { validateNormalizedExecutableGraph } from "./validate-normalized-graph.js";
export { normalizeAuthoringGraph } from "./normalize.js";
export { DEFAULT_POLICIES } from "./normalize-node.js";
export { PROFILE_KEY } from "./rules/profile-keys.js";
export { FACT_GUARD_UTILITIES } from "./rules/task-utilities.js";
export { AUTHORING_GRAPH_FORMAT, NORMALIZED_GRAPH_FORMAT } from "@graphenix/contracts";
// The document and result types of what this package reads and writes, so a project that
// installs only this package can name them (they are defined in @graphenix/contracts and core).
export type { AuthoringGraphDocument, GraphRuntimeObject, NormalizedExecutableGraphDocument, ValidationIssue, ValidationResult } from "@graphenix/contracts";
export type { ValidationLimits, ValidationOptions } from "@graphenix/core";
