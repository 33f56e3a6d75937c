import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
import { run } from "./helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

const graph = "examples/content-pipeline.authoring.json";
const runtime = "examples/content-pipeline.runtime.json";
const golden = "packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json";

describe("graphenix compile", () => {
  it("writes the same plan as the library, for the same --now", async () => {
    const result = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00.000Z"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(import.meta.dirname, "../../..", golden), "utf8"));
  });

  it("writes to -o and the plan validates", async () => {
    const out = join(tempDir("gx-compile-"), "plan.json");
    const result = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "-o", out]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(validateExecutablePlan(JSON.parse(readFileSync(out, "utf8"))).valid).toBe(true);
  });

  it("reports issues against the file they concern on standard error (standard output is for the plan), and exits 1", async () => {
    const result = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "--format", "v1"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^examples\/content-pipeline\.authoring\.json:\d+:\d+: compile-v1-unsupported: v1 plans cannot run validation nodes: compile to v2 \(at \/nodes\/node:check-draft\/type\)$/);
    expect(lines.at(-1)).toBe(`${graph}: compile failed (6 issues)`);
  });

  it("needs --runtime and a valid --now", async () => {
    expect((await run(["compile", graph])).code).toBe(2);
    const badNow = await run(["compile", graph, "--runtime", runtime, "--now", "yesterday"]);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain("graphenix compile: --now must be an RFC 3339 UTC timestamp");
  });
});

describe("graphenix hash --plan and validate on plans", () => {
  it("prints the plan hash, which equals planHash", async () => {
    const plan = JSON.parse(readFileSync(join(import.meta.dirname, "../../..", golden), "utf8")) as { planHash: string };
    expect(await run(["hash", "--plan", golden])).toEqual({ code: 0, stdout: `${plan.planHash}\n`, stderr: "" });
    expect(computePlanHash(plan)).toBe(plan.planHash);
  });

  it("validates a plan, detected by its format", async () => {
    expect(await run(["validate", golden])).toEqual({ code: 0, stdout: `${golden}: valid graphenix.executable-plan/v2\n`, stderr: "" });
    const broken = "packages/plan-format/test/fixtures/_error_/unit-phase-order/input.plan.json";
    const result = await run(["validate", broken]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(": unit-phase-order: a PRE-phase unit out of place: the order is PRE → MAIN → POST");
  });
});
