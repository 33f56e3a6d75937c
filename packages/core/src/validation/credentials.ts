/**
 * What counts as a credential (docs/credentials.md). Member names are matched after removing
 * `-`, `_`, `.` and spaces and lowering the case; string values by their well-known shapes.
 * The lists are deliberately exact so that ordinary members (`maxTokens`, `skillKey`,
 * `tokenizer`) never match.
 */

/** Normalized member names that end with one of these are credentials (`dbPassword`, `openaiApiKey`). */
export const CREDENTIAL_NAME_SUFFIXES = ["password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "credential", "credentials"] as const;

/** Normalized member names that are credentials exactly. */
export const CREDENTIAL_NAMES = ["authorization", "proxyauthorization", "cookie", "setcookie", "xapikey"] as const;

/** Shapes of string values that are credentials, with the name each is reported under. */
export const CREDENTIAL_VALUE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  // A token has a digit (so "Bearer notification" or "Basic formatting" is just text).
  ["a bearer token", /^\s*bearer\s+(?=[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{16,}=*\s*$/i],
  ["a basic-auth header", /^\s*basic\s+(?=[A-Za-z0-9+/]*[\d+/])[A-Za-z0-9+/]{12,}={0,2}\s*$/i],
  ["a private key", /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/],
  ["an OpenAI-style secret key", /^sk-[A-Za-z0-9_-]{20,}$/],
  ["a GitHub token", /^(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})$/],
  ["an AWS access key id", /^(AKIA|ASIA)[0-9A-Z]{16}$/],
  ["a Slack token", /^xox[abprs]-[A-Za-z0-9-]{10,}$/],
  ["a JSON Web Token", /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+$/],
];

// Cheap first look, without a regular expression (it runs on every string of every document): a
// value can only match a pattern above if it starts with a space or non-ASCII character (`\s*`),
// with the first letter of `bearer`, `basic`, `sk-`, `gh…`/`github_pat_`, `AKIA`/`ASIA`, `xox` or
// `eyJ`, or contains "PRIVATE KEY".
const MAY_START = new Uint8Array(128);
for (let c = 0; c <= 0x20; c++) MAY_START[c] = 1;
for (const c of "bBsgAxe") MAY_START[c.charCodeAt(0)] = 1;

function mayBeCredential(value: string): boolean {
  const first = value.charCodeAt(0);
  return first >= 128 || MAY_START[first] === 1 || (value.length >= 27 && value.includes("PRIVATE KEY"));
}

const nameCache = new Map<string, boolean>();

export function isCredentialName(name: string): boolean {
  const cached = nameCache.get(name);
  if (cached !== undefined) return cached;
  // Names with `:` or `/` are ids used as keys (`node:refresh-token`), not member names.
  if (name.includes(":") || name.includes("/")) return false;
  const normalized = name.replace(/[-_.\s]/g, "").toLowerCase();
  const hit =
    (CREDENTIAL_NAMES as readonly string[]).includes(normalized) || CREDENTIAL_NAME_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
  if (nameCache.size < 10_000) nameCache.set(name, hit);
  return hit;
}

/** The kind of credential a string value looks like, or undefined. */
export function credentialValueKind(value: string): string | undefined {
  if (value.length === 0 || !mayBeCredential(value)) return undefined;
  for (const [kind, pattern] of CREDENTIAL_VALUE_PATTERNS) if (pattern.test(value)) return kind;
  return undefined;
}

const memberCache = new Map<string, string>();

/**
 * What a member name gives away, for the document scan: `"name"` when it names a credential
 * (`forbidden-credential-key`), the kind of credential it looks like when the name itself is one
 * (a token used as an open map's key: `forbidden-credential-value`), else `""`. One cached look-up
 * per name, as the scan meets the same names over and over.
 */
export function memberNameCredential(name: string): string {
  let found = memberCache.get(name);
  if (found === undefined) {
    found = isCredentialName(name) ? "name" : (credentialValueKind(name) ?? "");
    if (memberCache.size < 10_000) memberCache.set(name, found);
  }
  return found;
}
