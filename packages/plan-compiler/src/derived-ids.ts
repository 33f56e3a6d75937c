import type { IssueCollector } from "@graphenix/core";
import { MAX_IDENTIFIER_LENGTH as MAX_ID_LENGTH } from "./options.js";

type Plans = Readonly<Record<string, { readonly executionUnits: readonly { readonly unitId: string }[] }>>;

/**
 * The unit ids a plan derives from node ids (`unit:<node id>:<phase>:<order>`) stay identifiers:
 * a node id near the 256-character limit, which the authoring graph accepts, would make them
 * longer. Reported on the node, as an issue of the design (the plan could not be built), not of
 * the plan. True when every id fits.
 */
export function derivedIdsFit(body: { readonly nodePlans: Plans; readonly finalizerPlans: Plans }, issues: IssueCollector): boolean {
  let fit = true;
  for (const plans of [body.nodePlans, body.finalizerPlans]) {
    for (const [id, plan] of Object.entries(plans)) {
      const longest = plan.executionUnits.reduce((max, unit) => (unit.unitId.length > max.length ? unit.unitId : max), "");
      if (longest.length <= MAX_ID_LENGTH) continue;
      fit = false;
      issues.add("compile-id-too-long", `the node id is too long for the unit ids the plan derives from it: ${JSON.stringify(`${longest.slice(0, 40)}…`)} would be ${longest.length} characters, more than ${MAX_ID_LENGTH}`, ["authoringGraph", "nodes", id]);
    }
  }
  return fit;
}
