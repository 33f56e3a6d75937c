import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computePlanHash, validateExecutablePlanV2 } from "@graphenix/plan-format";
import { compileExecutablePlan, type CompileOptions } from "@graphenix/plan-compiler";

// What the compiler's and the plan validator's messages name: the case or node probably meant,
// or the ones there are, and the two values that disagree.
const dir = join(import.meta.dirname, "fixtures", "content-pipeline");
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
const graph = read("authoring-graph.json");
const runtime = read("runtime.json");
const options = { ...read("options.json"), format: "v2" } as unknown as CompileOptions & { readonly format: "v2" };
const lines = (result: { readonly issues: readonly { pointer: string; code: string; message: string }[] }) => result.issues.map((i) => `${i.pointer} ${i.code}: ${i.message}`);

describe("compile messages", () => {
  it("a misspelled graph model case gets the case meant", () => {
    const result = compileExecutablePlan(graph, { ...runtime, graphModelCase: "Default" }, options);
    expect(lines(result)).toEqual(['/runtime/graphModelCase model-case-unknown: the runtime chose the graph model case "Default", which the graph does not have: did you mean "default"?']);
  });

  it("an override for a node the graph does not have gets the node meant, else the nodes listed", () => {
    const near = compileExecutablePlan(graph, { ...runtime, nodeModelCases: { "node:audiense-insights": "default" } }, options);
    expect(lines(near)).toEqual(['/runtime/nodeModelCases/node:audiense-insights compile-runtime-unknown-node: the runtime overrides the model case of "node:audiense-insights", which is not a node of the graph: did you mean "node:audience-insights"?']);
    const far = compileExecutablePlan(graph, { ...runtime, nodeModelCases: { elsewhere: "default" } }, options);
    expect(lines(far)[0]).toMatch(/^\/runtime\/nodeModelCases\/elsewhere compile-runtime-unknown-node: .*; the nodes are "node:audience-insights", "node:draft-article", /);
  });
});

describe("plan messages give both values", () => {
  const compiled = compileExecutablePlan(graph, runtime, options);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const plan = compiled.plan;

  it("plan-hash-mismatch: the planHash and the hash of the plan", () => {
    const changed = { ...plan, createdAt: "2027-01-01T00:00:00.000Z" };
    expect(lines(validateExecutablePlanV2(changed))).toEqual([`/planHash plan-hash-mismatch: planHash is ${plan.planHash}, but the plan's canonical bytes without planHash hash to ${computePlanHash(changed)}: the plan was changed after it was hashed`]);
  });

  it("unit-policy-mismatch: the unit's policy and its node's", () => {
    const copy = structuredClone(plan);
    const unit = Object.values(copy.nodePlans)[0]!.executionUnits[0]!;
    unit.retryPolicy = { maxAttempts: 9, backoffMs: 0 };
    copy.planHash = computePlanHash(copy);
    const [issue] = lines(validateExecutablePlanV2(copy));
    expect(issue).toMatch(/unit-policy-mismatch: retryPolicy is \{"maxAttempts":9,"backoffMs":0\}, but the retry policy of .* in the embedded graph is \{"maxAttempts":\d+,"backoffMs":\d+\}$/);
  });
});
