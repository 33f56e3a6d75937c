import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileExecutablePlan, CompileOptionsError } from "@graphenix/plan-compiler";

const runtime = { jobId: "job-1", mode: "live", environment: "prod", profileRegistry: { package: "@x12i/ai-profiles", version: "3.2.0" } };

describe("compileExecutablePlan never throws for documents", () => {
  it("returns issues for arbitrary JSON inputs", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), (graph, rt) => {
        const result = compileExecutablePlan(graph, rt, { now: "2026-06-06T12:00:00Z" });
        expect(result.ok).toBe(false);
        expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 9 },
    );
  });

  it("throws CompileOptionsError only for misused options", () => {
    expect(() => compileExecutablePlan({}, runtime, {} as never)).toThrow(CompileOptionsError);
    expect(() => compileExecutablePlan({}, runtime, { now: "now" })).toThrow(CompileOptionsError);
    expect(() => compileExecutablePlan({}, runtime, { now: "2026-06-06T12:00:00Z", format: "v3" as never })).toThrow(CompileOptionsError);
    expect(() => compileExecutablePlan({}, runtime, { now: () => "2026-06-06T12:00:00Z" })).not.toThrow();
  });
});
