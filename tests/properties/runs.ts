/**
 * How many runs each property makes, and with which seed, read from one place (docs/fuzzing.md).
 *
 * - CI (`pnpm test`): each property runs {@link CI_RUNS} times (or the larger count its test gives)
 *   with the fixed seed {@link CI_SEED}, so a green run is reproducible and a red one fails the same
 *   way on every machine. Exploring new inputs is `pnpm fuzz`'s job.
 * - `FUZZ_RUNS=N` runs every property N times instead (`pnpm fuzz` sets 1,000,000), with a fresh
 *   random seed that fast-check prints, with the path, when a property fails.
 * - `FUZZ_SECONDS=S` stops each property after S seconds (counted as a pass when nothing failed),
 *   so a long run can be bounded in time rather than in runs.
 * - `FUZZ_SEED=<seed>` (and `FUZZ_PATH=<path>`) replay a failure fast-check reported.
 */
import type fc from "fast-check";

/** The run count of a property in CI unless its test asks for more. */
export const CI_RUNS = 1_000;
/** The seed of every property in CI. */
export const CI_SEED = 20_261_121;

function positiveNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}

/** The run count of one property: `FUZZ_RUNS` when set, else `ci` (the count its file chose for CI). */
export function fuzzRuns(ci: number): number {
  const runs = positiveNumber("FUZZ_RUNS");
  return runs === undefined ? ci : Math.floor(runs);
}

/** True during a long fuzzing run (`FUZZ_RUNS` or `FUZZ_SECONDS` set). */
export const longRun = positiveNumber("FUZZ_RUNS") !== undefined || positiveNumber("FUZZ_SECONDS") !== undefined;

/**
 * The fast-check parameters of one property: its run count ({@link fuzzRuns}) and its seed: the
 * one `FUZZ_SEED` (and `FUZZ_PATH`) replay, else random in a long run, else {@link CI_SEED}.
 */
export function fuzz<T = unknown>(ci: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  const parameters: fc.Parameters<T> = { ...extra, numRuns: fuzzRuns(ci) };
  const seed = process.env.FUZZ_SEED;
  if (seed !== undefined && seed !== "") {
    parameters.seed = Number(seed);
    if (process.env.FUZZ_PATH) parameters.path = process.env.FUZZ_PATH;
  } else if (!longRun && parameters.seed === undefined) {
    parameters.seed = CI_SEED;
  }
  const seconds = positiveNumber("FUZZ_SECONDS");
  if (seconds !== undefined) parameters.interruptAfterTimeLimit = seconds * 1000;
  return parameters;
}
