/**
 * Defensive readers: rules run on documents that may have failed the schema, so they read
 * through these instead of trusting the types, and simply skip what is not of the right shape.
 */
export type Obj = Record<string, unknown>;

export function asObject(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * The member `key` of `value` when `value` is an object that has it, not through Object.prototype;
 * else undefined. Optional members are read through this: a plain `obj.key` also finds a member
 * some code put on Object.prototype, which is not the document's (docs/architecture.md, "Own
 * members only").
 */
export function own(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object") return undefined;
  // A name Object.prototype does not have (the usual case) cannot come from it: read it (from the
  // object, or from its own prototype for a class instance; documents are plain objects, the scan
  // says so). Otherwise only an own member counts. `in` runs no getter some code put there.
  if (!(key in OBJECT_PROTOTYPE)) return (value as Obj)[key];
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Obj)[key] : undefined;
}

const OBJECT_PROTOTYPE = Object.prototype as Obj;

/** The own members every engine gives Object.prototype (ECMAScript and Annex B). */
const STANDARD_PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set([
  "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf",
  "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
]);

/**
 * Whether Object.prototype has no member but the standard ones. Then, on a plain object, `obj.name`
 * for any other name is exactly `own(obj, "name")`: hot loops check this once per document and
 * read members by name (a named read at its own site is several times faster than `own`, whose one
 * keyed read serves every caller), falling back to `own` only when some code added a member.
 */
export function objectPrototypeIsStandard(): boolean {
  const names = Object.getOwnPropertyNames(Object.prototype);
  for (const name of names) if (!STANDARD_PROTOTYPE_MEMBERS.has(name)) return false;
  return true;
}

/** `obj[a][b]…` (own members only) as an object, or undefined as soon as a step is not an object. */
export function objectAt(value: unknown, ...keys: string[]): Obj | undefined {
  let node = asObject(value);
  for (const key of keys) node = asObject(own(node, key));
  return node;
}

export function ownEntries(value: unknown): [string, unknown][] {
  const obj = asObject(value);
  return obj ? Object.entries(obj) : [];
}
