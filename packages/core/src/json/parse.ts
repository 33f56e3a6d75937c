/**
 * A strict, iterative JSON reader (RFC 8259) for documents that come from users.
 *
 * Unlike JSON.parse it reports duplicate member names, unpaired surrogates and numbers beyond
 * double range as coded issues with line and column, enforces depth and size limits without
 * recursion (so no input can overflow the stack), and keeps a `__proto__` member as plain data.
 */
import type { JsonValue, KnownIssueCode, SourceLocation, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";
import { setMember } from "../json-build.js";
import { DEFAULT_JSON_MAX_BYTES, DEFAULT_JSON_MAX_DEPTH, type JsonParseLimits } from "./limits.js";
import { own } from "../validation/json-access.js";
import { locationAt } from "./location.js";

interface Frame {
  readonly container: JsonValue[] | Record<string, JsonValue>;
  readonly isArray: boolean;
  /** The member name whose value is being read (objects only); undefined while reading a name. */
  key: string | undefined;
}

class ParseFailure {
  constructor(
    readonly code: KnownIssueCode,
    readonly message: string,
    readonly offset: number,
  ) {}
}

const WS_SPACE = 32;
const WS_TAB = 9;
const WS_LF = 10;
const WS_CR = 13;

function describe(text: string, at: number): string {
  if (at >= text.length) return "the end of the input";
  const c = text.codePointAt(at) as number;
  const ch = String.fromCodePoint(c);
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  // A quote in quotes reads as three quotes.
  return ch === '"' ? "'\"'" : `"${ch}"`;
}

/** Why the text at `at` is not JSON, for the usual slips of text written by hand or by other tools. */
function hint(text: string, at: number, expected: string): string {
  const c = text[at];
  if (c === "}" || c === "]") {
    let before = at - 1;
    while (before >= 0 && " \t\r\n".includes(text[before] as string)) before--;
    if (text[before] === ",") return ": a trailing comma before it, which JSON does not allow";
  }
  if (c === "/" && (text[at + 1] === "/" || text[at + 1] === "*")) return ": a comment, which JSON does not allow";
  if (c === "'") return ": JSON strings and member names take double quotes";
  // Where a comma or the end of the container was due, the start of a value: the comma is missing.
  if (c !== undefined && expected.startsWith('","') && /[-0-9"{[tfn]/.test(c)) return ": a comma is missing before it";
  return "";
}

class Reader {
  pos = 0;
  readonly stack: Frame[] = [];
  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  fail(code: KnownIssueCode, message: string, offset = this.pos): never {
    throw new ParseFailure(code, message, offset);
  }

  unexpected(expected: string): never {
    if (this.pos >= this.text.length && this.text.trim() === "") this.fail("json-syntax", "the input is empty: expected a JSON value");
    this.fail("json-syntax", `expected ${expected} but found ${describe(this.text, this.pos)}${hint(this.text, this.pos, expected)}`);
  }

  skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === WS_SPACE || c === WS_LF || c === WS_CR || c === WS_TAB) p++;
      else break;
    }
    this.pos = p;
  }

  /** Reads the whole document. */
  document(): JsonValue {
    if (this.text.charCodeAt(0) === 0xfeff) this.fail("json-byte-order-mark", "JSON text must not start with a byte order mark", 0);
    this.skipWhitespace();
    const value = this.value();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.unexpected("the end of the input after the top-level value");
    return value;
  }

  /** Reads one value; arrays and objects are filled iteratively through `stack`. */
  value(): JsonValue {
    let result = this.scalarOrOpen();
    while (this.stack.length > 0) {
      const frame = this.stack[this.stack.length - 1] as Frame;
      if (result !== undefined) {
        this.store(frame, result);
        this.skipWhitespace();
        const c = this.text.charCodeAt(this.pos);
        const close = frame.isArray ? 93 : 125;
        if (c === 44) {
          this.pos++;
          this.skipWhitespace();
          if (!frame.isArray) this.memberName(frame);
          result = this.scalarOrOpen();
          continue;
        }
        if (c === close) {
          this.pos++;
          this.stack.pop();
          result = frame.container;
          continue;
        }
        this.unexpected(frame.isArray ? '"," or "]"' : '"," or "}"');
      }
      result = this.scalarOrOpen();
    }
    return result as JsonValue;
  }

  /** A finished scalar, or undefined after pushing a new (non-empty) container. */
  scalarOrOpen(): JsonValue | undefined {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    switch (c) {
      case 34:
        return this.string();
      case 123:
      case 91: {
        const isArray = c === 91;
        if (this.stack.length >= this.maxDepth) {
          this.fail("json-depth-limit", `nesting exceeds the maxDepth limit of ${this.maxDepth}`);
        }
        this.pos++;
        this.skipWhitespace();
        const container = isArray ? [] : {};
        if (t.charCodeAt(this.pos) === (isArray ? 93 : 125)) {
          this.pos++;
          return container;
        }
        const frame: Frame = { container, isArray, key: undefined };
        this.stack.push(frame);
        if (!isArray) this.memberName(frame);
        return undefined; // the caller's loop reads the first element: no recursion

      }
      case 116:
        return this.literal("true", true);
      case 102:
        return this.literal("false", false);
      case 110:
        return this.literal("null", null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        return this.unexpected("a JSON value");
    }
  }

  memberName(frame: Frame): void {
    frame.key = undefined;
    if (this.text.charCodeAt(this.pos) !== 34) this.unexpected("a member name in double quotes");
    const at = this.pos;
    const key = this.string();
    if (Object.prototype.hasOwnProperty.call(frame.container, key)) {
      frame.key = key;
      this.fail("json-duplicate-key", `the member name ${JSON.stringify(key)} appears twice in the same object`, at);
    }
    frame.key = key;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== 58) this.unexpected('":" after the member name');
    this.pos++;
    this.skipWhitespace();
  }

  store(frame: Frame, value: JsonValue): void {
    if (frame.isArray) {
      (frame.container as JsonValue[]).push(value);
    } else {
      // Never a prototype change or an inherited setter: a JSON member is plain data.
      setMember(frame.container as Record<string, unknown>, frame.key as string, value);
    }
  }

  literal<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.unexpected("a JSON value");
    this.pos += word.length;
    return value;
  }

  number(): number {
    const t = this.text;
    const start = this.pos;
    let p = start;
    if (t.charCodeAt(p) === 45) p++;
    const intStart = p;
    if (t.charCodeAt(p) === 48) p++;
    else while (isDigit(t.charCodeAt(p))) p++;
    if (p === intStart) {
      this.pos = p;
      this.unexpected("a digit");
    }
    if (isDigit(t.charCodeAt(p)) && t.charCodeAt(intStart) === 48) {
      this.fail("json-syntax", "a number must not have a leading zero", intStart);
    }
    if (t.charCodeAt(p) === 46) {
      p++;
      const fracStart = p;
      while (isDigit(t.charCodeAt(p))) p++;
      if (p === fracStart) {
        this.pos = p;
        this.unexpected("a digit after the decimal point");
      }
    }
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      p++;
      const sign = t.charCodeAt(p);
      if (sign === 43 || sign === 45) p++;
      const expStart = p;
      while (isDigit(t.charCodeAt(p))) p++;
      if (p === expStart) {
        this.pos = p;
        this.unexpected("a digit in the exponent");
      }
    }
    this.pos = p;
    const n = Number(t.slice(start, p));
    if (!Number.isFinite(n)) {
      this.fail("json-number-out-of-range", `the number ${t.slice(start, Math.min(p, start + 40))} is beyond the range of a double`, start);
    }
    return n;
  }

  string(): string {
    const t = this.text;
    let p = this.pos + 1;
    let out = "";
    let chunk = p;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        out += t.slice(chunk, p);
        const text = this.escape(p);
        out += text;
        // `\uXXXX` is 6 characters and stands for one unit; a surrogate pair is two of them.
        p += t.charCodeAt(p + 1) === 117 ? 6 * text.length : 2;
        chunk = p;
        continue;
      }
      if (c < 0x20 || Number.isNaN(c)) {
        this.pos = p;
        if (Number.isNaN(c)) this.fail("json-syntax", "unterminated string: the input ends inside it");
        this.fail("json-syntax", `${describe(t, p)} must be escaped inside a string`);
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = t.charCodeAt(p + 1);
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) {
          this.fail("json-lone-surrogate", "the string contains an unpaired UTF-16 surrogate", p);
        }
        p += 2;
        continue;
      }
      p++;
    }
    out += t.slice(chunk, p);
    this.pos = p + 1;
    return out;
  }

  /** The text of the escape sequence at `p` (a backslash); surrogate escapes must pair. */
  escape(p: number): string {
    const t = this.text;
    const c = t.charCodeAt(p + 1);
    switch (c) {
      case 34:
        return '"';
      case 92:
        return "\\";
      case 47:
        return "/";
      case 98:
        return "\b";
      case 102:
        return "\f";
      case 110:
        return "\n";
      case 114:
        return "\r";
      case 116:
        return "\t";
      case 117: {
        const unit = hex4(t, p + 2);
        if (unit < 0) this.fail("json-syntax", "\\u must be followed by four hex digits", p);
        if (unit >= 0xdc00 && unit <= 0xdfff) this.fail("json-lone-surrogate", "the string contains an unpaired UTF-16 surrogate", p);
        if (unit >= 0xd800 && unit <= 0xdbff) {
          // A high surrogate escape must be followed at once by a low surrogate escape.
          const low = t.charCodeAt(p + 6) === 92 && t.charCodeAt(p + 7) === 117 ? hex4(t, p + 8) : -1;
          if (low < 0xdc00 || low > 0xdfff) this.fail("json-lone-surrogate", "the string contains an unpaired UTF-16 surrogate", p);
          return String.fromCharCode(unit, low);
        }
        return String.fromCharCode(unit);
      }
      default:
        if (p + 1 >= t.length) return this.fail("json-syntax", "unterminated string: the input ends inside it", p + 1);
        return this.fail("json-syntax", `invalid escape ${describe(t, p + 1)} in a string`, p);
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hex4(t: string, p: number): number {
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const c = t.charCodeAt(p + i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    n = n * 16 + d;
  }
  return n;
}

/** An issue found in source text: it always has its line and column. */
export type LocatedIssue = ValidationIssue & { readonly location: SourceLocation };

/**
 * What {@link parseJson} returns: the value, or exactly one issue with its location (an
 * `OperationResult<JsonValue>` whose failure is typed that precisely).
 */
export type JsonParseResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly issues: readonly [LocatedIssue] };

/** The one issue of a failed parse, at `location`. */
function failure(code: KnownIssueCode, message: string, path: readonly (string | number)[], location: SourceLocation): JsonParseResult {
  return { ok: false, issues: [makeIssue(code, message, path, { location }) as LocatedIssue] };
}

/**
 * Parses JSON text from a user. Never throws: returns the value, or one coded issue with the
 * line, column and JSON Pointer of the problem.
 */
export function parseJson(text: string, limits: JsonParseLimits = {}): JsonParseResult {
  const maxBytes = (own(limits, "maxBytes") as number | undefined) ?? DEFAULT_JSON_MAX_BYTES;
  // text.length ≤ bytes ≤ 3 × text.length, so the byte count is only needed near the limit.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, "utf8") > maxBytes)) {
    return failure("json-size-limit", `the document is larger than the maxBytes limit of ${maxBytes} bytes`, [], locationAt(text, 0));
  }
  const reader = new Reader(text, (own(limits, "maxDepth") as number | undefined) ?? DEFAULT_JSON_MAX_DEPTH);
  try {
    return { ok: true, value: reader.document() };
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    const path: (string | number)[] = [];
    for (const f of reader.stack) {
      if (f.isArray) path.push((f.container as JsonValue[]).length);
      else if (f.key !== undefined) path.push(f.key);
    }
    return failure(e.code, e.message, path, locationAt(text, e.offset));
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** {@link parseJson} for raw bytes: they must be well-formed UTF-8. */
export function parseJsonBytes(bytes: Uint8Array, limits: JsonParseLimits = {}): JsonParseResult {
  const maxBytes = (own(limits, "maxBytes") as number | undefined) ?? DEFAULT_JSON_MAX_BYTES;
  if (bytes.length > maxBytes) {
    return failure("json-size-limit", `the document is larger than the maxBytes limit of ${maxBytes} bytes`, [], { line: 1, column: 1, offset: 0 });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    // The bytes before `at` are well-formed, so the prefix decodes exactly.
    const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, at));
    return failure("json-invalid-utf8", `the input is not well-formed UTF-8 (byte ${at})`, [], locationAt(prefix, prefix.length));
  }
  return parseJson(text, limits);
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence (Unicode Table 3-7): one
 * linear pass, so the reported position is where the bad sequence starts.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
