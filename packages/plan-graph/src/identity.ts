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
  return sha256Hex(
    canonicalize({
      v: 1,
      engine: basis.engine,
      technique_id: basis.technique_id,
      engine_test_id: basis.engine_test_id,
      parameters: { resolved_inputs_sha256: basis.resolved_inputs_sha256 },
      target_asset_id: basis.target_asset_id,
    }),
  );
}

/**
 * `action_id`: `pa_aid_v1_` + the first 32 hex digits of SHA-256 over the canonical bytes of
 * `{v:1, run_id, node_ordinal, engine, template_id, technique_id, engine_test_id,
 * parameters:{resolved_inputs_sha256}, target_asset_id}`. Never a counter.
 */
export function actionId(basis: ActionIdBasis): string {
  const hex = sha256Hex(
    canonicalize({
      v: 1,
      run_id: basis.run_id,
      node_ordinal: basis.node_ordinal,
      engine: basis.engine,
      template_id: basis.template_id,
      technique_id: basis.technique_id,
      engine_test_id: basis.engine_test_id,
      parameters: { resolved_inputs_sha256: basis.resolved_inputs_sha256 },
      target_asset_id: basis.target_asset_id,
    }),
  );
  return ACTION_ID_PREFIX + hex.slice(0, 32);
}
