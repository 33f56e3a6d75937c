import type {
  NormalizedGraphPolicies,
  NormalizedNode,
  NormalizedPolicies,
  NormalizedRetryPolicy,
  NormalizedTaskParameters,
  UnitParams,
} from "@graphenix/contracts";
import { asArray, asObject, cloneJson, objectAt, own, type Obj } from "@graphenix/core";

/** Built-in policy defaults (docs/authoring-graph.md, "Normalization"). */
export const DEFAULT_POLICIES: NormalizedGraphPolicies = {
  retry: { maxAttempts: 1, backoffMs: 0 },
  fallback: { models: [] },
  trace: { level: "summary" },
  directModelPolicy: "forbid",
};

// Optional members are read with `own`, never as `obj.key`, which would also find a member some code
// put on Object.prototype (docs/architecture.md, "Own members only"). Required ones passed the
// schema's own-member check.
// Open members (unitParams, inputsConfig, …) are copied, never shared with the input, with their
// members in sorted order so the output does not depend on the input's member order.
const copy = <T>(value: T): T => cloneJson(value);

function retry(policy: Obj | undefined): NormalizedRetryPolicy | undefined {
  if (!policy) return undefined;
  return { maxAttempts: policy.maxAttempts as number, backoffMs: (own(policy, "backoffMs") as number | undefined) ?? 0 };
}

export function normalizeGraphPolicies(policies: Obj | undefined): NormalizedGraphPolicies {
  return {
    retry: retry(objectAt(policies, "retry")) ?? { ...DEFAULT_POLICIES.retry },
    fallback: copy((own(policies, "fallback") as NormalizedGraphPolicies["fallback"] | undefined) ?? DEFAULT_POLICIES.fallback),
    trace: copy((own(policies, "trace") as NormalizedGraphPolicies["trace"] | undefined) ?? DEFAULT_POLICIES.trace),
    directModelPolicy: (own(policies, "directModelPolicy") as NormalizedGraphPolicies["directModelPolicy"] | undefined) ?? DEFAULT_POLICIES.directModelPolicy,
  };
}

/** A node's own policy where it has one, else the graph's. */
function nodePolicies(policies: Obj | undefined, graph: NormalizedGraphPolicies): NormalizedPolicies {
  return {
    retry: retry(objectAt(policies, "retry")) ?? { ...graph.retry },
    fallback: copy((own(policies, "fallback") as NormalizedPolicies["fallback"] | undefined) ?? graph.fallback),
    trace: copy((own(policies, "trace") as NormalizedPolicies["trace"] | undefined) ?? graph.trace),
  };
}

const params = (value: unknown): UnitParams => copy((asObject(value) ?? {}) as UnitParams);

function utility(raw: unknown) {
  const u = asObject(raw);
  if (!u) return null;
  return { strategyKey: u.strategyKey as string, actionKey: (own(u, "actionKey") as string | undefined) ?? (u.strategyKey as string), unitParams: params(own(u, "unitParams")) };
}

function planPhaseActions(list: unknown) {
  return asArray(list).map((raw) => {
    const a = raw as Obj;
    return { actionKey: a.actionKey as string, strategyKey: (own(a, "strategyKey") as string | undefined) ?? null, unitParams: params(own(a, "unitParams")) };
  });
}

function taskParameters(p: Obj): NormalizedTaskParameters {
  const strategies = objectAt(p, "taskConfiguration", "aiTaskStrategies");
  const synthesis = objectAt(p, "aiTaskProfile", "inputSynthesis");
  const sources = own(synthesis, "sources");
  return {
    skillKey: p.skillKey as string,
    taskConfiguration: { aiTaskStrategies: { pre: utility(own(strategies, "pre")), post: utility(own(strategies, "post")) } },
    executionStrategies: asArray(own(p, "executionStrategies")).map((raw) => {
      const e = raw as Obj;
      return { strategyKey: e.strategyKey as string, unitParams: params(own(e, "unitParams")) };
    }),
    aiTaskProfile: { inputSynthesis: { enabled: (own(synthesis, "enabled") as boolean | undefined) ?? false, sources: Array.isArray(sources) ? [...(sources as string[])] : null } },
    preActions: planPhaseActions(own(p, "preActions")),
    postActions: planPhaseActions(own(p, "postActions")),
    inputsConfig: copy(objectAt(p, "inputsConfig") ?? {}),
    smartInput: { paths: [...((own(objectAt(p, "smartInput"), "paths") as string[] | undefined) ?? [])] },
  };
}

type NodeParameters = NormalizedNode["parameters"];

function parameters(type: string, p: Obj): NodeParameters {
  switch (type) {
    case "task":
      return taskParameters(p);
    case "finalizer":
      return { outputKey: p.outputKey as string, strategyKey: (own(p, "strategyKey") as string | undefined) ?? null };
    case "validation":
      return { ruleSetId: p.ruleSetId as string, onFailure: (own(p, "onFailure") as "fail" | "warn" | undefined) ?? "fail" };
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
    ...(type === "task" && { executionClass: (own(node, "executionClass") as "aiTask" | "local" | undefined) ?? "aiTask" }),
    title: (own(node, "title") as string | undefined) ?? null,
    description: (own(node, "description") as string | undefined) ?? null,
    dependsOn,
    modelCases: copy(objectAt(node, "modelCases") ?? {}) as NormalizedNode["modelCases"],
    defaultModelCase: (own(node, "defaultModelCase") as string | undefined) ?? null,
    policies: nodePolicies(objectAt(node, "policies"), graphPolicies),
    parameters: parameters(type, objectAt(node, "parameters") ?? {}),
  } as NormalizedNode;
}
