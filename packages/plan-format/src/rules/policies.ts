import { asObject, jsonEqual } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

const PLAN_POLICIES = ["directModelPolicy", "retry", "fallback", "trace"] as const;
/** A unit's policy members and the node policy each copies. */
const UNIT_POLICIES = [
  ["retryPolicy", "retry"],
  ["fallbackPolicy", "fallback"],
  ["tracePolicy", "trace"],
] as const;

/**
 * v2, with the graph embedded: the plan's policies are the graph's, and each unit's retry,
 * fallback and trace policies are its node's (the normalized graph has them filled in). Binding a
 * trace trusts the unit's: its attempts against `retryPolicy`, its models against
 * `fallbackPolicy`; a plan that widened them without its graph saying so would let a trace pass.
 * Members the plan leaves out are the schema's to report.
 */
export function policiesFollowTheGraph({ view, issues }: PlanRuleContext): void {
  if (view.version !== "v2" || !view.graph) return;
  const planPolicies = asObject(view.plan.policies);
  const graphPolicies = asObject(view.graph.policies);
  if (planPolicies && graphPolicies) {
    for (const member of PLAN_POLICIES) {
      const value = planPolicies[member];
      if (value !== undefined && !jsonEqual(value, graphPolicies[member])) issues.add("plan-policy-mismatch", `policies.${member} differs from the embedded graph's`, ["policies", member]);
    }
  }
  for (const { unit, planKey, path } of view.units) {
    const nodePolicies = asObject(view.graphNodes.get(planKey)?.policies);
    if (!nodePolicies) continue;
    for (const [member, of] of UNIT_POLICIES) {
      const value = unit[member];
      if (value !== undefined && !jsonEqual(value, nodePolicies[of])) issues.add("unit-policy-mismatch", `${member} differs from the ${of} policy of ${planKey} in the embedded graph`, [...path, member]);
    }
  }
}
