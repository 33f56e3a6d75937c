import { EXECUTABLE_PLAN_FORMAT_V2, type ExecutableGraphPlan, type ExecutableGraphPlanV2, type PlanGraph } from "@graphenix/contracts";
import type { ValidationOptions } from "@graphenix/core";
import type { MplpPlan } from "@graphenix/plan-graph";
import { toDot } from "./dot.js";
import { toMermaid } from "./mermaid.js";
import type { Direction, Drawing } from "./model.js";
import { drawMplpPlan } from "./mplp.js";
import { drawPlanGraph } from "./plan-graph.js";
import { drawPlanV1 } from "./plan-v1.js";
import { drawPlanV2 } from "./plan-v2.js";

/** The document kinds (formats.ts names) `graphenix graph` draws, with their builders. */
const BUILDERS: Readonly<Record<string, (document: unknown, options: ValidationOptions | undefined) => Drawing>> = {
  "executable-plan": (plan) => ((plan as { format?: unknown }).format === EXECUTABLE_PLAN_FORMAT_V2 ? drawPlanV2(plan as ExecutableGraphPlanV2) : drawPlanV1(plan as ExecutableGraphPlan)),
  "plan-graph": (graph) => drawPlanGraph(graph as PlanGraph),
  "mplp-plan": (plan, options) => drawMplpPlan(plan as MplpPlan, options),
};

export const DRAWABLE_KINDS: readonly string[] = Object.keys(BUILDERS);

export const PICTURE_LANGUAGES = ["mermaid", "dot"] as const;
export type PictureLanguage = (typeof PICTURE_LANGUAGES)[number];

export const DIRECTIONS: readonly Direction[] = ["TB", "LR"];

/**
 * The drawing of a document that passed its kind's validator under `options` (the same limits: a
 * builder that reads the document again through a library call holds it to what was checked).
 * Undefined only for a kind graph does not draw.
 */
export function drawDocument(kind: string, document: unknown, options?: ValidationOptions): Drawing | undefined {
  return Object.prototype.hasOwnProperty.call(BUILDERS, kind) ? BUILDERS[kind]?.(document, options) : undefined;
}

export function renderDrawing(drawing: Drawing, to: PictureLanguage, direction: Direction): string {
  return to === "dot" ? toDot(drawing, direction) : toMermaid(drawing, direction);
}
