/**
 * Every `ts` example of the package READMEs and docs/ typechecks under `strict`, as a user's
 * editor would check it after pasting it (the repository's own settings, without
 * `noUncheckedIndexedAccess`: an opt-in most projects leave off, which would fill the examples
 * with `!`) (found in review: examples that run
 * under tsx, which strips types unchecked, did not compile). The runs themselves are
 * tests/readme-examples.test.ts and tests/docs-examples.test.ts.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { codeBlocks, markdownFiles, read, repoRoot } from "./markdown.js";

interface Example {
  /** Where the example is written: beside the code its imports resolve against, as when it runs. */
  readonly file: string;
  /** `doc:line` of its opening fence. */
  readonly source: string;
  readonly fenceLine: number;
}

/** Writes every example, adding each to `out` as it is written (so a failure part-way still cleans up). */
function writeExamples(out: Example[]): void {
  for (const doc of markdownFiles()) {
    const readme = /^packages\/[^/]+\/README\.md$/.test(doc);
    if (!readme && !doc.startsWith("docs/")) continue;
    // docs/ examples run from packages/cli, which depends on every other package (docs-examples.test.ts).
    const dir = readme ? join(repoRoot, dirname(doc)) : join(repoRoot, "packages/cli");
    for (const block of codeBlocks(read(doc))) {
      if (block.lang !== "ts") continue;
      const file = join(dir, `.readme-example-typecheck-${process.pid}-${out.length}.mts`);
      writeFileSync(file, block.body);
      out.push({ file, source: `${doc}:${block.line}`, fenceLine: block.line });
    }
  }
}

/** tsc's `file(line,col): error TSn: message` lines, each named by the doc line it points at. */
function located(output: string, written: readonly Example[]): string[] {
  const byFile = new Map(written.map((e) => [relative(repoRoot, e.file), e]));
  return output
    .split("\n")
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => {
      const m = /^(.+?)\((\d+),(\d+)\): (error TS\d+: .*)$/.exec(line);
      const example = m && byFile.get(m[1] as string);
      if (!m || !example) return line;
      // Line 1 of the example is the line after the opening fence.
      return `${example.source.split(":")[0]}:${example.fenceLine + Number(m[2])}:${m[3]}: ${m[4]}`;
    });
}

describe("ts examples typecheck", () => {
  it("every ts block of the package READMEs and docs/ compiles under strict", () => {
    const written: Example[] = [];
    const config = join(repoRoot, `.readme-example-tsconfig-${process.pid}.json`);
    try {
      writeExamples(written);
      expect(written.length).toBeGreaterThanOrEqual(30);
      writeFileSync(config, JSON.stringify({ extends: "./tsconfig.base.json", compilerOptions: { noEmit: true, noUncheckedIndexedAccess: false }, files: written.map((e) => relative(repoRoot, e.file)) }));
      const run = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", config, "--pretty", "false"], { cwd: repoRoot, encoding: "utf8" });
      expect(located(run.stdout + run.stderr, written)).toEqual([]);
      expect(run.status).toBe(0);
    } finally {
      for (const { file } of written) rmSync(file, { force: true });
      rmSync(config, { force: true });
    }
  }, 120_000);
});
