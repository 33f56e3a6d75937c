import { edgeBetween, groupWaves, type DrawEdge, type Drawing, type DrawNode, type NodeStyle } from "./model.js";
import { label } from "./text.js";
import { drawUnit, type PlanUnit } from "./units.js";

/** One node of an executable plan (v1 or v2), as the plan's builders read it. */
export interface PlanNode {
  readonly nodeId: string;
  readonly nodeType: string;
  readonly executionClass?: string;
  readonly wave: number;
  readonly dependsOn: readonly string[];
  /** Its execution units in plan order; undefined when the plan has no plan for the node. */
  readonly units?: readonly PlanUnit[];
  readonly outputKey?: string;
}

/** A condition on a dependency, decided at run time (a v2 deferred gate). */
export interface PlanGate {
  readonly gateId: string;
  readonly fromNodeId: string;
  readonly toNodeId: string;
  readonly expression: string;
}

function nodeStyle(nodeType: string): NodeStyle {
  return nodeType === "task" ? "task" : nodeType === "finalizer" ? "finalizer" : "special";
}

/**
 * An executable plan: one box per node (node id, node type and execution class) holding its
 * units in order, nodes grouped by wave, one edge per dependency (from the dependency to the
 * node), labelled with its gate id and condition when a deferred gate decides it.
 */
export function drawPlan(title: string, version: "v1" | "v2", nodes: readonly PlanNode[], gates: readonly PlanGate[]): Drawing {
  const ids = new Map<string, string>();
  nodes.forEach((node, i) => {
    if (!ids.has(node.nodeId)) ids.set(node.nodeId, `n${i}`);
  });
  const drawn: DrawNode[] = nodes.map((node, i) => {
    const id = `n${i}`;
    const typeLine = node.executionClass === undefined ? node.nodeType : `${node.nodeType} · ${node.executionClass}`;
    const units = (node.units ?? []).map((unit, u) => drawUnit(`${id}_u${u}`, unit, version, node.outputKey));
    return { id, lines: label(node.nodeId, typeLine), style: nodeStyle(node.nodeType), units };
  });
  const gateOf = new Map<string, Map<string, PlanGate>>();
  for (const gate of gates) {
    const to = gateOf.get(gate.fromNodeId) ?? new Map<string, PlanGate>();
    if (!to.has(gate.toNodeId)) to.set(gate.toNodeId, gate);
    gateOf.set(gate.fromNodeId, to);
  }
  const edges: DrawEdge[] = nodes.flatMap((node) =>
    node.dependsOn.flatMap((dep) => {
      const gate = gateOf.get(dep)?.get(node.nodeId);
      return gate ? edgeBetween(ids, dep, node.nodeId, label(gate.gateId, gate.expression), true) : edgeBetween(ids, dep, node.nodeId);
    }),
  );
  return { title, waves: groupWaves(drawn, nodes.map((n) => n.wave)), edges };
}
