import type { Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";

const EXIT_CODES = [
  "Exit codes:",
  "  0  ok (the document is valid)",
  "  1  the document was read but is invalid",
  "  2  usage error, the input is unreadable or not JSON, or the output cannot be written",
  "  3  internal error (a bug in graphenix: please report it)",
].join("\n");

export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `graphenix ${version}: validate, compile, expand, trace-check, canonicalize, hash and draw Graphenix plan documents`,
    "",
    "Usage: graphenix <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run 'graphenix <command> --help' for a command's options and examples, and 'graphenix demo' to see",
    "the whole flow (validate, compile, expand, run, trace) on built-in examples.",
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}

export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => {
    const long = spec.type === "string" ? `--${name} <${spec.valueName ?? "value"}>` : `--${name}`;
    const flag = spec.short ? `-${spec.short}, ${long}` : long;
    return [flag, spec.description] as const;
  });
  options.push(["--help", "show this help"]);
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [
    `Usage: graphenix ${[command.name, command.args, "[options]"].filter(Boolean).join(" ")}`,
    "",
    `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.${command.args === "" ? "" : " Use - for a file to read standard input."}`,
    "",
    "Options:",
    ...options.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    "",
    "Examples:",
    ...command.examples.map((e) => `  ${e}`),
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}
