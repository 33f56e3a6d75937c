/**
 * The reference RFC 8785 serializer: an iterative walk (no recursion, so any depth the caller
 * allows is safe) that builds the canonical text and, on a value with no JSON form, reports the
 * exact code and path. The fast path (`fast.ts`) hands over to it whenever it cannot be sure,
 * so every error comes from here.
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

/** Sorts member names by UTF-16 code units (RFC 8785 §3.2.3), in place; one pass when sorted. */
export function sortKeys(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    // The default sort compares UTF-16 code units, exactly RFC 8785's order.
    if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort();
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

function scalar(v: unknown): string {
  switch (typeof v) {
    case "string":
      return quoteJcs(v);
    case "number":
      if (v - v === 0) return "" + v; // ECMAScript Number::toString is RFC 8785 §3.2.2.3.
      throw new JcsFailure("jcs-non-finite-number", `${v} is not a JSON number`);
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      throw new JcsFailure("jcs-unsupported-type", "undefined is not a JSON value");
    default:
      if (v === null) return "null";
      throw new JcsFailure("jcs-unsupported-type", `a ${typeof v} is not a JSON value`);
  }
}

interface Frame {
  readonly value: object;
  /** Sorted member names; undefined for arrays. */
  readonly keys: string[] | undefined;
  readonly length: number;
  /** Index of the member being written (-1 before the first). */
  index: number;
  out: string;
}

export class ExactSerializer {
  constructor(private readonly maxDepth: number) {}

  serialize(root: unknown): string {
    const stack: Frame[] = [];
    try {
      let result = this.open(root, stack);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1] as Frame;
        if (result !== undefined) {
          frame.out += result;
          result = undefined;
        }
        const i = ++frame.index;
        if (i >= frame.length) {
          stack.pop();
          result = frame.out + (frame.keys ? "}" : "]");
          continue;
        }
        if (i > 0) frame.out += ",";
        let member: unknown;
        if (frame.keys) {
          const key = frame.keys[i] as string;
          frame.out += quoteJcs(key) + ":";
          member = (frame.value as Record<string, unknown>)[key];
        } else {
          member = (frame.value as unknown[])[i];
        }
        result = this.open(member, stack);
      }
      return result as string;
    } catch (e) {
      if (e instanceof JcsFailure) {
        // The path is the member being written in each open container, innermost last.
        for (let d = Math.min(stack.length, e.depth ?? stack.length) - 1; d >= 0; d--) {
          const f = stack[d] as Frame;
          if (f.index >= 0 && f.index < f.length) e.path.push(f.keys ? (f.keys[f.index] as string) : f.index);
        }
      }
      throw e;
    }
  }

  /** A scalar's text, or undefined after pushing a frame for a container. */
  private open(v: unknown, stack: Frame[]): string | undefined {
    if (v === null || typeof v !== "object") return scalar(v);
    if (stack.length >= this.maxDepth) {
      // Looked for only here, at the limit: no cost on the way down. The values on the stack then
      // repeat the cycle many times; it is reported at the first value that is its own ancestor.
      const closes = firstRepeat(stack, v);
      if (closes >= 0) throw new JcsFailure("jcs-cycle", "the value contains itself (a cycle); JSON is a tree", closes);
      throw new JcsFailure("jcs-depth-limit", `nesting exceeds the maxDepth limit of ${this.maxDepth}`);
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      stack.push({ value: v, keys: undefined, length: v.length, index: -1, out: "[" });
      return undefined;
    }
    checkPlainObject(v);
    const keys = sortKeys(Object.keys(v));
    if (keys.length === 0) return "{}";
    stack.push({ value: v, keys, length: keys.length, index: -1, out: "{" });
    return undefined;
  }
}

/** The depth of the first value, along the open containers and then `v`, that is one of its own ancestors; -1 for none. */
function firstRepeat(stack: readonly Frame[], v: object): number {
  const seen = new Set<object>();
  for (let d = 0; d <= stack.length; d++) {
    const value = d < stack.length ? (stack[d] as Frame).value : v;
    if (seen.has(value)) return d;
    seen.add(value);
  }
  return -1;
}
