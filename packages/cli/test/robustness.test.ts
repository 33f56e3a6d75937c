/**
 * Bad arguments and failing writes (found in review): every one is a usage error (exit 2) in one
 * line, never an internal error, a stack trace, a hang, or half of a command's output left behind.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, run } from "./helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

const graph = "examples/content-pipeline.authoring.json";
const runtime = "examples/content-pipeline.runtime.json";
const oneLine = (r: { stderr: string }) => expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);

describe("option values", () => {
  it.each([
    [["demo", "--now", "2026-06-06"], "graphenix demo: --now must be an RFC 3339 UTC timestamp"],
    [["demo", "--now", "2026-02-30T12:00:00Z"], "graphenix demo: --now must be an RFC 3339 UTC timestamp"],
    [["demo", "--now", "9999-12-31T23:59:59.999Z"], "graphenix demo: --now takes a UTC date-time before 9999-12-01"],
    [["demo", "extra"], "graphenix demo: expected no arguments, got 1 argument(s)"],
    [["compile", graph, "--runtime", runtime, "--plan-id", "a b"], "graphenix compile: --plan-id must be an identifier"],
    [["compile", graph, "--runtime", runtime, "--plan-id", ""], "graphenix compile: --plan-id needs a value, not an empty string"],
    // Decided before reading: the inputs here do not exist, and an invalid graph would hide them.
    [["compile", "no-such-graph.json", "--runtime", "no-such-runtime.json", "--plan-id", "a b"], "graphenix compile: --plan-id must be an identifier"],
    [["compile", "no-such-graph.json", "--runtime", "no-such-runtime.json", "--format", "v3"], 'graphenix compile: --format must be "v2" or "v1"'],
    [["compile", "no-such-graph.json", "--runtime", "no-such-runtime.json", "--now", "yesterday"], "graphenix compile: --now must be an RFC 3339 UTC timestamp"],
    [["compile", graph, "--runtime", runtime, "--runtime", runtime], "graphenix compile: --runtime is given more than once"],
    [["validate", "--format", "runtime-object", "--format", "authoring-graph", runtime], "graphenix validate: --format is given more than once"],
    [["validate", "--format", "v3", "no-such-file.json"], 'graphenix validate: --format must be one of'],
    [["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--out-dir", ""], "graphenix expand: --out-dir needs a value"],
  ])("%j", async (argv, start) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(start)).toBe(true);
    // In the words of the command line: the flag typed, never the library's option name.
    expect(result.stderr).not.toMatch(/options\.|\(or return\)/);
    oneLine(result);
  });
});

describe("hash --plan", () => {
  it("needs an executable plan: another document is exit 1 with a coded line, and --json says so", async () => {
    const text = await run(["hash", "--plan", graph]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe("");
    expect(text.stderr).toMatch(new RegExp(`^${graph}:2:3: format-unsupported: format "graphenix.authoring-graph/v1" is not supported here; supported: "graphenix.executable-plan/v1", "graphenix.executable-plan/v2" \\(at /format\\)\n$`));
    const json = await run(["hash", "--plan", "--json", "-"], "[1]");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ source: "<stdin>", valid: false, digest: null, issues: [{ code: "schema-type", pointer: "" }] });
  });
});

describe("writing output", () => {
  it("a folder that is a file: exit 2, and the reason", async () => {
    const dir = tempDir("gx-out-");
    writeFileSync(join(dir, "file"), "");
    const result = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "-o", join(dir, "file", "plan.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("io-unwritable: cannot write the file (ENOTDIR: not a directory)");
    oneLine(result);
  });

  it.runIf(existsSync("/proc/self"))("a folder that cannot be made (under /proc): exit 2, no hang", async () => {
    const result = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "-o", "/proc/graphenix-nope/plan.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("io-unwritable");
  }, 20_000);

  it("a command that writes several files writes none when one cannot be written, and leaves earlier files as they were", async () => {
    const dir = tempDir("gx-expand-");
    writeFileSync(join(dir, "expanded_graph.json"), "earlier run\n");
    mkdirSync(join(dir, "expansion_manifest.json.graphenix-partial")); // the manifest cannot be staged
    const result = await run(["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--out-dir", dir]);
    expect(result.code).toBe(2);
    // The folder in the way is named, not the manifest (which does not exist).
    expect(result.stderr).toContain(`${join(dir, "expansion_manifest.json.graphenix-partial")}: io-unwritable`);
    expect(readdirSync(dir).sort()).toEqual(["expanded_graph.json", "expansion_manifest.json.graphenix-partial"]);
    expect(readFileSync(join(dir, "expanded_graph.json"), "utf8")).toBe("earlier run\n");
  });

  it("a folder in the way of one file: nothing is moved, the earlier file and the folder stay as they were (found in review)", async () => {
    const dir = tempDir("gx-expand-");
    writeFileSync(join(dir, "expanded_graph.json"), "earlier run\n");
    mkdirSync(join(dir, "expansion_manifest.json"));
    const result = await run(["expand", "examples/matrix-scenario.json", "--inventory", "examples/lab-inventory.json", "--out-dir", dir]);
    expect(result.code).toBe(2);
    oneLine(result);
    expect(result.stderr).toContain(`${join(dir, "expansion_manifest.json")}: io-unwritable`);
    expect(readdirSync(dir).sort()).toEqual(["expanded_graph.json", "expansion_manifest.json"]);
    expect(readFileSync(join(dir, "expanded_graph.json"), "utf8")).toBe("earlier run\n");
    expect(readdirSync(join(dir, "expansion_manifest.json"))).toEqual([]);
  });

  it.runIf(existsSync("/dev/full"))("standard output that cannot be written (a full disk): one line, exit 2, no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, ["--conditions=@graphenix/source", "--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), "canon", "examples/plan-header.json"], {
        cwd: repoRoot,
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe("graphenix: io-unwritable: cannot write to standard output (ENOSPC: no space left on device)\n");
    } finally {
      closeSync(full);
    }
  });
});

describe("found in the bad-input review of session 12", () => {
  it.each([
    [["foo\nbar"], 'graphenix: unknown command "foo\\u000abar"'],
    [["validate", "--format", "x\ny", "f.json"], 'graphenix validate: --format must be one of'],
    [["demo", "--now", "x\ny"], "graphenix demo: --now takes a UTC date-time"],
    [["compile", graph, "--runtime", runtime, "--plan-id", "a\nb"], "graphenix compile: --plan-id must be an identifier"],
  ])("a line break inside an argument stays on the error's one line: %j", async (argv, start) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(start)).toBe(true);
    oneLine(result);
  });

  it("-o through a folder that does not exist yet and back out (out/new/../plan.json) writes out/plan.json", async () => {
    const dir = tempDir("gx-out-");
    const result = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "-o", join(dir, "out", "new", "..", "plan.json")]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(JSON.parse(readFileSync(join(dir, "out", "plan.json"), "utf8"))).toMatchObject({ format: "graphenix.executable-plan/v2" });
  });

  it.each([[["validate", ""]], [["compile", "", "--runtime", runtime]], [["trace", "check", "", "--plan", "p.json"]]])("an empty argument is a usage error that says so: %j", async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^graphenix (validate|compile|trace): an argument is an empty string, which names nothing \(see/);
    oneLine(result);
  });

  it.each([[["--version", "extra"]], [["--help", "extra"]], [["-v", "x", "y"]]])("--version and --help take no arguments: %j", async (argv) => {
    const result = await run(argv);
    expect([result.code, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toMatch(/^graphenix -{0,2}[a-z]+: takes no arguments, got \d/);
    oneLine(result);
  });

  it("an option before the command says options go after it; - alone is no option", async () => {
    const result = await run(["--json", "validate", graph]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^graphenix: --json before the command; options go after it/);
    oneLine(result);
    const dash = await run(["-"]);
    expect([dash.code, dash.stderr]).toEqual([2, `graphenix: unknown command "-" (see 'graphenix --help')\n`]);
  });

  it("help <command> is that command's help; help of an unknown command is a usage error", async () => {
    const help = await run(["help", "validate"]);
    expect(help).toEqual({ code: 0, stdout: (await run(["validate", "--help"])).stdout, stderr: "" });
    const unknown = await run(["help", "nope"]);
    expect([unknown.code, unknown.stdout]).toEqual([2, ""]);
    expect(unknown.stderr).toMatch(/^graphenix help: unknown command "nope"/);
  });

  it.each([
    ["compile", [graph, "--runtime", "examples/content-pipeline.authoring.json", "--now", "2026-06-06T12:00:00Z"], ""],
    ["graph", ["-"], '{"format": "graphenix.executable-plan/v2", "nodePlans": []}'],
  ])("%s prints its issues on standard error without colour, even when standard output is coloured", async (command, args, stdin) => {
    const result = await run([command, ...args], stdin, { color: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toBe("");
    expect(result.stderr).not.toContain("\u001b[");
  });

  it("-o under a dangling symlink keeps the real reason (something is there), not ENOENT", async () => {
    const dir = tempDir("gx-out-");
    symlinkSync(join(dir, "nowhere"), join(dir, "dangle"));
    const result = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "-o", join(dir, "dangle", "plan.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("io-unwritable: cannot write the file (EEXIST");
    oneLine(result);
  });

  it.runIf(existsSync("/proc/self/status"))("reads a file whose size the system does not know in advance (procfs says 0)", async () => {
    // Not JSON, but read: the error is about its text (line 1 has content), not an empty input.
    const result = await runWithNodeIo(["canon", "/proc/self/status"]);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain("found the end of the input");
    expect(result.stderr).toMatch(/^\/proc\/self\/status:1:1: json-syntax: /);
  });
});

/** The built-in node I/O (not the tests' in-process one): the real file reader. */
async function runWithNodeIo(argv: string[]): Promise<{ status: number | null; stderr: string }> {
  const { main, nodeIo } = await import("@graphenix/cli");
  let stderr = "";
  const io = { ...nodeIo(), stdout: { write: () => true }, stderr: { write: (c: string | Uint8Array) => (stderr += String(c)) } };
  return { status: await main(argv, io), stderr };
}
