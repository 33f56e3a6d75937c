import { asObject, type IssueCollector } from "@graphenix/core";
import type { RuleContext } from "./context.js";

/** `tier/variant`: lowercase letters and digits, words joined by single dashes. */
export const PROFILE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SLOTS = ["preActionModel", "skillModel", "postActionModel", "finalizerModel"] as const;

type Path = readonly (string | number)[];

/** Reports `selection` when it is a profile choice whose key is not `tier/variant`; its path is `[...at, ...tail, "key"]`. */
function checkSelection(selection: unknown, issues: IssueCollector, at: Path, ...tail: (string | number)[]): void {
  const s = asObject(selection);
  if (s?.kind !== "profileChoice" || typeof s.key !== "string" || PROFILE_KEY.test(s.key)) return;
  issues.add("profile-key-malformed", `the profile key ${JSON.stringify(s.key)} is not of the form tier/variant (e.g. "cheap/default")`, [...at, ...tail, "key"]);
}

function checkCases(cases: unknown, issues: IssueCollector, at: Path): void {
  const obj = asObject(cases);
  if (!obj) return;
  for (const caseId of Object.keys(obj)) {
    const modelCase = asObject(obj[caseId]);
    if (modelCase) for (const slot of SLOTS) checkSelection(modelCase[slot], issues, at, caseId, slot);
  }
}

function checkFallback(policies: unknown, issues: IssueCollector, at: Path): void {
  const models = asObject(asObject(policies)?.fallback)?.models;
  if (!Array.isArray(models)) return;
  for (let i = 0; i < models.length; i++) checkSelection(models[i], issues, at, "fallback", "models", i);
}

/** Every profile choice key is `tier/variant`; checked in model cases and fallback lists. */
export function profileKeysAreWellFormed({ graph, issues }: RuleContext): void {
  checkCases(graph.document.modelCases, issues, ["modelCases"]);
  checkFallback(graph.document.policies, issues, ["policies"]);
  for (const [id, node] of graph.nodes) {
    // Paths are made only when a node has something to check.
    if (node.modelCases !== undefined) checkCases(node.modelCases, issues, ["nodes", id, "modelCases"]);
    if (node.policies !== undefined) checkFallback(node.policies, issues, ["nodes", id, "policies"]);
  }
}
