import type { Command } from "../command.js";
import { canonCommand } from "./canon.js";
import { compileCommand } from "./compile.js";
import { demoCommand } from "./demo.js";
import { expandCommand } from "./expand.js";
import { traceCommand } from "./trace.js";
import { graphCommand } from "./graph.js";
import { hashCommand } from "./hash.js";
import { validateCommand } from "./validate.js";

/** Every sub-command, in the order `graphenix --help` lists them. */
export const COMMANDS: readonly Command[] = [validateCommand, compileCommand, expandCommand, traceCommand, canonCommand, hashCommand, graphCommand, demoCommand];
