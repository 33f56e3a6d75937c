/**
 * `writeOutputFiles` puts several files in place as one result. A rename can fail part-way (a
 * sticky folder holding another user's file, a full disk); this makes the second rename into
 * place fail and checks that every step done before it is undone.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as FsPromises from "node:fs/promises";
import { beforeEach, describe, expect, it, vi } from "vitest";

const failing = vi.hoisted(() => ({ destination: "" }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: (from: string, to: string) =>
      to === failing.destination && from.endsWith(".graphenix-partial") ? Promise.reject(Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: "EPERM" })) : actual.rename(from, to),
  };
});

const { writeOutputFiles } = await import("../src/output.js");

describe("writeOutputFiles", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "gx-out-"));
  });

  it("writes every file and leaves nothing else behind", async () => {
    writeFileSync(join(dir, "a.json"), "old a\n");
    failing.destination = "";
    await expect(writeOutputFiles([[join(dir, "a.json"), "new a\n"], [join(dir, "b.json"), "new b\n"]])).resolves.toEqual([join(dir, "a.json"), join(dir, "b.json")]);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("new a\n");
    expect(readFileSync(join(dir, "b.json"), "utf8")).toBe("new b\n");
  });

  it("when a later file cannot be put in place, the earlier files come back as they were", async () => {
    writeFileSync(join(dir, "a.json"), "old a\n");
    writeFileSync(join(dir, "b.json"), "old b\n");
    failing.destination = join(dir, "b.json");
    await expect(writeOutputFiles([[join(dir, "a.json"), "new a\n"], [join(dir, "b.json"), "new b\n"]])).rejects.toThrow(`${join(dir, "b.json")}: io-unwritable: cannot write the file (EPERM`);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old a\n");
    expect(readFileSync(join(dir, "b.json"), "utf8")).toBe("old b\n");
  });

  it("a file that was not there before is removed again", async () => {
    writeFileSync(join(dir, "b.json"), "old b\n");
    failing.destination = join(dir, "b.json");
    await expect(writeOutputFiles([[join(dir, "a.json"), "new a\n"], [join(dir, "b.json"), "new b\n"]])).rejects.toThrow("io-unwritable");
    expect(readdirSync(dir).sort()).toEqual(["b.json"]);
    expect(readFileSync(join(dir, "b.json"), "utf8")).toBe("old b\n");
  });
});
