/**
 * isRealDate: a timestamp's date exists in the proleptic Gregorian calendar (RFC 3339), for every
 * year the pattern allows, 0000 through 9999.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRealDate } from "@graphenix/core";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";

const stamp = (year: number, month: number, day: number) => `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T00:00:00Z`;

describe("isRealDate", () => {
  it.each([
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2024-02-29", true],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2026-04-31", false],
    ["2026-12-31", true],
    ["2026-00-10", false],
    ["2026-13-01", false],
    ["2026-01-00", false],
    // Years 0–99 are years 0–99 (Date.UTC would read them as 1900–1999).
    ["0050-06-01", true],
    ["0000-02-29", true],
    ["0004-02-29", true],
    ["0100-02-29", false],
  ])("%s: %s", (date, real) => {
    expect(isRealDate(`${date}T12:00:00Z`)).toBe(real);
  });

  it("agrees with a calendar for years 100 to 9999 (where Date is one)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const date = new Date(Date.UTC(year, month - 1, day));
        const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        expect(isRealDate(stamp(year, month, day))).toBe(exists);
      }),
      fuzz(CI_RUNS),
    );
  });
});
