import type { ExecutableGraphPlan, ExecutionUnitPlan, ModelSlotBinding, ModelSlots, NodeExecutionPlanV1, FinalizerExecutionPlanV1, CaseSelection, UnitKindV1 } from "@graphenix/contracts";
import { asArray, cloneJson, getMember, own, setMember } from "@graphenix/core";
import { missingSlot, resolveSlot } from "./cases.js";
import type { BuildContext } from "./plan-v2.js";
import { nodeUnits } from "./units.js";

export type PlanBodyV1 = Omit<ExecutableGraphPlan, "format" | "planId" | "createdAt">;

const V1_KIND: Partial<Record<string, UnitKindV1>> = { externalPreUtility: "preAction", mainSkill: "skill", externalPostUtility: "postAction", finalizer: "finalizer" };

/**
 * v1 can express only aiTask and finalizer nodes with PRE utilities, the skill and POST
 * utilities: anything else is reported (`compile-v1-unsupported`) with the authoring pointer.
 */
function checkV1(ctx: BuildContext): void {
  for (const [id, node] of Object.entries(ctx.graph.nodes)) {
    const at = ["authoringGraph", "nodes", id];
    if (node.type !== "task" && node.type !== "finalizer") ctx.issues.add("compile-v1-unsupported", `v1 plans cannot run ${node.type} nodes: compile to v2`, [...at, "type"]);
    if (node.type !== "task") continue;
    const p = (node as { parameters: { executionStrategies: unknown[]; aiTaskProfile: { inputSynthesis: { enabled: boolean } } } }).parameters;
    if ((node as { executionClass: string }).executionClass === "local") ctx.issues.add("compile-v1-unsupported", "v1 plans cannot run local skills: compile to v2", [...at, "executionClass"]);
    if (p.executionStrategies.length > 0) ctx.issues.add("compile-v1-unsupported", "v1 plans cannot run MAIN-phase wrappers (executionStrategies): compile to v2", [...at, "parameters", "executionStrategies"]);
    if (p.aiTaskProfile.inputSynthesis.enabled) ctx.issues.add("compile-v1-unsupported", "v1 plans cannot run the skill input synthesis profile: compile to v2", [...at, "parameters", "aiTaskProfile", "inputSynthesis"]);
  }
  let authored: Map<string, number> | undefined;
  ctx.graph.edges.forEach((edge, i) => {
    if (!edge.condition) return;
    authored ??= authoredEdgeIndexes(ctx.authoringGraph);
    const at = authored.get(`${edge.from}\u0000${edge.to}`) ?? i;
    ctx.issues.add("compile-v1-unsupported", "v1 plans have no deferred gates for conditional edges: compile to v2, or drop the condition", ["authoringGraph", "edges", at, "condition"]);
  });
}

/**
 * Where the authoring graph as given lists each edge (`from`, NUL, `to` → index): the normalized
 * graph sorts its edges, and issues point into the input. A valid graph lists an edge once.
 */
function authoredEdgeIndexes(authoringGraph: unknown): Map<string, number> {
  const out = new Map<string, number>();
  asArray(own(authoringGraph, "edges")).forEach((edge, i) => {
    const key = `${String(own(edge, "from"))}\u0000${String(own(edge, "to"))}`;
    if (!out.has(key)) out.set(key, i);
  });
  return out;
}

export function buildPlanV1(ctx: BuildContext, head: Pick<PlanBodyV1, "source" | "profileRegistry" | "runtimeBinding">): PlanBodyV1 | undefined {
  checkV1(ctx);
  if (ctx.issues.errorCount > 0) return undefined;
  const nodePlans: Record<string, NodeExecutionPlanV1> = {};
  const finalizerPlans: Record<string, FinalizerExecutionPlanV1> = {};
  const caseNodes: CaseSelection["nodes"] = {};
  for (const [id, node] of Object.entries(ctx.graph.nodes)) {
    const nodeCase = ctx.nodeCases.get(id)!;
    const modelSlots: ModelSlots = {};
    const units: ExecutionUnitPlan[] = [];
    nodeUnits(id, node).forEach((d, order) => {
      const slot = d.slot!;
      const binding = getMember(modelSlots as Record<string, ModelSlotBinding>, slot) ?? resolveSlot(slot, node, nodeCase, ctx.graphCase, ctx.graph);
      if (!binding) return missingSlot(ctx.issues, id, slot);
      modelSlots[slot] = binding;
      units.push({
        unitId: `unit:${id}:${d.phase}:${order}`,
        unitKind: V1_KIND[d.kind]!,
        order,
        ...(d.actionKey !== undefined && { actionKey: d.actionKey }),
        ...(d.strategyKey !== undefined && { strategyKey: d.strategyKey }),
        ...(d.skillKey !== undefined && { skillKey: d.skillKey }),
        modelSlot: slot,
        modelSelection: cloneJson(binding.selection),
        ...(d.unitParams && { unitParams: d.unitParams }),
        sourcePath: d.sourcePath,
      });
    });
    const selectedCases = { graphModelCaseId: ctx.graphCase.id, nodeModelCaseId: nodeCase.id };
    setMember(caseNodes, id, { modelCaseId: nodeCase.id, explanation: nodeCase.explanation });
    if (node.type === "finalizer") setMember(finalizerPlans, id, { nodeId: id, outputKey: (node.parameters as { outputKey: string }).outputKey, selectedCases, modelSlots, executionUnits: units });
    else setMember(nodePlans, id, { nodeId: id, selectedCases, modelSlots, executionUnits: units });
  }
  return {
    ...head,
    graph: ctx.graph as unknown as Record<string, unknown>,
    caseSelection: { graph: { modelCaseId: ctx.graphCase.id, explanation: ctx.graphCase.explanation }, nodes: caseNodes },
    nodePlans,
    finalizerPlans,
  };
}
