import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, run } from "./helpers.js";

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

  it("a running trace binds with warnings, counted as found, not as printed past --max-issues", async () => {
    const full = JSON.parse(readFileSync(join(repoRoot, trace), "utf8")) as { status: string; finishedAt?: string; events: unknown[] };
    const { finishedAt: _over, ...running } = { ...full, status: "running", events: full.events.slice(0, 1) };
    const all = await run(["trace", "check", "-", "--plan", plan], JSON.stringify(running));
    const total = Number(/\((\d+) warnings\)\n$/.exec(all.stdout)?.[1]);
    expect([all.code, total > 2]).toEqual([0, true]);
    const capped = await run(["trace", "check", "-", "--plan", plan, "--max-issues", "2"], JSON.stringify(running));
    expect(capped.code).toBe(0);
    expect(capped.stdout.endsWith(`: bound to ${plan} (${total} warnings, ${total - 2} not shown)\n`)).toBe(true);
  });

  it("needs the check subcommand and --plan", async () => {
    expect((await run(["trace", "verify", trace, "--plan", plan])).code).toBe(2);
    expect((await run(["trace", "check", trace])).code).toBe(2);
  });

  it("validate recognises traces by their format", async () => {
    expect((await run(["validate", trace])).stdout).toBe(`${trace}: valid graphenix.execution-trace/v1\n`);
  });
});
