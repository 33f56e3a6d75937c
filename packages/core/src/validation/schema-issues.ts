/**
 * Turns the errors of an Ajv (standalone) validator into our issues. Only the shape of Ajv's
 * error objects is used, so core does not depend on Ajv.
 */
import type { KnownIssueCode, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";
import { decodePointer, escapePointerToken } from "../pointer.js";
import { describe } from "./schema-messages.js";

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
function pathFor(document: unknown, pointer: string): { path: (string | number)[]; data: unknown } {
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
  return { path, data: node };
}

/**
 * Ajv reports, for a failed `anyOf` / `oneOf`, the errors of every branch and then its own.
 * Branch errors that only say "wrong type for this branch" are noise when another branch's
 * errors explain more; the combinator's own error is dropped when any branch error remains.
 *
 * A combinator's branch errors are the errors whose schema path is under its own. They are
 * collected once per distinct combinator path, and each keeps a count of its branch errors not
 * yet dropped, so the whole pass is linear in the errors (a document with 100,000 bad items
 * gives 100,000 combinator errors of one path: comparing each with all would never finish).
 */
export function pruneCombinators(errors: readonly SchemaError[]): SchemaError[] {
  const drop = new Set<SchemaError>();
  const groups = new Map<string, Branches>();
  for (const e of errors) if (e.keyword === "anyOf" || e.keyword === "oneOf") groups.set(e.schemaPath, { errors: [], alive: 0, typeOnly: new Map() });
  if (groups.size > 0) {
    // For each error, the combinator groups it is a branch error of (usually none or one).
    const memberOf = new Map<SchemaError, Branches[]>();
    for (const e of errors) {
      for (const [path, group] of groups) {
        if (!e.schemaPath.startsWith(path + "/")) continue;
        group.errors.push(e);
        group.alive++;
        if (e.keyword === "type") {
          const list = group.typeOnly.get(e.instancePath);
          if (list) list.push(e);
          else group.typeOnly.set(e.instancePath, [e]);
        }
        const of = memberOf.get(e);
        if (of) of.push(group);
        else memberOf.set(e, [group]);
      }
    }
    const dropOne = (e: SchemaError) => {
      if (drop.has(e)) return;
      drop.add(e);
      for (const group of memberOf.get(e) ?? []) group.alive--;
    };
    for (const combinator of errors) {
      if (combinator.keyword !== "anyOf" && combinator.keyword !== "oneOf") continue;
      const group = groups.get(combinator.schemaPath) as Branches;
      const typeOnly = group.typeOnly.get(combinator.instancePath) ?? [];
      const informative = group.errors.length - typeOnly.length;
      if (informative > 0) typeOnly.forEach(dropOne);
      else if (typeOnly.length > 1) typeOnly.slice(1).forEach(dropOne);
      if (group.errors.length > 0 && group.alive > 0) dropOne(combinator);
    }
  }
  // propertyNames reports the failing name twice (the inner keyword and its own): keep its own.
  const byName = new Map<unknown, SchemaError[]>();
  for (const e of errors) {
    const list = byName.get(e.propertyName);
    if (list) list.push(e);
    else byName.set(e.propertyName, [e]);
  }
  for (const e of errors) {
    if (e.keyword === "propertyNames") for (const x of byName.get(e.params.propertyName) ?? []) if (x !== e) drop.add(x);
  }
  for (const e of restatements(errors)) drop.add(e);
  return errors.filter((e) => !drop.has(e));
}

/**
 * Errors that only say again what another error at the same place says: a discriminator member
 * that "must be a string" when it is missing or of the wrong type (already `schema-required` or
 * `schema-type`), and the pattern of an empty string that must not be empty.
 */
function restatements(errors: readonly SchemaError[]): SchemaError[] {
  const said = new Set<string>();
  for (const e of errors) {
    if (e.keyword === "required") said.add(`${e.instancePath}/${escapePointerToken(String(e.params.missingProperty))}`);
    else if (e.keyword === "type") said.add(e.instancePath);
    else if (e.keyword === "minLength" && Number(e.params.limit) === 1) said.add(`${e.instancePath}\u0000empty`);
  }
  return errors.filter((e) =>
    e.keyword === "discriminator" && e.params.error === "tag"
      ? said.has(`${e.instancePath}/${escapePointerToken(String(e.params.tag))}`)
      : e.keyword === "pattern" && said.has(`${e.instancePath}\u0000empty`),
  );
}

/** The branch errors of every combinator error with one schema path. */
interface Branches {
  readonly errors: SchemaError[];
  /** How many of `errors` are not dropped (yet). */
  alive: number;
  /** The `type` errors among `errors`, by instance path. */
  readonly typeOnly: Map<string, SchemaError[]>;
}

export function schemaIssues(errors: readonly SchemaError[] | null | undefined, document: unknown): ValidationIssue[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of pruneCombinators(errors)) {
    const at = pathFor(document, error.instancePath);
    const { path: extra, message } = describe(error, at.data);
    const path = [...at.path, ...(extra ?? [])];
    const issue = makeIssue(CODE_BY_KEYWORD[error.keyword] ?? "schema-invalid", message, path);
    const key = `${issue.code}\u0000${issue.pointer}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
