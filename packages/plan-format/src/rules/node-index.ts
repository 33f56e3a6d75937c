import { asArray, asObject, asString, own } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";
import { plansMatchNodes } from "./coverage.js";

/**
 * A `dependsOn` entry as text, to compare and to show: a string as it is, anything else (which the
 * schema reports) as JSON. Never `String(entry)`: `{"toString": 1}` makes that throw.
 */
function idText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value; // a BigInt in an in-memory document
  }
}

/**
 * v2: `nodeIndex` lists every node of the graph once, in the graph's `nodeOrder` (topological,
 * ties by UTF-8 byte order of ids); `order` is the position; `dependsOn` is the node's; `wave` is
 * 0 without dependencies, else one more than the largest wave among them.
 */
export function nodeIndexIsConsistent(context: PlanRuleContext): void {
  const { view, issues } = context;
  if (view.version !== "v2" || !Array.isArray(own(view.plan, "nodeIndex"))) return; // a missing index: the schema says so
  if (!view.graph) {
    nodeIndexStandsAlone(context);
    return;
  }
  const index = asArray(view.plan.nodeIndex).map(asObject);
  const nodeOrder = asArray(view.graph.nodeOrder).map(asString);
  const listed = index.map((e) => asString(e?.nodeId));
  if (listed.length !== nodeOrder.length || listed.some((id, i) => id !== nodeOrder[i])) {
    issues.add("node-index-inconsistent", "nodeIndex must list every node once, in the embedded graph's nodeOrder", ["nodeIndex"]);
    return;
  }
  const waves = new Map<string, number>();
  index.forEach((entry, i) => {
    const id = listed[i] as string;
    const node = view.graphNodes.get(id);
    const dependsOn = asArray(node?.dependsOn).map(idText);
    let wave = 0;
    for (const d of dependsOn) wave = Math.max(wave, (waves.get(d) ?? 0) + 1);
    waves.set(id, wave);
    if (!entry) return;
    if (entry.order !== i) issues.add("node-index-inconsistent", `order must be the entry's position, ${i}`, ["nodeIndex", i, "order"]);
    if (entry.wave !== wave) issues.add("node-index-inconsistent", `wave must be ${wave}`, ["nodeIndex", i, "wave"]);
    if (entry.nodeType !== node?.type) issues.add("node-index-inconsistent", `nodeType must be ${JSON.stringify(node?.type)}`, ["nodeIndex", i, "nodeType"]);
    const declared = asArray(entry.dependsOn).map(idText);
    if (declared.length !== dependsOn.length || declared.some((d, k) => d !== dependsOn[k])) {
      issues.add("node-index-inconsistent", `dependsOn must be ${JSON.stringify(dependsOn)}`, ["nodeIndex", i, "dependsOn"]);
    }
  });
}

/**
 * v2 with the graph by reference: the index is all an engine has of the graph, so it must hold
 * together on its own: each node once, `order` the position, every `dependsOn` an earlier entry
 * (so the order is topological and there is no cycle), each once, and `wave` as above.
 */
function nodeIndexStandsAlone(context: PlanRuleContext): void {
  const { view, issues } = context;
  const waves = new Map<string, number>();
  const indexed = new Map<string, IndexedNode>();
  asArray(view.plan.nodeIndex).forEach((raw, i) => {
    const entry = asObject(raw);
    const id = asString(entry?.nodeId);
    if (!entry || id === undefined) return; // the schema says so
    if (!indexed.has(id)) indexed.set(id, { type: entry.nodeType, at: i });
    if (waves.has(id)) issues.add("node-index-inconsistent", `${id} is listed twice`, ["nodeIndex", i, "nodeId"]);
    if (entry.order !== i) issues.add("node-index-inconsistent", `order must be the entry's position, ${i}`, ["nodeIndex", i, "order"]);
    let wave = 0;
    let known = true;
    const seen = new Set<string>();
    asArray(entry.dependsOn).forEach((dep, k) => {
      const d = idText(dep);
      const depWave = waves.get(d);
      if (seen.has(d)) issues.add("node-index-inconsistent", `${d} is listed twice in dependsOn`, ["nodeIndex", i, "dependsOn", k]);
      else if (depWave === undefined) {
        issues.add("node-index-inconsistent", `${d} is not an earlier entry of nodeIndex: dependencies come first, and only nodes of the plan`, ["nodeIndex", i, "dependsOn", k]);
        known = false;
      } else wave = Math.max(wave, depWave + 1);
      seen.add(d);
    });
    // With a dependency unaccounted for, the wave cannot be checked; the declared one stands for
    // the entries after it, so one wrong entry is reported once, not again in every dependent.
    if (!known) {
      if (!waves.has(id)) waves.set(id, typeof entry.wave === "number" ? entry.wave : 0);
      return;
    }
    if (!waves.has(id)) waves.set(id, wave);
    if (entry.wave !== wave) issues.add("node-index-inconsistent", `wave must be ${wave}`, ["nodeIndex", i, "wave"]);
  });
  indexAndPlansAgree(context, indexed);
}

/**
 * Without the graph, the index and the plans are checked against each other: they name the same
 * nodes, and each plan sits in the collection its node type says (finalizers in
 * `finalizerPlans`), with the node type its entry gives.
 */
function indexAndPlansAgree({ view, issues }: PlanRuleContext, indexed: ReadonlyMap<string, IndexedNode>): void {
  plansMatchNodes({ view, issues }, indexed, {
    listedAs: "the nodeIndex entry",
    typeOf: (node) => node.type,
    isListed: (key) => indexed.has(key),
    notListed: (key) => `${JSON.stringify(key)} has a plan but no nodeIndex entry`,
    matched(entry, node) {
      if (entry.kind === "node" && entry.plan.nodeType !== undefined && node.type !== entry.plan.nodeType) {
        issues.add("node-index-inconsistent", `nodeType must be ${JSON.stringify(entry.plan.nodeType)}, as the node's plan says`, ["nodeIndex", node.at, "nodeType"]);
      }
    },
  });
}

/** A node as its first nodeIndex entry gives it: the type, and the entry's position. */
interface IndexedNode {
  readonly type: unknown;
  readonly at: number;
}
