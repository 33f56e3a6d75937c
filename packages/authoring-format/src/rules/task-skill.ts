import { asString, objectAt } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** Every task node names its skill: without `skillKey` it would have no MAIN skill unit. */
export function taskNodesHaveSkill({ graph, issues }: RuleContext): void {
  for (const [id, node] of graph.nodes) {
    if (node.type !== "task") continue;
    const params = objectAt(node, "parameters");
    if (params && asString(params.skillKey) === undefined) {
      issues.add("task-skill-key-missing", "a task node needs a parameters.skillKey: it names the skill of its MAIN skill unit", ["nodes", id, "parameters", "skillKey"]);
    }
  }
}
