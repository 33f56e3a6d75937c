/**
 * Ajv standalone validators, compiled from `schemas/` at codegen time and committed, so that
 * importing a format package compiles no schema (DESIGN §7). Each entry names the package that
 * owns a validator module and the schema `$id` behind each exported function.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import type { SchemaFile } from "./codegen.js";

export interface ValidatorModule {
  /** Folder under `packages/`. */
  readonly package: string;
  /** Module name under `src/generated/`, without extension. */
  readonly module: string;
  /** Exported function name → schema file (its `$id` is the file name under SCHEMA_ID_BASE). */
  readonly exports: Readonly<Record<string, string>>;
}

export const VALIDATOR_MODULES: readonly ValidatorModule[] = [
  {
    package: "authoring-format",
    module: "schema-validators",
    exports: {
      validateAuthoringGraphSchema: "authoring-graph.v1.schema.json",
      validateRuntimeObjectSchema: "runtime-object.v1.schema.json",
      validateNormalizedGraphSchema: "normalized-graph.v1.schema.json",
    },
  },
  {
    package: "plan-format",
    module: "schema-validators",
    exports: {
      validateExecutablePlanV1Schema: "executable-plan.v1.schema.json",
      validateExecutablePlanV2Schema: "executable-plan.v2.schema.json",
    },
  },
  {
    package: "plan-graph",
    module: "schema-validators",
    exports: {
      validateScenarioPlanSchema: "scenario-plan.v1.schema.json",
      validateLabInventorySchema: "lab-inventory.v1.schema.json",
      validatePlanGraphSchema: "plan-graph.v1.schema.json",
      validateExpansionManifestSchema: "expansion-manifest.v1.schema.json",
    },
  },
];

const ID_BASE = "https://schemas.graphenix.dev/";

/** The Ajv options every Graphenix validator is compiled with. */
export function createAjv(files: readonly SchemaFile[]): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    discriminator: true,
    // String lengths in UTF-16 code units, as JavaScript counts them: no runtime helper import.
    unicode: false,
    logger: false,
    code: { source: true, esm: true, lines: false, optimize: true },
  });
  for (const file of files) ajv.addSchema(file.schema);
  return ajv;
}

type Standalone = (ajv: Ajv2020, refs: Record<string, string>) => string;
const toStandalone = ((standaloneCode as unknown as { default?: Standalone }).default ?? standaloneCode) as Standalone;

/** The JavaScript module and its declaration file for one entry. */
export function generateValidatorModule(entry: ValidatorModule, files: readonly SchemaFile[], banner: string): { js: string; dts: string } {
  const refs: Record<string, string> = {};
  for (const [name, file] of Object.entries(entry.exports)) {
    if (!files.some((f) => f.file === file)) throw new Error(`validator ${name}: no schema ${file}`);
    refs[name] = ID_BASE + file;
  }
  const code = toStandalone(createAjv(files), refs);
  if (/\brequire\(|^import /m.test(code)) throw new Error(`validator module ${entry.module} imports at run time; the generated code must be self-contained`);
  const names = Object.keys(entry.exports).sort();
  const js = `${banner}\n/* eslint-disable */\n${code}\n`;
  const dts = [
    banner,
    "",
    'import type { SchemaValidator } from "@graphenix/core";',
    "",
    ...names.map((n) => `/** Ajv standalone validator for \`schemas/${entry.exports[n]}\`. */\nexport declare const ${n}: SchemaValidator;`),
    "",
  ].join("\n");
  return { js, dts };
}
