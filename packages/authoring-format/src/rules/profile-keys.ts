import { asObject } from "@graphenix/core";
import type { RuleContext } from "./context.js";
import { visitModelSelections } from "./model-selections.js";

/** `tier/variant`: lowercase letters and digits, words joined by single dashes. */
export const PROFILE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every profile choice key is `tier/variant`; checked in model cases and fallback lists. */
export function profileKeysAreWellFormed({ graph, issues }: RuleContext): void {
  visitModelSelections(graph, (s, place) => {
    if (s.kind !== "profileChoice" || typeof s.key !== "string" || PROFILE_KEY.test(s.key)) return;
    issues.add("profile-key-malformed", `the profile key ${JSON.stringify(s.key)} is not of the form tier/variant (e.g. "cheap/default")`, [...place.path(), "key"]);
  });
}

/**
 * A `directModel` selection only where the graph's `policies.directModelPolicy` is `allow` (its
 * default is `forbid`): a graph that names a model directly against its own policy could never
 * become a plan, and the design is what has to change.
 */
export function directModelsAreAllowed({ graph, issues }: RuleContext): void {
  if (asObject(graph.document.policies)?.directModelPolicy === "allow") return;
  visitModelSelections(graph, (s, place) => {
    if (s.kind === "directModel") issues.add("direct-model-forbidden", "a directModel selection, but the graph's policies.directModelPolicy is not \"allow\"", place.path());
  });
}
