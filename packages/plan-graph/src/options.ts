import { own, type ValidationLimits } from "@graphenix/core";

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

/** The largest `max_nodes` accepted: ten million nodes are gigabytes of graph already. */
export const MAX_NODES_CEILING = 10_000_000;

/**
 * `options.max_nodes`: a whole number from 1 to MAX_NODES_CEILING, default 100. Anything else
 * misuses the options (a RangeError, as for `limits`): `NaN` let every expansion through, and
 * 10^12 let one through that then failed to allocate its node indexes.
 */
export function maxNodesOption(options: CompilePlanOptions): number {
  const value = (own(options, "max_nodes") as number | undefined) ?? DEFAULT_MAX_NODES;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_NODES_CEILING) {
    throw new RangeError(`compilePlan: max_nodes must be a whole number from 1 to ${MAX_NODES_CEILING}, not ${typeof value === "number" ? value : `a ${typeof value}`}`);
  }
  return value;
}
