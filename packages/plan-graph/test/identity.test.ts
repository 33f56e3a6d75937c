import { describe, expect, it } from "vitest";
import { canonicalize, sha256Hex } from "@graphenix/core";
import { actionId, actionKey } from "@graphenix/plan-graph";

// The known vectors of issue #6 (DESIGN §6.1).
const basis = {
  engine: "atomic",
  technique_id: "T1059.001",
  engine_test_id: "11111111-1111-1111-1111-111111111111",
  resolved_inputs_sha256: "sha256:89ee1bafcd7626afc7c3fdd5d14b2fe36070fb9d8518e44adb13b77aed137caa",
  target_asset_id: "asset-001",
};

describe("action_key", () => {
  it("reproduces the known vectors", () => {
    expect(actionKey(basis)).toBe("e09ec76d5eb6b7bce3bfdc9d2af913e0a97980c2cda363c9de1afd57b3905983");
    expect(actionKey({ ...basis, target_asset_id: "asset-002" })).toBe("65527f5030f5f6f1526d2427c2e3c049a75b4b903b82630c6c216cd0c3b27836");
  });

  it("is SHA-256 of exactly the documented canonical basis", () => {
    const text = '{"engine":"atomic","engine_test_id":"11111111-1111-1111-1111-111111111111","parameters":{"resolved_inputs_sha256":"sha256:89ee1bafcd7626afc7c3fdd5d14b2fe36070fb9d8518e44adb13b77aed137caa"},"target_asset_id":"asset-001","technique_id":"T1059.001","v":1}';
    expect(canonicalize({ v: 1, engine: basis.engine, technique_id: basis.technique_id, engine_test_id: basis.engine_test_id, parameters: { resolved_inputs_sha256: basis.resolved_inputs_sha256 }, target_asset_id: basis.target_asset_id })).toBe(text);
    expect(actionKey(basis)).toBe(sha256Hex(text));
  });
});

describe("action_id", () => {
  const idBasis = { ...basis, run_id: "run-2026-06-06", node_ordinal: 0, template_id: "tpl-powershell" };

  it("is pa_aid_v1_ + 32 hex of the documented basis", () => {
    const text = canonicalize({ v: 1, run_id: idBasis.run_id, node_ordinal: 0, engine: "atomic", template_id: "tpl-powershell", technique_id: basis.technique_id, engine_test_id: basis.engine_test_id, parameters: { resolved_inputs_sha256: basis.resolved_inputs_sha256 }, target_asset_id: "asset-001" });
    expect(actionId(idBasis)).toBe(`pa_aid_v1_${sha256Hex(text).slice(0, 32)}`);
    expect(actionId(idBasis)).toMatch(/^pa_aid_v1_[0-9a-f]{32}$/);
  });

  it("changes with the run and the ordinal, while action_key does not", () => {
    const other = { ...idBasis, run_id: "run-2026-06-07", node_ordinal: 1 };
    expect(actionId(other)).not.toBe(actionId(idBasis));
    expect(actionKey(other)).toBe(actionKey(idBasis));
  });
});

describe("identities equal SHA-256 of canonicalize(basis) for any strings", () => {
  it("on 2,000 generated bases", async () => {
    const fc = (await import("fast-check")).default;
    const str = fc.string({ unit: "binary", maxLength: 12 });
    fc.assert(
      fc.property(str, str, str, str, str, str, str, fc.nat(), (engine, technique_id, engine_test_id, resolved, target, run_id, template_id, node_ordinal) => {
        const b = { engine, technique_id, engine_test_id, resolved_inputs_sha256: resolved, target_asset_id: target };
        const keyText = canonicalize({ v: 1, engine, technique_id, engine_test_id, parameters: { resolved_inputs_sha256: resolved }, target_asset_id: target });
        expect(actionKey(b)).toBe(sha256Hex(keyText));
        const idText = canonicalize({ v: 1, run_id, node_ordinal, engine, template_id, technique_id, engine_test_id, parameters: { resolved_inputs_sha256: resolved }, target_asset_id: target });
        expect(actionId({ ...b, run_id, template_id, node_ordinal })).toBe(`pa_aid_v1_${sha256Hex(idText).slice(0, 32)}`);
      }),
      { numRuns: 2_000, seed: 21 },
    );
  });

  it("a lone surrogate in a basis is refused, as canonicalize refuses it", () => {
    expect(() => actionKey({ ...basis, engine: "\ud800" })).toThrow(/jcs-lone-surrogate/);
  });
});
