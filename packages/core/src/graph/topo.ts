/**
 * Topological order by Kahn's algorithm over integer node indices, iterative (no recursion), with
 * a stable tie-break: among the nodes ready at any moment the lowest index goes first. Callers
 * number their nodes in tie-break order (e.g. ids in UTF-8 byte order, or node ordinals).
 *
 * On a cycle, returns one cycle's node indices in edge order, found by an iterative walk.
 *
 * Internally the graph is one compressed adjacency list (offsets + targets in typed arrays) and
 * the ready set a binary heap in a typed array: no object or array per node, which is what made
 * 100k-node graphs slow.
 */
export type TopoResult = { readonly ok: true; readonly order: number[] } | { readonly ok: false; readonly cycle: number[] };

/** Successors of node i: targets[offsets[i] .. offsets[i + 1] - 1], in edge order. */
interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/**
 * `successors[i]` lists the nodes that must come after node `i` (duplicates are allowed and
 * counted consistently). Runs in O((n + e) log n).
 */
export function topologicalOrder(successors: readonly (readonly number[])[]): TopoResult {
  const n = successors.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (successors[i] as readonly number[]).length;
  const targets = new Int32Array(offsets[n] as number);
  let k = 0;
  for (const next of successors) for (const j of next) targets[k++] = j;
  return kahn(n, { offsets, targets });
}

/**
 * The same for an edge list: edge `k` (k < count) goes from node `from[k]` to node `to[k]`; every
 * index below `n`. For callers that number edges as they read them, without arrays per node.
 */
export function topologicalOrderOfEdges(n: number, from: ArrayLike<number>, to: ArrayLike<number>, count: number = from.length): TopoResult {
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) {
    const f = (from[k] as number) + 1;
    offsets[f] = (offsets[f] as number) + 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const f = from[k] as number;
    const at = fill[f] as number;
    fill[f] = at + 1;
    targets[at] = to[k] as number;
  }
  return kahn(n, { offsets, targets });
}

function kahn(n: number, { offsets, targets }: Adjacency): TopoResult {
  const indegree = new Int32Array(n);
  for (const j of targets) indegree[j] = (indegree[j] as number) + 1;
  const heap = new Int32Array(n);
  let size = 0;
  const push = (x: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) <= x) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = x;
  };
  const pop = () => {
    const top = heap[0] as number;
    const last = heap[--size] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && (heap[r] as number) < (heap[l] as number) ? r : l;
      if ((heap[c] as number) >= last) break;
      heap[i] = heap[c] as number;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  for (let i = 0; i < n; i++) if (indegree[i] === 0) push(i);
  const order: number[] = [];
  while (size > 0) {
    const i = pop();
    order.push(i);
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      const j = targets[k] as number;
      const left = (indegree[j] as number) - 1;
      indegree[j] = left;
      if (left === 0) push(j);
    }
  }
  if (order.length === n) return { ok: true, order };
  return { ok: false, cycle: findCycle(n, { offsets, targets }, indegree) };
}

/**
 * After Kahn stops, every node left (indegree > 0) has a predecessor that is also left, so
 * walking predecessors from any of them must revisit a node; the revisited stretch, reversed, is
 * a cycle in edge order. Iterative; reported from its lowest index, for a stable answer.
 */
function findCycle(n: number, { offsets, targets }: Adjacency, indegree: Int32Array): number[] {
  const predecessor = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if ((indegree[i] as number) <= 0) continue;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      const j = targets[k] as number;
      if ((indegree[j] as number) > 0 && (predecessor[j] as number) < 0) predecessor[j] = i;
    }
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
