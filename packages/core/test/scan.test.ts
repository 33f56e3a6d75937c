import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CREDENTIAL_VALUE_PATTERNS, credentialValueKind, matchesCredentialShape, DEFAULT_VALIDATION_LIMITS, isCredentialName, IssueCollector, MAX_VALIDATION_DEPTH, scanDocument } from "@graphenix/core";

function scan(value: unknown, limits = {}) {
  const issues = new IssueCollector(100);
  const ok = scanDocument(value, { ...DEFAULT_VALIDATION_LIMITS, ...limits }, { credentials: true }, issues);
  return { ok, issues: issues.finish().map((i) => `${i.pointer} ${i.code}`) };
}

describe("scanDocument", () => {
  it("finds credential names and values anywhere, with their pointers", () => {
    expect(scan({ a: [{ apiKey: 1 }, "Bearer abc123def456ghi789"], maxTokens: 5, tokenizer: "x", strategyKey: "synthesis" }).issues).toEqual([
      "/a/0/apiKey forbidden-credential-key",
      "/a/1 forbidden-credential-value",
    ]);
  });

  it("stops at the first limit and says where", () => {
    expect(scan({ a: { b: { c: 1 } } }, { maxDepth: 2 })).toEqual({ ok: false, issues: ["/a/b document-depth-limit"] });
    expect(scan({ a: ["x", "long string"] }, { maxStringLength: 5 })).toEqual({ ok: false, issues: ["/a/1 document-string-limit"] });
  });

  it("past a limit with the issue list full, it stops reading and the result says issues may be missing", () => {
    const issues = new IssueCollector(1);
    const doc = { big: "x".repeat(10), nested: { apiKey: "hunter2" } };
    expect(scanDocument(doc, { ...DEFAULT_VALIDATION_LIMITS, maxStringLength: 7 }, { credentials: true }, issues)).toBe(false);
    const found = issues.finish();
    expect(found.map((i) => `${i.pointer} ${i.code} ${i.severity}`)).toEqual(["/big document-string-limit error", " issues-truncated error"]);
    expect(found[1]?.message).toContain("the rest of the document was not checked");
    // Skipping an empty array or object leaves nothing unread: no notice.
    const nothingLeft = new IssueCollector(1);
    scanDocument({ big: "x".repeat(10), e: {}, l: [] }, { ...DEFAULT_VALIDATION_LIMITS, maxStringLength: 7 }, { credentials: true }, nothingLeft);
    expect(nothingLeft.finish().map((i) => i.code)).toEqual(["document-string-limit"]);
    // A Date, a Map or a class instance is no plain object, even with no members of its own: skipped, it is unread.
    for (const value of [new Date(0), new Map([["a", 1]]), new (class Thing {
      readonly kind = "thing";
    })()]) {
      const skipped = new IssueCollector(1);
      scanDocument({ big: "x".repeat(10), d: value }, { ...DEFAULT_VALIDATION_LIMITS, maxStringLength: 7 }, { credentials: true }, skipped);
      expect(skipped.finish().map((i) => i.code)).toEqual(["document-string-limit", "issues-truncated"]);
    }
    // With room for both, the credential is reported and nothing is said to be missing.
    expect(scan(doc, { maxStringLength: 7 }).issues).toEqual(["/big document-string-limit", "/nested/apiKey forbidden-credential-key"]);
  });

  it("past a limit with the issue list full, many siblings sharing one large object cost one look, not one each", () => {
    const big: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) big[`k${i}`] = i;
    const issues = new IssueCollector(1);
    const started = performance.now();
    scanDocument({ list: ["x".repeat(100), ...new Array<unknown>(20_000).fill(big)] }, { ...DEFAULT_VALIDATION_LIMITS, maxStringLength: 10 }, { credentials: true }, issues);
    expect(issues.finish().map((i) => i.code)).toEqual(["document-string-limit", "issues-truncated"]);
    // A ceiling, not a benchmark: listing the keys for every sibling took about 40 s.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("caps maxDepth at MAX_VALIDATION_DEPTH so no document can overflow the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const result = scan(deep, { maxDepth: Number.MAX_SAFE_INTEGER });
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.endsWith("document-depth-limit")).toBe(true);
    expect(result.issues[0]?.split("/")).toHaveLength(MAX_VALIDATION_DEPTH + 1);
  });

  it("sees only own members when Object.prototype is polluted", () => {
    (Object.prototype as Record<string, unknown>).password = "Bearer abc123def456ghi789";
    try {
      expect(scan({ a: { b: 1 } }).issues).toEqual([]);
      expect(scan({ password: 1 }).issues).toEqual(["/password forbidden-credential-key"]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).password;
    }
  });
});

describe("scanDocument forbidden members", () => {
  it("reports forbidden names at any depth, normalized, once per member", () => {
    const issues = new IssueCollector(100);
    scanDocument(
      { a: { "Provider_Response": 1, list: [{ logs: [] }] }, events2: 1 },
      DEFAULT_VALIDATION_LIMITS,
      { credentials: false, forbiddenMembers: { names: new Set(["providerresponse", "logs"]), code: "plan-forbidden-field", message: (n) => `no ${n}` } },
      issues,
    );
    expect(issues.finish().map((i) => `${i.pointer} ${i.message}`)).toEqual(["/a/Provider_Response no Provider_Response", "/a/list/0/logs no logs"]);
  });
});

describe("credentialValueKind's quick first look", () => {
  // The reference: every pattern tried on every value, with no first look.
  const reference = (value: string) => CREDENTIAL_VALUE_PATTERNS.find((shape) => matchesCredentialShape(shape, value))?.[0];
  const token = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";
  const examples = [
    `Bearer ${token}`, `  bearer ${token}`, `\tBEARER ${token}`, `\u00a0Bearer ${token}`, `\ufeffbasic ${btoa("user:pass")}`, `Basic ${btoa("user:password123")}`, `Basic ${token}==`, "Basic input/output",
    `sk-${token}`, `ghp_${token}`, `gho_${token}`, `ghu_${token}`, `ghs_${token}`, `ghr_${token}`, `github_pat_${token}`, "AKIAABCDEFGHIJKLMNOP", "ASIAABCDEFGHIJKLMNOP", `xoxb-${token}`, `xoxa-${token}`, `xoxp-${token}`, `xoxr-${token}`, `xoxs-${token}`,
    `sk_live_${token}`, `sk_test_${token}`, `rk_live_${token}`, "sk_live_short", `AIza${token.slice(0, 35)}`, `AIza${token}`, `glpat-${token}`, "glpat-short",
    `eyJ${token}.eyJ${token}.${token}`, "-----BEGIN PRIVATE KEY-----", `x-----BEGIN RSA PRIVATE KEY-----\n${token}`,
    "unit:node:a:main:1", "2026-06-06T12:00:00.000Z", "succeeded", "basically fine", "Bearer notification", "", "skill-professional-answer", "based-on", "beam", "sk", "gh", "ey", "eyj",
  ];

  it("misses no credential the patterns match, on known shapes", () => {
    for (const value of examples) expect(credentialValueKind(value), JSON.stringify(value)).toBe(reference(value));
    expect(examples.filter((v) => credentialValueKind(v) !== undefined).length).toBeGreaterThanOrEqual(27);
    expect(["sk_live_", "rk_live_", "AIza", "glpat-"].map((prefix) => credentialValueKind(prefix + token.slice(0, 35)))).toEqual(["a Stripe secret key", "a Stripe secret key", "a Google API key", "a GitLab token"]);
  });

  it("misses no credential the patterns match, on generated strings", () => {
    const pieces = ["Bearer ", "basic ", "BEARER ", "bAsIc ", btoa("u:p4ss!word"), "b", "B", "e", "a", "s", "k", "g", "h", "i", "o", " ", "\u00a0", "\u2003", "sk-", "gh", "ghp_", "github_pat_", "AKIA", "ASIA", "xoxp-", "eyJ", ".", "-----BEGIN ", "RSA ", "PRIVATE KEY-----", token, "A1B2C3D4", "x", "é", "==", "ghs_", "ghr_", "ghu_", "gho_", "xoxa-", "xoxs-", "skill-", "bas", "bea", "BEA", "git", "hub_pat_", "AKI", "ASI", "sk_live_", "sk_", "rk_test_", "_live_", "AIza", "AIz", "glpat-", "glp", "gl"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.string(), (parts, noise) => {
        for (const value of [parts.join(""), noise + parts.join(""), parts.join("") + noise]) expect(credentialValueKind(value)).toBe(reference(value));
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});

describe("lone surrogates", () => {
  it("are found in values and reported as non-JSON", () => {
    expect(scan({ a: "ok \ud83d\ude00", b: "bad \ud83d", c: "\ude00 bad" }).issues).toEqual(["/b document-non-json", "/c document-non-json"]);
  });
});

describe("the scan's quick first look at member names", () => {
  // The reference: isCredentialName (no first look) or every value pattern tried, on every name.
  const looksLikeValue = (name: string) => CREDENTIAL_VALUE_PATTERNS.some((shape) => matchesCredentialShape(shape, name));
  const expected = (name: string) => (isCredentialName(name) ? "forbidden-credential-key" : looksLikeValue(name) ? "forbidden-credential-value" : undefined);
  const codeOf = (name: string) => scan({ [name]: 1 }).issues.find((i) => i.endsWith("credential-key") || i.endsWith("credential-value"))?.split(" ").pop();

  it("misses no credential name, whatever the case, separators or trailing characters", () => {
    const pieces = ["pass", "word", "WORD", "wd", "phrase", "sec", "ret", "RET", "tok", "en", "EN", "api", "key", "Key", "private", "creden", "tial", "tials", "authoriz", "ation", "cook", "ie", "IE", "set", "x", "proxy", "access", "-", "_", ".", " ", "\u00a0", "\t", "\u200b", "\u00ad", "d", "e", "t", "n", "y", "l", "s", "é", ":", "/"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.string({ maxLength: 3 }), (parts, noise) => {
        for (const name of [parts.join(""), noise + parts.join(""), parts.join("") + noise]) expect(codeOf(name), JSON.stringify(name)).toBe(expected(name));
      }),
      { numRuns: 3000, seed: 42 },
    );
    const known = ["password", "dbPassWord", "PASS-WORD", "pass_wor-d", "token ", "apiKey\u00a0", "x", "", "ey", "unitId", "to\u212Aen", "passwor\u2003d", "\u212A", "token\ufeff", "api\u200bkey", "pass\u00adword", "secret_key", "aws_secret_access_key", "accessKey", "x:token", "sk-A1b2C3d4E5f6G7h8I9j0K1", "AKIAABCDEFGHIJKLMNOP"];
    for (const name of known) expect(codeOf(name), JSON.stringify(name)).toBe(expected(name));
    expect(known.filter((name) => expected(name) !== undefined).length).toBeGreaterThanOrEqual(10);
    // Invisible format characters hide nothing; secret keys are secrets; an access key id alone is not a name rule.
    expect(["api\u200bkey", "pass\u00adword", "secret_key", "aws_secret_access_key", "accessKey", "db:password"].map(isCredentialName)).toEqual([true, true, true, true, false, false]);
  });
});
