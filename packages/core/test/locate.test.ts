import { describe, expect, it } from "vitest";
import { locatePointer } from "@graphenix/core";

const text = `{
  "a": { "b": [10, {"c": "x,]}"}, [1, 2]], "d~/e": true },
  "f": "skip \\" me",
  "g": null
}`;

describe("locatePointer", () => {
  it.each([
    ["", 1, 1],
    ["/a", 2, 3],
    ["/a/b", 2, 10],
    ["/a/b/0", 2, 16],
    ["/a/b/1/c", 2, 21],
    ["/a/b/2/1", 2, 39],
    ["/a/d~0~1e", 2, 44],
    ["/g", 4, 3],
  ])("%s → %i:%i", (pointer, line, column) => {
    expect(locatePointer(text, pointer)).toMatchObject({ line, column });
  });

  it("falls back to the deepest part that exists", () => {
    expect(locatePointer(text, "/a/missing")).toMatchObject({ line: 2, column: 3 });
    expect(locatePointer(text, "/a/b/9")).toMatchObject({ line: 2, column: 10 });
    expect(locatePointer(text, "/g/deeper")).toMatchObject({ line: 4, column: 3 });
  });

  it("never throws on bad text or pointers", () => {
    expect(locatePointer("{\"a\": [1,", "/a/5")).toMatchObject({ line: 1, column: 2 });
    expect(locatePointer("", "/x")).toMatchObject({ line: 1, column: 1 });
    expect(locatePointer("{}", "not a pointer")).toMatchObject({ line: 1, column: 1 });
  });
});
