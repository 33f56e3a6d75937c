/**
 * Stable identities of plan-graph action nodes (DESIGN §6.1–6.3): both are SHA-256 over the
 * RFC 8785 bytes of a small basis object, so any implementation in any language reproduces them.
 */
import { canonicalize, sha256Hex } from "@graphenix/core";

/** What an action is, independent of the run: the basis of `action_key`. */
export interface ActionKeyBasis {
  readonly engine: string;
  readonly technique_id: string;
  readonly engine_test_id: string;
  /** `sha256:<64 hex>` over the canonical bytes of the resolved inputs. */
  readonly resolved_inputs_sha256: string;
  readonly target_asset_id: string;
}

/** One node of one run: the basis of `action_id`. */
export interface ActionIdBasis extends ActionKeyBasis {
  readonly run_id: string;
  readonly node_ordinal: number;
  readonly template_id: string;
}

export const ACTION_ID_PREFIX = "pa_aid_v1_";

// Strings with surrogates go through canonicalize, which rejects lone ones; for every other
// string JSON.stringify quotes exactly as RFC 8785 does.
const SURROGATE = /[\ud800-\udfff]/;
const q = (s: string): string => (SURROGATE.test(s) ? canonicalize(s) : JSON.stringify(s));

/** The members of both bases that one template of one run fixes. */
export type FixedBasis = Pick<ActionIdBasis, "engine" | "technique_id" | "engine_test_id" | "template_id" | "run_id">;

/** The fixed members of the action_key basis, quoted, in the two places they stand. */
interface QuotedKeyMembers {
  readonly head: string;
  readonly technique: string;
}

function quoteKeyMembers(b: Pick<ActionKeyBasis, "engine" | "engine_test_id" | "technique_id">): QuotedKeyMembers {
  return { head: `{"engine":${q(b.engine)},"engine_test_id":${q(b.engine_test_id)},`, technique: `,"technique_id":${q(b.technique_id)}` };
}

/*
 * The canonical texts of both bases, assembled with their members already in RFC 8785 order
 * (engine, engine_test_id, node_ordinal, parameters, run_id, target_asset_id, technique_id,
 * template_id, v): the same bytes as `canonicalize`, without building and sorting an object per
 * node (tested against it). Every string argument is already quoted.
 */
function keyText(k: QuotedKeyMembers, inputs: string, target: string): string {
  return `${k.head}"parameters":{"resolved_inputs_sha256":${inputs}},"target_asset_id":${target}${k.technique},"v":1}`;
}

function idText(k: QuotedKeyMembers, run: string, template: string, inputs: string, target: string, ordinal: number): string {
  // node_ordinal is a safe integer in every graph we write; anything else as canonicalize writes it.
  const n = Number.isSafeInteger(ordinal) ? String(ordinal) : canonicalize(ordinal);
  return `${k.head}"node_ordinal":${n},"parameters":{"resolved_inputs_sha256":${inputs}},"run_id":${run},"target_asset_id":${target}${k.technique},"template_id":${template},"v":1}`;
}

const idOf = (text: string) => ACTION_ID_PREFIX + sha256Hex(text).slice(0, 32);

/**
 * `action_key`: 64 lowercase hex, SHA-256 of the canonical bytes of
 * `{v:1, engine, technique_id, engine_test_id, parameters:{resolved_inputs_sha256}, target_asset_id}`.
 * The same action on the same target with the same inputs has the same key in every run.
 */
export function actionKey(basis: ActionKeyBasis): string {
  return sha256Hex(keyText(quoteKeyMembers(basis), q(basis.resolved_inputs_sha256), q(basis.target_asset_id)));
}

/**
 * `action_id`: `pa_aid_v1_` + the first 32 hex digits of SHA-256 over the canonical bytes of
 * `{v:1, run_id, node_ordinal, engine, template_id, technique_id, engine_test_id,
 * parameters:{resolved_inputs_sha256}, target_asset_id}`. Never a counter.
 */
export function actionId(b: ActionIdBasis): string {
  return idOf(idText(quoteKeyMembers(b), q(b.run_id), q(b.template_id), q(b.resolved_inputs_sha256), q(b.target_asset_id), b.node_ordinal));
}

/**
 * `[action_key, action_id]` of the nodes of one template in one run: the members the template
 * fixes are quoted once, not once per node (an expansion writes 100,000 identities from a handful
 * of templates), and each node's inputs digest and target once for both texts.
 */
export function identityWriter(fixed: FixedBasis): (resolvedInputsSha256: string, targetAssetId: string, nodeOrdinal: number) => [key: string, id: string] {
  const k = quoteKeyMembers(fixed);
  const run = q(fixed.run_id);
  const template = q(fixed.template_id);
  return (inputs, target, ordinal) => {
    const qi = q(inputs);
    const qt = q(target);
    return [sha256Hex(keyText(k, qi, qt)), idOf(idText(k, run, template, qi, qt, ordinal))];
  };
}
