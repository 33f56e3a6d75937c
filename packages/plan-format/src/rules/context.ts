import type { IssueCollector, ValidationLimits } from "@graphenix/core";
import type { PlanView } from "../plan-view.js";

/** What a plan rule gets. Rules read the plan defensively and push issues; they never throw. */
export interface PlanRuleContext {
  readonly view: PlanView;
  readonly issues: IssueCollector;
  readonly limits: ValidationLimits;
}

export type PlanRule = (context: PlanRuleContext) => void;
