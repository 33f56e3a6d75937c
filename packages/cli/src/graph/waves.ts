/**
 * Waves: 0 for a node without dependencies, else 1 + the largest wave of the nodes it depends on
 * (as `nodeIndex[].wave` of a v2 plan). `dependsOn[i]` lists the positions node i depends on.
 * Iterative (Kahn), O(n + e). Never throws: a dependency out of range is ignored, and nodes on a
 * cycle (which validation rules out) are put one wave past the others.
 */
export function wavesOf(dependsOn: readonly (readonly number[])[]): number[] {
  const n = dependsOn.length;
  const waves = new Array<number>(n).fill(0);
  const pending = new Array<number>(n).fill(0);
  const successors: number[][] = Array.from({ length: n }, () => []);
  dependsOn.forEach((deps, i) => {
    for (const d of deps) {
      if (!Number.isInteger(d) || d < 0 || d >= n) continue;
      (successors[d] as number[]).push(i);
      pending[i] = (pending[i] as number) + 1;
    }
  });
  const queue: number[] = [];
  pending.forEach((p, i) => {
    if (p === 0) queue.push(i);
  });
  const done = new Array<boolean>(n).fill(false);
  let max = 0;
  // An array iterator sees elements pushed while it runs: the queue grows as nodes become ready.
  for (const i of queue) {
    done[i] = true;
    max = Math.max(max, waves[i] as number);
    for (const s of successors[i] as number[]) {
      waves[s] = Math.max(waves[s] as number, (waves[i] as number) + 1);
      pending[s] = (pending[s] as number) - 1;
      if (pending[s] === 0) queue.push(s);
    }
  }
  return waves.map((w, i) => (done[i] ? w : max + 1));
}
