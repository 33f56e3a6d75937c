import { asString, isJsonPointer, resolvePointer } from "@graphenix/core";
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
  (Array.isArray(view.plan.deferredGates) ? view.plan.deferredGates : []).forEach((gate: unknown, i: number) => {
    check((gate as { sourcePath?: unknown } | null)?.sourcePath, ["deferredGates", i]);
  });
}
