import { describe, expect, it } from "vitest";
import { objectAt, objectPrototypeIsStandard, own, withoutPrototypes } from "../src/index.js";

/** Runs `fn` while Object.prototype has `name` (not enumerable, as a careful polyfill adds it). */
function withPrototypeMember<T>(name: string, value: unknown, fn: () => T): T {
  Object.defineProperty(Object.prototype, name, { value, writable: true, configurable: true });
  try {
    return fn();
  } finally {
    Reflect.deleteProperty(Object.prototype, name);
  }
}

describe("own members only (docs/architecture.md)", () => {
  it("own reads an object's own member, never one from Object.prototype", () => {
    expect(own({ a: 1 }, "a")).toBe(1);
    expect(own({ a: undefined }, "a")).toBeUndefined();
    expect(own([1], "0")).toBe(1);
    expect(own(null, "a")).toBeUndefined();
    expect(own("text", "length")).toBeUndefined();
    expect(own({}, "toString")).toBeUndefined();
    expect(own({ toString: "x" }, "toString")).toBe("x");
    expect(own(Object.create(null), "toString")).toBeUndefined();
    withPrototypeMember("polluted", "yes", () => {
      expect(own({}, "polluted")).toBeUndefined();
      expect(own({ polluted: "mine" }, "polluted")).toBe("mine");
      expect(objectAt({ a: {} }, "a", "polluted")).toBeUndefined();
    });
  });

  it("objectPrototypeIsStandard tells when some code added a member to Object.prototype", () => {
    expect(objectPrototypeIsStandard()).toBe(true);
    expect(withPrototypeMember("polluted", 1, objectPrototypeIsStandard)).toBe(false);
    expect(objectPrototypeIsStandard()).toBe(true);
  });

  it("withoutPrototypes copies JSON data with null-prototype objects, members in order, __proto__ as data", () => {
    const source = JSON.parse('{"b":1,"a":[{"__proto__":{"x":1}},2],"2":null,"1":"s"}') as Record<string, unknown>;
    const copy = withoutPrototypes(source);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(Object.keys(source));
    const inner = (copy.a as Record<string, unknown>[])[0]!;
    expect(Object.getPrototypeOf(inner)).toBeNull();
    expect(Object.keys(inner)).toEqual(["__proto__"]);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
    withPrototypeMember("b", 9, () => expect((withoutPrototypes({}) as Record<string, unknown>).b).toBeUndefined());
  });
});

describe("own runs no getter some code put on Object.prototype", () => {
  it("a throwing getter named like a member is not called", () => {
    Object.defineProperty(Object.prototype, "trap", { get: () => { throw new Error("called"); }, configurable: true });
    try {
      expect(own({}, "trap")).toBeUndefined();
      expect(own({ trap: 1 }, "trap")).toBe(1);
      expect(objectPrototypeIsStandard()).toBe(false);
    } finally {
      Reflect.deleteProperty(Object.prototype, "trap");
    }
  });
});
