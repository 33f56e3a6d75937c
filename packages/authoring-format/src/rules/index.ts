import { graphIsAcyclic } from "./acyclic.js";
import { callGraphIsNotSelfCall } from "./callgraph.js";
import type { Rule } from "./context.js";
import { edgesAreUnique, edgesReferenceExistingNodes } from "./edges.js";
import { modelCasesExist } from "./model-cases.js";
import { nodeIdsMatchKeys } from "./node-ids.js";
import { directModelsAreAllowed, profileKeysAreWellFormed } from "./profile-keys.js";
import { factGuardsAreValid, mainOnlyFieldsStayInMain, preMemoryPathsFollowSources } from "./task-utilities.js";
import { taskNodesHaveSkill } from "./task-skill.js";

/**
 * The semantic rules of a graph, in reporting order. They read only paths authoring and
 * normalized graphs share, so both validators run them.
 */
export const GRAPH_RULES: readonly Rule[] = [
  nodeIdsMatchKeys,
  edgesReferenceExistingNodes,
  edgesAreUnique,
  graphIsAcyclic,
  callGraphIsNotSelfCall,
  modelCasesExist,
  profileKeysAreWellFormed,
  directModelsAreAllowed,
  taskNodesHaveSkill,
  mainOnlyFieldsStayInMain,
  factGuardsAreValid,
  preMemoryPathsFollowSources,
];
