import { asObject, asString, type Obj } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** Every task node names its skill: without `skillKey` it would have no MAIN skill unit. */
export function taskNodesHaveSkill({ graph, issues }: RuleContext): void {
  const { keys, values } = graph;
  for (let i = 0; i < keys.length; i++) {
    const node = values[i] as Obj;
    if (node.type !== "task") continue;
    const params = asObject(node.parameters);
    if (params && asString(params.skillKey) === undefined) {
      issues.add("task-skill-key-missing", "a task node needs a parameters.skillKey: it names the skill of its MAIN skill unit", ["nodes", keys[i] as string, "parameters", "skillKey"]);
    }
  }
}
