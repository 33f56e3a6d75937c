export { main } from "./main.js";
export { nodeIo, type CliIo } from "./io.js";
export { EXIT, type ExitCode } from "./exit-codes.js";
export type { Command } from "./command.js";
