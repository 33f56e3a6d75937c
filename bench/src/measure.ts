/**
 * Timing helpers. Timings on shared machines are noisy, so every figure is a ratio between two
 * functions measured in the same process: runs alternate between them, the heap is collected
 * before each run when `--expose-gc` is on, and the median of each side is compared.
 */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly samples: readonly number[];
}

const gc = (globalThis as { gc?: () => void }).gc;

function once(fn: () => unknown): number {
  gc?.();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, minMs: sorted[0] ?? Number.NaN, samples };
}

/** Times each function `rounds` times, interleaved, after one untimed warm-up run of each. */
export function timeInterleaved(fns: readonly (() => unknown)[], rounds: number): Timing[] {
  for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => samples[i]?.push(once(fn)));
  }
  return samples.map(summarize);
}
