import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES, type ValidationIssue, type ValidationResult } from "@graphenix/contracts";
import { canonicalize, parseJson } from "@graphenix/core";
import { normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "@graphenix/authoring-format";

/**
 * Golden fixtures: `fixtures/<case>/input.<kind>.json` with, for an authoring graph, the expected
 * `expected.normalized-graph.json`; failures in `fixtures/_error_/<case>/` with
 * `expected-issues.json` (`[{ code, pointer }]`). Inputs are read as text with our JSON reader,
 * so a repeated key is a fixture too. UPDATE_GOLDEN=1 rewrites the expected normalized graphs.
 */
const root = join(import.meta.dirname, "fixtures");
const errorRoot = join(root, "_error_");
const VALIDATORS: Record<string, (doc: unknown) => ValidationResult<unknown>> = {
  "authoring-graph": validateAuthoringGraph,
  "runtime-object": validateRuntimeObject,
  "normalized-graph": validateNormalizedExecutableGraph,
};

function caseFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "_error_").map((d) => d.name).sort();
}

function inputOf(dir: string): { kind: string; text: string } {
  const inputs = readdirSync(dir).filter((f) => f.startsWith("input."));
  expect(inputs, `${dir}: exactly one input.<kind>.json`).toHaveLength(1);
  const kind = (inputs[0] as string).replace(/^input\.|\.json$/g, "");
  expect(Object.keys(VALIDATORS), `${dir}: known kind`).toContain(kind);
  return { kind, text: readFileSync(join(dir, inputs[0] as string), "utf8") };
}

function brief(issues: readonly ValidationIssue[]) {
  return issues.map((i) => ({ code: i.code, pointer: i.pointer }));
}

describe("valid fixtures", () => {
  for (const name of caseFolders(root)) {
    const dir = join(root, name);
    it(name, () => {
      const { kind, text } = inputOf(dir);
      const parsed = parseJson(text);
      if (!parsed.ok) throw new Error(`${name}: ${parsed.issues[0]?.message}`);
      const result = VALIDATORS[kind]!(parsed.value);
      expect(result.valid ? [] : brief(result.issues)).toEqual([]);
      const expectedFile = join(dir, "expected.normalized-graph.json");
      const files = readdirSync(dir).sort();
      if (kind !== "authoring-graph") {
        expect(files, "only authoring graphs have an expected normalized graph").toEqual([`input.${kind}.json`]);
        return;
      }
      if (!process.env.UPDATE_GOLDEN) expect(files).toEqual(["expected.normalized-graph.json", "input.authoring-graph.json"]);
      const normalized = normalizeAuthoringGraph(parsed.value);
      if (!normalized.valid) throw new Error(JSON.stringify(normalized.issues));
      const actual = `${JSON.stringify(normalized.value, null, 2)}\n`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, "utf8"));
      // The output is a valid normalized graph, and normalizing it again changes nothing.
      expect(brief(validateNormalizedExecutableGraph(normalized.value).issues)).toEqual([]);
      const again = normalizeAuthoringGraph(normalized.value);
      expect(again.valid && canonicalize(again.value)).toBe(canonicalize(normalized.value));
    });
  }
});

const errorCases = caseFolders(errorRoot);

describe("_error_ fixtures", () => {
  for (const name of errorCases) {
    const dir = join(errorRoot, name);
    it(name, () => {
      const { kind, text } = inputOf(dir);
      expect(readdirSync(dir).sort()).toEqual(["expected-issues.json", `input.${kind}.json`]);
      const expected = JSON.parse(readFileSync(join(dir, "expected-issues.json"), "utf8")) as unknown[];
      expect(expected.length, "an error fixture expects at least one issue").toBeGreaterThan(0);
      const parsed = parseJson(text);
      const issues = parsed.ok ? VALIDATORS[kind]!(parsed.value).issues : parsed.issues;
      expect(brief(issues)).toEqual(expected);
      if (parsed.ok && kind === "authoring-graph") expect(normalizeAuthoringGraph(parsed.value).valid).toBe(false);
    });
  }
});

describe("fixture coverage", () => {
  it("has an _error_ fixture for every issue code this package owns", () => {
    const covered = new Set(errorCases.flatMap((name) => (JSON.parse(readFileSync(join(errorRoot, name, "expected-issues.json"), "utf8")) as { code: string }[]).map((i) => i.code)));
    // graph-node-limit needs 100,001 nodes: tests/bad-input.test.ts covers it with a lowered limit.
    const owned = Object.entries(ISSUE_CODES).filter(([code, info]) => info.owner === "authoring-format" && code !== "graph-node-limit").map(([code]) => code);
    expect(owned.filter((code) => !covered.has(code))).toEqual([]);
  });
});
