import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parseJson, parseJsonBytes, resolvePointer, type LocatedIssue } from "@graphenix/core";

function fails(text: string, limits?: { maxDepth?: number; maxBytes?: number }) {
  const result = parseJson(text, limits);
  if (result.ok) throw new Error("expected a failure");
  expect(result.issues).toHaveLength(1);
  return result.issues[0]!;
}

describe("parseJson accepts JSON exactly as JSON.parse reads it", () => {
  it.each([
    ["scalars", '[true,false,null,0,-0,1.5,-2e10,3E-2,"x"]'],
    ["zeros written any way, the smallest double, and one too small for a double (read as 0, as JSON.parse does)", '[0.0,-0e5,0E-999,0.000e+3,5e-324,-4.9e-324,1e-400]'],
    ["nested", '{"a":{"b":[1,{"c":[]}],"d":{}},"e":""}'],
    ["whitespace", ' \t\r\n{ "a" : [ 1 , 2 ] }\n'],
    ["escapes", '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"'],
    ["raw unicode", '{"ключ":"значение 😀"}'],
    ["big but finite", "[1.7976931348623157e308, 5e-324, 123456789012345678901234567890]"],
  ])("%s", (_name, text) => {
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });

  it("agrees with JSON.parse on 2,000 generated documents", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});

describe("parseJson reports coded issues with positions", () => {
  it.each([
    ["trailing comma", '{"a":1,}', "json-syntax", 1, 8, ""],
    ["missing colon", '{"a" 1}', "json-syntax", 1, 6, "/a"],
    ["single quotes", "{'a':1}", "json-syntax", 1, 2, ""],
    ["leading zero", "[01]", "json-syntax", 1, 2, "/0"],
    ["bare decimal point", "[1.]", "json-syntax", 1, 4, "/0"],
    ["unterminated string", '["abc', "json-syntax", 1, 6, "/0"],
    ["raw control in a string", '"a\u0001"', "json-syntax", 1, 3, ""],
    ["bad escape", '"\\x"', "json-syntax", 1, 2, ""],
    ["short unicode escape", '"\\u12"', "json-syntax", 1, 2, ""],
    ["trailing garbage", "{} x", "json-syntax", 1, 4, ""],
    ["empty input", "", "json-syntax", 1, 1, ""],
    ["NaN literal", "[NaN]", "json-syntax", 1, 2, "/0"],
    ["duplicate key", '{\n  "a": 1,\n  "b": {"x": 1, "x": 2}\n}', "json-duplicate-key", 3, 17, "/b/x"],
    ["lone high surrogate escape", '{"k":"\\ud800"}', "json-lone-surrogate", 1, 7, "/k"],
    ["lone low surrogate escape", '["\\udc00x"]', "json-lone-surrogate", 1, 3, "/0"],
    ["raw lone surrogate", '["a\ud800"]', "json-lone-surrogate", 1, 4, "/0"],
    ["number beyond double", '{"n":1e400}', "json-number-out-of-range", 1, 6, "/n"],
    ["byte order mark", '\ufeff{}', "json-byte-order-mark", 1, 1, ""],
    ["CRLF lines", '{\r\n"a":\r\n[1,,2]}', "json-syntax", 3, 4, "/a/1"],
  ])("%s", (_name, text, code, line, column, pointer) => {
    const issue = fails(text);
    expect(issue.code).toBe(code);
    expect(issue.location).toMatchObject({ line, column });
    expect(issue.pointer).toBe(pointer);
  });

  it.each([
    ["a trailing comma in an object", '{"a":1,}', 'expected a member name in double quotes but found "}": a trailing comma before it, which JSON does not allow'],
    ["a trailing comma in an array", "[1,2,\n ]", 'expected a JSON value but found "]": a trailing comma before it, which JSON does not allow'],
    ["a comment", "// note\n{}", 'expected a JSON value but found "/": a comment, which JSON does not allow'],
    ["single quotes", "{'a':1}", "expected a member name in double quotes but found \"'\": JSON strings and member names take double quotes"],
    ["a missing comma between members", '{"a":1 "b":2}', "expected \",\" or \"}\" but found '\"': a comma is missing before it"],
    ["a missing comma between items", "[1 2]", 'expected "," or "]" but found "2": a comma is missing before it'],
    ["an empty input", "", "the input is empty: expected a JSON value"],
    ["an input of only spaces", " \n ", "the input is empty: expected a JSON value"],
    ["an unterminated string", '{"a":"b', "unterminated string: the input ends inside it"],
  ])("says why %s is not JSON", (_name, text, message) => {
    expect(fails(text).message).toBe(message);
  });

  it("enforces maxDepth iteratively: 100,000 levels give an issue, not a stack overflow", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const issue = fails(deep);
    expect(issue.code).toBe("json-depth-limit");
    expect(issue.path).toHaveLength(512);
    expect(parseJson(deep, { maxDepth: 100_000 }).ok).toBe(true);
    expect(fails('{"a":{"b":[1]}}', { maxDepth: 2 }).pointer).toBe("/a/b");
  });

  it("enforces maxBytes in UTF-8 bytes before parsing", () => {
    expect(fails('"ééé"', { maxBytes: 7 }).code).toBe("json-size-limit");
    expect(parseJson('"ééé"', { maxBytes: 8 }).ok).toBe(true);
    expect(fails(`"${"x".repeat(100)}"`, { maxBytes: 50 }).code).toBe("json-size-limit");
  });
});

describe("parseJson keeps __proto__ as data", () => {
  it("never touches a prototype", () => {
    const result = parseJson('{"__proto__":{"polluted":1},"a":{"__proto__":[1]},"constructor":{"prototype":{"x":1}}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "a", "constructor"]);
    expect(resolvePointer(value, "/__proto__/polluted")).toEqual({ found: true, value: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "x")).toBe(false);
  });

  it("is not fooled by a setter that code put on Object.prototype", () => {
    Object.defineProperty(Object.prototype, "polluted", { set() { /* swallows writes: the pollution under test */ }, configurable: true });
    try {
      const result = parseJson('{"polluted":1}');
      expect(result.ok && Object.getOwnPropertyDescriptor(result.value, "polluted")?.value).toBe(1);
    } finally {
      delete (Object.prototype as { polluted?: unknown }).polluted;
    }
  });

  it("quotes member names in messages, so a message stays on one line", () => {
    const result = parseJson('{"a\\nb":1,"a\\nb":2}');
    expect(result.ok ? "" : result.issues[0]?.message).toBe('the member name "a\\nb" appears twice in the same object');
  });

  it("says unterminated for a backslash at the end of the input", () => {
    expect(fails('"abc\\').message).toBe("unterminated string: the input ends inside it");
  });

  it("still detects a duplicated __proto__", () => {
    expect(fails('{"__proto__":1,"__proto__":2}').code).toBe("json-duplicate-key");
  });
});

describe("parseJsonBytes", () => {
  it("decodes UTF-8 and parses", () => {
    expect(parseJsonBytes(Buffer.from('{"a":"é"}'))).toEqual({ ok: true, value: { a: "é" } });
  });
  it("rejects ill-formed UTF-8 with the position of the bad byte", () => {
    const bytes = Buffer.concat([Buffer.from('{\n"a":"x'), Buffer.from([0xff]), Buffer.from('"}')]);
    const result = parseJsonBytes(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.code).toBe("json-invalid-utf8");
      expect(result.issues[0]?.location).toMatchObject({ line: 2, column: 7 });
    }
  });
  it.each([
    ["truncated 3-byte sequence", [0x7b, 0xe2, 0x82, 0x41], 1],
    ["lone lead byte at the end", [0x41, 0xe2], 1],
    ["encoded surrogate", [0x22, 0xed, 0xa0, 0x80, 0x22], 1],
    ["overlong encoding", [0x22, 0xc0, 0xaf, 0x22], 1],
    ["byte above F4", [0xf5], 0],
  ])("reports ill-formed UTF-8 where the bad sequence starts: %s", (_name, bytes, offset) => {
    const result = parseJsonBytes(Uint8Array.from(bytes));
    expect(result.ok ? undefined : result.issues[0]).toMatchObject({ code: "json-invalid-utf8", message: `the input is not well-formed UTF-8 (byte ${offset})` });
  });

  it("rejects a UTF-8 byte order mark", () => {
    const result = parseJsonBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect(result.ok ? "ok" : result.issues[0]?.code).toBe("json-byte-order-mark");
  });
});

describe("the failure type says what every failure holds", () => {
  it("exactly one issue, with its location (found in review: the type left both open)", () => {
    for (const text of ['{"a":1,"a":2}', "[", "", "1e400", '"\\ud800"']) {
      const result = parseJson(text);
      expect(result.ok, text).toBe(false);
      if (result.ok) continue;
      expectTypeOf(result.issues).toEqualTypeOf<readonly [LocatedIssue]>();
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0].location.line).toBeGreaterThanOrEqual(1);
      expect(result.issues[0].location.column).toBeGreaterThanOrEqual(1);
    }
    const bytes = parseJsonBytes(new Uint8Array([0x22, 0xff, 0x22]));
    expect(!bytes.ok && bytes.issues[0].location).toEqual({ line: 1, column: 2, offset: 1 });
  });
});
