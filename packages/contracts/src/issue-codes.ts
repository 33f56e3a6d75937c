/**
 * The issue-code catalog. Every code any Graphenix package can emit is listed here, with the
 * package that owns it and a one-line meaning; docs/issue-codes.md documents each one and a test
 * keeps the two identical. Codes are stable: a code is never renamed or reused for a new meaning.
 */
export interface IssueCodeInfo {
  /** The package (without scope) that emits the code. */
  readonly owner: "core" | "contracts" | "cli";
  /** One line, in glossary words. */
  readonly summary: string;
}

export const ISSUE_CODES = {
  // @graphenix/core — parsing JSON text
  "json-syntax": { owner: "core", summary: "The text is not JSON: an unexpected character, a missing delimiter or an unterminated value." },
  "json-duplicate-key": { owner: "core", summary: "An object has the same member name twice; JSON.parse would silently keep the last." },
  "json-depth-limit": { owner: "core", summary: "Arrays and objects are nested deeper than the parser's maxDepth limit." },
  "json-size-limit": { owner: "core", summary: "The document is larger than the parser's maxBytes limit (UTF-8 bytes)." },
  "json-lone-surrogate": { owner: "core", summary: "A string or member name contains an unpaired UTF-16 surrogate escape, which has no UTF-8 form." },
  "json-invalid-utf8": { owner: "core", summary: "The input bytes are not well-formed UTF-8." },
  "json-number-out-of-range": { owner: "core", summary: "A number is too large in magnitude for a double; JSON.parse would turn it into Infinity." },
  "json-byte-order-mark": { owner: "core", summary: "The text starts with a byte order mark, which JSON text must not carry (RFC 8259 §8.1)." },
  // @graphenix/core — RFC 8785 canonicalization
  "jcs-non-finite-number": { owner: "core", summary: "NaN or an infinity cannot be written as JSON." },
  "jcs-lone-surrogate": { owner: "core", summary: "A string or member name contains an unpaired UTF-16 surrogate, which RFC 8785 cannot encode." },
  "jcs-cycle": { owner: "core", summary: "The value refers to itself; JSON is a tree." },
  "jcs-unsupported-type": { owner: "core", summary: "A value that is not JSON: undefined (also an array hole), a BigInt, a function or a symbol." },
  "jcs-non-plain-object": { owner: "core", summary: "An object that is not a plain object or array (Date, Map, a class instance, anything with toJSON)." },
  "jcs-depth-limit": { owner: "core", summary: "The value is nested deeper than the canonicalizer's maxDepth limit." },
  // @graphenix/cli — reading input
  "io-unreadable": { owner: "cli", summary: "The input file or stream could not be read (missing, a directory, no permission)." },
} as const satisfies Record<string, IssueCodeInfo>;

export type KnownIssueCode = keyof typeof ISSUE_CODES;

export function isKnownIssueCode(code: string): code is KnownIssueCode {
  return Object.prototype.hasOwnProperty.call(ISSUE_CODES, code);
}
