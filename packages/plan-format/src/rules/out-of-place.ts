/**
 * The positions that are out of place in a sequence meant to be sorted: those outside one longest
 * increasing run (strictly increasing, or non-decreasing when `strict` is false), found with the
 * patience method in O(n log n). Moving exactly these puts the rest in order, so one unit listed
 * too early is one issue, not one for every unit after it. `undefined` entries take no part.
 * Deterministic: of several longest runs, the one that keeps the earliest units, so of two units
 * in the wrong order the later one is reported (as "order 1 after order 5" reads).
 */
export function outOfPlace(values: readonly (number | undefined)[], strict: boolean): Set<number> {
  // The run is built backwards from where it ends; on the mirrored sequence (reversed, negated),
  // whose increasing runs are the same units, that end is the earliest unit.
  const n = values.length;
  const mirrored = values.map((_, i) => {
    const v = values[n - 1 - i];
    return v === undefined ? undefined : -v;
  });
  return new Set([...outOfRun(mirrored, strict)].map((i) => n - 1 - i).sort((a, b) => a - b)); // in document order
}

/** As {@link outOfPlace}, keeping of several longest runs the one ending at the latest position. */
function outOfRun(values: readonly (number | undefined)[], strict: boolean): Set<number> {
  // tails[k]: the position of the smallest value that ends an increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = values[tails[mid] as number] as number;
      if (strict ? t < v : t <= v) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; i >= 0; i = previous[i] as number) kept.add(i);
  const out = new Set<number>();
  values.forEach((v, i) => {
    if (v !== undefined && !kept.has(i)) out.add(i);
  });
  return out;
}
