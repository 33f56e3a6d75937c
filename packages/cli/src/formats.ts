import { validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "@graphenix/authoring-format";
import { AUTHORING_GRAPH_FORMAT, EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2, NORMALIZED_GRAPH_FORMAT, type ValidationResult } from "@graphenix/contracts";
import { validateExecutablePlan } from "@graphenix/plan-format";

/** A document kind the CLI can validate: its `--format` name, and how it is recognised. */
export interface DocumentKind {
  readonly name: string;
  /** The `format` strings that identify it; empty for kinds without one. */
  readonly formats: readonly string[];
  validate(document: unknown): ValidationResult<unknown>;
}

/** Every kind `graphenix validate` knows, in `--help` order. Later formats add theirs here. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { name: "authoring-graph", formats: [AUTHORING_GRAPH_FORMAT], validate: validateAuthoringGraph },
  { name: "normalized-graph", formats: [NORMALIZED_GRAPH_FORMAT], validate: validateNormalizedExecutableGraph },
  { name: "executable-plan", formats: [EXECUTABLE_PLAN_FORMAT_V2, EXECUTABLE_PLAN_FORMAT], validate: validateExecutablePlan },
  { name: "runtime-object", formats: [], validate: validateRuntimeObject },
];

/** The kind a document declares through its `format` member, if any. */
export function detectKind(document: unknown): DocumentKind | undefined {
  const format = document !== null && typeof document === "object" ? (document as { format?: unknown }).format : undefined;
  return typeof format === "string" ? DOCUMENT_KINDS.find((k) => k.formats.includes(format)) : undefined;
}

