import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUTHORING_GRAPH_FORMAT,
  EXECUTABLE_PLAN_FORMAT,
  EXECUTABLE_PLAN_FORMAT_V2,
  EXECUTION_TRACE_FORMAT,
  NORMALIZED_GRAPH_FORMAT,
  PLAN_GRAPH_CONTRACT_VERSION,
  type ValidationIssue,
} from "@graphenix/contracts";
import { parseJson } from "@graphenix/core";
// Only contracts and core are dependencies of the workspace root: import the other packages' source.
import { validateAuthoringGraph, validateNormalizedExecutableGraph } from "../packages/authoring-format/src/index.js";
import { validateExecutablePlan } from "../packages/plan-format/src/index.js";
import { validateMplpPlan, validatePlanGraph } from "../packages/plan-graph/src/index.js";
import { validateTrace } from "../packages/trace-format/src/index.js";
import { main, type CliIo } from "../packages/cli/src/index.js";
import { codeBlocks, codeSpans, consoleExample, expectedIssueCodes, expectedOutput, markdownFiles, read, repoRoot, tableUnder } from "./markdown.js";

// (a) every ts and console example of docs/ (the package READMEs' are tests/readme-examples.test.ts),
// (b) the JSON documents of every README and doc, (c) every "Formats" table: package READMEs,
// docs/versioning.md and the getting-started pages (docs/getting-started/README.md says how
// examples are written).
const files = markdownFiles();
const docs = files.filter((f) => f.startsWith("docs/"));
const readmes = files.filter((f) => /^packages\/[^/]+\/README\.md$/.test(f));
const jsonSources = ["README.md", ...readmes, ...docs];

// ts examples in docs/ run from here: @graphenix/cli depends on every other package, so each
// `@graphenix/*` import resolves as it would for a user, and `../../` is the repository root.
const EXAMPLE_DIR = join(repoRoot, "packages/cli");

// ---------------------------------------------------------------------------------------------
// (a) ts and console examples in docs/

async function runTs(body: string, index: number): Promise<{ stdout: string; stderr: string }> {
  // `.readme-example-*` is git-ignored; the pid keeps parallel test files apart.
  const file = join(EXAMPLE_DIR, `.readme-example-docs-${process.pid}-${index}.mts`);
  await writeFile(file, body);
  try {
    const run = spawnSync(process.execPath, ["--conditions=@graphenix/source", "--import", "tsx", file], { cwd: EXAMPLE_DIR, encoding: "utf8" });
    return { stdout: run.stdout, stderr: run.stderr };
  } finally {
    if (existsSync(file)) await rm(file);
  }
}

/**
 * Runs `graphenix` in-process in a scratch directory, so the files a command writes (`-o plan.json`,
 * `--out-dir run-1`) land there. A path it reads is looked up in the scratch directory first, then
 * in the repository root, so examples name repository files as `examples/…`.
 */
async function runCli(argv: readonly string[], scratch: string): Promise<{ code: number; output: string }> {
  let output = "";
  const io: CliIo = {
    stdout: { write: (c) => (output += String(c)) },
    stderr: { write: (c) => (output += String(c)) },
    readStdin: async () => new Uint8Array(),
    readFile: (path) => readFile(existsSync(resolve(scratch, path)) ? resolve(scratch, path) : resolve(repoRoot, path)),
  };
  const before = process.cwd();
  process.chdir(scratch);
  try {
    return { code: await main([...argv], io), output };
  } finally {
    process.chdir(before);
  }
}

describe("docs/ examples run and print what they say", () => {
  it("finds the docs", () => expect(docs.length).toBeGreaterThanOrEqual(20));

  let index = 0;
  for (const doc of docs) {
    for (const block of codeBlocks(read(doc))) {
      if (block.lang === "ts") {
        const n = index++;
        it(`${doc}:${block.line} (ts)`, async () => {
          const expected = expectedOutput(block.body);
          expect(expected.length, "a ts example states its output with // → comments").toBeGreaterThan(0);
          const run = await runTs(block.body, n);
          expect(run.stderr).toBe("");
          expect(run.stdout.trimEnd().split("\n")).toEqual(expected);
        });
      } else if (block.lang === "console") {
        it(`${doc}:${block.line} (console)`, async () => {
          const example = consoleExample(block.body);
          expect(example.commands.length, "a console example holds $ graphenix commands").toBeGreaterThan(0);
          const scratch = await mkdtemp(join(tmpdir(), "graphenix-docs-"));
          try {
            for (const [i, command] of example.commands.entries()) {
              const result = await runCli(command.argv, scratch);
              expect(result.output.trimEnd(), `$ graphenix ${command.argv.join(" ")}`).toBe(command.output.join("\n"));
              expect(result.code, `exit code of $ graphenix ${command.argv.join(" ")}`).toBe(i === example.commands.length - 1 ? example.exit : 0);
            }
          } finally {
            await rm(scratch, { recursive: true, force: true });
          }
        });
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------
// (b) JSON documents in README.md, the package READMEs and docs/

type Validate = (document: unknown) => { issues: readonly ValidationIssue[] };

/** Validators by the format name of a `graphenix.<name>/v<major>` string, any major (an unknown major must give `format-unsupported`). */
const BY_FORMAT_NAME = new Map<string | undefined, Validate>(
  (
    [
      [AUTHORING_GRAPH_FORMAT, validateAuthoringGraph],
      [NORMALIZED_GRAPH_FORMAT, validateNormalizedExecutableGraph],
      [EXECUTABLE_PLAN_FORMAT, validateExecutablePlan],
      [EXECUTABLE_PLAN_FORMAT_V2, validateExecutablePlan],
      [EXECUTION_TRACE_FORMAT, validateTrace],
    ] as const
  ).map(([format, validate]) => [formatName(format), validate]),
);

function formatName(format: string): string | undefined {
  return /^(graphenix\.[a-z-]+)\/v\d+$/.exec(format)?.[1];
}

/**
 * The validator of the format a JSON document declares, like `graphenix validate` recognises it:
 * its `format` member, or a plan graph's `contract_version`, or MPLP's `plan_id` beside `steps`.
 * `undefined` for a fragment that declares none; `null` for a `graphenix.…` format we do not know.
 */
function validatorFor(document: unknown): Validate | undefined | null {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return undefined;
  const doc = document as Record<string, unknown>;
  const has = (member: string) => Object.prototype.hasOwnProperty.call(doc, member);
  if (typeof doc.format === "string") {
    const name = formatName(doc.format);
    if (name !== undefined) return BY_FORMAT_NAME.get(name) ?? null;
    return doc.format.startsWith("graphenix.") ? null : undefined;
  }
  if (doc.contract_version === PLAN_GRAPH_CONTRACT_VERSION) return validatePlanGraph;
  if (has("plan_id") && has("steps")) return (d) => validateMplpPlan(d);
  return undefined;
}

describe("JSON examples are valid JSON, and documents of a format we read validate", () => {
  it("recognises every format and marker", () => {
    expect(validatorFor({ format: "graphenix.executable-plan/v3" })).toBe(validateExecutablePlan);
    expect(validatorFor({ format: "graphenix.no-such-thing/v1" })).toBeNull();
    expect(validatorFor({ contract_version: "plan_graph_v1" })).toBe(validatePlanGraph);
    expect(validatorFor({ plan_id: "p", steps: [] })).toBeTypeOf("function");
    expect(validatorFor({ ref: { uri: "x" } })).toBeUndefined();
    expect(validatorFor([1])).toBeUndefined();
  });

  for (const file of jsonSources) {
    for (const block of codeBlocks(read(file))) {
      if (block.lang !== "json") continue;
      it(`${file}:${block.line} (json)`, () => {
        const parsed = parseJson(block.body);
        expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.location?.line}:${i.location?.column} ${i.code}: ${i.message}`)).toEqual([]);
        const validate = parsed.ok ? validatorFor(parsed.value) : undefined;
        const expected = expectedIssueCodes(block);
        expect(validate, "a graphenix.… format this test does not know: add its validator above").not.toBeNull();
        if (!validate) {
          expect(expected, "an expect-issues note needs a document of a format we validate").toBeUndefined();
          return;
        }
        // A valid document gives no issue at all (not even a warning); a document marked
        // <!-- expect-issues: a, b --> gives exactly those codes, in that order.
        const codes = validate(parsed.ok && parsed.value).issues.map((i) => i.code);
        expect(codes).toEqual(expected ?? []);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// (c) "Formats" tables: the constants a table names are exported and hold the row's format string

/** A workspace package's exports, loaded from its source (the `@graphenix/source` entry). */
async function exportsOf(packageName: string): Promise<Record<string, unknown>> {
  const dir = packageName.replace("@graphenix/", "");
  const manifest = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) as { exports: { ".": Record<string, unknown> } };
  const entry = manifest.exports["."]["@graphenix/source"];
  if (typeof entry !== "string") throw new Error(`${packageName} has no @graphenix/source entry`);
  return (await import(join(repoRoot, "packages", dir, entry))) as Record<string, unknown>;
}

const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/**
 * What is wrong with the "Formats" table of a file: each constant its `constant` column names must
 * be exported by the package the column header names ("constant (`@graphenix/contracts`)") or,
 * in a package README, by that package; and when the rest of the row writes format strings (a code
 * span, or a quoted value inside one: `contract_version: "plan_graph_v1"`), its value must be one
 * of them.
 */
async function formatsTableProblems(file: string): Promise<string[]> {
  const table = tableUnder(read(file), "Formats");
  if (!table) return ["no table under a Formats heading"];
  const column = table.header.findIndex((h) => /^constant\b/.test(h));
  if (column < 0) return [];
  const readmePackage = /^packages\/([^/]+)\/README\.md$/.exec(file)?.[1];
  const owner = codeSpans(table.header[column] ?? "").find((s) => s.startsWith("@graphenix/")) ?? (readmePackage && `@graphenix/${readmePackage}`);
  if (!owner) return ["the constant column's header must name the package, as in: constant (`@graphenix/contracts`)"];
  const exported = await exportsOf(owner);
  const problems: string[] = [];
  for (const row of table.rows) {
    const written = row.filter((_, i) => i !== column).flatMap((cell) => codeSpans(cell).flatMap((span) => (/"[^"]*"/.test(span) ? [...span.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "") : [span])));
    for (const name of codeSpans(row[column] ?? "").filter((s) => CONSTANT.test(s))) {
      if (!(name in exported)) problems.push(`${name} is not exported by ${owner}`);
      else if (written.length > 0 && !written.includes(exported[name] as string)) problems.push(`${name} is ${JSON.stringify(exported[name])}, not any of ${JSON.stringify(written)} written in its row`);
    }
  }
  return problems;
}

/**
 * Known, reported gaps: a README names a constant that its package does not re-export (engines
 * must import it from @graphenix/contracts today). Each entry must match exactly, so this test
 * fails, and the entry must go, as soon as the gap is fixed.
 */
describe("Formats tables name exported constants with the values they show", () => {
  // Every package README has one (docs/readme-sync-policy.md); so do docs/versioning.md and the getting-started pages.
  const withTables = [...readmes, ...docs.filter((f) => tableUnder(read(f), "Formats"))];

  it("finds the tables, most of them with a constant column", () => {
    expect(readmes.filter((f) => !tableUnder(read(f), "Formats"))).toEqual([]);
    expect(withTables).toEqual(expect.arrayContaining(["docs/versioning.md", "docs/getting-started/engine.md", "docs/getting-started/scenario-runner.md"]));
    expect(withTables.filter((f) => tableUnder(read(f), "Formats")?.header.some((h) => /^constant\b/.test(h))).length).toBeGreaterThanOrEqual(10);
  });

  for (const file of withTables) {
    it(`${file}: Formats`, async () => {
      expect(await formatsTableProblems(file)).toEqual([]);
    });
  }
});
