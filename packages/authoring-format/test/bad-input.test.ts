import { describe, expect, it } from "vitest";
import { normalizeAuthoringGraph, validateAuthoringGraph, validateNormalizedExecutableGraph, validateRuntimeObject } from "@graphenix/authoring-format";

// Bounded-time checks use generous ceilings: they catch hangs and blow-ups, not slowness.
const CEILING_MS = 10_000;

function graphWith(nodes: Record<string, unknown>, edges: unknown[] = []) {
  return {
    format: "graphenix.authoring-graph/v1",
    graphId: "graph:hostile",
    revision: "1.0.0",
    formatVersion: "2.0.0",
    nodes,
    edges,
    modelCases: { default: { skillModel: { kind: "profileChoice", key: "vol/default" } } },
    defaultModelCase: "default",
  };
}

function timed<T>(fn: () => T): T {
  const started = performance.now();
  const result = fn();
  expect(performance.now() - started).toBeLessThan(CEILING_MS);
  return result;
}

const codes = (r: { issues: readonly { code: string }[] }) => r.issues.map((i) => i.code);

describe("hostile input gets coded issues in bounded time, never a throw", () => {
  it("100,000-deep nesting", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { deeper: deep };
    const doc = graphWith({ "node:a": { type: "task", parameters: { skillKey: "s", inputsConfig: deep } } });
    expect(codes(timed(() => validateAuthoringGraph(doc)))).toEqual(["document-depth-limit"]);
    expect(codes(timed(() => normalizeAuthoringGraph(doc)))).toEqual(["document-depth-limit"]);
  });

  it("a 100,000-node cycle is reported with its length", () => {
    const nodes: Record<string, unknown> = {};
    const edges: unknown[] = [];
    for (let i = 0; i < 100_000; i++) {
      nodes[`n${i}`] = { type: "task", parameters: { skillKey: "s" } };
      edges.push({ from: `n${i}`, to: `n${(i + 1) % 100_000}` });
    }
    const result = timed(() => validateAuthoringGraph(graphWith(nodes, edges)));
    expect(codes(result)).toEqual(["graph-cycle"]);
    expect(result.issues[0]?.message).toContain("(100000 nodes)");
  });

  it("a 50 MB string", () => {
    const doc = graphWith({ "node:a": { type: "task", title: "x".repeat(50_000_000), parameters: { skillKey: "s" } } });
    expect(codes(timed(() => validateAuthoringGraph(doc)))).toEqual(["document-string-limit"]);
  });

  it("more nodes than maxNodes", () => {
    const nodes: Record<string, unknown> = {};
    for (let i = 0; i < 11; i++) nodes[`n${i}`] = { type: "task", parameters: { skillKey: "s" } };
    expect(codes(validateAuthoringGraph(graphWith(nodes), { limits: { maxNodes: 10 } }))).toEqual(["graph-node-limit"]);
    // An array of nodes counts too: a huge one stops at the limit before any schema or rule.
    expect(codes(validateAuthoringGraph({ ...graphWith({}), nodes: Array.from({ length: 11 }, () => ({})) }, { limits: { maxNodes: 10 } }))).toEqual(["graph-node-limit"]);
  });

  it("a graph of another format is turned away at the format gate: nothing else of it is read", () => {
    // The member that throws comes first, so a walk of the members would meet it before the format.
    const doc = Object.assign(Object.defineProperty({}, "nodes", { enumerable: true, get: () => { throw new Error("read"); } }), { format: "nope" });
    expect(codes(validateAuthoringGraph(doc, { scan: false }))).toEqual(["format-unsupported"]);
  });

  it("caps the number of issues and says how many were left out", () => {
    const nodes: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) nodes[`n${i}`] = { type: "task", parameters: {} };
    const result = validateAuthoringGraph(graphWith(nodes), { limits: { maxIssues: 10 } });
    expect(result.issues).toHaveLength(11);
    expect(result.issues[10]).toMatchObject({ code: "issues-truncated", message: "40 more issue(s) were found but not reported (maxIssues is 10)" });
  });

  it.each([null, 42, "graph", [], { format: 7 }, undefined, Symbol("x"), () => 1])("not a document: %s", (value) => {
    for (const validate of [validateAuthoringGraph, validateNormalizedExecutableGraph, normalizeAuthoringGraph, validateRuntimeObject]) {
      const result = validate(value);
      expect(result.valid).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });

  it("values JSON cannot carry", () => {
    const doc = graphWith({ "node:a": { type: "task", parameters: { skillKey: "s", inputsConfig: { n: Number.NaN, when: new Date(0), u: undefined, s: "\ud800" } } } });
    expect(codes(validateAuthoringGraph(doc))).toEqual(["document-non-json", "document-non-json", "document-non-json", "document-non-json"]);
  });

  it("__proto__ members are data, and Object.prototype stays untouched", () => {
    const doc = JSON.parse(JSON.stringify(graphWith({ "node:a": { type: "task", parameters: { skillKey: "s" } } })).replace('"skillKey"', '"__proto__":{"polluted":true},"skillKey"'));
    expect(codes(validateAuthoringGraph(doc))).toEqual(["schema-unknown-member"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
