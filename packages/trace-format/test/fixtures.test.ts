import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { bindTraceToPlan } from "@graphenix/trace-format";
import { simulateTrace, type SimulationScript } from "@graphenix/trace-format";

/**
 * Golden traces of the compiled content-pipeline plan: each folder's trace.json is what the
 * deterministic simulator writes for its script (UPDATE_GOLDEN=1 rewrites them), and binds.
 */
const plan = JSON.parse(readFileSync(join(import.meta.dirname, "../../plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json"), "utf8")) as ExecutableGraphPlanV2;
const mainSkill = plan.nodePlans["node:draft-article"]!.executionUnits[3]!.unitId;
const SCRIPTS: Record<string, SimulationScript> = {
  "content-pipeline-succeeded": {},
  "content-pipeline-partial": { failures: { [mainSkill]: 3 } },
  "content-pipeline-retry-fallback": { failures: { [mainSkill]: 2 }, models: { [mainSkill]: { kind: "profileChoice", key: "vol/fast" } } },
};
const root = join(import.meta.dirname, "fixtures");

describe("golden traces", () => {
  it("has exactly the scripted folders", () => {
    expect(readdirSync(root).sort()).toEqual(Object.keys(SCRIPTS).sort());
  });
  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(name, () => {
      const file = join(root, name, "trace.json");
      const actual = `${JSON.stringify(simulateTrace(plan, script), null, 2)}\n`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
      expect(actual).toBe(readFileSync(file, "utf8"));
      const bound = bindTraceToPlan(JSON.parse(actual), plan);
      expect(bound.issues.filter((i) => i.severity === "error")).toEqual([]);
    });
  }
});
