import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatePlanGraph } from "@graphenix/plan-graph";
import { run } from "./helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

describe("graphenix expand", () => {
  it("writes expanded_graph.json and expansion_manifest.json", async () => {
    const dir = tempDir("gx-expand-");
    const result = await run(["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--out-dir", dir]);
    expect(result).toEqual({ code: 0, stdout: `${join(dir, "expanded_graph.json")}: 6 nodes (matrix)\n${join(dir, "expansion_manifest.json")}\n`, stderr: "" });
    const graph = JSON.parse(readFileSync(join(dir, "expanded_graph.json"), "utf8")) as unknown;
    expect(validatePlanGraph(graph).valid).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, "expansion_manifest.json"), "utf8")) as { axes: { values: string[] }[] };
    expect(manifest.axes[0]?.values).toEqual(["ws-1", "ws-10", "ws-2"]);
  });

  it("reports a refusal against the scenario file with its position, exit 1", async () => {
    const result = await run(["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--max-nodes", "3"]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe("examples/matrix-scenario.json:20:5: plan_expansion_limit: the expansion would make 6 nodes, more than max_nodes (3) (at /plan/expand)");
  });

  it("--max-nodes takes a whole number from 1 to MAX_NODES_CEILING (a usage error otherwise, exit 2)", async () => {
    const args = (n: string) => ["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--max-nodes", n];
    for (const bad of ["0", "1.5", "1e3", "10000001", "99999999999999999999"]) {
      const result = await run(args(bad));
      expect([result.code, result.stdout], bad).toEqual([2, ""]);
      expect(result.stderr).toMatch(new RegExp(`^graphenix expand: --max-nodes takes a (positive )?whole number.*, not "${bad.replace(".", "\\.")}"`));
    }
    expect((await run(args("10000000"))).stdout).not.toContain("max-nodes");
  });

  it("needs --inventory; validate recognises plan graphs by contract_version", async () => {
    expect((await run(["expand", "examples/matrix-scenario.json"])).code).toBe(2);
    const dir = tempDir("gx-expand-");
    await run(["expand", "examples/atomic-scenario.json", "--inventory", "examples/lab-inventory.json", "--out-dir", dir]);
    expect((await run(["validate", join(dir, "expanded_graph.json")])).stdout).toBe(`${join(dir, "expanded_graph.json")}: valid plan-graph\n`);
  });
});
