import { fromMplpPlan, type MplpPlan } from "@graphenix/plan-graph";
import { edgeBetween, groupWaves, type Drawing, type DrawNode } from "./model.js";
import { label, oneLine } from "./text.js";
import { wavesOf } from "./waves.js";

/**
 * An MPLP plan: one shape per step (its description, step id, status and agent role) in the
 * order `fromMplpPlan` gives them (`order_index`, then position in `steps`), grouped by wave; one
 * edge per dependency, from the step depended on to the step, in that order.
 */
export function drawMplpPlan(plan: MplpPlan): Drawing {
  // The plan passed validateMplpPlan, as fromMplpPlan requires; were it not to, steps keep their own order.
  const view = fromMplpPlan(plan);
  const steps = view.ok ? view.graph.nodes.map((n) => n.step) : plan.steps;
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
