/**
 * Ajv standalone validators, compiled from `schemas/` at codegen time and committed, so that
 * importing a format package compiles no schema (DESIGN §7). Each entry names the package that
 * owns a validator module and the schema `$id` behind each exported function.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import AjvDraft07 from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import type { SchemaFile } from "./codegen.js";

export interface ValidatorModule {
  /** Folder under `packages/`. */
  readonly package: string;
  /** Module name under `src/generated/`, without extension. */
  readonly module: string;
  /**
   * Exported function name → schema: a file of `schemas/` (its `$id` is the file name under
   * SCHEMA_ID_BASE), or, for `external` modules, the upstream schema's `$id`.
   */
  readonly exports: Readonly<Record<string, string>>;
  /** Third-party draft-07 schemas vendored in the repository (folder relative to the repo root). */
  readonly external?: { readonly dir: string };
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
    module: "mplp-validators",
    external: { dir: "packages/plan-graph/mplp/schemas/v2" },
    exports: {
      validateMplpPlanSchema: "https://schemas.mplp.dev/v1.0/mplp-plan.schema.json",
      validateMplpConfirmSchema: "https://schemas.mplp.dev/v1.0/mplp-confirm.schema.json",
      validateMplpTraceSchema: "https://schemas.mplp.dev/v1.0/mplp-trace.schema.json",
      validateMplpContextSchema: "https://schemas.mplp.dev/v1.0/mplp-context.schema.json",
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
  {
    package: "trace-format",
    module: "schema-validators",
    exports: {
      validateTraceSchema: "execution-trace.v1.schema.json",
      // One row of ground_truth.jsonl: a definition of the plan graph schema.
      validateGroundTruthRowSchema: "plan-graph.v1.schema.json#/$defs/GroundTruthRow",
    },
  },
];

export const ID_BASE = "https://schemas.graphenix.dev/";

/** The Ajv options every Graphenix validator is compiled with. */
export function createAjv(files: readonly SchemaFile[]): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    discriminator: true,
    // A member is the object's own (DESIGN: inherited members are never read as document content):
    // Ajv's default reads \`data.name\` and walks members with for…in, which see Object.prototype.
    ownProperties: true,
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

// RFC 3339 date-time, inlined into the generated code as a regular expression (no runtime import
// of ajv-formats, and a function format would need one). The date part holds only real dates:
// 30-day months stop at 30, February at 28, and February 29th needs a leap year of the proleptic
// Gregorian calendar (divisible by 4, centuries only by 400; 0000 is one). A test holds it to a
// calendar computation on every day of four centuries.
const DAY = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))";
const LEAP_YEAR = "(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
export const DATE_TIME = new RegExp(
  `^(?:\\d{4}-${DAY}|${LEAP_YEAR}-02-29)[Tt]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`,
);

/**
 * Ajv for vendored third-party draft-07 schemas (MPLP): not strict (they are not ours to
 * change), formats they use implemented inline.
 */
function createExternalAjv(dir: string): InstanceType<typeof AjvDraft07> {
  const Ajv = ((AjvDraft07 as unknown as { default?: typeof AjvDraft07 }).default ?? AjvDraft07) as typeof AjvDraft07;
  const ajv = new Ajv({ strict: false, allErrors: true, ownProperties: true, unicode: false, logger: false, code: { source: true, esm: true, lines: false, optimize: true } });
  ajv.addFormat("date-time", DATE_TIME);
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith(".schema.json") ? [join(d, f)] : []));
  for (const file of walk(dir).sort()) ajv.addSchema(JSON.parse(readFileSync(file, "utf8")) as object);
  return ajv;
}

// Ajv (allErrors) collects a sub-validator's errors with `vErrors = vErrors.concat(sub.errors)`:
// a new array per failing item, so an array of n bad items costs O(n²) (an edge list of 100,000
// numbers took minutes). The rewrite appends in place, in a fresh array: linear, same errors.
const CONCAT_ERRORS = /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\);/g;

/** The standalone code with every quadratic error concatenation made an in-place append. */
export function appendErrorsInPlace(code: string): string {
  const out = code.replace(CONCAT_ERRORS, (_, sub: string) => `{const gxSub = ${sub}.errors;if(vErrors === null){vErrors = [];}for(let gxI = 0; gxI < gxSub.length; gxI++){vErrors.push(gxSub[gxI]);}}`);
  if (/vErrors\.concat\(/.test(out)) throw new Error("Ajv's standalone code concatenates errors in a form the codegen does not rewrite: update CONCAT_ERRORS");
  return out;
}

// Ajv reports a member an object may not have without saying which members it may have. Its
// standalone code tests each member name against them just before, in the loop that reports it:
// either `key === "a" || key === "b"…` or, for many members, a look-up in the schema's
// `properties`. The rewrite puts that list into the error's params (`allowedMembers`), so the
// issue can name the member that was probably meant.
const UNKNOWN_MEMBER = /(for\(const (key\d+) of Object\.keys\(data\d*\)\))\{if\(!\(([^{}]*?)\)\)\{const (err\d+) = \{instancePath([^{}]*?)keyword:"additionalProperties",params:\{additionalProperty: ?\2\}/g;

/** A JavaScript string literal in double quotes, as Ajv writes member names (regex source). */
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;

/** The standalone code with the allowed member names added to every unknown-member error. */
export function nameAllowedMembers(code: string): string {
  let rewritten = 0;
  const out = code.replace(UNKNOWN_MEMBER, (_whole: string, loop: string, key: string, test: string, err: string, middle: string) => {
    const names = [...test.matchAll(new RegExp(`${key} === (${QUOTED})`, "g"))].map((m) => m[1] as string);
    const lookup = new RegExp(`^func\\d+\\.call\\((schema\\d+)\\.properties, ${key}\\)$`).exec(test);
    const onlyNames = test.replace(new RegExp(`\\(*${key} === ${QUOTED}\\)*`, "g"), "").replace(/ \|\| /g, "") === "";
    let allowed: string;
    if (lookup) allowed = `Object.keys(${lookup[1] as string}.properties)`;
    else if (onlyNames && names.length > 0) allowed = `[${names.join(",")}]`;
    else throw new Error(`Ajv's standalone code tests member names in a form the codegen does not read: ${test.slice(0, 120)}`);
    rewritten++;
    return `${loop}{if(!(${test})){const ${err} = {instancePath${middle}keyword:"additionalProperties",params:{additionalProperty:${key},allowedMembers:${allowed}}`;
  });
  const total = (code.match(/keyword:"additionalProperties"/g) ?? []).length;
  if (rewritten !== total) throw new Error(`${total - rewritten} of Ajv's unknown-member errors are in a form the codegen does not rewrite: update UNKNOWN_MEMBER`);
  return out;
}

// Ajv's error for a discriminator value that names no branch does not say which values do. Its
// standalone code picks the branch with `if(tagN === "a"){…}else if(tagN === "b"){…}else {…error…}`
// after `const tagN = data.<tag>;`: the rewrite puts those values into the error's params
// (`allowedValues`), so the issue can list them and name the one probably meant.
const UNKNOWN_TAG = new RegExp(String.raw`params:\{error: "mapping", tag: (${QUOTED}), tagValue: (tag\d+)\}`, "g");

/** The standalone code with the allowed values added to every unknown-discriminator error. */
export function nameAllowedTags(code: string): string {
  let rewritten = 0;
  const out = code.replace(UNKNOWN_TAG, (_whole: string, tag: string, variable: string, offset: number) => {
    const start = code.lastIndexOf(`const ${variable} = `, offset);
    const values = start < 0 ? [] : [...new Set([...code.slice(start, offset).matchAll(new RegExp(`${variable} === (${QUOTED})`, "g"))].map((m) => m[1] as string))];
    if (values.length === 0) throw new Error(`Ajv's standalone code picks a discriminator's branch in a form the codegen does not read (${tag})`);
    rewritten++;
    return `params:{error: "mapping", tag: ${tag}, tagValue: ${variable}, allowedValues: [${values.join(",")}]}`;
  });
  const total = (code.match(/params:\{error: "mapping"/g) ?? []).length;
  if (rewritten !== total) throw new Error(`${total - rewritten} of Ajv's discriminator errors are in a form the codegen does not rewrite: update UNKNOWN_TAG`);
  return out;
}

/** The JavaScript module and its declaration file for one entry. */
export function generateValidatorModule(entry: ValidatorModule, files: readonly SchemaFile[], banner: string, repoRoot: string): { js: string; dts: string } {
  const refs: Record<string, string> = {};
  for (const [name, file] of Object.entries(entry.exports)) {
    // `file` or `file#/$defs/Name` (one definition of a schema).
    if (!entry.external && !files.some((f) => f.file === file.split("#")[0])) throw new Error(`validator ${name}: no schema ${file}`);
    refs[name] = entry.external ? file : ID_BASE + file;
  }
  const ajv = entry.external ? createExternalAjv(resolve(repoRoot, entry.external.dir)) : createAjv(files);
  const code = nameAllowedTags(nameAllowedMembers(appendErrorsInPlace(toStandalone(ajv as unknown as Ajv2020, refs))));
  if (/\brequire\(|^import /m.test(code)) throw new Error(`validator module ${entry.module} imports at run time; the generated code must be self-contained`);
  const names = Object.keys(entry.exports).sort();
  const js = `${banner}\n/* eslint-disable */\n${code}\n`;
  const dts = [
    banner,
    "",
    'import type { SchemaValidator } from "@graphenix/core";',
    "",
    ...names.map((n) => `/** Ajv standalone validator for \`${entry.external ? entry.exports[n] : `schemas/${entry.exports[n]}`}\`. */\nexport declare const ${n}: SchemaValidator;`),
    "",
  ].join("\n");
  return { js, dts };
}
