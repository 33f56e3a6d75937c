import type {
  FallbackPolicy,
  ModelSlotName,
  NormalizedNode,
  NormalizedPolicies,
  NormalizedTaskNode,
  RetryPolicy,
  TracePolicy,
  UnitKindV2,
  UnitParams,
} from "@graphenix/contracts";
import { cloneJson, escapePointerToken } from "@graphenix/core";

/**
 * A unit before ids, orders and models are filled in; `slot` is null for units that run no model.
 * Every member is present (undefined when the unit has none): a missing one would be looked up on
 * Object.prototype, where code may have put one (docs/architecture.md, "Own members only").
 */
export interface UnitDraft {
  readonly kind: UnitKindV2;
  readonly phase: "pre" | "main" | "post" | "output" | "special";
  readonly slot: ModelSlotName | null;
  readonly strategyKey: string | undefined;
  readonly actionKey: string | undefined;
  readonly skillKey: string | undefined;
  readonly unitParams: UnitParams | undefined;
  readonly reads: readonly string[] | undefined;
  readonly sourcePath: string;
}

type DraftOf = Pick<UnitDraft, "kind" | "phase" | "slot" | "sourcePath"> & Partial<UnitDraft>;

function draft(d: DraftOf): UnitDraft {
  return { strategyKey: undefined, actionKey: undefined, skillKey: undefined, unitParams: undefined, reads: undefined, ...d };
}

export function nodePath(id: string): string {
  return `/graph/nodes/${escapePointerToken(id)}/parameters`;
}

const params = (p: UnitParams): UnitParams | undefined => (Object.keys(p).length > 0 ? cloneJson(p) : undefined);
const key = (k: string | null): string | undefined => k ?? undefined;

/**
 * The design → plan mapping of a task node, in run order (docs/plan-compiler.md):
 * PRE: `aiTaskStrategies.pre`, then `preActions[]`; MAIN: the skill input synthesis profile (when
 * enabled), then `executionStrategies[]` as pipelinePhase units sharing the MAIN-phase model
 * slot, then the MAIN skill unit; POST: `aiTaskStrategies.post`, then `postActions[]`.
 */
export function taskUnits(id: string, node: NormalizedTaskNode): UnitDraft[] {
  const base = nodePath(id);
  const p = node.parameters;
  const sources = p.aiTaskProfile.inputSynthesis.sources;
  // PRE reads come from the authored synthesis sources, or are [] (the runtime's default trio).
  const preReads = sources ?? [];
  const { pre, post } = p.taskConfiguration.aiTaskStrategies;
  const out: UnitDraft[] = [];
  if (pre) out.push(draft({ kind: "externalPreUtility", phase: "pre", slot: "preActionModel", strategyKey: pre.strategyKey, actionKey: pre.actionKey, unitParams: params(pre.unitParams), reads: preReads, sourcePath: `${base}/taskConfiguration/aiTaskStrategies/pre` }));
  p.preActions.forEach((a, i) => {
    out.push(draft({ kind: "externalPreUtility", phase: "pre", slot: "preActionModel", actionKey: a.actionKey, strategyKey: key(a.strategyKey), unitParams: params(a.unitParams), reads: preReads, sourcePath: `${base}/preActions/${i}` }));
  });
  if (p.aiTaskProfile.inputSynthesis.enabled) {
    out.push(draft({ kind: "pipelinePhase", phase: "main", slot: "skillModel", strategyKey: "inputSynthesis", reads: sources ?? [], sourcePath: `${base}/aiTaskProfile/inputSynthesis` }));
  }
  p.executionStrategies.forEach((e, i) => {
    out.push(draft({ kind: "pipelinePhase", phase: "main", slot: "skillModel", strategyKey: e.strategyKey, unitParams: params(e.unitParams), reads: [], sourcePath: `${base}/executionStrategies/${i}` }));
  });
  if (node.executionClass === "local") out.push(draft({ kind: "localSkill", phase: "main", slot: null, skillKey: p.skillKey, sourcePath: `${base}/skillKey` }));
  else out.push(draft({ kind: "mainSkill", phase: "main", slot: "skillModel", skillKey: p.skillKey, reads: p.smartInput.paths, sourcePath: `${base}/skillKey` }));
  if (post) out.push(draft({ kind: "externalPostUtility", phase: "post", slot: "postActionModel", strategyKey: post.strategyKey, actionKey: post.actionKey, unitParams: params(post.unitParams), reads: [], sourcePath: `${base}/taskConfiguration/aiTaskStrategies/post` }));
  p.postActions.forEach((a, i) => {
    out.push(draft({ kind: "externalPostUtility", phase: "post", slot: "postActionModel", actionKey: a.actionKey, strategyKey: key(a.strategyKey), unitParams: params(a.unitParams), reads: [], sourcePath: `${base}/postActions/${i}` }));
  });
  return out;
}

/** The units of any node: task nodes above; finalizer, validation, mapping and callGraph one each. */
export function nodeUnits(id: string, node: NormalizedNode): UnitDraft[] {
  switch (node.type) {
    case "task":
      return taskUnits(id, node as NormalizedTaskNode);
    case "finalizer": {
      const strategyKey = (node.parameters as { strategyKey: string | null }).strategyKey;
      return [draft({ kind: "finalizer", phase: "output", slot: "finalizerModel", strategyKey: key(strategyKey), sourcePath: nodePath(id) })];
    }
    default:
      return [draft({ kind: node.type as "validation" | "mapping" | "callGraph", phase: "special", slot: null, sourcePath: nodePath(id) })];
  }
}

export interface UnitPolicies {
  readonly retryPolicy: RetryPolicy;
  readonly fallbackPolicy: FallbackPolicy;
  readonly tracePolicy: TracePolicy;
}

export function unitPolicies(policies: NormalizedPolicies): UnitPolicies {
  return { retryPolicy: cloneJson(policies.retry), fallbackPolicy: cloneJson(policies.fallback), tracePolicy: cloneJson(policies.trace) };
}
