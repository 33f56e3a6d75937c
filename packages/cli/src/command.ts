import type { ParseArgsConfig } from "node:util";
import type { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>[string] & { readonly description: string; readonly valueName?: string };

/** One `graphenix` sub-command: its help text is generated from these fields. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Positional arguments as shown in the usage line, e.g. `<file|->`. */
  readonly args: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  run(positionals: string[], values: Record<string, unknown>, io: CliIo): Promise<ExitCode>;
}
