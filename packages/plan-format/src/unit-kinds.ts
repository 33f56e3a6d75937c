/**
 * The tables that tie unit kinds to run phases, model slots and invoke modes (DESIGN §5,
 * docs/executable-plan.md). The compiler builds units from them and the validators check
 * against them, so the two can never disagree.
 */
import type { InvokeMode, ModelSlotName, UnitKindV1, UnitKindV2 } from "@graphenix/contracts";

/** Run phase of a unit; `output` is a finalizer, `special` a validation/mapping/callGraph unit. */
export type RunPhase = "PRE" | "MAIN" | "POST" | "output" | "special";

/** Phase rank: within a node, units run in non-decreasing rank (PRE → MAIN → POST). */
export const PHASE_RANK: Readonly<Record<RunPhase, number>> = { PRE: 0, MAIN: 1, special: 1, POST: 2, output: 3 };

export interface UnitKindRule {
  readonly phase: RunPhase;
  /** The model slot the unit must use; null when the kind runs no model. */
  readonly slot: ModelSlotName | null;
  /** Whether the slot is optional (a pipelinePhase may run without its own model). */
  readonly slotOptional?: boolean;
  /** Invoke modes allowed for the kind (v2); the first is the one the compiler writes. */
  readonly invokeModes: readonly InvokeMode[];
  /** The unit runs the node's skill (the MAIN skill unit). */
  readonly mainSkill?: boolean;
}

export const UNIT_KINDS_V2: Readonly<Record<UnitKindV2, UnitKindRule>> = {
  externalPreUtility: { phase: "PRE", slot: "preActionModel", invokeModes: ["externalRunTask"] },
  mainSkill: { phase: "MAIN", slot: "skillModel", invokeModes: ["mainRunTask"], mainSkill: true },
  pipelinePhase: { phase: "MAIN", slot: "skillModel", slotOptional: true, invokeModes: ["pipelinePhase"] },
  localSkill: { phase: "MAIN", slot: null, invokeModes: ["local"], mainSkill: true },
  externalPostUtility: { phase: "POST", slot: "postActionModel", invokeModes: ["externalRunTask"] },
  finalizer: { phase: "output", slot: "finalizerModel", invokeModes: ["finalizer"] },
  validation: { phase: "special", slot: null, invokeModes: ["validation", "none"] },
  mapping: { phase: "special", slot: null, invokeModes: ["mapping", "none"] },
  callGraph: { phase: "special", slot: null, invokeModes: ["callGraph", "none"] },
};

export const UNIT_KINDS_V1: Readonly<Record<UnitKindV1, UnitKindRule>> = {
  preAction: { phase: "PRE", slot: "preActionModel", invokeModes: [] },
  skill: { phase: "MAIN", slot: "skillModel", invokeModes: [], mainSkill: true },
  postAction: { phase: "POST", slot: "postActionModel", invokeModes: [] },
  finalizer: { phase: "output", slot: "finalizerModel", invokeModes: [] },
};

/** The rule of a unit kind in a version's table, or undefined for a kind the version does not have. */
export function kindRuleOf(version: "v1" | "v2", kind: unknown): UnitKindRule | undefined {
  const table: Readonly<Record<string, UnitKindRule>> = version === "v1" ? UNIT_KINDS_V1 : UNIT_KINDS_V2;
  return typeof kind === "string" && Object.prototype.hasOwnProperty.call(table, kind) ? table[kind] : undefined;
}

/** Invoke modes that need an invoke contract on the unit (they call out with inputs). */
export const MODES_WITH_CONTRACT: ReadonlySet<InvokeMode> = new Set(["externalRunTask", "mainRunTask", "pipelinePhase"]);

/** Which v2 unit kinds a node plan of each node type may hold. */
export const KINDS_BY_NODE_TYPE: Readonly<Record<string, ReadonlySet<UnitKindV2>>> = {
  task: new Set(["externalPreUtility", "mainSkill", "pipelinePhase", "localSkill", "externalPostUtility"]),
  validation: new Set(["validation"]),
  mapping: new Set(["mapping"]),
  callGraph: new Set(["callGraph"]),
  finalizer: new Set(["finalizer"]),
};

/**
 * Which v1 unit kinds a plan may hold: a node plan (v1 runs task nodes only) its PRE, skill and
 * POST units, a finalizer plan its finalizer units.
 */
export const KINDS_BY_NODE_TYPE_V1: Readonly<Record<"task" | "finalizer", ReadonlySet<UnitKindV1>>> = {
  task: new Set(["preAction", "skill", "postAction"]),
  finalizer: new Set(["finalizer"]),
};

/** Glossary words for messages (GLOSSARY §1, §4). */
export const SLOT_WORDS: Readonly<Record<ModelSlotName, string>> = {
  preActionModel: "PRE-phase model slot",
  skillModel: "MAIN-phase model slot",
  postActionModel: "POST-phase model slot",
  finalizerModel: "finalizer model slot",
};
