/**
 * The words of schema issues: the wrong value is shown, a likely intended member or value is
 * named, and Ajv's own English never reaches the user.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choiceHint, closestName, editDistance } from "../src/validation/closest-name.js";
import { schemaIssues, type SchemaError } from "../src/validation/schema-issues.js";

const error = (keyword: string, instancePath: string, params: Record<string, unknown>, schemaPath = `#/${keyword}`): SchemaError => ({ keyword, instancePath, schemaPath, params, message: "must NOT be Ajv's words" });
const lines = (errors: SchemaError[], document: unknown) => schemaIssues(errors, document).map((i) => `${i.pointer}: ${i.code}: ${i.message}`);

describe("closestName", () => {
  it("finds a typo, another case and another separator; nothing far off", () => {
    const names = ["skillKey", "taskConfiguration", "parameters", "aiTask", "local"];
    expect(closestName("skilKey", names)).toBe("skillKey");
    expect(closestName("skillkey", names)).toBe("skillKey");
    expect(closestName("ai-task", names)).toBe("aiTask");
    expect(closestName("parameter", names)).toBe("parameters");
    expect(closestName("skillKye", names)).toBe("skillKey");
    expect(closestName("expr", ["expression"])).toBeUndefined();
    expect(closestName("foo", names)).toBeUndefined();
    // A name is never its own suggestion.
    expect(closestName("local", names)).toBeUndefined();
  });

  it("editDistance is the optimal-string-alignment distance, capped at its limit", () => {
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          const row = d[i] as number[];
          row[j] = Math.min((d[i - 1] as number[])[j]! + 1, row[j - 1]! + 1, (d[i - 1] as number[])[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, (d[i - 2] as number[])[j - 2]! + 1);
        }
      return (d[a.length] as number[])[b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 7 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(reference(a, b), limit + 1));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe("schema issue messages", () => {
  it("an unknown member names the likely one, not one the object has already, else lists the members", () => {
    const allowedMembers = ["skillKey", "skillKeys", "title"];
    expect(lines([error("additionalProperties", "/p", { additionalProperty: "skilKey", allowedMembers })], { p: { skilKey: 1 } })).toEqual(['/p/skilKey: schema-unknown-member: "skilKey" is not a member this object may have: did you mean "skillKey"?']);
    expect(lines([error("additionalProperties", "/p", { additionalProperty: "skilKey", allowedMembers })], { p: { skilKey: 1, skillKey: "x" } })).toEqual(['/p/skilKey: schema-unknown-member: "skilKey" is not a member this object may have: did you mean "skillKeys"?']);
    expect(lines([error("additionalProperties", "", { additionalProperty: "zzz", allowedMembers })], {})).toEqual(['/zzz: schema-unknown-member: "zzz" is not a member this object may have (its members: "skillKey", "skillKeys", "title")']);
    const many = Array.from({ length: 13 }, (_, i) => `member${i}`);
    expect(lines([error("additionalProperties", "", { additionalProperty: "zzz", allowedMembers: many })], {})).toEqual(['/zzz: schema-unknown-member: "zzz" is not a member this object may have']);
  });

  it("type, enum, const, ranges, lengths and sizes show the value they got", () => {
    const doc = { n: "3", e: "ai-task", c: 0, s: "", l: "abcdef", a: [], o: { x: 1 } };
    expect(
      lines(
        [
          error("type", "/n", { type: "integer" }),
          error("enum", "/e", { allowedValues: ["aiTask", "local"] }),
          error("const", "/e", { allowedValue: "v2" }),
          error("minimum", "/c", { limit: 1, comparison: ">=" }),
          error("exclusiveMaximum", "/c", { limit: 0, comparison: "<" }),
          error("minLength", "/s", { limit: 1 }),
          error("maxLength", "/l", { limit: 4 }),
          error("minItems", "/a", { limit: 1 }),
          error("maxProperties", "/o", { limit: 0 }),
        ],
        doc,
      ),
    ).toEqual([
      '/n: schema-type: expected integer, got the string "3"',
      '/e: schema-enum: expected one of "aiTask", "local", got the string "ai-task": did you mean "aiTask"?',
      '/e: schema-enum: expected "v2", got the string "ai-task"',
      "/c: schema-range: must be at least 1, got 0",
      "/c: schema-range: must be less than 0, got 0",
      "/s: schema-length: must not be empty",
      "/l: schema-length: must have at most 4 characters, has 6",
      "/a: schema-size: must have at least 1 item, has 0",
      "/o: schema-size: must have at most 0 members, has 1",
    ]);
  });

  it("a pattern of the common schema is said in words; another is shown as it is", () => {
    expect(lines([error("pattern", "/r", { pattern: "^x$" }, "common.v1.schema.json#/$defs/SemVer/pattern")], { r: "1.0" })).toEqual(['/r: schema-pattern: the string "1.0" is not a valid SemVer: expected a semantic version MAJOR.MINOR.PATCH, such as "1.0.0" or "2.1.0-rc.1"']);
    expect(lines([error("pattern", "/r", { pattern: "^x$" })], { r: "y" })).toEqual(['/r: schema-pattern: the string "y" does not match the pattern ^x$']);
  });

  it("what another issue at the same place says already is not said again", () => {
    const missingTag = [error("required", "/n", { missingProperty: "type" }), error("discriminator", "/n", { error: "tag", tag: "type" })];
    expect(lines(missingTag, { n: {} })).toEqual(['/n/type: schema-required: the member "type" is required here']);
    const wrongTag = [error("type", "/n/type", { type: "string" }), error("discriminator", "/n", { error: "tag", tag: "type" })];
    expect(lines(wrongTag, { n: { type: 3 } })).toEqual(["/n/type: schema-type: expected string, got the number 3"]);
    const empty = [error("minLength", "/s", { limit: 1 }), error("pattern", "/s", { pattern: "^x$" })];
    expect(lines(empty, { s: "" })).toEqual(["/s: schema-length: must not be empty"]);
    // A tag that is there and a string is still reported when its value names no variant.
    expect(lines([error("discriminator", "/n", { error: "mapping", tag: "type", tagValue: "finaliser" })], { n: { type: "finaliser" } })).toEqual(['/n/type: schema-discriminator: unknown type "finaliser"']);
    // With the values the codegen adds (nameAllowedTags): listed, and the one probably meant.
    expect(lines([error("discriminator", "/n", { error: "mapping", tag: "type", tagValue: "finaliser", allowedValues: ["task", "finalizer"] })], { n: { type: "finaliser" } })).toEqual([
      '/n/type: schema-discriminator: unknown type: expected one of "task", "finalizer", got the string "finaliser": did you mean "finalizer"?',
    ]);
  });
});

describe("choiceHint", () => {
  const what = { one: "graph model case", many: "graph model cases" };
  it("suggests the choice meant, else lists the choices (at most 12), names the only one, or says there are none", () => {
    expect(choiceHint("Defualt", ["default", "fast"], what)).toBe(': did you mean "default"?');
    expect(choiceHint("zzz", ["default", "fast"], what)).toBe('; the graph model cases are "default", "fast"');
    expect(choiceHint("zzz", ["default"], what)).toBe('; the only graph model case is "default"');
    expect(choiceHint("zzz", [], what)).toBe("; there are no graph model cases");
    expect(choiceHint("zzz", Array.from({ length: 13 }, (_, i) => `case-${i}`), what)).toBe("; there are 13 graph model cases");
  });
});
