import { DIGEST_PREFIX, sha256Hex } from "@graphenix/core";
import { computePlanHash } from "@graphenix/plan-format";
import type { Command } from "../command.js";
import { canonicalText } from "../canonical.js";
import { CliFailure } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";

export const hashCommand: Command = {
  name: "hash",
  summary: "print the sha256: digest of a JSON document's canonical bytes (--plan: the plan hash)",
  args: "<file|->",
  options: {
    plan: { type: "boolean", description: "print the plan hash: the digest of the plan without its planHash member (docs/executable-plan.md)" },
    ...JSON_OPTION,
    ...LIMIT_OPTIONS,
  },
  examples: ["graphenix hash plan.json", "graphenix hash --plan plan.json", "graphenix hash --json - < plan.json"],
  async run([file], values, io) {
    const limits = limitsFrom(values);
    const input = await readJsonInput(file as string, io, limits);
    let value: string;
    if (values.plan) {
      if (input.value === null || typeof input.value !== "object" || Array.isArray(input.value)) {
        throw new CliFailure(`${input.source}: --plan needs a plan: a JSON object, not ${Array.isArray(input.value) ? "an array" : JSON.stringify(input.value)}`, EXIT.invalid);
      }
      canonicalText(input, limits); // reports anything that cannot be hashed as an issue, like plain hash
      value = computePlanHash(input.value);
    } else {
      value = DIGEST_PREFIX + sha256Hex(canonicalText(input, limits));
    }
    io.stdout.write(values.json ? `${JSON.stringify({ source: input.source, digest: value })}\n` : `${value}\n`);
    return EXIT.ok;
  },
};
