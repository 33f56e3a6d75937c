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

/** The `// → <text>` comments of a ts example, in order: what its `console.log` calls must print. */
export function expectedOutput(body: string): string[] {
  return body
    .split("\n")
    .map((l) => /^\s*\/\/ → (.*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
}

export interface ConsoleExample {
  /** Each `$ graphenix …` line: its arguments and the output lines that follow it. */
  readonly commands: readonly { readonly argv: readonly string[]; readonly output: readonly string[] }[];
  /** The exit code a final `# exit N` line states for the last command; 0 for every other one. */
  readonly exit: number;
}

/** A ` ```console ` block: `$ graphenix …` commands, each followed by its output, optionally ending in `# exit N`. */
export function consoleExample(body: string): ConsoleExample {
  const lines = body.split("\n");
  const exit = /^# exit (\d+)$/.exec(lines.at(-1) ?? "");
  const commands: { argv: string[]; output: string[] }[] = [];
  for (const line of exit ? lines.slice(0, -1) : lines) {
    if (line.startsWith("$ graphenix ")) commands.push({ argv: line.slice("$ graphenix ".length).split(/\s+/), output: [] });
    else commands.at(-1)?.output.push(line);
  }
  return { commands, exit: exit ? Number(exit[1]) : 0 };
}

/** The codes of an `<!-- expect-issues: a, b -->` note on the line above a block, or undefined without one. */
export function expectedIssueCodes(block: CodeBlock): string[] | undefined {
  const note = /<!-- expect-issues: ([^>]*) -->/.exec(block.before)?.[1];
  return note?.split(",").map((c) => c.trim());
}

export interface MarkdownTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** 1-based line of the header row. */
  readonly line: number;
}

/** The cells of a table row; `\|` inside a cell is a literal bar. */
function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replaceAll("\\|", "|"));
}

/** The first table under the `##`-or-deeper heading with exactly this text, up to the next heading of that level or higher. */
export function tableUnder(markdown: string, heading: string): MarkdownTable | undefined {
  const lines = markdown.replace(/```[\s\S]*?```/g, (m) => m.replace(/[^\n]/g, "")).split("\n");
  const start = lines.findIndex((l) => /^#{2,} /.test(l) && l.replace(/^#+ /, "") === heading);
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start] ?? "")?.[0].length ?? 2;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const h = /^(#+) /.exec(line);
    if (h && (h[1]?.length ?? 0) <= level) return undefined;
    if (line.startsWith("|") && /^\|[\s:|-]+\|$/.test((lines[i + 1] ?? "").trim())) {
      const rows: string[][] = [];
      for (let j = i + 2; j < lines.length && (lines[j] ?? "").startsWith("|"); j++) rows.push(tableCells(lines[j] ?? ""));
      return { header: tableCells(line), rows, line: i + 1 };
    }
  }
  return undefined;
}

/** The contents of the `code spans` in a piece of Markdown, in order. */
export function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
}
