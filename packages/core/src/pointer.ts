/**
 * RFC 6901 JSON Pointers. A pointer is the string form of an issue's `path`: `~` is written `~0`
 * and `/` is written `~1`; the empty pointer names the whole document.
 */

/** Thrown by {@link decodePointer} for a string that is not an RFC 6901 pointer (programmer misuse). */
export class JsonPointerError extends Error {
  override readonly name = "JsonPointerError";
}

const NEEDS_ESCAPE = /[~/]/;

export function escapePointerToken(token: string | number): string {
  const s = typeof token === "number" ? String(token) : token;
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerToken(token: string): string {
  if (!token.includes("~")) return token;
  if (/~(?![01])/.test(token)) throw new JsonPointerError(`invalid escape in JSON Pointer token "${token}"`);
  // `~1` first would turn `~01` into `~1` → `/`; RFC 6901 §4 decodes `~1` then `~0` in that order.
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function encodePointer(path: readonly (string | number)[]): string {
  let out = "";
  for (const token of path) out += "/" + escapePointerToken(token);
  return out;
}

/** Splits a pointer into its unescaped reference tokens (always strings, as RFC 6901 has them). */
export function decodePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (pointer[0] !== "/") throw new JsonPointerError(`JSON Pointer must be empty or start with "/": "${pointer}"`);
  return pointer.slice(1).split("/").map(unescapePointerToken);
}

export function isJsonPointer(pointer: string): boolean {
  return pointer === "" || /^(\/([^~/]|~[01])*)*$/.test(pointer);
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;
const BAD_ESCAPE = /~(?![01])/;

/**
 * Looks a pointer up in a JSON value. Array tokens must be canonical indices (`0`, `12`, not
 * `01` or `-`), as RFC 6901 §4 requires; only own members of objects count. Throws
 * {@link JsonPointerError} for a string that is not a pointer, as {@link decodePointer} does,
 * whether or not the lookup would have stopped before the bad token.
 */
export function resolvePointer(document: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  if (pointer === "") return { found: true, value: document };
  // Checked on the whole pointer first, so the error is decodePointer's own (and thrown for a bad
  // token after a missing one, too). Then the tokens are read in place: validators resolve a
  // pointer per unit, and splitting each into an array was most of that rule's time.
  const escaped = pointer.includes("~");
  if (pointer[0] !== "/" || (escaped && BAD_ESCAPE.test(pointer))) decodePointer(pointer);
  let node = document;
  let start = 1;
  for (;;) {
    const end = pointer.indexOf("/", start);
    const raw = end === -1 ? pointer.slice(start) : pointer.slice(start, end);
    const token = escaped ? unescapePointerToken(raw) : raw;
    if (Array.isArray(node)) {
      if (!ARRAY_INDEX.test(token)) return { found: false };
      const index = Number(token);
      if (index >= node.length) return { found: false };
      node = node[index];
    } else if (node !== null && typeof node === "object") {
      if (!Object.prototype.hasOwnProperty.call(node, token)) return { found: false };
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
    if (end === -1) return { found: true, value: node };
    start = end + 1;
  }
}
