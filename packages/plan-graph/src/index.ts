export { actionKey, actionId, ACTION_ID_PREFIX, type ActionKeyBasis, type ActionIdBasis } from "./identity.js";
export { PLAN_GRAPH_CONTRACT_VERSION, PLAN_MODEL_VERSION, MPLP_PROTOCOL_VERSION } from "@graphenix/contracts";
export { compilePlan, type CompilePlanResult } from "./compile-plan.js";
export { DEFAULT_MAX_NODES, type CompilePlanOptions } from "./options.js";
export { matchTargets } from "./targets.js";
export { validatePlanGraph } from "./validate-plan-graph.js";
export { topologicalOrder, type PlanGraphOrder } from "./order.js";
export { NODE_TRANSITIONS, TERMINAL_STATUSES, checkTransition } from "./lifecycle.js";
export { runPlanGraph, rollup, type ExecuteNode, type NodeOutcome, type RunPlanGraphOptions, type RunPlanGraphResult, type RunProgress } from "./scheduler.js";
