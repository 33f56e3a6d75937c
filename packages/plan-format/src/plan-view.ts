import { asArray, asObject, asString, sortUtf8, type Obj } from "@graphenix/core";

export type PlanVersion = "v1" | "v2";

export interface UnitView {
  readonly unit: Obj;
  /** The node or finalizer plan holding it (a key may have both: each unit knows its own). */
  readonly entry: PlanEntry;
  /** The key of the node or finalizer plan holding it. */
  readonly planKey: string;
  readonly planKind: "node" | "finalizer";
  readonly index: number;
  readonly path: readonly (string | number)[];
}

export interface PlanEntry {
  readonly key: string;
  readonly plan: Obj;
  readonly kind: "node" | "finalizer";
  readonly path: readonly (string | number)[];
}

/**
 * What the plan rules read, extracted once and defensively (rules also run on plans that failed
 * the schema): the version, the embedded normalized graph and where it sits, the node and
 * finalizer plans, and every unit with its path.
 */
export interface PlanView {
  readonly plan: Obj;
  readonly version: PlanVersion;
  /** The embedded normalized graph, if the plan embeds one that is an object. */
  readonly graph: Obj | undefined;
  /** Path of the embedded graph in the plan: `/graph` (v1) or `/normalizedGraph/graph` (v2). */
  readonly graphPath: readonly string[];
  readonly graphNodes: ReadonlyMap<string, Obj>;
  readonly entries: readonly PlanEntry[];
  readonly units: readonly UnitView[];
  /**
   * The units of each plan entry, in `executionUnits` order. By entry, not by key: a plan may
   * (wrongly) have a node plan and a finalizer plan under one key, and each keeps its own units.
   */
  readonly unitsByPlan: ReadonlyMap<PlanEntry, readonly UnitView[]>;
}

export function planView(plan: Obj, version: PlanVersion): PlanView {
  const graphPath = version === "v1" ? ["graph"] : ["normalizedGraph", "graph"];
  const holder = version === "v1" ? plan : asObject(plan.normalizedGraph);
  const graph = holder && (version === "v1" || holder.mode === "embedded") ? asObject(holder.graph) : undefined;
  const graphNodes = new Map<string, Obj>();
  for (const [id, node] of Object.entries(asObject(graph?.nodes) ?? {})) {
    const obj = asObject(node);
    if (obj) graphNodes.set(id, obj);
  }
  const entries: PlanEntry[] = [];
  for (const [member, kind] of [["nodePlans", "node"], ["finalizerPlans", "finalizer"]] as const) {
    const plans = asObject(plan[member]) ?? {};
    for (const key of sortUtf8(Object.keys(plans))) {
      const entry = asObject(plans[key]);
      if (entry) entries.push({ key, plan: entry, kind, path: [member, key] });
    }
  }
  const units: UnitView[] = [];
  const unitsByPlan = new Map<PlanEntry, UnitView[]>();
  for (const entry of entries) {
    const own: UnitView[] = [];
    asArray(entry.plan.executionUnits).forEach((raw, index) => {
      const unit = asObject(raw);
      if (unit) own.push({ unit, entry, planKey: entry.key, planKind: entry.kind, index, path: [...entry.path, "executionUnits", index] });
    });
    units.push(...own);
    unitsByPlan.set(entry, own);
  }
  return { plan, version, graph, graphPath, graphNodes, entries, units, unitsByPlan };
}

/** The graph node a plan entry is for, if the plan embeds the graph. */
export function graphNodeOf(view: PlanView, key: string): Obj | undefined {
  return view.graphNodes.get(key);
}

export function unitKind(unit: Obj): string | undefined {
  return asString(unit.unitKind);
}
