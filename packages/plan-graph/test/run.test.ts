import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanGraph } from "@graphenix/contracts";
import { checkTransition, compilePlan, runPlanGraph, topologicalOrder, validatePlanGraph, type NodeOutcome } from "@graphenix/plan-graph";

const examples = join(import.meta.dirname, "../../../examples");
const read = (file: string) => JSON.parse(readFileSync(join(examples, file), "utf8")) as unknown;
const compiled = compilePlan(read("matrix-scenario.json"), read("lab-inventory.json"));
if (!compiled.ok) throw new Error("example must compile");
const matrix: PlanGraph = compiled.graph;
const ids = matrix.nodes.map((n) => n.action_id);
/** The matrix with edges: node 5 after 0 and 1; node 4 after 5. It asks to run in parallel (as many nodes as the runner allows). */
const withEdges = (): PlanGraph => ({ ...structuredClone(matrix), execution: { order: "parallel" }, edges: [{ from: ids[0]!, to: ids[5]!, kind: "depends_on" }, { from: ids[1]!, to: ids[5]!, kind: "depends_on" }, { from: ids[5]!, to: ids[4]!, kind: "depends_on" }] });
const codes = (r: { issues: readonly { code: string; pointer: string }[] }) => r.issues.map((i) => `${i.pointer} ${i.code}`);

describe("validatePlanGraph", () => {
  it("accepts compiled graphs", () => {
    expect(codes(validatePlanGraph(matrix))).toEqual([]);
    expect(codes(validatePlanGraph(withEdges()))).toEqual([]);
  });

  it.each([
    ["a status on a node (the graph is immutable)", (g: PlanGraph) => { (g.nodes[0] as unknown as Record<string, unknown>).status = "pending"; }, ["/nodes/0/status schema-unknown-member"]],
  ])("%s", (_name, mutate, expected) => {
    const g = structuredClone(matrix);
    mutate(g);
    expect(codes(validatePlanGraph(g))).toEqual(expected);
  });

  // One fixture per rule: fixtures/_error_/graph-*. The cycle's message is checked here.
  it("reports a cycle with the ids of the cycle in order", () => {
    const g = withEdges();
    g.edges.push({ from: ids[4]!, to: ids[0]!, kind: "depends_on" });
    const result = validatePlanGraph(g);
    expect(codes(result)).toEqual(["/edges plan_graph_cycle"]);
    expect(result.issues[0]?.message).toContain(`${ids[0]} → ${ids[5]} → ${ids[4]} → ${ids[0]}`);
  });
});

describe("topologicalOrder", () => {
  it("is node_ordinal order when there are no edges, and respects edges with ordinal tie-break", () => {
    expect(topologicalOrder(matrix)).toEqual({ ok: true, order: ids });
    expect(topologicalOrder(withEdges())).toEqual({ ok: true, order: [ids[0], ids[1], ids[2], ids[3], ids[5], ids[4]] });
  });

  it("orders 100,000 nodes and 300,000 edges without recursion", () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ action_id: `n${i}`, node_ordinal: i }));
    const edges = Array.from({ length: 3 * n }, (_, k) => ({ from: `n${k % (n - 1)}`, to: `n${(k % (n - 1)) + 1 + ((k * 7) % Math.max(1, n - 1 - (k % (n - 1))))}` })).filter((e) => e.to !== `n${n}`);
    const result = topologicalOrder({ nodes, edges } as unknown as PlanGraph);
    expect(result.ok && result.order.length).toBe(n);
  });
});

describe("node lifecycle", () => {
  it.each([["pending", "ready"], ["ready", "running"], ["running", "succeeded"], ["running", "failed"], ["pending", "skipped"], ["ready", "skipped"]] as const)("%s → %s is allowed", (a, b) => {
    expect(checkTransition(a, b)).toBeUndefined();
  });
  it.each([["succeeded", "running"], ["pending", "running"], ["failed", "succeeded"], ["running", "skipped"], ["skipped", "ready"]] as const)("%s → %s is node_transition_invalid", (a, b) => {
    expect(checkTransition(a, b)?.code).toBe("node_transition_invalid");
  });
});

describe("runPlanGraph", () => {
  const succeed = async (): Promise<NodeOutcome> => ({ status: "succeeded" });

  /** The most nodes running at once when `graph` runs with these options. */
  const peakOf = async (graph: PlanGraph, options: Parameters<typeof runPlanGraph>[2]) => {
    let running = 0;
    let peak = 0;
    const result = await runPlanGraph(graph, async () => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return { status: "succeeded" };
    }, options);
    expect(result.ok).toBe(true);
    return peak;
  };
  const asking = (execution: PlanGraph["execution"]): PlanGraph => {
    const { execution: _given, ...rest } = structuredClone(matrix);
    return execution === undefined ? rest : { ...rest, execution };
  };

  it("starts nodes in node_ordinal order, never more than min(plan, runner) at once", async () => {
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const result = await runPlanGraph(asking({ order: "parallel", concurrency: 4 }), async (node) => {
      started.push(node.node_ordinal);
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return { status: "succeeded" };
    }, { concurrency: 4, max_concurrency: 2 });
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(result.ok && result.rollup).toEqual({ total: 6, succeeded: 6, failed: 0, skipped: 0, status: "succeeded" });
    expect(result.ok && result.rows.map((r) => r.phases.join(">"))).toEqual(Array(6).fill("pending>ready>running>succeeded"));
  });


  it("runs as many nodes at once as the graph's execution request asks, under the runner's ceiling", async () => {
    expect(matrix.execution).toEqual({ order: "sequential", concurrency: 1 }); // the scenario's, carried over
    expect(await peakOf(matrix, { max_concurrency: 6 })).toBe(1);
    expect(await peakOf(asking({ order: "parallel", concurrency: 3 }), { max_concurrency: 6 })).toBe(3);
    expect(await peakOf(asking({ order: "parallel", concurrency: 3 }), { max_concurrency: 2 })).toBe(2);
    expect(await peakOf(asking({ concurrency: 2 }), { max_concurrency: 6 })).toBe(2);
    // parallel without a number: as many as the runner allows.
    expect(await peakOf(asking({ order: "parallel" }), { max_concurrency: 5 })).toBe(5);
    expect(await peakOf(asking({ order: "parallel" }), {})).toBe(1);
  });

  it("the caller's concurrency only lowers a request the graph carries, and is the request of a graph without one", async () => {
    // A sequential plan runs one node at a time, whatever the caller asks.
    expect(await peakOf(matrix, { concurrency: 4, max_concurrency: 4 })).toBe(1);
    expect(await peakOf(asking({ order: "parallel", concurrency: 3 }), { concurrency: 2, max_concurrency: 6 })).toBe(2);
    expect(await peakOf(asking({ order: "parallel", concurrency: 3 }), { concurrency: 5, max_concurrency: 6 })).toBe(3);
    expect(await peakOf(asking(undefined), { max_concurrency: 6 })).toBe(1);
    expect(await peakOf(asking(undefined), { concurrency: 4, max_concurrency: 6 })).toBe(4);
  });

  it("refuses an execution request that answers otherwise when read again, rather than waiting forever", async () => {
    let reads = 0;
    const flipping = { order: "parallel", get concurrency() { return reads++ === 0 ? 2 : "x"; } };
    const result = await runPlanGraph(asking(flipping as unknown as PlanGraph["execution"]), succeed, { max_concurrency: 4 });
    expect(result.ok ? [] : codes(result)).toEqual(["/execution config_schema_invalid"]);
  });

  it("refuses an execution request it cannot read, rather than throwing or waiting forever", async () => {
    for (const [execution, expected] of [
      [null, ["/execution config_schema_invalid"]],
      [[], ["/execution config_schema_invalid"]],
      [{ order: "parallel", concurrency: "x" }, ["/execution/concurrency config_schema_invalid"]],
      [{ order: "parallel", concurrency: 0 }, ["/execution/concurrency config_schema_invalid"]],
      [{ order: 5 }, ["/execution/order plan_order_unsupported"]],
      [{ order: 10n }, ["/execution/order plan_order_unsupported"]],
      [{ order: "bogus", concurrency: 0 }, ["/execution/concurrency config_schema_invalid", "/execution/order plan_order_unsupported"]],
      [{ order: "sequential", concurrency: 1.5 }, ["/execution/concurrency config_schema_invalid"]],
    ] as const) {
      const result = await runPlanGraph(asking(execution as unknown as PlanGraph["execution"]), succeed, { max_concurrency: 2 });
      expect(result.ok ? [] : codes(result), String(execution)).toEqual(expected);
    }
  });

  it("runs nothing for an order it does not know, or a sequential plan asking for more than one node at a time", async () => {
    let calls = 0;
    const count = async (): Promise<NodeOutcome> => (calls++, { status: "succeeded" });
    const unknown = await runPlanGraph(asking({ order: "round_robin" }), count, { max_concurrency: 4 });
    expect(unknown.ok ? [] : codes(unknown)).toEqual(["/execution/order plan_order_unsupported"]);
    const contradictory = await runPlanGraph(asking({ order: "sequential", concurrency: 4 }), count, { max_concurrency: 4 });
    expect(contradictory.ok ? [] : codes(contradictory)).toEqual(["/execution/concurrency config_schema_invalid"]);
    expect(calls).toBe(0);
  });

  it("waits for dependencies and skips what depends on a failure", async () => {
    const result = await runPlanGraph(withEdges(), async (node) => (node.node_ordinal === 1 ? { status: "failed", reason_code: "edr_blocked" } : { status: "succeeded" }), { max_concurrency: 3, concurrency: 3 });
    expect(result.ok && result.rows.map((r) => `${r.node_ordinal}:${r.status}:${r.reason_code ?? ""}`)).toEqual(["0:succeeded:", "1:failed:edr_blocked", "2:succeeded:", "3:succeeded:", "4:skipped:dependency_failed", "5:skipped:dependency_failed"]);
    expect(result.ok && result.rollup.status).toBe("partial");
  });

  it("fail_fast skips every node not yet started", async () => {
    const result = await runPlanGraph(matrix, async (node) => ({ status: node.node_ordinal === 1 ? "failed" : "succeeded" }), { fail_fast: true });
    expect(result.ok && result.rows.map((r) => r.reason_code ?? r.status)).toEqual(["succeeded", "node_failed", "fail_fast_skipped", "fail_fast_skipped", "fail_fast_skipped", "fail_fast_skipped"]);
  });

  it("a throwing executor is a failed node, not a crash", async () => {
    const result = await runPlanGraph(matrix, async () => { throw new Error("boom"); });
    expect(result.ok && result.rollup).toEqual({ total: 6, succeeded: 0, failed: 6, skipped: 0, status: "failed" });
    expect(result.ok && result.rows[0]?.reason_code).toBe("executor_error");
  });

  it("an executor that resolves to something other than an outcome fails its node with executor_error", async () => {
    const answers: unknown[] = [undefined, null, "succeeded", { status: "ok" }, { status: "failed", reason_code: 5 }, { status: "succeeded" }];
    const result = await runPlanGraph(matrix, async (n) => answers[n.node_ordinal] as NodeOutcome, { concurrency: 6, max_concurrency: 6 });
    expect(result.ok && result.rows.map((r) => r.reason_code ?? r.status)).toEqual(["executor_error", "executor_error", "executor_error", "executor_error", "executor_error", "succeeded"]);
  });

  it("an error thrown by the caller's onProgress or clock rejects the run (no hang, no unhandled rejection)", async () => {
    const boom = new Error("the caller's");
    await expect(runPlanGraph(matrix, succeed, { onProgress: (p) => { if (p.done === 1) throw boom; } })).rejects.toBe(boom);
    let reads = 0;
    await expect(runPlanGraph(matrix, succeed, { clock: () => { if (++reads === 3) throw boom; return "2026-06-06T12:00:00Z"; } })).rejects.toBe(boom);
    await expect(runPlanGraph(matrix, succeed, { onProgress: () => { throw boom; } })).rejects.toBe(boom);
    // Even a thrown undefined rejects the run rather than leaving it pending.
    await expect(runPlanGraph(matrix, succeed, { onProgress: (p) => { if (p.done === 2) throw undefined; } })).rejects.toBeUndefined();
  });

  it("concurrency options that are not positive whole numbers are a misuse (RangeError), not a hang", async () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(runPlanGraph(matrix, succeed, { concurrency: bad })).rejects.toThrow(RangeError);
      await expect(runPlanGraph(matrix, succeed, { max_concurrency: bad })).rejects.toThrow(RangeError);
    }
  });

  it("duplicate ids and edges to unknown nodes are the graph's issues: nothing runs, no dependency is left out", async () => {
    let ran = 0;
    const execute = async (): Promise<NodeOutcome> => { ran++; return { status: "succeeded" }; };
    const duplicate = structuredClone(matrix);
    duplicate.nodes[1]!.action_id = ids[0]!;
    const unknown = { ...structuredClone(matrix), edges: [{ from: "act:nowhere", to: ids[0]!, kind: "depends_on" as const }] };
    const refused = async (g: PlanGraph) => {
      const result = await runPlanGraph(g, execute);
      return result.ok ? ["it ran"] : codes(result);
    };
    expect(await refused(duplicate)).toEqual(["/nodes/1/action_id plan_graph_duplicate_id"]);
    expect(await refused(unknown)).toEqual(["/edges/0/from plan_graph_edge_unknown_node"]);
    expect(ran).toBe(0);
  });

  it("refuses a cycle before anything runs", async () => {
    const g = withEdges();
    g.edges.push({ from: ids[4]!, to: ids[0]!, kind: "depends_on" });
    let ran = 0;
    const result = await runPlanGraph(g, async () => { ran++; return { status: "succeeded" }; });
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(["plan_graph_cycle"]);
    expect(ran).toBe(0);
  });

  it("reports progress and stamps times from the injected clock", async () => {
    const events: string[] = [];
    let t = 0;
    const result = await runPlanGraph(matrix, succeed, { onProgress: (p) => events.push(`${p.done}/${p.total}`), clock: () => `2026-06-06T12:00:${String(t++).padStart(2, "0")}Z`, plan_expansion_ref: "plan/expansion_manifest.json" });
    expect(events.at(-1)).toBe("6/6");
    expect(result.ok && result.rows[0]).toMatchObject({ started_at: "2026-06-06T12:00:00Z", finished_at: "2026-06-06T12:00:01Z", plan_expansion_ref: "plan/expansion_manifest.json" });
  });

  it("rows and rollup are the same whatever order the nodes finish in", async () => {
    const outcomes = matrix.nodes.map((n) => (n.node_ordinal % 3 === 2 ? "failed" : "succeeded"));
    const reference = await runPlanGraph(withEdges(), async (n) => ({ status: outcomes[n.node_ordinal] as "failed" | "succeeded" }), { max_concurrency: 6, concurrency: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }), async (delays) => {
        const result = await runPlanGraph(withEdges(), async (n) => {
          await new Promise((r) => setTimeout(r, delays[n.node_ordinal]));
          return { status: outcomes[n.node_ordinal] as "failed" | "succeeded" };
        }, { max_concurrency: 6, concurrency: 6 });
        expect(result).toEqual(reference);
      }),
      { numRuns: 30, seed: 6 },
    );
  });
});

describe("runPlanGraph reads own members only (docs/architecture.md)", () => {
  it("an option or an outcome member some code put on Object.prototype changes nothing", async () => {
    const run = () => runPlanGraph(withEdges(), async (node) => (node.node_ordinal === 1 ? { status: "failed" } : { status: "succeeded" }));
    const before = JSON.stringify(await run());
    for (const [name, value] of [["clock", () => "2026-01-01T00:00:00.000Z"], ["fail_fast", true], ["plan_expansion_ref", "x"], ["reason_code", "x"], ["concurrency", 0], ["max_concurrency", 0], ["onProgress", 1], ["execution", { order: "sequential" }]] as const) {
      Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true });
      try {
        expect(JSON.stringify(await run()), name).toBe(before);
      } finally {
        Reflect.deleteProperty(Object.prototype, name);
      }
    }
  });
});
