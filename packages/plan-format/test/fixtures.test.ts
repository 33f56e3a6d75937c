import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES, type ValidationIssue } from "@graphenix/contracts";
import { parseJson } from "@graphenix/core";
import { computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
import { validateExecutablePlanV1Schema, validateExecutablePlanV2Schema } from "../src/generated/schema-validators.js";

/**
 * Golden plan fixtures: `fixtures/<case>/input.plan.json` must be valid;
 * `fixtures/_error_/<case>/` holds a plan and the exact issues (`code`, `pointer`) it must get.
 * Every verdict of our schema validator is also checked against an independent implementation.
 */
const root = join(import.meta.dirname, "fixtures");
const errorRoot = join(root, "_error_");
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "_error_").map((d) => d.name).sort();
const brief = (issues: readonly ValidationIssue[]) => issues.map((i) => ({ code: i.code, pointer: i.pointer }));

function readPlan(dir: string): unknown {
  const parsed = parseJson(readFileSync(join(dir, "input.plan.json"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
}

// @cfworker/json-schema, with every schema of the repository registered by its $id.
const schemasDir = join(import.meta.dirname, "../../../schemas");
const schemaFiles = readdirSync(schemasDir).filter((f) => f.endsWith(".schema.json"));
function independentValidator(file: string): Validator {
  const load = (f: string) => JSON.parse(readFileSync(join(schemasDir, f), "utf8")) as { $id: string };
  const validator = new Validator(load(file), "2020-12", false);
  for (const other of schemaFiles) if (other !== file) validator.addSchema(load(other));
  return validator;
}
const independent = { v1: independentValidator("executable-plan.v1.schema.json"), v2: independentValidator("executable-plan.v2.schema.json") };

function schemaVerdicts(plan: unknown): { ours: boolean; theirs: boolean } | undefined {
  const format = (plan as { format?: unknown }).format;
  const version = format === "graphenix.executable-plan/v1" ? "v1" : format === "graphenix.executable-plan/v2" ? "v2" : undefined;
  if (!version) return undefined;
  const ours = (version === "v1" ? validateExecutablePlanV1Schema : validateExecutablePlanV2Schema)(plan);
  return { ours, theirs: independent[version].validate(plan).valid };
}

describe("valid plans", () => {
  for (const name of folders(root)) {
    it(name, () => {
      const plan = readPlan(join(root, name));
      expect(brief(validateExecutablePlan(plan).issues)).toEqual([]);
      const planHash = (plan as { planHash?: string }).planHash;
      if (planHash !== undefined) expect(computePlanHash(plan as object)).toBe(planHash);
      expect(schemaVerdicts(plan)).toEqual({ ours: true, theirs: true });
    });
  }
});

const errorCases = folders(errorRoot);

describe("_error_ plans", () => {
  for (const name of errorCases) {
    it(name, () => {
      const dir = join(errorRoot, name);
      expect(readdirSync(dir).sort()).toEqual(["expected-issues.json", "input.plan.json"]);
      const plan = readPlan(dir);
      expect(brief(validateExecutablePlan(plan).issues)).toEqual(JSON.parse(readFileSync(join(dir, "expected-issues.json"), "utf8")));
      const verdicts = schemaVerdicts(plan);
      if (verdicts) expect(verdicts.theirs, "the independent validator agrees with ours").toBe(verdicts.ours);
    });
  }

  it("covers every issue code plan-format owns", () => {
    const covered = new Set(errorCases.flatMap((name) => (JSON.parse(readFileSync(join(errorRoot, name, "expected-issues.json"), "utf8")) as { code: string }[]).map((i) => i.code)));
    const owned = Object.entries(ISSUE_CODES).filter(([, info]) => info.owner === "plan-format").map(([code]) => code);
    expect(owned.filter((code) => !covered.has(code))).toEqual([]);
  });
});
