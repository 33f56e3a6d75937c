import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HexIndex } from "../src/hex-index.js";

describe("HexIndex", () => {
  it("finds exactly the repeated identities, with the ordinal of the first, even when many share their first digits", () => {
    // Identities drawn from a tiny alphabet share prefixes all the time: the table must still tell them apart.
    const identity = fc.stringMatching(/^[01][0-9a-f]{7}[0-3]{2}$/);
    fc.assert(
      fc.property(fc.array(identity, { maxLength: 300 }), fc.boolean(), (ids, prefixed) => {
        const offset = prefixed ? 3 : 0;
        const list = ids.map((id) => (prefixed ? `id_${id}` : id));
        const index = new HexIndex(list.length, (ordinal) => list[ordinal] as string, offset);
        const first = new Map<string, number>();
        list.forEach((id, ordinal) => {
          expect(index.add(id, ordinal)).toBe(first.get(id));
          if (!first.has(id)) first.set(id, ordinal);
        });
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("holds as many identities as it was sized for, all sharing one bucket", () => {
    const list = Array.from({ length: 1000 }, (_, i) => `00000000${i.toString(16).padStart(4, "0")}`);
    const index = new HexIndex(list.length, (ordinal) => list[ordinal] as string, 0);
    list.forEach((id, ordinal) => expect(index.add(id, ordinal)).toBeUndefined());
    expect(index.add(list[999] as string, 1000)).toBe(999);
  });
});
