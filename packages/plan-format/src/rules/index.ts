import { caseSelectionIsFrozen } from "./case-selection.js";
import type { PlanRule } from "./context.js";
import { plansCoverTheGraph, v1HasNoConditionalEdges } from "./coverage.js";
import { deferredGatesMatchConditions } from "./deferred-gates.js";
import { embeddedGraphIsValid } from "./embedded-graph.js";
import { invokeModesMatchKinds } from "./invoke.js";
import { metadataIsConsistent } from "./metadata.js";
import { modelBindingsFollowTheCases } from "./model-bindings.js";
import { modelSelectionsAreAllowed, modelSlotsAreResolved } from "./model-slots.js";
import { nodeIndexIsConsistent } from "./node-index.js";
import { policiesFollowTheGraph } from "./policies.js";
import { runtimeExpectationsMatchUnits } from "./runtime-expectations.js";
import { sourcePathsResolve } from "./source-paths.js";
import { unitIdsAreUnique, unitKindsFitTheNode, unitsAreInRunOrder } from "./units.js";
import { factGuardsAreValid, preSynthesisReadsFromSources } from "./utilities.js";

/**
 * Every semantic rule of an executable plan, in the order of the seed's "What validation
 * enforces"; rules that only apply to v2 return early for v1 plans.
 */
export const PLAN_RULES: readonly PlanRule[] = [
  metadataIsConsistent,
  embeddedGraphIsValid,
  plansCoverTheGraph,
  v1HasNoConditionalEdges,
  caseSelectionIsFrozen,
  modelSlotsAreResolved,
  modelBindingsFollowTheCases,
  modelSelectionsAreAllowed,
  policiesFollowTheGraph,
  unitIdsAreUnique,
  unitsAreInRunOrder,
  unitKindsFitTheNode,
  factGuardsAreValid,
  preSynthesisReadsFromSources,
  invokeModesMatchKinds,
  deferredGatesMatchConditions,
  nodeIndexIsConsistent,
  runtimeExpectationsMatchUnits,
  sourcePathsResolve,
];
