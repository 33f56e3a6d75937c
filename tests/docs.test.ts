import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "@graphenix/contracts";
import { markdownFiles, read, repoRoot } from "./markdown.js";

const docs = markdownFiles();

describe("issue codes", () => {
  const table = read("docs/issue-codes.md");
  const documented = [...table.matchAll(/^\| `([a-z0-9_-]+)` \|/gm)].map((m) => m[1]);

  it("docs/issue-codes.md lists exactly the codes of ISSUE_CODES, each once", () => {
    expect([...documented].sort()).toEqual(Object.keys(ISSUE_CODES).sort());
    expect(new Set(documented).size).toBe(documented.length);
  });
});

describe("schema members are documented", () => {
  const corpus = ["GLOSSARY.md", ...docs.filter((d) => d.startsWith("docs/"))].map(read).join("\n");
  const schemaFiles = readdirSync(join(repoRoot, "schemas")).filter((f) => f.endsWith(".schema.json"));

  function names(node: unknown, into: Set<string>): Set<string> {
    if (Array.isArray(node)) node.forEach((n) => names(n, into));
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "properties" || key === "$defs") && value && typeof value === "object") Object.keys(value).forEach((k) => into.add(k));
        names(value, into);
      }
    }
    return into;
  }

  for (const file of schemaFiles) {
    it(`${file}: every $defs name and member name appears in docs/ or GLOSSARY.md`, () => {
      const schema: unknown = JSON.parse(readFileSync(join(repoRoot, "schemas", file), "utf8"));
      // A member is documented in backticks; a definition also by its own heading (docs/reference/).
      const documented = (n: string) => corpus.includes(`\`${n}\``) || new RegExp(`^#+ ${n}$`, "m").test(corpus);
      const missing = [...names(schema, new Set())].filter((n) => !documented(n));
      expect(missing).toEqual([]);
    });
  }
});

describe("relative links resolve", () => {
  for (const doc of docs) {
    it(doc, () => {
      const text = read(doc).replace(/```[\s\S]*?```/g, "");
      const broken: string[] = [];
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/i.test(target) || target.startsWith("#")) continue;
        const path = normalize(join(repoRoot, dirname(doc), target.split("#")[0] ?? ""));
        if (!existsSync(path)) broken.push(target);
      }
      expect(broken).toEqual([]);
    });
  }
});

describe("format constants in READMEs", () => {
  it("the contracts README's constants table matches the exported constants", async () => {
    const contracts = (await import("@graphenix/contracts")) as unknown as Record<string, unknown>;
    const rows = [...read("packages/contracts/README.md").matchAll(/^\| `([A-Z0-9_]+)` \| `([^`]+)` \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const [, name, value] of rows) expect(contracts[name as string], name).toBe(value);
  });
});
