import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExecutableGraphPlanV2, GraphExecutionTrace } from "@graphenix/contracts";
import { bindTraceToPlan, prepareTraceBinding, validateTrace } from "@graphenix/trace-format";
import { simulateTrace } from "@graphenix/trace-format";

const plans = join(import.meta.dirname, "../../plan-compiler/test/fixtures");
const plan = (name: string) => JSON.parse(readFileSync(join(plans, name, "expected.plan.v2.json"), "utf8")) as ExecutableGraphPlanV2;
const seed = plan("seed-audience-insights");
const pipeline = plan("content-pipeline");
const codes = (r: { issues: readonly { code: string; pointer: string; severity: string }[] }) => r.issues.map((i) => `${i.pointer} ${i.code}${i.severity === "warning" ? " (warning)" : ""}`);
const mutate = (trace: GraphExecutionTrace, fn: (t: GraphExecutionTrace) => void) => {
  const copy = structuredClone(trace);
  fn(copy);
  return copy;
};

describe("traces of compiled plans", () => {
  it("a successful run validates and binds", () => {
    const trace = simulateTrace(pipeline);
    expect(codes(validateTrace(trace))).toEqual([]);
    expect(codes(bindTraceToPlan(trace, pipeline))).toEqual([]);
  });

  it("a partial failure with retries binds, and reports the units it never ran as warnings", () => {
    const failing = pipeline.nodePlans["node:draft-article"]!.executionUnits[3]!.unitId; // the MAIN skill unit, 3 attempts
    const trace = simulateTrace(pipeline, { failures: { [failing]: 3 } });
    expect(trace.status).toBe("partial");
    expect(codes(validateTrace(trace))).toEqual([]);
    const bound = bindTraceToPlan(trace, pipeline);
    expect(bound.valid).toBe(true);
    expect(codes(bound).every((c) => c.endsWith("(warning)"))).toBe(true);
  });

  it("a finalizer never reached is skipped with nodeSkipped (there is no finalizerSkipped), and that binds", () => {
    const withFinalizer = plan("pre-main-post-finalizer");
    const main = withFinalizer.nodePlans["node:write-brief"]!.executionUnits[1]!;
    const trace = simulateTrace(withFinalizer, { failures: { [main.unitId]: main.retryPolicy?.maxAttempts ?? 1 } });
    expect(trace.events.some((e) => e.type === "nodeSkipped" && e.nodeId === "node:package")).toBe(true);
    expect(bindTraceToPlan(trace, withFinalizer).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("a retry that then succeeds, on a fallback model", () => {
    const unit = pipeline.nodePlans["node:draft-article"]!.executionUnits[3]!;
    const trace = simulateTrace(pipeline, { failures: { [unit.unitId]: 2 }, models: { [unit.unitId]: { kind: "profileChoice", key: "vol/fast" } } });
    expect(trace.status).toBe("succeeded");
    expect(codes(bindTraceToPlan(trace, pipeline))).toEqual([]);
  });
});

describe("simulateTrace", () => {
  it("starts after a plan created in a leap second", () => {
    const plan = { ...seed, createdAt: "2016-12-31T23:59:60.5Z" };
    const trace = simulateTrace(plan);
    expect(trace.events[0]!.at).toBe("2017-01-01T00:00:01.500Z");
    expect(codes(validateTrace(trace))).toEqual([]);
  });
});

describe("validateTrace: internal consistency", () => {
  const good = simulateTrace(seed);
  it.each([
    ["seq out of place", (t: GraphExecutionTrace) => { t.events[2]!.seq = 9; }, ["/events/2/seq trace-seq-invalid"]],
    // One issue per run of misnumbered events: the ones counting on from a wrong number are not
    // reported again (one missing event used to give one issue per event after it).
    ["seq counting on from a gap", (t: GraphExecutionTrace) => { t.events.forEach((e, i) => { if (i >= 2) e.seq = i + 1; }); }, ["/events/2/seq trace-seq-invalid"]],
    ["two gaps", (t: GraphExecutionTrace) => { t.events.forEach((e, i) => { if (i >= 2) e.seq = i + (i >= 4 ? 3 : 1); }); }, ["/events/2/seq trace-seq-invalid", "/events/4/seq trace-seq-invalid"]],
    ["a wrong run of seqs, then right again", (t: GraphExecutionTrace) => { t.events[2]!.seq = 9; t.events[3]!.seq = 10; }, ["/events/2/seq trace-seq-invalid"]],
    ["time going back", (t: GraphExecutionTrace) => { t.events[3]!.at = "2026-06-06T11:00:00.000Z"; }, ["/events/3/at trace-time-regression"]],
    ["no runFinished in a finished run", (t: GraphExecutionTrace) => { t.events.pop(); }, ["/events/6 trace-run-events"]],
    ["a unit that never ends", (t: GraphExecutionTrace) => { t.events.splice(3, 1); t.events.forEach((e, i) => { e.seq = i; }); }, ["/events/2 trace-lifecycle-invalid"]],
    // Subjects still running when the run finished are reported in the order their open attempt
    // started: the node (started at 3) before the unit (seen first, at 1, but retried at 5).
    ["a node and a retried unit that never end", (t: GraphExecutionTrace) => {
      const [run, node, started] = t.events;
      const times = t.events.map((e) => e.at);
      const unit = { nodeId: started!.nodeId, unitId: started!.unitId };
      t.status = "failed";
      t.events = [
        run!,
        { ...started!, attempt: 1 },
        { seq: 0, at: "", type: "unitFailed", ...unit, attempt: 1, outcome: "failed" },
        { ...node! },
        { seq: 0, at: "", type: "unitRetried", ...unit, attempt: 1 },
        { ...started!, attempt: 2 },
        t.events.at(-1)!,
      ];
      t.events.forEach((e, i) => { e.seq = i; e.at = times[i]!; });
    }, ["/events/3 trace-lifecycle-invalid", "/events/5 trace-lifecycle-invalid"]],
    // A new attempt follows a failed one (with or without unitRetried), and a skipped unit never runs.
    ["a unit started again after it succeeded", (t: GraphExecutionTrace) => {
      const [started, completed] = t.events.slice(2, 4);
      t.events.splice(4, 0, { ...started!, attempt: 2 }, { ...completed!, attempt: 2 });
      t.events.forEach((e, i) => { e.seq = i; e.at = t.startedAt; });
    }, ["/events/4/type trace-lifecycle-invalid"]],
    ["a unit started after it was skipped", (t: GraphExecutionTrace) => {
      const { model: _model, attempt: _attempt, ...skipped } = { ...t.events[2]!, type: "unitSkipped" as const };
      t.events.splice(2, 0, skipped);
      t.events.forEach((e, i) => { e.seq = i; e.at = t.startedAt; });
    }, ["/events/3/type trace-lifecycle-invalid"]],
    ["a unit skipped twice", (t: GraphExecutionTrace) => {
      const { model: _model, attempt: _attempt, ...skipped } = { ...t.events[2]!, type: "unitSkipped" as const };
      t.events.splice(2, 2, skipped, { ...skipped });
      t.events.forEach((e, i) => { e.seq = i; e.at = t.startedAt; });
    }, ["/events/3/type trace-lifecycle-invalid"]],
    ["attempts not from 1", (t: GraphExecutionTrace) => { t.events[2]!.attempt = 2; t.events[3]!.attempt = 2; }, ["/events/2/attempt trace-attempt-invalid"]],
    ["succeeded with a failed unit", (t: GraphExecutionTrace) => { t.events[3]!.type = "unitFailed"; }, ["/status trace-status-inconsistent"]],
    ["a unit event without its unitId", (t: GraphExecutionTrace) => { delete t.events[2]!.unitId; }, ["/events/2 trace-event-subject-missing", "/events/3/type trace-lifecycle-invalid"]],
  ])("%s", (_name, fn, expected) => {
    expect(codes(validateTrace(mutate(good, fn)))).toEqual(expected);
  });

  it("an inline payload over 64 KiB of canonical JSON is refused; at 64 KiB it is fine", () => {
    const withPayload = (inline: unknown) => mutate(simulateTrace(seed), (t) => { t.events[3]!.payload = { inline } as never; });
    // {"t":"…"} is 8 bytes around the text; "é" is 2 bytes in UTF-8, so the limit is in bytes, not characters.
    expect(codes(validateTrace(withPayload({ t: "x".repeat(65_536 - 8) })))).toEqual([]);
    expect(codes(validateTrace(withPayload({ t: "x".repeat(65_536 - 7) })))).toEqual(["/events/3/payload/inline trace-payload-too-large"]);
    expect(codes(validateTrace(withPayload({ t: "é".repeat(32_765) })))).toEqual(["/events/3/payload/inline trace-payload-too-large"]);
    expect(codes(validateTrace(withPayload([{ b: 1, a: "y".repeat(40_000) }, "z".repeat(30_000)])))).toEqual(["/events/3/payload/inline trace-payload-too-large"]);
    expect(validateTrace(withPayload({ t: "é".repeat(20_000) })).valid).toBe(true);
    // Numbers as long as they get (25 characters): 2,621 of them are 68,147 bytes.
    const longest = -0.0000012345678901234567;
    expect(String(longest)).toHaveLength(25);
    expect(codes(validateTrace(withPayload(Array<number>(2_621).fill(longest))))).toEqual(["/events/3/payload/inline trace-payload-too-large"]);
    expect(validateTrace(withPayload(Array<number>(2_520).fill(longest))).valid).toBe(true); // 65,521 bytes
  });

  it("a secret in a payload is refused; provider responses are fine", () => {
    const t = mutate(good, (x) => { x.events[3]!.payload = { inline: { response: "ok", headers: { authorization: "Bearer abc123def456ghi789jk" } } }; });
    expect(codes(validateTrace(t))).toEqual(["/events/3/payload/inline/headers/authorization forbidden-credential-key", "/events/3/payload/inline/headers/authorization forbidden-credential-value"]);
  });
});

describe("bindTraceToPlan: the trace and the plan it ran", () => {
  const good = simulateTrace(seed);
  const unit0 = seed.nodePlans["node:audience-insights"]!.executionUnits[0]!.unitId;
  it.each([
    ["another plan hash", (t: GraphExecutionTrace) => { t.planHash = `sha256:${"0".repeat(64)}`; }, ["/trace/planHash trace-plan-mismatch"]],
    ["an unknown unit", (t: GraphExecutionTrace) => { t.events[2]!.unitId = "unit:ghost"; t.events[3]!.unitId = "unit:ghost"; }, ["/trace/events/2/unitId trace-unknown-unit", "/trace/events/3/unitId trace-unknown-unit", `/plan/nodePlans/node:audience-insights/executionUnits/0 trace-unit-not-executed`]],
    ["MAIN before PRE", (t: GraphExecutionTrace) => { const [a, b, c, d] = t.events.slice(2, 6); t.events.splice(2, 4, c!, d!, a!, b!); t.events.forEach((e, i) => { e.seq = i; e.at = t.startedAt; }); }, ["/trace/events/4/unitId trace-phase-order"]],
    ["too many attempts", (t: GraphExecutionTrace) => { t.events.splice(4, 0, { seq: 0, type: "unitRetried", at: t.events[3]!.at, nodeId: "node:audience-insights", unitId: unit0, attempt: 2 }); t.events[3]!.type = "unitFailed"; t.events.splice(5, 0, { seq: 0, type: "unitStarted", at: t.events[4]!.at, nodeId: "node:audience-insights", unitId: unit0, attempt: 2 }, { seq: 0, type: "unitCompleted", at: t.events[4]!.at, nodeId: "node:audience-insights", unitId: unit0, attempt: 2, outcome: "succeeded" }); t.events.forEach((e, i) => { e.seq = i; }); }, ["/trace/events/5/attempt trace-attempts-exceeded"]],
    ["a model outside the slot and its fallbacks", (t: GraphExecutionTrace) => { t.events[2]!.model = { kind: "directModel", provider: "openai", model: "gpt-4o" }; }, ["/trace/events/2/model trace-model-not-allowed"]],
    ["a unit never run in a succeeded run", (t: GraphExecutionTrace) => { t.events.splice(2, 2); t.events.forEach((e, i) => { e.seq = i; }); }, ["/plan/nodePlans/node:audience-insights/executionUnits/0 trace-unit-not-executed"]],
  ])("%s", (_name, fn, expected) => {
    expect(codes(bindTraceToPlan(mutate(good, fn), seed))).toEqual(expected);
  });

  it("a node that starts before the node it depends on ended", () => {
    const t = simulateTrace(pipeline);
    const i = t.events.findIndex((e) => e.type === "nodeStarted" && e.nodeId === "node:draft-article");
    const j = t.events.findIndex((e) => e.type === "nodeCompleted" && e.nodeId === "node:audience-insights");
    const [moved] = t.events.splice(j, 1);
    t.events.splice(i + 1, 0, moved!);
    t.events.forEach((e, k) => { e.seq = k; e.at = t.events[0]!.at; });
    expect(codes(bindTraceToPlan(t, pipeline))).toContain(`/trace/events/${i - 1} trace-dependency-order`);
  });

  it("a misspelt nodeId is named even though the trace it makes inconsistent is invalid", () => {
    const t = simulateTrace(seed);
    const i = t.events.findIndex((e) => e.type === "nodeStarted");
    t.events[i]!.nodeId = "node:audiense-insights";
    expect(codes(bindTraceToPlan(t, seed))).toEqual([
      `/trace/events/${t.events.findIndex((e) => e.type === "nodeCompleted")}/type trace-lifecycle-invalid`,
      `/trace/events/${i} trace-lifecycle-invalid`,
      `/trace/events/${i}/nodeId trace-unknown-node`,
    ]);
  });

  it("never throws on junk", () => {
    for (const junk of [null, 1, "x", [], {}, { format: "graphenix.execution-trace/v1" }]) {
      expect(validateTrace(junk).valid).toBe(false);
      expect(bindTraceToPlan(junk, junk).valid).toBe(false);
    }
  });
});

describe("prepareTraceBinding: one plan, many traces", () => {
  it("binds each trace exactly as bindTraceToPlan does, and keeps no state between traces", () => {
    const binder = prepareTraceBinding(pipeline);
    expect(binder.planIssues).toEqual([]);
    const failing = pipeline.nodePlans["node:draft-article"]!.executionUnits[3]!.unitId;
    const traces = [simulateTrace(pipeline), simulateTrace(pipeline, { failures: { [failing]: 3 } }), simulateTrace(seed), simulateTrace(pipeline)];
    const results = traces.map((t) => binder.bind(t));
    expect(results).toEqual(traces.map((t) => bindTraceToPlan(t, pipeline)));
    expect(results[0]).toEqual(results[3]);
    expect(codes(results[2]!)).toContain("/trace/planId trace-plan-mismatch");
  });

  it("an invalid plan: its issues once in planIssues, and every binding is invalid", () => {
    const binder = prepareTraceBinding({ format: "graphenix.executable-plan/v2" });
    expect(binder.planIssues.length).toBeGreaterThan(0);
    expect(binder.planIssues.every((i) => i.pointer.startsWith("/plan"))).toBe(true);
    const bound = binder.bind(simulateTrace(pipeline));
    expect(bound.valid).toBe(false);
    expect(bound.issues).toEqual(binder.planIssues);
  });
});

describe("in-memory traces the quick accept must not let through (docs/quick-accept.md)", () => {
  // Members Ajv reads (data.attempt) but a for…in loop does not see: the result is the full path's.
  const base = () => simulateTrace(pipeline);
  const unitEvent = (t: GraphExecutionTrace) => t.events.findIndex((e) => e.type === "unitStarted" && e.model !== undefined);

  it("a non-enumerable member with a wrong value is a schema issue", () => {
    const t = base();
    const i = unitEvent(t);
    Object.defineProperty(t.events[i], "attempt", { value: "not a number" });
    Object.defineProperty(t.events[i - 1], "model", { value: { kind: "nope" } });
    expect(codes(validateTrace(t))).toEqual(expect.arrayContaining([`/events/${i}/attempt schema-type`]));
    expect(validateTrace(t).valid).toBe(false);
  });

  it("a non-enumerable member of Object.prototype named like a listed member is not the trace's (docs/architecture.md)", () => {
    const t = base();
    const before = JSON.stringify([validateTrace(t), bindTraceToPlan(t, pipeline)]);
    expect(validateTrace(t).valid).toBe(true);
    // The quick accept declines (it would see the member where the trace has none), and the full
    // path reads own members only: the same results as without it.
    Object.defineProperty(Object.prototype, "attempt", { value: 0, configurable: true });
    try {
      expect(JSON.stringify([validateTrace(t), bindTraceToPlan(t, pipeline)])).toBe(before);
    } finally {
      delete (Object.prototype as Record<string, unknown>).attempt;
    }
  });

  it("a model with an extra non-enumerable member binds as before (models compared by their JSON members)", () => {
    const t = base();
    const i = unitEvent(t);
    Object.defineProperty(t.events[i]!.model, "provider", { value: "openai" });
    expect(codes(bindTraceToPlan(t, pipeline))).toEqual([]);
  });
});
