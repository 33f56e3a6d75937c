/**
 * The hostile-input corpus (issue 9): documents from other systems, sometimes hostile. Each folder
 * of tests/hostile/ is one case: its case.json says why the input is hostile, how it is built (a
 * committed file, or a named generator of tests/hostile-generators.ts for inputs too large to
 * commit), which functions and commands it is fed to, the coded issue (or refusal) each must give,
 * and generous ceilings of time and heap growth. Every run must also leave Object.prototype as it
 * was, and never throw, crash or overflow the stack. Some runs go through the real executable in a
 * child process with a small --max-old-space-size, where a crash would show. tests/hostile/README.md
 * describes the format of case.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { ISSUE_CODES, type ValidationIssue } from "@graphenix/contracts";
import { canonicalizeResult, decodePointer, digestResult, parseJson, parseJsonBytes } from "@graphenix/core";
// Only contracts and core are dependencies of the workspace root: import the other packages' source.
import { normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "../packages/authoring-format/src/index.js";
import { validateExecutablePlan, validateExecutablePlanV1, validateExecutablePlanV2 } from "../packages/plan-format/src/index.js";
import { compileExecutablePlan } from "../packages/plan-compiler/src/index.js";
import { compilePlan, runPlanGraph, validateMplpPlan, validatePlanGraph } from "../packages/plan-graph/src/index.js";
import { bindGroundTruthToPlanGraph, bindTraceToPlan, simulateTrace, validateTrace } from "../packages/trace-format/src/index.js";
import { run as runCli } from "../packages/cli/test/helpers.js";
import { GENERATORS, HOSTS, host, rehash, repoRoot, sampleKinds, setAt, spliceText, type HostileInput, type Variant } from "./hostile-generators.js";
import { CREDENTIAL_VALUE_PATTERNS } from "@graphenix/core";

const CORPUS = join(repoRoot, "tests/hostile");

// ---------------------------------------------------------------------------------------------
// case.json

interface Expect {
  /** The result is ok / valid. */
  readonly ok?: boolean;
  /** CLI: the exit code. */
  readonly exit?: number;
  /** The distinct issue codes, exactly (order and repeats aside). */
  readonly codes?: readonly string[];
  /** Issues that must be among those reported (a pointer, when given, must match too). */
  readonly include?: readonly { readonly code: string; readonly pointer?: string }[];
  /** How many issues exactly. */
  readonly count?: number;
  /** A regular expression every issue's pointer must match. */
  readonly pointersMatch?: string;
  /** Pointers that must name own members of the result's value (hostile names kept as data). */
  readonly has?: readonly string[];
  /** Strings the output (canonical text, CLI stdout) must contain. */
  readonly outputIncludes?: readonly string[];
  /** The output exactly. */
  readonly output?: string;
}

interface RunSpec {
  readonly target: string;
  /** What the target gets: the input's JSON text, its bytes, its in-memory value, or each sweep variant. */
  readonly as: "text" | "bytes" | "value" | "variants";
  /** Put the input into a host document (at its default open place, or `at`) before the run. */
  readonly embed?: { readonly host: string; readonly at?: string; readonly rehash?: boolean };
  /** Two-document targets: the other document (a host name; each target has a default). */
  readonly with?: string;
  /** Two-document targets: the input is the second document (the plan, the runtime object, the inventory, the graph). */
  readonly second?: boolean;
  /** The target's options (parse limits, validation limits, …). */
  readonly options?: Record<string, unknown>;
  /** CLI targets: the arguments (`-` reads the input from standard input). */
  readonly args?: readonly string[];
  /** `bin` target: the child's --max-old-space-size, in MB. */
  readonly maxOldSpaceMB?: number;
  readonly expect: Expect;
  readonly note?: string;
}

interface CaseSpec {
  readonly why: string;
  readonly input: { readonly generator: string; readonly [param: string]: unknown } | { readonly file: string };
  readonly ceilings: { readonly ms: number; readonly heapMB: number };
  readonly runs: readonly RunSpec[];
}

const CASE_KEYS = new Set(["why", "input", "ceilings", "runs"]);
const RUN_KEYS = new Set(["target", "as", "embed", "with", "second", "options", "args", "maxOldSpaceMB", "expect", "note"]);
const EXPECT_KEYS = new Set(["ok", "exit", "codes", "include", "count", "pointersMatch", "has", "outputIncludes", "output"]);

// ---------------------------------------------------------------------------------------------
// Targets: every function and command the corpus feeds.

interface Outcome {
  readonly ok?: boolean;
  readonly issues: readonly Pick<ValidationIssue, "code" | "pointer">[];
  readonly value?: unknown;
  readonly output?: string;
  readonly exit?: number;
  readonly stderr?: string;
}

const NOW = "2026-06-06T12:00:00.000Z";
/** A target: the documents (one, or two for targets that read two) and the run (for options). */
type Library = (docs: readonly unknown[], run: RunSpec) => Outcome | Promise<Outcome>;
const validation = (r: { valid: boolean; issues: readonly ValidationIssue[]; value?: unknown }): Outcome => ({ ok: r.valid, issues: r.issues, value: r.valid ? r.value : undefined });
const operation = (r: { ok: boolean; issues?: readonly ValidationIssue[]; value?: unknown }): Outcome => ({ ok: r.ok, issues: r.issues ?? [], ...(r.ok && { value: r.value }) });
const opts = (run: RunSpec) => run.options as never;

const LIBRARY: Readonly<Record<string, Library>> = {
  parseJson: ([text], run) => operation(parseJson(text as string, opts(run))),
  parseJsonBytes: ([bytes], run) => operation(parseJsonBytes(bytes as Uint8Array, opts(run))),
  canonicalize: ([value], run) => {
    const r = canonicalizeResult(value, opts(run));
    return { ok: r.ok, issues: r.ok ? [] : r.issues, ...(r.ok && { output: r.value }) };
  },
  digest: ([value], run) => operation(digestResult(value, opts(run))),
  validateAuthoringGraph: ([v], run) => validation(validateAuthoringGraph(v, opts(run))),
  validateNormalizedExecutableGraph: ([v], run) => validation(validateNormalizedExecutableGraph(v, opts(run))),
  normalizeAuthoringGraph: ([v], run) => validation(normalizeAuthoringGraph(v, opts(run))),
  validateRuntimeObject: ([v], run) => validation(validateRuntimeObject(v, opts(run))),
  validateExecutablePlan: ([v], run) => validation(validateExecutablePlan(v, opts(run))),
  validateExecutablePlanV1: ([v], run) => validation(validateExecutablePlanV1(v, opts(run))),
  validateExecutablePlanV2: ([v], run) => validation(validateExecutablePlanV2(v, opts(run))),
  validateTrace: ([v], run) => validation(validateTrace(v, opts(run))),
  bindTraceToPlan: ([trace, plan], run) => validation(bindTraceToPlan(trace, plan, opts(run))),
  validatePlanGraph: ([v], run) => validation(validatePlanGraph(v, opts(run))),
  validateMplpPlan: ([v], run) => validation(validateMplpPlan(v, {}, opts(run))),
  bindGroundTruthToPlanGraph: ([rows, graph], run) => validation(bindGroundTruthToPlanGraph(rows, graph, opts(run))),
  compilePlan: ([scenario, inventory], run) => {
    const r = compilePlan(scenario, inventory, opts(run));
    return r.ok ? { ok: true, issues: [], value: r.graph } : { ok: false, issues: r.issues };
  },
  runPlanGraph: async ([graph]) => operation(await runPlanGraph(graph as never, async () => ({ status: "succeeded" }))),
  compileExecutablePlan: ([graph, runtime], run) => {
    const r = compileExecutablePlan(graph, runtime, { now: NOW, ...(run.options as object) });
    return { ok: r.ok, issues: r.issues, ...(r.ok && { value: r.plan }) };
  },
  /** Compile, then what an engine does with the plan: validate it, run it (simulated), bind the trace. */
  "compile-validate-trace": ([graph, runtime]) => {
    const compiled = compileExecutablePlan(graph, runtime, { now: NOW });
    if (!compiled.ok) return { ok: false, issues: compiled.issues };
    const checked = validateExecutablePlanV2(compiled.plan);
    if (!checked.valid) return validation(checked);
    const bound = bindTraceToPlan(simulateTrace(checked.value), checked.value);
    return { ok: bound.valid, issues: bound.issues, value: compiled.plan };
  },
};

/** Targets that read two documents: the host the other one is by default (`with` names another). */
const OTHER_DOCUMENT: Readonly<Record<string, string>> = {
  bindTraceToPlan: "plan-v2",
  bindGroundTruthToPlanGraph: "plan-graph",
  compilePlan: "lab-inventory",
  compileExecutablePlan: "runtime-object",
  "compile-validate-trace": "runtime-object",
};

/** The documents a library target gets: the input, and the other document (the input second when `second`). */
function documents(input: unknown, run: RunSpec): unknown[] {
  const other = OTHER_DOCUMENT[run.target];
  if (other === undefined) return [input];
  const otherDoc = host(run.with ?? other);
  return run.second ? [otherDoc, input] : [input, otherDoc];
}

const KNOWN_CODES = new Set(Object.keys(ISSUE_CODES));

/** The issue codes a CLI run printed (text lines `file:line:col: code: …`, or `--json`). */
function cliIssues(output: string): Outcome["issues"] {
  const found: string[] = [];
  for (const m of output.matchAll(/: (?:warning: )?([a-z][a-z0-9_-]*): /g)) found.push(m[1] as string);
  for (const m of output.matchAll(/"code":"([a-z0-9_-]+)"/g)) found.push(m[1] as string);
  return found.filter((c) => KNOWN_CODES.has(c)).map((code) => ({ code, pointer: "" }));
}

async function inProcessCli(input: unknown, run: RunSpec): Promise<Outcome> {
  const result = await runCli([...(run.args ?? [])], typeof input === "string" ? input : "");
  // Exit 3 is "internal error: this is a bug".
  expect(result.code, result.stderr).not.toBe(3);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  return { exit: result.code, issues: cliIssues(result.stdout + result.stderr), output: result.stdout, stderr: result.stderr };
}

/** The real executable (from source, as bin.test.ts runs it), with a small heap: a crash would show. */
function realBinary(input: unknown, run: RunSpec, ceilingMs: number): Outcome {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${run.maxOldSpaceMB ?? 512}`, "--conditions=@graphenix/source", "--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), ...(run.args ?? [])],
    { cwd: repoRoot, input: input as string | Uint8Array, encoding: "utf8", timeout: ceilingMs, maxBuffer: 1 << 28 },
  );
  expect(result.error, "the child process could not run or was killed at the time ceiling").toBeUndefined();
  expect(result.signal, result.stderr).toBeNull();
  expect([0, 1, 2], `exit ${result.status}: ${result.stderr.slice(0, 2000)}`).toContain(result.status);
  expect(result.stderr).not.toMatch(/FATAL ERROR|RangeError|call stack|heap out of memory|internal error|\n\s+at /);
  return { exit: result.status as number, issues: cliIssues(result.stdout + result.stderr), output: result.stdout, stderr: result.stderr };
}

// ---------------------------------------------------------------------------------------------
// Inputs

function loadInput(spec: CaseSpec, dir: string): HostileInput {
  if ("file" in spec.input) {
    const file = join(dir, spec.input.file as string);
    return { text: () => readFileSync(file, "utf8"), bytes: () => readFileSync(file), value: () => JSON.parse(readFileSync(file, "utf8")) as unknown };
  }
  const { generator, ...params } = spec.input;
  const entry = GENERATORS[generator];
  if (!entry) throw new Error(`unknown generator ${generator}`);
  return entry.make(params, dir);
}

/** Builds each form of an input once per case: some take seconds and hundreds of MB. */
function memo(input: HostileInput): HostileInput {
  const cache = new Map<string, unknown>();
  const once = <T>(key: string, make: (() => T) | undefined) => (make ? () => (cache.has(key) ? (cache.get(key) as T) : (cache.set(key, make()), cache.get(key) as T)) : undefined);
  return { text: once("text", input.text), bytes: once("bytes", input.bytes), value: input.value, variants: once("variants", input.variants) };
}

/** The target's input for a run (the value is fresh each time: targets may keep it). */
function argumentFor(input: HostileInput, run: RunSpec): unknown {
  const need = <T>(make: (() => T) | undefined, what: string): T => {
    if (!make) throw new Error(`the input has no ${what} form`);
    return make();
  };
  const at = run.embed ? (run.embed.at ?? (HOSTS[run.embed.host] as { at: string }).at) : undefined;
  switch (run.as) {
    case "text":
      return run.embed ? spliceText(host(run.embed.host), at as string, need(input.text, "text")) : need(input.text, "text");
    case "bytes":
      return input.bytes ? input.bytes() : Buffer.from(need(input.text, "text"), "utf8");
    case "value": {
      const value = need(input.value, "value");
      if (!run.embed) return value;
      const doc = setAt(host(run.embed.host), at as string, value);
      return run.embed.rehash ? rehash(doc) : doc;
    }
    case "variants":
      return need(input.variants, "variants");
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

function ownAt(value: unknown, pointer: string): boolean {
  let node = value;
  for (const token of decodePointer(pointer)) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, token)) return false;
    node = (node as Record<string, unknown>)[token];
  }
  return true;
}

function check(outcome: Outcome, e: Expect, label: string): void {
  const codes = outcome.issues.map((i) => i.code);
  const summary = `${label}: ${JSON.stringify(outcome.issues.slice(0, 5).map((i) => `${i.pointer.slice(0, 120)} ${i.code}`))}${outcome.issues.length > 5 ? ` … ${outcome.issues.length} issues` : ""}`;
  if (e.ok !== undefined) expect(outcome.ok, summary).toBe(e.ok);
  if (e.exit !== undefined) expect(outcome.exit, `${summary}\n${outcome.stderr ?? ""}`.slice(0, 3000)).toBe(e.exit);
  if (e.codes) expect([...new Set(codes)].sort(), summary).toEqual([...new Set(e.codes)].sort());
  if (e.count !== undefined) expect(outcome.issues.length, summary).toBe(e.count);
  for (const want of e.include ?? []) {
    expect(
      outcome.issues.some((i) => i.code === want.code && (want.pointer === undefined || i.pointer === want.pointer)),
      `${summary}: expected ${want.code}${want.pointer === undefined ? "" : ` at ${want.pointer}`}`,
    ).toBe(true);
  }
  if (e.pointersMatch) {
    const re = new RegExp(e.pointersMatch);
    // `issues-truncated` (the last issue when the cap is reached) names no place.
    const stray = outcome.issues.filter((i) => i.code !== "issues-truncated" && !re.test(i.pointer));
    expect(stray.slice(0, 5), label).toEqual([]);
  }
  for (const pointer of e.has ?? []) expect(ownAt(outcome.value, pointer), `${label}: the result has no own member at ${pointer}`).toBe(true);
  for (const s of e.outputIncludes ?? []) expect(outcome.output?.includes(s), `${label}: output lacks ${s}`).toBe(true);
  if (e.output !== undefined) expect(outcome.output).toBe(e.output);
}

/** Object.prototype and Array.prototype: every own property with its descriptor. */
function prototypesSnapshot(): string {
  const describe = (o: object) =>
    Reflect.ownKeys(o)
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(o, k) as PropertyDescriptor;
        return `${String(k)}:${typeof d.value}:${String(d.enumerable)}:${d.get === undefined ? "" : "get"}:${d.set === undefined ? "" : "set"}`;
      })
      .join(",");
  return `${describe(Object.prototype)}|${describe(Array.prototype)}|${String(Object.getPrototypeOf(Object.prototype))}`;
}

/** A garbage collection, when the runtime lets us ask for one. */
const gc: (() => void) | undefined = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
})();

const MB = 1024 * 1024;
const measured: string[] = [];

// ---------------------------------------------------------------------------------------------
// The corpus

const caseNames = readdirSync(CORPUS)
  .filter((name) => statSync(join(CORPUS, name)).isDirectory())
  .sort();

function readCase(name: string): CaseSpec {
  const file = join(CORPUS, name, "case.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as CaseSpec;
  } catch (error) {
    throw new Error(`tests/hostile/${name}/case.json: ${(error as Error).message}`, { cause: error });
  }
}

describe("the hostile corpus is well formed", () => {
  it("every entry of tests/hostile/ is a case folder with a case.json (README.md aside)", () => {
    const stray = readdirSync(CORPUS).filter((name) => name !== "README.md" && !(statSync(join(CORPUS, name)).isDirectory() && existsSync(join(CORPUS, name, "case.json"))));
    expect(stray).toEqual([]);
    expect(caseNames.length).toBeGreaterThanOrEqual(15);
  });

  it.each(caseNames)("%s: known members, generator, targets and hosts; every file it holds is used", (name) => {
    const dir = join(CORPUS, name);
    const spec = readCase(name);
    expect(Object.keys(spec).filter((k) => !CASE_KEYS.has(k))).toEqual([]);
    expect(typeof spec.why === "string" && spec.why.length > 20, "why it is hostile").toBe(true);
    expect(spec.ceilings.ms).toBeGreaterThan(0);
    expect(spec.ceilings.heapMB).toBeGreaterThan(0);
    expect(spec.runs.length).toBeGreaterThan(0);
    const used = new Set(["case.json"]);
    if ("file" in spec.input) used.add(spec.input.file as string);
    else {
      const { generator, ...params } = spec.input;
      const entry = GENERATORS[generator];
      expect(entry, `unknown generator ${generator}`).toBeDefined();
      expect(Object.keys(params).filter((p) => !entry?.params.includes(p)), `parameters ${generator} does not take`).toEqual([]);
      if (typeof params.file === "string") used.add(params.file);
      if (typeof params.host === "string") expect(HOSTS[params.host], `unknown host ${params.host}`).toBeDefined();
    }
    for (const run of spec.runs) {
      expect(Object.keys(run).filter((k) => !RUN_KEYS.has(k))).toEqual([]);
      expect(Object.keys(run.expect).filter((k) => !EXPECT_KEYS.has(k))).toEqual([]);
      expect(["cli", "bin", ...Object.keys(LIBRARY)], `unknown target ${run.target}`).toContain(run.target);
      expect(["text", "bytes", "value", "variants"]).toContain(run.as);
      for (const h of [run.embed?.host, run.with]) if (h !== undefined) expect(HOSTS[h], `unknown host ${h}`).toBeDefined();
      if (run.with !== undefined || run.second) expect(Object.keys(OTHER_DOCUMENT), `${run.target} reads one document`).toContain(run.target);
      if (run.second) expect(run.with, "a run with the input second names the first document (with)").toBeDefined();
      for (const code of [...(run.expect.codes ?? []), ...(run.expect.include ?? []).map((i) => i.code)]) expect(KNOWN_CODES, `unknown code ${code}`).toContain(code);
      for (const arg of run.args ?? []) if (arg.startsWith(`tests/hostile/${name}/`)) used.add(arg.slice(`tests/hostile/${name}/`.length));
    }
    expect(readdirSync(dir).filter((f) => !used.has(f)), "files no run uses").toEqual([]);
  });

  it("every generator is used by a case", () => {
    const used = new Set(caseNames.map(readCase).flatMap((c) => ("generator" in c.input ? [c.input.generator] : [])));
    expect(Object.keys(GENERATORS).filter((g) => !used.has(g))).toEqual([]);
  });

  it("the credential samples cover every credential shape", () => {
    expect(sampleKinds()).toEqual(CREDENTIAL_VALUE_PATTERNS.map(([kind]) => kind));
  });
});

for (const name of caseNames) {
  const spec = readCase(name);
  const dir = join(CORPUS, name);
  describe(`hostile: ${name}`, () => {
    let input: HostileInput | undefined;
    const inputOf = () => (input ??= memo(loadInput(spec, dir)));
    afterAll(() => {
      input = undefined;
    });

    spec.runs.forEach((run, index) => {
      const label = `${name} #${index} ${run.target}${run.args ? ` ${run.args.join(" ")}` : ""}${run.embed ? ` in ${run.embed.host}` : ""}`;
      // Building the input (a 64 MB string, a 100,000-node graph) is outside the ceiling; allow for it.
      it(`${index}: ${run.target}${run.args ? ` ${run.args.join(" ")}` : ""} (${run.as}${run.embed ? ` in ${run.embed.host}` : ""})`, { timeout: spec.ceilings.ms + 60_000 }, async () => {
        const argument = argumentFor(inputOf(), run);
        const before = prototypesSnapshot();
        gc?.();
        const heapBefore = process.memoryUsage().heapUsed;
        const started = performance.now();
        if (run.target === "bin") {
          check(realBinary(argument, run, spec.ceilings.ms), run.expect, label);
        } else if (run.target === "cli") {
          check(await inProcessCli(argument, run), run.expect, label);
        } else if (run.as === "variants") {
          const variants = argument as Variant[];
          expect(variants.length).toBeGreaterThan(0);
          for (const variant of variants) {
            const outcome = await (LIBRARY[run.target] as Library)(documents(variant.value, run), run);
            check(outcome, run.expect, `${label} ${variant.label}`);
            expect(
              variant.expect.some((want) => outcome.issues.some((i) => i.code === want.code && i.pointer === want.pointer)),
              `${label}: ${variant.label}: expected ${variant.expect.map((w) => `${w.code} at ${w.pointer}`).join(" or ")}, got ${JSON.stringify(outcome.issues.slice(0, 6).map((i) => `${i.pointer} ${i.code}`))}`,
            ).toBe(true);
          }
        } else {
          check(await (LIBRARY[run.target] as Library)(documents(argument, run), run), run.expect, label);
        }
        const ms = performance.now() - started;
        const heapMB = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / MB;
        measured.push(`${label.padEnd(96)} ${ms.toFixed(0).padStart(7)} ms ${heapMB.toFixed(0).padStart(6)} MB`);
        expect(prototypesSnapshot(), "Object.prototype or Array.prototype changed").toBe(before);
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        expect(ms, `${label}: time over the ceiling`).toBeLessThan(spec.ceilings.ms);
        expect(heapMB, `${label}: heap growth over the ceiling`).toBeLessThan(spec.ceilings.heapMB);
      });
    });
  });
}

afterAll(() => {
  if (process.env.HOSTILE_REPORT) process.stdout.write(`\nhostile corpus: time and heap growth per run\n${measured.join("\n")}\n`);
});
