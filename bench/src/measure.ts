/**
 * Timing helpers. Timings on shared machines are noisy, so every figure is a ratio between two
 * functions measured in the same process: runs alternate between them, the heap is collected
 * before each run when `--expose-gc` is on (and the collector's background work is let finish),
 * and the median of each side is compared.
 */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly samples: readonly number[];
}

const gc = (globalThis as { gc?: () => void }).gc;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Collects the heap and waits as long again as the collection took (at least 10 ms). Why: `gc()`
 * returns before the collector's threads have swept the heap, and on a 2-core machine that sweeping
 * took one of the two cores from whichever run came next (measured: the same validation 7 ms warm,
 * 11-14 ms right after `gc()`, 7.7 ms after a wait; none of it with `--single-threaded-gc`).
 * Timing a function shared with the bench's own clean-up measured the clean-up, by chance.
 */
function collect(): void {
  if (!gc) return;
  const start = performance.now();
  gc();
  Atomics.wait(pause, 0, 0, Math.max(10, performance.now() - start));
}

function once(fn: () => unknown): number {
  collect();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, minMs: sorted[0] ?? Number.NaN, samples };
}

/** How long each function is run, untimed, before it is timed (at least once, at most 20 runs). */
const WARM_UP_MS = 500;

/**
 * Runs `fn` untimed until it has run for WARM_UP_MS. Why: the engine optimizes a function only
 * after it has run a while; one warm-up run left the first rounds of a 30 ms function in
 * unoptimized code (measured: a 10k-node trace binding 60-80 ms for 4 rounds, then 27 ms), so the
 * median of a short function mixed the two and the growth lines compared it with long functions
 * that are optimized within their first run.
 */
function warmUp(fn: () => unknown): void {
  const start = performance.now();
  for (let run = 0; run < 20; run++) {
    fn();
    if (performance.now() - start >= WARM_UP_MS) return;
  }
}

/** Times each function `rounds` times, interleaved, after warming each up (`warmUp`). */
export function timeInterleaved(fns: readonly (() => unknown)[], rounds: number): Timing[] {
  for (const fn of fns) warmUp(fn);
  const samples = fns.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => samples[i]?.push(once(fn)));
  }
  return samples.map(summarize);
}
