/**
 * A getting-started page's install line names every `@graphenix/*` package its examples import
 * (found in review: under pnpm, which lets a project import only what it lists, two walkthroughs
 * failed with ERR_MODULE_NOT_FOUND; npm's hoisting had hidden it).
 */
import { describe, expect, it } from "vitest";
import { codeBlocks, markdownFiles, read } from "./markdown.js";

const pages = markdownFiles().filter((f) => f.startsWith("docs/getting-started/") && !f.endsWith("README.md"));

function installed(page: string): string[] {
  const lines = codeBlocks(read(page))
    .filter((b) => b.lang === "sh")
    .flatMap((b) => b.body.split("\n"))
    .filter((l) => l.startsWith("npm install "));
  return lines.flatMap((l) => l.split(/\s+/).filter((w) => w.startsWith("@graphenix/")));
}

function imported(page: string): string[] {
  const names = codeBlocks(read(page))
    .filter((b) => b.lang === "ts")
    .flatMap((b) => [...b.body.matchAll(/from "(@graphenix\/[a-z-]+)/g)].map((m) => m[1] as string));
  return [...new Set(names)].sort();
}

describe("getting-started install lines", () => {
  it("finds the walkthroughs", () => expect(pages.length).toBeGreaterThanOrEqual(4));

  for (const page of pages) {
    it(`${page}: installs every package its examples import`, () => {
      const listed = installed(page);
      expect(listed.length, "an npm install line in a sh block").toBeGreaterThan(0);
      expect(imported(page).filter((name) => !listed.includes(name))).toEqual([]);
    });
  }
});
