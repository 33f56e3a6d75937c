import type {
  NormalizedGraphPolicies,
  NormalizedNode,
  NormalizedPolicies,
  NormalizedRetryPolicy,
  NormalizedTaskParameters,
  UnitParams,
} from "@graphenix/contracts";
import { asArray, asObject, cloneJson, objectAt, type Obj } from "@graphenix/core";

/** Built-in policy defaults (docs/authoring-graph.md, "Normalization"). */
export const DEFAULT_POLICIES: NormalizedGraphPolicies = {
  retry: { maxAttempts: 1, backoffMs: 0 },
  fallback: { models: [] },
  trace: { level: "summary" },
  directModelPolicy: "forbid",
};

// Open members (unitParams, inputsConfig, …) are copied, never shared with the input, with their
// members in sorted order so the output does not depend on the input's member order.
const copy = <T>(value: T): T => cloneJson(value);

function retry(policy: Obj | undefined): NormalizedRetryPolicy | undefined {
  if (!policy) return undefined;
  return { maxAttempts: policy.maxAttempts as number, backoffMs: (policy.backoffMs as number | undefined) ?? 0 };
}

export function normalizeGraphPolicies(policies: Obj | undefined): NormalizedGraphPolicies {
  return {
    retry: retry(asObject(policies?.retry)) ?? { ...DEFAULT_POLICIES.retry },
    fallback: copy((policies?.fallback as NormalizedGraphPolicies["fallback"] | undefined) ?? DEFAULT_POLICIES.fallback),
    trace: copy((policies?.trace as NormalizedGraphPolicies["trace"] | undefined) ?? DEFAULT_POLICIES.trace),
    directModelPolicy: (policies?.directModelPolicy as NormalizedGraphPolicies["directModelPolicy"] | undefined) ?? DEFAULT_POLICIES.directModelPolicy,
  };
}

/** A node's own policy where it has one, else the graph's. */
function nodePolicies(policies: Obj | undefined, graph: NormalizedGraphPolicies): NormalizedPolicies {
  return {
    retry: retry(asObject(policies?.retry)) ?? { ...graph.retry },
    fallback: copy((policies?.fallback as NormalizedPolicies["fallback"] | undefined) ?? graph.fallback),
    trace: copy((policies?.trace as NormalizedPolicies["trace"] | undefined) ?? graph.trace),
  };
}

const params = (value: unknown): UnitParams => copy((asObject(value) ?? {}) as UnitParams);

function utility(raw: unknown) {
  const u = asObject(raw);
  if (!u) return null;
  return { strategyKey: u.strategyKey as string, actionKey: (u.actionKey as string | undefined) ?? (u.strategyKey as string), unitParams: params(u.unitParams) };
}

function planPhaseActions(list: unknown) {
  return asArray(list).map((raw) => {
    const a = raw as Obj;
    return { actionKey: a.actionKey as string, strategyKey: (a.strategyKey as string | undefined) ?? null, unitParams: params(a.unitParams) };
  });
}

function taskParameters(p: Obj): NormalizedTaskParameters {
  const strategies = objectAt(p, "taskConfiguration", "aiTaskStrategies");
  const synthesis = objectAt(p, "aiTaskProfile", "inputSynthesis");
  const sources = synthesis?.sources;
  return {
    skillKey: p.skillKey as string,
    taskConfiguration: { aiTaskStrategies: { pre: utility(strategies?.pre), post: utility(strategies?.post) } },
    executionStrategies: asArray(p.executionStrategies).map((raw) => {
      const e = raw as Obj;
      return { strategyKey: e.strategyKey as string, unitParams: params(e.unitParams) };
    }),
    aiTaskProfile: { inputSynthesis: { enabled: (synthesis?.enabled as boolean | undefined) ?? false, sources: Array.isArray(sources) ? [...(sources as string[])] : null } },
    preActions: planPhaseActions(p.preActions),
    postActions: planPhaseActions(p.postActions),
    inputsConfig: copy(asObject(p.inputsConfig) ?? {}),
    smartInput: { paths: [...((objectAt(p, "smartInput")?.paths as string[] | undefined) ?? [])] },
  };
}

type NodeParameters = NormalizedNode["parameters"];

function parameters(type: string, p: Obj): NodeParameters {
  switch (type) {
    case "task":
      return taskParameters(p);
    case "finalizer":
      return { outputKey: p.outputKey as string, strategyKey: (p.strategyKey as string | undefined) ?? null };
    case "validation":
      return { ruleSetId: p.ruleSetId as string, onFailure: (p.onFailure as "fail" | "warn" | undefined) ?? "fail" };
    case "mapping":
      return copy(p) as unknown as NodeParameters;
    default: // callGraph
      return { graphId: p.graphId as string, revision: p.revision as string };
  }
}

/** One node, normalized; `node` has passed validation. */
export function normalizeNode(id: string, node: Obj, dependsOn: string[], graphPolicies: NormalizedGraphPolicies): NormalizedNode {
  const type = node.type as string;
  return {
    id,
    type,
    ...(type === "task" && { executionClass: (node.executionClass as "aiTask" | "local" | undefined) ?? "aiTask" }),
    title: (node.title as string | undefined) ?? null,
    description: (node.description as string | undefined) ?? null,
    dependsOn,
    modelCases: copy((node.modelCases as NormalizedPolicies | undefined) ?? {}) as NormalizedNode["modelCases"],
    defaultModelCase: (node.defaultModelCase as string | undefined) ?? null,
    policies: nodePolicies(asObject(node.policies), graphPolicies),
    parameters: parameters(type, asObject(node.parameters) ?? {}),
  } as NormalizedNode;
}
