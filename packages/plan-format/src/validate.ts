import {
  EXECUTABLE_PLAN_FORMAT,
  EXECUTABLE_PLAN_FORMAT_V2,
  type ExecutableGraphPlan,
  type ExecutableGraphPlanV2,
  type ValidationResult,
} from "@graphenix/contracts";
import {
  asObject,
  checkFormat,
  formatOf,
  digestResult,
  IssueCollector,
  quickAccept,
  type QuickAccept,
  resolveLimits,
  scanDocument,
  schemaIssues,
  own,
  type Obj,
  type ScanOptions,
  type SchemaValidator,
  type ValidationOptions,
  unstableDocumentIssue,
  validateGuarded,
  validationResult,
} from "@graphenix/core";
import { acceptExecutablePlanV1, acceptExecutablePlanV2, quickAcceptTrust } from "./generated/quick-accept.js";
import { validateExecutablePlanV1Schema, validateExecutablePlanV2Schema } from "./generated/schema-validators.js";
import { planView, type PlanVersion } from "./plan-view.js";
import { RUN_EVIDENCE } from "./rules/forbidden.js";
import { PLAN_RULES } from "./rules/index.js";

/** The plan format strings this package reads. */
export const SUPPORTED_PLAN_FORMATS: readonly string[] = [EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2];

const SCHEMAS: Record<PlanVersion, SchemaValidator> = { v1: validateExecutablePlanV1Schema, v2: validateExecutablePlanV2Schema };
const ACCEPT: Record<PlanVersion, QuickAccept> = { v1: acceptExecutablePlanV1, v2: acceptExecutablePlanV2 };
const SCAN: ScanOptions = { credentials: true, forbiddenMembers: RUN_EVIDENCE };
const FORMATS: Record<PlanVersion, string> = { v1: EXECUTABLE_PLAN_FORMAT, v2: EXECUTABLE_PLAN_FORMAT_V2 };

function planCount(plan: Obj): number {
  return Object.keys(asObject(plan.nodePlans) ?? {}).length + Object.keys(asObject(plan.finalizerPlans) ?? {}).length;
}

function run<T>(plan: unknown, version: PlanVersion, options: ValidationOptions | undefined): ValidationResult<T> {
  // The rules read the plan again after the scan: a getter may answer differently.
  return validateGuarded(plan, () => runOnce<T>(plan, version, options));
}

function runOnce<T>(plan: unknown, version: PlanVersion, options: ValidationOptions | undefined): ValidationResult<T> {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  // A clean, schema-valid plan is recognised in one walk (docs/quick-accept.md); for any other
  // the scan and the schema validator run and report what they find.
  const formatOk = checkFormat(plan, [FORMATS[version]], issues);
  const quick = formatOk && quickAccept(ACCEPT[version], plan, limits, SCAN, quickAcceptTrust);
  if (formatOk && (quick || scanDocument(plan, limits, SCAN, issues))) {
    const obj = plan as Obj;
    const count = planCount(obj);
    if (count > limits.maxNodes) {
      issues.add("graph-node-limit", `the plan has ${count} node and finalizer plans, more than the maxNodes limit of ${limits.maxNodes}`, ["nodePlans"]);
    } else {
      const schema = SCHEMAS[version];
      if (!quick && !schema(plan)) for (const issue of schemaIssues(schema.errors, plan)) issues.push(issue);
      const view = planView(obj, version);
      for (const rule of PLAN_RULES) rule({ view, issues, limits });
      if (version === "v2" && typeof own(obj, "planHash") === "string") {
        // computePlanHash without the throw: a plan the scan reported as not JSON (a lone
        // surrogate, NaN, …) has no canonical form, so there is no hash to compare.
        const { planHash, ...rest } = obj;
        const hash = digestResult(rest);
        if (hash.ok && hash.value !== planHash) {
          issues.add("plan-hash-mismatch", `planHash is ${String(planHash)}, but the plan's canonical bytes without planHash hash to ${hash.value}: the plan was changed after it was hashed`, ["planHash"]);
        }
      }
    }
  }
  return validationResult<T>(plan, issues);
}

/** Validates a `graphenix.executable-plan/v1` plan: schema and every rule that applies to v1. */
export function validateExecutablePlanV1(plan: unknown, options?: ValidationOptions): ValidationResult<ExecutableGraphPlan> {
  return run<ExecutableGraphPlan>(plan, "v1", options);
}

/** Validates a `graphenix.executable-plan/v2` plan: schema, every rule, and `planHash` when present. */
export function validateExecutablePlanV2(plan: unknown, options?: ValidationOptions): ValidationResult<ExecutableGraphPlanV2> {
  return run<ExecutableGraphPlanV2>(plan, "v2", options);
}

/**
 * Validates a plan of either version, chosen by its `format`; any other format is a
 * `format-unsupported` issue naming the supported ones.
 */
export function validateExecutablePlan(plan: unknown, options?: ValidationOptions): ValidationResult<ExecutableGraphPlan | ExecutableGraphPlanV2> {
  const format = formatOf(plan);
  if (format === EXECUTABLE_PLAN_FORMAT) return validateExecutablePlanV1(plan, options);
  if (format === EXECUTABLE_PLAN_FORMAT_V2) return validateExecutablePlanV2(plan, options);
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  // The gate reads format again: a supported format now is one that changed since the read above.
  if (checkFormat(plan, SUPPORTED_PLAN_FORMATS, issues)) issues.push(unstableDocumentIssue());
  return { valid: false, issues: issues.finish() };
}
