import { asObject, keepShape, type Obj } from "@graphenix/core";

/** Where a utility sits in its task node: one of the two strategies, or an item of a list. */
export type UtilitySlot = "pre" | "post" | "preActions" | "postActions" | "executionStrategies";

/**
 * A utility unit of a task node's PRE or POST phase (a strategy or a plan-phase action), or a
 * MAIN-phase wrapper. A class with its path made on demand: a graph has tens of thousands of
 * them and only those with an issue need a path. Its shape is kept between validations (keepShape).
 */
export class UtilityView {
  constructor(
    readonly phase: "PRE" | "POST" | "MAIN",
    readonly utility: Obj,
    /** The task node it belongs to, and that node's id. */
    readonly node: Obj,
    readonly nodeId: string,
    readonly slot: UtilitySlot,
    /** Its index in the list, or -1 for the `pre` / `post` strategy. */
    readonly index: number,
  ) {}

  path(): (string | number)[] {
    return this.index < 0
      ? ["nodes", this.nodeId, "parameters", "taskConfiguration", "aiTaskStrategies", this.slot]
      : ["nodes", this.nodeId, "parameters", this.slot, this.index];
  }
}
keepShape(new UtilityView("PRE", {}, {}, "", "pre", -1));

/** Appends every utility of the node `id` to `out`, when it is a task node with parameters (read defensively). */
export function collectUtilities(id: string, node: Obj, out: UtilityView[]): void {
  const params = asObject(node.parameters);
  if (node.type !== "task" || !params) return;
  const strategies = asObject(asObject(params.taskConfiguration)?.aiTaskStrategies);
  if (strategies) {
    const pre = asObject(strategies.pre);
    const post = asObject(strategies.post);
    if (pre) out.push(new UtilityView("PRE", pre, node, id, "pre", -1));
    if (post) out.push(new UtilityView("POST", post, node, id, "post", -1));
  }
  // Named reads, not params[slot] in a loop: a read by a variable name is the engine's slow path.
  collectList(params.preActions, "PRE", node, id, "preActions", out);
  collectList(params.postActions, "POST", node, id, "postActions", out);
  collectList(params.executionStrategies, "MAIN", node, id, "executionStrategies", out);
}

function collectList(list: unknown, phase: UtilityView["phase"], node: Obj, id: string, slot: UtilitySlot, out: UtilityView[]): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const item = asObject(list[i]);
    if (item) out.push(new UtilityView(phase, item, node, id, slot, i));
  }
}
