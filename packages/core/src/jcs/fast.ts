/**
 * The fast path of RFC 8785: one walk checks every value and returns the value itself where its
 * members are already in canonical order (or a copy in canonical order where not), then the
 * native `JSON.stringify` writes the text. ECMAScript's JSON.stringify already writes numbers and
 * strings exactly as RFC 8785 asks, so only member order needs our help.
 *
 * It gives up (returns undefined) instead of guessing whenever it meets anything unusual: any
 * value with no JSON form, an object with an array-index member name (JSON.stringify would put it
 * first in numeric order), or a lone surrogate in the output. The caller then runs the exact
 * serializer, which produces the same text or the precise error.
 *
 * The walk is module-level functions with module-level depth state (saved and restored around
 * each call, so a getter that canonicalizes re-entrantly is safe): closures made per call start
 * without type feedback and run several times slower.
 */
import { copierFor } from "./shapes.js";
import { sortKeys } from "./exact.js";
import { setMember as assign } from "../json-build.js";

const BAIL: unique symbol = Symbol("bail");
let depth = 0;
let maxDepth = 0;

// Object.keys lists array-index names first, so only the first member name needs a look.
function isArrayIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  return /^(0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 4294967295;
}

function copy(v: unknown): unknown {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      if (v - v === 0) return v;
      throw BAIL;
    case "object": {
      if (v === null) return v;
      if (++depth > maxDepth) throw BAIL;
      const out = Array.isArray(v) ? copyArray(v) : copyObject(v);
      depth--;
      return out;
    }
    default:
      throw BAIL;
  }
}

function copyArray(v: unknown[]): unknown[] {
  const n = v.length;
  let out: unknown[] | undefined;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const y = copy(x);
    if (out) out[i] = y;
    else if (y !== x) {
      out = v.slice(0, i);
      out[i] = y;
    }
  }
  return out ?? v;
}

function copyObject(o: object): Record<string, unknown> {
  const proto = Object.getPrototypeOf(o) as unknown;
  if (proto !== Object.prototype && proto !== null) throw BAIL;
  const v = o as Record<string, unknown>;
  // One for…in pass, no key array: most objects are already in canonical order (every document
  // we write is), and this only checks that. (fastCanonicalize gives up when Object.prototype has
  // enumerable members, so for…in lists own members only, in Object.keys order.)
  let prev: string | undefined;
  let out: Record<string, unknown> | undefined;
  let i = 0;
  for (const key in v) {
    if (prev === undefined) {
      if (isArrayIndexKey(key)) throw BAIL;
    } else if (prev > key) {
      return reorder(v);
    }
    const x = v[key];
    const y = copy(x);
    if (out) assign(out, key, y);
    else if (y !== x) out = copyPrefix(v, i, key, y);
    prev = key;
    i++;
  }
  return out ?? v;
}

/** The members before position `i` as they are, then `key`: the start of a copy. */
function copyPrefix(v: Record<string, unknown>, i: number, key: string, y: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let j = 0;
  for (const k in v) {
    if (j++ === i) break;
    assign(out, k, v[k]);
  }
  assign(out, key, y);
  return out;
}

/** An object whose members are out of canonical order: a copy in order. */
function reorder(v: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(v);
  const make = copierFor(keys);
  return make ? make(v, copy) : copySorted(v, keys);
}

function copySorted(v: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of sortKeys(keys)) assign(out, key, copy(v[key]));
  return out;
}

// JSON.stringify writes a lone surrogate as an escape `\udXXX` (D800..DFFF); any other
// character it escapes is below U+0020. Preceded by an odd run of backslashes it is an escape.
const LONE_SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

/** The canonical text, or undefined when the exact serializer must decide. */
export function fastCanonicalize(value: unknown, limit: number): string | undefined {
  // JSON.stringify would call a toJSON that some code put on a prototype; the exact path ignores it.
  if ("toJSON" in Object.prototype || "toJSON" in Array.prototype) return undefined;
  // for…in (in copyObject) would also list enumerable members some code added to Object.prototype.
  for (const key in {}) if (key !== undefined) return undefined;
  const saved = [depth, maxDepth] as const;
  depth = 0;
  maxDepth = limit;
  let text: string;
  try {
    text = JSON.stringify(copy(value));
  } catch {
    return undefined; // BAIL, or a stack overflow on a deep value: let the exact walk report it
  } finally {
    [depth, maxDepth] = saved;
  }
  if (text.includes("\\ud") && LONE_SURROGATE_ESCAPE.test(text)) return undefined;
  return text;
}
