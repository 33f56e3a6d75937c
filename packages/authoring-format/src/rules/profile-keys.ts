import { asArray, asObject, ownEntries } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** `tier/variant`: lowercase letters and digits, words joined by single dashes. */
export const PROFILE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SLOTS = ["preActionModel", "skillModel", "postActionModel", "finalizerModel"] as const;

/** Every profile choice key is `tier/variant`; checked in model cases and fallback lists. */
export function profileKeysAreWellFormed({ graph, issues }: RuleContext): void {
  const check = (selection: unknown, path: (string | number)[]) => {
    const s = asObject(selection);
    if (s?.kind !== "profileChoice" || typeof s.key !== "string") return;
    if (!PROFILE_KEY.test(s.key)) {
      issues.add("profile-key-malformed", `the profile key ${JSON.stringify(s.key)} is not of the form tier/variant (e.g. "cheap/default")`, [...path, "key"]);
    }
  };
  const checkCases = (cases: unknown, path: (string | number)[]) => {
    for (const [caseId, modelCase] of ownEntries(cases)) {
      for (const slot of SLOTS) check(asObject(modelCase)?.[slot], [...path, caseId, slot]);
    }
  };
  const checkFallback = (policies: unknown, path: (string | number)[]) => {
    asArray(asObject(asObject(policies)?.fallback)?.models).forEach((m, i) => check(m, [...path, "fallback", "models", i]));
  };
  checkCases(graph.document.modelCases, ["modelCases"]);
  checkFallback(graph.document.policies, ["policies"]);
  for (const [id, node] of graph.nodes) {
    checkCases(node.modelCases, ["nodes", id, "modelCases"]);
    checkFallback(node.policies, ["nodes", id, "policies"]);
  }
}
