import { own } from "@graphenix/core";
import { kindRuleOf } from "@graphenix/plan-format";
import type { DrawUnit, UnitStyle } from "./model.js";
import { label } from "./text.js";

/** The members of a v1 or v2 execution unit a picture shows. */
export interface PlanUnit {
  readonly unitKind: string;
  readonly actionKey?: string;
  readonly strategyKey?: string | null;
  readonly skillKey?: string;
  readonly modelSelection?: { readonly kind: string; readonly key?: string; readonly provider?: string; readonly model?: string };
}

const STYLE = { PRE: "pre", MAIN: "main", POST: "post", special: "special", output: "finalizer" } as const satisfies Record<string, UnitStyle>;

/** `cheap/default` for a profile choice, `direct openai:gpt-x` for a direct model. */
function modelText(selection: PlanUnit["modelSelection"]): string | undefined {
  if (!selection) return undefined;
  if (selection.kind === "directModel") return `direct ${selection.provider ?? ""}:${selection.model ?? ""}`;
  return selection.key;
}

/** What the unit runs: its skill, its utility action (with its strategy when that differs), or its pipeline phase. */
function nameOf(unit: PlanUnit, mainSkill: boolean): string | undefined {
  // Own members only (docs/architecture.md): a key on Object.prototype is not the unit's.
  if (mainSkill) return own(unit, "skillKey") as string | undefined;
  const strategy = (own(unit, "strategyKey") as string | null | undefined) ?? undefined;
  const action = own(unit, "actionKey") as string | undefined;
  if (action === undefined) return strategy;
  return strategy === undefined || strategy === action ? action : `${action} (${strategy})`;
}

/**
 * One unit: first line its run phase and what it runs (`PRE synthesis`, `MAIN brief-writer`), a
 * special unit's kind (`validation`) or `finalizer → <outputKey>`; second line its unit kind and
 * model (`mainSkill · vol/default`).
 */
export function drawUnit(id: string, unit: PlanUnit, version: "v1" | "v2", outputKey?: string): DrawUnit {
  const rule = kindRuleOf(version, unit.unitKind);
  const phase = rule?.phase ?? "MAIN";
  const model = modelText(unit.modelSelection);
  const kindLine = model === undefined ? unit.unitKind : `${unit.unitKind} · ${model}`;
  if (phase === "special") return { id, lines: label(model === undefined ? unit.unitKind : kindLine), style: STYLE.special };
  if (phase === "output") return { id, lines: label(outputKey === undefined ? "finalizer" : `finalizer → ${outputKey}`, kindLine), style: STYLE.output };
  const name = nameOf(unit, rule?.mainSkill === true);
  return { id, lines: label(name === undefined ? phase : `${phase} ${name}`, kindLine), style: STYLE[phase] };
}
