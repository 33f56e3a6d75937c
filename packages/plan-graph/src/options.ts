import type { ValidationLimits } from "@graphenix/core";

/** Options of `compilePlan` (docs/plan-graph.md). */
export interface CompilePlanOptions {
  /** Most nodes an expansion may produce; decided from the axis sizes before any node is built. Default 100. */
  readonly max_nodes?: number;
  /** `false` turns matrix plans off (they then fail with `plan_type_reserved`, as in v0.1 runners). Default true. */
  readonly matrix?: boolean;
  /**
   * The document limits of the scenario and the inventory (docs/limits.md); `maxDepth` defaults to
   * 64 here (both formats are shallow), the others to `DEFAULT_VALIDATION_LIMITS`.
   */
  readonly limits?: Partial<ValidationLimits>;
}

export const DEFAULT_MAX_NODES = 100;
