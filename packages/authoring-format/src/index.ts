export { validateAuthoringGraph } from "./validate-authoring-graph.js";
export { validateRuntimeObject } from "./validate-runtime-object.js";
export { validateNormalizedExecutableGraph } from "./validate-normalized-graph.js";
export { normalizeAuthoringGraph } from "./normalize.js";
export { DEFAULT_POLICIES } from "./normalize-node.js";
export { PROFILE_KEY } from "./rules/profile-keys.js";
export { FACT_GUARD_UTILITIES } from "./rules/task-utilities.js";
export { AUTHORING_GRAPH_FORMAT, NORMALIZED_GRAPH_FORMAT } from "@graphenix/contracts";
