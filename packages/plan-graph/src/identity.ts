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

/**
 * `action_key`: 64 lowercase hex, SHA-256 of the canonical bytes of
 * `{v:1, engine, technique_id, engine_test_id, parameters:{resolved_inputs_sha256}, target_asset_id}`.
 * The same action on the same target with the same inputs has the same key in every run.
 */
export function actionKey(basis: ActionKeyBasis): string {
  return sha256Hex(keyBasisText(basis));
}

// Strings with surrogates go through canonicalize, which rejects lone ones; for every other
// string JSON.stringify quotes exactly as RFC 8785 does.
const SURROGATE = /[\ud800-\udfff]/;
const q = (s: string): string => (SURROGATE.test(s) ? canonicalize(s) : JSON.stringify(s));

/**
 * The canonical text of the action_key basis, assembled with its members already in RFC 8785
 * order (engine, engine_test_id, parameters, target_asset_id, technique_id, v): the same bytes as
 * `canonicalize`, without building and sorting an object per node (tested against it).
 */
function keyBasisText(b: ActionKeyBasis): string {
  return `{"engine":${q(b.engine)},"engine_test_id":${q(b.engine_test_id)},"parameters":{"resolved_inputs_sha256":${q(b.resolved_inputs_sha256)}},"target_asset_id":${q(b.target_asset_id)},"technique_id":${q(b.technique_id)},"v":1}`;
}

/**
 * `action_id`: `pa_aid_v1_` + the first 32 hex digits of SHA-256 over the canonical bytes of
 * `{v:1, run_id, node_ordinal, engine, template_id, technique_id, engine_test_id,
 * parameters:{resolved_inputs_sha256}, target_asset_id}`. Never a counter.
 */
export function actionId(basis: ActionIdBasis): string {
  const b = basis;
  // Members in RFC 8785 order; node_ordinal is a safe integer, written as canonicalize would.
  const ordinal = Number.isSafeInteger(b.node_ordinal) ? String(b.node_ordinal) : canonicalize(b.node_ordinal);
  const text = `{"engine":${q(b.engine)},"engine_test_id":${q(b.engine_test_id)},"node_ordinal":${ordinal},"parameters":{"resolved_inputs_sha256":${q(b.resolved_inputs_sha256)}},"run_id":${q(b.run_id)},"target_asset_id":${q(b.target_asset_id)},"technique_id":${q(b.technique_id)},"template_id":${q(b.template_id)},"v":1}`;
  return ACTION_ID_PREFIX + sha256Hex(text).slice(0, 32);
}
