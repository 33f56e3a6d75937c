import { asArray, asObject, asString, jsonEqual, objectAt, type Obj } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** A utility unit of a task node's PRE or POST phase, or a MAIN-phase wrapper, and where it is. */
export interface UtilityView {
  readonly phase: "PRE" | "POST" | "MAIN";
  readonly utility: Obj;
  /** Its path, made only when an issue needs it. */
  path(): (string | number)[];
}

// Both utility rules read the same list; make it once per node object.
const cache = new WeakMap<Obj, UtilityView[]>();

/** Every PRE / POST utility (strategies and plan-phase action lists) and MAIN wrapper of a task node. */
export function taskUtilities(id: string, node: Obj): UtilityView[] {
  const cached = cache.get(node);
  if (cached) return cached;
  const out: UtilityView[] = [];
  const params = objectAt(node, "parameters");
  if (node.type === "task" && params) {
    const strategies = objectAt(params, "taskConfiguration", "aiTaskStrategies");
    for (const [key, phase] of [["pre", "PRE"], ["post", "POST"]] as const) {
      const utility = asObject(strategies?.[key]);
      if (utility) out.push({ phase, utility, path: () => ["nodes", id, "parameters", "taskConfiguration", "aiTaskStrategies", key] });
    }
    for (const [list, phase] of [["preActions", "PRE"], ["postActions", "POST"], ["executionStrategies", "MAIN"]] as const) {
      asArray(params[list]).forEach((raw, i) => {
        const utility = asObject(raw);
        if (utility) out.push({ phase, utility, path: () => ["nodes", id, "parameters", list, i] });
      });
    }
  }
  cache.set(node, out);
  return out;
}

/** The utilities a fact-guard may guard (GLOSSARY §6). */
export const FACT_GUARD_UTILITIES: ReadonlySet<string> = new Set(["synthesis", "polish", "audit"]);

/** `inputsConfig` and `smartInput` belong to the MAIN skill, never to a PRE or POST utility. */
export function mainOnlyFieldsStayInMain({ graph, issues }: RuleContext): void {
  for (const [id, node] of graph.nodes) {
    for (const { phase, utility, path } of taskUtilities(id, node)) {
      if (phase === "MAIN") continue;
      const params = asObject(utility.unitParams);
      for (const field of ["inputsConfig", "smartInput"]) {
        if (params && field in params) {
          issues.add("main-only-field", `${field} is MAIN-only; a ${phase}-phase utility must not carry it (use the task's parameters.${field})`, [...path(), "unitParams", field]);
        }
      }
    }
  }
}

/** A fact-guard only on `synthesis`, `polish` or `audit` utilities, and `enabled: true` names its policy. */
export function factGuardsAreValid({ graph, issues }: RuleContext): void {
  for (const [id, node] of graph.nodes) {
    for (const { phase, utility, path } of taskUtilities(id, node)) {
      const guard = asObject(asObject(utility.unitParams)?.factGuard);
      if (!guard) continue;
      const guardPath = () => [...path(), "unitParams", "factGuard"];
      const key = asString(utility.strategyKey) ?? asString(utility.actionKey);
      if (phase === "MAIN") {
        issues.add("fact-guard-not-allowed", "a fact-guard guards a PRE- or POST-phase utility (synthesis, polish, audit), not a MAIN-phase wrapper", guardPath());
      } else if (key === undefined || !FACT_GUARD_UTILITIES.has(key)) {
        issues.add("fact-guard-not-allowed", `a fact-guard is only for the synthesis, polish and audit utilities, not ${JSON.stringify(key)}`, guardPath());
      }
      if (guard.enabled === true && asString(guard.policyId) === undefined) {
        issues.add("fact-guard-policy-required", "an enabled fact-guard needs a policyId", guardPath());
      }
    }
  }
}

/**
 * A PRE utility's `unitParams.memoryPaths`, when given, are the node's
 * `aiTaskProfile.inputSynthesis.sources`, or `[]` when none are authored: PRE reads come from the
 * skill input synthesis sources (GLOSSARY §5), so the plan can carry them unchanged.
 */
export function preMemoryPathsFollowSources({ graph, issues }: RuleContext): void {
  for (const [id, node] of graph.nodes) {
    const sources = objectAt(node, "parameters", "aiTaskProfile", "inputSynthesis")?.sources;
    const expected = Array.isArray(sources) ? sources : [];
    for (const { phase, utility, path } of taskUtilities(id, node)) {
      const memoryPaths = asObject(utility.unitParams)?.memoryPaths;
      if (phase !== "PRE" || memoryPaths === undefined || jsonEqual(memoryPaths, expected)) continue;
      const where = Array.isArray(sources) ? "the node's aiTaskProfile.inputSynthesis.sources" : "[] (no inputSynthesis.sources are authored)";
      issues.add("pre-reads-mismatch", `a PRE utility's unitParams.memoryPaths must be ${where}`, [...path(), "unitParams", "memoryPaths"]);
    }
  }
}
