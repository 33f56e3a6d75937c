import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatePlanGraph } from "@graphenix/plan-graph";
import { bindGroundTruthToPlanGraph, bindTraceToPlan } from "@graphenix/trace-format";
import { run } from "./helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

const golden = join(import.meta.dirname, "fixtures/demo");

/** Compares with a golden file (UPDATE_GOLDEN=1 rewrites it from the actual output). */
function expectGolden(name: string, actual: string): void {
  const file = join(golden, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("graphenix demo", () => {
  it("runs the whole flow on the embedded examples, exit 0, the same output every time", async () => {
    const first = await run(["demo"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe("");
    expectGolden("demo.txt", first.stdout);
    expect((await run(["demo"])).stdout).toBe(first.stdout);
  });

  it("shows a failing target in the run and its rollup", async () => {
    const result = await run(["demo", "--fail-target", "ws-10"]);
    expect(result.code).toBe(0);
    expectGolden("demo-fail-target.txt", result.stdout);
  });

  it("writes every artifact with --out-dir, and they are what they claim", async () => {
    const dir = tempDir("gx-demo-");
    const result = await run(["demo", "--out-dir", dir, "--json"]);
    const summary = JSON.parse(result.stdout) as { valid: boolean; files: string[]; planId: string; rollup: { status: string } };
    expect(summary).toMatchObject({ valid: true, rollup: { status: "succeeded" } });
    expect(summary.files.map((f) => f.slice(dir.length + 1))).toEqual(["plan.json", "trace.json", "plan/expanded_graph.json", "plan/expansion_manifest.json", "ground_truth.jsonl"]);
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8")) as unknown;
    expect(bindTraceToPlan(read("trace.json"), read("plan.json")).valid).toBe(true);
    expect(validatePlanGraph(read("plan/expanded_graph.json")).valid).toBe(true);
    expect((read("plan.json") as { planId: string }).planId).toBe(summary.planId);
    // One row a line, and the rows bind to the graph they record.
    const rows = readFileSync(join(dir, "ground_truth.jsonl"), "utf8").split("\n");
    expect(rows.pop()).toBe("");
    expect(bindGroundTruthToPlanGraph(rows.map((line) => JSON.parse(line) as unknown), read("plan/expanded_graph.json")).issues).toEqual([]);
  });

  it("redraws a progress bar on a terminal, and leaves the report the same", async () => {
    const plain = await run(["demo"]);
    const live = await run(["demo"], "", { interactive: true });
    expect(live.stdout).toContain("\r  run ");
    expect(live.stdout.slice(live.stdout.lastIndexOf("\r\u001b[K") + 4)).toBe(plain.stdout);
  });

  it("takes a leap second for --now: the plan is created then, and the simulated clock counts on from the next minute", async () => {
    const dir = tempDir("graphenix-demo-leap-");
    const result = await run(["demo", "--json", "--out-dir", dir, "--now", "2016-12-31T23:59:60Z"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")) as { createdAt: string }).createdAt).toBe("2016-12-31T23:59:60Z");
    const first = JSON.parse(readFileSync(join(dir, "ground_truth.jsonl"), "utf8").split("\n")[0] as string) as { started_at?: string };
    expect(first.started_at).toBe("2017-01-01T00:00:01.000Z");
  });

  it("refuses a bad --now and positional arguments", async () => {
    expect((await run(["demo", "--now", "yesterday"])).code).toBe(2);
    expect((await run(["demo", "extra"])).code).toBe(2);
    expect(await run(["demo", "--fail-target", "ws-99"])).toEqual({ code: 2, stdout: "", stderr: "graphenix demo: --fail-target ws-99: no node of the demo's plan graph runs on it (its targets: ws-1, ws-10, ws-2)\n" });
  });
});
