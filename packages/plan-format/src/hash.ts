import { canonicalize, DIGEST_PREFIX, sha256Hex } from "@graphenix/core";

/**
 * The plan's RFC 8785 canonical text, without its top-level `planHash` member (everything else,
 * `createdAt` and `planId` included, stays in). Throws `CanonicalizationError` for a value JSON
 * cannot carry; validate plans from users first (validation reports such values as issues).
 */
export function canonicalizePlan(plan: object): string {
  return canonicalize(withoutPlanHash(plan));
}

/** The plan without `planHash`, copied shallowly; a plan that throws when read gives what canonicalize makes of it. */
function withoutPlanHash(plan: object): unknown {
  try {
    if (!Object.prototype.hasOwnProperty.call(plan, "planHash")) return plan;
    const { planHash, ...rest } = plan as Record<string, unknown>;
    return rest;
  } catch {
    // Reading it threw (a getter or a Proxy that throws): canonicalize reads it again and throws
    // its CanonicalizationError (jcs-unreadable), as for any value JSON cannot carry.
    return plan;
  }
}

/** `sha256:` over the UTF-8 bytes of {@link canonicalizePlan}: the value `planHash` must hold. */
export function computePlanHash(plan: object): string {
  return DIGEST_PREFIX + sha256Hex(canonicalizePlan(plan));
}
