/**
 * The order of the instants two timestamps of the schema's `Timestamp` form name
 * (`YYYY-MM-DDTHH:MM:SS`, optional fractional seconds of 1 to 9 digits, `Z`): negative when `a` is
 * earlier, 0 for the same instant, positive when later (docs/execution-trace.md).
 *
 * Why not text order: with fractional seconds of different lengths it is wrong both ways.
 * `…:01Z` sorts after `…:01.5Z` (`Z` follows `.`), and `…:01.5Z` after the same instant written
 * `…:01.50Z`. Text order is right when both have the same length, since the same length means the
 * same number of fractional digits and every field in the same place; that is the fast path, and
 * traces write one precision throughout.
 */
export function compareTimestamps(a: string, b: string): number {
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  // Date and time to the second are fixed-width digits (a leap second, `:60`, sorts after `:59`
  // and before the next minute, as it happens).
  const head = compareText(a.slice(0, SECONDS_END), b.slice(0, SECONDS_END));
  if (head !== 0) return head;
  // Then the fractions as decimal fractions: `.5` and `.50` are the same, no fraction is `.0`.
  return compareText(fraction(a), fraction(b));
}

/** `a` is before `b` (the same instant is not). */
export function isBefore(a: string, b: string): boolean {
  // The common case (one precision throughout) without a call.
  return a.length === b.length ? a < b : compareTimestamps(a, b) < 0;
}

/** Where `YYYY-MM-DDTHH:MM:SS` ends: a `.` starting the fraction, or the `Z`. */
const SECONDS_END = 19;
/** The most fractional digits the schema allows (nanoseconds). */
const FRACTION_DIGITS = 9;

function fraction(timestamp: string): string {
  const digits = timestamp.length > SECONDS_END + 1 ? timestamp.slice(SECONDS_END + 1, -1) : "";
  return digits.padEnd(FRACTION_DIGITS, "0");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
