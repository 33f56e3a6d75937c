/**
 * A cache of object shapes for the fast path. Generated documents repeat a few member lists
 * thousands of times; for each such list (in enumeration order) we build once a small function
 * that returns a new object with the members in canonical order, so V8 creates every copy with
 * one hidden class and `JSON.stringify` runs on its fast path.
 *
 * The functions come from `new Function`; member names are embedded as JSON string literals
 * (valid JS literals since ES2019), so no input can inject code. The cache is bounded, and a
 * shape it will not hold (too many members, `__proto__`, cache full) returns `undefined`.
 */
import { sortKeys } from "./exact.js";

export type Copier = (v: Record<string, unknown>, copy: (x: unknown) => unknown) => Record<string, unknown>;

interface Shape {
  readonly keys: readonly string[];
  readonly make: Copier;
}

const MAX_SHAPES = 512;
const MAX_MEMBERS = 64;
const byFirstKey = new Map<string, Shape[]>();
let shapeCount = 0;
let codegenAvailable = true;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A copier for objects whose `Object.keys` are exactly `keys` (not yet sorted), if cacheable. */
export function copierFor(keys: readonly string[]): Copier | undefined {
  const first = keys[0] as string;
  const bucket = byFirstKey.get(first);
  if (bucket) for (const shape of bucket) if (sameKeys(shape.keys, keys)) return shape.make;
  if (!codegenAvailable || shapeCount >= MAX_SHAPES || keys.length > MAX_MEMBERS || keys.includes("__proto__")) {
    return undefined;
  }
  const members = sortKeys([...keys]).map((k) => `${JSON.stringify(k)}:c(v[${JSON.stringify(k)}])`);
  let make: Copier;
  try {
    make = new Function("v", "c", `return {${members.join(",")}};`) as Copier;
  } catch {
    codegenAvailable = false; // e.g. a runtime that forbids code generation
    return undefined;
  }
  const shape = { keys: [...keys], make };
  if (bucket) bucket.push(shape);
  else byFirstKey.set(first, [shape]);
  shapeCount++;
  return make;
}
