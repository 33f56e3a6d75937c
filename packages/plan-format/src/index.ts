export { validateExecutablePlan, validateExecutablePlanV1, validateExecutablePlanV2, SUPPORTED_PLAN_FORMATS } from "./validate.js";
export { canonicalizePlan, computePlanHash } from "./hash.js";
export { UNIT_KINDS_V1, UNIT_KINDS_V2, kindRuleOf, KINDS_BY_NODE_TYPE, KINDS_BY_NODE_TYPE_V1, MODES_WITH_CONTRACT, PHASE_RANK, SLOT_WORDS, type RunPhase, type UnitKindRule } from "./unit-kinds.js";
export { FORBIDDEN_PLAN_MEMBERS, RUN_EVIDENCE } from "./rules/forbidden.js";
export { EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2, NORMALIZED_GRAPH_FORMAT } from "@graphenix/contracts";
// The document and result types of what this package reads and writes, so a project that
// installs only this package can name them (they are defined in @graphenix/contracts and core).
export type { ExecutableGraphPlan, ExecutableGraphPlanV2, ValidationIssue, ValidationResult } from "@graphenix/contracts";
export type { ValidationLimits, ValidationOptions } from "@graphenix/core";
