import { EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2 } from "@graphenix/contracts";
import { DIGEST_PREFIX, formatOf, makeIssue, sha256Hex } from "@graphenix/core";
import type { Command } from "../command.js";
import { canonicalOf, reportUnusable } from "../canonical.js";
import { EXIT } from "../exit-codes.js";
import { readJsonInput } from "../input.js";
import { JSON_OPTION, LIMIT_OPTIONS, limitsFrom } from "../limits-options.js";

const PLAN_FORMATS: readonly unknown[] = [EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2];

/** Why a document has no plan hash: it is not an executable plan (by its format member). */
function notAPlan(value: unknown) {
  const formats = PLAN_FORMATS.map((f) => JSON.stringify(f)).join(" or ");
  if (PLAN_FORMATS.includes(formatOf(value))) return undefined;
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (!isObject || (value as { format?: unknown }).format === undefined) return makeIssue("format-missing", `--plan needs an executable plan, with format ${formats}`, isObject ? ["format"] : []);
  return makeIssue("format-unsupported", `--plan needs an executable plan (format ${formats}), not a ${JSON.stringify((value as { format: unknown }).format)} document`, ["format"]);
}

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
    const wrongKind = values.plan ? notAPlan(input.value) : undefined;
    if (wrongKind) return reportUnusable(input, [wrongKind], io, json, { digest: null });
    // The plan hash covers the plan without its planHash member (docs/executable-plan.md).
    const hashed = values.plan ? withoutPlanHash(input.value as Record<string, unknown>) : input.value;
    const canonical = canonicalOf(hashed, limits);
    if (!canonical.ok) return reportUnusable(input, canonical.issues, io, json, { digest: null });
    const digest = DIGEST_PREFIX + sha256Hex(canonical.text);
    io.stdout.write(json ? `${JSON.stringify({ source: input.source, valid: true, digest })}\n` : `${digest}\n`);
    return EXIT.ok;
  },
};
