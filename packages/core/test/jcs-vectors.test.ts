import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalBytes, canonicalize } from "@graphenix/core";

// RFC 8785 test vectors from cyberphone/json-canonicalization (see fixtures/jcs/README.md).
const jcsDir = join(import.meta.dirname, "fixtures/jcs");
const names = readdirSync(join(jcsDir, "input")).filter((f) => f.endsWith(".json")).sort();

describe("RFC 8785 vectors (shared/fixtures/jcs)", () => {
  it("has the six vector sets", () => {
    expect(names).toEqual(["arrays.json", "french.json", "structures.json", "unicode.json", "values.json", "weird.json"]);
  });

  for (const name of names) {
    it(`${name}: byte-exact canonical output`, () => {
      const input: unknown = JSON.parse(readFileSync(join(jcsDir, "input", name), "utf8"));
      const expected = readFileSync(join(jcsDir, "output", name));
      expect(Buffer.from(canonicalBytes(input)).equals(expected)).toBe(true);
      expect(canonicalize(input)).toBe(expected.toString("utf8"));
    });
  }
});

// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical JSON numbers (finite samples).
const APPENDIX_B: [string, string][] = [
  ["0000000000000000", "0"],
  ["8000000000000000", "0"],
  ["0000000000000001", "5e-324"],
  ["8000000000000001", "-5e-324"],
  ["7fefffffffffffff", "1.7976931348623157e+308"],
  ["ffefffffffffffff", "-1.7976931348623157e+308"],
  ["4340000000000000", "9007199254740992"],
  ["c340000000000000", "-9007199254740992"],
  ["4430000000000000", "295147905179352830000"],
  ["44b52d02c7e14af5", "9.999999999999997e+22"],
  ["44b52d02c7e14af6", "1e+23"],
  ["44b52d02c7e14af7", "1.0000000000000001e+23"],
  ["444b1ae4d6e2ef4e", "999999999999999700000"],
  ["444b1ae4d6e2ef4f", "999999999999999900000"],
  ["444b1ae4d6e2ef50", "1e+21"],
  ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
  ["3eb0c6f7a0b5ed8d", "0.000001"],
  ["41b3de4355555553", "333333333.3333332"],
  ["41b3de4355555554", "333333333.33333325"],
  ["41b3de4355555555", "333333333.3333333"],
  ["41b3de4355555556", "333333333.3333334"],
  ["41b3de4355555557", "333333333.33333343"],
  ["becbf647612f3696", "-0.0000033333333333333333"],
  ["43143ff3c1cb0959", "1424953923781206.2"],
];

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe("RFC 8785 Appendix B number samples", () => {
  it("lists the 24 finite samples", () => expect(APPENDIX_B).toHaveLength(24));
  for (const [bits, expected] of APPENDIX_B) {
    it(`${bits} → ${expected}`, () => {
      const n = fromBits(bits);
      expect(canonicalize(n)).toBe(expected);
      // The same number as a member value and inside an array takes the same form.
      expect(canonicalize({ n, a: [n] })).toBe(`{"a":[${expected}],"n":${expected}}`);
    });
  }
  it("rejects the NaN and Infinity patterns of the table", () => {
    expect(() => canonicalize(fromBits("7fffffffffffffff"))).toThrow(/jcs-non-finite-number/);
    expect(() => canonicalize(fromBits("7ff0000000000000"))).toThrow(/jcs-non-finite-number/);
  });
});
