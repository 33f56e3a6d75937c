import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers.js";

// The real executable, as a user runs it (from source through tsx, so no build is needed).
function graphenix(args: string[], input?: string) {
  return spawnSync(process.execPath, ["--conditions=@graphenix/source", "--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), ...args], {
    cwd: repoRoot,
    input,
    encoding: "utf8",
  });
}

describe("graphenix bin", () => {
  it("hashes a file and exits 0", () => {
    const result = graphenix(["hash", "examples/plan-header.json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  });

  it("reports invalid JSON on stdin as one line with exit 2 and no stack trace", () => {
    const result = graphenix(["canon", "-"], '{"a":1,"a":2}');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('<stdin>:1:8: json-duplicate-key: the member name "a" appears twice in the same object (at /a)\n');
  });
});

describe("graphenix bin with real pipes", () => {
  it("stops reading standard input one byte past --max-bytes", () => {
    const result = graphenix(["canon", "--max-bytes", "10", "-"], "[" + "1,".repeat(1_000_000) + "1]");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("<stdin>:1:1: json-size-limit: the document is larger than the maxBytes limit of 10 bytes\n");
  });

  it("refuses a file larger than --max-bytes without reading it", () => {
    const result = graphenix(["hash", "--max-bytes", "5", "examples/plan-header.json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("json-size-limit");
  });

  it("exits quietly when the reader closes the pipe early", () => {
    const script = `"${process.execPath}" --conditions=@graphenix/source --import tsx packages/cli/src/bin.ts canon examples/plan-header.json | head -c 1`;
    const result = spawnSync("bash", ["-o", "pipefail", "-c", script], { cwd: repoRoot, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("{");
  });

  it("keeps a message with control characters on one line", () => {
    const result = graphenix(["canon", "-"], '{"a\\u001b[31m\\nb":1,"a\\u001b[31m\\nb":2}');
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toContain("\u001b");
  });
});
