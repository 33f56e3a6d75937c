import type { MplpPlanStatus, MplpStepStatus } from "./types.js";

/**
 * Our stricter profile's status transition tables (DESIGN §6.11; docs/mplp.md). The seed gives
 * the step lifecycle `pending → in_progress → completed / failed`; the rest is ours.
 */
export const MPLP_PLAN_TRANSITIONS: Readonly<Record<MplpPlanStatus, readonly MplpPlanStatus[]>> = {
  draft: ["proposed", "cancelled"],
  proposed: ["approved", "draft", "cancelled"],
  approved: ["in_progress", "cancelled"],
  in_progress: ["completed", "failed", "cancelled"],
  completed: [],
  cancelled: [],
  failed: [],
};

export const MPLP_STEP_TRANSITIONS: Readonly<Record<MplpStepStatus, readonly MplpStepStatus[]>> = {
  pending: ["in_progress", "blocked", "skipped"],
  blocked: ["pending", "in_progress", "skipped"],
  in_progress: ["completed", "failed", "blocked"],
  completed: [],
  failed: [],
  skipped: [],
};

/** Whether `from → to` is allowed (staying in the same status is always allowed). */
export function allowed<S extends string>(table: Readonly<Record<S, readonly S[]>>, from: S, to: S): boolean {
  return from === to || (Object.prototype.hasOwnProperty.call(table, from) && table[from].includes(to));
}
