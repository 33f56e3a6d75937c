/**
 * The quick-accept generator (docs/quick-accept.md) refuses what it cannot check exactly: an
 * unsupported keyword, a type-specific keyword without its type, a oneOf it cannot prove
 * exclusive. A generated check that silently ignored one of them could accept what Ajv rejects.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { SchemaFile } from "../scripts/codegen.js";
import { generateQuickAcceptModule } from "../scripts/quick-accept.js";
import { createAjv } from "../scripts/validators.js";
import { tempDir } from "../../../tests/temp-dir.js";

const toyFile = (schema: Record<string, unknown>): SchemaFile => ({ file: "toy.v1.schema.json", module: "toy-v1", text: JSON.stringify(schema), schema: { $id: "https://schemas.graphenix.dev/toy.v1.schema.json", ...schema } });

function generate(schema: Record<string, unknown>): string {
  return generateQuickAcceptModule({ package: "toy", module: "quick-accept", exports: { acceptToy: "toy.v1.schema.json" } }, [toyFile(schema)], "/* banner */").js;
}

/** The generated check, run with a context that calls every value clean: what is left is the schema's verdict. */
async function generatedCheck(schema: Record<string, unknown>): Promise<(value: unknown) => boolean> {
  const path = join(tempDir("quick-accept-"), "toy.mjs");
  writeFileSync(path, generate(schema));
  const module = (await import(pathToFileURL(path).href)) as { acceptToy: (value: unknown, context: unknown) => boolean };
  const clean = { enter: () => true, str: () => true, any: () => true, name: () => true, member: () => true };
  return (value) => module.acceptToy(value, clean);
}

const branch = (kind: string, extra: Record<string, unknown> = {}) => ({ type: "object", required: ["kind"], additionalProperties: false, properties: { kind: { const: kind }, ...extra } });

describe("quick-accept codegen", () => {
  it("generates a check for the supported subset, trusting the listed names and constants", () => {
    const js = generate({ type: "object", required: ["a"], additionalProperties: false, properties: { a: { enum: ["x", "y"] }, b: { type: "string", maxLength: 3 }, c: { oneOf: [branch("p"), branch("q")] } } });
    expect(js).toContain("export function acceptToy(value, context)");
    expect(js).toMatch(/"names": \[\s*"a",\s*"b",\s*"c",\s*"kind"\s*\]/);
    expect(js).toMatch(/"literals": \[\s*"p",\s*"q",\s*"x",\s*"y"\s*\]/);
  });

  it("a member name with a line terminator stays inside the comment that names the schema location", async () => {
    const schema = { type: "object", additionalProperties: false, properties: { "a\nb": { type: "object", properties: {} }, "c\u2028globalThis.gxPwned=1": { type: "object", properties: {} } } };
    const check = await generatedCheck(schema);
    expect((globalThis as { gxPwned?: unknown }).gxPwned).toBeUndefined();
    expect(check({ "a\nb": {} })).toBe(true);
    expect(check({ "a\nb": 1 })).toBe(false);
  });

  it("refuses an unsupported keyword", () => {
    expect(() => generate({ type: "object", if: { required: ["a"] }, then: { required: ["b"] } })).toThrow(/keyword if is not supported/);
    expect(() => generate({ type: "string", format: "date-time" })).toThrow(/keyword format is not supported/);
    expect(() => generate({ type: "object", patternProperties: { "^x": {} } })).toThrow(/keyword patternProperties is not supported/);
    expect(() => generate({ type: "object", properties: { a: { $id: "other.json", type: "string" } } })).toThrow(/nested \$id/);
  });

  it("refuses a type-specific keyword without its type, and several types", () => {
    expect(() => generate({ minLength: 1 })).toThrow(/minLength needs type string/);
    expect(() => generate({ type: ["string", "null"] })).toThrow(/single type/);
    expect(() => generate({ type: "object", additionalProperties: 3 })).toThrow(/additionalProperties must be a schema/);
    expect(() => generate({ propertyNames: { pattern: "^a" } })).toThrow(/propertyNames needs type object/);
    expect(() => generate({ minProperties: 1 })).toThrow(/minProperties needs type object/);
  });

  it("never accepts what Ajv refuses when a listed member is inherited or not enumerable", async () => {
    const schema = { type: "object", properties: { toString: { type: "string" }, note: { type: "string" } } };
    const check = await generatedCheck(schema);
    const ajv = createAjv([toyFile(schema)]).getSchema("https://schemas.graphenix.dev/toy.v1.schema.json")!;
    // Ajv reads own members only (ownProperties): an inherited toString is not the object's, an
    // own non-enumerable note is, and 1 is not a string.
    const hidden = Object.defineProperty({}, "note", { value: 1 });
    expect([{}, hidden].map((value) => ajv(value))).toEqual([true, false]);
    // The check declines (false: "don't know") whenever a listed member reads as something its
    // loop did not see, inherited or not (`quickAccept` does not even run it while Object.prototype
    // has a member named like a listed one); where nothing listed is inherited, it decides as Ajv.
    for (const value of [{}, Object.create(null) as object, { toString: "x" }, hidden, { note: "x" }, { note: 1 }]) if (check(value)) expect(ajv(value)).toBe(true);
    const bare = (members: object) => Object.assign(Object.create(null) as object, members);
    for (const value of [bare({}), { toString: "x" }, bare({ note: "x" }), { toString: "x", note: 1 }]) expect(check(value)).toBe(ajv(value));
  });

  it("keeps the keywords of a node that a pure $ref names, even when it has a $ref of its own", async () => {
    const schema = { type: "object", properties: { a: { $ref: "#/$defs/Short" } }, $defs: { Short: { $ref: "#/$defs/Text", type: "string", maxLength: 2 }, Text: { type: "string" } } };
    const check = await generatedCheck(schema);
    const ajv = createAjv([toyFile(schema)]).getSchema("https://schemas.graphenix.dev/toy.v1.schema.json")!;
    for (const value of [{ a: "ab" }, { a: "abc" }, { a: 1 }]) expect(check(value)).toBe(ajv(value));
  });

  it("counts members, checks member names and the values of unlisted members as Ajv does", async () => {
    const schema = {
      type: "object",
      properties: { fixed: { type: "integer" } },
      minProperties: 2,
      maxProperties: 3,
      propertyNames: { $ref: "#/$defs/Name" },
      additionalProperties: { $ref: "#/$defs/Entry" },
      $defs: {
        Name: { type: "string", pattern: "^[a-z]+$", maxLength: 5 },
        Entry: { type: "object", required: ["v"], additionalProperties: false, properties: { v: { type: "string" } } },
        Open: { type: "object", propertyNames: { minLength: 2, type: "string" }, additionalProperties: { type: "string", maxLength: 1 } },
        Complex: { type: "object", propertyNames: { anyOf: [{ type: "string", pattern: "^a" }, { type: "string", pattern: "b$" }] } },
      },
    };
    const ajv = createAjv([toyFile(schema)]);
    const values: unknown[] = [
      {},
      { fixed: 1 },
      { fixed: 1, a: { v: "x" } },
      { fixed: 1.5, a: { v: "x" } },
      { a: { v: "x" }, b: { v: "y" } },
      { a: { v: "x" }, b: { v: 1 } },
      { a: { v: "x" }, b: { v: "y", w: 1 } },
      { a: { v: "x" }, B: { v: "y" } },
      { a: { v: "x" }, toolong: { v: "y" } },
      { a: { v: "x" }, b: { v: "y" }, c: { v: "z" }, d: { v: "w" } },
      { fixed: 2, a: { v: "x" }, b: { v: "y" } },
      Object.defineProperty({ a: { v: "x" } }, "b", { value: { v: "y" } }),
    ];
    const check = await generatedCheck(schema);
    for (const value of values) expect(check(value), JSON.stringify(value)).toBe(ajv.getSchema("https://schemas.graphenix.dev/toy.v1.schema.json")!(value));
    for (const def of ["Open", "Complex"]) {
      const sub = { ...schema, $ref: `#/$defs/${def}`, properties: undefined, minProperties: undefined, maxProperties: undefined, propertyNames: undefined, additionalProperties: undefined };
      const subSchema = JSON.parse(JSON.stringify(sub)) as Record<string, unknown>;
      const subCheck = await generatedCheck(subSchema);
      const subAjv = createAjv([toyFile(subSchema)]).getSchema("https://schemas.graphenix.dev/toy.v1.schema.json")!;
      for (const value of [{}, { ab: "x" }, { a: "x" }, { ab: "xy" }, { ab: 1 }, { xb: "x" }, { ax: 1 }, { zz: 1 }]) expect(subCheck(value), `${def} ${JSON.stringify(value)}`).toBe(subAjv(value));
    }
  });

  it("asks the scan about the name of every unlisted member, once, and not about the names it lists", () => {
    const js = generate({ type: "object", properties: { a: { type: "string" } }, propertyNames: { type: "string", pattern: "^[a-z]+$" }, additionalProperties: { type: "string" } });
    expect(js).toContain("if (!c.name(k)) return false;");
    // The propertyNames pattern is written into the loop without a value question about the name.
    expect(js).not.toContain("c.str(k)");
  });

  it("refuses a oneOf whose branches it cannot prove exclusive", () => {
    expect(() => generate({ oneOf: [{ type: "string" }, { type: "string", maxLength: 2 }] })).toThrow(/cannot prove oneOf branches 0 and 1 exclusive/);
    expect(() => generate({ oneOf: [branch("p"), branch("p")] })).toThrow(/exclusive/);
    expect(() => generate({ oneOf: [{ type: "string" }, { type: "integer" }] })).not.toThrow();
    // Every integer is a number; a constant on a member neither requires separates nothing.
    expect(() => generate({ oneOf: [{ type: "integer" }, { type: "number" }] })).toThrow(/exclusive/);
    const optional = (kind: string) => ({ type: "object", properties: { kind: { const: kind } } });
    expect(() => generate({ oneOf: [optional("a"), optional("b")] })).toThrow(/exclusive/);
  });
});
