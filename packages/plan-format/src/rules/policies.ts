import { jsonEqual, objectAt, own, showJson } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/** A policy as JSON for a message, cut at 120 characters (a fallback list can be long). */
function brief(value: unknown): string {
  const text = showJson(value) ?? "absent";
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

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
  const planPolicies = objectAt(view.plan, "policies");
  const graphPolicies = objectAt(view.graph, "policies");
  if (planPolicies && graphPolicies) {
    for (const member of PLAN_POLICIES) {
      const value = own(planPolicies, member);
      const graphValue = own(graphPolicies, member);
      if (value !== undefined && !jsonEqual(value, graphValue)) issues.add("plan-policy-mismatch", `policies.${member} is ${brief(value)}, but the embedded graph's is ${brief(graphValue)}`, ["policies", member]);
    }
  }
  for (const { unit, planKey, path } of view.units) {
    const nodePolicies = objectAt(view.graphNodes.get(planKey), "policies");
    if (!nodePolicies) continue;
    for (const [member, of] of UNIT_POLICIES) {
      const value = own(unit, member);
      const nodeValue = own(nodePolicies, of);
      if (value !== undefined && !jsonEqual(value, nodeValue)) issues.add("unit-policy-mismatch", `${member} is ${brief(value)}, but the ${of} policy of ${planKey} in the embedded graph is ${brief(nodeValue)}`, [...path, member]);
    }
  }
}
