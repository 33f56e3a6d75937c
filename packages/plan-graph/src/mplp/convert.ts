import type { ValidationIssue } from "@graphenix/contracts";
import { own, readGuarded, type ValidationOptions } from "@graphenix/core";
import { validateMplpPlan } from "./validate.js";
import type { MplpPlan, MplpStep } from "./types.js";

/** A plan-graph view of an MPLP plan: steps as nodes, dependencies as edges. */
export interface MplpGraphView {
  readonly plan_id: string;
  readonly nodes: readonly { readonly step_id: string; readonly node_ordinal: number; readonly step: MplpStep }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly kind: "depends_on" }[];
}

/**
 * Steps as nodes (`node_ordinal` by `order_index`, ties and missing ones by position in `steps`),
 * dependencies as `depends_on` edges. The plan must validate (our stricter profile included).
 */
export function fromMplpPlan(plan: unknown, options?: ValidationOptions): { ok: true; graph: MplpGraphView } | { ok: false; issues: readonly ValidationIssue[] } {
  // The steps are read again after the plan's check: a getter may answer differently.
  return readGuarded([[[], plan]], () => convertOnce(plan, options), (issue) => ({ ok: false, issues: [issue] }));
}

function convertOnce(plan: unknown, options: ValidationOptions | undefined): { ok: true; graph: MplpGraphView } | { ok: false; issues: readonly ValidationIssue[] } {
  const checked = validateMplpPlan(plan, {}, options);
  if (!checked.valid) return { ok: false, issues: checked.issues };
  const steps = checked.value.steps.map((step, i) => ({ step, i })).sort((a, b) => (a.step.order_index ?? a.i) - (b.step.order_index ?? b.i) || a.i - b.i);
  return {
    ok: true,
    graph: {
      plan_id: checked.value.plan_id,
      nodes: steps.map(({ step }, ordinal) => ({ step_id: step.step_id, node_ordinal: ordinal, step: structuredClone(step) })),
      edges: steps.flatMap(({ step }) => ((own(step, "dependencies") as string[] | undefined) ?? []).map((dep) => ({ from: dep, to: step.step_id, kind: "depends_on" as const }))),
    },
  };
}

/**
 * Back to an MPLP plan: `plan` supplies everything but the steps; steps come from the nodes in
 * `node_ordinal` order with the dependencies of their edges. Round trip keeps steps and dependencies.
 */
export function toMplpPlan(graph: MplpGraphView, plan: Omit<MplpPlan, "steps" | "plan_id">): MplpPlan {
  const deps = new Map<string, string[]>();
  for (const edge of graph.edges) deps.set(edge.to, [...(deps.get(edge.to) ?? []), edge.from]);
  const steps = [...graph.nodes]
    .sort((a, b) => a.node_ordinal - b.node_ordinal)
    .map(({ step }) => {
      const { dependencies: _dropped, ...rest } = step;
      // A step that listed no dependencies (`[]`) keeps its empty list.
      const dependencies = deps.get(step.step_id) ?? (step.dependencies !== undefined ? [] : undefined);
      return dependencies ? { ...rest, dependencies } : rest;
    });
  return { ...plan, plan_id: graph.plan_id, steps };
}
