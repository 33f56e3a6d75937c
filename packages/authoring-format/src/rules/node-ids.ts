import { asString } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/**
 * Node ids are the keys of `nodes`, so they are unique by construction (the JSON reader reports
 * a repeated key as `json-duplicate-key`). A node's optional `id` member must equal its key.
 */
export function nodeIdsMatchKeys({ graph, issues }: RuleContext): void {
  for (const [key, node] of graph.nodes) {
    const id = asString(node.id);
    if (id !== undefined && id !== key) {
      issues.add("node-id-mismatch", `the node stored under "${key}" says its id is "${id}"`, ["nodes", key, "id"]);
    }
  }
}
