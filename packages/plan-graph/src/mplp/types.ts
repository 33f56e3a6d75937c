/**
 * The parts of MPLP v1.0 objects this package reads. Hand-written: the upstream schemas are
 * draft-07 documents we vendor unmodified (mplp/README.md), not generated into contracts.
 */
export type MplpPlanStatus = "draft" | "proposed" | "approved" | "in_progress" | "completed" | "cancelled" | "failed";
export type MplpStepStatus = "pending" | "in_progress" | "completed" | "blocked" | "skipped" | "failed";

export interface MplpStep {
  step_id: string;
  description: string;
  status: MplpStepStatus;
  dependencies?: string[];
  agent_role?: string;
  order_index?: number;
}

export interface MplpPlan {
  meta: { protocol_version: string; schema_version: string; [key: string]: unknown };
  plan_id: string;
  context_id: string;
  title: string;
  objective: string;
  status: MplpPlanStatus;
  steps: MplpStep[];
  trace?: Record<string, unknown>;
  events?: { event_id: string; event_type: string; data?: Record<string, unknown>; [key: string]: unknown }[];
}

export interface MplpConfirm {
  confirm_id: string;
  target_type: string;
  target_id: string;
  status: "pending" | "approved" | "rejected" | "cancelled";
  [key: string]: unknown;
}

export interface MplpTrace {
  trace_id: string;
  plan_id?: string;
  segments?: { segment_id: string; attributes?: Record<string, unknown>; [key: string]: unknown }[];
  events?: { data?: Record<string, unknown>; [key: string]: unknown }[];
  [key: string]: unknown;
}
