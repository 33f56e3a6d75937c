/** The `graphenix` exit codes (documented in the CLI README and docs/cli.md). */
export const EXIT = {
  /** The command did what was asked; a validated document is valid. */
  ok: 0,
  /** The document was read but is not valid. */
  invalid: 1,
  /** Bad usage, or the input could not be read or is not JSON. */
  usage: 2,
  /** A bug in graphenix itself; the message asks for a report. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
