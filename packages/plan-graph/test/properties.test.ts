/**
 * Property tests of @graphenix/plan-graph (docs/fuzzing.md): compilePlan (expansion),
 * validatePlanGraph, topologicalOrder, runPlanGraph, checkTransition, the MPLP validators and the
 * MPLP ⇄ plan graph conversion. bad-input.test.ts holds the earlier fixed-seed junk checks,
 * run.test.ts the finish-order property of the scheduler, identity.test.ts the identity ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NodeStatus, PlanGraph, PlanGraphNode, ValidationIssue } from "@graphenix/contracts";
import { canonicalize, canonicalizeResult, encodePointer } from "@graphenix/core";
import {
  actionId,
  actionKey,
  checkTransition,
  compilePlan,
  fromMplpPlan,
  MPLP_PLAN_TRANSITIONS,
  NODE_TRANSITIONS,
  runPlanGraph,
  toMplpPlan,
  topologicalOrder,
  validateMplpConfirm,
  validateMplpContext,
  validateMplpPlan,
  validateMplpPlanUpdate,
  validateMplpTrace,
  validatePlanGraph,
  type MplpPlan,
  type MplpPlanStatus,
  type MplpStep,
  type NodeOutcome,
} from "@graphenix/plan-graph";
import { checkOperation, checkValidation, guarded, guardedAsync } from "../../../tests/properties/assert-issues.js";
import { anyJson, applyMutations, copy, corpusOf, credentialName, credentialValue, mutatedDocument, mutationOf, pathsOf, readFixture, shuffleKeys, shuffleSeed, valueAt } from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";
import { validatorProperties } from "../../../tests/properties/validator-suite.js";

const SCENARIOS = ["examples/matrix-scenario.json", "examples/atomic-scenario.json"].map((f) => readFixture(f));
const INVENTORY = readFixture("examples/lab-inventory.json");
const scenarioCorpus = corpusOf(SCENARIOS);
const inventoryCorpus = corpusOf([INVENTORY]);

function compiled(scenario: unknown): PlanGraph {
  const r = compilePlan(scenario, INVENTORY);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.graph;
}
const GRAPHS: unknown[] = [...SCENARIOS.map(compiled), readFixture("packages/cli/test/fixtures/graph/inputs/plan-graph-edges.json")];

/** Recomputes every node's action_key and action_id from its basis, so mutations reach the rules past the identity check. */
function reidentify(doc: unknown): unknown {
  try {
    return reidentified(doc);
  } catch {
    return doc; // a value that throws when read (hostile values): the validator gets it as it is
  }
}

function reidentified(doc: unknown): unknown {
  const graph = doc as { run_id?: unknown; nodes?: unknown };
  if (graph === null || typeof graph !== "object" || !Array.isArray(graph.nodes) || typeof graph.run_id !== "string" || !canonicalizeOk(graph.run_id)) return doc;
  const out = copy(graph) as { run_id: string; nodes: Record<string, unknown>[] };
  for (const node of out.nodes) {
    if (node === null || typeof node !== "object") continue;
    const n = node as Record<string, unknown> & { parameters?: { resolved_inputs_sha256?: unknown } };
    const fields = [n.engine, n.technique_id, n.engine_test_id, n.target_asset_id, n.template_id, n.parameters?.resolved_inputs_sha256];
    if (!fields.every((f) => typeof f === "string" && canonicalizeOk(f)) || !Number.isSafeInteger(n.node_ordinal)) continue;
    const basis = { engine: n.engine, technique_id: n.technique_id, engine_test_id: n.engine_test_id, target_asset_id: n.target_asset_id, resolved_inputs_sha256: n.parameters!.resolved_inputs_sha256 } as Parameters<typeof actionKey>[0];
    n.action_key = actionKey(basis);
    n.action_id = actionId({ ...basis, run_id: out.run_id, node_ordinal: n.node_ordinal as number, template_id: n.template_id as string });
  }
  return out;
}
const canonicalizeOk = (s: string) => canonicalizeResult(s).ok;

// CI run counts: expansion and plan-graph validation take well under 1 ms per document.

describe("compilePlan (expansion): properties", () => {
  const target = (scenario: unknown, inventory: unknown) => ({ documents: { scenario, inventory } });
  const check = (scenario: unknown, inventory: unknown, options?: Parameters<typeof compilePlan>[2]) => {
    const result = guarded(() => compilePlan(scenario, inventory, options), [scenario, inventory]);
    return checkOperation<{ graph: PlanGraph; manifest: { cells: { action_id: string; node_ordinal: number }[] } }>(result, ["graph", "manifest"], target(scenario, inventory));
  };
  const inputs = fc.record({
    s: fc.nat({ max: SCENARIOS.length - 1 }),
    scenarioMutations: fc.nat({ max: SCENARIOS.length - 1 }).chain((i) => fc.array(mutationOf(SCENARIOS[i], scenarioCorpus, { huge: false }), { maxLength: 2 }).map((ms) => ({ i, ms }))),
    inventoryMutations: fc.array(mutationOf(INVENTORY, inventoryCorpus, { huge: false }), { maxLength: 1 }),
  }).map(({ scenarioMutations, inventoryMutations }) => ({
    scenario: applyMutations(SCENARIOS[scenarioMutations.i], scenarioMutations.ms),
    inventory: applyMutations(INVENTORY, inventoryMutations),
  }));

  it("arbitrary JSON: issues under scenario or inventory, never a throw", () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, fc.constantFrom(...SCENARIOS)), fc.oneof(anyJson, fc.constant(INVENTORY)), (scenario, inventory) => {
        check(scenario, inventory);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("mutated scenarios and inventories: well-formed issues, or a graph that validates with its manifest", () => {
    fc.assert(
      fc.property(inputs, fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), ({ scenario, inventory }, max_nodes) => {
        const r = check(scenario, inventory, max_nodes === undefined ? {} : { max_nodes });
        if (!r.ok) return;
        expect(validatePlanGraph(r.graph).issues).toEqual([]);
        expect(r.graph.nodes.length).toBeLessThanOrEqual(max_nodes ?? 100);
        expect(r.graph.nodes.map((n) => n.node_ordinal)).toEqual(r.graph.nodes.map((_, i) => i));
        expect(r.manifest.cells.map((c) => [c.node_ordinal, c.action_id])).toEqual(r.graph.nodes.map((n) => [n.node_ordinal, n.action_id]));
        expect(topologicalOrder(r.graph).ok).toBe(true);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("expansion does not depend on the order of members: the same graph and manifest (canonical JSON)", () => {
    fc.assert(
      fc.property(fc.oneof(inputs, fc.constant({ scenario: SCENARIOS[0], inventory: INVENTORY })), shuffleSeed, ({ scenario, inventory }, seed) => {
        const a = compilePlan(scenario, inventory);
        const b = guarded(() => compilePlan(shuffleKeys(scenario, seed), shuffleKeys(inventory, seed + 1)));
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) {
          expect(canonicalize(b.graph)).toBe(canonicalize(a.graph));
          expect(canonicalize(b.manifest)).toBe(canonicalize(a.manifest));
          expect(JSON.stringify(compilePlan(scenario, inventory))).toBe(JSON.stringify(a));
        } else if (!a.ok && !b.ok) {
          expect(b.issues.map((i) => i.code).sort()).toEqual(a.issues.map((i) => i.code).sort());
        }
      }),
      fuzz(CI_RUNS),
    );
  });

  it("a credential in the scenario or the inventory is reported there, and nothing is expanded", () => {
    fc.assert(
      fc.property(fc.nat({ max: SCENARIOS.length - 1 }), fc.boolean(), fc.nat(), fc.boolean(), credentialName, credentialValue, (s, inScenario, pick, byName, name, secret) => {
        const docs = { scenario: copy(SCENARIOS[s]), inventory: copy(INVENTORY) };
        const where = inScenario ? "scenario" : "inventory";
        const doc = docs[where];
        const places = pathsOf(doc).filter((p) => {
          const v = valueAt(doc, p);
          return byName ? v !== null && typeof v === "object" && !Array.isArray(v) : typeof v === "string";
        });
        const at = places[pick % places.length]!;
        if (byName) Object.defineProperty(valueAt(doc, at), name, { value: "x", enumerable: true, writable: true, configurable: true });
        else (valueAt(doc, at.slice(0, -1)) as Record<string | number, unknown>)[at[at.length - 1]!] = secret;
        const r = check(docs.scenario, docs.inventory);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        fc.pre(!r.issues.some((i) => i.code === "plan_type_reserved"));
        const code = byName ? "forbidden-credential-key" : "forbidden-credential-value";
        expect(r.issues.filter((i) => i.code === code).map((i) => i.pointer)).toContain(encodePointer([where, ...at, ...(byName ? [name] : [])]));
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("validatePlanGraph: properties", () => {
  validatorProperties({ name: "validatePlanGraph", validate: (d) => validatePlanGraph(d), fixtures: GRAPHS, afterMutation: reidentify });
});

/** Plan graphs of 0–12 nodes with any edges (unknown ends, self-loops and repeats included). */
const graphs = fc.integer({ min: 0, max: 12 }).chain((n) =>
  fc.record({
    ordinals: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n + 1 }), fc.integer({ min: 0, max: n + 1 })), { maxLength: 2 * n + 2 }),
    forward: fc.boolean(),
  }).map(({ ordinals, edges, forward }) => {
    const nodes = ordinals.map((ordinal) => ({ action_id: `a${ordinal}`, action_key: `k${ordinal}`, node_ordinal: ordinal, target_asset_id: `t${ordinal % 3}` }));
    // `forward`: only edges from a lower to a higher ordinal (a DAG), else any.
    const kept = forward ? edges.filter(([a, b]) => a < b) : edges;
    return { run_id: "run", nodes, edges: kept.map(([a, b]) => ({ from: `a${a}`, to: `a${b}`, kind: "depends_on" })) } as unknown as PlanGraph;
  }),
);

/** Kahn's order by definition: among the nodes whose known predecessors are placed, the lowest ordinal. */
function referenceOrder(graph: PlanGraph): string[] | undefined {
  const ids = new Set(graph.nodes.map((n) => n.action_id));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const placed = new Set<string>();
  const order: string[] = [];
  const byOrdinal = [...graph.nodes].sort((a, b) => a.node_ordinal - b.node_ordinal);
  for (;;) {
    const next = byOrdinal.find((n) => !placed.has(n.action_id) && edges.every((e) => e.to !== n.action_id || placed.has(e.from)));
    if (!next) break;
    placed.add(next.action_id);
    order.push(next.action_id);
  }
  return order.length === graph.nodes.length ? order : undefined;
}

describe("topologicalOrder: properties", () => {
  it("is the lowest-ordinal-first order (or a real cycle), whatever order nodes and edges are listed in", () => {
    fc.assert(
      fc.property(graphs, shuffleSeed, (graph, seed) => {
        const result = guarded(() => topologicalOrder(graph), [graph]);
        const expected = referenceOrder(graph);
        expect(result.ok).toBe(expected !== undefined);
        if (result.ok) expect(result.order).toEqual(expected);
        else {
          const edges = new Set(graph.edges.map((e) => `${e.from} ${e.to}`));
          result.cycle.forEach((id, i) => expect(edges.has(`${id} ${result.cycle[(i + 1) % result.cycle.length]}`)).toBe(true));
        }
        const random = mulberry(seed);
        const reordered = { ...graph, nodes: [...graph.nodes].sort(() => random() - 0.5), edges: [...graph.edges].reverse() };
        const again = topologicalOrder(reordered);
        expect(again.ok).toBe(result.ok);
        if (again.ok && result.ok) expect(again.order).toEqual(result.order);
      }),
      fuzz(2_000),
    );
  });
});

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("node lifecycle: properties", () => {
  it("checkTransition allows exactly the transitions of NODE_TRANSITIONS, for any strings", () => {
    const status = fc.oneof(fc.constantFrom(...Object.keys(NODE_TRANSITIONS), "__proto__", "constructor", "toString"), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(status, status, (from, to) => {
        const issue = guarded(() => checkTransition(from as NodeStatus, to as NodeStatus, ["x"]));
        const allowed = Object.prototype.hasOwnProperty.call(NODE_TRANSITIONS, from) && (NODE_TRANSITIONS[from as NodeStatus] as readonly string[]).includes(to);
        expect(issue === undefined).toBe(allowed);
        if (issue) expect(issue).toMatchObject({ code: "node_transition_invalid", path: ["x"], pointer: "/x", severity: "error" });
      }),
      fuzz(3_000),
    );
  });
});

type Plan = "succeeded" | "failed" | "reason" | "throw" | "reject";

describe("runPlanGraph: properties", () => {
  const runs = fc.record({
    graph: graphs,
    outcomes: fc.array(fc.constantFrom<Plan>("succeeded", "succeeded", "succeeded", "failed", "reason", "throw", "reject"), { minLength: 14, maxLength: 14 }),
    delays: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 14, maxLength: 14 }),
    // The plan's execution request, which the graph carries (or none).
    execution: fc.option(
      fc.oneof(fc.constant({ order: "sequential" }), fc.record({ order: fc.constant("parallel"), concurrency: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: ["order"] }), fc.record({ concurrency: fc.integer({ min: 1, max: 4 }) })),
      { nil: undefined },
    ),
    concurrency: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    max_concurrency: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    fail_fast: fc.boolean(),
  });

  /** DESIGN §6.10 by definition: the plan's request (sequential 1; parallel unbounded unless it says), lowered by the caller's, capped by the runner's. */
  const expectedLimit = (execution: { order?: string; concurrency?: number } | undefined, concurrency: number | undefined, max_concurrency: number | undefined) => {
    const planAsks = execution === undefined ? undefined : execution.order === "sequential" ? 1 : (execution.concurrency ?? (execution.order === "parallel" ? Infinity : 1));
    const request = planAsks === undefined ? (concurrency ?? 1) : Math.min(planAsks, concurrency ?? Infinity);
    return Math.min(request, max_concurrency ?? 1);
  };

  it("runs every node at most once, after the nodes it depends on succeeded, within the concurrency; one row per node that follows the lifecycle", async () => {
    await fc.assert(
      fc.asyncProperty(runs, async ({ graph: bare, execution, outcomes, delays, concurrency, max_concurrency, fail_fast }) => {
        const graph = execution === undefined ? bare : { ...bare, execution };
        const finished = new Map<string, string>();
        const calls: string[] = [];
        let running = 0;
        let peak = 0;
        const ids = new Set(graph.nodes.map((n) => n.action_id));
        const preds = (id: string) => graph.edges.filter((e) => e.to === id && ids.has(e.from)).map((e) => e.from);
        const execute = async (node: PlanGraphNode): Promise<NodeOutcome> => {
          calls.push(node.action_id);
          for (const p of preds(node.action_id)) expect(finished.get(p), `${node.action_id} started before ${p} succeeded`).toBe("succeeded");
          running++;
          peak = Math.max(peak, running);
          for (let i = 0; i < delays[node.node_ordinal]!; i++) await Promise.resolve();
          running--;
          const plan = outcomes[node.node_ordinal]!;
          finished.set(node.action_id, plan === "succeeded" ? "succeeded" : "failed");
          if (plan === "throw") throw new Error("boom");
          if (plan === "reject") return Promise.reject(new Error("no"));
          return plan === "succeeded" ? { status: "succeeded" } : plan === "reason" ? { status: "failed", reason_code: "custom_reason" } : { status: "failed" };
        };
        const result = await guardedAsync(() => runPlanGraph(graph, execute, { concurrency, max_concurrency, fail_fast }), [graph]);
        const acyclic = referenceOrder(graph) !== undefined;
        // An edge to a node the graph does not have is the graph's issue: nothing runs.
        const unknownEnds = graph.edges.flatMap((e, i) => (["from", "to"] as const).filter((end) => !ids.has(e[end])).map((end) => `/edges/${i}/${end}`));
        if (!acyclic || unknownEnds.length > 0) {
          if (result.ok) throw new Error("a graph with a cycle or an unknown edge end ran");
          expect(result.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([...unknownEnds.map((p) => `${p} plan_graph_edge_unknown_node`), ...(acyclic ? [] : ["/edges plan_graph_cycle"])]);
          expect(calls).toEqual([]);
          return;
        }
        if (!result.ok) throw new Error("an acyclic graph did not run");
        expect(new Set(calls).size).toBe(calls.length);
        expect(peak).toBeLessThanOrEqual(expectedLimit(execution, concurrency, max_concurrency));
        expect(result.rows.map((r) => r.node_ordinal)).toEqual([...graph.nodes].map((n) => n.node_ordinal).sort((a, b) => a - b));
        const rows = new Map(result.rows.map((r) => [r.action_id, r]));
        for (const row of result.rows) {
          expect(row.phases[0]).toBe("pending");
          row.phases.slice(1).forEach((to, k) => expect(checkTransition(row.phases[k] as NodeStatus, to)).toBeUndefined());
          expect(row.phases.at(-1)).toBe(row.status);
          const ran = calls.includes(row.action_id);
          expect(row.phases.includes("running")).toBe(ran);
          const plan = outcomes[row.node_ordinal]!;
          if (ran) expect(row.status).toBe(plan === "succeeded" ? "succeeded" : "failed");
          if (row.status === "failed") expect(row.reason_code).toBe(plan === "reason" ? "custom_reason" : plan === "failed" ? "node_failed" : "executor_error");
          if (row.status === "skipped") {
            expect(["dependency_failed", "fail_fast_skipped"]).toContain(row.reason_code);
            if (row.reason_code === "dependency_failed") expect(preds(row.action_id).some((p) => rows.get(p)?.status !== "succeeded")).toBe(true);
            else expect(fail_fast).toBe(true);
          }
          // Without fail_fast, a node runs exactly when every node it depends on succeeded.
          if (!fail_fast) expect(ran).toBe(preds(row.action_id).every((p) => rows.get(p)?.status === "succeeded"));
        }
        const count = (s: string) => result.rows.filter((r) => r.status === s).length;
        expect(result.rollup).toMatchObject({ total: result.rows.length, succeeded: count("succeeded"), failed: count("failed"), skipped: count("skipped") });
      }),
      fuzz(CI_RUNS),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// MPLP

const mplp = "packages/plan-graph/test/fixtures/mplp";
const flows = ["flow-01-single-agent-plan", "flow-02-single-agent-large-plan", "flow-03-single-agent-with-tools", "flow-04-single-agent-llm-enrichment", "flow-05-single-agent-confirm-required", "map-flow-01-turn-taking", "map-flow-02-broadcast-fanout", "sa-flow-01-basic", "sa-flow-02-step-evaluation"];
const MPLP_PLANS = [...flows.map((f) => readFixture(`${mplp}/tests/golden/flows/${f}/input/plan.json`)), readFixture(`${mplp}/examples/plan.with-events.json`)];
const flow5 = `${mplp}/tests/golden/flows/flow-05-single-agent-confirm-required`;
const CONFIRMS = [readFixture(`${flow5}/input/confirm.json`), readFixture(`${flow5}/expected/confirm.json`)];
const TRACES = [readFixture(`${flow5}/input/trace.json`), readFixture(`${flow5}/expected/trace.json`)];
const CONTEXTS = [readFixture(`${flow5}/input/context.json`), readFixture(`${flow5}/expected/context.json`)];

describe("MPLP validators: properties", () => {
  validatorProperties({ name: "validateMplpPlan", validate: (d) => validateMplpPlan(d), fixtures: MPLP_PLANS });
  validatorProperties({ name: "validateMplpConfirm", validate: (d) => validateMplpConfirm(d), fixtures: CONFIRMS });
  validatorProperties({ name: "validateMplpTrace", validate: (d) => validateMplpTrace(d), fixtures: TRACES });
  validatorProperties({ name: "validateMplpContext", validate: (d) => validateMplpContext(d), fixtures: CONTEXTS });

  const plans = fc.oneof(fc.constantFrom(...MPLP_PLANS), mutatedDocument(MPLP_PLANS, { huge: false }).map((m) => m.doc));
  const evidence = (docs: unknown[]) => fc.array(fc.oneof(fc.constantFrom(...docs), mutatedDocument(docs, { huge: false, max: 1 }).map((m) => m.doc), anyJson), { maxLength: 2 });

  it("validateMplpPlan with confirms and traces as evidence: issues point into the plan, or under /confirms/<i> and /traces/<i>", () => {
    fc.assert(
      fc.property(plans, evidence(CONFIRMS), evidence(TRACES), fc.boolean(), (plan, confirms, traces, requireApproval) => {
        const result = guarded(() => validateMplpPlan(plan, { confirms, traces, requireApproval }), [plan, confirms, traces]);
        checkValidation(result, { document: plan, also: { confirms, traces } });
      }),
      fuzz(CI_RUNS),
    );
  });

  it("validateMplpPlanUpdate: issues point into the new plan, or under /previous; a status change is refused exactly when the tables forbid it", () => {
    const statuses = Object.keys(MPLP_PLAN_TRANSITIONS) as MplpPlanStatus[];
    fc.assert(
      fc.property(fc.constantFrom(...MPLP_PLANS), plans, fc.constantFrom(...statuses), fc.constantFrom(...statuses), (base, other, from, to) => {
        const previous = { ...copy(base as MplpPlan), status: from };
        const next = { ...copy(base as MplpPlan), status: to };
        for (const [p, n] of [[previous, next], [other, next], [previous, other]] as const) {
          const result = guarded(() => validateMplpPlanUpdate(p, n), [p, n]);
          checkValidation(result, { document: n, also: { previous: p } });
        }
        const alone = (s: MplpPlanStatus) => validateMplpPlan({ ...copy(base as MplpPlan), status: s }).valid;
        fc.pre(alone(from) && alone(to));
        const codes = validateMplpPlanUpdate(previous, next).issues.map((i) => i.code);
        const allowed = from === to || MPLP_PLAN_TRANSITIONS[from].includes(to);
        expect(codes.includes("mplp-plan-transition-invalid")).toBe(!allowed);
      }),
      fuzz(CI_RUNS),
    );
  });
});

/** Valid MPLP plans made up: steps with UUIDs, dependencies on earlier steps, statuses that agree. */
const validMplpPlans: fc.Arbitrary<MplpPlan> = fc
  .record({
    status: fc.constantFrom<MplpPlanStatus>("draft", "proposed", "approved", "cancelled", "in_progress", "failed"),
    ids: fc.uniqueArray(fc.uuid({ version: 4 }), { minLength: 1, maxLength: 8 }),
    deps: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
    stepStatus: fc.array(fc.constantFrom("pending", "skipped", "blocked", "failed", "in_progress"), { minLength: 8, maxLength: 8 }),
    orderIndex: fc.array(fc.option(fc.nat({ max: 5 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
    emptyDeps: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    role: fc.option(fc.constantFrom("agent", "planner"), { nil: undefined }),
  })
  .map(({ status, ids, deps, stepStatus, orderIndex, emptyDeps, role }) => {
    const started = status === "in_progress" || status === "failed";
    const steps: MplpStep[] = ids.map((step_id, i) => {
      const dependencies = [...new Set((deps[i] ?? []).filter(() => i > 0).map((d) => ids[d % i]!))];
      let s = started ? stepStatus[i]! : stepStatus[i] === "skipped" ? "skipped" : "pending";
      if (s === "in_progress" && dependencies.length > 0) s = "pending"; // its dependencies have not finished
      return {
        step_id,
        description: `step ${i}`,
        status: s as MplpStep["status"],
        ...(dependencies.length > 0 ? { dependencies } : emptyDeps[i] ? { dependencies: [] } : {}),
        ...(role !== undefined && { agent_role: role }),
        ...(orderIndex[i] !== undefined && { order_index: orderIndex[i] }),
      };
    });
    return { ...(copy(MPLP_PLANS[0]) as MplpPlan), status, steps };
  });

describe("MPLP ⇄ plan graph: properties", () => {
  it("generated plans are valid, convert to a view with one node per step and one edge per dependency, and convert back keeping every step", () => {
    fc.assert(
      fc.property(validMplpPlans, (plan) => {
        expect(validateMplpPlan(plan).issues).toEqual([]);
        const view = guarded(() => fromMplpPlan(plan), [plan]);
        if (!view.ok) throw new Error(JSON.stringify(view.issues));
        expect(view.graph.nodes.map((n) => n.node_ordinal)).toEqual(plan.steps.map((_, i) => i));
        expect(view.graph.edges.length).toBe(plan.steps.reduce((n, s) => n + (s.dependencies ?? []).length, 0));
        const { steps: _steps, plan_id: _id, ...rest } = plan;
        const back = guarded(() => toMplpPlan(view.graph, rest), [view.graph, rest]);
        // The steps come back in node_ordinal order: by order_index, ties and missing ones by position.
        const expected = plan.steps.map((step, i) => ({ step, i })).sort((a, b) => (a.step.order_index ?? a.i) - (b.step.order_index ?? b.i) || a.i - b.i).map(({ step }) => step);
        expect(back).toEqual({ ...plan, steps: expected });
        expect(validateMplpPlan(back).issues).toEqual([]);
        // Converting the plan that came back gives the same view, unless some steps have an
        // order_index and others not: a missing one counts as the step's position, which the
        // first conversion changed (docs/fuzzing.md, "known limits").
        const mixed = plan.steps.some((s) => s.order_index === undefined) && plan.steps.some((s) => s.order_index !== undefined);
        if (!mixed) expect(fromMplpPlan(back)).toEqual(view);
      }),
      fuzz(CI_RUNS),
    );
  });

  it("member order does not change the view", () => {
    fc.assert(
      fc.property(validMplpPlans, shuffleSeed, (plan, seed) => {
        const a = fromMplpPlan(plan);
        const b = fromMplpPlan(shuffleKeys(plan, seed));
        expect(b.ok && a.ok).toBe(true);
        if (a.ok && b.ok) expect(canonicalize(b.graph)).toBe(canonicalize(a.graph));
      }),
      fuzz(CI_RUNS),
    );
  });

  it("fromMplpPlan never throws on mutated plans; a refusal carries the validator's issues", () => {
    fc.assert(
      fc.property(fc.oneof(validMplpPlans.chain((p) => fc.array(mutationOf(p, corpusOf([p]), { huge: false }), { minLength: 1, maxLength: 2 }).map((ms) => applyMutations(p, ms))), mutatedDocument(MPLP_PLANS, { huge: false }).map((m) => m.doc)), (plan) => {
        const r = guarded(() => fromMplpPlan(plan), [plan]);
        const checked = checkOperation<{ graph: unknown }>(r, ["graph"], { document: plan });
        expect(checked.ok).toBe(validateMplpPlan(plan).valid);
        if (!checked.ok) expect(checked.issues).toEqual(validateMplpPlan(plan).issues as ValidationIssue[]);
      }),
      fuzz(CI_RUNS),
    );
  });
});

describe("regressions found by the properties", () => {
  it("a lone surrogate in a node's engine is document-non-json, not a CanonicalizationError", () => {
    // Shrunk: the matrix example's graph with nodes/0/engine set to "atomic\ud800".
    const graph = copy(GRAPHS[0]) as { nodes: Record<string, unknown>[] };
    graph.nodes[0]!.engine = "atomic\ud800";
    expect(validatePlanGraph(graph).issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/nodes/0/engine document-non-json"]);
  });

  it("a trace of another plan after an invalid one is reported at its own index in evidence.traces", () => {
    // Shrunk: flow-01's plan with traces [null, flow-05's trace] (a trace of another plan).
    const result = validateMplpPlan(MPLP_PLANS[0], { traces: [null, TRACES[0]] });
    expect(result.issues.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/traces/0 schema-type", "/traces/1/plan_id mplp-trace-plan-mismatch"]);
  });

  it("toMplpPlan keeps a step's empty dependency list", () => {
    // Shrunk: two pending steps, the second with `dependencies: []`.
    const plan = { ...(copy(MPLP_PLANS[0]) as MplpPlan), steps: [{ step_id: "00000000-0000-4000-8000-000000000000", description: "step 0", status: "pending" as const }, { step_id: "00000000-0000-4000-8000-000000000001", description: "step 1", status: "pending" as const, dependencies: [] }] };
    const view = fromMplpPlan(plan);
    if (!view.ok) throw new Error("valid plan");
    const { steps: _steps, plan_id: _id, ...rest } = plan;
    expect(toMplpPlan(view.graph, rest)).toEqual(plan);
  });

  it("the manifest lists the axes targets first, then by name, whatever the order of the axes members", () => {
    // Shrunk (pnpm fuzz, seed 1457195866): the matrix example with one more single-valued axis,
    // "length", written before or after "encoding": the manifest listed the axes in member order.
    const withAxes = (order: string[]) => {
      const scenario = copy(SCENARIOS[0]) as { plan: { axes: Record<string, unknown> } };
      const given: Record<string, unknown> = { ...scenario.plan.axes, length: ["T1059.001"] };
      scenario.plan.axes = Object.fromEntries(order.map((name) => [name, given[name]]));
      const result = compilePlan(scenario, INVENTORY);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.manifest;
    };
    const a = withAxes(["techniques", "targets", "length", "encoding"]);
    const b = withAxes(["encoding", "length", "targets", "techniques"]);
    expect(a.axes.map((x) => x.name)).toEqual(["targets", "encoding", "length"]);
    expect(canonicalize(b)).toBe(canonicalize(a));
  });
});
