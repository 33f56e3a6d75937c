import { asObject, asString, isRealDate, own } from "@graphenix/core";
import type { PlanRuleContext } from "./context.js";

/** Plan metadata agrees with itself: binding hashes equal the source and registry hashes. */
export function metadataIsConsistent({ view, issues }: PlanRuleContext): void {
  const { plan } = view;
  const createdAt = asString(plan.createdAt);
  if (createdAt !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(createdAt) && !isRealDate(createdAt)) issues.add("plan-created-at-invalid", `createdAt ${JSON.stringify(createdAt)} is not a real date`, ["createdAt"]);
  const source = asObject(plan.source);
  const binding = asObject(plan.runtimeBinding);
  const registry = asObject(plan.profileRegistry);
  const graphHash = asString(source?.graphHash);
  const bound = asString(binding?.sourceGraphHash);
  if (graphHash !== undefined && bound !== undefined && graphHash !== bound) {
    issues.add("plan-source-hash-mismatch", "runtimeBinding.sourceGraphHash differs from source.graphHash: the plan is bound to another graph", ["runtimeBinding", "sourceGraphHash"]);
  }
  const registryHash = asString(own(registry, "registryHash"));
  const boundRegistry = asString(own(binding, "profileRegistryHash"));
  // Without a runtimeBinding object there is nothing to compare (the schema reports it).
  if (binding !== undefined && registryHash !== boundRegistry && (registryHash !== undefined || boundRegistry !== undefined)) {
    issues.add(
      "plan-registry-hash-mismatch",
      registryHash === undefined
        ? "runtimeBinding.profileRegistryHash is set but profileRegistry.registryHash is not"
        : "runtimeBinding.profileRegistryHash must equal profileRegistry.registryHash",
      ["runtimeBinding", "profileRegistryHash"],
    );
  }
}
