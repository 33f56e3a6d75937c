/** One row of bench/results.json. `ratio` and `target` read the same way as the row's name says. */
export interface BenchResult {
  readonly name: string;
  readonly ratio: number;
  /** e.g. ">= 3" or "<= 0.5"; null for rows that are reported, not judged. */
  readonly target: string | null;
  readonly pass: boolean | null;
  readonly detail: string;
}

export function judged(name: string, ratio: number, op: ">=" | "<=", bound: number, detail: string): BenchResult {
  const pass = op === ">=" ? ratio >= bound : ratio <= bound;
  return { name, ratio: round(ratio), target: `${op} ${bound}`, pass, detail };
}

export function reported(name: string, ratio: number, detail: string): BenchResult {
  return { name, ratio: round(ratio), target: null, pass: null, detail };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
