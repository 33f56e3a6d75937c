import { describe, expect, it } from "vitest";
import { DEFAULT_VALIDATION_LIMITS, IssueCollector, MAX_VALIDATION_DEPTH, scanDocument } from "@graphenix/core";

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
