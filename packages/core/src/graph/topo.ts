/**
 * Topological order by Kahn's algorithm over integer node indices, iterative (no recursion), with
 * a stable tie-break: among the nodes ready at any moment the lowest index goes first. Callers
 * number their nodes in tie-break order (e.g. ids in UTF-8 byte order, or node ordinals).
 *
 * On a cycle, returns one cycle's node indices in edge order, found by an iterative walk.
 */
export type TopoResult = { readonly ok: true; readonly order: number[] } | { readonly ok: false; readonly cycle: number[] };

/** A binary min-heap of non-negative integers. */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    let i = a.push(x) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as number) <= x) break;
      a[i] = a[parent] as number;
      i = parent;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && (a[r] as number) < (a[l] as number) ? r : l;
        if ((a[c] as number) >= last) break;
        a[i] = a[c] as number;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * `successors[i]` lists the nodes that must come after node `i` (duplicates are allowed and
 * counted consistently). Runs in O((n + e) log n).
 */
export function topologicalOrder(successors: readonly (readonly number[])[]): TopoResult {
  const n = successors.length;
  const indegree = new Int32Array(n);
  for (const next of successors) for (const j of next) indegree[j] = (indegree[j] as number) + 1;
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(i);
    for (const j of successors[i] as readonly number[]) {
      indegree[j] = (indegree[j] as number) - 1;
      if (indegree[j] === 0) ready.push(j);
    }
  }
  if (order.length === n) return { ok: true, order };
  return { ok: false, cycle: findCycle(successors, indegree) };
}

/**
 * After Kahn stops, every node left (indegree > 0) has a predecessor that is also left, so
 * walking predecessors from any of them must revisit a node; the revisited stretch, reversed, is
 * a cycle in edge order. Iterative; reported from its lowest index, for a stable answer.
 */
function findCycle(successors: readonly (readonly number[])[], indegree: Int32Array): number[] {
  const n = successors.length;
  const predecessor = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if ((indegree[i] as number) <= 0) continue;
    for (const j of successors[i] as readonly number[]) if ((indegree[j] as number) > 0 && (predecessor[j] as number) < 0) predecessor[j] = i;
  }
  let start = 0;
  while ((indegree[start] as number) <= 0) start++;
  const position = new Int32Array(n).fill(-1);
  const walk: number[] = [];
  let node = start;
  while ((position[node] as number) < 0) {
    position[node] = walk.length;
    walk.push(node);
    node = predecessor[node] as number;
  }
  const cycle = walk.slice(position[node] as number).reverse();
  // Start at the lowest index (the first in tie-break order), so the report reads the same
  // however the walk entered the cycle.
  let first = 0;
  for (let i = 1; i < cycle.length; i++) if ((cycle[i] as number) < (cycle[first] as number)) first = i;
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}
