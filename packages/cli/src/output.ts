import { lstat, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
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
  // A folder may exist by the time it is made: `out/new/..` is `out`, made one step earlier.
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch(async (error: NodeJS.ErrnoException) => {
      // Only a folder that is there now excuses EEXIST (not a file, nor a dangling symlink).
      const now = error.code === "EEXIST" ? await stat(folder).catch(() => undefined) : undefined;
      if (!now?.isDirectory()) throw error;
    });
  }
}

const unwritableLine = (path: string, error: unknown) => `${path}: io-unwritable: cannot write the file (${describeIoError(error)})`;
const unwritable = (path: string, error: unknown) => new CliFailure(unwritableLine(path, error), EXIT.usage);

/** Writes a file the user asked for (creating its folder); failure is one line and exit 2. */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await makeFolders(dirname(path));
    await writeFile(path, text);
  } catch (error) {
    throw unwritable(path, error);
  }
}

/**
 * The path a folder stands on when a step failed because of it: the staged or set-aside name,
 * which the message names instead of the file asked for (that one may not exist at all).
 */
function inTheWay(error: unknown): string | undefined {
  const { code, path, dest } = error as NodeJS.ErrnoException & { dest?: unknown };
  if (code !== "EISDIR" && code !== "ENOTEMPTY" && code !== "EEXIST") return undefined;
  const at = dest ?? path;
  return typeof at === "string" ? at : undefined;
}

/** The suffix of a file staged before it is renamed into place. */
const PARTIAL = ".graphenix-partial";
/** The suffix an earlier file is kept under while the new files are put in place. */
const PREVIOUS = ".graphenix-previous";

/** Whether `path` exists, and whether it is a folder (which a file must never replace). */
async function existing(path: string): Promise<"none" | "folder" | "file"> {
  try {
    return (await lstat(path)).isDirectory() ? "folder" : "file";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "none";
    throw error;
  }
}

/**
 * Writes several files as one result: each to a temporary name beside it first; then, for each,
 * the earlier file of that name is set aside (`.graphenix-previous`) and the new one renamed into
 * place. When any step fails, every file step done is undone in reverse (new files removed,
 * earlier files put back, staged files removed; folders it created stay): the files already there
 * (an earlier run's) are left as they were. A folder in the way of a file fails before anything is
 * moved. If a step cannot be undone, the message names the file left set aside.
 */
export async function writeOutputFiles(files: readonly (readonly [path: string, text: string])[]): Promise<string[]> {
  // One path twice would set the first new file aside in place of the earlier one: refused.
  const resolved = files.map(([path]) => resolve(path));
  if (new Set(resolved).size !== resolved.length) throw new Error("writeOutputFiles: the same file is named twice");
  const undo: { step: () => Promise<unknown>; left?: string }[] = [];
  const setAside: string[] = [];
  let current = "";
  try {
    for (const [path, text] of files) {
      current = path;
      await makeFolders(dirname(path));
      await writeFile(`${path}${PARTIAL}`, text);
      undo.push({ step: () => rm(`${path}${PARTIAL}`, { force: true }) });
    }
    for (const [path] of files) {
      current = path;
      if ((await existing(path)) === "folder") throw Object.assign(new Error(`EISDIR: illegal operation on a directory, ${path}`), { code: "EISDIR" });
    }
    for (const [path] of files) {
      current = path;
      // Looked at again, not taken from the look above: a file that appeared since is set aside too.
      if ((await existing(path)) === "file") {
        await rename(path, `${path}${PREVIOUS}`);
        setAside.push(`${path}${PREVIOUS}`);
        undo.push({ step: () => rename(`${path}${PREVIOUS}`, path), left: `${path}${PREVIOUS}` });
      }
      await rename(`${path}${PARTIAL}`, path);
      undo.push({ step: () => rm(path, { force: true }) });
    }
  } catch (error) {
    // Last step first: a new file is removed before the earlier one is put back in its place.
    const stranded: string[] = [];
    for (const { step, left } of undo.reverse()) await step().catch(() => left !== undefined && stranded.push(left));
    const left = stranded.length > 0 ? `; the earlier file could not be put back and is at ${stranded.join(", ")}` : "";
    throw new CliFailure(`${unwritableLine(inTheWay(error) ?? current, error)}${left}`, EXIT.usage);
  }
  // Only plain files were set aside (never a folder). The files are written: a copy of an earlier
  // one that cannot be removed is left beside it, not a failure of the command.
  await Promise.all(setAside.map((previous) => rm(previous, { force: true }).catch(() => undefined)));
  return files.map(([path]) => path);
}
