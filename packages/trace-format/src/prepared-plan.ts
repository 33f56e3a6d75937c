import type { ExecutableGraphPlanV2, ExecutionUnitPlanV2, ModelSelection } from "@graphenix/contracts";
import { computePlanHash, kindRuleOf, PHASE_RANK } from "@graphenix/plan-format";
import { Subject } from "./lifecycle.js";
import { FirstSeenPositions, type SubjectPositions } from "./positions.js";
import { canonicalize, keepShape, own } from "@graphenix/core";

/** What binding needs to know of one unit of the plan, computed once per plan. */
export interface UnitInfo {
  readonly unit: ExecutionUnitPlanV2;
  /** Position of the unit and of its node in a binding's state arrays. */
  readonly index: number;
  readonly nodeIndex: number;
  /** The id of the node (or finalizer) the plan lists the unit under. */
  readonly nodeKey: string;
  /** PRE 0, MAIN 1, POST 2, finalizer 3 (PHASE_RANK). */
  readonly rank: number;
  readonly maxAttempts: number;
  /** The unit's model and its fallback models: the models a trace may show it using. */
  readonly allowedModels: readonly ModelSelection[];
  readonly path: readonly (string | number)[];
}

/** How a binding finds the plan's units and nodes by id. */
export interface PlanIndex {
  readonly units: ReadonlyMap<string, UnitInfo>;
  /** Node and finalizer ids → their position in a binding's state arrays. */
  readonly nodes: ReadonlyMap<string, number>;
  /** Unit ids by unit position, node and finalizer ids by node position. */
  readonly unitIds: readonly string[];
  readonly nodeIds: readonly string[];
}

export interface PreparedPlan extends PlanIndex {
  readonly plan: ExecutableGraphPlanV2;
  readonly planHash: string;
  /** The units by position (`UnitInfo.index`). */
  readonly unitList: readonly UnitInfo[];
  /** Node positions from here on are finalizers (`finalizerPlans`); before it, `nodePlans`. */
  readonly finalizersFrom: number;
  /** Every dependency as positions: `dependents[k]` depends on `dependencies[k]` (-1: not a node of the plan). */
  readonly dependents: Int32Array;
  readonly dependencies: Int32Array;
  /** Their ids, for the message. */
  readonly dependentIds: readonly string[];
  readonly dependencyIds: readonly string[];
}

export function prepare(plan: ExecutableGraphPlanV2): PreparedPlan {
  const units = new Map<string, UnitInfo>();
  const nodes = new Map<string, number>();
  // One list per distinct set of allowed models, shared by every unit that has it: a plan has
  // thousands of units and a handful of model choices, and a binding compares each model used
  // with these few objects (kept in the processor's cache) instead of one copy per unit.
  const modelLists = new Map<string, readonly ModelSelection[]>();
  const groups: [string, Record<string, { executionUnits: ExecutionUnitPlanV2[] }>][] = [["nodePlans", plan.nodePlans], ["finalizerPlans", plan.finalizerPlans]];
  let finalizersFrom = 0;
  for (const [member, plans] of groups) {
    if (member === "finalizerPlans") finalizersFrom = nodes.size;
    for (const [id, entry] of Object.entries(plans)) {
      const nodeIndex = nodes.get(id) ?? nodes.size;
      nodes.set(id, nodeIndex);
      entry.executionUnits.forEach((unit, i) => {
        const fallback = own(unit, "fallbackPolicy") as ExecutionUnitPlanV2["fallbackPolicy"];
        const models = [own(unit, "modelSelection") as ModelSelection | undefined, ...(fallback?.models ?? [])].filter((m): m is ModelSelection => m !== undefined);
        const key = canonicalize(models);
        const allowedModels = modelLists.get(key) ?? models;
        modelLists.set(key, allowedModels);
        const rank = PHASE_RANK[kindRuleOf("v2", unit.unitKind)?.phase ?? "MAIN"];
        units.set(unit.unitId, { unit, index: units.size, nodeIndex, nodeKey: id, rank, maxAttempts: (own(unit, "retryPolicy") as ExecutionUnitPlanV2["retryPolicy"])?.maxAttempts ?? 1, allowedModels, path: [member, id, "executionUnits", i] });
      });
    }
  }
  const pairs = plan.nodeIndex.flatMap((entry) => entry.dependsOn.map((dep) => [nodes.get(entry.nodeId) ?? -1, nodes.get(dep) ?? -1, entry.nodeId, dep] as const));
  return {
    plan,
    planHash: computePlanHash(plan),
    units,
    unitList: [...units.values()],
    finalizersFrom,
    nodes,
    unitIds: [...units.keys()],
    nodeIds: [...nodes.keys()],
    dependents: Int32Array.from(pairs, (p) => p[0]),
    dependencies: Int32Array.from(pairs, (p) => p[1]),
    dependentIds: pairs.map((p) => p[2]),
    dependencyIds: pairs.map((p) => p[3]),
  };
}

/**
 * Subject positions of a binding: the plan's own. A unit is at its position in the plan, a node at
 * the unit count plus its position, a finalizer event's subject after the nodes (consistency keeps
 * node and finalizer events apart); ids the plan does not have come after all of them, in order of
 * first appearance. One per binding: those last are the trace's own.
 *
 * A trace mostly follows its plan, so the subject of the event before, and the one after it in the
 * plan, are compared with the id before the plan's map is asked. Why: a look-up in a map of tens of
 * thousands of ids costs several reads of memory far apart (measured: about 300 ns, more than the
 * rest of an event's checks); comparing two strings costs a few. Any order gives the same answers.
 */
export class PlanPositions implements SubjectPositions {
  /** Where nodes and finalizers start; where ids the plan does not have start. */
  readonly nodesFrom: number;
  readonly othersFrom: number;
  /** The unit and the node (or finalizer) last found, by their position in the plan. */
  private lastUnit = 0;
  private lastNode = 0;
  private others: FirstSeenPositions | undefined;

  constructor(private readonly index: PlanIndex) {
    this.nodesFrom = index.unitIds.length;
    this.othersFrom = this.nodesFrom + 2 * index.nodeIds.length;
  }

  positionOf(subject: Subject, id: string): number {
    if (subject === Subject.Unit) {
      const unit = this.unitPosition(id);
      if (unit >= 0) return unit;
    } else {
      const node = this.nodePosition(id);
      if (node >= 0) return this.nodesFrom + (subject === Subject.Finalizer ? this.index.nodeIds.length : 0) + node;
    }
    return (this.others ??= new FirstSeenPositions(this.othersFrom)).positionOf(subject, id);
  }

  bound(events: number): number {
    return this.othersFrom + events;
  }

  /** The node (or finalizer) position of a node or finalizer event's subject position; -1 when the plan has no such id. */
  nodeIndexOf(subject: Subject, position: number): number {
    if (position >= this.othersFrom) return -1;
    return position - this.nodesFrom - (subject === Subject.Finalizer ? this.index.nodeIds.length : 0);
  }

  private unitPosition(id: string): number {
    let position = nearby(this.index.unitIds, this.lastUnit, id);
    if (position < 0) position = this.index.units.get(id)?.index ?? -1;
    if (position >= 0) this.lastUnit = position;
    return position;
  }

  private nodePosition(id: string): number {
    let position = nearby(this.index.nodeIds, this.lastNode, id);
    if (position < 0) position = this.index.nodes.get(id) ?? -1;
    if (position >= 0) this.lastNode = position;
    return position;
  }
}
keepShape(new PlanPositions({ units: new Map(), nodes: new Map(), unitIds: [], nodeIds: [] }));

/** `last`, or the position after it, when `ids` has `id` there; else -1 (the map decides). */
function nearby(ids: readonly string[], last: number, id: string): number {
  if (last < ids.length && ids[last] === id) return last;
  if (last + 1 < ids.length && ids[last + 1] === id) return last + 1;
  return -1;
}
