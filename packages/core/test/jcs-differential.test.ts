import canonicalizeNpm from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalize } from "@graphenix/core";
import { ExactSerializer } from "../src/jcs/exact.js";

// Keys and strings over the whole of Unicode (no lone surrogates: neither side accepts them),
// weighted towards the characters canonicalization gets wrong: controls, quotes, backslashes,
// non-BMP characters and the U+E000..U+FFFF range that sorts differently in UTF-16 and UTF-8.
const tricky = fc.constantFrom("\u0000", "\u001f", '"', "\\", "/", "\u007f", "\u2028", "\ufffd", "\ufb01", "\u{1f600}", "\u{10ffff}", "é", "0", "10", "9");
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.array(fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 2 })), { maxLength: 6 }).map((parts) => parts.join("")),
);

const extremeDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 5e-324, -5e-324, 1.7976931348623157e308, 9007199254740992, 1e21, 1e-7, 0.000001, 333333333.33333325, 1e23, 2 ** 53 + 1),
  fc.integer(),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    extremeDouble,
    text,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(text, tie("value"), { maxKeys: 6 }),
  ),
}));

describe("canonicalize vs the canonicalize npm package (differential)", () => {
  it("is byte-identical on 10,000 generated documents", () => {
    fc.assert(
      fc.property(value, (doc) => {
        const ours = canonicalize(doc);
        expect(ours).toBe(canonicalizeNpm(doc));
        // The fast path and the exact serializer agree too.
        expect(new ExactSerializer(1000).serialize(doc)).toBe(ours);
      }),
      { numRuns: 10_000, seed: 20261121 },
    );
  });
});
