import type { PlanGraph, ValidationResult } from "@graphenix/contracts";
import { digestResult, findLoneSurrogate, IssueCollector, resolveLimits, scanDocument, schemaIssues, validationResult, type ValidationOptions } from "@graphenix/core";
import { validatePlanGraphSchema } from "./generated/schema-validators.js";
import { actionId, actionKey } from "./identity.js";
import { topologicalOrder } from "./order.js";

/**
 * Validates a plan graph (`expanded_graph.json`): the schema, then unique ids, keys and ordinals,
 * contiguous ordinals, edges between existing nodes, consistent cells, identities that match
 * their basis, and no cycle. Never throws for user data.
 */
export function validatePlanGraph(document: unknown, options?: ValidationOptions): ValidationResult<PlanGraph> {
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

function checkGraph(graph: PlanGraph, issues: IssueCollector): void {
  const seen = { action_id: new Map<string, number>(), action_key: new Map<string, number>(), node_ordinal: new Map<number, number>() };
  let path: readonly string[] | undefined;
  graph.nodes.forEach((node, i) => {
    for (const field of ["action_id", "action_key", "node_ordinal"] as const) {
      const map = seen[field] as Map<string | number, number>;
      const first = map.get(node[field]);
      if (first !== undefined) issues.add("plan_graph_duplicate_id", `${field} ${JSON.stringify(node[field])} is already used by /nodes/${first}`, ["nodes", i, field]);
      else map.set(node[field], i);
    }
    if (node.node_ordinal !== i) issues.add("plan_graph_ordinal_gap", `the node at position ${i} must have node_ordinal ${i}`, ["nodes", i, "node_ordinal"]);
    if (node.cell) {
      path ??= node.cell.path;
      const keys = Object.keys(node.cell.coord);
      if (node.cell.path.join("\u0000") !== path.join("\u0000")) issues.add("plan_graph_cell_invalid", "every node's cell.path must be the same (the plan's expand list)", ["nodes", i, "cell", "path"]);
      if (keys.length !== node.cell.path.length || node.cell.path.some((p) => !keys.includes(p))) {
        issues.add("plan_graph_cell_invalid", "cell.coord must have exactly the axes of cell.path", ["nodes", i, "cell", "coord"]);
      }
    }
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
  });
  graph.edges.forEach((edge, i) => {
    for (const end of ["from", "to"] as const) {
      if (!seen.action_id.has(edge[end])) issues.add("plan_graph_edge_unknown_node", `${JSON.stringify(edge[end])} is not the action_id of a node`, ["edges", i, end]);
    }
  });
  const order = topologicalOrder(graph);
  if (!order.ok) issues.add("plan_graph_cycle", `the edges form a cycle: ${[...order.cycle, order.cycle[0]].join(" → ")} (${order.cycle.length} nodes)`, ["edges"]);
}
