import type { ValidationOptions } from "@graphenix/core";
import { fromMplpPlan, type MplpPlan } from "@graphenix/plan-graph";
import { edgeBetween, groupWaves, type Drawing, type DrawNode } from "./model.js";
import { label, oneLine } from "./text.js";
import { wavesOf } from "./waves.js";

/**
 * An MPLP plan: one shape per step (its description, step id, status and agent role) in the
 * order `fromMplpPlan` gives them (`order_index`, then position in `steps`), grouped by wave; one
 * edge per dependency, from the step depended on to the step, in that order.
 */
export function drawMplpPlan(plan: MplpPlan, options?: ValidationOptions): Drawing {
  // The plan passed validateMplpPlan under these options, as fromMplpPlan requires. With the
  // library's default limits instead, a plan the user allowed more steps than 100,000 failed here
  // and was drawn in the order of its steps array, without a word.
  const view = fromMplpPlan(plan, options);
  if (!view.ok) throw new Error(`graphenix graph: an MPLP plan that validated could not be ordered (${view.issues[0]?.code ?? "?"})`);
  const steps = view.graph.nodes.map((n) => n.step);
  const position = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!position.has(s.step_id)) position.set(s.step_id, i);
  });
  const ids = new Map([...position].map(([stepId, i]) => [stepId, `n${i}`]));
  const deps = steps.map((s) => (s.dependencies ?? []).flatMap((d) => position.get(d) ?? []));
  const nodes: DrawNode[] = steps.map((step, i) => ({
    id: `n${i}`,
    lines: label(step.description, step.step_id, step.agent_role === undefined ? step.status : `${step.status} · ${step.agent_role}`),
    style: "step",
    units: [],
  }));
  const edges = steps.flatMap((step) => (step.dependencies ?? []).flatMap((dep) => edgeBetween(ids, dep, step.step_id)));
  // Identifiers only: Mermaid cannot show `<`, `>` or `&` in a title, and a plan's own title is free text.
  return { title: oneLine(`MPLP plan ${plan.plan_id} · ${plan.status}`), waves: groupWaves(nodes, wavesOf(deps)), edges };
}
