import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digest } from "@graphenix/core";
import { actionKey, compilePlan } from "@graphenix/plan-graph";

const examples = join(import.meta.dirname, "../../../examples");
const read = (file: string) => JSON.parse(readFileSync(join(examples, file), "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const inventory = read("lab-inventory.json");
const codes = (r: ReturnType<typeof compilePlan>) => (r.ok ? [] : r.issues.map((i) => `${i.pointer} ${i.code}`));
const issuesOf = (r: ReturnType<typeof compilePlan>) => (r.ok ? [] : r.issues);

describe("compilePlan: matrix", () => {
  const result = compilePlan(read("matrix-scenario.json"), inventory);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const { graph, manifest } = result;

  it("orders targets in UTF-8 byte order of asset_id (ws-10 before ws-2) and enumerates row-major", () => {
    expect(graph.nodes.map((n) => `${n.target_asset_id}/${String(n.cell?.coord.encoding)}`)).toEqual([
      "ws-1/utf16le", "ws-1/base64", "ws-10/utf16le", "ws-10/base64", "ws-2/utf16le", "ws-2/base64",
    ]);
    expect(graph.nodes.map((n) => n.node_ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(graph.edges).toEqual([]);
  });

  it("resolves axis values into the inputs and derives the identities from them", () => {
    const node = graph.nodes[1]!;
    expect(node.parameters.resolved_inputs).toEqual({ command: "Get-Process", encoding: "base64" });
    expect(node.parameters.resolved_inputs_sha256).toBe(digest({ command: "Get-Process", encoding: "base64" }));
    expect(node.action_key).toBe(actionKey({ ...node, resolved_inputs_sha256: node.parameters.resolved_inputs_sha256 }));
    expect(new Set(graph.nodes.map((n) => n.action_id)).size).toBe(6);
    expect(node.cell).toEqual({ path: ["targets", "encoding"], coord: { targets: "ws-1", encoding: "base64" } });
  });

  it("records the enumeration in the manifest", () => {
    expect(manifest.expand).toEqual(["targets", "encoding"]);
    expect(manifest.axes).toEqual([
      { name: "targets", values: ["ws-1", "ws-10", "ws-2"], ordering: "asset_id_utf8", expanded: true },
      { name: "encoding", values: ["utf16le", "base64"], ordering: "given", expanded: true },
    ]);
    expect(manifest.cells.map((c) => c.action_id)).toEqual(graph.nodes.map((n) => n.action_id));
  });

  it("is deterministic", () => {
    const again = compilePlan(read("matrix-scenario.json"), { assets: [...inventory.assets].reverse() });
    expect(JSON.stringify(again.ok && again.graph)).toBe(JSON.stringify(graph));
  });
});

describe("compilePlan: atomic", () => {
  it("one node, no edges, no cell", () => {
    const result = compilePlan(read("atomic-scenario.json"), inventory);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.graph.nodes).toHaveLength(1);
    expect(result.graph.nodes[0]).toMatchObject({ target_asset_id: "srv-db", node_ordinal: 0 });
    expect(result.graph.nodes[0]?.cell).toBeUndefined();
  });
});

describe("compilePlan: refusals, before any node is built (one fixture per rule: fixtures/_error_/expand-*)", () => {
  const matrix = () => read("matrix-scenario.json");

  it.each(["campaign", "adaptive"])("%s is reserved too", (type) => {
    const s = matrix();
    s.plan.type = type;
    expect(codes(compilePlan(s, inventory))).toEqual(["/scenario/plan/type plan_type_reserved"]);
  });

  it("a 10^12-cell request is refused at once, even with a raised max_nodes", () => {
    const s = matrix();
    const values = Array.from({ length: 100 }, (_, i) => i);
    for (const name of ["a", "b", "c", "d", "e", "f"]) s.plan.axes[name] = values;
    s.plan.expand = ["targets", "encoding", "a", "b", "c", "d", "e", "f"];
    const started = performance.now();
    const result = compilePlan(s, inventory, { max_nodes: 1_000_000 });
    expect(codes(result)).toEqual(["/scenario/plan/expand plan_expansion_limit"]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("says how many nodes the expansion would make, exactly, however many that is", () => {
    const s = matrix();
    const values = Array.from({ length: 100 }, (_, i) => i);
    const names = Array.from({ length: 30 }, (_, i) => `x${i}`);
    for (const name of names.slice(0, 6)) s.plan.axes[name] = values;
    s.plan.expand = ["targets", "encoding", ...names.slice(0, 6)];
    expect(issuesOf(compilePlan(s, inventory, { max_nodes: 10_000_000 }))[0]?.message).toBe("the expansion would make 6000000000000 nodes, more than max_nodes (10000000)");
    // Past what a double holds exactly: 6 × 100^30 is written out in full.
    for (const name of names) s.plan.axes[name] = values;
    s.plan.expand = ["targets", "encoding", ...names];
    expect(issuesOf(compilePlan(s, inventory))[0]?.message).toBe(`the expansion would make 6${"0".repeat(60)} nodes, more than max_nodes (100)`);
  });

  it.each([Number.NaN, 0, -1, 1.5, 10 ** 12, Infinity, "10" as unknown as number])("max_nodes %s is a misuse of the options (RangeError), not a limit", (max_nodes) => {
    expect(() => compilePlan(matrix(), inventory, { max_nodes })).toThrow(RangeError);
  });

  it("never throws on junk", () => {
    for (const junk of [null, 1, "x", [], {}, { plan: {} }, { plan: { type: "matrix" } }]) {
      expect(compilePlan(junk, junk).ok).toBe(false);
    }
  });
});

describe("compilePlan: inputs digests are computed once per combination of the axes the inputs name", () => {
  const scenario = (t1Inputs: Record<string, unknown>) => ({
    run_id: "run-d",
    scenario_id: "scn-d",
    plan: {
      type: "matrix",
      templates: [
        { template_id: "t1", engine: "atomic", technique_id: "T1", engine_test_id: "e1", inputs: t1Inputs },
        { template_id: "t2", engine: "atomic", technique_id: "T2", engine_test_id: "e2", inputs: { z: { $axis: "b" }, w: { $axis: "a" }, nested: [{ y: { $axis: "targets" } }] } },
      ],
      axes: { targets: { selector: { os: "windows" } }, a: [1, 2], b: ["p", "q", "r"] },
      expand: ["targets", "a", "b"],
    },
  });

  it("gives every node the digest of its own inputs; nodes that differ only in an axis the inputs do not name share it", () => {
    // t1 names a and b, not targets: one digest per (a, b), shared by every target.
    const result = compilePlan(scenario({ x: { $axis: "a" }, nested: [{ y: { $axis: "b" } }], c: "k" }), inventory, { max_nodes: 1000 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    for (const node of result.graph.nodes) expect(node.parameters.resolved_inputs_sha256).toBe(digest(node.parameters.resolved_inputs));
    const digestsOf = (t: string) => new Set(result.graph.nodes.filter((n) => n.template_id === t).map((n) => n.parameters.resolved_inputs_sha256)).size;
    expect(digestsOf("t1")).toBe(6);
    expect(digestsOf("t2")).toBe(result.graph.nodes.length / 2);
  });

  it("an expanded axis the inputs do not name (besides targets) makes an action_key collision", () => {
    const result = compilePlan(scenario({ x: { $axis: "a" } }), inventory, { max_nodes: 1000 });
    expect(codes(result)).toEqual(["/scenario/plan action_key_collision"]);
  });
});
