/**
 * Property tests of @graphenix/authoring-format (docs/fuzzing.md): the three validators and
 * normalizeAuthoringGraph never throw on arbitrary or mutated documents and report well-formed
 * issues; normalizing is idempotent, independent of member order and gives valid normalized graphs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalize, digest } from "@graphenix/core";
import { AUTHORING_GRAPH_FORMAT, NORMALIZED_GRAPH_FORMAT, normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "@graphenix/authoring-format";
import { checkValidation, guarded } from "../../../tests/properties/assert-issues.js";
import { corpusOf, mutatedDocument, readFixture, readFixtures, shuffleKeys, shuffleSeed } from "../../../tests/properties/arbitraries.js";
import { quickAcceptProperties } from "../../../tests/properties/quick-accept-suite.js";
import { acceptAuthoringGraph, acceptNormalizedGraph, quickAcceptTrust } from "../src/generated/quick-accept.js";
import { validateAuthoringGraphSchema, validateNormalizedGraphSchema } from "../src/generated/schema-validators.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";
import { validatorProperties } from "../../../tests/properties/validator-suite.js";

const fixtures = "packages/authoring-format/test/fixtures";
const compilerFixtures = "packages/plan-compiler/test/fixtures";
const AUTHORING = [
  `${fixtures}/minimal/input.authoring-graph.json`,
  `${fixtures}/content-pipeline/input.authoring-graph.json`,
  `${fixtures}/local-and-plan-phase-actions/input.authoring-graph.json`,
  `${compilerFixtures}/pre-main-post-finalizer/authoring-graph.json`,
  `${compilerFixtures}/seed-audience-insights/authoring-graph.json`,
  "examples/content-pipeline.authoring.json",
].map((f) => readFixture(f));
const RUNTIME = [
  `${fixtures}/runtime-object/input.runtime-object.json`,
  `${compilerFixtures}/content-pipeline/runtime.json`,
  `${compilerFixtures}/seed-audience-insights/runtime.json`,
  "examples/content-pipeline.runtime.json",
].map((f) => readFixture(f));
const NORMALIZED = [
  `${fixtures}/normalized-content-pipeline/input.normalized-graph.json`,
  `${fixtures}/minimal/expected.normalized-graph.json`,
  `${fixtures}/local-and-plan-phase-actions/expected.normalized-graph.json`,
].map((f) => readFixture(f));

const AUTHORING_ERRORS = readFixtures(`${fixtures}/_error_`, "input.authoring-graph.json");

// CI run counts: validators take 0.1–1 ms per document; the suite of each is about 2 s.

describe("authoring-format validators: properties", () => {
  validatorProperties({ name: "validateAuthoringGraph", validate: (d) => validateAuthoringGraph(d), fixtures: AUTHORING, format: AUTHORING_GRAPH_FORMAT });
  validatorProperties({ name: "validateRuntimeObject", validate: (d) => validateRuntimeObject(d), fixtures: RUNTIME });
  validatorProperties({ name: "validateNormalizedExecutableGraph", validate: (d) => validateNormalizedExecutableGraph(d), fixtures: NORMALIZED, format: NORMALIZED_GRAPH_FORMAT });
  validatorProperties({ name: "normalizeAuthoringGraph", validate: (d) => normalizeAuthoringGraph(d), fixtures: [...AUTHORING, ...NORMALIZED], format: AUTHORING_GRAPH_FORMAT });
});

/** Authoring graphs: the fixtures and mutations of them (valid or not). */
const authoring = fc.oneof(fc.constantFrom(...AUTHORING), mutatedDocument(AUTHORING, { corpus: corpusOf(AUTHORING), huge: false, max: 2 }).map((m) => m.doc));

describe("normalizeAuthoringGraph: properties", () => {
  it("is valid exactly when validateAuthoringGraph says the graph is, with the same issues", () => {
    fc.assert(
      fc.property(authoring, (doc) => {
        const normalized = guarded(() => normalizeAuthoringGraph(doc), [doc]);
        const validated = validateAuthoringGraph(doc);
        expect(normalized.valid).toBe(validated.valid);
        expect(normalized.issues).toEqual(validated.issues);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("gives a valid normalized graph, and normalizing it again changes nothing (idempotent), whatever its member order", () => {
    fc.assert(
      fc.property(authoring, shuffleSeed, (doc, seed) => {
        const once = normalizeAuthoringGraph(doc);
        fc.pre(once.valid);
        if (!once.valid) return;
        const checked = checkValidation(validateNormalizedExecutableGraph(once.value), { document: once.value });
        expect(checked.issues).toEqual([]);
        const twice = guarded(() => normalizeAuthoringGraph(once.value), [once.value]);
        expect(twice.valid).toBe(true);
        expect(JSON.stringify((twice as { value: unknown }).value)).toBe(JSON.stringify(once.value));
        const shuffled = guarded(() => normalizeAuthoringGraph(shuffleKeys(once.value, seed)));
        expect(JSON.stringify((shuffled as { value: unknown }).value)).toBe(JSON.stringify(once.value));
        expect(once.value.source.graphHash).toBe(digest(doc));
      }),
      fuzz(CI_RUNS),
    );
  });

  it("does not depend on the order of members: byte-identical output", () => {
    fc.assert(
      fc.property(authoring, shuffleSeed, (doc, seed) => {
        const a = normalizeAuthoringGraph(doc);
        const b = guarded(() => normalizeAuthoringGraph(shuffleKeys(doc, seed)));
        expect(b.valid).toBe(a.valid);
        if (a.valid && b.valid) {
          expect(canonicalize(b.value)).toBe(canonicalize(a.value));
          expect(JSON.stringify(b.value)).toBe(JSON.stringify(a.value));
        }
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("generated quick accepts: properties", () => {
  // Every valid fixture takes the quick path; nothing the full path would report does.
  const SCAN = { credentials: true };
  quickAcceptProperties({ name: "acceptAuthoringGraph", accept: acceptAuthoringGraph, trust: quickAcceptTrust, schema: validateAuthoringGraphSchema, scan: SCAN, valid: AUTHORING, invalid: AUTHORING_ERRORS, format: AUTHORING_GRAPH_FORMAT });
  quickAcceptProperties({ name: "acceptNormalizedGraph", accept: acceptNormalizedGraph, trust: quickAcceptTrust, schema: validateNormalizedGraphSchema, scan: SCAN, valid: NORMALIZED, format: NORMALIZED_GRAPH_FORMAT });
});
