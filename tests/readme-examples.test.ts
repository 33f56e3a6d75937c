import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
// The CLI is not a dependency of the workspace root (its bin needs a build): import its source.
import { main, type CliIo } from "../packages/cli/src/index.js";
import { detectKind } from "../packages/cli/src/formats.js";
import { parseJson } from "@graphenix/core";
import { codeBlocks, markdownFiles, read, repoRoot } from "./markdown.js";

// The runnable examples of every package README (see docs/readme-sync-policy.md).
const readmes = markdownFiles().filter((f) => /^packages\/[^/]+\/README\.md$/.test(f));

/** `console.log(...)` lines each followed by `// → expected`: the expected stdout, in order. */
function expectedOutput(body: string): string[] {
  return body
    .split("\n")
    .map((l) => /^\s*\/\/ → (.*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
}

function exampleFile(packageDir: string, index: number): string {
  // Written inside the package so its imports resolve exactly as they would for a user.
  return join(packageDir, `.readme-example-${process.pid}-${index}.mts`);
}

async function runCli(argv: string[]): Promise<{ code: number; output: string }> {
  let output = "";
  const io: CliIo = {
    stdout: { write: (c) => (output += String(c)) },
    stderr: { write: (c) => (output += String(c)) },
    readStdin: async () => new Uint8Array(),
    readFile: (path) => readFile(join(repoRoot, path)),
  };
  const code = await main(argv, io);
  return { code, output };
}

describe("README examples run and print what they say", () => {
  it("finds the package READMEs", () => expect(readmes.length).toBe(8));

  for (const readme of readmes) {
    const blocks = codeBlocks(read(readme));
    blocks.forEach((block, index) => {
      if (block.lang === "ts") {
        it(`${readme}:${block.line} (ts)`, async () => {
          const expected = expectedOutput(block.body);
          expect(expected.length, "a ts example states its output with // → comments").toBeGreaterThan(0);
          const file = exampleFile(join(repoRoot, dirname(readme)), index);
          await writeFile(file, block.body);
          try {
            const run = spawnSync(process.execPath, ["--conditions=@graphenix/source", "--import", "tsx", file], { encoding: "utf8" });
            expect(run.stderr).toBe("");
            expect(run.stdout.trimEnd().split("\n")).toEqual(expected);
          } finally {
            if (existsSync(file)) await rm(file);
          }
        });
      } else if (block.lang === "console") {
        it(`${readme}:${block.line} (console)`, async () => {
          const lines = block.body.split("\n");
          const exit = /^# exit (\d+)$/.exec(lines.at(-1) ?? "");
          const body = exit ? lines.slice(0, -1) : lines;
          const commands: { argv: string[]; output: string[] }[] = [];
          for (const line of body) {
            if (line.startsWith("$ graphenix ")) commands.push({ argv: line.slice("$ graphenix ".length).split(/\s+/), output: [] });
            else commands.at(-1)?.output.push(line);
          }
          expect(commands.length).toBeGreaterThan(0);
          for (const [i, command] of commands.entries()) {
            const result = await runCli(command.argv);
            expect(result.output.trimEnd()).toBe(command.output.join("\n"));
            expect(result.code).toBe(exit && i === commands.length - 1 ? Number(exit[1]) : 0);
          }
        });
      } else if (block.lang === "json") {
        it(`${readme}:${block.line} (json)`, () => {
          const parsed = parseJson(block.body);
          expect(parsed.ok ? [] : parsed.issues).toEqual([]);
          // A whole document of a format we read must validate, or give exactly the codes its note states.
          const kind = parsed.ok ? detectKind(parsed.value) : undefined;
          const note = /<!-- expect-issues: ([^>]*) -->/.exec(block.before)?.[1];
          if (!kind) {
            expect(note, "an expect-issues note needs a document of a known format").toBeUndefined();
            return;
          }
          const codes = kind.validate(parsed.ok && parsed.value).issues.map((i) => i.code);
          expect(codes).toEqual(note ? note.split(",").map((c) => c.trim()) : []);
        });
      } else {
        expect(["sh", "", "text"], `${readme}:${block.line}: unknown example language ${block.lang}`).toContain(block.lang);
      }
    });
  }
});
