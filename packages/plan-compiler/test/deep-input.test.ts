/**
 * A graph nested as deep as any validator examines (MAX_VALIDATION_DEPTH) compiles with half the
 * default stack: the recursive walks keep their room on smaller stacks (a determinism review found
 * a compile at the old ceiling, 2,000, failing with a stack overflow at 700 of 984 KB).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_VALIDATION_DEPTH } from "@graphenix/core";

const script = `
import { compileExecutablePlan } from "@graphenix/plan-compiler";
import { MAX_VALIDATION_DEPTH } from "@graphenix/core";
// The graph is a few levels deep before inputsConfig; its value takes the rest.
let value = 1;
for (let i = 0; i < MAX_VALIDATION_DEPTH - 6; i++) value = { a: value };
const graph = { format: "graphenix.authoring-graph/v1", graphId: "graph:deep", revision: "0.1.0", formatVersion: "2.0.0",
  nodes: { x: { type: "task", parameters: { skillKey: "s", inputsConfig: value } } },
  modelCases: { default: { skillModel: { kind: "profileChoice", key: "a/b" } } }, defaultModelCase: "default" };
const runtime = { jobId: "j", mode: "live", environment: "e", profileRegistry: { package: "@x/p", version: "1.0.0" } };
const result = compileExecutablePlan(graph, runtime, { now: "2026-06-06T12:00:00Z", limits: { maxDepth: MAX_VALIDATION_DEPTH } });
process.stdout.write(result.ok ? "ok" : JSON.stringify(result.issues.slice(0, 2)));
`;

describe("deep input", () => {
  it(`a graph ${MAX_VALIDATION_DEPTH} deep compiles with half the default stack`, () => {
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    const run = spawnSync(process.execPath, ["--stack-size=492", "--conditions=@graphenix/source", "--import", "tsx", "--input-type=module", "-e", script], { cwd, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("ok");
  });
});
