import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const repoRoot = join(import.meta.dirname, "..");

export interface CodeBlock {
  readonly lang: string;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The nearest non-blank line above the fence (where an `<!-- expect-issues: … -->` note goes). */
  readonly before: string;
}

/** Fenced code blocks (``` only) with their info-string language. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)/.exec(lines[i] ?? "");
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? "").startsWith("```"); i++) body.push(lines[i] ?? "");
    let above = start - 1;
    while (above >= 0 && (lines[above] ?? "").trim() === "") above--;
    blocks.push({ lang: open[1] ?? "", body: body.join("\n"), line: start + 1, before: above >= 0 ? (lines[above] ?? "") : "" });
  }
  return blocks;
}

const SKIP_DIRS = new Set(["node_modules", "dist", ".git", ".turbo", "fixtures", "schema-fixtures"]);

/** Every Markdown file we own, relative to the repository root. */
export function markdownFiles(dir = repoRoot): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith(".md")) out.push(relative(repoRoot, path));
  }
  return out.sort();
}

export function read(path: string): string {
  return readFileSync(join(repoRoot, path), "utf8");
}
