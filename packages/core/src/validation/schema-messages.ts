/**
 * The words of a schema issue: what is wrong, the value that is wrong, and what was likely meant.
 * House style: lower case, no "must NOT" (Ajv's English is never shown as it is).
 */
import { closestName } from "./closest-name.js";
import type { SchemaError } from "./schema-issues.js";

/**
 * What each pattern of the common schema accepts, in words (its `$defs` name is how an error
 * names it). A pattern without an entry is shown as it is.
 */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  Identifier: "letters, digits and _ . : @ + -, starting with a letter, a digit or _ (no spaces)",
  SemVer: 'a semantic version MAJOR.MINOR.PATCH, such as "1.0.0" or "2.1.0-rc.1"',
  Sha256Digest: '"sha256:" followed by 64 lowercase hex digits',
  Sha256Hex: "64 lowercase hex digits",
  Timestamp: 'an RFC 3339 time in UTC, such as "2026-06-06T12:00:00Z"',
  JsonPointer: 'a JSON Pointer, such as "/nodes/a" (empty for the whole document)',
  IssueCode: 'a kebab-case code, such as "schema-type"',
};

/** Member names listed in full up to this many; past it, only a likely one is named. */
const MAX_LISTED_MEMBERS = 12;

/** A value as a message shows it: strings quoted (and shortened), containers by kind. */
function shown(value: unknown): string {
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  if (typeof value === "number") return `the number ${String(value)}`;
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : String(typeof value);
}

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function unknownMember(name: string, allowed: readonly string[] | undefined, data: unknown): string {
  const head = `"${name}" is not a member this object may have`;
  if (!allowed) return head;
  // A name the object has already is not what it meant.
  const present = data !== null && typeof data === "object" ? data : {};
  const meant = closestName(name, allowed.filter((n) => !Object.prototype.hasOwnProperty.call(present, n)));
  if (meant !== undefined) return `${head}: did you mean "${meant}"?`;
  return allowed.length <= MAX_LISTED_MEMBERS ? `${head} (its members: ${quoted(allowed)})` : head;
}

function expectedOneOf(allowed: readonly unknown[], data: unknown): string {
  const strings = allowed.filter((v): v is string => typeof v === "string");
  const meant = typeof data === "string" ? closestName(data, strings) : undefined;
  return `expected ${allowed.length === 1 ? "" : "one of "}${quoted(allowed)}, got ${shown(data)}${meant === undefined ? "" : `: did you mean ${JSON.stringify(meant)}?`}`;
}

const length = (data: unknown) => (typeof data === "string" ? data.length : 0);
const count = (data: unknown) => (Array.isArray(data) ? data.length : data !== null && typeof data === "object" ? Object.keys(data).length : 0);

/** The message of one Ajv error, and the member it is about when that is not at its instance path. */
export function describe(error: SchemaError, data: unknown): { path: string[] | undefined; message: string } {
  const p = error.params;
  const limit = Number(p.limit);
  switch (error.keyword) {
    case "required":
      return { path: [String(p.missingProperty)], message: `the member "${String(p.missingProperty)}" is required here` };
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { path: [name], message: unknownMember(name, p.allowedMembers as readonly string[] | undefined, data) };
    }
    case "type":
      return { path: undefined, message: `expected ${String(p.type).replace(",", " or ")}, got ${shown(data)}` };
    case "const":
      return { path: undefined, message: expectedOneOf([p.allowedValue], data) };
    case "enum":
      return { path: undefined, message: expectedOneOf(p.allowedValues as unknown[], data) };
    case "pattern": {
      const name = /\$defs\/([^/]+)\/[^/]+$/.exec(error.schemaPath)?.[1];
      const words = name === undefined ? undefined : PATTERN_WORDS[name];
      if (name !== undefined && words !== undefined) return { path: undefined, message: `${shown(data)} is not a valid ${name}: expected ${words}` };
      return { path: undefined, message: `${shown(data)} does not match the pattern ${String(p.pattern)}` };
    }
    case "minLength":
      return { path: undefined, message: limit === 1 ? "must not be empty" : `must have at least ${plural(limit, "character")}, has ${length(data)}` };
    case "maxLength":
      return { path: undefined, message: `must have at most ${plural(limit, "character")}, has ${length(data)}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const bound = { minimum: "at least", maximum: "at most", exclusiveMinimum: "greater than", exclusiveMaximum: "less than" }[error.keyword];
      return { path: undefined, message: `must be ${bound} ${String(p.limit)}, got ${String(data)}` };
    }
    case "minItems":
      return { path: undefined, message: `must have at least ${plural(limit, "item")}, has ${count(data)}` };
    case "maxItems":
      return { path: undefined, message: `must have at most ${plural(limit, "item")}, has ${count(data)}` };
    case "minProperties":
      return { path: undefined, message: `must have at least ${plural(limit, "member")}, has ${count(data)}` };
    case "maxProperties":
      return { path: undefined, message: `must have at most ${plural(limit, "member")}, has ${count(data)}` };
    case "propertyNames":
      return { path: [String(p.propertyName)], message: `"${String(p.propertyName)}" is not a valid name here` };
    case "discriminator":
      return p.error === "tag"
        ? { path: [String(p.tag)], message: `the member "${String(p.tag)}" must be a string` }
        : {
            path: [String(p.tag)],
            // The codegen adds the values that name a branch (nameAllowedTags).
            message: Array.isArray(p.allowedValues) ? `unknown ${String(p.tag)}: ${expectedOneOf(p.allowedValues, p.tagValue)}` : `unknown ${String(p.tag)} ${JSON.stringify(p.tagValue)}`,
          };
    default:
      return { path: undefined, message: `fails the schema's ${error.keyword} rule` };
  }
}
