import { own } from "@graphenix/core";
import { open } from "node:fs/promises";
import { shouldUseColor } from "./color.js";
import { describeIoError } from "./errors.js";
import { EXIT } from "./exit-codes.js";

/** Everything the CLI touches outside itself, so tests run commands in-process. */
export interface CliIo {
  /** Colour the output (decided once, by `shouldUseColor`); default false. */
  readonly color?: boolean;
  /** Standard output is a terminal that can redraw a line (not `TERM=dumb`): progress may be redrawn in place. Default false. */
  readonly interactive?: boolean;
  readonly stdout: { write(chunk: string | Uint8Array): unknown };
  readonly stderr: { write(chunk: string | Uint8Array): unknown };
  /**
   * Reads standard input, or a file. Never returns more than `maxBytes + 1` bytes: one byte past
   * the limit is enough for the reader to report `json-size-limit`, and the rest is never read.
   */
  readStdin(maxBytes: number): Promise<Uint8Array>;
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
}

async function readBounded(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    parts.push(Buffer.from(chunk));
    total += chunk.length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(parts).subarray(0, maxBytes + 1);
}

export function nodeIo(): CliIo {
  // A closed pipe (`graphenix canon x | head -c 1`) is the reader's choice, not an error of ours.
  // Any other failure to write it (a full disk, /dev/full) is one line and exit 2, as for -o.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`graphenix: io-unwritable: cannot write to standard output (${describeIoError(error)})\n`);
    process.exit(EXIT.usage);
  });
  return {
    color: shouldUseColor(process.env, process.stdout.isTTY),
    // A terminal that can redraw a line: `TERM=dumb` cannot erase one (NO_COLOR is about colour,
    // not this: the progress bar is drawn without colour there).
    interactive: process.stdout.isTTY === true && process.env.TERM !== "dumb",
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin(maxBytes) {
      const bytes = await readBounded(process.stdin, maxBytes);
      if (bytes.length > maxBytes) process.stdin.destroy();
      return bytes;
    },
    async readFile(path, maxBytes) {
      const handle = await open(path, "r");
      try {
        const stat = await handle.stat();
        // Not a regular file (a FIFO, /dev/stdin, a directory), or one whose size is not known in
        // advance (procfs files say 0): read it as a stream, bounded.
        if (!stat.isFile() || stat.size === 0) return await readBounded(handle.createReadStream({ autoClose: false }), maxBytes);
        const length = Math.min(stat.size, maxBytes + 1);
        const buffer = Buffer.alloc(length);
        // A file cut short since the stat gives fewer bytes: only those are its text.
        const { bytesRead } = await handle.read(buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * Whether to colour, and whether progress may be redrawn: the io's own members only (a `color`
 * some code put on Object.prototype is not the caller's; docs/architecture.md, "Own members only").
 */
export const colorOf = (io: CliIo): boolean => own(io, "color") === true;
export const interactiveOf = (io: CliIo): boolean => own(io, "interactive") === true;
