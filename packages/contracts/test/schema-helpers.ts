import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";

export const repoRoot = join(import.meta.dirname, "../../..");
export const schemasDir = join(repoRoot, "schemas");

export interface LoadedSchema {
  file: string;
  schema: Record<string, unknown>;
}

export function loadSchemas(): LoadedSchema[] {
  return readdirSync(schemasDir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(readFileSync(join(schemasDir, file), "utf8")) as Record<string, unknown> }));
}

/** Strict Ajv with every schema added, so cross-file `$ref`s resolve by `$id`. */
export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true });
  for (const { schema } of loadSchemas()) ajv.addSchema(schema);
  return ajv;
}

/** Every sub-schema with its JSON Pointer, depth first. */
export function* subschemas(node: unknown, pointer = ""): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* subschemas(node[i], `${pointer}/${i}`);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const obj = node as Record<string, unknown>;
  yield [pointer, obj];
  for (const key of ["$defs", "properties", "patternProperties", "dependentSchemas"]) {
    const map = obj[key];
    if (map && typeof map === "object") {
      for (const [k, v] of Object.entries(map)) yield* subschemas(v, `${pointer}/${key}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    }
  }
  for (const key of ["items", "additionalProperties", "unevaluatedProperties", "not", "if", "then", "else", "contains", "propertyNames"]) {
    if (obj[key] && typeof obj[key] === "object") yield* subschemas(obj[key], `${pointer}/${key}`);
  }
  for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
    if (Array.isArray(obj[key])) yield* subschemas(obj[key], `${pointer}/${key}`);
  }
}
