import { validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "@graphenix/authoring-format";
import { AUTHORING_GRAPH_FORMAT, NORMALIZED_GRAPH_FORMAT, type ValidationResult } from "@graphenix/contracts";

/** A document kind the CLI can validate: its `--format` name, and how it is recognised. */
export interface DocumentKind {
  readonly name: string;
  /** The `format` string that identifies it; undefined for kinds without one. */
  readonly format: string | undefined;
  validate(document: unknown): ValidationResult<unknown>;
}

/** Every kind `graphenix validate` knows, in `--help` order. Later formats add theirs here. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { name: "authoring-graph", format: AUTHORING_GRAPH_FORMAT, validate: validateAuthoringGraph },
  { name: "normalized-graph", format: NORMALIZED_GRAPH_FORMAT, validate: validateNormalizedExecutableGraph },
  { name: "runtime-object", format: undefined, validate: validateRuntimeObject },
];

/** The kind a document declares through its `format` member, if any. */
export function detectKind(document: unknown): DocumentKind | undefined {
  const format = document !== null && typeof document === "object" ? (document as { format?: unknown }).format : undefined;
  return DOCUMENT_KINDS.find((k) => k.format !== undefined && k.format === format);
}

