export { actionKey, actionId, ACTION_ID_PREFIX, type ActionKeyBasis, type ActionIdBasis } from "./identity.js";
export { PLAN_GRAPH_CONTRACT_VERSION, PLAN_MODEL_VERSION, MPLP_PROTOCOL_VERSION } from "@graphenix/contracts";
export { compilePlan, type CompilePlanResult } from "./compile-plan.js";
export { DEFAULT_MAX_NODES, MAX_NODES_CEILING, type CompilePlanOptions } from "./options.js";
export { SUPPORTED_ORDERS, requestedConcurrency } from "./execution.js";
export { matchTargets } from "./targets.js";
export { validatePlanGraph } from "./validate-plan-graph.js";
export { validateExpansionManifest } from "./validate-manifest.js";
export { topologicalOrder, type PlanGraphOrder } from "./order.js";
export { NODE_TRANSITIONS, TERMINAL_STATUSES, checkTransition } from "./lifecycle.js";
export { runPlanGraph, rollup, type ExecuteNode, type NodeOutcome, type RunPlanGraphOptions, type RunPlanGraphResult, type RunProgress } from "./scheduler.js";
export { validateMplpPlan, validateMplpPlanUpdate, validateMplpConfirm, validateMplpTrace, validateMplpContext, type MplpEvidence } from "./mplp/validate.js";
export { fromMplpPlan, toMplpPlan, type MplpGraphView } from "./mplp/convert.js";
export { MPLP_PLAN_TRANSITIONS, MPLP_STEP_TRANSITIONS } from "./mplp/transitions.js";
export type { MplpPlan, MplpStep, MplpConfirm, MplpTrace, MplpPlanStatus, MplpStepStatus } from "./mplp/types.js";
// The document and result types of what this package reads and writes, so a project that
// installs only this package can name them (they are defined in @graphenix/contracts and core).
export type { ExpansionManifest, LabInventory, PlanGraph, ScenarioPlan, ValidationIssue, ValidationResult } from "@graphenix/contracts";
export type { ValidationLimits, ValidationOptions } from "@graphenix/core";
