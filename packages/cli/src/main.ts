import { parseArgs } from "node:util";
import type { Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { CliFailure } from "./errors.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { commandHelp, mainHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { VERSION } from "./version.js";

function usageError(message: string, command?: Command): CliFailure {
  const hint = command ? `graphenix ${command.name} --help` : "graphenix --help";
  return new CliFailure(`${message} (see '${hint}')`, EXIT.usage);
}

/** node:util's parseArgs messages are long and say "positional"; keep the first plain sentence. */
function describeArgsError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option}`;
  return (message.split(/\.\s/)[0] ?? message).replace(/\.$/, "");
}

async function runCommand(command: Command, argv: string[], io: CliIo): Promise<ExitCode> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(`graphenix ${command.name}: ${describeArgsError(error)}`, command);
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const expected = command.args.split(" ").filter(Boolean).length;
  if (parsed.positionals.length !== expected) {
    throw usageError(`graphenix ${command.name}: expected ${command.args}, got ${parsed.positionals.length} argument(s)`, command);
  }
  return command.run(parsed.positionals, parsed.values as Record<string, unknown>, io);
}

/**
 * Runs `graphenix` with `argv` (without the node and script paths). Never throws and never
 * prints a stack trace: every failure is one line on stderr and an exit code.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(mainHelp(VERSION));
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === "--version" || name === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw usageError(`graphenix: unknown command "${name}"`);
    return await runCommand(command, rest, io);
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`graphenix: internal error: ${message} (this is a bug; please report it)\n`);
    return EXIT.internal;
  }
}
