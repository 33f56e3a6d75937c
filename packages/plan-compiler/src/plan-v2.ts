import type {
  CaseSelection,
  DeferredGate,
  ExecutableGraphPlanV2,
  ExecutionUnitPlanV2,
  FinalizerExecutionPlan,
  ModelSlotBinding,
  ModelSlotName,
  ModelSlots,
  NodeExecutionPlan,
  NodeIndexEntry,
  NormalizedExecutableGraphDocument,
  NormalizedTaskNode,
} from "@graphenix/contracts";
import { cloneJson, compareUtf8, getMember, setMember, type IssueCollector } from "@graphenix/core";
import { UNIT_KINDS_V2 } from "@graphenix/plan-format";
import { missingSlot, resolveSlot, type GraphCase, type NodeCase } from "./cases.js";
import { nodeUnits, unitPolicies } from "./units.js";

/** Everything of a v2 plan except `format`, `planId`, `createdAt` and `planHash`. */
export type PlanBodyV2 = Omit<ExecutableGraphPlanV2, "format" | "planId" | "createdAt" | "planHash">;

export interface BuildContext {
  /** The authoring graph as given (issues point into it), and its normalized form (what is built from). */
  readonly authoringGraph: unknown;
  readonly graph: NormalizedExecutableGraphDocument;
  readonly graphCase: GraphCase;
  readonly nodeCases: ReadonlyMap<string, NodeCase>;
  readonly issues: IssueCollector;
}

function nodePlanV2(id: string, ctx: BuildContext): { plan: NodeExecutionPlan | FinalizerExecutionPlan; finalizer: boolean } {
  const node = getMember(ctx.graph.nodes, id)!;
  const nodeCase = ctx.nodeCases.get(id)!;
  const drafts = nodeUnits(id, node);
  const modelSlots: ModelSlots = {};
  const policies = unitPolicies(node.policies);
  const units = drafts.map((d, order): ExecutionUnitPlanV2 => {
    // One object, its members set in reading order (sourcePath last): no spread or merge makes a
    // second one (a 10k-node compile makes some 23,000 units).
    const unit = { unitId: `unit:${id}:${d.phase}:${order}`, nodeId: id, unitKind: d.kind, invokeMode: UNIT_KINDS_V2[d.kind].invokeModes[0]!, order } as ExecutionUnitPlanV2;
    if (d.strategyKey !== undefined) unit.strategyKey = d.strategyKey;
    if (d.actionKey !== undefined) unit.actionKey = d.actionKey;
    if (d.skillKey !== undefined) unit.skillKey = d.skillKey;
    let bound = false;
    if (d.slot !== null) {
      const slot: ModelSlotName = d.slot;
      const binding = getMember(modelSlots as Record<string, ModelSlotBinding>, slot) ?? resolveSlot(slot, node, nodeCase, ctx.graphCase, ctx.graph);
      if (binding) {
        modelSlots[slot] = binding;
        bound = true;
        unit.modelSlot = slot;
        unit.modelSelection = cloneJson(binding.selection);
        unit.modelSource = binding.source;
      } else if (!UNIT_KINDS_V2[d.kind].slotOptional) missingSlot(ctx.issues, id, slot);
    }
    if (d.reads !== undefined) unit.invokeContract = { reads: [...d.reads], writes: [] };
    if (d.unitParams) unit.unitParams = d.unitParams;
    unit.retryPolicy = cloneJson(policies.retryPolicy);
    if (bound) unit.fallbackPolicy = cloneJson(policies.fallbackPolicy);
    unit.tracePolicy = cloneJson(policies.tracePolicy);
    unit.sourcePath = d.sourcePath;
    return unit;
  });
  const selectedCases = { graphModelCaseId: ctx.graphCase.id, nodeModelCaseId: nodeCase.id };
  if (node.type === "finalizer") {
    const p = node.parameters as { outputKey: string; strategyKey: string | null };
    return { finalizer: true, plan: { nodeId: id, outputKey: p.outputKey, strategyKey: p.strategyKey, selectedCases, modelSlots, executionUnits: units } };
  }
  const task = node.type === "task" ? (node as NormalizedTaskNode) : undefined;
  return {
    finalizer: false,
    plan: {
      nodeId: id,
      nodeType: node.type as NodeExecutionPlan["nodeType"],
      ...(task && { executionClass: task.executionClass, skillKey: task.parameters.skillKey }),
      invokeContract: {
        reads: [...(task?.parameters.smartInput.paths ?? [])],
        writes: [],
        inputsConfig: cloneJson(task?.parameters.inputsConfig ?? {}),
        smartInput: { paths: [...(task?.parameters.smartInput.paths ?? [])] },
      },
      selectedCases,
      modelSlots,
      executionUnits: units,
    },
  };
}

/** Waves: 0 without dependencies, else one more than the largest wave among them. */
function nodeIndex(graph: NormalizedExecutableGraphDocument): NodeIndexEntry[] {
  const waves = new Map<string, number>();
  return graph.nodeOrder.map((id, order) => {
    const node = getMember(graph.nodes, id)!;
    let wave = 0;
    for (const d of node.dependsOn) wave = Math.max(wave, (waves.get(d) ?? 0) + 1);
    waves.set(id, wave);
    return { nodeId: id, nodeType: node.type as NodeIndexEntry["nodeType"], wave, order, dependsOn: [...node.dependsOn] };
  });
}

/**
 * One deferred gate per conditional edge, in the graph's edge order, named by the edge's index
 * (`gate:<i>`): ids may contain `:`, so `gate:<from>:<to>` could name two edges.
 */
function deferredGates(graph: NormalizedExecutableGraphDocument): DeferredGate[] {
  const gates: DeferredGate[] = [];
  graph.edges.forEach((edge, i) => {
    if (edge.condition) {
      gates.push({ gateId: `gate:${i}`, fromNodeId: edge.from, toNodeId: edge.to, condition: cloneJson(edge.condition), sourcePath: `/graph/edges/${i}` });
    }
  });
  return gates;
}

export function buildPlanV2(ctx: BuildContext, head: Pick<PlanBodyV2, "source" | "profileRegistry" | "runtimeBinding">): PlanBodyV2 {
  const nodePlans: Record<string, NodeExecutionPlan> = {};
  const finalizerPlans: Record<string, FinalizerExecutionPlan> = {};
  const caseNodes: CaseSelection["nodes"] = {};
  for (const id of Object.keys(ctx.graph.nodes)) {
    const { plan, finalizer } = nodePlanV2(id, ctx);
    // setMember: a node may be called `__proto__` or `constructor`.
    if (finalizer) setMember(finalizerPlans, id, plan);
    else setMember(nodePlans, id, plan);
    const nodeCase = ctx.nodeCases.get(id)!;
    setMember(caseNodes, id, { modelCaseId: nodeCase.id, explanation: nodeCase.explanation });
  }
  const units = [...Object.values(nodePlans), ...Object.values(finalizerPlans)].flatMap((p) => p.executionUnits);
  const sortedSet = <T extends string>(values: T[]) => [...new Set(values)].sort(compareUtf8);
  return {
    ...head,
    runtimeExpectations: { unitKinds: sortedSet(units.map((u) => u.unitKind)), invokeModes: sortedSet(units.map((u) => u.invokeMode)) },
    normalizedGraph: { mode: "embedded", graph: ctx.graph as unknown as Record<string, unknown> },
    policies: cloneJson(ctx.graph.policies),
    caseSelection: { graph: { modelCaseId: ctx.graphCase.id, explanation: ctx.graphCase.explanation }, nodes: caseNodes },
    nodeIndex: nodeIndex(ctx.graph),
    deferredGates: deferredGates(ctx.graph),
    nodePlans,
    finalizerPlans,
  };
}
