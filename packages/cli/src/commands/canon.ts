import { canonicalOf, reportUnusable } from "../canonical.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";

export const canonCommand: Command = {
  name: "canon",
  summary: "print the RFC 8785 canonical form of a JSON document",
  args: "<file|->",
  options: { ...JSON_OPTION, ...LIMIT_OPTIONS },
  examples: ["graphenix canon plan.json > plan.canonical.json", "cat doc.json | graphenix canon -", "graphenix canon --json examples/plan-header.json"],
  async run([file], values, io) {
    const limits = limitsFrom(values);
    const input = await readJsonInput(file as string, io, limits);
    const canonical = canonicalOf(input.value, limits);
    if (!canonical.ok) return reportUnusable(input, canonical.issues, io, values.json === true, { canonical: null });
    // Exactly the canonical bytes, no trailing newline: `graphenix canon x | sha256sum` matches `graphenix hash x`.
    io.stdout.write(values.json ? `${JSON.stringify({ source: input.source, valid: true, canonical: canonical.text })}\n` : canonical.text);
    return EXIT.ok;
  },
};
