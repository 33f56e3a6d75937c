/**
 * Inputs of the hostile corpus (tests/hostile/): the valid documents hostile content is put into
 * ("hosts"), and the named generators that build inputs too large to commit. A case names its
 * generator and parameters in its case.json, `{"generator": "deep-nesting", "kind": "array",
 * "depth": 100000}`; tests/hostile.test.ts fails on a generator no case uses and on a case naming
 * an unknown one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CREDENTIAL_VALUE_PATTERNS, decodePointer, matchesCredentialShape, digest, encodePointer, setMember } from "@graphenix/core";
// Only contracts and core are dependencies of the workspace root: import the other packages' source.
import { actionId, actionKey, compilePlan } from "../packages/plan-graph/src/index.js";
import { computePlanHash } from "../packages/plan-format/src/index.js";

export const repoRoot = join(import.meta.dirname, "..");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Params = Readonly<Record<string, unknown>>;

/** What a case's input offers a run: JSON text, raw bytes, an in-memory value, or sweep variants. */
export interface HostileInput {
  text?(): string;
  bytes?(): Uint8Array;
  value?(): unknown;
  variants?(): Variant[];
}

/** One document of a sweep, with the issue it must give (any one of `expect`). */
export interface Variant {
  readonly label: string;
  readonly value: unknown;
  readonly expect: readonly { readonly code: string; readonly pointer: string }[];
}

// ---------------------------------------------------------------------------------------------
// Hosts: valid documents, each with the open place (`at`) where hostile content goes by default.

const textCache = new Map<string, string>();
function fixture(path: string): () => unknown {
  return () => {
    let text = textCache.get(path);
    if (text === undefined) textCache.set(path, (text = readFileSync(join(repoRoot, path), "utf8")));
    return JSON.parse(text) as unknown;
  };
}

const scenario = fixture("examples/matrix-scenario.json");
const inventory = fixture("examples/lab-inventory.json");
function planGraph(): { nodes: Record<string, unknown>[] } & Record<string, unknown> {
  const result = compilePlan(scenario(), inventory());
  if (!result.ok) throw new Error(`host plan-graph: ${JSON.stringify(result.issues)}`);
  return structuredClone(result.graph) as unknown as { nodes: Record<string, unknown>[] } & Record<string, unknown>;
}

export const HOSTS: Readonly<Record<string, { readonly make: () => unknown; readonly at: string }>> = {
  "authoring-graph": { make: fixture("examples/content-pipeline.authoring.json"), at: "/nodes/node:draft-article/parameters/inputsConfig/hostile" },
  "normalized-graph": { make: fixture("packages/authoring-format/test/fixtures/normalized-content-pipeline/input.normalized-graph.json"), at: "/nodes/node:draft-article/parameters/inputsConfig/hostile" },
  "runtime-object": { make: fixture("examples/content-pipeline.runtime.json"), at: "/hostile" },
  // A runtime object that overrides no node's model case: fits any graph.
  "runtime-minimal": { make: () => ({ jobId: "job-hostile", mode: "live", environment: "test", profileRegistry: { package: "@x12i/ai-profiles", version: "3.2.0" } }), at: "/hostile" },
  "plan-v2": { make: fixture("packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json"), at: "/nodePlans/node:draft-article/invokeContract/inputsConfig/hostile" },
  "plan-v2-local": { make: fixture("packages/plan-compiler/test/fixtures/local-and-plan-phase-actions/expected.plan.v2.json"), at: "/hostile" },
  "plan-v1": { make: fixture("packages/plan-compiler/test/fixtures/pre-main-post-finalizer/expected.plan.v1.json"), at: "/nodePlans/node:write-brief/executionUnits/0/unitParams/hostile" },
  // The run of plan-v2 (content-pipeline) that succeeded.
  trace: { make: fixture("packages/trace-format/test/fixtures/content-pipeline-succeeded/trace.json"), at: "/events/1/payload/inline" },
  scenario: { make: scenario, at: "/plan/templates/0/inputs/hostile" },
  "lab-inventory": { make: inventory, at: "/hostile" },
  // The templates' inputs are open and not cross-checked (a node's resolved_inputs must match its digest).
  "plan-graph": { make: planGraph, at: "/templates/0/inputs/hostile" },
  // One ground-truth row per node of plan-graph, every node succeeded.
  "ground-truth": {
    make: () =>
      planGraph().nodes.map((n) => ({
        run_id: "run-2026-06-06-001",
        action_id: n.action_id,
        action_key: n.action_key,
        node_ordinal: n.node_ordinal,
        target_asset_id: n.target_asset_id,
        status: "succeeded",
        phases: ["pending", "ready", "running", "succeeded"],
      })),
    at: "/0/hostile",
  },
  "mplp-plan": { make: fixture("packages/plan-graph/test/fixtures/mplp/examples/plan.with-events.json"), at: "/events/0/data/hostile" },
};

export function host(name: string): unknown {
  const entry = HOSTS[name];
  if (!entry) throw new Error(`unknown host ${JSON.stringify(name)}`);
  return entry.make();
}

/** Puts `value` at `pointer` in `document` (creating objects on the way), as an own data member. */
export function setAt(document: unknown, pointer: string, value: unknown): unknown {
  const tokens = decodePointer(pointer);
  if (tokens.length === 0) return value;
  let node = document as Record<string, unknown>;
  for (const token of tokens.slice(0, -1)) {
    let next = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
    if (next === null || typeof next !== "object") setMember(node, token, (next = {}));
    node = next as Record<string, unknown>;
  }
  setMember(node, tokens[tokens.length - 1] as string, value);
  return document;
}

const MARKER = "@@graphenix-hostile-input@@";

/** `document` as JSON text with `text` spliced in at `pointer` (for texts JSON.stringify cannot make, such as 100,000-deep nesting). */
export function spliceText(document: unknown, pointer: string, text: string): string {
  if (decodePointer(pointer).length === 0) return text;
  return JSON.stringify(setAt(document, pointer, MARKER)).replace(JSON.stringify(MARKER), () => text);
}

/** A plan-v2 host's planHash recomputed after a change, so the change is the only finding. */
export function rehash(document: unknown): unknown {
  const plan = document as Record<string, unknown>;
  if (typeof plan.planHash === "string") plan.planHash = computePlanHash(plan);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Values JSON text cannot write, for in-memory inputs: `{"$special": "NaN"}` and so on.

const SPECIALS: Readonly<Record<string, () => unknown>> = {
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  "-Infinity": () => Number.NEGATIVE_INFINITY,
  "-0": () => -0,
  bigint: () => 2n ** 64n,
  undefined: () => undefined,
  date: () => new Date(0),
};

/** `value` with every `{"$special": …}` replaced by what it names. */
function special(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(special);
  if (value === null || typeof value !== "object") return value;
  if (Object.keys(value).length === 1 && "$special" in value) {
    const make = SPECIALS[String((value as { $special: unknown }).$special)];
    if (!make) throw new Error(`unknown $special ${JSON.stringify(value)}`);
    return make();
  }
  const out = {};
  for (const [k, v] of Object.entries(value)) setMember(out, k, special(v));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generators

function num(params: Params, name: string): number {
  const v = params[name];
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw new Error(`parameter ${name} must be a whole number, not ${JSON.stringify(v)}`);
  return v;
}

function str(params: Params, name: string): string {
  const v = params[name];
  if (typeof v !== "string") throw new Error(`parameter ${name} must be a string, not ${JSON.stringify(v)}`);
  return v;
}

/** A deep copy in which every member is created with Object.defineProperty (`__proto__` included). */
function viaDefineProperty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(viaDefineProperty);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: viaDefineProperty((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return out;
}

/** A credential of each shape of docs/credentials.md, in CREDENTIAL_VALUE_PATTERNS order. */
export const CREDENTIAL_SAMPLES: readonly string[] = [
  "Bearer abcdefghij0123456789",
  "Basic dXNlcjpwYXNzd29yZDEyMw==",
  "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
  "sk-proj0123456789abcdefghijklmn",
  "ghp_0123456789abcdefghijklmnopqrstuvwxyz",
  "AKIAIOSFODNN7EXAMPLE",
  "xoxb-0123456789-abcdefghij",
  "sk_live_0123456789abcdefghijKLMN",
  "AIza0123456789abcdefghijklmnopqrstuvwxy",
  "glpat-0123456789abcdefghij",
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl",
];

/** Member names the credential rule forbids (docs/credentials.md), varied in case and separators. */
export const CREDENTIAL_KEYS: readonly string[] = ["dbPassword", "client_secret", "githubToken", "openai-api-key", "X-Api-Key", "Authorization", "set-cookie", "privateKey", "aws.credentials", "passphrase"];

/**
 * Every place a document holds a string: each string value, and each member name, replaced by a
 * credential one at a time. A variant is expected to give `forbidden-credential-value` (or
 * `-key`) at exactly that pointer, or, where `refusedAt` says so, the code with which the
 * validator refuses the whole document (e.g. a `format` member that is a token is no format).
 */
function secretSweep(params: Params): HostileInput {
  const hostName = str(params, "host");
  const refusedAt = (params.refusedAt ?? {}) as Readonly<Record<string, readonly string[]>>;
  // Where the target reports the document's issues (`/scenario`, `/rows`): "" for validators of one document.
  const prefix = typeof params.prefix === "string" ? params.prefix : "";
  return {
    variants() {
      const base = host(hostName);
      const places: { pointer: string; kind: "value" | "name"; path: (string | number)[] }[] = [];
      const walk = (v: unknown, path: (string | number)[]) => {
        if (typeof v === "string") places.push({ pointer: encodePointer(path), kind: "value", path });
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v !== null && typeof v === "object") {
          for (const key of Object.keys(v)) {
            places.push({ pointer: encodePointer([...path, key]), kind: "name", path: [...path, key] });
            walk((v as Record<string, unknown>)[key], [...path, key]);
          }
        }
      };
      walk(base, []);
      const variants: Variant[] = [];
      places.forEach((place, i) => {
        const doc = structuredClone(base) as Record<string, unknown>;
        let parent: Record<string, unknown> = doc;
        for (const token of place.path.slice(0, -1)) parent = parent[token as string] as Record<string, unknown>;
        const last = place.path[place.path.length - 1] as string | number;
        let pointer: string;
        let code: string;
        if (place.kind === "value") {
          parent[last] = CREDENTIAL_SAMPLES[i % CREDENTIAL_SAMPLES.length];
          pointer = place.pointer;
          code = "forbidden-credential-value";
        } else {
          // Rename the member, keeping its place among its siblings.
          const name = CREDENTIAL_KEYS[i % CREDENTIAL_KEYS.length] as string;
          const entries = Object.entries(parent).map(([k, v]) => [k === last ? name : k, v] as const);
          for (const key of Object.keys(parent)) Reflect.deleteProperty(parent, key);
          for (const [k, v] of entries) setMember(parent, k, v);
          pointer = encodePointer([...place.path.slice(0, -1), name]);
          code = "forbidden-credential-key";
        }
        const refusal = refusedAt[place.pointer];
        const expect = refusal ? refusal.map((c) => ({ code: c, pointer: prefix + place.pointer })) : [{ code, pointer: prefix + pointer }];
        variants.push({ label: `${place.kind} ${place.pointer}`, value: doc, expect });
      });
      return variants;
    },
  };
}

/** An authoring graph `graphId` of `n` nodes `n0`, `n1`, … (`nodeAt(i)`), each an edge after the one before. */
function chainGraph(graphId: string, n: number, nodeAt: (i: number) => unknown, closeCycle: boolean): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  const edges: unknown[] = [];
  for (let i = 0; i < n; i++) {
    nodes[`n${i}`] = nodeAt(i);
    if (i > 0) edges.push({ from: `n${i - 1}`, to: `n${i}` });
  }
  if (closeCycle) edges.push({ from: `n${n - 1}`, to: "n0" });
  return { format: "graphenix.authoring-graph/v1", graphId, revision: "1.0.0", formatVersion: "2.0.0", nodes, edges, modelCases: { default: { skillModel: { kind: "profileChoice", key: "vol/default" } } }, defaultModelCase: "default" };
}

/** An authoring graph of `nodes` task nodes in a chain, closed into one cycle when `cycle`. */
function authoringGraphNodes(params: Params): HostileInput {
  const n = num(params, "nodes");
  const make = () => chainGraph("graph:hostile", n, () => ({ type: "task", parameters: { skillKey: "s" } }), params.cycle === true);
  return { value: make, text: () => JSON.stringify(make()) };
}

/** A plan graph of `nodes` nodes with correct identities, whose edges form one cycle through all of them. */
function planGraphCycle(params: Params): HostileInput {
  const n = num(params, "nodes");
  const make = () => {
    const inputs = digest({});
    const nodes = Array.from({ length: n }, (_, i) => {
      const basis = { engine: "atomic", technique_id: "T1059.001", engine_test_id: "test-1", resolved_inputs_sha256: inputs, target_asset_id: `ws-${i}` };
      return {
        action_id: actionId({ ...basis, run_id: "run-hostile", node_ordinal: i, template_id: "tpl" }),
        action_key: actionKey(basis),
        node_ordinal: i,
        template_id: "tpl",
        technique_id: basis.technique_id,
        engine: basis.engine,
        engine_test_id: basis.engine_test_id,
        target_asset_id: basis.target_asset_id,
        parameters: { resolved_inputs_sha256: inputs, resolved_inputs: {} },
        // A matrix over the targets: every node has its cell.
        cell: { path: ["targets"], coord: { targets: basis.target_asset_id } },
      };
    });
    const edges = nodes.map((node, i) => ({ from: node.action_id, to: (nodes[(i + 1) % n] as { action_id: string }).action_id, kind: "depends_on" }));
    const template = { template_id: "tpl", engine: "atomic", technique_id: "T1059.001", engine_test_id: "test-1" };
    return { contract_version: "plan_graph_v1", plan_model_version: "0.2.0", run_id: "run-hostile", scenario_id: "scn-hostile", plan_type: "matrix", templates: [template], nodes, edges };
  };
  return { value: make, text: () => JSON.stringify(make()) };
}

/** An MPLP plan of `steps` steps, each depending on the one before, the first on the last. */
function mplpCycle(params: Params): HostileInput {
  const n = num(params, "steps");
  const id = (i: number) => `550e8400-e29b-41d4-a716-${i.toString(16).padStart(12, "0")}`;
  const make = () => {
    const plan = host("mplp-plan") as Record<string, unknown>;
    plan.steps = Array.from({ length: n }, (_, i) => ({ step_id: id(i), description: `step ${i}`, status: "pending", dependencies: [id((i + n - 1) % n)] }));
    return plan;
  };
  return { value: make, text: () => JSON.stringify(make()) };
}

/** `length` callGraph nodes chained by edges, each calling the next graph; the last calls its own graph when `selfCallAtEnd`. */
function callGraphChain(params: Params): HostileInput {
  const n = num(params, "length");
  const called = (i: number) => (params.selfCallAtEnd === true && i === n - 1 ? "graph:g0" : `graph:g${i + 1}`);
  const make = () => chainGraph("graph:g0", n, (i) => ({ type: "callGraph", parameters: { graphId: called(i), revision: "1.0.0" } }), false);
  return { value: make, text: () => JSON.stringify(make()) };
}

/** The example matrix scenario with `axes` more expanded axes of `values` values each. */
function matrix(params: Params): HostileInput {
  const axes = num(params, "axes");
  const values = num(params, "values");
  const make = () => {
    const s = scenario() as { plan: { axes: Record<string, unknown>; expand: string[] } };
    for (let a = 0; a < axes; a++) {
      const name = `axis${a}`;
      s.plan.axes[name] = Array.from({ length: values }, (_, i) => i);
      s.plan.expand.push(name);
    }
    return s;
  };
  return { value: make, text: () => JSON.stringify(make()) };
}

/** A generator: its parameters (and `dir`, the case's folder, for files it names). */
type GeneratorFn = (params: Params, dir: string) => HostileInput;

export const GENERATORS: Readonly<Record<string, { readonly params: readonly string[]; readonly make: GeneratorFn }>> = {
  /** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels. */
  "deep-nesting": {
    params: ["kind", "depth"],
    make: (p) => {
      const depth = num(p, "depth");
      const array = str(p, "kind") === "array";
      return {
        text: () => (array ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "null" + "}".repeat(depth)),
        value: () => {
          let v: unknown = array ? [] : null;
          for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
          return v;
        },
      };
    },
  },
  /** A string of `length` characters `x`. */
  "big-string": {
    params: ["length"],
    make: (p) => {
      const value = () => "x".repeat(num(p, "length"));
      return { value, text: () => `"${value()}"` };
    },
  },
  /** An object with one member whose name is `length` characters long. */
  "long-member-name": {
    params: ["length"],
    make: (p) => {
      const name = () => "k".repeat(num(p, "length"));
      return { value: () => ({ [name()]: 1 }), text: () => `{"${name()}":1}` };
    },
  },
  /** An array of `length` copies of `item` (default 0). */
  "long-array": {
    params: ["length", "item"],
    make: (p) => {
      const n = num(p, "length");
      const item = (p.item ?? 0) as Json;
      return { value: () => Array.from({ length: n }, () => structuredClone(item)), text: () => "[" + new Array<string>(n).fill(JSON.stringify(item)).join(",") + "]" };
    },
  },
  /** An object of `members` members named `name` with `{i}` replaced by their index, each holding `value` (default 0). */
  "wide-object": {
    params: ["members", "name", "value"],
    make: (p) => {
      const n = num(p, "members");
      const name = str(p, "name");
      const make = () => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) setMember(out, name.replace("{i}", String(i)), structuredClone(p.value ?? 0));
        return out;
      };
      return { value: make, text: () => JSON.stringify(make()) };
    },
  },
  /** The case's committed `file`, as text and bytes, and as a value built member by member with Object.defineProperty. */
  "via-define-property": {
    params: ["file"],
    make: (p, dir) => {
      const file = join(dir, str(p, "file"));
      const text = () => readFileSync(file, "utf8");
      return { text, bytes: () => readFileSync(file), value: () => viaDefineProperty(JSON.parse(text())) };
    },
  },
  /** Host `host` with each of `keys` added, with Object.defineProperty, to every object it has (value `{"polluted": true}`); a plan's hash recomputed when `rehash`. */
  "proto-keys-everywhere": {
    params: ["host", "keys", "rehash"],
    make: (p) => {
      const keys = p.keys as string[];
      const make = () => {
        const doc = host(str(p, "host"));
        const objects: object[] = [];
        const walk = (v: unknown) => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v !== null && typeof v === "object") {
            objects.push(v);
            Object.values(v).forEach(walk);
          }
        };
        walk(doc);
        for (const o of objects) for (const key of keys) Object.defineProperty(o, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
        return p.rehash === true ? rehash(doc) : doc;
      };
      return { value: make, text: () => JSON.stringify(make()) };
    },
  },
  /** Raw bytes, given in hex (they need not be UTF-8). */
  "raw-bytes": {
    params: ["hex"],
    make: (p) => ({ bytes: () => Buffer.from(str(p, "hex").replace(/\s+/g, ""), "hex") }),
  },
  /**
   * Given in case.json itself: `text` (JSON string escapes there make any JavaScript string, lone
   * surrogates included) and/or `value` (with `{"$special": …}` for values JSON cannot write; its
   * text, when no `text` is given, is the value as JSON.stringify writes it).
   */
  literal: {
    params: ["text", "value"],
    make: (p) => ({
      ...((typeof p.text === "string" || p.value !== undefined) && { text: () => (typeof p.text === "string" ? p.text : JSON.stringify(p.value)) }),
      ...(p.value !== undefined && { value: () => special(p.value) }),
    }),
  },
  "secret-sweep": { params: ["host", "refusedAt", "prefix"], make: secretSweep },
  "authoring-graph-nodes": { params: ["nodes", "cycle"], make: authoringGraphNodes },
  "plan-graph-cycle": { params: ["nodes"], make: planGraphCycle },
  "mplp-cycle": { params: ["steps"], make: mplpCycle },
  "callgraph-chain": { params: ["length", "selfCallAtEnd"], make: callGraphChain },
  matrix: { params: ["axes", "values"], make: matrix },
};

/** The kinds of credential the samples cover, to check they cover every pattern. */
export function sampleKinds(): string[] {
  return CREDENTIAL_SAMPLES.map((s) => CREDENTIAL_VALUE_PATTERNS.find((shape) => matchesCredentialShape(shape, s))?.[0] ?? "none");
}
