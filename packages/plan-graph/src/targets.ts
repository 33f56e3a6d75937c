import type { LabAsset, TargetSelector } from "@graphenix/contracts";
import { compareUtf8 } from "@graphenix/core";

/** The assets a selector matches, in UTF-8 byte order of `asset_id` (DESIGN §6.5: `ws-10` before `ws-2`). */
export function matchTargets(assets: readonly LabAsset[], selector: TargetSelector): LabAsset[] {
  return assets
    .filter(
      (asset) =>
        (selector.os === undefined || asset.os === selector.os) &&
        (selector.role === undefined || asset.role === selector.role) &&
        (selector.tags ?? []).every((tag) => (asset.tags ?? []).includes(tag)),
    )
    .sort((a, b) => compareUtf8(a.asset_id, b.asset_id));
}
