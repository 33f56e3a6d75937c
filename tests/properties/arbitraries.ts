/**
 * Inputs for the property tests (docs/fuzzing.md): arbitrary JSON (with the member names that
 * trip up naive code: `__proto__`, `constructor`, …, created the way JSON.parse creates them, as
 * own members), JSON-ish text, mutations of valid documents, credentials, and member-order
 * shuffles. Everything here is deterministic given fast-check's random source, so a failure
 * replays from its seed and path.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

export const repoRoot = join(import.meta.dirname, "../..");

/** A JSON file of the repository (path relative to its root). */
export function readFixture<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(join(repoRoot, path), "utf8")) as T;
}

/** `<dir>/<case>/<file>` of every case folder of `dir` that has that file (e.g. the `_error_` fixtures). */
export function readFixtures<T = unknown>(dir: string, file: string): T[] {
  const root = join(repoRoot, dir);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, file)))
    .map((d) => d.name)
    .sort()
    .map((name) => readFixture<T>(`${dir}/${name}/${file}`));
}

export type Path = (string | number)[];
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Sets an own data member whatever its name (`__proto__` included), as JSON.parse would. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Values that throw when read, which no JSON text makes but a caller's objects can be: a member
 * getter that throws, a Proxy whose every trap throws, and a revoked Proxy (even `Array.isArray`
 * throws on it). Copies keep them as they are.
 */
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const THROW = () => {
  throw new Error("hostile value read");
};
export const UNREADABLE_VALUES: readonly object[] = [
  Object.defineProperty({}, "x", { enumerable: true, get: THROW }),
  Object.defineProperty([], 0, { enumerable: true, get: THROW }),
  new Proxy({}, { get: THROW, has: THROW, ownKeys: THROW, getPrototypeOf: THROW, getOwnPropertyDescriptor: THROW }),
  revoked.proxy,
];
const unreadable = new Set<unknown>(UNREADABLE_VALUES);

/** Values of `arbitrary` as `{ doc }`, the shape of mutated and hostile documents (see {@link UNREADABLE_VALUES}). */
export function held<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<{ doc: T }> {
  return arbitrary.map((doc) => ({ doc }));
}

/** A deep copy of a JSON value that keeps `__proto__` and friends as own members. */
export function copy<T>(value: T): T {
  if (unreadable.has(value)) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, copy((value as Record<string, unknown>)[key]));
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Arbitrary JSON

/** Member names that naive code mistakes for something else. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
  "__lookupGetter__",
  "toJSON",
  "then",
  "length",
  "0",
  "",
  "~",
  "/",
  "~1",
  "a/b",
  "\u0000",
  "\u{1f600}",
  "$ref",
  "$axis",
] as const;

/** Strings values that are ids, reserved words or edge cases somewhere. */
const TRICKY_STRINGS = ["", " ", "__proto__", "constructor", "toString", "null", "0", "-1", "NaN", "\u0000", "\ud800", "\u{1f600}", "a".repeat(300), "node:a", "sha256:0"];

/**
 * Objects that break code which turns values into strings (`String(v)`, `${v}`, `.join()`): their
 * `toString` and `valueOf` are not functions. JSON.parse makes such objects from any user's text.
 */
export const POISON_OBJECT: unknown = JSON.parse('{"toString":1,"valueOf":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
export const POISON_ARRAY: unknown = JSON.parse('[{"toString":1,"valueOf":1}]');

export const jsonKey = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
);

const jsonNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, 1e21, 1e-7),
);

const jsonLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  jsonNumber,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom(...TRICKY_STRINGS),
);

/** A JSON value as a tree of text parts: an object keeps its members in order, duplicates included. */
export type JsonTree = null | boolean | number | string | { readonly items: readonly JsonTree[] } | { readonly members: readonly (readonly [string, JsonTree])[] };

export const jsonTree: fc.Arbitrary<JsonTree> = fc.letrec<{ tree: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    jsonLeaf,
    fc.array(tie("tree"), { maxLength: 4 }).map((items) => ({ items })),
    fc.array(fc.tuple(jsonKey, tie("tree")), { maxLength: 5 }).map((members) => ({ members })),
  ),
})).tree;

/** JSON text of a tree (members in tree order, a duplicated name written twice). */
export function treeText(tree: JsonTree, indent = ""): string {
  if (tree === null || typeof tree !== "object") return JSON.stringify(tree);
  const inner = indent ? `${indent}  ` : "";
  const nl = indent ? `\n${inner}` : "";
  if ("items" in tree) return tree.items.length === 0 ? "[]" : `[${nl}${tree.items.map((t) => treeText(t, inner)).join(`,${nl}`)}${indent ? `\n${indent.slice(2)}` : ""}]`;
  return tree.members.length === 0 ? "{}" : `{${nl}${tree.members.map(([k, v]) => `${JSON.stringify(k)}:${indent ? " " : ""}${treeText(v, inner)}`).join(`,${nl}`)}${indent ? `\n${indent.slice(2)}` : ""}}`;
}

/**
 * Arbitrary JSON values as users send them: parsed from text by JSON.parse, so `__proto__`,
 * `constructor` and the other hostile member names are own data members; strings may hold lone
 * surrogates (JSON.parse accepts them).
 */
export const hostileJson: fc.Arbitrary<unknown> = jsonTree.map((t) => JSON.parse(treeText(t)) as unknown);

/** Any JSON value: fast-check's own generator and the hostile one. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hostileJson);

/** An object with `format` set (so validators get past the format gate) and arbitrary members. */
export function withFormat(format: string): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(jsonKey, anyJson), { maxLength: 6 }).map((members) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of members) define(out, k, v);
    define(out, "format", format);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// JSON-ish text

const SYNTAX_BITS = ["{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", "\\udc00", "0", "-", ".", "e", "E+", "1e400", "true", "nul", "\n", "\r", "\t", " ", "\ufeff", "\ud800", "\u0001", "é", "\u{1f600}"];

/**
 * Text that is almost JSON: a generated document's text (duplicate member names included) with a
 * few edits (a cut, an inserted fragment, a truncation), or arbitrary strings.
 */
export const jsonishText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(jsonTree, fc.boolean()).map(([t, pretty]) => treeText(t, pretty ? "  " : "")) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(jsonTree, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...SYNTAX_BITS), fc.constantFrom("cut", "insert", "replace", "truncate")), { minLength: 1, maxLength: 3 }))
      .map(([t, edits]) => edits.reduce((text, [at, len, bit, kind]) => editText(text, at, len, bit, kind), treeText(t))),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

export function editText(text: string, at: number, len: number, bit: string, kind: "cut" | "insert" | "replace" | "truncate"): string {
  const i = text.length === 0 ? 0 : at % (text.length + 1);
  if (kind === "cut") return text.slice(0, i) + text.slice(i + len);
  if (kind === "insert") return text.slice(0, i) + bit + text.slice(i);
  if (kind === "replace") return text.slice(0, i) + bit + text.slice(i + Math.max(1, len));
  return text.slice(0, i);
}

// ---------------------------------------------------------------------------------------------
// Member order

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The same JSON value with the members of every object in another order (given by `seed`):
 * equal as JSON, different as text. Array elements keep their order.
 */
export function shuffleKeys<T>(value: T, seed: number): T {
  const random = mulberry32(seed);
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(go);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const key of shuffled(Object.keys(v), random)) define(out, key, go((v as Record<string, unknown>)[key]));
    return out;
  };
  return go(value) as T;
}

export const shuffleSeed = fc.integer();

// ---------------------------------------------------------------------------------------------
// Documents: paths and mutations

/** Every path in a JSON value (the root `[]` first), in document order. */
export function pathsOf(doc: unknown): Path[] {
  const out: Path[] = [];
  const stack: [unknown, Path][] = [[doc, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, Path];
    out.push(path);
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    else if (v !== null && typeof v === "object") for (const k of Object.keys(v).reverse()) stack.push([(v as Record<string, unknown>)[k], [...path, k]]);
  }
  return out;
}

export function valueAt(doc: unknown, path: Path): unknown {
  let v = doc;
  for (const t of path) {
    if (v === null || typeof v !== "object" || !has(v, String(t))) return undefined;
    v = (v as Record<string | number, unknown>)[t];
  }
  return v;
}

/** One change to a document; applied by {@link applyMutation}. Printed as is in counterexamples. */
export type Mutation =
  /** Delete an object member or an array element. */
  | { readonly op: "remove"; readonly path: Path }
  /** Put another value there: of another type, another enum value, another id, arbitrary JSON, a huge string. */
  | { readonly op: "set"; readonly path: Path; readonly value: unknown }
  /** Reorder an array. */
  | { readonly op: "reorder"; readonly path: Path; readonly seed: number }
  /** Give an object member another name (possibly one the object already has). */
  | { readonly op: "rename"; readonly path: Path; readonly to: string }
  /** Add a member to an object. */
  | { readonly op: "insert"; readonly path: Path; readonly key: string; readonly value: unknown }
  /** Repeat an array element right after itself. */
  | { readonly op: "duplicate"; readonly path: Path };

/** The mutated copy of `doc` (the document itself is never changed); a path that no longer exists changes nothing. */
export function applyMutation(doc: unknown, m: Mutation): unknown {
  if (m.path.length === 0 && m.op === "set") return copy(m.value);
  const out = copy(doc);
  const parentPath = m.op === "insert" ? m.path : m.path.slice(0, -1);
  const parent = m.op === "insert" || m.op === "reorder" ? valueAt(out, m.path) : valueAt(out, parentPath);
  if (parent === null || typeof parent !== "object") return out;
  const last = m.path[m.path.length - 1] as string | number;
  switch (m.op) {
    case "insert":
      if (!Array.isArray(parent)) define(parent as Record<string, unknown>, m.key, copy(m.value));
      return out;
    case "reorder":
      if (Array.isArray(parent)) {
        const items = shuffled(parent, mulberry32(m.seed));
        parent.splice(0, parent.length, ...items);
      }
      return out;
    default:
  }
  if (m.path.length === 0 || !has(parent, String(last))) return out;
  const record = parent as Record<string, unknown>;
  switch (m.op) {
    case "remove":
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else Reflect.deleteProperty(record, last);
      return out;
    case "set":
      if (Array.isArray(parent)) parent[last as number] = copy(m.value);
      else define(record, last as string, copy(m.value));
      return out;
    case "rename": {
      if (Array.isArray(parent) || m.to === last) return out;
      // Keep the member's position: rebuild the object with the new name in its place.
      const entries = Object.entries(record).filter(([k]) => k !== m.to);
      for (const k of Object.keys(record)) Reflect.deleteProperty(record, k);
      for (const [k, v] of entries) define(record, k === last ? m.to : k, v);
      return out;
    }
    case "duplicate":
      if (Array.isArray(parent)) parent.splice((last as number) + 1, 0, copy(parent[last as number]));
      return out;
  }
}

/** Values that break naive code wherever they are: objects that cannot become strings, prototype names, a lone surrogate, NaN-like numbers' JSON forms. */
export const HOSTILE_VALUES: readonly unknown[] = [POISON_OBJECT, POISON_ARRAY, "__proto__", "constructor", "toString", "\ud800", "", -1, 1e308, 2 ** 53 + 2, 0.5, null, true, [], {}];

/**
 * One value of `doc` (any path, the root included) replaced by one of {@link HOSTILE_VALUES} (and,
 * with `unreadable`, {@link UNREADABLE_VALUES}), or removed: the same few values everywhere, so
 * every place a document has is tried with each.
 */
export function hostileValueAt(docs: readonly unknown[], options: { unreadable?: boolean } = {}): fc.Arbitrary<{ index: number; mutation: Mutation; doc: unknown }> {
  const paths = docs.map((d) => pathsOf(d));
  // Values that throw when read exist only in memory: not for tests that write documents as text.
  // Picked by index: fast-check looks into the constants it is given, and these throw.
  const values = options.unreadable ? [...HOSTILE_VALUES, ...UNREADABLE_VALUES] : HOSTILE_VALUES;
  return fc.nat({ max: docs.length - 1 }).chain((index) =>
    fc
      .tuple(fc.constantFrom(...paths[index]!), fc.oneof({ weight: 6, arbitrary: fc.nat({ max: values.length - 1 }).map((i) => ({ value: values[i] })) }, { weight: 1, arbitrary: fc.constant(undefined) }))
      .map(([path, v]) => {
        const mutation: Mutation = v === undefined ? { op: "remove", path } : { op: "set", path, value: v.value };
        // fast-check prints a failing value through this, so it never reads a value that throws.
        const shown = () => `${JSON.stringify(path)} ${v === undefined ? "removed" : unreadable.has(v.value) ? `set to unreadable value #${UNREADABLE_VALUES.indexOf(v.value as object)}` : `set to ${fc.stringify(v.value)}`} in document #${index}`;
        return { index, mutation, doc: applyMutation(docs[index], mutation), [fc.toStringMethod]: shown };
      }),
  );
}

export function applyMutations(doc: unknown, mutations: readonly Mutation[]): unknown {
  return mutations.reduce<unknown>((d, m) => applyMutation(d, m), doc);
}


/** Values of every JSON type (a value of another type than the one there is picked from these). */
const TYPE_SAMPLES: readonly unknown[] = [null, true, false, 0, -1, 1.5, 1e308, "", "x", [], [1], {}, { a: 1 }, POISON_OBJECT, POISON_ARRAY];
const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** A string that is too long for a validator (1 MiB UTF-16 units is the default limit) or just long. */
const HUGE_LENGTHS = [4_096, 70_000, 1_048_577] as const;

/** Member names that hold ids; their values are swapped for other ids of the same documents. */
const ID_NAME = /(^id$|Id$|_id$|Ids$|_ids$|^from$|^to$|^dependencies$|^dependsOn$|^nodeOrder$|^target$)/;

/**
 * What a set of valid documents tells about their values: for each member name, every string it
 * holds anywhere (an enum's other values, other ids), and every member name used.
 */
export interface Corpus {
  readonly byName: ReadonlyMap<string, readonly string[]>;
  readonly ids: readonly string[];
  readonly names: readonly string[];
}

export function corpusOf(docs: readonly unknown[]): Corpus {
  const byName = new Map<string, Set<string>>();
  const ids = new Set<string>();
  const names = new Set<string>();
  const visit = (v: unknown, name: string | undefined) => {
    if (typeof v === "string" && name !== undefined) {
      if (v.length <= 200) (byName.get(name) ?? byName.set(name, new Set()).get(name))?.add(v);
      if (ID_NAME.test(name) && v.length <= 200) ids.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, name);
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        names.add(k);
        if (/[:]/.test(k)) ids.add(k);
        visit(x, k);
      }
    }
  };
  docs.forEach((d) => visit(d, undefined));
  return {
    byName: new Map([...byName].map(([k, s]) => [k, [...s].sort()])),
    ids: [...ids].sort(),
    names: [...names].sort(),
  };
}

/** The member name a path ends in (for an array element, the array's). */
function nameOf(path: Path): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i] as string;
  return undefined;
}

/**
 * Single mutations of `doc` (one of the documents `corpus` was built from): member removed, type
 * changed, enum value swapped for another valid one or a bogus one, array reordered or an element
 * repeated, a string made huge, an id changed (to another id of the corpus, a hostile name, an
 * edited one) or a member renamed, a member added, a value replaced by arbitrary JSON.
 */
export function mutationOf(doc: unknown, corpus: Corpus, options: { huge?: boolean } = {}): fc.Arbitrary<Mutation> {
  const all = pathsOf(doc);
  const inner = all.filter((p) => p.length > 0);
  const strings = inner.filter((p) => typeof valueAt(doc, p) === "string");
  const objects = all.filter((p) => { const v = valueAt(doc, p); return v !== null && typeof v === "object" && !Array.isArray(v); });
  const arrays = all.filter((p) => { const v = valueAt(doc, p); return Array.isArray(v) && v.length > 0; });
  const members = inner.filter((p) => typeof p[p.length - 1] === "string");
  const elements = inner.filter((p) => typeof p[p.length - 1] === "number");
  const ids = strings.filter((p) => ID_NAME.test(nameOf(p) ?? ""));
  const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
  const options_: { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] = [];
  const add = (weight: number, when: boolean, arbitrary: () => fc.Arbitrary<Mutation>) => {
    if (when) options_.push({ weight, arbitrary: arbitrary() });
  };
  add(3, inner.length > 0, () => pick(inner).map((path): Mutation => ({ op: "remove", path })));
  add(3, inner.length > 0, () =>
    pick(inner).chain((path) => pick(TYPE_SAMPLES.filter((s) => typeOf(s) !== typeOf(valueAt(doc, path)))).map((value): Mutation => ({ op: "set", path, value }))),
  );
  add(4, strings.length > 0, () =>
    pick(strings).chain((path) => {
      const current = valueAt(doc, path) as string;
      const others = (corpus.byName.get(nameOf(path) ?? "") ?? []).filter((s) => s !== current);
      // Bogus: empty, unknown, another case, trailing space, a lone surrogate (JSON.parse lets it through), a prototype name.
      const bogus = ["", "bogus", current.toUpperCase(), `${current} `, `${current}x`, `${current}\ud800`, "__proto__", "constructor"].filter((s) => s !== current);
      return (others.length > 0 ? fc.oneof(pick(others), pick(bogus)) : pick(bogus)).map((value): Mutation => ({ op: "set", path, value }));
    }),
  );
  add(3, ids.length > 0, () =>
    pick(ids).chain((path) => {
      const current = valueAt(doc, path) as string;
      const others = corpus.ids.filter((s) => s !== current);
      const edited = [`${current}-2`, current.slice(0, -1), `\udc00${current}`, "constructor", "__proto__", "toString", "hasOwnProperty", ""].filter((s) => s !== current);
      return (others.length > 0 ? fc.oneof(pick(others), pick(edited)) : pick(edited)).map((value): Mutation => ({ op: "set", path, value }));
    }),
  );
  add(2, members.length > 0, () =>
    pick(members).chain((path) => {
      const siblings = Object.keys(valueAt(doc, path.slice(0, -1)) as object).filter((k) => k !== path[path.length - 1]);
      const to = fc.oneof(pick([...HOSTILE_KEYS]), ...(siblings.length > 0 ? [pick(siblings)] : []), ...(corpus.ids.length > 0 ? [pick(corpus.ids)] : []), fc.string({ maxLength: 6 }));
      return to.map((name): Mutation => ({ op: "rename", path, to: name }));
    }),
  );
  add(2, arrays.length > 0, () => fc.tuple(pick(arrays), fc.integer()).map(([path, seed]): Mutation => ({ op: "reorder", path, seed })));
  add(1, elements.length > 0, () => pick(elements).map((path): Mutation => ({ op: "duplicate", path })));
  add(2, objects.length > 0, () =>
    fc.tuple(pick(objects), fc.oneof(pick([...HOSTILE_KEYS]), ...(corpus.names.length > 0 ? [pick(corpus.names)] : []), fc.string({ maxLength: 6 })), anyJson).map(([path, key, value]): Mutation => ({ op: "insert", path, key, value })),
  );
  add(2, all.length > 0, () => fc.tuple(pick(all), anyJson).map(([path, value]): Mutation => ({ op: "set", path, value })));
  add(options.huge === false ? 0 : 1, strings.length > 0, () =>
    fc.tuple(pick(strings), pick(HUGE_LENGTHS)).map(([path, length]): Mutation => {
      const s = (valueAt(doc, path) as string) || "x";
      return { op: "set", path, value: s.repeat(Math.ceil(length / s.length)).slice(0, length) };
    }),
  );
  return fc.oneof(...options_.filter((o) => o.weight > 0));
}

/**
 * A mutated copy of one of `docs` (chosen by the arbitrary): 1 to `max` mutations applied in
 * turn. Gives the document's index, the mutations (for the counterexample) and the result.
 */
export function mutatedDocument(docs: readonly unknown[], options: { max?: number; huge?: boolean; corpus?: Corpus } = {}): fc.Arbitrary<{ index: number; mutations: Mutation[]; doc: unknown }> {
  const corpus = options.corpus ?? corpusOf(docs);
  const perDoc = docs.map((d) => fc.array(mutationOf(d, corpus, options), { minLength: 1, maxLength: options.max ?? 3 }));
  return fc.nat({ max: docs.length - 1 }).chain((index) => (perDoc[index] as fc.Arbitrary<Mutation[]>).map((mutations) => ({ index, mutations, doc: applyMutations(docs[index], mutations) })));
}

/**
 * JSON text of `doc` with the member at `path` written twice (the copy right after the original,
 * holding `value`, or the same value when undefined): what a hand-edited or concatenated file
 * looks like. JSON.parse keeps the second; a strict reader reports the duplicate.
 */
export function duplicatedMemberText(doc: unknown, path: Path, value: unknown, pretty: boolean): string {
  const write = (v: unknown, at: Path, indent: string): string => {
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    const inner = pretty ? `${indent}  ` : "";
    const open = pretty ? `\n${inner}` : "";
    const close = pretty ? `\n${indent}` : "";
    const sep = pretty ? `,\n${inner}` : ",";
    if (Array.isArray(v)) return v.length === 0 ? "[]" : `[${open}${v.map((x, i) => write(x, [...at, i], inner)).join(sep)}${close}]`;
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v)) {
      const here = [...at, k];
      const member = (y: unknown) => `${JSON.stringify(k)}:${pretty ? " " : ""}${write(y, here, inner)}`;
      parts.push(member(x));
      if (here.length === path.length && here.every((t, i) => t === path[i])) parts.push(member(value === undefined ? x : value));
    }
    return parts.length === 0 ? "{}" : `{${open}${parts.join(sep)}${close}}`;
  };
  return write(doc, [], "");
}

/** Paths of object members of `doc`, for {@link duplicatedMemberText}. */
export function memberPaths(doc: unknown): Path[] {
  return pathsOf(doc).filter((p) => typeof p[p.length - 1] === "string");
}

// ---------------------------------------------------------------------------------------------
// Credentials (docs/credentials.md)

/** Member names the credential rule must catch: a rule suffix or name, with a prefix, separators and any case. */
export const credentialName: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "db", "client", "openai", "x", "github", "my"),
    fc.constantFrom("", "_", "-", ".", " "),
    fc.constantFrom("password", "passwd", "passphrase", "secret", "token", "api_key", "apiKey", "Api-Key", "private_key", "credential", "credentials", "authorization", "cookie", "set-cookie", "x-api-key", "proxy-authorization"),
    fc.boolean(),
  )
  .map(([prefix, sep, name, upper]) => {
    const full = ["authorization", "cookie", "set-cookie", "x-api-key", "proxy-authorization"].includes(name) ? name : `${prefix}${prefix ? sep : ""}${name}`;
    return upper ? full.toUpperCase() : full;
  });

const alnum = (min: number) => fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), minLength: min, maxLength: min + 12 });
const upperDigits = fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), minLength: 16, maxLength: 16 });

/** String values of the credential shapes. */
export const credentialValue: fc.Arbitrary<string> = fc.oneof(
  alnum(16).map((s) => `Bearer ${s}7`),
  fc.tuple(alnum(4), alnum(8)).map(([user, password]) => `basic ${btoa(`${user}:${password}9`)}`),
  fc.constant("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"),
  alnum(20).map((s) => `sk-${s}`),
  alnum(30).map((s) => `ghp_${s}`),
  upperDigits.map((s) => `AKIA${s}`),
  alnum(10).map((s) => `xoxb-${s}`),
  fc.tuple(alnum(8), alnum(8), alnum(4)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`),
);
