import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shouldUseColor } from "../src/color.js";
import { run } from "./helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

const authoring = "examples/content-pipeline.authoring.json";
const runtime = "examples/content-pipeline.runtime.json";
const plan = "packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json";
const trace = "packages/trace-format/test/fixtures/content-pipeline-partial/trace.json";
const ESC = "\u001b[";

describe("colour", () => {
  it("only on a terminal, never with NO_COLOR or TERM=dumb", () => {
    expect(shouldUseColor({}, true)).toBe(true);
    expect(shouldUseColor({}, false)).toBe(false);
    expect(shouldUseColor({}, undefined)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: "1" }, true)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: "" }, true)).toBe(true); // no-color.org: only a non-empty value counts
    expect(shouldUseColor({ TERM: "dumb" }, true)).toBe(false);
  });

  it("colours codes and verdicts when on, and the text is otherwise the same", async () => {
    const args = ["validate", "packages/authoring-format/test/fixtures/_error_/graph-cycle/input.authoring-graph.json"];
    const [plain, coloured] = [await run(args), await run(args, "", { color: true })];
    expect(plain.stdout).not.toContain(ESC);
    expect(coloured.stdout).toContain(`${ESC}31mgraph-cycle${ESC}39m`);
    expect(coloured.stdout.replace(/\u001b\[\d+m/g, "")).toBe(plain.stdout);
  });

  it("shows warnings as warnings", async () => {
    const running = JSON.parse(readFileSync(join(import.meta.dirname, "../../trace-format/test/fixtures/_error_/unit-not-executed-running/trace.json"), "utf8")) as unknown;
    const result = await run(["trace", "check", "-", "--plan", "packages/plan-compiler/test/fixtures/pre-main-post-finalizer/expected.plan.v2.json"], JSON.stringify(running));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: warning: trace-unit-not-executed: .*\(at \/finalizerPlans\/node:package\/executionUnits\/0\)\n<stdin>: bound to .* \(1 warning\)\n$/);
  });
});

describe("--json on every command", () => {
  it("compile: the plan, or the issues with their files and positions", async () => {
    const ok = await run(["compile", authoring, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "--json"]);
    const okJson = JSON.parse(ok.stdout) as { valid: boolean; issues: unknown[]; plan: { format: string } };
    expect(ok.code).toBe(0);
    expect(okJson).toMatchObject({ source: authoring, runtime, valid: true, issues: [] });
    expect(okJson.plan.format).toBe("graphenix.executable-plan/v2");
    const bad = await run(["compile", authoring, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "--format", "v1", "--json"]);
    const badJson = JSON.parse(bad.stdout) as { valid: boolean; issues: { source: string; code: string; pointer: string; location: { line: number } }[] };
    expect(bad.code).toBe(1);
    expect(badJson.valid).toBe(false);
    expect(badJson.issues[0]).toMatchObject({ source: authoring, code: "compile-v1-unsupported", pointer: "/nodes/node:check-draft/type", location: { line: 60 } });
  });

  it("compile -o --json: names the file instead of printing the plan", async () => {
    const out = join(tempDir("gx-json-"), "nested", "plan.json");
    const result = await run(["compile", authoring, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "-o", out, "--json"]);
    expect(JSON.parse(result.stdout)).toEqual({ source: authoring, runtime, valid: true, issues: [], output: out });
    expect((JSON.parse(readFileSync(out, "utf8")) as { format: string }).format).toBe("graphenix.executable-plan/v2");
  });

  it("expand, trace check and canon", async () => {
    const dir = tempDir("gx-json-");
    const expand = JSON.parse((await run(["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--out-dir", dir, "--json"])).stdout) as unknown;
    expect(expand).toEqual({ source: "examples/matrix-scenario.json", inventory: "examples/lab-inventory.json", valid: true, issues: [], planType: "matrix", nodes: 6, files: [join(dir, "expanded_graph.json"), join(dir, "expansion_manifest.json")] });
    const refused = await run(["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--max-nodes", "3", "--json"]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ valid: false, issues: [{ source: "examples/matrix-scenario.json", code: "plan_expansion_limit", pointer: "/plan/expand", location: { line: 20, column: 5 } }] });
    const bound = JSON.parse((await run(["trace", "check", trace, "--plan", plan, "--json"])).stdout) as unknown;
    expect(bound).toEqual({ trace, plan, valid: true, issues: [] });
    expect(JSON.parse((await run(["canon", "-", "--json"], '{"b":1,"a":[1.0,"x"]}')).stdout)).toEqual({ source: "<stdin>", valid: true, canonical: '{"a":[1,"x"],"b":1}' });
  });
});

describe("standard input", () => {
  it("can stand for one input of a command, not two", async () => {
    const text = readFileSync(join(import.meta.dirname, "../../../", runtime), "utf8");
    expect((await run(["compile", authoring, "--runtime", "-", "--now", "2026-06-06T12:00:00Z", "--json"], text)).code).toBe(0);
    const both = await run(["compile", "-", "--runtime", "-"], text);
    expect(both).toEqual({ code: 2, stdout: "", stderr: "graphenix compile: standard input (-) can stand for one input only, and 2 inputs name it (see 'graphenix compile --help')\n" });
  });
});
