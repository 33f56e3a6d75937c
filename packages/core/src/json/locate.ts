import type { SourceLocation } from "@graphenix/contracts";
import { decodePointer } from "../pointer.js";
import { locationAt } from "./location.js";

/**
 * Where a JSON Pointer points in JSON source text: the member name for an object member, the
 * value for an array element or the root. When the pointer goes further than the document (a
 * missing required member), the deepest part that exists. Scans only along the pointer, skipping
 * everything else, iteratively. Meant for valid JSON text (what parseJson accepted); on anything
 * else it stops where the text stops making sense and returns the best position so far.
 */
export function locatePointer(text: string, pointer: string): SourceLocation {
  let tokens: string[];
  try {
    tokens = decodePointer(pointer);
  } catch {
    tokens = [];
  }
  let pos = skipWs(text, 0);
  let best = pos;
  for (const token of tokens) {
    const open = text.charCodeAt(pos);
    if (open === 123) {
      const found = findMember(text, pos, token);
      if (found === undefined) break;
      best = found.key;
      pos = found.value;
    } else if (open === 91) {
      const found = findElement(text, pos, token);
      if (found === undefined) break;
      best = found;
      pos = found;
    } else break;
  }
  return locationAt(text, best);
}

function skipWs(t: string, p: number): number {
  for (;;) {
    const c = t.charCodeAt(p);
    if (c === 32 || c === 10 || c === 13 || c === 9) p++;
    else return p;
  }
}

/** End of the string starting at `p` (a quote), just past the closing quote. */
function skipString(t: string, p: number): number {
  for (p++; p < t.length; p++) {
    const c = t.charCodeAt(p);
    if (c === 92) p++;
    else if (c === 34) return p + 1;
  }
  return p;
}

/** Just past the value starting at `p`: strings aware, nesting counted, no recursion. */
function skipValue(t: string, p: number): number {
  let depth = 0;
  while (p < t.length) {
    const c = t.charCodeAt(p);
    if (c === 34) p = skipString(t, p);
    else if (c === 123 || c === 91) {
      depth++;
      p++;
    } else if (c === 125 || c === 93) {
      depth--;
      p++;
    } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) return p;
    else p++;
    if (depth === 0 && (c === 34 || c === 125 || c === 93)) return p;
  }
  return p;
}

function findMember(t: string, p: number, token: string): { key: number; value: number } | undefined {
  p = skipWs(t, p + 1);
  while (t.charCodeAt(p) === 34) {
    const keyStart = p;
    const keyEnd = skipString(t, p);
    let name: string;
    try {
      name = JSON.parse(t.slice(keyStart, keyEnd)) as string;
    } catch {
      return undefined;
    }
    p = skipWs(t, skipWs(t, keyEnd) + 1); // past ':'
    if (name === token) return { key: keyStart, value: p };
    p = skipWs(t, skipValue(t, p));
    if (t.charCodeAt(p) !== 44) return undefined;
    p = skipWs(t, p + 1);
  }
  return undefined;
}

function findElement(t: string, p: number, token: string): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  p = skipWs(t, p + 1);
  for (let i = 0; p < t.length && t.charCodeAt(p) !== 93; i++) {
    if (i === index) return p;
    p = skipWs(t, skipValue(t, p));
    if (t.charCodeAt(p) !== 44) return undefined;
    p = skipWs(t, p + 1);
  }
  return undefined;
}
