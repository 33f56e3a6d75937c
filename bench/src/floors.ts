import { sha256Hex, topologicalOrderOfEdges } from "@graphenix/core";

/**
 * Stand-ins for the least any implementation must do, measured beside the judged lines so that a
 * target below them is seen to be (docs/benchmarks.md). Generic on purpose: they know no schema.
 */

/** Visits every member and item once and checks nothing: the least a validator of every value reads. */
export function visitEvery(value: unknown): number {
  if (typeof value !== "object" || value === null) return 1;
  let n = 1;
  if (Array.isArray(value)) {
    for (const item of value) n += visitEvery(item);
    return n;
  }
  const obj = value as Record<string, unknown>;
  for (const key in obj) n += visitEvery(obj[key]);
  return n;
}

/** A copy of every object and array: the least a builder of a document that large allocates. */
export function copyEvery(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyEvery(value[i]);
    return out;
  }
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in obj) out[key] = copyEvery(obj[key]);
  return out;
}

/**
 * The least the graph rules of an authoring graph need besides reading its values: every node id
 * numbered (edges name their ends by id), both ends of every edge looked up, and the edges ordered
 * (the DAG check). No issue is made; an unknown end is left out.
 */
export function orderGraph(graph: { readonly nodes: object; readonly edges: readonly { readonly from: string; readonly to: string }[] }): boolean {
  const ids = Object.keys(graph.nodes);
  const position = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) position.set(ids[i] as string, i);
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  let count = 0;
  for (const edge of graph.edges) {
    const f = position.get(edge.from);
    const t = position.get(edge.to);
    if (f === undefined || t === undefined) continue;
    from[count] = f;
    to[count++] = t;
  }
  return topologicalOrderOfEdges(ids.length, from, to, count).ok;
}

/**
 * The least any compile does, with no check made and no plan derived: read every value of the
 * authoring graph and order its edges (the least validating it needs), hash the graph's text
 * (`sourceGraphHash` needs at least that much), make every object of the plan (a copy of it), and
 * hash the plan's text (`planHash`). Native `JSON.stringify` stands in for RFC 8785 text: it is
 * the same text for a value already in canonical member order, and never slower to write.
 */
export function compileFloor(graph: Parameters<typeof orderGraph>[0], plan: unknown): string {
  visitEvery(graph);
  orderGraph(graph);
  // sha256Hex: the fastest way we know to hash a long text (in chunks, core's digest.ts).
  const graphHash = sha256Hex(JSON.stringify(graph));
  return graphHash + sha256Hex(JSON.stringify(copyEvery(plan)));
}
