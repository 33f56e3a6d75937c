import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CliFailure } from "./errors.js";
import { EXIT } from "./exit-codes.js";

/** An I/O error as `CODE: what it means` (Node's message without the path, which the line names already). */
export function describeIoError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const meaning = typeof message === "string" ? (/^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message) : String(error);
  return code ? `${code}: ${meaning}` : meaning;
}

/**
 * Creates the folders of `dir` that do not exist yet, one level at a time. Why not
 * `mkdir(dir, { recursive: true })`: on Node 20 it never returns for a path under a folder that
 * refuses new entries without saying so (`/proc/nope/x`).
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const found = await stat(at).then(
      (s) => s,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return undefined;
        throw error;
      },
    );
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, ${at}`), { code: "ENOTDIR" });
      break;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) await mkdir(folder);
}

/** Writes a file the user asked for (creating its folder); failure is one line and exit 2. */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await makeFolders(dirname(path));
    await writeFile(path, text);
  } catch (error) {
    throw new CliFailure(`${path}: io-unwritable: cannot write the file (${describeIoError(error)})`, EXIT.usage);
  }
}

/**
 * Writes several files as one result: when one cannot be written, the ones this call already
 * wrote are removed, so a failed command leaves no half of its output behind.
 */
export async function writeOutputFiles(files: readonly (readonly [path: string, text: string])[]): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const [path, text] of files) {
      await writeOutputFile(path, text);
      written.push(path);
    }
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
  return written;
}
