import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BANNER, findDrift, generateAll, generatedDir } from "../scripts/codegen.js";
import { repoRoot } from "./schema-helpers.js";

describe("generated types", () => {
  it("are exactly what the generator writes from schemas/ today", async () => {
    const expected = await generateAll();
    expect(expected.size).toBeGreaterThan(2);
    expect(await findDrift(expected)).toEqual([]);
  });

  it("carry the do-not-edit banner", async () => {
    for (const [path, content] of await generateAll()) {
      if (path.startsWith(generatedDir)) expect(content.startsWith(BANNER.split("{file}")[0]!), path).toBe(true);
    }
  });

  it("detect a schema edit that was not regenerated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gx-schemas-"));
    cpSync(join(repoRoot, "schemas"), dir, { recursive: true });
    const file = join(dir, "common.v1.schema.json");
    const schema = JSON.parse(readFileSync(file, "utf8")) as { $defs: Record<string, { description: string }> };
    schema.$defs.Sha256Digest!.description = "edited without regenerating";
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const drift = await findDrift(await generateAll(dir));
    expect(drift.some((p) => p.endsWith("common-v1.ts"))).toBe(true);
    expect(drift.some((p) => p.endsWith("common.v1.schema.json"))).toBe(true);
  });
});

function codegen(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "packages/contracts/scripts/codegen.ts", ...args], { cwd: repoRoot, encoding: "utf8" });
}

describe("codegen script", () => {
  it("--check exits 0 on the committed tree", () => {
    const run = codegen("--check");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // It ran: a check that never started would exit 0 too.
    expect(run.stdout).toMatch(/^codegen:check: \d+ generated files are up to date\n$/);
  });

  it("--check exits 1 after a schema edit without regeneration, naming the drifted files", () => {
    const dir = mkdtempSync(join(tmpdir(), "gx-schemas-"));
    cpSync(join(repoRoot, "schemas"), dir, { recursive: true });
    const file = join(dir, "common.v1.schema.json");
    writeFileSync(file, readFileSync(file, "utf8").replace("A bare SHA-256 digest", "A bare, edited SHA-256 digest"));
    const run = codegen("--check", "--schemas", dir);
    expect(run.status).toBe(1);
    // Paths from the repository root, docs included (they were cut as if under packages/).
    expect(run.stderr).toContain("\n  packages/contracts/src/generated/common-v1.ts\n");
    expect(run.stderr).toContain("\n  docs/reference/common.v1.md\n");
  });

  it("runs its check when started through a symlinked path (Node resolves the module's own URL)", () => {
    const link = join(mkdtempSync(join(tmpdir(), "gx-link-")), "repo");
    symlinkSync(repoRoot, link);
    const run = spawnSync(process.execPath, ["--import", "tsx", join(link, "packages/contracts/scripts/codegen.ts"), "--check"], { cwd: repoRoot, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("generated files are up to date");
  });

  it("exits non-zero when a schema cannot be generated", () => {
    const dir = mkdtempSync(join(tmpdir(), "gx-schemas-"));
    writeFileSync(join(dir, "broken.v1.schema.json"), '{"$defs": {"A": {"$ref": "missing.v1.schema.json#/$defs/B"}}, "title": "Broken"}');
    const run = codegen("--check", "--schemas", dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("codegen failed: $ref to unknown schema file: missing.v1.schema.json");
  });
});
