import type { LabAsset, TargetSelector } from "@graphenix/contracts";
import { compareUtf8, own } from "@graphenix/core";

/** A selector that does not set `name` (os, role) matches every asset; one that does, the assets whose own `name` equals it. */
function matches(selector: TargetSelector, asset: LabAsset, name: "os" | "role"): boolean {
  const wanted = own(selector, name);
  return wanted === undefined || own(asset, name) === wanted;
}

/** The assets a selector matches, in UTF-8 byte order of `asset_id` (DESIGN §6.5: `ws-10` before `ws-2`). */
export function matchTargets(assets: readonly LabAsset[], selector: TargetSelector): LabAsset[] {
  return assets
    .filter(
      (asset) =>
        matches(selector, asset, "os") &&
        matches(selector, asset, "role") &&
        ((own(selector, "tags") as string[] | undefined) ?? []).every((tag) => ((own(asset, "tags") as string[] | undefined) ?? []).includes(tag)),
    )
    .sort((a, b) => compareUtf8(a.asset_id, b.asset_id));
}
