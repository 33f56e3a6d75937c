import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareUtf8, decodePointer, sortUtf8, encodePointer, isJsonPointer, JsonPointerError, resolvePointer } from "@graphenix/core";

describe("JSON Pointer (RFC 6901)", () => {
  const doc = { foo: ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, 'k"l': 6, " ": 7, "m~n": 8 };
  it.each([
    ["", doc],
    ["/foo", ["bar", "baz"]],
    ["/foo/0", "bar"],
    ["/", 0],
    ["/a~1b", 1],
    ["/c%d", 2],
    ["/e^f", 3],
    ["/g|h", 4],
    ["/i\\j", 5],
    ['/k"l', 6],
    ["/ ", 7],
    ["/m~0n", 8],
  ])("RFC 6901 §5 example %j", (pointer, expected) => {
    expect(resolvePointer(doc, pointer)).toEqual({ found: true, value: expected });
  });

  it("decodes ~01 as ~1, not /", () => {
    expect(decodePointer("/~01")).toEqual(["~1"]);
    expect(encodePointer(["~1"])).toBe("/~01");
  });

  it("round-trips any path", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 6 }), (path) => {
        const pointer = encodePointer(path);
        expect(isJsonPointer(pointer)).toBe(true);
        expect(decodePointer(pointer)).toEqual(path);
      }),
      { numRuns: 1_000 },
    );
  });

  it("refuses non-canonical array indices and missing members", () => {
    expect(resolvePointer(doc, "/foo/01")).toEqual({ found: false });
    expect(resolvePointer(doc, "/foo/-")).toEqual({ found: false });
    expect(resolvePointer(doc, "/foo/2")).toEqual({ found: false });
    expect(resolvePointer(doc, "/nope")).toEqual({ found: false });
    expect(resolvePointer(doc, "/foo/0/x")).toEqual({ found: false });
    expect(resolvePointer({}, "/toString")).toEqual({ found: false });
  });

  it("throws a named error for strings that are not pointers", () => {
    expect(() => decodePointer("foo")).toThrow(JsonPointerError);
    expect(() => decodePointer("/a~2")).toThrow(JsonPointerError);
    expect(isJsonPointer("/a~2")).toBe(false);
  });
});

describe("compareUtf8", () => {
  it("orders ws-10 before ws-2 (bytewise, not numeric)", () => {
    expect(["ws-2", "ws-10", "ws-1"].sort(compareUtf8)).toEqual(["ws-1", "ws-10", "ws-2"]);
  });

  it("differs from the default UTF-16 sort above U+FFFF", () => {
    const list = ["\u{1f600}", "\uff61"];
    expect([...list].sort()).toEqual(["\u{1f600}", "\uff61"]);
    expect([...list].sort(compareUtf8)).toEqual(["\uff61", "\u{1f600}"]);
  });

  it("sortUtf8 gives the order of sort(compareUtf8), with and without code units above U+D7FF", () => {
    const strings = fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.stringMatching(/^[a-z0-9:.-]{0,8}$/)), { maxLength: 30 });
    fc.assert(
      fc.property(strings, (list) => {
        expect(sortUtf8([...list])).toEqual([...list].sort(compareUtf8));
      }),
      { numRuns: 5_000 },
    );
    expect(sortUtf8(["\u{1f600}", "\uff61", "a"])).toEqual(["a", "\uff61", "\u{1f600}"]);
  });

  it("matches Buffer byte comparison on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 5_000 },
    );
  });
});
