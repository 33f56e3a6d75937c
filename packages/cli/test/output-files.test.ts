/**
 * `writeOutputFiles` puts several files in place as one result. A rename can fail part-way (a
 * sticky folder holding another user's file, a full disk); the mocked rename below fails into a
 * chosen destination and logs every rename, so the tests see each step and that every step done
 * before a failure is undone.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type * as FsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const mock = vi.hoisted(() => ({ failInto: "", renames: [] as string[] }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: (from: string, to: string) => {
      mock.renames.push(`${from} -> ${to}`);
      return to === mock.failInto && from.endsWith(".graphenix-partial") ? Promise.reject(Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: "EPERM" })) : actual.rename(from, to);
    },
  };
});

const { writeOutputFiles } = await import("../src/output.js");

describe("writeOutputFiles", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "gx-out-"));
    mock.failInto = "";
    mock.renames = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every file and leaves nothing else behind", async () => {
    writeFileSync(join(dir, "a.json"), "old a\n");
    await expect(writeOutputFiles([[join(dir, "a.json"), "new a\n"], [join(dir, "b.json"), "new b\n"]])).resolves.toEqual([join(dir, "a.json"), join(dir, "b.json")]);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("new a\n");
    expect(readFileSync(join(dir, "b.json"), "utf8")).toBe("new b\n");
  });

  it("when a later file cannot be put in place, the earlier files come back as they were", async () => {
    writeFileSync(join(dir, "a.json"), "old a\n");
    writeFileSync(join(dir, "b.json"), "old b\n");
    mock.failInto = join(dir, "b.json");
    await expect(writeOutputFiles([[join(dir, "a.json"), "new a\n"], [join(dir, "b.json"), "new b\n"]])).rejects.toThrow(`${join(dir, "b.json")}: io-unwritable: cannot write the file (EPERM`);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old a\n");
    expect(readFileSync(join(dir, "b.json"), "utf8")).toBe("old b\n");
  });

  it("a file that was not there before is removed again", async () => {
    writeFileSync(join(dir, "b.json"), "old b\n");
    mock.failInto = join(dir, "b.json");
    await expect(writeOutputFiles([[join(dir, "a.json"), "new a\n"], [join(dir, "b.json"), "new b\n"]])).rejects.toThrow("io-unwritable");
    expect(readdirSync(dir).sort()).toEqual(["b.json"]);
    expect(readFileSync(join(dir, "b.json"), "utf8")).toBe("old b\n");
  });

  it("a folder in the way of a later file: nothing is renamed at all", async () => {
    writeFileSync(join(dir, "a.json"), "old a\n");
    mkdirSync(join(dir, "b.json"));
    await expect(writeOutputFiles([[join(dir, "a.json"), "new a\n"], [join(dir, "b.json"), "new b\n"]])).rejects.toThrow(`${join(dir, "b.json")}: io-unwritable: cannot write the file (EISDIR`);
    expect(mock.renames).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old a\n");
  });

  it("the same file named twice is refused before anything is written (found in review: the earlier file was lost)", async () => {
    writeFileSync(join(dir, "a.json"), "ORIGINAL");
    await expect(writeOutputFiles([[join(dir, "a.json"), "new 1"], [join(dir, "x", "..", "a.json"), "new 2"]])).rejects.toThrow("the same file is named twice");
    expect(readdirSync(dir)).toEqual(["a.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("ORIGINAL");
  });
});
