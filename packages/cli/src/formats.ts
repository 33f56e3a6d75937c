import { validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "@graphenix/authoring-format";
import type { ValidationOptions } from "@graphenix/core";
import { AUTHORING_GRAPH_FORMAT, EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2, EXECUTION_TRACE_FORMAT, NORMALIZED_GRAPH_FORMAT, type ValidationResult } from "@graphenix/contracts";
import { validateExecutablePlan } from "@graphenix/plan-format";
import { validateExpansionManifest, validateMplpPlan, validatePlanGraph } from "@graphenix/plan-graph";
import { validateTrace } from "@graphenix/trace-format";

/** A document kind the CLI can validate: its `--format` name, and how it is recognised. */
export interface DocumentKind {
  readonly name: string;
  /** The `format` strings that identify it; empty for kinds without one. */
  readonly formats: readonly string[];
  /** Other ways the kind declares itself: a member with a fixed value (a plan graph's `contract_version`), or with any value when `value` is omitted (MPLP's `plan_id` beside `steps`). */
  readonly marker?: { readonly member: string; readonly value?: string; readonly also?: string };
  validate(document: unknown, options?: ValidationOptions): ValidationResult<unknown>;
}

/** Every kind `graphenix validate` knows, in `--help` order. Later formats add theirs here. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { name: "authoring-graph", formats: [AUTHORING_GRAPH_FORMAT], validate: validateAuthoringGraph },
  { name: "normalized-graph", formats: [NORMALIZED_GRAPH_FORMAT], validate: validateNormalizedExecutableGraph },
  { name: "executable-plan", formats: [EXECUTABLE_PLAN_FORMAT_V2, EXECUTABLE_PLAN_FORMAT], validate: validateExecutablePlan },
  { name: "execution-trace", formats: [EXECUTION_TRACE_FORMAT], validate: validateTrace },
  // A plan graph and its expansion manifest share contract_version: the graph has nodes, the manifest cells.
  { name: "plan-graph", formats: [], marker: { member: "contract_version", value: "plan_graph_v1", also: "nodes" }, validate: validatePlanGraph },
  { name: "expansion-manifest", formats: [], marker: { member: "contract_version", value: "plan_graph_v1", also: "cells" }, validate: validateExpansionManifest },
  { name: "mplp-plan", formats: [], marker: { member: "plan_id", also: "steps" }, validate: (d, o) => validateMplpPlan(d, {}, o) },
  { name: "runtime-object", formats: [], validate: validateRuntimeObject },
];

/** The kind a document declares through its `format` member (or its marker), if any. */
export function detectKind(document: unknown): DocumentKind | undefined {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return undefined;
  const doc = document as Record<string, unknown>;
  const format = doc.format;
  if (typeof format === "string") return DOCUMENT_KINDS.find((k) => k.formats.includes(format));
  const has = (member: string) => Object.prototype.hasOwnProperty.call(doc, member);
  return DOCUMENT_KINDS.find(
    (k) => k.marker !== undefined && has(k.marker.member) && (k.marker.value === undefined || doc[k.marker.member] === k.marker.value) && (k.marker.also === undefined || has(k.marker.also)),
  );
}

