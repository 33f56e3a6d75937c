import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topologicalOrder, topologicalOrderOfEdges } from "@graphenix/core";

describe("topologicalOrder", () => {
  it("breaks ties by lowest index", () => {
    // 3 → 0, 2 → 0; 1 is free: ready at start are 1, 2, 3.
    expect(topologicalOrder([[], [], [0], [0]])).toEqual({ ok: true, order: [1, 2, 3, 0] });
  });

  it("handles an empty graph and duplicate edges", () => {
    expect(topologicalOrder([])).toEqual({ ok: true, order: [] });
    expect(topologicalOrder([[1, 1], []])).toEqual({ ok: true, order: [0, 1] });
  });

  it("reports a cycle in edge order from its lowest index, even with nodes downstream of it", () => {
    // 0 → 1 → 2 → 3 → 1, and 3 → 4 (4 is downstream of the cycle, not on it).
    expect(topologicalOrder([[1], [2], [3], [1, 4], []])).toEqual({ ok: false, cycle: [1, 2, 3] });
    expect(topologicalOrder([[0]])).toEqual({ ok: false, cycle: [0] });
  });

  it("orders 100,000 nodes in a chain without recursion", () => {
    const n = 100_000;
    const successors = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    const result = topologicalOrder(successors);
    expect(result.ok && result.order.length).toBe(n);
    successors[n - 1] = [0];
    const cyclic = topologicalOrder(successors);
    expect(cyclic.ok ? 0 : cyclic.cycle.length).toBe(n);
  });

  it("every edge goes forward in the order; a reported cycle is a real cycle", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n })), (successors) => {
        const result = topologicalOrder(successors);
        if (result.ok) {
          const position = new Map(result.order.map((node, i) => [node, i]));
          expect(result.order.length).toBe(successors.length);
          successors.forEach((next, i) => next.forEach((j) => expect(position.get(i)!).toBeLessThan(position.get(j)!)));
        } else {
          result.cycle.forEach((node, i) => expect(successors[node]).toContain(result.cycle[(i + 1) % result.cycle.length]));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("from an edge list, gives exactly what the successor lists give", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n })), (successors) => {
        const from = successors.flatMap((next, i) => next.map(() => i));
        const to = successors.flat();
        // Extra entries past `count` are ignored.
        expect(topologicalOrderOfEdges(successors.length, [...from, 0], [...to, 0], from.length)).toEqual(topologicalOrder(successors));
      }),
    );
  });
});
