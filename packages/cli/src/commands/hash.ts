import { checkFormat, DIGEST_PREFIX, IssueCollector, sha256Hex } from "@graphenix/core";
import { SUPPORTED_PLAN_FORMATS } from "@graphenix/plan-format";
import type { Command } from "../command.js";
import { canonicalOf, reportUnusable } from "../canonical.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";

function withoutPlanHash(plan: Record<string, unknown>): Record<string, unknown> {
  const { planHash: _planHash, ...rest } = plan;
  return rest;
}

export const hashCommand: Command = {
  name: "hash",
  summary: "print the sha256: digest of a JSON document's canonical bytes (--plan: the plan hash)",
  args: "<file|->",
  options: {
    plan: { type: "boolean", description: "print the plan hash of an executable plan: the digest of the plan without its planHash member (docs/executable-plan.md)" },
    ...JSON_OPTION,
    ...LIMIT_OPTIONS,
  },
  examples: ["graphenix hash plan.json", "graphenix hash --plan plan.json", "graphenix hash --json - < plan.json"],
  async run([file], values, io) {
    const limits = limitsFrom(values);
    const input = await readJsonInput(file as string, io, limits);
    const json = values.json === true;
    // --plan reads a plan: anything else is turned away at the plans' own format gate.
    const gate = new IssueCollector(1);
    if (values.plan && !checkFormat(input.value, SUPPORTED_PLAN_FORMATS, gate)) return reportUnusable(input, gate.finish(), io, json, { digest: null });
    // The plan hash covers the plan without its planHash member (docs/executable-plan.md).
    const hashed = values.plan ? withoutPlanHash(input.value as Record<string, unknown>) : input.value;
    const canonical = canonicalOf(hashed, limits);
    if (!canonical.ok) return reportUnusable(input, canonical.issues, io, json, { digest: null });
    const digest = DIGEST_PREFIX + sha256Hex(canonical.text);
    io.stdout.write(json ? `${JSON.stringify({ source: input.source, valid: true, digest })}\n` : `${digest}\n`);
    return EXIT.ok;
  },
};
