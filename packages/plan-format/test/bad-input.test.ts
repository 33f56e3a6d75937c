import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateExecutablePlan, validateExecutablePlanV1, validateExecutablePlanV2 } from "@graphenix/plan-format";

const seed = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/seed-v2/input.plan.json"), "utf8")) as Record<string, unknown>;
const validators = [validateExecutablePlan, validateExecutablePlanV1, validateExecutablePlanV2];

describe("plans: no input makes a validator throw", () => {
  it.each([null, 0, "plan", [], {}, { format: "graphenix.executable-plan/v2" }, { format: "graphenix.executable-plan/v1", nodePlans: [] }, undefined])("%j", (value) => {
    for (const validate of validators) {
      const result = validate(value);
      expect(result.valid).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });

  it("a value JSON cannot carry, where a rule quotes what it finds, is only reported (a BigInt cannot be quoted)", () => {
    const nodes = seed.nodePlans as Record<string, Record<string, unknown>>;
    const [id] = Object.keys(nodes);
    for (const odd of [10n, Number.NaN, undefined, new Date(0)]) {
      const plan = { ...seed, nodePlans: { ...nodes, [id!]: { ...nodes[id!], nodeType: odd } } };
      const result = validateExecutablePlanV2(plan);
      expect(result.valid).toBe(false);
      expect(result.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([`/nodePlans/${id}/nodeType document-non-json`]);
    }
  });

  it("a plan of the other format is turned away at the format gate: nothing else of it is read", () => {
    // The member that throws comes first, so a walk of the members would meet it before the format.
    const plan = Object.assign(Object.defineProperty({}, "nodePlans", { enumerable: true, get: () => { throw new Error("read"); } }), { format: "graphenix.executable-plan/v2" });
    expect(validateExecutablePlanV1(plan).issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/format format-unsupported"]);
  });

  it("arbitrary JSON under every member of a valid plan", () => {
    const members = Object.keys(seed);
    fc.assert(
      fc.property(fc.constantFrom(...members), fc.jsonValue({ maxDepth: 4 }), (member, junk) => {
        const plan = { ...structuredClone(seed), [member]: junk };
        const result = validateExecutablePlan(plan);
        for (const issue of result.issues) {
          expect(typeof issue.code).toBe("string");
          expect(issue.pointer.startsWith("/") || issue.pointer === "").toBe(true);
        }
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it("junk inside node plans and units", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (a, b) => {
        const plan = structuredClone(seed) as { nodePlans: Record<string, { executionUnits: unknown[] } & Record<string, unknown>> };
        const node = plan.nodePlans["node:audience-insights"]!;
        node.executionUnits[0] = a;
        node.modelSlots = b;
        expect(() => validateExecutablePlan(plan)).not.toThrow();
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("deep nesting in unitParams is a coded issue", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const plan = structuredClone(seed) as { nodePlans: Record<string, { executionUnits: { unitParams?: unknown }[] }> };
    plan.nodePlans["node:audience-insights"]!.executionUnits[0]!.unitParams = deep;
    expect(validateExecutablePlan(plan).issues.map((i) => i.code)).toEqual(["document-depth-limit"]);
  });
});
