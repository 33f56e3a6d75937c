/**
 * Edges of expansion a mutation review found untested: the node limit taken exactly, an axis that
 * matched no target, expanded or not, and an axis named twice in `expand`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePlan } from "@graphenix/plan-graph";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const dir = join(import.meta.dirname, "fixtures/_error_/expand-limit");
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Loose;
const codes = (r: ReturnType<typeof compilePlan>) => (r.ok ? [] : r.issues.map((i) => `${i.pointer} ${i.code}`));

describe("expansion edges", () => {
  it("max_nodes is the largest graph allowed: 6 cells compile under max_nodes 6", () => {
    const result = compilePlan(read("scenario.json"), read("inventory.json"), { max_nodes: 6 });
    expect(result.ok && result.graph.nodes.length).toBe(6);
    expect(codes(compilePlan(read("scenario.json"), read("inventory.json"), { max_nodes: 5 }))).toEqual(["/scenario/plan/expand plan_expansion_limit"]);
  });

  it("a targets axis that matches no asset is refused: empty when expanded, not exactly one value when not", () => {
    const scenario = read("scenario.json");
    scenario.plan.axes.targets.selector = { os: "plan9" };
    expect(codes(compilePlan(scenario, read("inventory.json")))).toEqual(["/scenario/plan/axes/targets plan_expansion_empty_axis"]);
    scenario.plan.expand = ["encoding"];
    expect(codes(compilePlan(scenario, read("inventory.json")))).toEqual(["/scenario/plan/axes/targets config_schema_invalid"]);
  });

  it("an axis named twice in expand is refused at its second place", () => {
    const scenario = read("scenario.json");
    scenario.plan.expand = ["targets", "encoding", "targets"];
    expect(codes(compilePlan(scenario, read("inventory.json")))).toEqual(["/scenario/plan/expand/2 config_schema_invalid"]);
  });
});
