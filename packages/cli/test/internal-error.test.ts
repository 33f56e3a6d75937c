/**
 * What the CLI does with a failure that is its own bug (found untested by a mutation review): exit
 * code 3 and one line that says so, never a stack trace; and how a line is kept one line.
 */
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../src/index.js";
import { oneLine } from "../src/errors.js";

describe("an internal error", () => {
  it("exits 3 with one line saying it is a bug", async () => {
    let stderr = "";
    const io: CliIo = {
      stdout: {
        write: () => {
          throw new Error("boom\nat somewhere");
        },
      },
      stderr: { write: (c) => (stderr += String(c)) },
      readStdin: async () => new Uint8Array(),
      readFile: async () => new Uint8Array(),
    };
    expect(await main(["--version"], io)).toBe(3);
    expect(stderr).toBe("graphenix: internal error: boom\\u000aat somewhere (this is a bug; please report it)\n");
  });
});

describe("oneLine", () => {
  it("escapes every character that would break or hide a line: C0, DEL, C1, and the Unicode line and paragraph separators", () => {
    expect(oneLine("a\u2028b\u2029c")).toBe("a\\u2028b\\u2029c");
    expect(oneLine("a\nb\rc\u0000d\u007fe\u0085f\u009fg")).toBe("a\\u000ab\\u000dc\\u0000d\\u007fe\\u0085f\\u009fg");
    expect(oneLine("plain ☃ text")).toBe("plain ☃ text");
  });
});
