/**
 * What counts as a credential (docs/credentials.md). Member names are matched after removing
 * `-`, `_`, `.`, whitespace and invisible format characters and lowering the case; string values by their well-known shapes.
 * The lists are deliberately exact so that ordinary members (`maxTokens`, `skillKey`,
 * `tokenizer`) never match.
 */

/** Normalized member names that end with one of these are credentials (`dbPassword`, `openaiApiKey`). */
export const CREDENTIAL_NAME_SUFFIXES = ["password", "passwd", "passphrase", "secret", "secretkey", "secretaccesskey", "token", "apikey", "privatekey", "credential", "credentials"] as const;

/** Normalized member names that are credentials exactly. */
export const CREDENTIAL_NAMES = ["authorization", "proxyauthorization", "cookie", "setcookie", "xapikey"] as const;

/**
 * RFC 7617: the credentials of a basic-auth header are the base64 of `user-id:password`, text
 * with a `:` and no control character. Words that only look like base64 ("Basic input/output")
 * decode to bytes that are not.
 */
function decodesToUserPassword(value: string): boolean {
  const encoded = /basic\s+([A-Za-z0-9+/]+={0,2})/i.exec(value)?.[1];
  if (encoded === undefined) return false;
  let decoded: string;
  try {
    decoded = atob(encoded);
  } catch {
    return false; // not base64 at all (a length no encoding has)
  }
  return decoded.includes(":") && !/[\u0000-\u001f\u007f]/.test(decoded);
}

/**
 * Shapes of string values that are credentials: the name each is reported under, its pattern,
 * and for some a further check of what the pattern matched (a value is a credential when both
 * hold).
 */
export const CREDENTIAL_VALUE_PATTERNS: readonly (readonly [kind: string, pattern: RegExp, confirm?: (value: string) => boolean])[] = [
  // A bearer token has a digit (so "Bearer notification" is just text); basic-auth credentials
  // decode to `user:password` (so "Basic formatting" and "Basic input/output" are just text).
  ["a bearer token", /^\s*bearer\s+(?=[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{16,}=*\s*$/i],
  ["a basic-auth header", /^\s*basic\s+[A-Za-z0-9+/]{12,}={0,2}\s*$/i, decodesToUserPassword],
  ["a private key", /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/],
  ["an OpenAI-style secret key", /^sk-[A-Za-z0-9_-]{20,}$/],
  ["a GitHub token", /^(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})$/],
  ["an AWS access key id", /^(AKIA|ASIA)[0-9A-Z]{16}$/],
  ["a Slack token", /^xox[abprs]-[A-Za-z0-9-]{10,}$/],
  ["a Stripe secret key", /^[rs]k_(live|test)_[A-Za-z0-9]{16,}$/],
  ["a Google API key", /^AIza[0-9A-Za-z_-]{35}$/],
  ["a GitLab token", /^glpat-[A-Za-z0-9_-]{20,}$/],
  ["a JSON Web Token", /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+$/],
];

// Cheap first look, without a regular expression (it runs on every string of every document). A
// value can only match a pattern above if it starts with a space or non-ASCII character (`\s*`), or
// with the first three characters of `bearer`/`basic` (any case), `sk-`/`sk_`/`rk_`,
// `gh[pousr]`/`git`, `AKI`/`ASI`, `AIz`, `glp`, `xox` or `eyJ`, or contains "PRIVATE KEY". Three characters, not one or two: `succeeded`,
// `started` or `blocked` are common values, and so are `skill-…` keys and `based-on` names; none
// of them must reach the expressions.
// By the first two characters: the index in THIRD_CHARACTERS of the third characters that may
// follow them (0: none, the pair starts no credential).
const THIRD = new Uint8Array(128 * 128);
const THIRD_CHARACTERS: string[] = [""];
const mayStartWith = (pair: string, third: string) => {
  THIRD[(pair.charCodeAt(0) << 7) | pair.charCodeAt(1)] = THIRD_CHARACTERS.push(third) - 1;
};
for (const first of "bB") {
  for (const second of "eE") mayStartWith(first + second, "aA");
  for (const second of "aA") mayStartWith(first + second, "sS");
}
for (const [pair, third] of [["sk", "-_"], ["rk", "_"], ["gh", "pousr"], ["gi", "t"], ["AK", "I"], ["AS", "I"], ["AI", "z"], ["gl", "p"], ["xo", "x"], ["ey", "J"]] as const) mayStartWith(pair, third);

function mayBeCredential(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first <= 0x20 || first >= 128) return true;
  const second = value.charCodeAt(1); // NaN for a one-character value: no pair matches
  const thirds = second < 128 ? THIRD[(first << 7) | second]! : 0;
  // The length first: past the end charAt gives "", which every string includes.
  if (thirds !== 0 && value.length > 2 && (THIRD_CHARACTERS[thirds] as string).includes(value.charAt(2))) return true;
  return value.length >= 27 && value.includes("PRIVATE KEY");
}

const nameCache = new Map<string, boolean>();
/**
 * What normalizing a member name removes before it is compared with the lists above: separators,
 * and invisible format characters (a zero-width space in `api\u200bkey` hides nothing).
 */
const SEPARATORS = /[-_.\s\p{Cf}]/gu;

export function isCredentialName(name: string): boolean {
  const cached = nameCache.get(name);
  if (cached !== undefined) return cached;
  // Names with `:` or `/` are ids used as keys (`node:refresh-token`), not member names.
  if (name.includes(":") || name.includes("/")) return false;
  const normalized = name.replace(SEPARATORS, "").toLowerCase();
  const hit =
    (CREDENTIAL_NAMES as readonly string[]).includes(normalized) || CREDENTIAL_NAME_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
  if (nameCache.size < 10_000) nameCache.set(name, hit);
  return hit;
}

/** One entry of {@link CREDENTIAL_VALUE_PATTERNS}. */
export type CredentialShape = (typeof CREDENTIAL_VALUE_PATTERNS)[number];

/** Whether `value` has this shape: its pattern matches, and its confirming check (if any) holds. */
export function matchesCredentialShape([, pattern, confirm]: CredentialShape, value: string): boolean {
  return pattern.test(value) && (confirm === undefined || confirm(value));
}

/** The kind of credential a string value looks like, or undefined. */
export function credentialValueKind(value: string): string | undefined {
  if (value.length === 0 || !mayBeCredential(value)) return undefined;
  for (const shape of CREDENTIAL_VALUE_PATTERNS) if (matchesCredentialShape(shape, value)) return shape[0];
  return undefined;
}

// Cheap first look at a member name: a credential name ends (after removing separators and
// lowering the case) with one of the suffixes or exact names above, so its last two characters are
// one of their endings in either case, or a separator or non-ASCII character to be removed first.
// Most member names (`unitId`, `type`, `outcome`) fail this test and need no cache look-up.
const NAME_END = new Uint8Array(128 * 128);
for (const name of [...CREDENTIAL_NAME_SUFFIXES, ...CREDENTIAL_NAMES]) {
  const end = name.slice(-2);
  for (const a of [end[0] as string, (end[0] as string).toUpperCase()]) for (const b of [end[1] as string, (end[1] as string).toUpperCase()]) NAME_END[(a.charCodeAt(0) << 7) | b.charCodeAt(0)] = 1;
}
for (let c = 0; c < 128; c++) {
  if (String.fromCharCode(c).replace(SEPARATORS, "") !== "") continue;
  for (let d = 0; d < 128; d++) NAME_END[(c << 7) | d] = NAME_END[(d << 7) | c] = 1;
}

function mayNameCredential(name: string): boolean {
  const last = name.charCodeAt(name.length - 1);
  const before = name.charCodeAt(name.length - 2);
  // NaN (a one-character name) compares false: such a name is looked at in full.
  return !(last < 128 && before < 128) || NAME_END[(before << 7) | last] === 1;
}

const memberCache = new Map<string, string>();

/**
 * What a member name gives away, for the document scan: `"name"` when it names a credential
 * (`forbidden-credential-key`), the kind of credential it looks like when the name itself is one
 * (a token used as an open map's key: `forbidden-credential-value`), else `""`. One cached look-up
 * per name, as the scan meets the same names over and over.
 */
export function memberNameCredential(name: string): string {
  if (!mayNameCredential(name) && !mayBeCredential(name)) return "";
  let found = memberCache.get(name);
  if (found === undefined) {
    found = isCredentialName(name) ? "name" : (credentialValueKind(name) ?? "");
    if (memberCache.size < 10_000) memberCache.set(name, found);
  }
  return found;
}
