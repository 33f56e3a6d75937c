import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePlan, runPlanGraph } from "@graphenix/plan-graph";
import { bindGroundTruthToPlanGraph, bindMplpTrace } from "@graphenix/trace-format";

const examples = join(import.meta.dirname, "../../../examples");
const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const codes = (r: { issues: readonly { code: string; pointer: string }[] }) => r.issues.map((i) => `${i.pointer} ${i.code}`);

describe("bindGroundTruthToPlanGraph", async () => {
  const compiled = compilePlan(read(join(examples, "matrix-scenario.json")), read(join(examples, "lab-inventory.json")));
  if (!compiled.ok) throw new Error("example must compile");
  const run = await runPlanGraph(compiled.graph, async (n) => ({ status: n.node_ordinal === 2 ? "failed" : "succeeded" }));
  if (!run.ok) throw new Error("run failed");

  it("the scheduler's rows bind to their graph", () => {
    expect(codes(bindGroundTruthToPlanGraph(run.rows, compiled.graph))).toEqual([]);
  });

  it.each([
    ["a row for no node", (rows: any[]) => { rows[0].action_id = "pa_aid_v1_00000000000000000000000000000000"; }, ["/rows/0/action_id ground-truth-unknown-node"]], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["two rows for one node", (rows: any[]) => { rows.push(structuredClone(rows[1])); }, ["/rows/6 ground-truth-duplicate"]], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["a row that moved targets", (rows: any[]) => { rows[1].target_asset_id = "ws-2"; }, ["/rows/1/target_asset_id ground-truth-node-mismatch"]], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["phases out of lifecycle order", (rows: any[]) => { rows[0].phases = ["pending", "running", "succeeded"]; }, ["/rows/0/phases/1 ground-truth-phases-invalid"]], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["a row of another run", (rows: any[]) => { rows[0].run_id = "some-other-run"; }, ["/rows/0/run_id ground-truth-run-mismatch"]], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["a row that is not a GroundTruthRow (a status no row ends in, a member it has not)", (rows: any[]) => { rows[1].status = "running"; rows[1].phases = ["pending", "ready", "running"]; rows[2].note = "x"; }, ["/rows/1/status schema-enum", "/rows/2/note schema-unknown-member"]], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["a status the phases do not reach", (rows: any[]) => { rows[0].status = "failed"; }, ["/rows/0/status ground-truth-phases-invalid"]], // eslint-disable-line @typescript-eslint/no-explicit-any
  ])("%s", (_name, mutate, expected) => {
    const rows = structuredClone(run.rows);
    mutate(rows);
    expect(codes(bindGroundTruthToPlanGraph(rows, compiled.graph))).toEqual(expected);
  });
});

describe("bindMplpTrace", () => {
  const flow = join(import.meta.dirname, "../../plan-graph/test/fixtures/mplp/tests/golden/flows/flow-05-single-agent-confirm-required/expected");
  const plan = read(join(flow, "plan.json"));
  const trace = read(join(flow, "trace.json"));

  it("the upstream trace binds to its plan", () => {
    expect(codes(bindMplpTrace(trace, plan))).toEqual([]);
  });

  it("a trace of another plan, and a completed step nothing traces", () => {
    expect(codes(bindMplpTrace({ ...trace, plan_id: "550e8400-e29b-41d4-a716-446655449999" }, plan))).toEqual(["/trace/plan_id mplp-trace-plan-mismatch"]);
    const running = structuredClone(plan);
    running.status = "in_progress";
    running.steps[0].status = "completed";
    expect(codes(bindMplpTrace(trace, running))).toEqual(["/plan/steps/0 mplp-step-untraceable"]);
    const traced = { ...trace, segments: [{ segment_id: "550e8400-e29b-41d4-a716-446655440580", label: "step 1", status: "completed", attributes: { step_id: running.steps[0].step_id } }] };
    expect(codes(bindMplpTrace(traced, running))).toEqual([]);
  });
});
