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

/** Both identities of the nodes of one template in one run. */
export interface IdentityWriter {
  key(resolvedInputsSha256: string, targetAssetId: string): string;
  id(resolvedInputsSha256: string, targetAssetId: string, nodeOrdinal: number): string;
  /** `[action_key, action_id]` of one node: each varying member quoted once for both. */
  both(resolvedInputsSha256: string, targetAssetId: string, nodeOrdinal: number): [key: string, id: string];
}

/**
 * The canonical texts of both bases, assembled with their members already in RFC 8785 order
 * (engine, engine_test_id, node_ordinal, parameters, run_id, target_asset_id, technique_id,
 * template_id, v): the same bytes as `canonicalize`, without building and sorting an object per
 * node (tested against it). The members a template fixes are quoted once, not once per node: an
 * expansion writes 100,000 identities from a handful of templates.
 */
export function identityWriter(fixed: FixedBasis): IdentityWriter {
  const head = `{"engine":${q(fixed.engine)},"engine_test_id":${q(fixed.engine_test_id)},`;
  const technique = `,"technique_id":${q(fixed.technique_id)}`;
  const keyText = (inputs: string, target: string) => `${head}"parameters":{"resolved_inputs_sha256":${inputs}},"target_asset_id":${target}${technique},"v":1}`;
  const idRun = `},"run_id":${q(fixed.run_id)},"target_asset_id":`;
  const idTail = `${technique},"template_id":${q(fixed.template_id)},"v":1}`;
  const idText = (inputs: string, target: string, ordinal: number) => {
    // node_ordinal is a safe integer in every graph we write; anything else as canonicalize writes it.
    const n = Number.isSafeInteger(ordinal) ? String(ordinal) : canonicalize(ordinal);
    return `${head}"node_ordinal":${n},"parameters":{"resolved_inputs_sha256":${inputs}${idRun}${target}${idTail}`;
  };
  const key = (inputs: string, target: string) => sha256Hex(keyText(inputs, target));
  const id = (inputs: string, target: string, ordinal: number) => ACTION_ID_PREFIX + sha256Hex(idText(inputs, target, ordinal)).slice(0, 32);
  return {
    key: (inputs, target) => key(q(inputs), q(target)),
    id: (inputs, target, ordinal) => id(q(inputs), q(target), ordinal),
    both: (inputs, target, ordinal) => {
      const qi = q(inputs);
      const qt = q(target);
      return [key(qi, qt), id(qi, qt, ordinal)];
    },
  };
}

/**
 * `action_key`: 64 lowercase hex, SHA-256 of the canonical bytes of
 * `{v:1, engine, technique_id, engine_test_id, parameters:{resolved_inputs_sha256}, target_asset_id}`.
 * The same action on the same target with the same inputs has the same key in every run.
 */
export function actionKey(basis: ActionKeyBasis): string {
  return identityWriter({ ...basis, template_id: "", run_id: "" }).key(basis.resolved_inputs_sha256, basis.target_asset_id);
}

/**
 * `action_id`: `pa_aid_v1_` + the first 32 hex digits of SHA-256 over the canonical bytes of
 * `{v:1, run_id, node_ordinal, engine, template_id, technique_id, engine_test_id,
 * parameters:{resolved_inputs_sha256}, target_asset_id}`. Never a counter.
 */
export function actionId(basis: ActionIdBasis): string {
  return identityWriter(basis).id(basis.resolved_inputs_sha256, basis.target_asset_id, basis.node_ordinal);
}
