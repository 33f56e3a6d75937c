import { isRealDate, own, type ValidationLimits } from "@graphenix/core";
import type { GraphRuntimeObject } from "@graphenix/contracts";

/** Thrown for misuse of the compiler's own options (never for anything in the documents). */
export class CompileOptionsError extends Error {
  override readonly name = "CompileOptionsError";
}

export type PlanFormatChoice = "v2" | "v1";

export interface CompileOptions {
  /** The plan's `createdAt`: an RFC 3339 UTC timestamp, or a function returning one. Required: the compiler reads no clock. */
  readonly now: string | (() => string);
  /** The profile registry; needed when the runtime object has none, and must agree with it when it has one. */
  readonly profileRegistry?: GraphRuntimeObject["profileRegistry"];
  /** `v2` (default) or `v1` for legacy engines. */
  readonly format?: PlanFormatChoice;
  /**
   * The plan id: a fixed id, or a function of the plan's content digest. Default: `plan:` + the
   * first 24 hex digits of the content digest, the digest of what the plan is a function of
   * (`{ v: 1, format, graphHash, runtime, profileRegistry }`), so the same inputs always get the
   * same id, whenever they are compiled.
   */
  readonly planId?: string | ((contentDigest: string) => string);
  /**
   * The document limits (docs/limits.md) for both inputs and for the compiled plan's own
   * validation; default `DEFAULT_VALIDATION_LIMITS`. Raise `maxNodes` to compile larger graphs.
   */
  readonly limits?: Partial<ValidationLimits>;
}

export const TIMESTAMP = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?Z$/;

export function createdAtFrom(options: CompileOptions): string {
  if (options === null || typeof options !== "object") throw new CompileOptionsError("compileExecutablePlan needs options with at least { now }");
  // Options are read as own members, as documents are (docs/architecture.md, "Own members only").
  const given = own(options, "now");
  const now: unknown = typeof given === "function" ? (given as () => unknown).call(options) : given;
  if (typeof now !== "string" || !TIMESTAMP.test(now) || !isRealDate(now)) {
    throw new CompileOptionsError(`options.now must be (or return) an RFC 3339 UTC timestamp such as "2026-06-06T12:00:00.000Z", not ${JSON.stringify(now)}`);
  }
  return now;
}

export function formatFrom(options: CompileOptions): PlanFormatChoice {
  const format = (own(options, "format") as PlanFormatChoice | undefined) ?? "v2";
  if (format !== "v2" && format !== "v1") throw new CompileOptionsError(`options.format must be "v2" or "v1", not ${JSON.stringify(format)}`);
  return format;
}

/** The plan schema's `Identifier` (schemas/common.v1.schema.json; a test holds the two equal). */
export const IDENTIFIER = /^[A-Za-z0-9_][A-Za-z0-9_.:@+-]*$/;
/** Its `maxLength`. */
export const MAX_IDENTIFIER_LENGTH = 256;

/**
 * The plan id: `options.planId` (a fixed id, or a function of the content digest), else `plan:` and
 * the first 24 hex digits of the digest. An id the plan schema would refuse is a misuse of the
 * options, not something wrong with the documents.
 */
export function planIdFrom(options: CompileOptions, contentDigest: string): string {
  const chosen = own(options, "planId") as CompileOptions["planId"];
  if (chosen === undefined) return `plan:${contentDigest.slice("sha256:".length, "sha256:".length + 24)}`;
  const id: unknown = typeof chosen === "function" ? chosen(contentDigest) : chosen;
  if (typeof id !== "string" || id.length > MAX_IDENTIFIER_LENGTH || !IDENTIFIER.test(id)) {
    throw new CompileOptionsError(`options.planId must be (or return) an identifier: 1 to 256 of letters, digits and _ . : @ + - not starting with . : @ + -, not ${JSON.stringify(id)}`);
  }
  return id;
}
