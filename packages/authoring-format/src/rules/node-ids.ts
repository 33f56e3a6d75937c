import { asString, type Obj } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/**
 * Node ids are the keys of `nodes`, so they are unique by construction (the JSON reader reports
 * a repeated key as `json-duplicate-key`). A node's optional `id` member must equal its key.
 */
export function nodeIdsMatchKeys({ graph, issues }: RuleContext): void {
  const { keys, values } = graph;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const node = values[i] as Obj;
    const id = asString(node.id);
    if (id !== undefined && id !== key) {
      issues.add("node-id-mismatch", `the node stored under "${key}" says its id is "${id}"`, ["nodes", key, "id"]);
    }
  }
}
