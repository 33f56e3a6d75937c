import {
  AUTHORING_GRAPH_FORMAT,
  NORMALIZED_GRAPH_FORMAT,
  type AuthoringGraphDocument,
  type NormalizedExecutableGraphDocument,
  type ValidationResult,
} from "@graphenix/contracts";
import { asObject, cloneJson, compareUtf8, digestResult, formatOf, setMember, type Obj, validateGuarded, type ValidationOptions } from "@graphenix/core";
import type { GraphView } from "./graph-view.js";
import { orderNodes } from "./rules/acyclic.js";
import { validateGraph } from "./run-validation.js";
import { AUTHORING_GRAPH_VALIDATION } from "./validate-authoring-graph.js";
import { NORMALIZED_GRAPH_VALIDATION } from "./validate-normalized-graph.js";
import { normalizeNode, normalizeGraphPolicies } from "./normalize-node.js";

/**
 * Normalizes an authoring graph into `graphenix.normalized-graph/v1` (docs/authoring-graph.md, "Normalization"):
 * defaults filled in, every optional collection present, `nodeOrder` topological, edges sorted,
 * open objects with their members in sorted order. Invalid input gives its issues, never a throw.
 * A normalized graph is accepted too and comes back unchanged (normalizing is idempotent).
 */
export function normalizeAuthoringGraph(document: unknown, options?: ValidationOptions): ValidationResult<NormalizedExecutableGraphDocument> {
  // Building reads the document again after validating it: a getter may answer differently.
  return validateGuarded(document, () => normalizeOnce(document, options));
}

function normalizeOnce(document: unknown, options: ValidationOptions | undefined): ValidationResult<NormalizedExecutableGraphDocument> {
  if (formatOf(document) === NORMALIZED_GRAPH_FORMAT) {
    const { result, graph } = validateGraph<NormalizedExecutableGraphDocument>(document, NORMALIZED_GRAPH_VALIDATION, options);
    if (!result.valid) return result;
    // A valid result always ran the rules, so the graph view exists.
    // The view's document: the rules' copy while Object.prototype is not standard (GraphView.document).
    const view = graph as GraphView;
    return { valid: true, value: build(view.document, view, result.value.source), issues: result.issues };
  }
  const { result, graph } = validateGraph<AuthoringGraphDocument>(document, AUTHORING_GRAPH_VALIDATION, options);
  if (!result.valid) return result;
  const hash = digestResult(document);
  if (!hash.ok) return { valid: false, issues: [...result.issues, ...hash.issues] };
  // A valid result always ran the rules, so the graph view exists.
  const view = graph as GraphView;
  return { valid: true, value: build(view.document, view, { format: AUTHORING_GRAPH_FORMAT, graphHash: hash.value }), issues: result.issues };
}

/** Builds the normalized document from a valid authoring graph (or a valid normalized one). */
function build(doc: Obj, graph: GraphView, source: NormalizedExecutableGraphDocument["source"]): NormalizedExecutableGraphDocument {
  const order = orderNodes(graph);
  if (!order.ok) throw new Error("normalize: a validated graph has a cycle"); // unreachable: validation rejects cycles
  const predecessors = new Map<string, string[]>(graph.ids.map((id) => [id, []]));
  for (const { from, to } of graph.edges) {
    const list = predecessors.get(to) as string[];
    if (!list.includes(from)) list.push(from);
  }
  const policies = normalizeGraphPolicies(asObject(doc.policies));
  const nodes: NormalizedExecutableGraphDocument["nodes"] = {};
  for (let i = 0; i < graph.ids.length; i++) {
    const id = graph.ids[i] as string;
    setMember(nodes, id, normalizeNode(id, graph.byPosition[i] as Obj, (predecessors.get(id) as string[]).sort(compareUtf8), policies));
  }
  const edges = graph.edges
    .map(({ from, to, edge }) => ({ from, to, condition: edge.condition ? cloneJson(edge.condition as NonNullable<NormalizedExecutableGraphDocument["edges"][number]["condition"]>) : null }))
    .sort((a, b) => compareUtf8(a.from, b.from) || compareUtf8(a.to, b.to));
  return {
    format: NORMALIZED_GRAPH_FORMAT,
    graphId: doc.graphId as string,
    revision: doc.revision as string,
    formatVersion: doc.formatVersion as string,
    title: (doc.title as string | undefined) ?? null,
    description: (doc.description as string | undefined) ?? null,
    // Member by member: a normalized graph given back keeps a fixed member order whatever its input had.
    source: { format: source.format, graphHash: source.graphHash },
    nodes,
    nodeOrder: order.order,
    edges,
    modelCases: cloneJson(doc.modelCases as NormalizedExecutableGraphDocument["modelCases"]),
    defaultModelCase: doc.defaultModelCase as string,
    policies,
  };
}
