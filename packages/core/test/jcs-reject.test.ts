import { describe, expect, it } from "vitest";
import { CanonicalizationError, canonicalize, canonicalizeResult, digestResult } from "@graphenix/core";

function failure(value: unknown, options?: { maxDepth?: number }) {
  const result = canonicalizeResult(value, options);
  if (result.ok) throw new Error(`expected a failure, got ${result.value}`);
  expect(result.issues).toHaveLength(1);
  return result.issues[0]!;
}

class Point {
  constructor(readonly x = 1) {}
}

describe("canonicalize rejects values with no JSON form", () => {
  it.each([
    ["NaN", { a: [1, Number.NaN] }, "jcs-non-finite-number", "/a/1"],
    ["Infinity", { b: Number.POSITIVE_INFINITY }, "jcs-non-finite-number", "/b"],
    ["-Infinity", [Number.NEGATIVE_INFINITY], "jcs-non-finite-number", "/0"],
    ["BigInt", { n: 10n }, "jcs-unsupported-type", "/n"],
    ["function", { f: () => 1 }, "jcs-unsupported-type", "/f"],
    ["symbol value", { s: Symbol("x") }, "jcs-unsupported-type", "/s"],
    ["undefined member", { u: undefined }, "jcs-unsupported-type", "/u"],
    // eslint-disable-next-line no-sparse-arrays -- a hole is exactly what this case tests
    ["array hole", [1, , 3], "jcs-unsupported-type", "/1"],
    ["undefined at the root", undefined, "jcs-unsupported-type", ""],
    ["Date", { when: new Date(0) }, "jcs-non-plain-object", "/when"],
    ["Map", { m: new Map() }, "jcs-non-plain-object", "/m"],
    ["class instance", { p: new Point() }, "jcs-non-plain-object", "/p"],
    ["object with toJSON", { t: { toJSON: () => "x" } }, "jcs-unsupported-type", "/t/toJSON"],
    ["lone high surrogate in a string", { s: "a\ud800b" }, "jcs-lone-surrogate", "/s"],
    ["lone low surrogate in a string", ["\udc00"], "jcs-lone-surrogate", "/0"],
    ["lone surrogate in a key", { "k\ud83d": 1 }, "jcs-lone-surrogate", "/k\ud83d"],
    ["swapped surrogate pair", { s: "\ude00\ud83d" }, "jcs-lone-surrogate", "/s"],
  ])("%s", (_name, value, code, pointer) => {
    const issue = failure(value);
    expect(issue.code).toBe(code);
    expect(issue.pointer).toBe(pointer);
    expect(issue.severity).toBe("error");
    expect(() => canonicalize(value)).toThrow(CanonicalizationError);
  });

  it("reports a cycle, with the pointer where it closes", () => {
    const a: Record<string, unknown> = { x: [1] };
    (a.x as unknown[]).push(a);
    const issue = failure(a);
    expect(issue.code).toBe("jcs-cycle");
    expect(issue.pointer).toBe("/x/1");
    const self: Record<string, unknown> = { a: 1 };
    self.self = self;
    expect(failure({ top: [0, self] }).pointer).toBe("/top/1/self");
  });

  it("reports a cycle as a cycle even when maxDepth is far beyond the stack", () => {
    const a: unknown[] = [];
    a.push(a);
    expect(failure(a, { maxDepth: 1_000_000 }).code).toBe("jcs-cycle");
  });

  it("shared references are not cycles", () => {
    const shared = { k: 1 };
    expect(canonicalize({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });

  it("enforces maxDepth without overflowing the stack, and goes as deep as allowed", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(failure(deep).code).toBe("jcs-depth-limit");
    expect(canonicalizeResult(deep, { maxDepth: 1_000_000 })).toEqual({ ok: true, value: "[".repeat(100_000) + "0" + "]".repeat(100_000) });
    expect(failure([[[1]]], { maxDepth: 2 }).code).toBe("jcs-depth-limit");
    expect(canonicalizeResult([[[1]]], { maxDepth: 3 })).toEqual({ ok: true, value: "[[[1]]]" });
  });

  it("digestResult carries the same issue", () => {
    const result = digestResult({ x: Number.NaN });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe("jcs-non-finite-number");
  });
});

describe("canonicalize edge cases the fast path hands over", () => {
  it("sorts array-index member names as strings, not numerically", () => {
    expect(canonicalize({ 10: "a", 9: "b", 1: "c", x: 0 })).toBe('{"1":"c","10":"a","9":"b","x":0}');
  });
  it("keeps __proto__ as an ordinary member", () => {
    const o = JSON.parse('{"z":1,"__proto__":{"polluted":true}}') as unknown;
    expect(canonicalize(o)).toBe('{"__proto__":{"polluted":true},"z":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("takes members as JSON.stringify does: own, enumerable, string-keyed", () => {
    const o: Record<string | symbol, unknown> = { b: 1, [Symbol("s")]: 2 };
    Object.defineProperty(o, "hidden", { value: 3, enumerable: false });
    expect(canonicalize(o)).toBe('{"b":1}');
    // An object inheriting from anything but Object.prototype is not plain, whatever it inherits.
    expect(failure(Object.create({ inherited: 1 })).code).toBe("jcs-non-plain-object");
  });
  it("accepts null-prototype objects", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 1;
    o.a = 2;
    expect(canonicalize(o)).toBe('{"a":2,"b":1}');
  });
  it("does not mistake an escaped backslash before 'ud800' for a surrogate escape", () => {
    expect(canonicalize({ s: "\\ud800" })).toBe('{"s":"\\\\ud800"}');
  });
  it("writes -0 as 0 and escapes controls in lowercase hex", () => {
    expect(canonicalize([-0, "\u0001\u001f\b\t\n\f\r\"\\/\u007f"])).toBe('[0,"\\u0001\\u001f\\b\\t\\n\\f\\r\\"\\\\/\u007f"]');
  });
  it("sorts by UTF-16 code units (non-BMP before U+FFFD-range BMP)", () => {
    expect(canonicalize({ "\ufb01": 1, "\u{1f600}": 2, a: 3 })).toBe('{"a":3,"\u{1f600}":2,"\ufb01":1}');
  });
  it("does not mutate its input", () => {
    const input = { b: [{ d: 1, c: 2 }], a: 1 };
    const before = JSON.stringify(input);
    canonicalize(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("canonicalize stays fast and correct on hostile shapes", () => {
  it("sorts a wide object in O(n log n): 200,000 members in reverse order", () => {
    const wide: Record<string, number> = {};
    for (let i = 200_000; i > 0; i--) wide[`k${String(i).padStart(7, "0")}`] = i;
    const started = performance.now();
    const text = canonicalize(wide);
    // A generous ceiling, not a benchmark: the quadratic sort this guards against took minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(text.startsWith('{"k0000001":1,"k0000002":2,')).toBe(true);
  });

  it("ignores a toJSON that code put on Object.prototype, like the exact path does", () => {
    const proto = Object.prototype as { toJSON?: () => string };
    proto.toJSON = () => "X";
    try {
      expect(canonicalize({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    } finally {
      delete proto.toJSON;
    }
  });

  it("is not fooled by a setter that code put on Object.prototype", () => {
    Object.defineProperty(Object.prototype, "a", { set() { /* swallows writes: the pollution under test */ }, configurable: true });
    try {
      const wide: Record<string, number> = { z: 0 };
      for (let i = 0; i < 100; i++) wide[`m${i}`] = i;
      Object.defineProperty(wide, "a", { value: 1, enumerable: true });
      expect(canonicalize(wide).startsWith('{"a":1,')).toBe(true);
      expect(canonicalize(JSON.parse('{"b":1,"a":2}'))).toBe('{"a":2,"b":1}');
    } finally {
      delete (Object.prototype as { a?: unknown }).a;
    }
  });
});
