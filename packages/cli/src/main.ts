import { parseArgs } from "node:util";
import { closestName } from "@graphenix/core";
import type { Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { CliFailure, oneLine } from "./errors.js";
import { documentLimitsFrom, limitsFrom } from "./limits-options.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { commandHelp, mainHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { VERSION } from "./version.js";

function usageError(message: string, command?: Command): CliFailure {
  const hint = command ? `graphenix ${command.name} --help` : "graphenix --help";
  return new CliFailure(`${message} (see '${hint}')`, EXIT.usage);
}

/** ` (did you mean "x"?)` when one of `names` is close to `name`, else nothing. */
function meant(name: string, names: readonly string[], shown: (n: string) => string = (n) => `"${n}"`): string {
  const close = closestName(name, names);
  return close === undefined ? "" : `: did you mean ${shown(close)}?`;
}

/** node:util's parseArgs messages are long and say "positional"; keep the first plain sentence. */
function describeArgsError(error: unknown, command: Command): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) {
    const long = option.startsWith("--") ? option.slice(2).split("=")[0]! : undefined;
    return `unknown option ${option}${long === undefined ? "" : meant(long, [...Object.keys(command.options), "help"], (n) => `--${n}`)}`;
  }
  return (message.split(/\.\s/)[0] ?? message).replace(/\.$/, "");
}

const COMMAND_NAMES = COMMANDS.map((c) => c.name);

/**
 * What parseArgs lets through silently: an option given twice (the last would win) and an option
 * given an empty value (`-o ''`, which would name the current folder or no file at all).
 */
function checkOptionUse(command: Command, tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = command.options[token.name];
    if (seen.has(token.name) && spec?.multiple !== true) throw usageError(`graphenix ${command.name}: --${token.name} is given more than once`, command);
    seen.add(token.name);
    if (token.value === "") throw usageError(`graphenix ${command.name}: --${token.name} needs a value, not an empty string`, command);
  }
}

async function runCommand(command: Command, argv: string[], io: CliIo): Promise<ExitCode> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw usageError(`graphenix ${command.name}: ${describeArgsError(error, command)}`, command);
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  checkOptionUse(command, parsed.tokens ?? []);
  const expected = command.args.split(" ").filter(Boolean).length;
  if (parsed.positionals.length !== expected) {
    const wanted = expected === 0 ? "no arguments" : command.args;
    throw usageError(`graphenix ${command.name}: expected ${wanted}, got ${parsed.positionals.length} argument(s)`, command);
  }
  // An empty argument names no file (the error would name none either): as for `-o ''`.
  if (parsed.positionals.includes("")) throw usageError(`graphenix ${command.name}: an argument is an empty string, which names nothing`, command);
  const values = parsed.values as Record<string, unknown>;
  try {
    // Limit options are checked before any input is read.
    limitsFrom(values);
    documentLimitsFrom(values);
  } catch (error) {
    if (error instanceof CliFailure) throw usageError(`graphenix ${command.name}: ${error.message}`, command);
    throw error;
  }
  return command.run(parsed.positionals, values, io);
}

/**
 * Runs `graphenix` with `argv` (without the node and script paths). Never throws and never
 * prints a stack trace: every failure is one line on stderr and an exit code.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      // Asked for nothing: the help is the error message, so it goes where errors go.
      io.stderr.write(mainHelp(VERSION));
      return EXIT.usage;
    }
    if (name === "help" && rest.length === 1) {
      // `help <command>` is that command's help, as `<command> --help` is.
      const command = COMMANDS.find((c) => c.name === rest[0]);
      if (!command) throw usageError(`graphenix help: unknown command "${rest[0]}"${meant(rest[0] as string, COMMAND_NAMES)}`);
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const answer = name === "--help" || name === "-h" || name === "help" ? mainHelp(VERSION) : name === "--version" || name === "-v" ? `${VERSION}\n` : undefined;
    if (answer !== undefined) {
      if (rest.length > 0) throw usageError(`graphenix ${name}: takes no arguments, got ${rest.length}`);
      io.stdout.write(answer);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    // `-` alone is standard input, not an option.
    if (!command && name.length > 1 && name.startsWith("-")) throw usageError(`graphenix: ${name} before the command; options go after it: graphenix <command> <args> [options]`);
    if (!command) throw usageError(`graphenix: unknown command "${name}"${meant(name, COMMAND_NAMES)}`);
    return await runCommand(command, rest, io);
  } catch (error) {
    if (error instanceof CliFailure) {
      // One line per issue: a line break inside an argument it quotes is written as \u000a.
      io.stderr.write(`${error.lines.map(oneLine).join("\n")}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`graphenix: internal error: ${oneLine(message)} (this is a bug; please report it)\n`);
    return EXIT.internal;
  }
}
