import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pruneCombinators, type SchemaError } from "../src/validation/schema-issues.js";

/** The original pruning (compares every combinator error with every error): the reference. */
function referencePrune(errors: readonly SchemaError[]): SchemaError[] {
  const drop = new Set<SchemaError>();
  for (const combinator of errors) {
    if (combinator.keyword !== "anyOf" && combinator.keyword !== "oneOf") continue;
    const prefix = combinator.schemaPath + "/";
    const branch = errors.filter((e) => e !== combinator && e.schemaPath.startsWith(prefix));
    const typeOnly = branch.filter((e) => e.keyword === "type" && e.instancePath === combinator.instancePath);
    const informative = branch.filter((e) => !typeOnly.includes(e));
    if (informative.length > 0) typeOnly.forEach((e) => drop.add(e));
    else if (typeOnly.length > 1) typeOnly.slice(1).forEach((e) => drop.add(e));
    if (branch.length > 0 && branch.some((e) => !drop.has(e))) drop.add(combinator);
  }
  for (const e of errors) {
    if (e.keyword === "propertyNames") errors.filter((x) => x !== e && x.propertyName === e.params.propertyName).forEach((x) => drop.add(x));
  }
  return errors.filter((e) => !drop.has(e));
}

const schemaPath = fc.constantFrom("#/anyOf", "#/anyOf/0/type", "#/anyOf/1/required", "#/anyOf/1/oneOf", "#/anyOf/1/oneOf/0/type", "#/oneOf", "#/oneOf/2/pattern", "#/type", "#/propertyNames");
const error: fc.Arbitrary<SchemaError> = fc.record({
  keyword: fc.constantFrom("anyOf", "oneOf", "type", "required", "pattern", "propertyNames"),
  instancePath: fc.constantFrom("", "/a", "/a/0", "/b"),
  schemaPath,
  params: fc.record({ propertyName: fc.option(fc.constantFrom("x", "y"), { nil: undefined }) }),
  propertyName: fc.option(fc.constantFrom("x", "y"), { nil: undefined }),
});

describe("pruneCombinators", () => {
  it("keeps exactly the errors the original quadratic pruning kept", () => {
    fc.assert(
      fc.property(fc.array(error, { maxLength: 40 }), (errors) => {
        expect(pruneCombinators(errors)).toEqual(referencePrune(errors));
      }),
      { numRuns: 2000, seed: 21 },
    );
  });

  // 100,000 bad payloads of a trace give 100,000 oneOf errors of one schema path (and 100,000
  // bad model case names as many propertyNames errors): the original took hours on them.
  const manyErrors = (n: number): SchemaError[] =>
    Array.from({ length: n }, (_, i): SchemaError[] => [
      { keyword: "type", instancePath: `/events/${i}/payload`, schemaPath: "#/oneOf/0/type", params: {} },
      { keyword: "oneOf", instancePath: `/events/${i}/payload`, schemaPath: "#/oneOf", params: {} },
      { keyword: "pattern", instancePath: "/modelCases", schemaPath: "#/propertyNames/pattern", params: {}, propertyName: `bad ${i}` },
      { keyword: "propertyNames", instancePath: "/modelCases", schemaPath: "#/propertyNames", params: { propertyName: `bad ${i}` } },
    ]).flat();

  it("agrees with the original on many errors of one schema path", () => {
    const errors = manyErrors(1_000);
    expect(pruneCombinators(errors)).toEqual(referencePrune(errors));
  });

  it("is linear: 400,000 errors of a few schema paths in a bounded time", () => {
    const errors = manyErrors(100_000);
    const started = performance.now();
    pruneCombinators(errors);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
