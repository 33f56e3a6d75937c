import type { Direction, Drawing, DrawNode, NodeStyle, UnitStyle } from "./model.js";
import { textLines } from "./text.js";

/**
 * A label as a DOT string: backslashes and quotes escaped (so no `\N`, `\l` or `\"` of the text
 * is read as an escape), `&` written `&amp;` (Graphviz reads HTML entities in every label), lines
 * (split again at any line break they hold) joined with `\n`.
 */
export function dotText(lines: readonly string[]): string {
  return `"${lines.flatMap(textLines).map((line) => line.replace(/[\\"]/g, (c) => `\\${c}`).replace(/&/g, "&amp;")).join("\\n")}"`;
}

const UNIT_ATTRS: Readonly<Record<UnitStyle, string>> = {
  pre: 'fillcolor="#e3f2fd", color="#1565c0"',
  main: 'fillcolor="#e8f5e9", color="#2e7d32"',
  post: 'fillcolor="#fff3e0", color="#ef6c00"',
  special: 'shape=hexagon, fillcolor="#f3e5f5", color="#6a1b9a"',
  finalizer: 'fillcolor="#fff8e1", color="#b8860b", penwidth=2, peripheries=2',
};

/** Attributes of a node: as a cluster (a node with units) or as a single shape. */
const NODE_ATTRS: Readonly<Record<NodeStyle, string>> = {
  task: 'fillcolor="#fafafa", color="#616161"',
  special: 'fillcolor="#fbf5fc", color="#6a1b9a"',
  finalizer: 'fillcolor="#fffdf5", color="#b8860b", penwidth=2',
  action: 'fillcolor="#e3f2fd", color="#1565c0"',
  step: 'fillcolor="#e8f5e9", color="#2e7d32"',
};

/** Where an edge attaches: a node's own shape, or its last (tail) / first (head) unit, clipped to its cluster. */
function anchor(node: DrawNode | undefined, id: string, end: "tail" | "head"): { id: string; attr?: string } {
  if (!node || node.units.length === 0) return { id };
  const unit = end === "tail" ? node.units[node.units.length - 1] : node.units[0];
  return { id: unit?.id ?? id, attr: `${end === "tail" ? "ltail" : "lhead"}=cluster_${node.id}` };
}

/**
 * A Graphviz DOT digraph: the title as the graph label, one dashed cluster per wave (`wave N`),
 * in it a cluster per node with units (its units chained in run order) or a single shape; then
 * the dependency edges (bold; dashed with a label when conditional), drawn between clusters.
 */
export function toDot(drawing: Drawing, direction: Direction): string {
  const out: string[] = [
    "digraph graphenix {",
    `  graph [label=${dotText([drawing.title])}, labelloc=t, rankdir=${direction}, compound=true, ordering=out, fontname="Helvetica"];`,
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const nodes = new Map<string, DrawNode>();
  for (const wave of drawing.waves) {
    out.push(`  subgraph cluster_${wave.id} {`, `    label=${dotText([`wave ${wave.wave}`])}; labeljust=l; style=dashed; color="#9e9e9e"; fontcolor="#616161";`);
    for (const node of wave.nodes) {
      nodes.set(node.id, node);
      if (node.units.length === 0) {
        out.push(`    ${node.id} [label=${dotText(node.lines)}, ${NODE_ATTRS[node.style]}];`);
        continue;
      }
      out.push(`    subgraph cluster_${node.id} {`, `      label=${dotText(node.lines)}; style="rounded,filled"; ${NODE_ATTRS[node.style].replace(/, /g, "; ")};`);
      for (const unit of node.units) out.push(`      ${unit.id} [label=${dotText(unit.lines)}, ${UNIT_ATTRS[unit.style]}];`);
      node.units.slice(1).forEach((unit, i) => out.push(`      ${(node.units[i] as { id: string }).id} -> ${unit.id};`));
      out.push("    }");
    }
    out.push("  }");
  }
  for (const edge of drawing.edges) {
    const tail = anchor(nodes.get(edge.from), edge.from, "tail");
    const head = anchor(nodes.get(edge.to), edge.to, "head");
    const attrs = [tail.attr, head.attr, ...(edge.conditional || edge.lines.length > 0 ? ["style=dashed", `label=${dotText(edge.lines)}`] : ["penwidth=2"])].filter((a) => a !== undefined);
    out.push(`  ${tail.id} -> ${head.id} [${attrs.join(", ")}];`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}
