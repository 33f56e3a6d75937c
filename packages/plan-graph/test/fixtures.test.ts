import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES, type ValidationIssue } from "@graphenix/contracts";
import { compilePlan, validateMplpPlan, validateMplpPlanUpdate, validatePlanGraph } from "@graphenix/plan-graph";

/**
 * Failures as folders: `fixtures/_error_/<case>/` holds `case.json` (the function it calls, why the
 * input is wrong, the options), the inputs as `<argument>.json`, and the exact issues (`code`,
 * `pointer`) in `expected-issues.json`.
 */
const errorRoot = join(import.meta.dirname, "fixtures/_error_");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as unknown;
const brief = (issues: readonly ValidationIssue[]) => issues.map(({ code, pointer }) => ({ code, pointer }));

/** Each call: the input files it takes, in argument order, and how it runs. */
const CALLS: Record<string, { readonly inputs: readonly string[]; run(inputs: unknown[], options: never): readonly ValidationIssue[] }> = {
  compilePlan: { inputs: ["scenario", "inventory"], run: ([s, i], o) => { const r = compilePlan(s, i, o); return r.ok ? [] : r.issues; } },
  validatePlanGraph: { inputs: ["graph"], run: ([g]) => validatePlanGraph(g).issues },
  validateMplpPlan: { inputs: ["plan"], run: ([p], o) => validateMplpPlan(p, o).issues },
  validateMplpPlanUpdate: { inputs: ["before", "plan"], run: ([b, p]) => validateMplpPlanUpdate(b, p).issues },
};

const cases = readdirSync(errorRoot).sort();

describe("_error_ fixtures", () => {
  for (const name of cases) {
    it(name, () => {
      const dir = join(errorRoot, name);
      const spec = readJson(join(dir, "case.json")) as { call: string; why: string; options?: unknown };
      const call = CALLS[spec.call];
      expect(call, `case.json names a known call, not ${spec.call}`).toBeDefined();
      expect(spec.why.length).toBeGreaterThan(0);
      expect(readdirSync(dir).sort()).toEqual(["case.json", "expected-issues.json", ...call!.inputs.map((i) => `${i}.json`)].sort());
      const expected = readJson(join(dir, "expected-issues.json")) as unknown[];
      expect(expected.length, "an error fixture expects at least one issue").toBeGreaterThan(0);
      const inputs = call!.inputs.map((i) => readJson(join(dir, `${i}.json`)));
      expect(brief(call!.run(inputs, spec.options as never))).toEqual(expected);
    });
  }

  it("has a case for every document rule of plan-graph", () => {
    const covered = new Set(cases.flatMap((name) => (readJson(join(errorRoot, name, "expected-issues.json")) as { code: string }[]).map((i) => i.code)));
    // Not document rules: reason codes of run records (run.test.ts), checkTransition's answer
    // (run.test.ts), and action_id_collision, which takes a 128-bit digest collision to reach.
    const notDocumentRules = new Set(["fail_fast_skipped", "executor_error", "node_failed", "dependency_failed", "node_transition_invalid", "action_id_collision"]);
    const owned = Object.entries(ISSUE_CODES).filter(([code, info]) => info.owner === "plan-graph" && !notDocumentRules.has(code)).map(([code]) => code);
    expect(owned.filter((code) => !covered.has(code))).toEqual([]);
  });
});
