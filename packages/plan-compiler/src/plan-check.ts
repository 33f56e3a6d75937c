/**
 * Whether a v2 plan is sure to pass plan-format without running its validator on it
 * (docs/plan-compiler.md, "The plan's check"). The plan is built from inputs that validated, so
 * plan-format could reject it only past one of its own limits, or because the graph read
 * differently when the plan was built from it (a getter or a Proxy) than when it was validated.
 * Both are ruled out here at a fraction of the cost of validating the plan (5–8% of compiling a
 * 10k-node graph, against about 30%); when they cannot be, the compile validates the plan.
 */
import { validateNormalizedExecutableGraph } from "@graphenix/authoring-format";
import type { NormalizedExecutableGraphDocument } from "@graphenix/contracts";
import { IssueCollector, scanDocument, type ValidationLimits } from "@graphenix/core";
import { RUN_EVIDENCE_ONLY } from "./input-checks.js";

/**
 * Longer than any string the compiler writes itself: unit ids (at most 256, derived-ids.ts), gate
 * ids, source paths (a node id of at most 256 characters, whose pattern needs no escaping, and at
 * most about 60 more) and the fixed explanations of case selection. A plan's other strings are the
 * validated inputs' own.
 */
export const LONGEST_DERIVED_STRING = 1_024;

/** How many levels deeper a v2 plan holds the normalized graph than the graph itself: `normalizedGraph.graph`. */
export const GRAPH_DEPTH_IN_PLAN = 2;

/**
 * True when the v2 plan built from `graph` (the normalized graph the compile made, plain data) is
 * sure to validate under `limits`: no string the compiler derives can pass `maxStringLength`; the
 * graph validates as a normalized graph two levels less deep than `maxDepth` allows (so its
 * embedding fits, and every value the plan took from it is schema-valid and free of credentials
 * however the input read the second time); and it has no run-evidence member name. The plan's
 * remaining parts (units, node index, case selection, hashes) are made by the compiler from those
 * values, which the property tests hold to plan-format on every fixture and mutation of them.
 */
export function planIsSureToValidate(graph: NormalizedExecutableGraphDocument, limits: ValidationLimits): boolean {
  if (limits.maxStringLength < LONGEST_DERIVED_STRING || limits.maxDepth <= GRAPH_DEPTH_IN_PLAN) return false;
  const embedded = { ...limits, maxDepth: limits.maxDepth - GRAPH_DEPTH_IN_PLAN };
  if (!validateNormalizedExecutableGraph(graph, { limits: embedded }).valid) return false;
  const found = new IssueCollector(1);
  return scanDocument(graph, limits, RUN_EVIDENCE_ONLY, found) && found.errorCount === 0;
}
