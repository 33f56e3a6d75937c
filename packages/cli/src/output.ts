import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CliFailure } from "./errors.js";
import { EXIT } from "./exit-codes.js";

/** Writes a file the user asked for (creating its folder); failure is one line and exit 2. */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliFailure(`${path}: io-unwritable: cannot write the file (${reason})`, EXIT.usage);
  }
}
