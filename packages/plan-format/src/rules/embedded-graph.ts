import { validateNormalizedExecutableGraph } from "@graphenix/authoring-format";
import { asObject, asString, prefixIssues } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/**
 * The embedded graph is a valid normalized graph (its issues are reported under the plan's
 * pointer to it), and it is the graph the plan says it was compiled from.
 */
export function embeddedGraphIsValid({ view, issues, limits }: PlanRuleContext): void {
  if (!view.graph) return; // v2 by reference: pinned by its digest, not checked here
  // The plan's own scan already covered the graph (limits, credentials): no second report.
  const result = validateNormalizedExecutableGraph(view.graph, { limits, scan: false });
  issues.pushAll(prefixIssues(view.graphPath, result.issues));
  const source = asObject(view.plan.source);
  if (!source) return;
  const pairs: [string, unknown, unknown][] = [
    ["graphId", source.graphId, view.graph.graphId],
    ["graphRevision", source.graphRevision, view.graph.revision],
    ["formatVersion", source.formatVersion, view.graph.formatVersion],
    ["graphHash", source.graphHash, asObject(view.graph.source)?.graphHash],
  ];
  for (const [member, declared, embedded] of pairs) {
    if (asString(declared) !== undefined && asString(embedded) !== undefined && declared !== embedded) {
      issues.add("plan-graph-mismatch", `source.${member} is ${JSON.stringify(declared)} but the embedded graph says ${JSON.stringify(embedded)}`, ["source", member]);
    }
  }
}
