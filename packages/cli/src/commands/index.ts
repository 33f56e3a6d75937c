import type { Command } from "../command.js";
import { canonCommand } from "./canon.js";
import { hashCommand } from "./hash.js";

/** Every sub-command, in the order `graphenix --help` lists them. */
export const COMMANDS: readonly Command[] = [canonCommand, hashCommand];
