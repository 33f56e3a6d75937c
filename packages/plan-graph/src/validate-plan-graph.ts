import type { PlanGraph, PlanGraphNode, ValidationResult } from "@graphenix/contracts";
import { digestResult, own, findLoneSurrogate, IssueCollector, resolveLimits, scanDocument, schemaIssues, validateGuarded, validationResult, type ValidationOptions } from "@graphenix/core";
import { validatePlanGraphSchema } from "./generated/schema-validators.js";
import { actionId, actionKey } from "./identity.js";
import { topologicalOrder } from "./order.js";
import { CellCheck } from "./cell-check.js";
import { checkExecution } from "./execution.js";

/**
 * Validates a plan graph (`expanded_graph.json`): the schema, then its execution request, unique ids, keys and ordinals,
 * contiguous ordinals, edges between existing nodes, consistent cells, identities that match
 * their basis, and no cycle. Never throws for user data.
 */
export function validatePlanGraph(document: unknown, options?: ValidationOptions): ValidationResult<PlanGraph> {
  // The rules read the graph again after the scan: a getter may answer differently.
  return validateGuarded(document, () => validateOnce(document, options));
}

function validateOnce(document: unknown, options: ValidationOptions | undefined): ValidationResult<PlanGraph> {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  if (scanDocument(document, limits, { credentials: true }, issues)) {
    const nodes = (document as { nodes?: unknown } | null)?.nodes;
    // Decided before the schema and the rules, like every graph validator's node limit.
    if (Array.isArray(nodes) && nodes.length > limits.maxNodes) issues.add("graph-node-limit", `the graph has ${nodes.length} nodes, more than the maxNodes limit of ${limits.maxNodes}`, ["nodes"]);
    else if (!validatePlanGraphSchema(document)) for (const issue of schemaIssues(validatePlanGraphSchema.errors, document)) issues.push(issue);
    else checkGraph(document as PlanGraph, issues);
  }
  return validationResult<PlanGraph>(document, issues);
}

/**
 * What the reference scheduler needs of a graph before it runs one (it takes the graph as typed):
 * an execution request it can honour, unique ids, keys and ordinals, edges between existing
 * nodes, no cycle. `validatePlanGraph` checks
 * these and the rest (ordinals, cells, templates, identities).
 */
export function checkGraphStructure(graph: PlanGraph, issues: IssueCollector): void {
  checkGraph(graph, issues, false);
}

function checkGraph(graph: PlanGraph, issues: IssueCollector, full = true): void {
  checkExecution(own(graph, "execution") as typeof graph.execution, ["execution"], issues);
  const seen = { action_id: new Map<string, number>(), action_key: new Map<string, number>(), node_ordinal: new Map<number, number>() };
  const cells = full ? new CellCheck(graph) : undefined;
  graph.nodes.forEach((node, i) => {
    for (const field of ["action_id", "action_key", "node_ordinal"] as const) {
      const map = seen[field] as Map<string | number, number>;
      const first = map.get(node[field]);
      if (first !== undefined) issues.add("plan_graph_duplicate_id", `${field} ${JSON.stringify(node[field])} is already used by /nodes/${first}`, ["nodes", i, field]);
      else map.set(node[field], i);
    }
    if (!cells) return;
    if (node.node_ordinal !== i) issues.add("plan_graph_ordinal_gap", `the node at position ${i} must have node_ordinal ${i}`, ["nodes", i, "node_ordinal"]);
    cells.check(node, i, issues);
    checkIdentity(graph, node, i, issues);
  });
  graph.edges.forEach((edge, i) => {
    for (const end of ["from", "to"] as const) {
      if (!seen.action_id.has(edge[end])) issues.add("plan_graph_edge_unknown_node", `${JSON.stringify(edge[end])} is not the action_id of a node`, ["edges", i, end]);
    }
  });
  const order = topologicalOrder(graph);
  if (!order.ok) issues.add("plan_graph_cycle", `the edges form a cycle: ${[...order.cycle, order.cycle[0]].join(" → ")} (${order.cycle.length} nodes)`, ["edges"]);
}

/** The identities of a node match their basis (DESIGN §6.1, §6.3), and its inputs digest its inputs. */
function checkIdentity(graph: PlanGraph, node: PlanGraphNode, i: number, issues: IssueCollector): void {
  // The digest the identities are built on must be the digest of the inputs the engine runs.
  const inputsDigest = digestResult(node.parameters.resolved_inputs);
  if (inputsDigest.ok && inputsDigest.value !== node.parameters.resolved_inputs_sha256) {
    issues.add("plan_graph_identity_mismatch", "resolved_inputs_sha256 is not the digest of resolved_inputs", ["nodes", i, "parameters", "resolved_inputs_sha256"]);
  }
  const basis = { ...node, resolved_inputs_sha256: node.parameters.resolved_inputs_sha256 };
  // A basis string with a lone surrogate (the scan reported it) has no canonical form: no identity to compare.
  if ([basis.engine, basis.technique_id, basis.engine_test_id, basis.resolved_inputs_sha256, basis.target_asset_id, basis.template_id, graph.run_id].some((s) => findLoneSurrogate(s) >= 0)) return;
  if (actionKey(basis) !== node.action_key) issues.add("plan_graph_identity_mismatch", "action_key is not the SHA-256 of this node's basis (DESIGN §6.1)", ["nodes", i, "action_key"]);
  if (actionId({ ...basis, run_id: graph.run_id }) !== node.action_id) issues.add("plan_graph_identity_mismatch", "action_id is not the one this node's basis, run and ordinal give (DESIGN §6.3)", ["nodes", i, "action_id"]);
}
