/**
 * The order of timestamps (src/timestamps.ts): events' `at`, `startedAt` and `finishedAt` are
 * compared by the instant they name, whatever number of fractional digits each is written with.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExecutableGraphPlanV2, GraphExecutionTrace } from "@graphenix/contracts";
import { simulateTrace, validateTrace } from "@graphenix/trace-format";
import { compareTimestamps, isBefore } from "../src/timestamps.js";
import { readFixture } from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";

const two = (n: number) => String(n).padStart(2, "0");

/**
 * A timestamp of the schema's form and the instant it names in nanoseconds since 1970. Days stop
 * at 28 and seconds at 59 so that `Date.UTC` is a faithful reference (it rolls 02-31 into March
 * and has no leap seconds); those are tested on their own below.
 */
const timestamps = fc
  .record({
    year: fc.integer({ min: 1970, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 1 }),
    second: fc.integer({ min: 0, max: 2 }),
    // Few distinct values, so equal instants written differently come up often.
    fraction: fc.constantFrom("", "0", "5", "50", "500000000", "05", "049", "1", "999999999"),
  })
  .map(({ year, month, day, hour, minute, second, fraction }) => {
    const text = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${fraction ? `.${fraction}` : ""}Z`;
    const nanos = BigInt(Date.UTC(year, month - 1, day, hour, minute, second)) * 1_000_000n + BigInt(fraction.padEnd(9, "0") || "0");
    return { text, nanos };
  });

const sign = (n: number | bigint) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe("compareTimestamps", () => {
  it("orders timestamps by the instant they name, whatever their fractional digits", () => {
    fc.assert(
      fc.property(timestamps, timestamps, (a, b) => {
        expect(compareTimestamps(a.text, b.text)).toBe(sign(a.nanos - b.nanos));
        expect(isBefore(a.text, b.text)).toBe(a.nanos < b.nanos);
      }),
      fuzz(CI_RUNS),
    );
  });

  it.each([
    ["2026-06-06T12:00:01Z", "2026-06-06T12:00:01.5Z", -1],
    ["2026-06-06T12:00:01.5Z", "2026-06-06T12:00:01.50Z", 0],
    ["2026-06-06T12:00:01.5Z", "2026-06-06T12:00:01.49Z", 1],
    ["2026-06-06T12:00:01.000000001Z", "2026-06-06T12:00:01Z", 1],
    // A leap second is a second of its own: after :59, before the next minute.
    ["2026-12-31T23:59:60Z", "2026-12-31T23:59:59.999Z", 1],
    ["2026-12-31T23:59:60.5Z", "2027-01-01T00:00:00Z", -1],
  ])("%s against %s: %i", (a, b, expected) => {
    expect(compareTimestamps(a, b)).toBe(expected);
    expect(compareTimestamps(b, a)).toBe(0 - expected || 0);
  });
});

describe("validateTrace: times never go back, by instant", () => {
  const good = simulateTrace(readFixture<ExecutableGraphPlanV2>("packages/plan-compiler/test/fixtures/seed-audience-insights/expected.plan.v2.json"));
  const withTimes = (times: Record<number, string>, finishedAt?: string) => {
    const trace = structuredClone(good) as GraphExecutionTrace;
    for (const [i, at] of Object.entries(times)) trace.events[Number(i)]!.at = at;
    if (finishedAt !== undefined) trace.finishedAt = finishedAt;
    return validateTrace(trace).issues.map((i) => `${i.pointer} ${i.code}`);
  };
  const at = good.events[2]!.at.slice(0, 19); // the seconds of event 2, then its fractions vary

  it("a later instant written with more fractional digits is not a regression", () => {
    expect(withTimes({ 2: `${at}Z`, 3: `${at}.5Z` })).toEqual([]);
  });

  it("the same instant written with different digits is not a regression", () => {
    expect(withTimes({ 2: `${at}.5Z`, 3: `${at}.50Z` })).toEqual([]);
  });

  it("an earlier instant is a regression, whatever its digits", () => {
    expect(withTimes({ 2: `${at}.5Z`, 3: `${at}.49Z` })).toEqual(["/events/3/at trace-time-regression"]);
    expect(withTimes({ 2: `${at}.000000001Z`, 3: `${at}Z` })).toEqual(["/events/3/at trace-time-regression"]);
  });

  it("finishedAt is compared by instant too", () => {
    const last = good.events.at(-1)!.at;
    expect(withTimes({}, last.replace(/Z$/, "0Z"))).toEqual([]);
    expect(withTimes({ [good.events.length - 1]: `${last.slice(0, 19)}.5Z` }, `${last.slice(0, 19)}Z`)).toEqual(["/finishedAt trace-time-regression"]);
  });
});
