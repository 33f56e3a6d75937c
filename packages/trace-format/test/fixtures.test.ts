import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES, type ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { bindTraceToPlan, prepareTraceBinding, simulateTrace, type SimulationScript } from "@graphenix/trace-format";

/**
 * Golden traces of the compiled golden plans: `fixtures/<case>/case.json` names the plan (a folder
 * of plan-compiler's fixtures) and the simulator's script; `trace.json` is what the deterministic
 * simulator writes for it (UPDATE_GOLDEN=1 rewrites them), and it binds without any issue.
 * Failures: `fixtures/_error_/<case>/` holds a faulty `trace.json`, the plan it claims in
 * `case.json`, and the issues binding it must report in `expected-issues.json`.
 */
const root = join(import.meta.dirname, "fixtures");
const errorRoot = join(root, "_error_");
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, "utf8")) as T;
const planOf = (name: string) => readJson<ExecutableGraphPlanV2>(join(import.meta.dirname, "../../plan-compiler/test/fixtures", name, "expected.plan.v2.json"));
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "_error_").map((d) => d.name).sort();
const brief = (issues: readonly { code: string; pointer: string; severity: string }[]) => issues.map(({ code, pointer, severity }) => ({ code, pointer, severity }));

interface GoldenCase {
  readonly plan: string;
  readonly script: SimulationScript;
}

describe("golden traces", () => {
  for (const name of folders(root)) {
    it(name, () => {
      const dir = join(root, name);
      const { plan, script } = readJson<GoldenCase>(join(dir, "case.json"));
      const file = join(dir, "trace.json");
      const actual = `${JSON.stringify(simulateTrace(planOf(plan), script), null, 2)}\n`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
      expect(readdirSync(dir).sort()).toEqual(["case.json", "trace.json"]);
      expect(actual).toBe(readFileSync(file, "utf8"));
      expect(brief(bindTraceToPlan(JSON.parse(actual), planOf(plan)).issues)).toEqual([]);
    });
  }

  it("covers success, partial failure, retries on a fallback model, a skipped POST unit and finalizers", () => {
    const traces = folders(root).map((name) => readJson<{ status: string; events: { type: string; attempt?: number; model?: unknown; unitId?: string }[] }>(join(root, name, "trace.json")));
    const events = traces.flatMap((t) => t.events);
    expect(new Set(traces.map((t) => t.status))).toEqual(new Set(["succeeded", "partial"]));
    expect(events.some((e) => e.type === "unitRetried")).toBe(true);
    expect(events.some((e) => e.type === "unitSkipped" && e.unitId?.includes(":post:"))).toBe(true);
    expect(events.some((e) => e.type === "finalizerCompleted")).toBe(true);
    expect(events.some((e) => e.type === "finalizerFailed")).toBe(true);
  });
});

const errorCases = folders(errorRoot);

describe("_error_ traces", () => {
  for (const name of errorCases) {
    it(name, () => {
      const dir = join(errorRoot, name);
      expect(readdirSync(dir).sort()).toEqual(["case.json", "expected-issues.json", "trace.json"]);
      const expected = readJson<{ severity: string }[]>(join(dir, "expected-issues.json"));
      expect(expected.length, "an error fixture expects at least one issue").toBeGreaterThan(0);
      const plan = planOf(readJson<{ plan: string }>(join(dir, "case.json")).plan);
      const trace: unknown = readJson(join(dir, "trace.json"));
      const bound = bindTraceToPlan(trace, plan);
      expect(brief(bound.issues)).toEqual(expected);
      expect(bound.valid).toBe(!expected.some((i) => i.severity === "error"));
      expect(prepareTraceBinding(plan).bind(trace)).toEqual(bound);
    });
  }

  it("has an _error_ trace for every trace rule", () => {
    const covered = new Set(errorCases.flatMap((name) => readJson<{ code: string }[]>(join(errorRoot, name, "expected-issues.json")).map((i) => i.code)));
    // trace-payload-too-large needs a payload over 64 KiB: trace.test.ts covers it without a 64 KiB fixture.
    const rules = Object.keys(ISSUE_CODES).filter((code) => code.startsWith("trace-") && code !== "trace-payload-too-large");
    expect(rules.filter((code) => !covered.has(code))).toEqual([]);
  });
});
