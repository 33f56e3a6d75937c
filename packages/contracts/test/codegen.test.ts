import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isRealDate } from "@graphenix/core";
import { BANNER, findDrift, generateAll, generatedDir } from "../scripts/codegen.js";
import { DATE_TIME } from "../scripts/validators.js";
import { repoRoot } from "./schema-helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

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

  it("list every stray file in the folders the generator owns as drift, nested or of another kind", async () => {
    const stray = [join(generatedDir, "gx-stray-test", "old.ts"), join(generatedDir, "gx-stray-test.js"), join(repoRoot, "docs/reference/gx-stray-test.txt")];
    try {
      for (const file of stray) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, "// not generated\n");
      }
      expect(await findDrift(await generateAll())).toEqual([...stray].sort());
    } finally {
      rmSync(join(generatedDir, "gx-stray-test"), { recursive: true, force: true });
      for (const file of stray) rmSync(file, { force: true });
    }
  });

  it("detect a schema edit that was not regenerated", async () => {
    const dir = tempDir("gx-schemas-");
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
    const dir = tempDir("gx-schemas-");
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
    const link = join(tempDir("gx-link-"), "repo");
    symlinkSync(repoRoot, link);
    const run = spawnSync(process.execPath, ["--import", "tsx", join(link, "packages/contracts/scripts/codegen.ts"), "--check"], { cwd: repoRoot, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("generated files are up to date");
  });

  it("exits non-zero when a schema cannot be generated", () => {
    const dir = tempDir("gx-schemas-");
    writeFileSync(join(dir, "broken.v1.schema.json"), '{"$defs": {"A": {"$ref": "missing.v1.schema.json#/$defs/B"}}, "title": "Broken"}');
    const run = codegen("--check", "--schemas", dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("codegen failed: $ref to unknown schema file: missing.v1.schema.json");
  });
});

describe("the date-time format inlined into the vendored (MPLP) validators", () => {
  const at = (date: string) => `${date}T12:00:00Z`;
  const pad = (n: number, width: number) => String(n).padStart(width, "0");

  it("holds exactly the real dates, on every day of four centuries and the first years", () => {
    for (const year of [0, 1, 2, 3, 4, 100, 400, ...Array.from({ length: 409 }, (_, i) => 1896 + i)]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(DATE_TIME.test(at(date)), date).toBe(month >= 1 && month <= 12 && day >= 1 && isRealDate(date));
        }
      }
    }
  });

  it("keeps the RFC 3339 time part: offsets, fractions, a leap second, either case of T and Z", () => {
    for (const ok of ["2025-01-31T23:59:60Z", "2025-01-31t00:00:00.123456z", "2025-01-31T00:00:00+05:30", "2025-01-31T00:00:00-23:59"]) expect(DATE_TIME.test(ok), ok).toBe(true);
    for (const bad of ["2025-01-31T24:00:00Z", "2025-01-31T00:60:00Z", "2025-01-31 00:00:00Z", "2025-01-31T00:00:00", "2025-01-31T00:00:00+24:00", "2025-1-31T00:00:00Z"]) expect(DATE_TIME.test(bad), bad).toBe(false);
  });
});
