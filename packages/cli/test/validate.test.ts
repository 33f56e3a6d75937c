import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

const example = "examples/content-pipeline.authoring.json";
const broken = "packages/authoring-format/test/fixtures/_error_/edge-unknown-node/input.authoring-graph.json";

describe("graphenix validate", () => {
  it("recognises an authoring graph by its format and exits 0 when valid", async () => {
    expect(await run(["validate", example])).toEqual({ code: 0, stdout: `${example}: valid graphenix.authoring-graph/v1\n`, stderr: "" });
  });

  it("prints file:line:col: code: message (at pointer) per issue, and exits 1", async () => {
    const result = await run(["validate", broken]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      `${broken}:26:7: edge-unknown-node: the edge ends at "node:ghost", which is not a node of this graph (at /edges/0/to)`,
      `${broken}:29:7: edge-unknown-node: the edge starts at "node:nowhere", which is not a node of this graph (at /edges/1/from)`,
      `${broken}: invalid graphenix.authoring-graph/v1 (2 issues)`,
      "",
    ]);
  });

  it("positions a missing member at its parent", async () => {
    const doc = '{\n  "format": "graphenix.authoring-graph/v1",\n  "graphId": "g",\n  "revision": "1.0.0",\n  "formatVersion": "1.0.0",\n  "nodes": { "n": { "type": "task", "parameters": {} } },\n  "modelCases": { "default": {} }\n}';
    const result = await run(["validate", "-"], doc);
    expect(result.stdout).toContain("<stdin>:1:1: schema-required: the member \"defaultModelCase\" is required here (at /defaultModelCase)");
    expect(result.stdout).toContain("<stdin>:6:37: task-skill-key-missing:");
  });

  it("needs --format for a runtime object, which has no format member", async () => {
    const file = "examples/content-pipeline.runtime.json";
    const detected = await run(["validate", file]);
    expect(detected.code).toBe(1);
    expect(detected.stdout).toContain(": format-missing:");
    expect(await run(["validate", "--format", "runtime-object", file])).toEqual({ code: 0, stdout: `${file}: valid runtime-object\n`, stderr: "" });
  });

  it("names the known formats for an unknown one", async () => {
    const result = await run(["validate", "-"], '{"format": "graphenix.executable-plan/v9"}');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('format-unsupported: format "graphenix.executable-plan/v9" is not one graphenix reads; known formats: "graphenix.authoring-graph/v1"');
  });

  it("--json prints the result with source positions", async () => {
    const result = await run(["validate", "--json", broken]);
    const body = JSON.parse(result.stdout) as { kind: string; valid: boolean; issues: { code: string; location: { line: number } }[] };
    expect(body).toMatchObject({ kind: "authoring-graph", valid: false });
    expect(body.issues.map((i) => [i.code, i.location.line])).toEqual([["edge-unknown-node", 26], ["edge-unknown-node", 29]]);
  });

  it("rejects an unknown --format with exit 2", async () => {
    const result = await run(["validate", "--format", "plan", example]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain("--format must be one of authoring-graph, normalized-graph, executable-plan, execution-trace, plan-graph, expansion-manifest, mplp-plan, runtime-object");
  });

  it("tells a plan graph from the expansion manifest written beside it (both have contract_version plan_graph_v1)", async () => {
    const dir = tempDir("gx-validate-");
    expect((await run(["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--out-dir", dir])).code).toBe(0);
    const graphFile = join(dir, "expanded_graph.json");
    const manifestFile = join(dir, "expansion_manifest.json");
    expect(await run(["validate", graphFile])).toEqual({ code: 0, stdout: `${graphFile}: valid plan-graph\n`, stderr: "" });
    expect(await run(["validate", manifestFile])).toEqual({ code: 0, stdout: `${manifestFile}: valid expansion-manifest\n`, stderr: "" });
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, cells: "all of them" }));
    const broken = await run(["validate", "--json", manifestFile]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ kind: "expansion-manifest", valid: false, issues: [{ code: "schema-type", pointer: "/cells" }] });
  });

  it("recognises MPLP plans by plan_id and steps", async () => {
    const file = "packages/plan-graph/test/fixtures/mplp/tests/golden/flows/flow-01-single-agent-plan/input/plan.json";
    expect(await run(["validate", file])).toEqual({ code: 0, stdout: `${file}: valid mplp-plan\n`, stderr: "" });
  });
});
