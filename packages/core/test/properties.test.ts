/**
 * Property tests of @graphenix/core's functions that take user data (docs/fuzzing.md). Other
 * core properties live beside the code they test: parse-json.test.ts (agreement with JSON.parse
 * on generated documents), jcs-differential.test.ts (RFC 8785 against the reference
 * implementation), pointer-utf8.test.ts (pointer round trip, UTF-8 order), json-equal.test.ts,
 * scan.test.ts (credential first look) and topo.test.ts (edges go forward, cycles are real).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "@graphenix/contracts";
import {
  CanonicalizationError,
  canonicalBytes,
  canonicalize,
  canonicalizeResult,
  cloneJson,
  credentialValueKind,
  DEFAULT_VALIDATION_LIMITS,
  decodePointer,
  digest,
  digestResult,
  encodePointer,
  IssueCollector,
  isCredentialName,
  isDigest,
  isJsonPointer,
  JsonPointerError,
  locatePointer,
  locationAt,
  parseJson,
  parseJsonBytes,
  quickAccept,
  resolvePointer,
  scanDocument,
  setMember,
  sha256Hex,
  topologicalOrder,
  type ScanOptions,
  type ValidationLimits,
} from "@graphenix/core";
import { checkIssues, checkOperation, checkPrototypes, guarded } from "../../../tests/properties/assert-issues.js";
import {
  anyJson,
  credentialName,
  credentialValue,
  duplicatedMemberText,
  HOSTILE_KEYS,
  hostileJson,
  jsonishText,
  memberPaths,
  pathsOf,
  readFixture,
  shuffleKeys,
  shuffleSeed,
  valueAt,
} from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";

/** Documents of every format, as the repository ships them: sources of real member paths. */
const FIXTURES = [
  "examples/content-pipeline.authoring.json",
  "examples/content-pipeline.runtime.json",
  "examples/matrix-scenario.json",
  "examples/lab-inventory.json",
  "packages/plan-format/test/fixtures/seed-v1/input.plan.json",
  "packages/trace-format/test/fixtures/content-pipeline-retry-fallback/trace.json",
  "packages/plan-graph/test/fixtures/mplp/tests/golden/flows/flow-05-single-agent-confirm-required/input/plan.json",
].map((f) => readFixture(f));

const PARSE_CODES = new Set(["json-syntax", "json-duplicate-key", "json-depth-limit", "json-size-limit", "json-lone-surrogate", "json-number-out-of-range", "json-invalid-utf8", "json-byte-order-mark"]);

/** JSON.parse's reading of `text`, or undefined when it throws. */
function nativeParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Nesting depth as the reader counts it: every array or object, empty ones included, is a level. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((m, c) => Math.max(m, depthOf(c)), 0);
}

/** A parse failure: one coded issue whose location is where its offset is in the text. */
function checkParseFailure(text: string, issues: readonly ValidationIssue[]): ValidationIssue {
  expect(issues).toHaveLength(1);
  const issue = issues[0]!;
  expect(PARSE_CODES.has(issue.code), issue.code).toBe(true);
  expect(issue.message.length).toBeGreaterThan(0);
  expect(issue.severity).toBe("error");
  expect(issue.pointer).toBe(encodePointer(issue.path));
  const location = issue.location!;
  expect(location.offset).toBeGreaterThanOrEqual(0);
  expect(location.offset).toBeLessThanOrEqual(text.length);
  expect(locationAt(text, location.offset!)).toEqual(location);
  return issue;
}

/** The issues of a failed operation (an empty list for a success, which the caller has ruled out). */
function issuesOf(result: { ok: boolean }): readonly ValidationIssue[] {
  return "issues" in result ? (result.issues as readonly ValidationIssue[]) : [];
}

/** Every object of a parsed value is a plain object: `__proto__` was kept as data. */
function plainObjectsOnly(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(plainObjectsOnly);
}

describe("parseJson and parseJsonBytes: properties", () => {
  it("never throw on almost-JSON text: a value JSON.parse agrees with, or one located issue", () => {
    fc.assert(
      fc.property(jsonishText, (text) => {
        const result = guarded(() => parseJson(text));
        const native = nativeParse(text);
        // A failure's pointer names where the reader stopped, not a place in a value (there is none).
        expect(Object.keys(result).sort()).toEqual(result.ok ? ["ok", "value"] : ["issues", "ok"]);
        const r = result;
        if (r.ok) {
          expect(native, "parseJson accepted what JSON.parse rejects").toBeDefined();
          expect(JSON.stringify(r.value)).toBe(JSON.stringify(native!.value));
          expect(plainObjectsOnly(r.value)).toBe(true);
          return;
        }
        const issue = checkParseFailure(text, r.issues);
        // Text JSON.parse reads but a strict reader refuses: only for these reasons. (Where the
        // pointer is in JSON.parse's reading is checked below, one problem at a time: a later
        // duplicate of an outer member replaces the object an earlier problem is in.)
        if (native) expect(["json-duplicate-key", "json-lone-surrogate", "json-number-out-of-range"]).toContain(issue.code);
      }),
      fuzz(3_000),
    );
  });

  it("a lone surrogate or a number beyond double range is reported at the pointer where JSON.parse reads it", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.constantFrom('"\\ud800"', '"a\\udc00"', '"\ud800"', "1e400", "-1e400"), fc.boolean(), (doc, pick, bad, inKey) => {
        const marker = "\u0000marker\u0000";
        const holder = { doc } as Record<string, unknown>;
        const objects = pathsOf(holder).filter((p) => { const v = valueAt(holder, p); return v !== null && typeof v === "object" && !Array.isArray(v); });
        const at = objects[pick % objects.length]!;
        const asKey = inKey && bad.startsWith('"');
        setMember(valueAt(holder, at) as Record<string, unknown>, asKey ? marker : "bad", marker);
        const text = JSON.stringify(holder).replace(JSON.stringify(marker), bad).replace(JSON.stringify(marker), "0");
        const result = guarded(() => parseJson(text));
        expect(result.ok).toBe(false);
        const issue = checkParseFailure(text, issuesOf(result));
        expect(issue.code).toBe(bad.startsWith('"') ? "json-lone-surrogate" : "json-number-out-of-range");
        // A bad member name is reported at the object holding it, a bad value at the value.
        expect(issue.pointer).toBe(encodePointer(asKey ? at : [...at, "bad"]));
        expect(resolvePointer(JSON.parse(text), issue.pointer).found).toBe(true);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("report a member written twice as json-duplicate-key, at the duplicate, in every fixture", () => {
    const cases = FIXTURES.flatMap((doc) => memberPaths(doc).map((path) => ({ doc, path })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.boolean(), fc.option(anyJson, { nil: undefined }), ({ doc, path }, pretty, other) => {
        const text = duplicatedMemberText(doc, path, other, pretty);
        const result = guarded(() => parseJson(text));
        expect(result.ok).toBe(false);
        const issue = checkParseFailure(text, issuesOf(result));
        expect(issue.code).toBe("json-duplicate-key");
        expect(issue.pointer).toBe(encodePointer(path));
        // The location is the second occurrence of the name; JSON.parse keeps that one.
        const name = JSON.stringify(path[path.length - 1]);
        expect(text.startsWith(name, issue.location!.offset)).toBe(true);
        expect(text.indexOf(name, issue.location!.offset + 1) === -1 || text.slice(0, issue.location!.offset).includes(name)).toBe(true);
        expect(resolvePointer(JSON.parse(text), issue.pointer).found).toBe(true);
        expect(parseJsonBytes(Buffer.from(text, "utf8"))).toEqual(result);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("keep __proto__, constructor and the other hostile member names as plain data", () => {
    fc.assert(
      fc.property(hostileJson, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const result = guarded(() => parseJson(text));
        if (!result.ok) {
          // Only the lone surrogates JSON.parse lets through are refused.
          expect(result.issues[0]!.code).toBe("json-lone-surrogate");
          return;
        }
        expect(JSON.stringify(result.value, null, pretty ? 2 : undefined)).toBe(text);
        expect(plainObjectsOnly(result.value)).toBe(true);
      }),
      fuzz(2_000),
    );
  });

  it("enforce maxDepth and maxBytes exactly", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), fc.nat({ max: 400 }), (value, maxDepth, maxBytes) => {
        const text = JSON.stringify(value);
        const depthOnly = guarded(() => parseJson(text, { maxDepth }));
        expect(depthOnly.ok).toBe(depthOf(value) <= maxDepth);
        if (!depthOnly.ok) expect(checkParseFailure(text, depthOnly.issues).code).toBe("json-depth-limit");
        const bytes = Buffer.byteLength(text, "utf8");
        const sizeOnly = guarded(() => parseJsonBytes(Buffer.from(text, "utf8"), { maxBytes }));
        expect(sizeOnly.ok).toBe(bytes <= maxBytes);
        expect(parseJson(text, { maxBytes }).ok).toBe(bytes <= maxBytes);
        if (!sizeOnly.ok) expect(sizeOnly.issues[0]!.code).toBe("json-size-limit");
      }),
      fuzz(2_000),
    );
  });

  it("never throw on arbitrary bytes; well-formed UTF-8 reads as its text", () => {
    const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.tuple(jsonishText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })).map(([text, edits]) => {
        const b = Buffer.from(text, "utf8");
        for (const [at, byte] of edits) if (b.length > 0) b[at % b.length] = byte;
        return new Uint8Array(b);
      }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const result = guarded(() => parseJsonBytes(b));
        let text: string | undefined;
        try {
          text = utf8.decode(b);
        } catch {
          text = undefined;
        }
        if (text === undefined) {
          expect(result.ok).toBe(false);
          expect(issuesOf(result).map((i) => i.code)).toEqual(["json-invalid-utf8"]);
        } else {
          expect(result).toEqual(parseJson(text));
        }
      }),
      fuzz(2_000),
    );
  });
});

/** In-memory values a program might hand the canonicalizer: JSON, and what JSON cannot carry. */
const anyValue = fc.oneof(
  anyJson,
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.constantFrom<unknown>(undefined, NaN, Infinity, -Infinity, () => 1, Symbol("s"), { toJSON: () => 1 }, new (class Point {
    x = 1;
  })(), [1, , 3]), // eslint-disable-line no-sparse-arrays
  anyJson.map((v) => {
    // A cycle, somewhere inside.
    const box: Record<string, unknown> = { v };
    box.self = { back: box };
    return box;
  }),
);

describe("canonicalize, digest: properties", () => {
  it("canonical text is idempotent: canon(parse(canon(x))) === canon(x), and parses with the strict reader", () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const result = guarded(() => canonicalizeResult(value), [value]);
        if (!result.ok) {
          // JSON values fail only for a lone surrogate (JSON.parse accepts them, RFC 8785 cannot write them).
          checkIssues(result.issues, { document: value });
          expect(result.issues.map((i) => i.code)).toEqual(["jcs-lone-surrogate"]);
          return;
        }
        const reread = parseJson(result.value);
        expect(reread.ok).toBe(true);
        expect(canonicalize((reread as { value: unknown }).value)).toBe(result.value);
        expect(canonicalize(JSON.parse(result.value))).toBe(result.value);
      }),
      fuzz(3_000),
    );
  });

  it("digest, canonical text and bytes do not depend on member order", () => {
    fc.assert(
      fc.property(anyJson, shuffleSeed, (value, seed) => {
        const a = canonicalizeResult(value);
        fc.pre(a.ok);
        const shuffled = shuffleKeys(value, seed);
        expect(canonicalize(shuffled)).toBe((a as { value: string }).value);
        const d = digest(shuffled);
        expect(d).toBe(digest(value));
        expect(isDigest(d)).toBe(true);
        expect(d).toBe(`sha256:${sha256Hex(canonicalBytes(value))}`);
        expect(digestResult(shuffled)).toEqual({ ok: true, value: d });
      }),
      fuzz(2_000),
    );
  });

  it("canonicalizeResult / digestResult never throw; canonicalize throws only a CanonicalizationError with the same issue, at a pointer that resolves", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const result = guarded(() => canonicalizeResult(value));
        const r = checkOperation<{ value: string }>(result, ["value"], { document: value });
        let thrown: unknown;
        try {
          expect(canonicalize(value)).toBe(r.ok ? r.value : undefined);
        } catch (e) {
          thrown = e;
        }
        checkPrototypes();
        if (r.ok) {
          expect(thrown).toBeUndefined();
          expect(parseJson(r.value).ok).toBe(true);
          expect(digestResult(value)).toEqual({ ok: true, value: `sha256:${sha256Hex(r.value)}` });
        } else {
          expect(r.issues).toHaveLength(1);
          expect(r.issues[0]!.code.startsWith("jcs-")).toBe(true);
          expect(thrown).toBeInstanceOf(CanonicalizationError);
          expect((thrown as CanonicalizationError).issue).toEqual(r.issues[0]);
          expect(digestResult(value)).toEqual(r);
        }
      }),
      fuzz(1_500),
    );
  });
});

describe("JSON Pointers: properties", () => {
  it("every path of a document encodes to a pointer that resolves to its value; inherited members never resolve", () => {
    fc.assert(
      fc.property(hostileJson, fc.constantFrom(...HOSTILE_KEYS), (doc, hostile) => {
        for (const path of pathsOf(doc)) {
          const pointer = encodePointer(path);
          expect(isJsonPointer(pointer)).toBe(true);
          expect(decodePointer(pointer)).toEqual(path.map(String));
          const found = guarded(() => resolvePointer(doc, pointer));
          expect(found.found && Object.is(found.value, valueAt(doc, path))).toBe(true);
          const parent = valueAt(doc, path);
          if (parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.prototype.hasOwnProperty.call(parent, hostile)) {
            expect(resolvePointer(doc, encodePointer([...path, hostile])).found).toBe(false);
          }
        }
      }),
      fuzz(2_000),
    );
  });

  it("any string: isJsonPointer says whether decoding throws, and the only throw is JsonPointerError", () => {
    const pointerish = fc.oneof(fc.string({ unit: fc.constantFrom("/", "~", "0", "1", "2", "a", "-", "_") , maxLength: 10 }), fc.string({ unit: "binary", maxLength: 10 }));
    fc.assert(
      fc.property(pointerish, hostileJson, (pointer, doc) => {
        let thrown: unknown;
        try {
          guarded(() => resolvePointer(doc, pointer));
          decodePointer(pointer);
        } catch (e) {
          thrown = e;
        }
        if (isJsonPointer(pointer)) expect(thrown).toBeUndefined();
        else expect(thrown).toBeInstanceOf(JsonPointerError);
      }),
      fuzz(3_000),
    );
  });

  it("locatePointer never throws, stays inside the text, and finds the member name or value a pointer names", () => {
    fc.assert(
      fc.property(hostileJson, fc.boolean(), fc.nat(), fc.string({ unit: "binary", maxLength: 8 }), jsonishText, (doc, pretty, pick, junkPointer, junkText) => {
        const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
        const paths = pathsOf(doc);
        const path = paths[pick % paths.length]!;
        const location = guarded(() => locatePointer(text, encodePointer(path)));
        const at = location.offset!;
        const last = path[path.length - 1];
        if (typeof last === "string") expect(text.startsWith(JSON.stringify(last), at)).toBe(true);
        else expect(text.startsWith(JSON.stringify(valueAt(doc, path))!.slice(0, 1), at)).toBe(true);
        for (const [t, p] of [[junkText, junkPointer], [junkText, encodePointer(path)], [text, junkPointer]] as const) {
          const l = guarded(() => locatePointer(t, p));
          expect(l.offset).toBeGreaterThanOrEqual(0);
          expect(l.offset).toBeLessThanOrEqual(t.length);
        }
      }),
      fuzz(2_000),
    );
  });
});

describe("scanDocument and the credential rule: properties", () => {
  it("the scan never throws on any value; its issues point into the value", () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 40 }), (value, maxDepth, maxStringLength) => {
        for (const limits of [DEFAULT_VALIDATION_LIMITS, { ...DEFAULT_VALIDATION_LIMITS, maxDepth, maxStringLength, maxIssues: 5 }]) {
          const issues = new IssueCollector(limits.maxIssues);
          const ok = guarded(() => scanDocument(value, limits, { credentials: true }, issues));
          expect(typeof ok).toBe("boolean");
          checkIssues(issues.finish(), { document: value });
        }
      }),
      fuzz(2_000),
    );
  });

  it("a credential member name or value anywhere in a document is reported where it is", () => {
    fc.assert(
      fc.property(hostileJson, fc.nat(), credentialName, credentialValue, fc.boolean(), (doc, pick, name, secret, byName) => {
        fc.pre(canonicalizeResult(doc).ok); // no lone surrogate: those are reported first
        expect(isCredentialName(name)).toBe(true);
        expect(credentialValueKind(secret)).toBeDefined();
        const holder = { doc: cloneJson(doc) } as Record<string, unknown>;
        const objects = pathsOf(holder).filter((p) => { const v = valueAt(holder, p); return v !== null && typeof v === "object" && !Array.isArray(v); });
        const at = objects[pick % objects.length]!;
        const key = byName ? name : "note";
        setMember(valueAt(holder, at) as Record<string, unknown>, key, byName ? "x" : secret);
        const issues = new IssueCollector(1000);
        scanDocument(holder, DEFAULT_VALIDATION_LIMITS, { credentials: true }, issues);
        const found = issues.finish();
        checkIssues(found, { document: holder });
        expect(found.map((i) => `${i.code} ${i.pointer}`)).toContain(`${byName ? "forbidden-credential-key" : "forbidden-credential-value"} ${encodePointer([...at, key])}`);
      }),
      fuzz(2_000),
    );
  });

  it("names with ':' or '/' are ids, never credentials; any string is classified without throwing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), credentialName, (s, name) => {
        guarded(() => [isCredentialName(s), credentialValueKind(s)]);
        expect(isCredentialName(`node:${name}`)).toBe(false);
        expect(isCredentialName(`${name}/x`)).toBe(false);
      }),
      fuzz(3_000),
    );
  });
});

describe("topologicalOrder: properties", () => {
  /** The order by definition: repeatedly take the lowest-index node whose predecessors are all placed. */
  function reference(successors: readonly (readonly number[])[]): number[] | undefined {
    const n = successors.length;
    const indegree = new Array<number>(n).fill(0);
    for (const next of successors) for (const j of next) indegree[j]!++;
    const placed = new Array<boolean>(n).fill(false);
    const order: number[] = [];
    for (;;) {
      const i = indegree.findIndex((d, k) => d === 0 && !placed[k]);
      if (i < 0) break;
      placed[i] = true;
      order.push(i);
      for (const j of successors[i]!) indegree[j]!--;
    }
    return order.length === n ? order : undefined;
  }

  it("is the order where, among ready nodes, the lowest index goes first (whatever order the edges are listed in)", () => {
    const graph = fc.integer({ min: 0, max: 25 }).chain((n) =>
      n === 0 ? fc.constant([] as number[][]) : fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
    );
    fc.assert(
      fc.property(graph, fc.boolean(), shuffleSeed, (successors, acyclicOnly, seed) => {
        const edges = acyclicOnly ? successors.map((next, i) => next.filter((j) => j > i)) : successors;
        const result = guarded(() => topologicalOrder(edges));
        const expected = reference(edges);
        expect(result.ok).toBe(expected !== undefined);
        if (result.ok) expect(result.order).toEqual(expected);
        else {
          expect(result.cycle.length).toBeGreaterThan(0);
          result.cycle.forEach((node, i) => expect(edges[node]).toContain(result.cycle[(i + 1) % result.cycle.length]));
        }
        const reordered = edges.map((next, i) => (i + seed) % 2 === 0 ? [...next].reverse() : [...next.slice(1), ...next.slice(0, 1)]);
        const again = topologicalOrder(reordered);
        expect(again.ok).toBe(result.ok);
        if (again.ok && result.ok) expect(again.order).toEqual(result.order);
      }),
      fuzz(2_000),
    );
  });
});

describe("quickAcceptContext: properties", () => {
  // The context answers "would the scan report nothing?" for the values a generated quick accept
  // leaves open (docs/quick-accept.md): it must agree with scanDocument on every value, under every
  // limit and option, or a quick accept could let through what the scan reports.
  const NO_TRUST = { names: [], literals: [] };
  const FORBIDDEN: ScanOptions = { credentials: true, forbiddenMembers: { names: new Set(["rawresponse"]), code: "plan-forbidden-field", message: () => "run evidence" } };
  const scanIsSilent = (value: unknown, limits: ValidationLimits, options: ScanOptions) => {
    const issues = new IssueCollector(limits.maxIssues);
    return scanDocument(value, limits, options, issues) && issues.finish().length === 0;
  };
  const quickAcceptValue = fc.oneof(
    anyValue,
    fc.constantFrom<unknown>("\ud800", { "raw-Response": 1 }, { "\udc00": 1 }, { a: { b: { c: { d: { e: {} } } } } }),
    fc.tuple(credentialName, credentialValue, fc.boolean()).map(([name, value, byName]) => (byName ? { note: { [name]: "x" } } : { note: [value] })),
  );

  it("calls a value clean exactly when scanDocument reports nothing about it", () => {
    fc.assert(
      fc.property(quickAcceptValue, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (value, maxDepth, maxStringLength, forbidden) => {
        const options = forbidden ? FORBIDDEN : { credentials: true };
        for (const limits of [DEFAULT_VALIDATION_LIMITS, { ...DEFAULT_VALIDATION_LIMITS, maxDepth, maxStringLength }]) {
          expect(quickAccept((v, c) => c.any(v, 0), value, limits, options, NO_TRUST)).toBe(scanIsSilent(value, limits, options));
          // A member the schema does not list: its name counts too (the holding object is a container at depth 0).
          expect(quickAccept((v, c) => c.enter(0) && c.member("x", v, 1), value, limits, options, NO_TRUST)).toBe(scanIsSilent({ x: value }, limits, options));
        }
      }),
      fuzz(3_000),
    );
  });

  it("calls a member name clean exactly when scanDocument reports nothing about a member of that name", () => {
    const memberName = fc.oneof(fc.string(), fc.string({ unit: "binary" }), credentialName, fc.constantFrom("raw-Response", "\ud800x", "\udc00"));
    fc.assert(
      fc.property(memberName, fc.integer({ min: 1, max: 30 }), fc.boolean(), (name, maxStringLength, forbidden) => {
        const options = forbidden ? FORBIDDEN : { credentials: true };
        for (const limits of [DEFAULT_VALIDATION_LIMITS, { ...DEFAULT_VALIDATION_LIMITS, maxStringLength }]) {
          expect(quickAccept((_, c) => c.name(name), null, limits, options, NO_TRUST)).toBe(scanIsSilent({ [name]: null }, limits, options));
        }
      }),
      fuzz(3_000),
    );
  });
});
