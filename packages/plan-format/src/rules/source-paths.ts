import { asArray, asObject, asString, isJsonPointer, resolvePointer } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/** Every `sourcePath` (units and deferred gates) resolves in the embedded graph (`/graph/…`). */
export function sourcePathsResolve({ view, issues }: PlanRuleContext): void {
  if (!view.graph) return;
  const graph = view.graph;
  // `at`: the path of the object holding the sourcePath, extended only for an issue.
  const check = (value: unknown, at: readonly (string | number)[]) => {
    const pointer = asString(value);
    if (pointer === undefined || !isJsonPointer(pointer)) return; // absent, or the schema reports it
    // "/graph" itself or "/graph/…": the rest is looked up in the graph (decoded once).
    const inGraph = pointer.startsWith("/graph") && (pointer.length === 6 || pointer[6] === "/");
    const found = inGraph && resolvePointer(graph, pointer.slice(6)).found;
    if (!found) issues.add("source-path-unresolved", `${JSON.stringify(pointer)} does not point into the embedded graph (it must start with /graph/ and exist)`, [...at, "sourcePath"]);
  };
  for (const { unit, path } of view.units) check(unit.sourcePath, path);
  // Read once (asArray): a member read twice may not be the same value twice (a getter).
  asArray(view.plan.deferredGates).forEach((gate, i) => check(asObject(gate)?.sourcePath, ["deferredGates", i]));
}
