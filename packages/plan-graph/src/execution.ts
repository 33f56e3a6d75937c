import type { PlanExecution } from "@graphenix/contracts";
import { asObject, own, type IssueCollector } from "@graphenix/core";

/** The orders the reference scheduler knows (DESIGN §6.10). */
export const SUPPORTED_ORDERS: readonly string[] = ["sequential", "parallel"];

/**
 * A plan's execution request is one a runner of this version can honour: a known `order`
 * (`plan_order_unsupported`, DESIGN §6.8), and a `sequential` plan asks for no more than one node
 * at a time (anything else contradicts itself: reported, never silently run one way or the other).
 * `at`: the path of the `execution` member.
 */
export function checkExecution(execution: PlanExecution | undefined, at: readonly (string | number)[], issues: IssueCollector): void {
  if (execution === undefined) return;
  // The schema holds these for a validated graph; the scheduler takes graphs as typed, and a
  // request it cannot read must stop it (a concurrency of "x" left it waiting forever).
  if (asObject(execution) === undefined) {
    issues.add("config_schema_invalid", "execution is an object: { order, concurrency }", [...at]);
    return;
  }
  // Own members only (docs/architecture.md): a `concurrency` on Object.prototype is not the plan's.
  const order = own(execution, "order") as PlanExecution["order"] | undefined;
  const concurrency = own(execution, "concurrency") as number | undefined;
  const unreadable = concurrency !== undefined && !(Number.isSafeInteger(concurrency) && concurrency >= 1);
  if (unreadable) issues.add("config_schema_invalid", `concurrency is a whole number from 1, not ${shown(concurrency)}`, [...at, "concurrency"]);
  if (order !== undefined && !SUPPORTED_ORDERS.includes(order)) {
    issues.add("plan_order_unsupported", `the order ${shown(order)} is not supported: a plan runs sequential or parallel`, [...at, "order"]);
  } else if (!unreadable && order === "sequential" && concurrency !== undefined && concurrency !== 1) {
    issues.add("config_schema_invalid", `a sequential plan runs one node at a time, so its concurrency can only be 1, not ${concurrency}`, [...at, "concurrency"]);
  }
}

/** A value of a typed graph that may not be what its type says, named without calling into it. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value === "number" || typeof value === "boolean" || value === null ? String(value) : `a ${typeof value}`;
}

/**
 * How many nodes at once a plan asks for: 1 for `sequential` (and for a plan that asks nothing),
 * its `concurrency` otherwise, and as many as the runner allows for `parallel` without one. For
 * a request `checkExecution` accepts (as `validatePlanGraph` does): of any other it says nothing
 * meaningful.
 */
export function requestedConcurrency(execution: PlanExecution | undefined): number {
  const order = own(execution, "order");
  if (execution === undefined || order === "sequential") return 1;
  return (own(execution, "concurrency") as number | undefined) ?? (order === "parallel" ? Number.POSITIVE_INFINITY : 1);
}
