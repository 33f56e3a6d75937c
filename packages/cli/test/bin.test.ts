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
    expect(result.stderr).toBe('<stdin>:1:8: json-duplicate-key: the member name "a" appears twice in the same object\n');
  });
});
