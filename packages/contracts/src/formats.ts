/**
 * Format identifiers (DESIGN §4). Engines pin these strings; a format string carries only the
 * major version, so a minor (additive) change never changes it.
 */
import type { FormatId } from "./generated/index.js";

export const AUTHORING_GRAPH_FORMAT = "graphenix.authoring-graph/v1" as const satisfies FormatId;
export const NORMALIZED_GRAPH_FORMAT = "graphenix.normalized-graph/v1" as const satisfies FormatId;
export const EXECUTABLE_PLAN_FORMAT = "graphenix.executable-plan/v1" as const satisfies FormatId;
export const EXECUTABLE_PLAN_FORMAT_V2 = "graphenix.executable-plan/v2" as const satisfies FormatId;
export const EXECUTION_TRACE_FORMAT = "graphenix.execution-trace/v1" as const satisfies FormatId;

/** Every Graphenix `format` string, in the order of the `FormatId` schema enum. */
export const FORMAT_IDS: readonly FormatId[] = [
  AUTHORING_GRAPH_FORMAT,
  NORMALIZED_GRAPH_FORMAT,
  EXECUTABLE_PLAN_FORMAT,
  EXECUTABLE_PLAN_FORMAT_V2,
  EXECUTION_TRACE_FORMAT,
];

/** Plan graph documents name their contract and model version instead of a `format` string. */
export const PLAN_GRAPH_CONTRACT_VERSION = "plan_graph_v1" as const;
export const PLAN_MODEL_VERSION = "0.2.0" as const;

/** MPLP Plan documents as published: `meta.protocol_version`. */
export const MPLP_PROTOCOL_VERSION = "1.0.0" as const;

/** Base of every schema `$id`: a schema's id is `${SCHEMA_ID_BASE}<name>.v<major>.schema.json`, its file name. */
export const SCHEMA_ID_BASE = "https://schemas.graphenix.dev/" as const;
