/** isStackOverflow: what readers let go up instead of reporting it as the document's doing. */
import { describe, expect, it } from "vitest";
import { isStackOverflow } from "../src/stack.js";

describe("isStackOverflow", () => {
  it("is true for the engine running out of stack, false for other errors", () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    let overflow: unknown;
    try {
      recurse(0);
    } catch (error) {
      overflow = error;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    expect(isStackOverflow(new RangeError("Invalid array length"))).toBe(false);
    expect(isStackOverflow(new Error("Maximum call stack size exceeded"))).toBe(false);
    expect(isStackOverflow("call stack")).toBe(false);
  });
});
