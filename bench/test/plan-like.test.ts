import { describe, expect, it } from "vitest";
import { planLikeDocument } from "../src/plan-like.js";
import { judged } from "../src/result.js";

describe("bench inputs", () => {
  it("the plan-like document is deterministic and has the requested node count", () => {
    const a = planLikeDocument(50);
    expect(JSON.stringify(a)).toBe(JSON.stringify(planLikeDocument(50)));
    expect(Object.keys(a.nodePlans as object)).toHaveLength(50);
  });
  it("judges ratios against their target in the stated direction", () => {
    expect(judged("x", 3.2, ">=", 3, "").pass).toBe(true);
    expect(judged("x", 2.9, ">=", 3, "").pass).toBe(false);
    expect(judged("x", 0.4, "<=", 0.5, "").pass).toBe(true);
  });
});
