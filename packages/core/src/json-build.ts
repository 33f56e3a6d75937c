/**
 * Building JSON objects safely. `obj[key] = value` misbehaves for a handful of names: `__proto__`
 * sets the prototype, and a name that exists on Object.prototype (or a setter some code put
 * there) is not created as an own member. Ids from users are such names sometimes.
 */

/** Sets an own, enumerable data member, whatever the name. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in target) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `Object.prototype.hasOwnProperty`, for maps keyed by user ids (`constructor` is an id too). */
export function hasMember(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

/** The member `key` of `target` if it is its own, else undefined (never an inherited one). */
export function getMember<T>(target: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return target !== undefined && hasMember(target, key) ? target[key] : undefined;
}

/**
 * A deep copy of a JSON value with every object's members in sorted (UTF-16) order, so copies of
 * equal documents are byte-identical under JSON.stringify whatever order their members came in.
 * Recursive: for values that passed a validator's depth limit.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) setMember(out, key, cloneJson((value as Record<string, unknown>)[key]));
  return out as T;
}

/**
 * A deep copy of plain JSON data whose objects have no prototype, members in the same order:
 * every read of it is of an own member, whatever some code put on Object.prototype. Validators
 * read such a copy while Object.prototype is not as the engine made it (objectPrototypeIsStandard),
 * so that their rules may read members by name. For values that passed the scan (plain data,
 * within the depth limit): recursive.
 */
export function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPrototypes) as T;
  if (value === null || typeof value !== "object") return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = withoutPrototypes((value as Record<string, unknown>)[key]);
  return out as T;
}
