/**
 * A finalizer that starts while a node it depends on has started but never ended, in a run still
 * going (found untested by a mutation review: only never-started dependencies were covered).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { bindTraceToPlan } from "@graphenix/trace-format";

const fixture = (path: string) => JSON.parse(readFileSync(join(import.meta.dirname, path), "utf8")) as Record<string, unknown>;
const plan = fixture("../../plan-compiler/test/fixtures/pre-main-post-finalizer/expected.plan.v2.json") as unknown as ExecutableGraphPlanV2;
const succeeded = fixture("fixtures/pre-main-post-finalizer-succeeded/trace.json");

describe("dependency order", () => {
  it("a finalizer started while the node it follows is still open is out of order", () => {
    const at = (s: number) => `2026-07-01T00:00:0${s}.000Z`;
    const { finishedAt, ...head } = succeeded;
    expect(finishedAt).toBeDefined();
    const trace = {
      ...head,
      status: "running",
      events: [
        { seq: 0, at: at(1), type: "runStarted" },
        { seq: 1, at: at(2), type: "nodeStarted", nodeId: "node:write-brief" },
        { seq: 2, at: at(3), type: "finalizerStarted", nodeId: "node:package" },
        { seq: 3, at: at(4), type: "unitStarted", nodeId: "node:package", unitId: "unit:node:package:output:0", attempt: 1, model: { key: "cheap/default", kind: "profileChoice" } },
        { seq: 4, at: at(5), type: "unitCompleted", nodeId: "node:package", unitId: "unit:node:package:output:0", attempt: 1, outcome: "succeeded" },
        { seq: 5, at: at(6), type: "finalizerCompleted", nodeId: "node:package", outcome: "succeeded" },
      ],
    };
    const errors = bindTraceToPlan(trace, plan).issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => `${i.pointer} ${i.code}`)).toEqual(["/trace/events/2 trace-dependency-order"]);
  });
});
