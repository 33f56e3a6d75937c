import type { IssueCollector, ValidationLimits } from "@graphenix/core";
import type { GraphView } from "../graph-view.js";

/** What a rule gets: the graph, the issues to push into, and the limits in force. */
export interface RuleContext {
  readonly graph: GraphView;
  readonly issues: IssueCollector;
  readonly limits: ValidationLimits;
}

/** A semantic rule: a small named function that pushes issues (it never throws). */
export type Rule = (context: RuleContext) => void;
