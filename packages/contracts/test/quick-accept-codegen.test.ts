/**
 * The quick-accept generator (docs/quick-accept.md) refuses what it cannot check exactly: an
 * unsupported keyword, a type-specific keyword without its type, a oneOf it cannot prove
 * exclusive. A generated check that silently ignored one of them could accept what Ajv rejects.
 */
import { describe, expect, it } from "vitest";
import type { SchemaFile } from "../scripts/codegen.js";
import { generateQuickAcceptModule } from "../scripts/quick-accept.js";

function generate(schema: Record<string, unknown>): string {
  const file: SchemaFile = { file: "toy.v1.schema.json", module: "toy-v1", text: JSON.stringify(schema), schema: { $id: "https://schemas.graphenix.dev/toy.v1.schema.json", ...schema } };
  return generateQuickAcceptModule({ package: "toy", module: "quick-accept", exports: { acceptToy: file.file } }, [file], "/* banner */").js;
}

const branch = (kind: string, extra: Record<string, unknown> = {}) => ({ type: "object", required: ["kind"], additionalProperties: false, properties: { kind: { const: kind }, ...extra } });

describe("quick-accept codegen", () => {
  it("generates a check for the supported subset, trusting the listed names and constants", () => {
    const js = generate({ type: "object", required: ["a"], additionalProperties: false, properties: { a: { enum: ["x", "y"] }, b: { type: "string", maxLength: 3 }, c: { oneOf: [branch("p"), branch("q")] } } });
    expect(js).toContain("export function acceptToy(value, context)");
    expect(js).toMatch(/"names": \[\s*"a",\s*"b",\s*"c",\s*"kind"\s*\]/);
    expect(js).toMatch(/"literals": \[\s*"p",\s*"q",\s*"x",\s*"y"\s*\]/);
  });

  it("refuses an unsupported keyword", () => {
    expect(() => generate({ type: "object", if: { required: ["a"] }, then: { required: ["b"] } })).toThrow(/keyword if is not supported/);
    expect(() => generate({ type: "string", format: "date-time" })).toThrow(/keyword format is not supported/);
    expect(() => generate({ type: "object", patternProperties: { "^x": {} } })).toThrow(/keyword patternProperties is not supported/);
  });

  it("refuses a type-specific keyword without its type, and several types", () => {
    expect(() => generate({ minLength: 1 })).toThrow(/minLength needs type string/);
    expect(() => generate({ type: ["string", "null"] })).toThrow(/single type/);
    expect(() => generate({ type: "object", additionalProperties: { type: "string" } })).toThrow(/boolean additionalProperties/);
  });

  it("refuses a oneOf whose branches it cannot prove exclusive", () => {
    expect(() => generate({ oneOf: [{ type: "string" }, { type: "string", maxLength: 2 }] })).toThrow(/cannot prove oneOf branches 0 and 1 exclusive/);
    expect(() => generate({ oneOf: [branch("p"), branch("p")] })).toThrow(/exclusive/);
    expect(() => generate({ oneOf: [{ type: "string" }, { type: "integer" }] })).not.toThrow();
  });
});
