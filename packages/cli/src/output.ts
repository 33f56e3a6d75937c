import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CliFailure, describeIoError } from "./errors.js";
import { EXIT } from "./exit-codes.js";

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

const unwritable = (path: string, error: unknown) => new CliFailure(`${path}: io-unwritable: cannot write the file (${describeIoError(error)})`, EXIT.usage);

/** Writes a file the user asked for (creating its folder); failure is one line and exit 2. */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await makeFolders(dirname(path));
    await writeFile(path, text);
  } catch (error) {
    throw unwritable(path, error);
  }
}

/** The suffix of a file staged before it is renamed into place. */
const PARTIAL = ".graphenix-partial";

/**
 * Writes several files as one result: each to a temporary name beside it first, then all renamed
 * into place; when one cannot be written, the temporary files are removed and the files already
 * there (an earlier run's) are left as they were.
 */
export async function writeOutputFiles(files: readonly (readonly [path: string, text: string])[]): Promise<string[]> {
  const staged: string[] = [];
  let current = "";
  try {
    for (const [path, text] of files) {
      current = path;
      await makeFolders(dirname(path));
      await writeFile(`${path}${PARTIAL}`, text);
      staged.push(`${path}${PARTIAL}`);
    }
    for (const [path] of files) {
      current = path;
      await rename(`${path}${PARTIAL}`, path);
    }
  } catch (error) {
    await Promise.all(staged.map((temporary) => rm(temporary, { force: true })));
    throw unwritable(current, error);
  }
  return files.map(([path]) => path);
}
