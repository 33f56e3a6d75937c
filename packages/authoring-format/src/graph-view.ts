import { asArray, asObject, asString, compareUtf8, type Obj } from "@graphenix/core";

export interface EdgeView {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly edge: Obj;
}

/**
 * The parts of an authoring or normalized graph every rule reads, extracted once and
 * defensively: node ids in UTF-8 byte order, nodes by id, edges whose ends are strings.
 */
export interface GraphView {
  readonly document: Obj;
  readonly ids: readonly string[];
  readonly nodes: ReadonlyMap<string, Obj>;
  readonly edges: readonly EdgeView[];
  /** Graph-level model case ids. */
  readonly graphCases: ReadonlySet<string>;
}

export function graphView(document: Obj): GraphView {
  const nodesObj = asObject(document.nodes) ?? {};
  const nodes = new Map<string, Obj>();
  for (const [id, node] of Object.entries(nodesObj)) {
    const obj = asObject(node);
    if (obj) nodes.set(id, obj);
  }
  const edges: EdgeView[] = [];
  asArray(document.edges).forEach((raw, index) => {
    const edge = asObject(raw);
    const from = asString(edge?.from);
    const to = asString(edge?.to);
    if (edge && from !== undefined && to !== undefined) edges.push({ index, from, to, edge });
  });
  return {
    document,
    ids: [...nodes.keys()].sort(compareUtf8),
    nodes,
    edges,
    graphCases: new Set(Object.keys(asObject(document.modelCases) ?? {})),
  };
}
