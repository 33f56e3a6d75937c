/**
 * Each validator package re-exports the types of the documents and results it reads and writes
 * (found in review: under pnpm, an engine that installs only plan-format could not name the plan
 * type). They must be the very types of contracts and core. Checked by the typecheck of the tests.
 */
import { describe, expectTypeOf, it } from "vitest";
import type * as C from "@graphenix/contracts";
import type * as Core from "@graphenix/core";
import type * as AF from "../packages/authoring-format/src/index.js";
import type * as PF from "../packages/plan-format/src/index.js";
import type * as PC from "../packages/plan-compiler/src/index.js";
import type * as TF from "../packages/trace-format/src/index.js";
import type * as PG from "../packages/plan-graph/src/index.js";

describe("document and result types are re-exported as they are", () => {
  it("authoring-format", () => {
    expectTypeOf<AF.AuthoringGraphDocument>().toEqualTypeOf<C.AuthoringGraphDocument>();
    expectTypeOf<AF.GraphRuntimeObject>().toEqualTypeOf<C.GraphRuntimeObject>();
    expectTypeOf<AF.NormalizedExecutableGraphDocument>().toEqualTypeOf<C.NormalizedExecutableGraphDocument>();
    expectTypeOf<AF.ValidationResult<1>>().toEqualTypeOf<C.ValidationResult<1>>();
    expectTypeOf<AF.ValidationOptions>().toEqualTypeOf<Core.ValidationOptions>();
  });
  it("plan-format and plan-compiler", () => {
    expectTypeOf<PF.ExecutableGraphPlanV2>().toEqualTypeOf<C.ExecutableGraphPlanV2>();
    expectTypeOf<PF.ExecutableGraphPlan>().toEqualTypeOf<C.ExecutableGraphPlan>();
    expectTypeOf<PF.ValidationIssue>().toEqualTypeOf<C.ValidationIssue>();
    expectTypeOf<PF.ValidationLimits>().toEqualTypeOf<Core.ValidationLimits>();
    expectTypeOf<PC.ExecutableGraphPlanV2>().toEqualTypeOf<C.ExecutableGraphPlanV2>();
    expectTypeOf<PC.ExecutableGraphPlan>().toEqualTypeOf<C.ExecutableGraphPlan>();
  });
  it("trace-format and plan-graph", () => {
    expectTypeOf<TF.GraphExecutionTrace>().toEqualTypeOf<C.GraphExecutionTrace>();
    expectTypeOf<PG.PlanGraph>().toEqualTypeOf<C.PlanGraph>();
    expectTypeOf<PG.ExpansionManifest>().toEqualTypeOf<C.ExpansionManifest>();
    expectTypeOf<PG.ScenarioPlan>().toEqualTypeOf<C.ScenarioPlan>();
    expectTypeOf<PG.LabInventory>().toEqualTypeOf<C.LabInventory>();
  });
});
