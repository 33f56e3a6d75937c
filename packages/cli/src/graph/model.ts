/**
 * The neutral drawing model: what a picture shows, built from a document by one builder per
 * document kind and written out by one renderer per picture language (mermaid.ts, dot.ts).
 * Every list is in the document's own order, so the same document always draws the same picture.
 * Ids are safe identifiers made by position (`n0`, `n0_u1`, `w2`); the document's own ids are
 * only ever shown in labels.
 */

/** How a unit looks: its run phase (PRE, MAIN, POST), a special unit, or a finalizer. */
export type UnitStyle = "pre" | "main" | "post" | "special" | "finalizer";

/** How a node looks: a plan node by type, a plan-graph action node, or an MPLP step. */
export type NodeStyle = "task" | "special" | "finalizer" | "action" | "step";

/** One execution unit inside a node, drawn in run order. */
export interface DrawUnit {
  readonly id: string;
  /** Label lines, as plain text (renderers escape them). */
  readonly lines: readonly string[];
  readonly style: UnitStyle;
}

/** One node: a box of units when it has units, else a single shape. */
export interface DrawNode {
  readonly id: string;
  readonly lines: readonly string[];
  readonly style: NodeStyle;
  readonly units: readonly DrawUnit[];
}

/** Nodes of the same topological depth (wave), in document order. */
export interface DrawWave {
  readonly id: string;
  readonly wave: number;
  readonly nodes: readonly DrawNode[];
}

/** `to` runs after `from`; a conditional edge is decided at run time (a deferred gate). */
export interface DrawEdge {
  readonly from: string;
  readonly to: string;
  readonly lines: readonly string[];
  readonly conditional: boolean;
}

export interface Drawing {
  /** One line naming the document. */
  readonly title: string;
  readonly waves: readonly DrawWave[];
  readonly edges: readonly DrawEdge[];
}

export type Direction = "TB" | "LR";

/** Groups nodes by wave, waves ascending, nodes in the order given. */
export function groupWaves(nodes: readonly DrawNode[], waves: readonly number[]): DrawWave[] {
  const byWave = new Map<number, DrawNode[]>();
  nodes.forEach((node, i) => {
    const wave = waves[i] ?? 0;
    const list = byWave.get(wave);
    if (list) list.push(node);
    else byWave.set(wave, [node]);
  });
  return [...byWave.keys()].sort((a, b) => a - b).map((wave, i) => ({ id: `w${i}`, wave, nodes: byWave.get(wave) ?? [] }));
}

/** An edge between two nodes by document id; edges naming a node the drawing lacks are left out. */
export function edgeBetween(ids: ReadonlyMap<string, string>, from: string, to: string, lines: readonly string[] = [], conditional = false): DrawEdge[] {
  const a = ids.get(from);
  const b = ids.get(to);
  return a === undefined || b === undefined ? [] : [{ from: a, to: b, lines, conditional }];
}

