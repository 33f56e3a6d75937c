import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const plan = "packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json";
const trace = "packages/trace-format/test/fixtures/content-pipeline-succeeded/trace.json";

describe("graphenix trace check", () => {
  it("binds a trace to its plan, exit 0", async () => {
    expect(await run(["trace", "check", trace, "--plan", plan])).toEqual({ code: 0, stdout: `${trace}: bound to ${plan}\n`, stderr: "" });
  });

  it("reports binding issues against the file they concern, exit 1", async () => {
    const other = "packages/plan-compiler/test/fixtures/seed-audience-insights/expected.plan.v2.json";
    const result = await run(["trace", "check", trace, "--plan", other]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${trace.replace(/[.]/g, "\\.")}:\\d+:\\d+: trace-plan-mismatch: .*\\(at /planId\\)$`, "m"));
  });

  it("needs the check subcommand and --plan", async () => {
    expect((await run(["trace", "verify", trace, "--plan", plan])).code).toBe(2);
    expect((await run(["trace", "check", trace])).code).toBe(2);
  });

  it("validate recognises traces by their format", async () => {
    expect((await run(["validate", trace])).stdout).toBe(`${trace}: valid graphenix.execution-trace/v1\n`);
  });
});
