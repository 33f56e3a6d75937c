import { asArray, asObject, asString, jsonEqual } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/** The key of an edge between two node ids; none when an end is not a string (the schema says so). */
function edgeKey(from: unknown, to: unknown): string | undefined {
  return typeof from === "string" && typeof to === "string" ? `${from}\u0000${to}` : undefined;
}

/** Every `dependsOn` of the plan's nodeIndex, as edge keys (dependency → dependent). */
function indexedDependencies(nodeIndex: unknown): Set<string> {
  const keys = new Set<string>();
  for (const raw of asArray(nodeIndex)) {
    const entry = asObject(raw);
    for (const dep of asArray(entry?.dependsOn)) {
      const key = edgeKey(dep, entry?.nodeId);
      if (key !== undefined) keys.add(key);
    }
  }
  return keys;
}

/**
 * v2: every conditional edge of the graph has exactly one deferred gate, with the authored
 * condition, and every gate is such an edge; gate ids are unique. With the graph by reference the
 * conditions cannot be seen: each gate must still be on a dependency `nodeIndex` lists, once.
 */
export function deferredGatesMatchConditions({ view, issues }: PlanRuleContext): void {
  if (view.version !== "v2") return;
  const gates = asArray(view.plan.deferredGates);
  const conditional = new Map<string, { index: number; condition: unknown }>();
  asArray(view.graph?.edges).forEach((raw, index) => {
    const edge = asObject(raw);
    const key = edgeKey(edge?.from, edge?.to);
    if (edge && key !== undefined && asObject(edge.condition)) conditional.set(key, { index, condition: edge.condition });
  });
  const ids = new Set<string>();
  const covered = new Set<string>();
  let dependencies: Set<string> | undefined;
  gates.forEach((raw, i) => {
    const gate = asObject(raw);
    if (!gate) return;
    const id = asString(gate.gateId);
    if (id !== undefined) {
      if (ids.has(id)) issues.add("deferred-gate-duplicate", `the gate id ${JSON.stringify(id)} is used twice`, ["deferredGates", i, "gateId"]);
      ids.add(id);
    }
    const key = edgeKey(gate.fromNodeId, gate.toNodeId);
    if (!view.graph) {
      // By reference: the gate's edge must at least be a dependency the plan's nodeIndex lists.
      if (key === undefined || !(dependencies ??= indexedDependencies(view.plan.nodeIndex)).has(key)) {
        issues.add("deferred-gate-unknown-edge", `nodeIndex lists no dependency of ${JSON.stringify(gate.toNodeId)} on ${JSON.stringify(gate.fromNodeId)}, so no edge can carry this gate`, ["deferredGates", i]);
        return;
      }
      if (covered.has(key)) issues.add("deferred-gate-duplicate", "this edge already has a gate", ["deferredGates", i]);
      covered.add(key);
      return;
    }
    const edge = key === undefined ? undefined : conditional.get(key);
    if (!edge || key === undefined) {
      issues.add("deferred-gate-unknown-edge", `there is no conditional edge ${JSON.stringify(gate.fromNodeId)} → ${JSON.stringify(gate.toNodeId)} in the graph`, ["deferredGates", i]);
      return;
    }
    if (covered.has(key)) issues.add("deferred-gate-duplicate", "this conditional edge already has a gate", ["deferredGates", i]);
    covered.add(key);
    if (!jsonEqual(gate.condition, edge.condition)) issues.add("deferred-gate-unknown-edge", "the gate's condition differs from the edge's authored condition", ["deferredGates", i, "condition"]);
  });
  for (const [key, edge] of conditional) {
    if (!covered.has(key)) issues.add("deferred-gate-missing", "a conditional edge has no deferred gate: the engine would not know to decide it", [...view.graphPath, "edges", edge.index, "condition"]);
  }
}
