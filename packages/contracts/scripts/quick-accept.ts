/**
 * Quick-accept checks (docs/quick-accept.md), generated from `schemas/` at codegen time next to the
 * Ajv validators. A quick accept walks a document once and answers true only when the schema
 * accepts it AND the document scan would report nothing (limits, credentials, non-JSON values);
 * any other answer means "don't know", and the validator then runs its full path (scan, Ajv,
 * coded issues). It replaces two walks by one for the documents that matter most: valid ones.
 *
 * Only a subset of JSON Schema is supported, each keyword with its exact meaning; any other
 * keyword, and a `oneOf` whose branches cannot be proved exclusive, stops codegen with an error
 * rather than generate a check that could accept what Ajv rejects.
 */
import type { SchemaFile } from "./codegen.js";
import { ID_BASE } from "./validators.js";

export interface QuickAcceptModule {
  /** Folder under `packages/`. */
  readonly package: string;
  /** Module name under `src/generated/`, without extension. */
  readonly module: string;
  /** Exported function name → file of `schemas/`. */
  readonly exports: Readonly<Record<string, string>>;
}

export const QUICK_ACCEPT_MODULES: readonly QuickAcceptModule[] = [
  { package: "authoring-format", module: "quick-accept", exports: { acceptAuthoringGraph: "authoring-graph.v1.schema.json", acceptNormalizedGraph: "normalized-graph.v1.schema.json" } },
  { package: "plan-format", module: "quick-accept", exports: { acceptExecutablePlanV1: "executable-plan.v1.schema.json", acceptExecutablePlanV2: "executable-plan.v2.schema.json" } },
  { package: "trace-format", module: "quick-accept", exports: { acceptTrace: "execution-trace.v1.schema.json" } },
];

type Schema = boolean | Record<string, unknown>;

/** Keywords that assert nothing about the value. `discriminator` only selects among `oneOf` branches. */
const ANNOTATIONS = new Set(["title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly", "$schema", "$id", "$defs", "discriminator"]);
/** Keywords that apply to one type only: the node must assert that type, or values of other types would go unchecked. */
const TYPED: Readonly<Record<string, string>> = {
  minLength: "string",
  maxLength: "string",
  pattern: "string",
  minimum: "number",
  maximum: "number",
  exclusiveMinimum: "number",
  exclusiveMaximum: "number",
  properties: "object",
  required: "object",
  additionalProperties: "object",
  propertyNames: "object",
  minProperties: "object",
  maxProperties: "object",
  items: "array",
  minItems: "array",
  maxItems: "array",
};
const SUPPORTED = new Set([...ANNOTATIONS, ...Object.keys(TYPED), "type", "const", "enum", "$ref", "oneOf", "anyOf", "allOf"]);

const isPrimitive = (v: unknown): v is string | number | boolean | null => v === null || ["string", "number", "boolean"].includes(typeof v);

/** A node that only refers to another (`$ref` and annotations): it is that node. */
const isAlias = (node: Schema): node is Record<string, unknown> & { $ref: string } =>
  typeof node === "object" && typeof node.$ref === "string" && Object.keys(node).every((k) => k === "$ref" || ANNOTATIONS.has(k));

/** Where a schema node is: the `$id` of its document and the JSON Pointer inside it. */
interface Site {
  readonly doc: string;
  readonly pointer: string;
}

class Generator {
  private readonly docs = new Map<string, Record<string, unknown>>();
  private readonly names = new Map<string, string>();
  private readonly functions: string[] = [];
  private readonly patterns: string[] = [];
  readonly trustedNames = new Set<string>();
  readonly trustedLiterals = new Set<string>();
  /** Alias nodes being resolved (a cycle of $refs with no keyword in between has no meaning). */
  private readonly aliasing = new Set<string>();

  constructor(files: readonly SchemaFile[]) {
    for (const file of files) this.docs.set(ID_BASE + file.file, file.schema);
  }

  get code(): string {
    return [...this.patterns, ...this.functions].join("\n");
  }

  /** The name of the function checking the node at `site` (generated on first use). */
  fn(site: Site): string {
    const key = `${site.doc}#${site.pointer}`;
    const known = this.names.get(key);
    if (known) return known;
    const node = this.resolve(site);
    if (isAlias(node)) {
      // A node that only refers to another is that node: no function of its own. One hop at a
      // time: the node referred to may add keywords of its own next to a $ref of its own.
      if (this.aliasing.has(key)) throw new Error(`quick accept: ${site.pointer}: $ref cycle with nothing in between`);
      this.aliasing.add(key);
      const alias = this.fn(this.refSite(node.$ref, site));
      this.aliasing.delete(key);
      this.names.set(key, alias);
      return alias;
    }
    const name = `q${this.names.size}`;
    this.names.set(key, name);
    const where = `${site.doc.slice(ID_BASE.length)}#${site.pointer}`;
    // The location is schema text: a line terminator in a member name would end the comment.
    this.functions.push(`// ${where.replace(/[\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\nfunction ${name}(v, d, c) {\n${[...this.checks(node, site, where), "return true;"].map((l) => `  ${l}`).join("\n")}\n}`);
    return name;
  }

  private resolve(site: Site): Schema {
    let node: unknown = this.docs.get(site.doc);
    if (node === undefined) throw new Error(`quick accept: no schema ${site.doc}`);
    for (const token of site.pointer.split("/").slice(1)) {
      node = (node as Record<string, unknown>)[token.replace(/~1/g, "/").replace(/~0/g, "~")];
      if (node === undefined) throw new Error(`quick accept: ${site.doc}#${site.pointer} does not resolve`);
    }
    return node as Schema;
  }

  private child(site: Site, ...tokens: (string | number)[]): Site {
    return { doc: site.doc, pointer: `${site.pointer}/${tokens.map((t) => String(t).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}` };
  }

  private refSite(ref: string, site: Site): Site {
    const url = new URL(ref, site.doc);
    const hash = decodeURIComponent(url.hash.slice(1));
    url.hash = "";
    return { doc: url.href, pointer: hash };
  }

  /** The node at `site`, through nodes that only name another (their keywords are annotations). */
  private unalias(site: Site): { node: Schema; site: Site } {
    let node = this.resolve(site);
    for (let hops = 0; isAlias(node); hops++) {
      if (hops > 32) throw new Error(`quick accept: ${site.pointer}: $ref chain too long`);
      site = this.refSite(node.$ref, site);
      node = this.resolve(site);
    }
    return { node, site };
  }

  /**
   * A chain of `$ref`s followed to the node it ends at, for facts about `oneOf` branches (type,
   * constants, required and allowed members). Keywords next to a `$ref` only narrow what the node
   * accepts, so facts of the node at the end still hold for the branch.
   */
  private deref(site: Site): { node: Schema; site: Site } {
    let node = this.resolve(site);
    for (let hops = 0; typeof node === "object" && typeof node.$ref === "string"; hops++) {
      if (hops > 32) throw new Error(`quick accept: ${site.pointer}: $ref chain too long`);
      site = this.refSite(node.$ref, site);
      node = this.resolve(site);
    }
    return { node, site };
  }

  /**
   * Statements that return false unless the value `x` (at depth `dx`) satisfies `node`. Objects
   * and arrays are only checked in a function of their own, where the value is `v`. For a member
   * name (`name`), the scan's question is asked once by the caller (`c.name`), not per keyword.
   */
  private checks(node: Schema, site: Site, where: string, x = "v", dx = "d", name = false): string[] {
    if (node === true) return name ? [] : [`if (!c.any(${x}, ${dx})) return false;`];
    if (node === false) return ["return false;"];
    for (const key of Object.keys(node)) if (!SUPPORTED.has(key)) throw new Error(`quick accept: ${where}: keyword ${key} is not supported`);
    // A nested $id would change the base of the $refs below it; refs here resolve against the document's.
    if ("$id" in node && site.pointer !== "") throw new Error(`quick accept: ${where}: a nested $id is not supported`);
    const type = node.type;
    if (type !== undefined && typeof type !== "string") throw new Error(`quick accept: ${where}: only a single type is supported`);
    const kind = type === "integer" ? "number" : type;
    for (const [key, needs] of Object.entries(TYPED)) if (key in node && kind !== needs) throw new Error(`quick accept: ${where}: ${key} needs type ${needs} in the same schema`);

    const lines: string[] = [];
    let literal = false;
    if ("const" in node) {
      if (!isPrimitive(node.const)) throw new Error(`quick accept: ${where}: only a primitive const is supported`);
      this.trust(node.const);
      lines.push(`if (${x} !== ${JSON.stringify(node.const)}) return false;`);
      literal = true;
    }
    if ("enum" in node) {
      const values = node.enum as unknown[];
      if (!Array.isArray(values) || !values.every(isPrimitive)) throw new Error(`quick accept: ${where}: only an enum of primitives is supported`);
      values.forEach((value) => this.trust(value));
      lines.push(`switch (${x}) {`, ...values.map((value) => `  case ${JSON.stringify(value)}:`), `    break;`, `  default:`, `    return false;`, `}`);
      literal = true;
    }
    if (typeof node.$ref === "string") lines.push(`if (!${this.fn(this.refSite(node.$ref, site))}(${x}, ${dx}, c)) return false;`);
    if (type !== undefined) lines.push(...this.typed(node, type, literal || name, site, where, x));
    for (const combinator of ["allOf", "anyOf", "oneOf"] as const) {
      const branches = node[combinator];
      if (branches === undefined) continue;
      if (!Array.isArray(branches) || branches.length === 0) throw new Error(`quick accept: ${where}: ${combinator} needs branches`);
      const calls = branches.map((_, i) => `${this.fn(this.child(site, combinator, i))}(${x}, ${dx}, c)`);
      if (combinator === "allOf") for (const call of calls) lines.push(`if (!${call}) return false;`);
      else {
        // Any accepting branch proves anyOf; it proves oneOf only if no other branch can also hold.
        if (combinator === "oneOf") this.proveExclusive(branches.map((_, i) => this.child(site, "oneOf", i)), where);
        lines.push(`if (!(${calls.join(" || ")})) return false;`);
      }
    }
    const covered = type !== undefined || literal || typeof node.$ref === "string" || node.oneOf !== undefined || node.anyOf !== undefined || node.allOf !== undefined;
    // A node that asserts nothing accepts any JSON value: the scan decides whether it is clean.
    if (!covered && !name) lines.push(`if (!c.any(${x}, ${dx})) return false;`);
    return lines;
  }

  /** `pinned`: the string needs no scan question here (a constant, or a name the caller checks). */
  private typed(node: Record<string, unknown>, type: string, pinned: boolean, site: Site, where: string, x: string): string[] {
    const num = (key: string) => {
      const value = node[key];
      if (value !== undefined && typeof value !== "number") throw new Error(`quick accept: ${where}: ${key} must be a number`);
      return value as number | undefined;
    };
    const lines: string[] = [];
    switch (type) {
      case "string": {
        lines.push(`if (typeof ${x} !== "string") return false;`);
        const min = num("minLength");
        const max = num("maxLength");
        if (min !== undefined) lines.push(`if (${x}.length < ${min}) return false;`);
        if (max !== undefined) lines.push(`if (${x}.length > ${max}) return false;`);
        if (node.pattern !== undefined) {
          if (typeof node.pattern !== "string") throw new Error(`quick accept: ${where}: pattern must be a string`);
          const name = `p${this.patterns.length}`;
          // The "u" flag, as Ajv compiles patterns (unicodeRegExp): the same matches.
          this.patterns.push(`const ${name} = new RegExp(${JSON.stringify(node.pattern)}, "u");`);
          lines.push(`if (!${name}.test(${x})) return false;`);
        }
        if (!pinned) lines.push(`if (!c.str(${x})) return false;`);
        return lines;
      }
      case "integer":
      case "number": {
        lines.push(type === "integer" ? `if (typeof ${x} !== "number" || !Number.isInteger(${x})) return false;` : `if (typeof ${x} !== "number" || !Number.isFinite(${x})) return false;`);
        const bounds: [string, string][] = [["minimum", "<"], ["maximum", ">"], ["exclusiveMinimum", "<="], ["exclusiveMaximum", ">="]];
        for (const [key, op] of bounds) {
          const bound = num(key);
          if (bound !== undefined) lines.push(`if (${x} ${op} ${bound}) return false;`);
        }
        return lines;
      }
      case "boolean":
        return [`if (typeof ${x} !== "boolean") return false;`];
      case "null":
        return [`if (${x} !== null) return false;`];
      case "array":
      case "object":
        if (x !== "v") throw new Error(`quick accept: ${where}: ${type} checked inline`);
        return type === "array" ? this.array(node, site, where) : this.object(node, site, where);
      default:
        throw new Error(`quick accept: ${where}: type ${type} is not supported`);
    }
  }

  private array(node: Record<string, unknown>, site: Site, where: string): string[] {
    const lines = [`if (!Array.isArray(v) || !c.enter(d)) return false;`];
    for (const [key, op] of [["minItems", "<"], ["maxItems", ">"]] as const) {
      const bound = node[key];
      if (bound === undefined) continue;
      if (typeof bound !== "number") throw new Error(`quick accept: ${where}: ${key} must be a number`);
      lines.push(`if (v.length ${op} ${bound}) return false;`);
    }
    if (Array.isArray(node.items)) throw new Error(`quick accept: ${where}: tuple items are not supported`);
    const item = node.items === undefined ? "c.any(v[i], d + 1)" : `${this.fn(this.child(site, "items"))}(v[i], d + 1, c)`;
    lines.push(`for (let i = 0; i < v.length; i++) if (!${item}) return false;`);
    return lines;
  }

  private object(node: Record<string, unknown>, site: Site, where: string): string[] {
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    const required = (node.required ?? []) as unknown[];
    if (!required.every((r): r is string => typeof r === "string") || new Set(required).size !== required.length) throw new Error(`quick accept: ${where}: required must list distinct names`);
    const extra = node.additionalProperties;
    if (extra !== undefined && typeof extra !== "boolean" && (typeof extra !== "object" || extra === null)) throw new Error(`quick accept: ${where}: additionalProperties must be a schema`);
    const lines = [
      // enter: the depth limit and the scan's bound on containers, counted for every container.
      `if (typeof v !== "object" || v === null || Array.isArray(v) || !c.enter(d)) return false;`,
      // As the scan: plain objects only (a Map, a Date or a class instance is not JSON).
      `const proto = Object.getPrototypeOf(v);`,
      `if (proto !== Object.prototype && proto !== null) return false;`,
    ];
    const names = [...new Set([...Object.keys(properties), ...required])].sort();
    const optional = names.filter((name) => !required.includes(name));
    const counted = node.minProperties !== undefined || node.maxProperties !== undefined;
    if (required.length > 0) lines.push(`let n = 0;`);
    if (counted) lines.push(`let m = 0;`);
    optional.forEach((_, j) => lines.push(`let s${j} = false;`));
    const unlisted = this.unlisted(node, site);
    // No member to look at here (no listed member, no count, no name rule, and every branch of
    // its oneOf/anyOf closed, checking each member itself): no loop that would do nothing.
    if (names.length === 0 && !counted && node.propertyNames === undefined && unlisted.length === 0) return lines;
    // for…in lists only own enumerable members (no check runs while Object.prototype has an
    // enumerable member): the loop sees what the scan sees, and what Ajv counts.
    lines.push(`for (const k in v) {`);
    if (counted) lines.push(`  m++;`);
    if (node.propertyNames !== undefined) lines.push(...this.memberName(this.child(site, "propertyNames")).map((l) => `  ${l}`));
    lines.push(`  switch (k) {`);
    for (const name of names) {
      this.trustedNames.add(name);
      const site_ = this.child(site, "properties", name);
      const inline = Object.hasOwn(properties, name) ? this.inline(site_) : ["if (!c.any(x, d + 1)) return false;"];
      const checks = inline ? ["const x = v[k];", ...inline] : [`if (!${this.fn(site_)}(v[k], d + 1, c)) return false;`];
      checks.push(required.includes(name) ? "n++;" : `s${optional.indexOf(name)} = true;`);
      lines.push(`    case ${JSON.stringify(name)}: {`, ...checks.map((l) => `      ${l}`), `      break;`, `    }`);
    }
    lines.push(`    default: {`, ...unlisted.map((l) => `      ${l}`), `      break;`, `    }`, `  }`, `}`);
    if (required.length > 0) lines.push(`if (n !== ${required.length}) return false;`);
    for (const [key, op] of [["minProperties", "<"], ["maxProperties", ">"]] as const) {
      const bound = node[key];
      if (bound === undefined) continue;
      if (typeof bound !== "number") throw new Error(`quick accept: ${where}: ${key} must be a number`);
      lines.push(`if (m ${op} ${bound}) return false;`);
    }
    // Ajv reads a listed member whether the loop saw it or not (data.name): one that is not an own
    // enumerable member (defined non-enumerable, inherited) must not be there for the check to hold.
    optional.forEach((name, j) => lines.push(`if (!s${j} && v[${JSON.stringify(name)}] !== undefined) return false;`));
    return lines;
  }

  /** The checks of a member the node does not list (`k`, its value `v[k]`). */
  private unlisted(node: Record<string, unknown>, site: Site): string[] {
    const extra = node.additionalProperties;
    if (extra === false) return [`return false;`];
    if (typeof extra === "object" && extra !== null) {
      // The name is not one the check trusts: the scan's question about it, then the value's schema.
      const inline = this.inline(this.child(site, "additionalProperties"));
      return [`if (!c.name(k)) return false;`, ...(inline ? ["const x = v[k];", ...inline] : [`if (!${this.fn(this.child(site, "additionalProperties"))}(v[k], d + 1, c)) return false;`])];
    }
    // Every branch of a oneOf/anyOf closed: the accepting branch checks each member itself.
    return this.branchesAreClosed(node, site) ? [] : [`if (!c.member(k, v[k], d + 1)) return false;`];
  }

  /**
   * The `propertyNames` checks of a member name `k`, written into the loop when the schema (through
   * aliases) is a plain string schema; else its function, whose string checks also ask the scan's
   * value question (stricter than needed: a false only sends the document down the full path).
   */
  private memberName(at: Site): string[] {
    const { node, site } = this.unalias(at);
    const plain = typeof node === "boolean" || (node.type === "string" && node.$ref === undefined && node.allOf === undefined && node.anyOf === undefined && node.oneOf === undefined);
    return plain ? this.checks(node, site, `${site.doc.slice(ID_BASE.length)}#${site.pointer}`, "k", "d + 1", true) : [`if (!${this.fn(site)}(k, d + 1, c)) return false;`];
  }

  /**
   * The checks of a member's value written into its object's loop, when its schema (through
   * `$ref`s that only name another schema) is a string, number, constant or open value: no call
   * per member, whatever the engine decides to inline.
   */
  private inline(at: Site): string[] | undefined {
    const { node, site } = this.unalias(at);
    const complex = typeof node === "object" && (node.$ref !== undefined || node.allOf !== undefined || node.anyOf !== undefined || node.oneOf !== undefined || node.type === "object" || node.type === "array");
    return complex ? undefined : this.checks(node, site, `${site.doc.slice(ID_BASE.length)}#${site.pointer}`, "x", "d + 1");
  }

  /** Whether a oneOf or anyOf of the node has only closed object branches (one of them must accept). */
  private branchesAreClosed(node: Record<string, unknown>, site: Site): boolean {
    return (["oneOf", "anyOf"] as const).some((combinator) => {
      const branches = node[combinator];
      return (
        Array.isArray(branches) &&
        branches.every((_, i) => {
          const { node: branch } = this.deref(this.child(site, combinator, i));
          return typeof branch === "object" && branch.type === "object" && branch.additionalProperties === false;
        })
      );
    });
  }

  private trust(value: unknown): void {
    if (typeof value === "string") this.trustedLiterals.add(value);
  }

  /**
   * Two branches cannot both hold when they assert different types, give one member different
   * constants, or one requires a member the other (closed to extra members) does not have.
   */
  private proveExclusive(sites: Site[], where: string): void {
    const facts = sites.map((s) => {
      const { node } = this.deref(s);
      if (typeof node !== "object") throw new Error(`quick accept: ${where}: oneOf branches must be schemas`);
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      const consts = new Map(Object.entries(properties).filter(([, p]) => typeof p === "object" && "const" in p).map(([k, p]) => [k, p.const]));
      return { type: node.type, consts, required: (node.required ?? []) as string[], closed: node.additionalProperties === false, names: new Set(Object.keys(properties)) };
    });
    for (let i = 0; i < facts.length; i++) {
      for (let j = i + 1; j < facts.length; j++) {
        const [a, b] = [facts[i]!, facts[j]!];
        // Every integer is a number: those two types do not separate branches.
        const family = (type: unknown) => (type === "integer" ? "number" : type);
        const differentTypes = a.type !== undefined && b.type !== undefined && family(a.type) !== family(b.type);
        // A constant separates branches only on a member both require (else both can hold without it).
        const differentConst = [...a.consts].some(([k, v]) => a.required.includes(k) && b.required.includes(k) && b.consts.has(k) && b.consts.get(k) !== v);
        const missing = (x: typeof a, y: typeof a) => y.closed && x.required.some((r) => !y.names.has(r));
        if (!differentTypes && !differentConst && !missing(a, b) && !missing(b, a)) throw new Error(`quick accept: ${where}: cannot prove oneOf branches ${i} and ${j} exclusive`);
      }
    }
  }
}

/** The JavaScript module and its declaration file for one entry. */
export function generateQuickAcceptModule(entry: QuickAcceptModule, files: readonly SchemaFile[], banner: string): { js: string; dts: string } {
  const generator = new Generator(files);
  const exported = Object.entries(entry.exports)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, file]) => `export function ${name}(value, context) {\n  return ${generator.fn({ doc: ID_BASE + file, pointer: "" })}(value, 0, context);\n}`);
  const trust = { names: [...generator.trustedNames].sort(), literals: [...generator.trustedLiterals].sort() };
  const js = [
    banner,
    "/* eslint-disable */",
    "// Quick-accept checks (docs/quick-accept.md): true only when the schema accepts the value and the",
    "// document scan would report nothing; false means the validator's full path decides.",
    generator.code,
    ...exported,
    "/** Member names and string constants the checks accept without looking at them: the context verifies them once. */",
    `export const quickAcceptTrust = ${JSON.stringify(trust, null, 2)};`,
    "",
  ].join("\n");
  const dts = [
    banner,
    "",
    'import type { QuickAccept, QuickAcceptTrust } from "@graphenix/core";',
    "",
    ...Object.keys(entry.exports)
      .sort()
      .map((n) => `/** Quick accept for \`schemas/${entry.exports[n]}\`. */\nexport declare const ${n}: QuickAccept;`),
    "export declare const quickAcceptTrust: QuickAcceptTrust;",
    "",
  ].join("\n");
  return { js, dts };
}
