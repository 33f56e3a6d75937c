import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromMplpPlan, toMplpPlan, validateMplpConfirm, validateMplpContext, validateMplpPlan, validateMplpPlanUpdate, validateMplpTrace, type MplpPlan } from "@graphenix/plan-graph";

const root = join(import.meta.dirname, "fixtures/mplp");
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".json") ? [join(dir, f)] : []));
const upstream = files(root).sort();
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as MplpPlan;
const codes = (r: { issues: readonly { code: string; pointer: string }[] }) => r.issues.map((i) => `${i.pointer} ${i.code}`);
const VALIDATORS: Record<string, (d: unknown) => { valid: boolean; issues: readonly { code: string; pointer: string }[] }> = {
  plan: (d) => validateMplpPlan(d),
  confirm: validateMplpConfirm,
  trace: validateMplpTrace,
  context: validateMplpContext,
};

describe("every upstream MPLP fixture passes (schema + our profile for plans)", () => {
  it("has the golden flows", () => expect(upstream.length).toBeGreaterThanOrEqual(25));
  for (const path of upstream) {
    const kind = /(plan|confirm|trace|context)(\.with-events)?\.json$/.exec(path)?.[1] as string;
    it(path.slice(root.length + 1), () => expect(codes(VALIDATORS[kind]!(read(path)))).toEqual([]));
  }
});

const flow5 = join(root, "tests/golden/flows/flow-05-single-agent-confirm-required/input");
const base = () => read(join(flow5, "plan.json"));
const [s0, s1, s2] = base().steps.map((s) => s.step_id) as [string, string, string];

describe("the upstream schema's date-time format", () => {
  it("holds real dates only: February 31st and a 29th outside a leap year are refused", () => {
    const at = (created_at: string) => {
      const plan = base();
      plan.meta = { ...plan.meta, created_at };
      return codes(validateMplpPlan(plan));
    };
    expect(at("2024-02-29T12:00:00.000Z")).toEqual([]);
    expect(at("2025-13-01T12:00:00.000Z")).toEqual(["/meta/created_at schema-invalid"]);
    for (const bad of ["2025-02-31T12:00:00.000Z", "2025-02-29T12:00:00.000Z", "1900-02-29T12:00:00.000Z", "2025-04-31T12:00:00.000Z"]) {
      expect(at(bad), bad).toEqual(at("2025-13-01T12:00:00.000Z")); // what any malformed date-time gets
    }
  });
});

describe("our stricter profile (one fixture per rule: fixtures/_error_/mplp-*)", () => {
  it("approval gate: in_progress needs an approved Confirm targeting the plan when governance requires it", () => {
    const plan = base();
    plan.status = "in_progress";
    expect(codes(validateMplpPlan(plan, { requireApproval: true }))).toEqual(["/status mplp-approval-missing"]);
    const pending = JSON.parse(readFileSync(join(flow5, "confirm.json"), "utf8")) as Record<string, unknown>;
    expect(codes(validateMplpPlan(plan, { requireApproval: true, confirms: [pending] }))).toEqual(["/status mplp-approval-missing"]);
    const approved = JSON.parse(readFileSync(join(root, "tests/golden/flows/flow-05-single-agent-confirm-required/expected/confirm.json"), "utf8")) as Record<string, unknown>;
    expect(codes(validateMplpPlan(plan, { requireApproval: true, confirms: [approved] }))).toEqual([]);
    expect(codes(validateMplpPlan(plan, { requireApproval: true, confirms: [{ ...approved, target_id: "550e8400-e29b-41d4-a716-446655449999" }] }))).toEqual(["/status mplp-approval-missing"]);
  });

  it("traceability: a completed step needs a segment or event naming it", () => {
    const plan = base();
    plan.status = "in_progress";
    plan.steps[0]!.status = "completed";
    expect(codes(validateMplpPlan(plan))).toEqual(["/steps/0 mplp-step-untraceable"]);
    const trace = JSON.parse(readFileSync(join(root, "tests/golden/flows/flow-05-single-agent-confirm-required/expected/trace.json"), "utf8")) as Record<string, unknown>;
    const withSegment = { ...trace, segments: [{ segment_id: "550e8400-e29b-41d4-a716-446655440580", label: "step 1", status: "completed", attributes: { step_id: s0 } }] };
    expect(codes(validateMplpPlan(plan, { traces: [withSegment] }))).toEqual([]);
    expect(codes(validateMplpPlan(plan, { traces: [{ ...withSegment, plan_id: "550e8400-e29b-41d4-a716-446655449999" }] }))).toEqual(["/traces/0/plan_id mplp-trace-plan-mismatch", "/steps/0 mplp-step-untraceable"]);
  });

  it("a plan cancelled while running keeps the steps it started; one cancelled before it started has none", () => {
    const running = base();
    running.status = "in_progress";
    running.steps[0]!.status = "failed";
    const cancelled = { ...structuredClone(running), status: "cancelled" as const };
    expect(codes(validateMplpPlan(cancelled))).toEqual([]);
    expect(codes(validateMplpPlanUpdate(running, cancelled))).toEqual([]);
    const draft = base();
    draft.status = "draft";
    draft.steps[0]!.status = "failed";
    expect(codes(validateMplpPlan(draft))).toEqual(["/steps/0/status mplp-status-inconsistent"]);
  });

  it("transition tables for the plan and its steps", () => {
    const before = base();
    const after = base();
    after.status = "completed";
    after.steps.forEach((s) => { s.status = "completed"; });
    after.events = after.steps.map((s, i) => ({ event_id: `550e8400-e29b-41d4-a716-44665544070${i}`, event_type: "step.completed", source: "agent", timestamp: "2025-12-01T12:30:00.000Z", data: { step_id: s.step_id } }));
    expect(codes(validateMplpPlanUpdate(before, after))).toEqual([
      "/status mplp-plan-transition-invalid",
      "/steps/0/status mplp-step-transition-invalid",
      "/steps/1/status mplp-step-transition-invalid",
      "/steps/2/status mplp-step-transition-invalid",
    ]);
    const proposed = base();
    proposed.status = "proposed";
    expect(codes(validateMplpPlanUpdate(before, proposed))).toEqual([]);
  });

  it("steps keep their ids once the plan is approved; a step added comes in as if from pending", () => {
    const running = base();
    running.status = "in_progress";
    running.steps[0]!.status = "failed";
    // The last step dropped, and a new step already completed (with its evidence).
    const next = structuredClone(running);
    next.steps = [next.steps[0]!, next.steps[1]!, { ...structuredClone(next.steps[1]!), step_id: "550e8400-e29b-41d4-a716-446655440599", status: "completed", dependencies: [] }];
    next.events = [{ event_id: "550e8400-e29b-41d4-a716-446655440700", event_type: "step.completed", source: "agent", timestamp: "2025-12-01T12:30:00.000Z", data: { step_id: "550e8400-e29b-41d4-a716-446655440599" } }];
    expect(codes(validateMplpPlanUpdate(running, next))).toEqual(["/steps/2/status mplp-step-transition-invalid", "/previous/steps/2 mplp-step-transition-invalid"]);
    // A new step that is pending or running is fine; before approval, steps may also be removed.
    next.steps[2]!.status = "in_progress";
    next.steps.push(structuredClone(running.steps[2]!));
    expect(codes(validateMplpPlanUpdate(running, next))).toEqual([]);
    const draft = base();
    draft.status = "draft";
    const edited = { ...structuredClone(draft), steps: [structuredClone(draft.steps[0]!)] };
    expect(codes(validateMplpPlanUpdate(draft, edited))).toEqual([]);
  });
});

describe("MPLP ⇄ plan graph", () => {
  it("steps become nodes (order_index as tie-break) and dependencies edges; the round trip keeps both", () => {
    const plan = base();
    const view = fromMplpPlan(plan);
    if (!view.ok) throw new Error(JSON.stringify(view.issues));
    expect(view.graph.nodes.map((n) => n.step_id)).toEqual([s0, s1, s2]);
    expect(view.graph.edges).toEqual([{ from: s0, to: s1, kind: "depends_on" }, { from: s1, to: s2, kind: "depends_on" }]);
    const { steps: _steps, plan_id: _id, ...rest } = plan;
    expect(toMplpPlan(view.graph, rest)).toEqual(plan);
  });

  it("round-trips every upstream plan", () => {
    for (const path of upstream.filter((p) => p.endsWith("plan.json") || p.endsWith("plan.with-events.json"))) {
      const plan = read(path);
      const view = fromMplpPlan(plan);
      if (!view.ok) throw new Error(path);
      const { steps: _steps, plan_id: _id, ...rest } = plan;
      const back = toMplpPlan(view.graph, rest);
      expect(back.steps.map((s) => [s.step_id, s.dependencies ?? []]).sort()).toEqual(plan.steps.map((s) => [s.step_id, s.dependencies ?? []]).sort());
    }
  });

  it("refuses a plan that does not validate, and never throws", () => {
    expect(fromMplpPlan({}).ok).toBe(false);
    for (const junk of [null, 1, "x", [], { steps: [] }]) expect(validateMplpPlan(junk).valid).toBe(false);
  });
});
