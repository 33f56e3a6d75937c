import type { ActionTemplate, LabAsset, PlanSpec } from "@graphenix/contracts";
import { compareUtf8, own, type IssueCollector } from "@graphenix/core";
import { matchTargets } from "./targets.js";

export type Scalar = string | number | boolean;

export interface Axis {
  readonly name: string;
  readonly values: readonly Scalar[];
  readonly ordering: "asset_id_utf8" | "given";
  readonly expanded: boolean;
}

/** The names `axes` gives that are filters on templates, not enumerated axes. */
const TEMPLATE_FILTERS = new Set(["templates", "techniques"]);

/** The templates a plan uses: filtered by `axes.templates` / `axes.techniques`, in UTF-8 order of id. */
export function selectTemplates(plan: PlanSpec, issues: IssueCollector): ActionTemplate[] {
  const byId = new Map<string, ActionTemplate>();
  plan.templates.forEach((t, i) => {
    if (byId.has(t.template_id)) issues.add("config_schema_invalid", `the template_id ${JSON.stringify(t.template_id)} is already the id of an earlier template`, ["scenario", "plan", "templates", i, "template_id"]);
    else byId.set(t.template_id, t);
  });
  const wanted = own(plan.axes, "templates") as string[] | undefined;
  for (const [i, id] of (wanted ?? []).entries()) {
    if (!byId.has(id)) issues.add("config_schema_invalid", `axes.templates names ${JSON.stringify(id)}, which is not a template of the plan`, ["scenario", "plan", "axes", "templates", i]);
  }
  const techniques = own(plan.axes, "techniques") as string[] | undefined;
  return plan.templates
    .filter((t) => (wanted === undefined || wanted.includes(t.template_id)) && (techniques === undefined || techniques.includes(t.technique_id)))
    .sort((a, b) => compareUtf8(a.template_id, b.template_id));
}

/** Every axis with its values: `targets` from the inventory, value axes as given. */
export function resolveAxes(plan: PlanSpec, assets: readonly LabAsset[]): Axis[] {
  const expand = new Set((own(plan, "expand") as string[] | undefined) ?? []);
  const axes: Axis[] = [
    { name: "targets", values: matchTargets(assets, plan.axes.targets.selector).map((a) => a.asset_id), ordering: "asset_id_utf8", expanded: expand.has("targets") },
  ];
  // `targets` first, then the other axes in UTF-8 order of name: `axes` is an object, and the
  // manifest (and the issues about axes) must not depend on the order its members were written in.
  for (const name of Object.keys(plan.axes).sort(compareUtf8)) {
    const values = (plan.axes as Record<string, unknown>)[name];
    if (name === "targets" || TEMPLATE_FILTERS.has(name) || !Array.isArray(values)) continue;
    axes.push({ name, values: values as Scalar[], ordering: "given", expanded: expand.has(name) });
  }
  return axes;
}

/**
 * DESIGN §6.7: every expanded axis has values (`plan_expansion_empty_axis`); every other axis
 * resolves to exactly one value (`config_schema_invalid`); `expand` names only axes, once each.
 */
export function checkAxes(plan: PlanSpec, axes: readonly Axis[], issues: IssueCollector): void {
  const names = new Set(axes.map((a) => a.name));
  const seen = new Set<string>();
  ((own(plan, "expand") as string[] | undefined) ?? []).forEach((name, i) => {
    const at = ["scenario", "plan", "expand", i];
    if (seen.has(name)) issues.add("config_schema_invalid", `${JSON.stringify(name)} is listed twice in expand`, at);
    else if (TEMPLATE_FILTERS.has(name)) issues.add("config_schema_invalid", `${JSON.stringify(name)} filters templates; templates are always enumerated, so it cannot be expanded`, at);
    else if (!names.has(name)) issues.add("config_schema_invalid", `expand names ${JSON.stringify(name)}, which is not an axis of the plan`, at);
    seen.add(name);
  });
  for (const axis of axes) {
    const at = ["scenario", "plan", "axes", axis.name];
    if (axis.expanded && axis.values.length === 0) {
      issues.add("plan_expansion_empty_axis", axis.name === "targets" ? "the targets selector matches no asset of the inventory" : `the expanded axis ${JSON.stringify(axis.name)} has no values`, at);
    } else if (!axis.expanded && axis.values.length !== 1) {
      issues.add("config_schema_invalid", `the axis ${JSON.stringify(axis.name)} is not expanded, so it must resolve to exactly one value, not ${axis.values.length}`, at);
    }
  }
}

/**
 * templates × the product of the expanded axes, exactly (a BigInt: 30 axes of 100 values are a
 * number no double holds). Only sizes are multiplied: no cell is made to count them.
 */
export function cellCount(templates: number, axes: readonly Axis[]): bigint {
  let count = BigInt(templates);
  for (const axis of axes) if (axis.expanded) count *= BigInt(axis.values.length);
  return count;
}
