import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { main, type CliIo } from "@graphenix/cli";

export const repoRoot = join(import.meta.dirname, "../../..");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, with files read relative to the repository root (colour off unless asked). */
export async function run(argv: string[], stdin = "", options: { color?: boolean; interactive?: boolean } = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    color: options.color ?? false,
    interactive: options.interactive ?? false,
    stdout: { write: (c) => (stdout += typeof c === "string" ? c : Buffer.from(c).toString("utf8")) },
    stderr: { write: (c) => (stderr += typeof c === "string" ? c : Buffer.from(c).toString("utf8")) },
    readStdin: async (maxBytes) => Buffer.from(stdin, "utf8").subarray(0, maxBytes + 1),
    readFile: async (path, maxBytes) => (await readFile(isAbsolute(path) ? path : join(repoRoot, path))).subarray(0, maxBytes + 1),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
