import { asArray, asObject, asString, jsonEqual } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/**
 * v2: every conditional edge of the graph has exactly one deferred gate, with the authored
 * condition, and every gate is such an edge; gate ids are unique.
 */
export function deferredGatesMatchConditions({ view, issues }: PlanRuleContext): void {
  if (view.version !== "v2") return;
  const gates = asArray(view.plan.deferredGates);
  const conditional = new Map<string, { index: number; condition: unknown }>();
  asArray(view.graph?.edges).forEach((raw, index) => {
    const edge = asObject(raw);
    if (edge && asObject(edge.condition)) conditional.set(`${String(edge.from)}\u0000${String(edge.to)}`, { index, condition: edge.condition });
  });
  const ids = new Set<string>();
  const covered = new Set<string>();
  gates.forEach((raw, i) => {
    const gate = asObject(raw);
    if (!gate) return;
    const id = asString(gate.gateId);
    if (id !== undefined) {
      if (ids.has(id)) issues.add("deferred-gate-duplicate", `the gate id ${JSON.stringify(id)} is used twice`, ["deferredGates", i, "gateId"]);
      ids.add(id);
    }
    if (!view.graph) return;
    const key = `${String(gate.fromNodeId)}\u0000${String(gate.toNodeId)}`;
    const edge = conditional.get(key);
    if (!edge) {
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
