import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_IDS, SCHEMA_ID_BASE } from "@graphenix/contracts";
import { loadSchemas, repoRoot, strictAjv, subschemas } from "./schema-helpers.js";

const schemas = loadSchemas();
const fixturesDir = join(import.meta.dirname, "schema-fixtures");
const MATRIX = ["example", "only-required", "missing-required", "extended", "wrongly-extended"] as const;
const VALID = new Set(["example", "only-required", "extended"]);

describe("schemas/ meta-validation", () => {
  it("finds the schemas", () => expect(schemas.length).toBeGreaterThan(0));

  for (const { file, schema } of schemas) {
    describe(file, () => {
      it("is a strict-Ajv-valid JSON Schema 2020-12 document", () => {
        const ajv = strictAjv();
        expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
        expect(ajv.validateSchema(schema)).toBe(true);
        expect(() => ajv.compile({ $ref: schema.$id as string })).not.toThrow();
      });

      it("has an absolute $id that matches its file name", () => {
        expect(file, "file names are <name>.v<major>.schema.json").toMatch(/^[a-z][a-z0-9-]*\.v[1-9][0-9]*\.schema\.json$/);
        // Flat ids, so relative `$ref`s between files resolve the same on disk and by URL.
        expect(schema.$id).toBe(`${SCHEMA_ID_BASE}${file}`);
      });

      it("names every $defs entry with an identical title, and every object says what else it allows", () => {
        const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
        for (const [name, def] of Object.entries(defs)) {
          expect(def.title, `$defs/${name}`).toBe(name);
          // PascalCase, so json-schema-to-typescript keeps the name as it is.
          expect(name, `$defs/${name}`).toMatch(/^[A-Z][A-Za-z0-9]*$/);
        }
        for (const [pointer, sub] of subschemas(schema)) {
          // Composition wrappers (a discriminated oneOf) and references are closed by their targets.
          if (sub.type === "object" && !sub.oneOf && !sub.anyOf && !sub.allOf && !sub.$ref) {
            expect("additionalProperties" in sub || "unevaluatedProperties" in sub, `${file}#${pointer}`).toBe(true);
          }
        }
      });
    });
  }

  it("uses each type title once across all schemas", () => {
    const seen = new Map<string, string>();
    for (const { file, schema } of schemas) {
      for (const [pointer, sub] of subschemas(schema)) {
        if (typeof sub.title !== "string") continue;
        const where = `${file}#${pointer}`;
        expect(seen.get(sub.title), `title ${sub.title} at ${where}`).toBeUndefined();
        seen.set(sub.title, where);
      }
    }
  });
});

describe("schema fixture matrix", () => {
  const byModule = new Map(schemas.map((s) => [s.file.replace(/\.schema\.json$/, "").replace(/\./g, "-"), s]));

  it("has a fixture folder for every schema and no orphaned folders", () => {
    expect(readdirSync(fixturesDir).sort()).toEqual([...byModule.keys()].sort());
  });

  for (const [module, { schema }] of byModule) {
    const moduleDir = join(fixturesDir, module);
    if (!existsSync(moduleDir)) continue;
    for (const target of readdirSync(moduleDir).sort()) {
      it(`${module}/${target}: all five cases, with the expected verdicts`, () => {
        const ajv = strictAjv();
        const ref = target === "root" ? (schema.$id as string) : `${schema.$id as string}#/$defs/${target}`;
        const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
        const files = readdirSync(join(moduleDir, target)).sort();
        expect(files).toEqual([...MATRIX].map((c) => `${c}.json`).sort());
        for (const name of MATRIX) {
          const doc: unknown = JSON.parse(readFileSync(join(moduleDir, target, `${name}.json`), "utf8"));
          expect(validate(doc), `${module}/${target}/${name}: ${JSON.stringify(validate.errors)}`).toBe(VALID.has(name));
        }
      });
    }
  }
});

describe("format ids", () => {
  it("FORMAT_IDS is exactly the FormatId enum of the common schema", () => {
    const common = schemas.find((s) => s.file === "common.v1.schema.json")!.schema as { $defs: { FormatId: { enum: string[] } } };
    expect([...FORMAT_IDS]).toEqual(common.$defs.FormatId.enum);
  });
});

describe("@graphenix/contracts package", () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "packages/contracts/package.json"), "utf8")) as {
    exports: Record<string, unknown>;
  };
  it("exports every schema as a JSON subpath, byte-identical to schemas/", () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k.endsWith(".schema.json"));
    expect(subpaths.sort()).toEqual(schemas.map((s) => `./schemas/${s.file}`).sort());
    for (const { file } of schemas) {
      const copy = readFileSync(join(repoRoot, "packages/contracts/schemas", file));
      expect(copy.equals(readFileSync(join(repoRoot, "schemas", file))), file).toBe(true);
    }
  });
});
