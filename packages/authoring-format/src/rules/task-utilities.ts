import { asObject, asString, jsonEqual } from "@graphenix/core";
import type { UtilityView } from "../utility-view.js";
import type { RuleContext } from "./context.js";

/** The utilities a fact-guard may guard (GLOSSARY §6). */
export const FACT_GUARD_UTILITIES: ReadonlySet<string> = new Set(["synthesis", "polish", "audit"]);

const MAIN_ONLY = ["inputsConfig", "smartInput"] as const;

/** `inputsConfig` and `smartInput` belong to the MAIN skill, never to a PRE or POST utility. */
export function mainOnlyFieldsStayInMain({ graph, issues }: RuleContext): void {
  for (const view of graph.utilities) {
    if (view.phase === "MAIN") continue;
    const params = asObject(view.utility.unitParams);
    if (!params) continue;
    for (const field of MAIN_ONLY) {
      if (field in params) {
        issues.add("main-only-field", `${field} is MAIN-only; a ${view.phase}-phase utility must not carry it (use the task's parameters.${field})`, [...view.path(), "unitParams", field]);
      }
    }
  }
}

const guardPath = (view: UtilityView) => [...view.path(), "unitParams", "factGuard"];

/** A fact-guard only on `synthesis`, `polish` or `audit` utilities, and `enabled: true` names its policy. */
export function factGuardsAreValid({ graph, issues }: RuleContext): void {
  for (const view of graph.utilities) {
    const { phase, utility } = view;
    const guard = asObject(asObject(utility.unitParams)?.factGuard);
    if (!guard) continue;
    const key = asString(utility.strategyKey) ?? asString(utility.actionKey);
    if (phase === "MAIN") {
      issues.add("fact-guard-not-allowed", "a fact-guard guards a PRE- or POST-phase utility (synthesis, polish, audit), not a MAIN-phase wrapper", guardPath(view));
    } else if (key === undefined || !FACT_GUARD_UTILITIES.has(key)) {
      issues.add("fact-guard-not-allowed", `a fact-guard is only for the synthesis, polish and audit utilities, not ${JSON.stringify(key)}`, guardPath(view));
    }
    if (guard.enabled === true && asString(guard.policyId) === undefined) {
      issues.add("fact-guard-policy-required", "an enabled fact-guard needs a policyId", guardPath(view));
    }
  }
}

/**
 * A PRE utility's `unitParams.memoryPaths`, when given, are the node's
 * `aiTaskProfile.inputSynthesis.sources`, or `[]` when none are authored: PRE reads come from the
 * skill input synthesis sources (GLOSSARY §5), so the plan can carry them unchanged.
 */
export function preMemoryPathsFollowSources({ graph, issues }: RuleContext): void {
  for (const view of graph.utilities) {
    const memoryPaths = view.phase === "PRE" ? asObject(view.utility.unitParams)?.memoryPaths : undefined;
    if (memoryPaths === undefined) continue;
    const sources = asObject(asObject(asObject(view.node.parameters)?.aiTaskProfile)?.inputSynthesis)?.sources;
    if (jsonEqual(memoryPaths, Array.isArray(sources) ? sources : [])) continue;
    const where = Array.isArray(sources) ? "the node's aiTaskProfile.inputSynthesis.sources" : "[] (no inputSynthesis.sources are authored)";
    issues.add("pre-reads-mismatch", `a PRE utility's unitParams.memoryPaths must be ${where}`, [...view.path(), "unitParams", "memoryPaths"]);
  }
}
