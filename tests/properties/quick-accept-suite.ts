/**
 * The properties of a generated quick accept (docs/quick-accept.md), registered as Vitest tests for
 * one schema at a time: it accepts the valid fixtures (so validation takes the quick path for
 * them), and it never accepts a document the full path has anything to say about, neither the scan
 * (limits, credentials, non-JSON values) nor Ajv, under default and tight limits.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { DEFAULT_VALIDATION_LIMITS, IssueCollector, quickAccept, scanDocument, type QuickAccept, type QuickAcceptTrust, type ScanOptions, type SchemaValidator, type ValidationLimits } from "@graphenix/core";
import { anyJson, copy, corpusOf, credentialName, credentialValue, hostileValueAt, mutatedDocument, pathsOf, valueAt, withFormat } from "./arbitraries.js";
import { fuzz } from "./runs.js";

export interface QuickAcceptSpec {
  /** The generated check's name, e.g. `acceptTrace`. */
  readonly name: string;
  readonly accept: QuickAccept;
  readonly trust: QuickAcceptTrust;
  /** The Ajv validator of the same schema. */
  readonly schema: SchemaValidator;
  /** The scan options the validator uses. */
  readonly scan: ScanOptions;
  /** Documents the full path accepts without a word. */
  readonly valid: readonly unknown[];
  /** Documents with issues (error fixtures), mutated too. */
  readonly invalid?: readonly unknown[];
  readonly format: string;
  /** Member names the scan reports besides credential names (a plan's run-evidence names). */
  readonly forbiddenNames?: readonly string[];
  /** Runs of the "never accepts" property. */
  readonly runs?: number;
}

/**
 * A copy of one of `docs` with a credential written into one of its objects: a new member with a
 * credential name, a member's value replaced by a credential, or a member renamed to a credential
 * name with its value kept (what a map keyed by ids, such as `nodes`, would let through).
 */
function withCredential(docs: readonly unknown[], forbiddenNames: readonly string[]) {
  const names = forbiddenNames.length > 0 ? fc.oneof(credentialName, fc.constantFrom(...forbiddenNames)) : credentialName;
  return fc.tuple(fc.constantFrom(...docs), fc.nat(), names, credentialValue, fc.constantFrom("add", "value", "rename")).map(([doc0, pick, name, secret, how]) => {
    const doc = copy(doc0);
    const objects = pathsOf(doc).filter((p) => {
      const v = valueAt(doc, p);
      return v !== null && typeof v === "object" && !Array.isArray(v);
    });
    const target = valueAt(doc, objects[pick % objects.length]!) as Record<string, unknown>;
    const key = Object.keys(target)[pick % Math.max(1, Object.keys(target).length)];
    if (how === "add" || key === undefined) target[name] = "x";
    else if (how === "value") target[key] = secret;
    else {
      target[name] = target[key];
      Reflect.deleteProperty(target, key);
    }
    return doc;
  });
}

export function quickAcceptProperties(spec: QuickAcceptSpec): void {
  const fullPathIsSilent = (doc: unknown, limits: ValidationLimits) => {
    const issues = new IssueCollector(limits.maxIssues);
    return scanDocument(doc, limits, spec.scan, issues) && issues.finish().length === 0 && spec.schema(doc);
  };
  const quickAccepts = (doc: unknown, limits: ValidationLimits) => quickAccept(spec.accept, doc, limits, spec.scan, spec.trust);

  it(`${spec.name} accepts every valid fixture (so validation takes the quick path for them)`, () => {
    expect(spec.valid.length).toBeGreaterThan(0);
    for (const doc of spec.valid) {
      expect(fullPathIsSilent(doc, DEFAULT_VALIDATION_LIMITS)).toBe(true);
      expect(quickAccepts(doc, DEFAULT_VALIDATION_LIMITS)).toBe(true);
    }
  });

  it(`${spec.name} never accepts a document the scan or the schema has anything to say about`, () => {
    const invalid = spec.invalid ?? [];
    const corpus = corpusOf([...spec.valid, ...invalid]);
    // Each as { doc }: a hostile one may throw when read, and fast-check only prints its holder.
    const docs = fc.oneof(
      fc.constantFrom(...spec.valid, ...invalid).map((doc) => ({ doc })),
      mutatedDocument(spec.valid, { corpus }),
      mutatedDocument(spec.valid, { corpus, huge: false }),
      hostileValueAt(spec.valid, { unreadable: true }),
      withCredential(spec.valid, spec.forbiddenNames ?? []).map((doc) => ({ doc })),
      withFormat(spec.format).map((doc) => ({ doc })),
      anyJson.map((doc) => ({ doc })),
    );
    fc.assert(
      fc.property(docs, fc.integer({ min: 2, max: 8 }), fc.integer({ min: 4, max: 64 }), ({ doc }, maxDepth, maxStringLength) => {
        for (const limits of [DEFAULT_VALIDATION_LIMITS, { ...DEFAULT_VALIDATION_LIMITS, maxDepth, maxStringLength }]) {
          if (quickAccepts(doc, limits)) expect(fullPathIsSilent(doc, limits)).toBe(true);
        }
      }),
      fuzz(spec.runs ?? 3_000),
    );
  });
}
