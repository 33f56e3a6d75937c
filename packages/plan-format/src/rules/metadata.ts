import { asObject, asString } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/** A Timestamp the schema accepted is also a real calendar date (no February 30th). */
function isRealDate(timestamp: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(timestamp);
  if (!match) return true; // the schema reports the form
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Plan metadata agrees with itself: binding hashes equal the source and registry hashes. */
export function metadataIsConsistent({ view, issues }: PlanRuleContext): void {
  const { plan } = view;
  const createdAt = asString(plan.createdAt);
  if (createdAt !== undefined && !isRealDate(createdAt)) issues.add("plan-created-at-invalid", `createdAt ${JSON.stringify(createdAt)} is not a real date`, ["createdAt"]);
  const source = asObject(plan.source);
  const binding = asObject(plan.runtimeBinding);
  const registry = asObject(plan.profileRegistry);
  const graphHash = asString(source?.graphHash);
  const bound = asString(binding?.sourceGraphHash);
  if (graphHash !== undefined && bound !== undefined && graphHash !== bound) {
    issues.add("plan-source-hash-mismatch", "runtimeBinding.sourceGraphHash differs from source.graphHash: the plan is bound to another graph", ["runtimeBinding", "sourceGraphHash"]);
  }
  const registryHash = asString(registry?.registryHash);
  const boundRegistry = asString(binding?.profileRegistryHash);
  if (registryHash !== boundRegistry && (registryHash !== undefined || boundRegistry !== undefined)) {
    issues.add(
      "plan-registry-hash-mismatch",
      registryHash === undefined
        ? "runtimeBinding.profileRegistryHash is set but profileRegistry.registryHash is not"
        : "runtimeBinding.profileRegistryHash must equal profileRegistry.registryHash",
      ["runtimeBinding", "profileRegistryHash"],
    );
  }
}
