/**
 * Property tests of the `graphenix` command, run in-process through `main` (docs/fuzzing.md):
 * whatever the input text or the arguments, it exits 0, 1 or 2 (never 3, an internal error),
 * prints exactly one line on standard error when it stops early, and with --json one JSON object
 * whose issues are well-formed; its verdicts are the libraries'. graph.test.ts holds the
 * `graphenix graph` properties (arbitrary and mutated documents, detected or forced kinds).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ISSUE_CODES } from "@graphenix/contracts";
import { canonicalize, digest, encodePointer, parseJsonBytes } from "@graphenix/core";
import { validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "@graphenix/authoring-format";
import { computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
import { validateMplpPlan, validatePlanGraph } from "@graphenix/plan-graph";
import { bindTraceToPlan, validateTrace } from "@graphenix/trace-format";
import { checkPrototypes, pointsInto } from "../../../tests/properties/assert-issues.js";
import { anyJson, duplicatedMemberText, hostileJson, hostileValueAt, jsonishText, memberPaths, mutatedDocument, readFixture } from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";
import { run, type RunResult } from "./helpers.js";

const PLAN = "packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json";
const KINDS: Record<string, { file: string; validate: (d: unknown) => { valid: boolean } }> = {
  "authoring-graph": { file: "examples/content-pipeline.authoring.json", validate: validateAuthoringGraph },
  "runtime-object": { file: "examples/content-pipeline.runtime.json", validate: validateRuntimeObject },
  "normalized-graph": { file: "packages/authoring-format/test/fixtures/normalized-content-pipeline/input.normalized-graph.json", validate: validateNormalizedExecutableGraph },
  "executable-plan": { file: PLAN, validate: validateExecutablePlan },
  "execution-trace": { file: "packages/trace-format/test/fixtures/content-pipeline-partial/trace.json", validate: validateTrace },
  "plan-graph": { file: "packages/cli/test/fixtures/graph/inputs/plan-graph-edges.json", validate: validatePlanGraph },
  "mplp-plan": { file: "packages/plan-graph/test/fixtures/mplp/tests/golden/flows/flow-03-single-agent-with-tools/input/plan.json", validate: (d) => validateMplpPlan(d) },
};
const DOCS = Object.values(KINDS).map((k) => readFixture(k.file));

/** Texts users pipe in: almost-JSON, hostile JSON, mutated documents of every kind, members written twice. */
const texts: fc.Arbitrary<string> = fc.oneof(
  jsonishText,
  hostileJson.map((v) => JSON.stringify(v)),
  mutatedDocument(DOCS, { huge: false }).map((m) => JSON.stringify(m.doc, null, 2)),
  hostileValueAt(DOCS).map((m) => JSON.stringify(m.doc)),
  fc.nat({ max: DOCS.length - 1 }).chain((i) => fc.tuple(fc.constant(DOCS[i]), fc.constantFrom(...memberPaths(DOCS[i])))).map(([doc, path]) => duplicatedMemberText(doc, path, undefined, true)),
);

/** What every run promises: a known exit code, never an internal error, one line on stderr when it stops early. */
function settled(result: RunResult): void {
  checkPrototypes();
  expect([0, 1, 2], result.stderr).toContain(result.code);
  expect(result.stderr).not.toContain("internal error");
  if (result.code === 2) {
    expect(result.stderr.endsWith("\n")).toBe(true);
    expect(result.stderr.slice(0, -1)).not.toContain("\n");
  }
}

/** The one JSON object of a --json run, with well-formed issues (each with the file it concerns). */
function jsonOutput(result: RunResult): Record<string, unknown> & { valid?: boolean; issues?: Record<string, unknown>[] } {
  const out = JSON.parse(result.stdout) as Record<string, unknown> & { valid?: boolean; issues?: Record<string, unknown>[] };
  expect(result.stdout.endsWith("\n") && !result.stdout.slice(0, -1).includes("\n")).toBe(true);
  for (const issue of out.issues ?? []) {
    expect(Object.prototype.hasOwnProperty.call(ISSUE_CODES, issue.code as string), String(issue.code)).toBe(true);
    expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true);
    expect(issue.pointer).toBe(encodePointer(issue.path as (string | number)[]));
    expect(typeof issue.source).toBe("string");
  }
  if (out.valid !== undefined) {
    expect(out.valid).toBe(result.code === 0);
    expect(out.valid).toBe(!(out.issues ?? []).some((i) => i.severity === "error"));
  }
  return out;
}

/** What the command reads from `text` on standard input (its UTF-8 bytes: a raw lone surrogate becomes U+FFFD). */
const strictJson = (text: string) => parseJsonBytes(Buffer.from(text, "utf8"));

/** Every issue of a --json result points into the document its `source` names. */
function pointsIntoSources(out: { issues?: Record<string, unknown>[] }, sources: Record<string, unknown>): void {
  for (const issue of out.issues ?? []) {
    expect(Object.keys(sources)).toContain(issue.source);
    expect(pointsInto(sources[issue.source as string], issue.path as (string | number)[]), JSON.stringify(issue)).not.toBe("dangling");
  }
}

describe("graphenix validate: properties", () => {
  it("any input text: exit 0, 1 or 2; --json gives one object whose verdict is the exit code", async () => {
    await fc.assert(
      fc.asyncProperty(texts, fc.boolean(), async (text, json) => {
        const result = await run(["validate", ...(json ? ["--json"] : []), "-"], text);
        settled(result);
        const parsed = strictJson(text);
        if (!parsed.ok) {
          expect(result.code).toBe(2); // not JSON: a usage-level failure, one line on stderr
          expect(result.stdout).toBe("");
          return;
        }
        if (json) pointsIntoSources(jsonOutput(result), { "<stdin>": parsed.value });
        else expect(result.stdout.endsWith("\n")).toBe(true);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("with --format, the verdict is the library validator's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(KINDS)), fc.oneof(mutatedDocument(DOCS, { huge: false }).map((m) => m.doc), hostileValueAt(DOCS).map((m) => m.doc), anyJson), async (kind, doc) => {
        const text = JSON.stringify(doc);
        const result = await run(["validate", "--json", "--format", kind, "-"], text);
        settled(result);
        const parsed = strictJson(text);
        fc.pre(parsed.ok);
        const out = jsonOutput(result);
        expect(out.valid).toBe(KINDS[kind]!.validate((parsed as { value: unknown }).value).valid);
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("graphenix canon and hash: properties", () => {
  it("print the canonical text and its digest of any JSON text, or refuse it (exit 2) in one line", async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const [canon, hash, planHash] = [await run(["canon", "-"], text), await run(["hash", "--json", "-"], text), await run(["hash", "--plan", "-"], text)];
        for (const r of [canon, hash, planHash]) settled(r);
        const parsed = strictJson(text);
        if (!parsed.ok) {
          for (const r of [canon, hash, planHash]) expect(r.code).toBe(2);
          return;
        }
        const value = parsed.value;
        expect(canon.code).toBe(0);
        expect(canon.stdout).toBe(canonicalize(value));
        expect(jsonOutput(hash).digest).toBe(digest(value));
        const isPlan = value !== null && typeof value === "object" && !Array.isArray(value) && typeof value.format === "string" && value.format.startsWith("graphenix.executable-plan/");
        if (isPlan && (value.format === "graphenix.executable-plan/v1" || value.format === "graphenix.executable-plan/v2")) expect(planHash).toMatchObject({ code: 0, stdout: `${computePlanHash(value)}\n` });
        else expect(planHash).toMatchObject({ code: 1, stdout: "" });
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("graphenix compile, expand, trace check: properties", () => {
  const tmp = mkdtempSync(join(tmpdir(), "graphenix-properties-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const AUTHORING = readFixture(KINDS["authoring-graph"]!.file);
  const RUNTIME = readFixture(KINDS["runtime-object"]!.file);
  const SCENARIO = readFixture("examples/matrix-scenario.json");
  const TRACE = readFixture(KINDS["execution-trace"]!.file);
  const PLAN_DOC = readFixture(PLAN);
  const mutated = (doc: unknown) => fc.oneof(fc.constant(doc), mutatedDocument([doc], { huge: false }).map((m) => m.doc), hostileValueAt([doc]).map((m) => m.doc), anyJson);
  let n = 0;
  const file = (doc: unknown) => {
    const path = join(tmp, `input-${n++}.json`);
    writeFileSync(path, JSON.stringify(doc));
    return path;
  };

  it("compile: any graph and runtime object, exit 0, 1 or 2; a compiled plan validates", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(AUTHORING), mutated(RUNTIME), fc.constantFrom("v1", "v2"), async (graph, runtime, format) => {
        const runtimeFile = file(runtime);
        const result = await run(["compile", "--json", "--now", "2026-06-06T12:00:00Z", "--format", format, "-", "--runtime", runtimeFile], JSON.stringify(graph));
        settled(result);
        if (result.code === 2) return;
        // Issues are printed against the file they concern, with the path inside that file.
        const out = jsonOutput(result);
        pointsIntoSources(out, { "<stdin>": graph, [runtimeFile]: runtime });
        if (result.code === 0) expect(validateExecutablePlan(out.plan).valid).toBe(true);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("expand: any scenario, exit 0, 1 or 2; the files written are the graph and manifest printed", async () => {
    const inventory = "examples/lab-inventory.json";
    await fc.assert(
      fc.asyncProperty(mutated(SCENARIO), async (scenario) => {
        const outDir = join(tmp, `out-${n++}`);
        const result = await run(["expand", "--json", "-", "--inventory", inventory, "--out-dir", outDir], JSON.stringify(scenario));
        settled(result);
        if (result.code === 2) return;
        const out = jsonOutput(result);
        if (result.code === 0) expect(validatePlanGraph(JSON.parse(readFileSync(join(outDir, "expanded_graph.json"), "utf8"))).valid).toBe(true);
        pointsIntoSources(out, { "<stdin>": scenario, [inventory]: readFixture(inventory) });
      }),
      fuzz(CI_RUNS),
    );
  });

  it("trace check: any trace and plan, exit 0, 1 or 2, the verdict of bindTraceToPlan", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(TRACE), mutated(PLAN_DOC), async (trace, plan) => {
        const planFile = file(plan);
        const result = await run(["trace", "check", "--json", "-", "--plan", planFile], JSON.stringify(trace));
        settled(result);
        const [t, p] = [strictJson(JSON.stringify(trace)), strictJson(JSON.stringify(plan))];
        fc.pre(t.ok && p.ok);
        const out = jsonOutput(result);
        expect(out.valid).toBe(bindTraceToPlan((t as { value: unknown }).value, (p as { value: unknown }).value).valid);
        pointsIntoSources(out, { "<stdin>": (t as { value: unknown }).value, [planFile]: (p as { value: unknown }).value });
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("graphenix arguments: properties", () => {
  // Never an option that writes files (-o, --output, --out-dir) nor a command that writes them by default (expand, demo).
  const commands = ["validate", "compile", "trace", "canon", "hash", "graph", "help", "--help", "-h", "--version", "nope"];
  const options = ["--json", "--help", "-h", "--format", "--runtime", "--plan", "--now", "--plan-id", "--to", "--direction", "--max-bytes", "--max-depth", "--max-nodes", "--inventory", "--bogus", "-x", "--", "-"];
  const values = ["-", "check", "v1", "v2", "mermaid", "dot", "LR", "TB", "executable-plan", "authoring-graph", "plan-graph", "mplp-plan", "runtime-object", "0", "1", "-1", "1e3", "99999999999999999999", "2026-06-06T12:00:00Z", "2026-02-30T00:00:00Z", "now", "", "examples/content-pipeline.authoring.json", "examples/content-pipeline.runtime.json", "examples/plan-header.json", PLAN, "no/such/file.json", "packages", "README.md"];
  const word = fc.string({ maxLength: 6 }).filter((s) => !s.startsWith("-") && !["expand", "demo"].includes(s));
  const argv = fc.tuple(fc.constantFrom(...commands), fc.array(fc.oneof(fc.constantFrom(...options), fc.constantFrom(...values), word), { maxLength: 7 }));

  it("any arguments: exit 0, 1 or 2 and no internal error; usage errors are one line", async () => {
    await fc.assert(
      fc.asyncProperty(argv, jsonishText, async ([command, rest], stdin) => {
        const result = await run([command, ...rest], stdin);
        settled(result);
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("regressions found by the properties", () => {
  it.each([["0", "a number"], ["[1]", "an array"], ['"text"', "a string"], ["null", "null"]])("validate of %s: the whole document is not an object (schema-type), not a member it cannot have", async (text, kind) => {
    const result = await run(["validate", "--json", "-"], text);
    expect(result.code).toBe(1);
    const issues = jsonOutput(result).issues!;
    expect(issues.map((i) => `${String(i.pointer)} ${String(i.code)}`)).toEqual([" schema-type"]);
    expect(String(issues[0]!.message)).toContain(`expected a JSON object with a "format" member, got ${kind}`);
  });
});
