/**
 * The properties every validator of user documents has (docs/fuzzing.md), registered as Vitest
 * tests for one validator at a time:
 *
 * 1. arbitrary JSON (hostile member names included) never makes it throw, change its input or a
 *    built-in prototype, and gives the documented result with well-formed issues that point into
 *    the input; valid ⇔ no error;
 * 2. the same for objects of the right `format` with arbitrary members (past the format gate);
 * 3. the same for mutations of the valid fixtures (removed members, other types, other enum
 *    values, other ids, reordered arrays, huge strings, renamed and added members);
 * 3b. the same with one value anywhere replaced by a hostile one (an object whose toString is not
 *    a function, a prototype name, a lone surrogate, …) or removed;
 * 4. a credential member name or value put anywhere in a valid fixture is reported there
 *    (the document is never valid);
 * 5. validity and the issue codes do not depend on the order of members.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import type { ValidationIssue } from "@graphenix/contracts";
import { encodePointer } from "@graphenix/core";
import { anyJson, copy, corpusOf, credentialName, credentialValue, hostileValueAt, mutatedDocument, pathsOf, shuffleKeys, shuffleSeed, valueAt, withFormat, type Path } from "./arbitraries.js";
import { checkBinding, checkValidation, guarded, type IssueTarget } from "./assert-issues.js";
import { CI_RUNS, fuzz } from "./runs.js";

interface Result {
  valid: boolean;
  issues: readonly ValidationIssue[];
}

export interface ValidatorSpec {
  /** As the tests name it, e.g. `validateTrace`. */
  readonly name: string;
  /** Calls the validator on one document. */
  readonly validate: (document: unknown) => unknown;
  /** `validation` (`{ valid, value?, issues }`, the default) or `binding` (`{ valid, issues }`). */
  readonly shape?: "validation" | "binding";
  /** Where issues point; default the document itself (paths are always into the document). */
  readonly target?: (document: unknown) => IssueTarget;
  /** Valid documents to mutate. */
  readonly fixtures: readonly unknown[];
  /** Invalid documents (the `_error_` fixtures) to mutate as well: they start closer to the rules. */
  readonly invalidFixtures?: readonly unknown[];
  /** Applied to every mutated document before validation, e.g. to recompute a hash so deeper rules run. */
  readonly afterMutation?: (document: unknown) => unknown;
  /** The `format` string the validator reads, if any. */
  readonly format?: string;
  /** Run counts for CI, by property (each goes through `fuzz`); default {@link CI_RUNS} each. */
  readonly runs?: Partial<Record<"arbitrary" | "mutations" | "credentials" | "order", number>>;
  /**
   * Where a credential may be put (default: anywhere). Documents such as a runtime object with a
   * closed schema still must report it; this only narrows where the tests look.
   */
  readonly credentialPaths?: (document: unknown) => readonly Path[];
}

function check(spec: ValidatorSpec, document: unknown): Result {
  const result = guarded(() => spec.validate(document), [document]);
  const target = spec.target ? spec.target(document) : { document };
  return spec.shape === "binding" ? checkBinding(result, target) : checkValidation(result, target);
}

const codes = (r: Result) => r.issues.map((i) => i.code).sort();

/** Registers the properties of one validator in the current `describe`. */
export function validatorProperties(spec: ValidatorSpec): void {
  for (const fixture of spec.fixtures) {
    // The properties below assume valid starting points: a fixture that fails is a broken test.
    const r = check(spec, fixture);
    if (!r.valid) throw new Error(`${spec.name}: a fixture is not valid: ${JSON.stringify(r.issues.slice(0, 3))}`);
  }

  it(`${spec.name}: arbitrary JSON gives the documented result with well-formed issues`, () => {
    fc.assert(
      fc.property(anyJson, (doc) => {
        check(spec, doc);
      }),
      fuzz(spec.runs?.arbitrary ?? CI_RUNS),
    );
  });

  if (spec.format !== undefined) {
    const format = spec.format;
    it(`${spec.name}: arbitrary members under the right format`, () => {
      fc.assert(
        fc.property(withFormat(format), (doc) => {
          check(spec, doc);
        }),
        fuzz(spec.runs?.arbitrary ?? CI_RUNS),
      );
    });
  }

  const seeds = [...spec.fixtures, ...(spec.invalidFixtures ?? [])];
  const corpus = corpusOf(seeds);
  const after = spec.afterMutation ?? ((d: unknown) => d);
  it(`${spec.name}: mutations of valid documents give well-formed issues at pointers that resolve`, () => {
    fc.assert(
      fc.property(mutatedDocument(seeds, { corpus }), ({ doc }) => {
        check(spec, after(doc));
      }),
      fuzz(spec.runs?.mutations ?? CI_RUNS),
    );
  });

  it(`${spec.name}: a hostile value at any place of a valid document`, () => {
    fc.assert(
      fc.property(hostileValueAt(seeds, { unreadable: true }), ({ doc }) => {
        check(spec, after(doc));
      }),
      fuzz(spec.runs?.mutations ?? CI_RUNS),
    );
  });

  it(`${spec.name}: a credential put anywhere is reported where it is`, () => {
    const places = spec.fixtures.map((f) =>
      (spec.credentialPaths ? spec.credentialPaths(f) : pathsOf(f)).filter((p) => {
        const v = valueAt(f, p);
        return v !== null && typeof v === "object" && !Array.isArray(v);
      }),
    );
    const strings = spec.fixtures.map((f) => (spec.credentialPaths ? spec.credentialPaths(f) : pathsOf(f)).filter((p) => typeof valueAt(f, p) === "string"));
    fc.assert(
      fc.property(fc.nat({ max: spec.fixtures.length - 1 }), fc.nat(), fc.boolean(), credentialName, credentialValue, (index, pick, byName, name, secret) => {
        const doc = copy(spec.fixtures[index]);
        const candidates = byName ? places[index]! : strings[index]!;
        fc.pre(candidates.length > 0);
        const at = candidates[pick % candidates.length]!;
        let pointer: string;
        if (byName) {
          Object.defineProperty(valueAt(doc, at), name, { value: "x", enumerable: true, writable: true, configurable: true });
          pointer = encodePointer([...at, name]);
        } else {
          const parent = valueAt(doc, at.slice(0, -1)) as Record<string | number, unknown>;
          parent[at[at.length - 1]!] = secret;
          pointer = encodePointer(at);
        }
        const r = check(spec, doc);
        expect(r.valid).toBe(false);
        // A validator that checks `format` first stops at a format it does not read (still invalid).
        if (r.issues.some((i) => i.code === "format-unsupported" || i.code === "format-missing")) return;
        const code = byName ? "forbidden-credential-key" : "forbidden-credential-value";
        expect(r.issues.filter((i) => i.code === code).map((i) => i.pointer)).toContain(pointer);
      }),
      fuzz(spec.runs?.credentials ?? CI_RUNS),
    );
  });

  it(`${spec.name}: validity and issue codes do not depend on member order`, () => {
    fc.assert(
      fc.property(fc.oneof(mutatedDocument(seeds, { corpus, huge: false }).map((m) => after(m.doc)), fc.constantFrom(...seeds)), shuffleSeed, (doc, seed) => {
        const a = check(spec, doc);
        const b = check(spec, shuffleKeys(doc, seed));
        expect(b.valid).toBe(a.valid);
        if (!a.issues.some((i) => i.code === "issues-truncated")) expect(codes(b)).toEqual(codes(a));
      }),
      fuzz(spec.runs?.order ?? CI_RUNS),
    );
  });
}
