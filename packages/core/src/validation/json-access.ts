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
 * The member `key` of `value` when `value` is an object that has it as its own, else undefined.
 * Optional members are read through this: a plain `obj.key` also finds a member some code put on
 * Object.prototype, which is not the document's (docs/architecture.md, "Own members only").
 */
export function own(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, key) ? (value as Obj)[key] : undefined;
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
