import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import canonicalizeNpm from "canonicalize";
import { repoRoot, run } from "./helpers.js";

const example = "examples/plan-header.json";
const exampleValue: unknown = JSON.parse(readFileSync(join(repoRoot, example), "utf8"));

describe("graphenix canon", () => {
  it("prints exactly the canonical bytes, with no trailing newline", async () => {
    const result = await run(["canon", example]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(canonicalizeNpm(exampleValue));
  });

  it("reads standard input from -", async () => {
    const result = await run(["canon", "-"], '{"b":1,"a":[true,null]}');
    expect(result).toEqual({ code: 0, stdout: '{"a":[true,null],"b":1}', stderr: "" });
  });
});

describe("graphenix hash", () => {
  it("prints sha256: over the canonical bytes", async () => {
    const expected = `sha256:${createHash("sha256").update(canonicalizeNpm(exampleValue) as string).digest("hex")}`;
    expect(await run(["hash", example])).toEqual({ code: 0, stdout: `${expected}\n`, stderr: "" });
  });

  it("is independent of member order and whitespace", async () => {
    const a = await run(["hash", "-"], '{"x":1,"y":[1,2]}');
    const b = await run(["hash", "-"], '{ "y": [1, 2],\n "x": 1 }');
    expect(a.stdout).toBe(b.stdout);
  });

  it("--json prints the source and the digest", async () => {
    const result = await run(["hash", "--json", "-"], "[]");
    expect(JSON.parse(result.stdout)).toEqual({
      source: "<stdin>",
      valid: true,
      digest: `sha256:${createHash("sha256").update("[]").digest("hex")}`,
    });
  });
});

describe("bad input: one line, file:line:col, exit 2, no stack trace", () => {
  it.each([
    ["duplicate key", '{\n  "a": 1,\n  "a": 2\n}', '<stdin>:3:3: json-duplicate-key: the member name "a" appears twice in the same object (at /a)'],
    ["syntax", "[1, 2", "<stdin>:1:6: json-syntax: expected \",\" or \"]\" but found the end of the input (at /2)"],
    ["lone surrogate", '["\\ud800"]', "<stdin>:1:3: json-lone-surrogate: the string contains an unpaired UTF-16 surrogate (at /0)"],
  ])("%s", async (_name, stdin, line) => {
    for (const command of ["canon", "hash"]) {
      const result = await run([command, "-"], stdin);
      expect(result).toEqual({ code: 2, stdout: "", stderr: `${line}\n` });
    }
  });

  it("a missing file", async () => {
    expect(await run(["hash", "no/such.json"])).toEqual({ code: 2, stdout: "", stderr: "no/such.json: io-unreadable: no such file\n" });
  });

  it("a directory", async () => {
    const result = await run(["canon", "examples"]);
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "examples: io-unreadable: is a directory, not a file\n" });
  });

  it("input over --max-bytes", async () => {
    const result = await run(["hash", "--max-bytes", "3", "-"], "[1,2]");
    expect(result).toMatchObject({ code: 2, stderr: "<stdin>:1:1: json-size-limit: the document is larger than the maxBytes limit of 3 bytes\n" });
  });

  it("nesting over --max-depth", async () => {
    const result = await run(["canon", "--max-depth", "2", "-"], "[[[1]]]");
    expect(result).toMatchObject({ code: 2, stderr: "<stdin>:1:3: json-depth-limit: nesting exceeds the maxDepth limit of 2 (at /0/0)\n" });
  });
});

describe("usage", () => {
  it.each([
    [["canon"], "graphenix canon: expected <file|->, got 0 argument(s) (see 'graphenix canon --help')"],
    [["canon", "a", "b"], "graphenix canon: expected <file|->, got 2 argument(s) (see 'graphenix canon --help')"],
    [["hash", "--nope", "x"], "graphenix hash: unknown option --nope (see 'graphenix hash --help')"],
    [["hash", "--max-bytes"], "graphenix hash: Option '--max-bytes <value>' argument missing (see 'graphenix hash --help')"],
    [["hash", "--max-depth", "0", "-"], "graphenix hash: --max-depth takes a positive whole number, not \"0\" (see 'graphenix hash --help')"],
    [["hash", "--json", "--json", "-"], "graphenix hash: --json is given more than once (see 'graphenix hash --help')"],
    [["hash", "--max-bytes=", "-"], "graphenix hash: --max-bytes needs a value, not an empty string (see 'graphenix hash --help')"],
    [["canon", "a\nb"], "a\\u000ab: io-unreadable: no such file"],
    [["frobnicate"], 'graphenix: unknown command "frobnicate" (see \'graphenix --help\')'],
    // A near miss gets the name meant.
    [["valdate", "x"], 'graphenix: unknown command "valdate": did you mean "validate"? (see \'graphenix --help\')'],
    [["help", "comple"], 'graphenix help: unknown command "comple": did you mean "compile"? (see \'graphenix --help\')'],
    [["compile", "a", "--runtme", "b"], "graphenix compile: unknown option --runtme: did you mean --runtime? (see 'graphenix compile --help')"],
    [["hash", "--jsn", "-"], "graphenix hash: unknown option --jsn: did you mean --json? (see 'graphenix hash --help')"],
  ])("%j", async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });

  it("--help for the program and for every command", async () => {
    const top = await run(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("canon");
    expect(top.stdout).toContain("hash");
    for (const command of ["canon", "hash"]) {
      const help = await run([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: graphenix ${command} <file|-> [options]`);
      expect(help.stdout).toContain("Examples:");
      expect(help.stdout).toContain("Exit codes:");
    }
    // A command's words first, then its options (found in review: "trace [options] check <trace>").
    expect((await run(["trace", "--help"])).stdout.split("\n")[0]).toBe("Usage: graphenix trace check <trace> [options]");
    expect((await run(["demo", "--help"])).stdout.split("\n")[0]).toBe("Usage: graphenix demo [options]");
  });

  it("no arguments prints help as the error it is: on standard error, exit 2", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Usage: graphenix <command>");
  });
});
