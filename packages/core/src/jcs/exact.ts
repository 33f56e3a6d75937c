/**
 * The reference RFC 8785 serializer: a direct recursive walk that builds the canonical text and,
 * on a value with no JSON form, reports the exact code and path. The fast path
 * (`fast.ts`) hands over to it whenever it cannot be sure, so every error comes from here.
 */
import { findLoneSurrogate } from "../unicode.js";
import { JcsFailure } from "./errors.js";

// Anything not copied verbatim between quotes: `"`, `\`, C0 controls and surrogates.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export function quoteJcs(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  if (findLoneSurrogate(s) >= 0) {
    throw new JcsFailure("jcs-lone-surrogate", "the string contains an unpaired UTF-16 surrogate, which has no UTF-8 form");
  }
  // For well-formed strings ECMAScript's JSON.stringify escaping is exactly RFC 8785 §3.2.2.2.
  return JSON.stringify(s);
}

/** Sorts member names by UTF-16 code units (RFC 8785 §3.2.3), in place; cheap when sorted. */
export function sortKeys(keys: string[]): string[] {
  const n = keys.length;
  for (let i = 1; i < n; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    if ((keys[j] as string) <= key) continue;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * Throws a JcsFailure unless `v` is a plain object (prototype Object.prototype or null). Its
 * members are its own enumerable string-keyed properties, exactly as JSON.stringify sees them.
 */
export function checkPlainObject(v: object): void {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
    const what = typeof name === "string" && name ? name : "non-plain";
    throw new JcsFailure("jcs-non-plain-object", `a ${what} object is not a JSON object`);
  }
}

export function primitiveFailure(v: unknown): JcsFailure {
  if (typeof v === "number") return new JcsFailure("jcs-non-finite-number", `${v} is not a JSON number`);
  if (v === undefined) return new JcsFailure("jcs-unsupported-type", "undefined is not a JSON value");
  return new JcsFailure("jcs-unsupported-type", `a ${typeof v} is not a JSON value`);
}

export class ExactSerializer {
  // Containers on the current path, so a depth overflow can tell a cycle from deep data.
  private readonly stack: unknown[] = [];
  constructor(private readonly maxDepth: number) {}

  value(v: unknown, depth: number): string {
    switch (typeof v) {
      case "string":
        return quoteJcs(v);
      case "number":
        if (v - v === 0) return "" + v; // ECMAScript Number::toString is RFC 8785 §3.2.2.3.
        throw primitiveFailure(v);
      case "boolean":
        return v ? "true" : "false";
      case "object":
        if (v === null) return "null";
        if (depth >= this.maxDepth) throw depthFailure(this.stack, v, depth, this.maxDepth);
        this.stack[depth] = v;
        if (Array.isArray(v)) return this.array(v, depth + 1);
        checkPlainObject(v);
        return this.object(v as Record<string, unknown>, depth + 1);
      default:
        throw primitiveFailure(v);
    }
  }

  private array(v: readonly unknown[], depth: number): string {
    const n = v.length;
    if (n === 0) return "[]";
    let i = 0;
    try {
      let out = "[" + this.value(v[0], depth);
      for (i = 1; i < n; i++) out += "," + this.value(v[i], depth);
      return out + "]";
    } catch (e) {
      if (e instanceof JcsFailure) e.path.push(i);
      throw e;
    }
  }

  private object(v: Record<string, unknown>, depth: number): string {
    const keys = sortKeys(Object.keys(v));
    const n = keys.length;
    if (n === 0) return "{}";
    let key = keys[0] as string;
    try {
      let out = "{" + quoteJcs(key) + ":" + this.value(v[key], depth);
      for (let i = 1; i < n; i++) {
        key = keys[i] as string;
        out += "," + quoteJcs(key) + ":" + this.value(v[key], depth);
      }
      return out + "}";
    } catch (e) {
      if (e instanceof JcsFailure) e.path.push(key);
      throw e;
    }
  }
}

/** At the depth limit: a cycle if the container is already on the path, else just deep data. */
export function depthFailure(stack: readonly unknown[], v: object, depth: number, maxDepth: number): JcsFailure {
  for (let i = 0; i < depth; i++) {
    if (stack[i] === v) return new JcsFailure("jcs-cycle", "the value contains itself (a cycle); JSON is a tree");
  }
  return new JcsFailure("jcs-depth-limit", `nesting exceeds the maxDepth limit of ${maxDepth}`);
}
