import type { Direction, Drawing, DrawNode, NodeStyle, UnitStyle } from "./model.js";
import { textLines } from "./text.js";

/**
 * A label as a Mermaid string: every character Mermaid or the HTML it renders to could read as
 * syntax (`"` ends the string, `#` starts an entity code, a leading backtick starts a Markdown
 * string, `<` `>` `&` are HTML, brackets and braces delimit shapes) is written as a decimal
 * entity code (`#34;`), and lines (split again at any line break they hold) are joined with `<br>`.
 */
export function mermaidText(lines: readonly string[]): string {
  return `"${lines.flatMap(textLines).map((line) => line.replace(/[#"`<>&[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`)).join("<br>")}"`;
}

const UNIT_CLASSES: Readonly<Record<UnitStyle, string>> = {
  pre: "fill:#e3f2fd,stroke:#1565c0",
  main: "fill:#e8f5e9,stroke:#2e7d32",
  post: "fill:#fff3e0,stroke:#ef6c00",
  special: "fill:#f3e5f5,stroke:#6a1b9a",
  finalizer: "fill:#fff8e1,stroke:#b8860b,stroke-width:3px",
};

const NODE_CLASSES: Readonly<Record<NodeStyle, readonly [string, string]>> = {
  task: ["taskNode", "fill:#fafafa,stroke:#616161"],
  special: ["specialNode", "fill:#fbf5fc,stroke:#6a1b9a"],
  finalizer: ["finalizerNode", "fill:#fffdf5,stroke:#b8860b,stroke-width:3px"],
  action: ["action", "fill:#e3f2fd,stroke:#1565c0"],
  step: ["step", "fill:#e8f5e9,stroke:#2e7d32"],
};

const WAVE_CLASS = "fill:none,stroke:#9e9e9e,stroke-dasharray:4 4";

/** A plain node's shape: steps rounded, everything else a rectangle. */
function shape(node: DrawNode): string {
  const text = mermaidText(node.lines);
  return node.style === "step" ? `(${text})` : `[${text}]`;
}

/**
 * A Mermaid flowchart: the title in front matter, one dashed subgraph per wave (`wave N`), in it
 * a subgraph per node with units (its units chained in run order) or a single shape; then the
 * dependency edges (thick; dashed with a label when conditional) and the class assignments.
 */
export function toMermaid(drawing: Drawing, direction: Direction): string {
  const out: string[] = ["---", `title: ${JSON.stringify(drawing.title)}`, "---", `flowchart ${direction}`];
  const classes = new Map<string, { style: string; members: string[] }>();
  const addClass = (name: string, style: string, member: string) => {
    const entry = classes.get(name) ?? { style, members: [] };
    entry.members.push(member);
    classes.set(name, entry);
  };
  for (const wave of drawing.waves) {
    out.push(`  subgraph ${wave.id}[${mermaidText([`wave ${wave.wave}`])}]`);
    addClass("wave", WAVE_CLASS, wave.id);
    for (const node of wave.nodes) {
      const [nodeClass, nodeStyle] = NODE_CLASSES[node.style];
      addClass(nodeClass, nodeStyle, node.id);
      if (node.units.length === 0) {
        out.push(`    ${node.id}${shape(node)}`);
        continue;
      }
      // Mermaid reserves one line for a subgraph title: the node's lines go on one.
      out.push(`    subgraph ${node.id}[${mermaidText([node.lines.join(" · ")])}]`, `      direction ${direction}`);
      for (const unit of node.units) {
        out.push(unit.style === "finalizer" ? `      ${unit.id}([${mermaidText(unit.lines)}])` : unit.style === "special" ? `      ${unit.id}{{${mermaidText(unit.lines)}}}` : `      ${unit.id}[${mermaidText(unit.lines)}]`);
        addClass(unit.style, UNIT_CLASSES[unit.style], unit.id);
      }
      node.units.slice(1).forEach((unit, i) => out.push(`      ${(node.units[i] as { id: string }).id} --> ${unit.id}`));
      out.push("    end");
    }
    out.push("  end");
  }
  for (const edge of drawing.edges) {
    out.push(edge.conditional || edge.lines.length > 0 ? `  ${edge.from} -.->|${mermaidText(edge.lines)}| ${edge.to}` : `  ${edge.from} ==> ${edge.to}`);
  }
  for (const [name, { style }] of classes) out.push(`  classDef ${name} ${style}`);
  for (const [name, { members }] of classes) out.push(`  class ${members.join(",")} ${name}`);
  return `${out.join("\n")}\n`;
}
