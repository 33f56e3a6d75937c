import { asObject, asString, jsonEqual, objectAt, own, type Obj } from "@graphenix/core";
import { PROFILE_KEY } from "@graphenix/authoring-format";
import { kindRuleOf, SLOT_WORDS } from "../unit-kinds.js";
import type { PlanRuleContext } from "./context.js";
import type { ModelSlotName } from "@graphenix/contracts";

/**
 * Model slots are resolved per node, and every unit uses the slot its kind calls for with exactly
 * the model its node's slot binding holds: PRE units the PRE-phase model slot, MAIN skill units
 * the MAIN-phase model slot, POST units the POST-phase model slot, finalizers the finalizer model
 * slot; local skills and special units run no model.
 */
export function modelSlotsAreResolved({ view, issues }: PlanRuleContext): void {
  for (const { unit, entry, path } of view.units) {
    const kind = asString(unit.unitKind);
    const rule = kindRuleOf(view.version, kind);
    if (!rule) continue; // the schema reports an unknown kind
    const slot = asString(own(unit, "modelSlot")) as ModelSlotName | undefined;
    if (rule.slot === null) {
      if (slot !== undefined) issues.add("unit-model-slot-mismatch", `a ${kind} unit runs no model, so it must not have a modelSlot`, [...path, "modelSlot"]);
      continue;
    }
    if (slot === undefined) {
      if (!rule.slotOptional) issues.add("unit-model-slot-mismatch", `a ${kind} unit needs the ${SLOT_WORDS[rule.slot]} (${rule.slot})`, [...path, "modelSlot"]);
      continue;
    }
    if (slot !== rule.slot) {
      issues.add("unit-model-slot-mismatch", `a ${kind} unit uses the ${SLOT_WORDS[rule.slot]} (${rule.slot}), not ${slot}`, [...path, "modelSlot"]);
      continue;
    }
    const binding = objectAt(entry.plan, "modelSlots", slot);
    if (!binding) {
      issues.add("model-slot-unresolved", `the unit uses the ${SLOT_WORDS[slot]}, but its node plan resolves no ${slot}`, [...path, "modelSlot"]);
      continue;
    }
    const selection = own(unit, "modelSelection");
    if (selection !== undefined && !jsonEqual(selection, own(binding, "selection"))) {
      issues.add("model-slot-mismatch", `modelSelection differs from the node's ${SLOT_WORDS[slot]} binding`, [...path, "modelSelection"]);
    }
    const source = own(unit, "modelSource");
    if (source !== undefined && source !== own(binding, "source")) {
      issues.add("model-slot-mismatch", `modelSource is ${JSON.stringify(source)} but the node's ${SLOT_WORDS[slot]} came from ${JSON.stringify(own(binding, "source"))}`, [...path, "modelSource"]);
    }
  }
}

/** Every model selection on the plan (slot bindings, units, fallback lists) in one place. */
function* selections(view: PlanRuleContext["view"]): Generator<[Obj, (string | number)[]]> {
  for (const entry of view.entries) {
    for (const [slot, binding] of Object.entries(objectAt(entry.plan, "modelSlots") ?? {})) {
      const selection = objectAt(binding, "selection");
      if (selection) yield [selection, [...entry.path, "modelSlots", slot, "selection"]];
    }
  }
  for (const { unit, path } of view.units) {
    const selection = objectAt(unit, "modelSelection");
    if (selection) yield [selection, [...path, "modelSelection"]];
    const models = own(objectAt(unit, "fallbackPolicy"), "models");
    if (Array.isArray(models)) for (const [i, m] of models.entries()) if (asObject(m)) yield [m as Obj, [...path, "fallbackPolicy", "models", i]];
  }
}

/** Profile choice keys are `tier/variant`; direct models only where the direct model policy allows (v2). */
export function modelSelectionsAreAllowed({ view, issues }: PlanRuleContext): void {
  const policy = asString(own(objectAt(view.plan, "policies"), "directModelPolicy"));
  for (const [selection, path] of selections(view)) {
    if (selection.kind === "profileChoice" && typeof selection.key === "string" && !PROFILE_KEY.test(selection.key)) {
      issues.add("profile-key-malformed", `the profile key ${JSON.stringify(selection.key)} is not of the form tier/variant (e.g. "cheap/default")`, [...path, "key"]);
    }
    if (view.version === "v2" && selection.kind === "directModel" && policy !== "allow") {
      issues.add("direct-model-forbidden", "a directModel selection, but the plan's direct model policy is not \"allow\"", path);
    }
  }
}
