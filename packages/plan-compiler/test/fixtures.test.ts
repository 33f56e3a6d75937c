import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "@graphenix/contracts";
import { canonicalize } from "@graphenix/core";
import { validateExecutablePlan } from "@graphenix/plan-format";
import { compileExecutablePlan, type CompileOptions } from "@graphenix/plan-compiler";

/**
 * Golden fixtures: `fixtures/<case>/{authoring-graph,runtime,options}.json` and, per format listed
 * in `options.formats`, `expected.plan.<format>.json`. Failures in `fixtures/_error_/<case>/`
 * with `expected-issues.json`. UPDATE_GOLDEN=1 rewrites the expected plans.
 */
const root = join(import.meta.dirname, "fixtures");
const read = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "_error_").map((d) => d.name).sort();

interface CaseOptions extends Omit<CompileOptions, "format"> {
  readonly formats?: ("v1" | "v2")[];
  readonly format?: "v1" | "v2";
}

function load(dir: string) {
  const { formats, ...options } = read(join(dir, "options.json")) as CaseOptions;
  return { graph: read(join(dir, "authoring-graph.json")), runtime: read(join(dir, "runtime.json")), options, formats: formats ?? ["v2"] };
}

/** The same JSON with every object's members in reverse order (arrays keep their order: it means something). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

const brief = (issues: readonly ValidationIssue[]) => issues.map((i) => ({ code: i.code, pointer: i.pointer }));

describe("compiled plans match their golden files", () => {
  for (const name of folders(root)) {
    const dir = join(root, name);
    const { graph, runtime, options, formats } = load(dir);
    for (const format of formats) {
      it(`${name} (${format})`, () => {
        const result = compileExecutablePlan(graph, runtime, { ...options, format });
        if (!result.ok) throw new Error(JSON.stringify(brief(result.issues)));
        expect(validateExecutablePlan(result.plan).issues).toEqual([]);
        const file = join(dir, `expected.plan.${format}.json`);
        const actual = `${JSON.stringify(result.plan, null, 2)}\n`;
        if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
        expect(actual).toBe(readFileSync(file, "utf8"));
      });

      it(`${name} (${format}) is deterministic: again, and with every member order reversed`, () => {
        const a = compileExecutablePlan(graph, runtime, { ...options, format });
        const b = compileExecutablePlan(graph, runtime, { ...options, format });
        const c = compileExecutablePlan(reverseKeys(graph), reverseKeys(runtime), { ...options, format });
        if (!a.ok || !b.ok || !c.ok) throw new Error("compile failed");
        expect(JSON.stringify(b.plan)).toBe(JSON.stringify(a.plan));
        expect(JSON.stringify(c.plan)).toBe(JSON.stringify(a.plan));
        expect(canonicalize(c.plan)).toBe(canonicalize(a.plan));
      });
    }
  }

  it("has no stray files in case folders", () => {
    for (const name of folders(root)) {
      const { formats } = load(join(root, name));
      const expected = ["authoring-graph.json", "options.json", "runtime.json", ...formats.map((f) => `expected.plan.${f}.json`)].sort();
      if (!process.env.UPDATE_GOLDEN) expect(readdirSync(join(root, name)).sort(), name).toEqual(expected);
    }
  });
});

describe("_error_ fixtures", () => {
  for (const name of folders(join(root, "_error_"))) {
    it(name, () => {
      const dir = join(root, "_error_", name);
      expect(readdirSync(dir).sort()).toEqual(["authoring-graph.json", "expected-issues.json", "options.json", "runtime.json"]);
      const { graph, runtime, options } = load(dir);
      const result = compileExecutablePlan(graph, runtime, options);
      expect(result.ok).toBe(false);
      expect(brief(result.issues)).toEqual(read(join(dir, "expected-issues.json")));
    });
  }
});
