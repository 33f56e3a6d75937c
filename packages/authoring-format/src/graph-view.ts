import { asArray, asObject, asString, objectPrototypeIsStandard, sortUtf8, withoutPrototypes, type Obj } from "@graphenix/core";
import { collectUtilities, type UtilityView } from "./utility-view.js";

export interface EdgeView {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  /** Positions of `from` and `to` in the view's `ids`, or -1 when that end is not a node. */
  readonly source: number;
  readonly target: number;
  readonly edge: Obj;
}

/**
 * The parts of an authoring or normalized graph every rule reads, extracted once and
 * defensively: node ids in UTF-8 byte order, the nodes by position and in the document's order,
 * edges whose ends are strings, and the utilities of the task nodes. Made per validation: a rule
 * never sees what an earlier validation of a since-changed document saw.
 */
export interface GraphView {
  /**
   * The document the rules read: the one given, or, while some code has put a member on
   * Object.prototype, a copy whose objects have no prototype, so that every plain read is of an own
   * member (docs/architecture.md, "Own members only"). Rules read members by name either way.
   */
  readonly document: Obj;
  readonly ids: readonly string[];
  /** Each id's position in `ids`. */
  readonly position: ReadonlyMap<string, number>;
  /** The node of each id of `ids`, at the same position. */
  readonly byPosition: readonly Obj[];
  /**
   * The nodes whose values are objects, in the document's member order: `keys[i]` names
   * `values[i]`. Rules walk these by index (a Map's entries would allocate a pair per node) and
   * so report in the document's order.
   */
  readonly keys: readonly string[];
  readonly values: readonly Obj[];
  readonly edges: readonly EdgeView[];
  /** Graph-level model case ids. */
  readonly graphCases: ReadonlySet<string>;
  /** Every PRE / POST utility and MAIN wrapper of the task nodes, node by node. */
  readonly utilities: readonly UtilityView[];
}

/**
 * `keys`: the member names of `document.nodes`, when the caller has them already (ignored unless
 * `nodes` is an object). `document` has passed the scan: plain JSON data, within the depth limit.
 */
export function graphView(given: Obj, keys?: readonly string[]): GraphView {
  const document = objectPrototypeIsStandard() ? given : withoutPrototypes(given);
  const nodesObj = asObject(document.nodes) ?? {};
  const names = keys && nodesObj === document.nodes ? keys : Object.keys(nodesObj);
  const objectKeys: string[] = [];
  const values: Obj[] = [];
  const utilities: UtilityView[] = [];
  for (const id of names) {
    const node = asObject(nodesObj[id]);
    if (!node) continue;
    objectKeys.push(id);
    values.push(node);
    collectUtilities(id, node, utilities);
  }
  const ids = sortUtf8(objectKeys.slice());
  const position = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) position.set(ids[i] as string, i);
  const byPosition = new Array<Obj>(ids.length);
  for (let i = 0; i < objectKeys.length; i++) byPosition[position.get(objectKeys[i] as string) as number] = values[i] as Obj;
  const edges: EdgeView[] = [];
  const list = asArray(document.edges);
  for (let index = 0; index < list.length; index++) {
    const edge = asObject(list[index]);
    const from = asString(edge?.from);
    const to = asString(edge?.to);
    if (edge && from !== undefined && to !== undefined) edges.push({ index, from, to, source: position.get(from) ?? -1, target: position.get(to) ?? -1, edge });
  }
  return {
    document,
    ids,
    position,
    byPosition,
    keys: objectKeys,
    values,
    edges,
    graphCases: new Set(Object.keys(asObject(document.modelCases) ?? {})),
    utilities,
  };
}
