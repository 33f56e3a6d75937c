/**
 * `readOnce`: the copy of a runtime object the compiler works from when it has a getter or a
 * Proxy. Every member is looked at once; what is not plain data is kept for the validator.
 */
import { describe, expect, it } from "vitest";
import { readOnce } from "../src/read-once.js";

describe("readOnce", () => {
  it("reads each member once, through getters and Proxy traps", () => {
    let getter = 0;
    let trap = 0;
    const inner = new Proxy({ a: 1, b: [1, 2] }, { get: (t, k) => (trap++, Reflect.get(t, k)) });
    const value = Object.defineProperty({ inner }, "x", { enumerable: true, get: () => ++getter });
    const copy = readOnce(value) as { x: number; inner: { a: number; b: number[] } };
    expect([getter, copy.x, copy.inner.a, copy.inner.b]).toEqual([1, 1, 1, [1, 2]]);
    expect(trap).toBe(2); // a and b, once each
    expect(Object.getOwnPropertyDescriptor(copy, "x")?.get).toBeUndefined();
    expect([getter, copy.x]).toEqual([1, 1]);
  });

  it("keeps shared references, cycles, a __proto__ member and values that are not plain data", () => {
    const shared = { s: 1 };
    const date = new Date(0);
    const cyclic: Record<string, unknown> = JSON.parse('{"__proto__": {"p": 1}, "a": null}') as Record<string, unknown>;
    cyclic.self = cyclic;
    Object.assign(cyclic, { one: shared, two: shared, date, f: Math.max });
    const copy = readOnce(cyclic) as Record<string, unknown>;
    expect(copy).not.toBe(cyclic);
    expect(copy.self).toBe(copy);
    expect(copy.one).toBe(copy.two);
    expect(copy.one).not.toBe(shared);
    expect([copy.date, copy.f]).toEqual([date, Math.max]);
    expect(Object.keys(copy)).toEqual(["__proto__", "a", "self", "one", "two", "date", "f"]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it("copies any depth without overflowing the stack", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { d: deep };
    let copy = readOnce(deep);
    let depth = 0;
    while (typeof copy === "object" && copy !== null) {
      copy = Array.isArray(copy) ? copy[0] : (copy as { d: unknown }).d;
      depth++;
    }
    expect(depth).toBe(100_000);
  });
});
