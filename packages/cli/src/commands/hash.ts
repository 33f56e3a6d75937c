import { DIGEST_PREFIX, sha256Hex } from "@graphenix/core";
import { canonicalText } from "../canonical.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";

export const hashCommand: Command = {
  name: "hash",
  summary: "print the sha256: digest of a JSON document's canonical bytes",
  args: "<file|->",
  options: {
    ...LIMIT_OPTIONS,
    json: { type: "boolean", description: 'print {"source","digest"} as JSON instead of the bare digest' },
  },
  examples: ["graphenix hash plan.json", "graphenix hash --json - < plan.json"],
  async run([file], values, io) {
    const limits = limitsFrom(values);
    const input = await readJsonInput(file as string, io, limits);
    const value = DIGEST_PREFIX + sha256Hex(canonicalText(input, limits));
    io.stdout.write(values.json ? `${JSON.stringify({ source: input.source, digest: value })}\n` : `${value}\n`);
    return EXIT.ok;
  },
};
