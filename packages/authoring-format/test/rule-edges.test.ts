/**
 * Edges of authoring rules a mutation review found untested: the longest cycle shown in full,
 * distinct edges whose ends' positions add up alike, and a node's default case that is a graph case.
 * Also: the duplicate-edge rule's sorted first look agrees with a plain reference on random edge lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateAuthoringGraph } from "@graphenix/authoring-format";

const profile = (key: string) => ({ kind: "profileChoice", key });
const task = { type: "task", parameters: { skillKey: "s" } };
const id = (i: number) => `n${String(i).padStart(2, "0")}`;

function graph(nodes: Record<string, unknown>, edges: unknown[]) {
  return { format: "graphenix.authoring-graph/v1", graphId: "graph:e", revision: "1.0.0", formatVersion: "2.0.0", nodes, edges, modelCases: { default: { skillModel: profile("vol/default") } }, defaultModelCase: "default" };
}

function cycleOf(length: number) {
  const nodes = Object.fromEntries(Array.from({ length }, (_, i) => [id(i), task]));
  return graph(nodes, Array.from({ length }, (_, i) => ({ from: id(i), to: id((i + 1) % length) })));
}

const issues = (doc: unknown) => validateAuthoringGraph(doc).issues.map((i) => `${i.pointer} ${i.code}: ${i.message}`);

describe("authoring rule edges", () => {
  it("a cycle of 24 nodes is shown in full; 25 is shortened, with its count", () => {
    const full = Array.from({ length: 24 }, (_, i) => `"${id(i)}"`).join(" → ");
    expect(issues(cycleOf(24))).toEqual([`/edges/23 graph-cycle: the edges form a cycle: ${full} → "n00" (24 nodes); this edge leads back to "n00"`]);
    const shortened = Array.from({ length: 23 }, (_, i) => `"${id(i)}"`).join(" → ");
    expect(issues(cycleOf(25))).toEqual([`/edges/24 graph-cycle: the edges form a cycle: ${shortened} → "…" → "n00" (25 nodes); this edge leads back to "n00"`]);
  });

  it("distinct edges are not duplicates, whatever their ends' positions", () => {
    // Positions a=0, b=1, c=2, d=3: a→d and b→c have equal sums of positions.
    const nodes = { a: task, b: task, c: task, d: task };
    expect(issues(graph(nodes, [{ from: "a", to: "d" }, { from: "b", to: "c" }]))).toEqual([]);
    expect(issues(graph(nodes, [{ from: "a", to: "d" }, { from: "a", to: "d" }]))).toEqual(['/edges/1 edge-duplicate: the edge "a" → "d" is already listed at /edges/0']);
  });

  it("a node's defaultModelCase may name a graph model case", () => {
    expect(issues(graph({ a: { ...task, defaultModelCase: "default" } }, []))).toEqual([]);
    expect(issues(graph({ a: { ...task, defaultModelCase: "nope" } }, [])).map((i) => i.split(":")[0])).toEqual(["/nodes/a/defaultModelCase model-case-unknown"]);
  });

  it("duplicate edges are reported as a plain first-seen reference reports them, on random edge lists", () => {
    // Ends drawn from a few names, some of them not nodes: repeats, unknown ends and both at once.
    const end = fc.constantFrom("a", "b", "c", "d", "x", "y");
    fc.assert(
      fc.property(fc.array(fc.record({ from: end, to: end }), { maxLength: 12 }), (edges) => {
        const firstAt = new Map<string, number>();
        const expected: string[] = [];
        edges.forEach(({ from, to }, i) => {
          const first = firstAt.get(`${from}\u0000${to}`);
          if (first === undefined) firstAt.set(`${from}\u0000${to}`, i);
          else expected.push(`/edges/${i} edge-duplicate: the edge "${from}" → "${to}" is already listed at /edges/${first}`);
        });
        const nodes = { a: task, b: task, c: task, d: task };
        expect(issues(graph(nodes, edges)).filter((line) => line.includes("edge-duplicate"))).toEqual(expected);
      }),
    );
  });
});
