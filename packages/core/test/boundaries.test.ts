/**
 * Edges of core's rules that a mutation review found untested: each case sits on one side of a
 * boundary, so moving the boundary fails it.
 */
import { describe, expect, it } from "vitest";
import { credentialValueKind, DEFAULT_VALIDATION_LIMITS, IssueCollector, isCredentialName, isDigest, scanDocument } from "@graphenix/core";

describe("isDigest", () => {
  it("takes sha256: and exactly 64 lowercase hex digits", () => {
    expect(isDigest(`sha256:${"0".repeat(64)}`)).toBe(true);
    expect(isDigest(`sha256:${"0".repeat(65)}`)).toBe(false);
    expect(isDigest(`sha256:${"0".repeat(63)}`)).toBe(false);
    expect(isDigest(`xsha256:${"0".repeat(64)}`)).toBe(false);
    expect(isDigest(`sha256:${"A".repeat(64)}`)).toBe(false);
  });
});

describe("credential values", () => {
  it("a bearer token has at least 16 characters after the scheme", () => {
    expect(credentialValueKind("Bearer abcdefghijklmno1")).toBe("a bearer token"); // 16
    expect(credentialValueKind("Bearer abcdefghijklmn1")).toBeUndefined(); // 15
  });

  it("basic-auth credentials decode to user:password without control characters", () => {
    expect(credentialValueKind(`Basic ${btoa("user:password")}`)).toBe("a basic-auth header");
    expect(credentialValueKind(`Basic ${btoa("user\u0001:password")}`)).toBeUndefined();
    expect(credentialValueKind(`Basic ${btoa("userpassword")}`)).toBeUndefined();
  });
});

describe("credential names", () => {
  it("a name with : or / is an id used as a key, not a member name", () => {
    expect(isCredentialName("refresh-token")).toBe(true);
    expect(isCredentialName("node/refresh-token")).toBe(false);
    expect(isCredentialName("node:refresh-token")).toBe(false);
    const issues = new IssueCollector(100);
    scanDocument({ "a/api-token": 1, "api-token": 2 }, DEFAULT_VALIDATION_LIMITS, { credentials: true }, issues);
    expect(issues.finish().map((i) => `${i.pointer} ${i.code}`)).toEqual(["/api-token forbidden-credential-key"]);
  });
});
