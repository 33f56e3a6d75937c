/**
 * Turns the errors of an Ajv (standalone) validator into our issues. Only the shape of Ajv's
 * error objects is used, so core does not depend on Ajv.
 */
import type { KnownIssueCode, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";
import { decodePointer } from "../pointer.js";

/** The members of an Ajv `ErrorObject` we read. */
export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
  /** Set on the errors of a `propertyNames` subschema: the name that failed. */
  readonly propertyName?: string;
}

/** A validator compiled by Ajv: returns true or sets `errors`. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

const CODE_BY_KEYWORD: Record<string, KnownIssueCode> = {
  required: "schema-required",
  additionalProperties: "schema-unknown-member",
  unevaluatedProperties: "schema-unknown-member",
  type: "schema-type",
  const: "schema-enum",
  enum: "schema-enum",
  pattern: "schema-pattern",
  minLength: "schema-length",
  maxLength: "schema-length",
  minimum: "schema-range",
  maximum: "schema-range",
  exclusiveMinimum: "schema-range",
  exclusiveMaximum: "schema-range",
  minItems: "schema-size",
  maxItems: "schema-size",
  minProperties: "schema-size",
  maxProperties: "schema-size",
  propertyNames: "schema-property-name",
  discriminator: "schema-discriminator",
};

/** Array indices as numbers, member names as strings: walks the document along the pointer. */
function pathFor(document: unknown, pointer: string): (string | number)[] {
  const path: (string | number)[] = [];
  let node = document;
  for (const token of decodePointer(pointer)) {
    if (Array.isArray(node)) {
      const index = Number(token);
      path.push(index);
      node = node[index];
    } else {
      path.push(token);
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined;
    }
  }
  return path;
}

/** The `$defs` name a schema path last passes through, e.g. `Identifier`. */
function defName(schemaPath: string): string | undefined {
  const match = /\$defs\/([^/]+)\/[^/]+$/.exec(schemaPath);
  return match?.[1];
}

function describe(error: SchemaError): { path: string[] | undefined; message: string } {
  const p = error.params;
  switch (error.keyword) {
    case "required":
      return { path: [String(p.missingProperty)], message: `the member "${String(p.missingProperty)}" is required here` };
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { path: [name], message: `"${name}" is not a member this object may have` };
    }
    case "type":
      return { path: undefined, message: `expected ${String(p.type).replace(",", " or ")}` };
    case "const":
      return { path: undefined, message: `expected ${JSON.stringify(p.allowedValue)}` };
    case "enum":
      return { path: undefined, message: `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}` };
    case "pattern": {
      const name = defName(error.schemaPath);
      return { path: undefined, message: name ? `not a valid ${name} (see docs/schemas.md)` : `does not match the pattern ${String(p.pattern)}` };
    }
    case "propertyNames":
      return { path: [String(p.propertyName)], message: `"${String(p.propertyName)}" is not a valid name here` };
    case "discriminator":
      return p.error === "tag"
        ? { path: [String(p.tag)], message: `the member "${String(p.tag)}" must be a string` }
        : { path: [String(p.tag)], message: `unknown ${String(p.tag)} ${JSON.stringify(p.tagValue)}` };
    default:
      return { path: undefined, message: error.message ?? `fails the schema's ${error.keyword} rule` };
  }
}

/**
 * Ajv reports, for a failed `anyOf` / `oneOf`, the errors of every branch and then its own.
 * Branch errors that only say "wrong type for this branch" are noise when another branch's
 * errors explain more; the combinator's own error is dropped when any branch error remains.
 */
function pruneCombinators(errors: readonly SchemaError[]): SchemaError[] {
  const drop = new Set<SchemaError>();
  for (const combinator of errors) {
    if (combinator.keyword !== "anyOf" && combinator.keyword !== "oneOf") continue;
    const prefix = combinator.schemaPath + "/";
    const branch = errors.filter((e) => e !== combinator && e.schemaPath.startsWith(prefix));
    const typeOnly = branch.filter((e) => e.keyword === "type" && e.instancePath === combinator.instancePath);
    const informative = branch.filter((e) => !typeOnly.includes(e));
    if (informative.length > 0) typeOnly.forEach((e) => drop.add(e));
    else if (typeOnly.length > 1) typeOnly.slice(1).forEach((e) => drop.add(e));
    if (branch.length > 0 && branch.some((e) => !drop.has(e))) drop.add(combinator);
  }
  // propertyNames reports the failing name twice (the inner keyword and its own): keep its own.
  for (const e of errors) {
    if (e.keyword === "propertyNames") errors.filter((x) => x !== e && x.propertyName === e.params.propertyName).forEach((x) => drop.add(x));
  }
  return errors.filter((e) => !drop.has(e));
}

export function schemaIssues(errors: readonly SchemaError[] | null | undefined, document: unknown): ValidationIssue[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of pruneCombinators(errors)) {
    const { path: extra, message } = describe(error);
    const path = [...pathFor(document, error.instancePath), ...(extra ?? [])];
    const issue = makeIssue(CODE_BY_KEYWORD[error.keyword] ?? "schema-invalid", message, path);
    const key = `${issue.code}\u0000${issue.pointer}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
