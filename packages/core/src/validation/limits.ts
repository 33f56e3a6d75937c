import { own } from "./json-access.js";

/** Limits every validator applies before the real work (docs/limits.md). */
export interface ValidationLimits {
  /** Deepest nesting of arrays and objects (at most MAX_VALIDATION_DEPTH). */
  readonly maxDepth: number;
  /** Longest string, in UTF-16 code units (member names included). */
  readonly maxStringLength: number;
  /** Most graph nodes a document may hold. */
  readonly maxNodes: number;
  /** Most issues reported; past it one `issues-truncated` issue says how many were left out. */
  readonly maxIssues: number;
}

/**
 * The deepest nesting any validator examines, whatever `maxDepth` says: validators walk documents
 * recursively for speed, and this keeps every walk far from the stack's limit. At 2,000 a compile
 * at that depth needed 800 of the default 984 KB of stack (a review found it failing at 700 KB);
 * a test compiles a graph 1,000 deep with half the default stack.
 */
export const MAX_VALIDATION_DEPTH = 1_000;

export const DEFAULT_VALIDATION_LIMITS: ValidationLimits = {
  maxDepth: 128,
  maxStringLength: 1_048_576,
  maxNodes: 100_000,
  maxIssues: 200,
};

export interface ValidationOptions {
  readonly limits?: Partial<ValidationLimits>;
  /**
   * `false` skips the whole-document scan (limits, credentials, non-JSON values). Only for a
   * validator checking a document embedded in one it has already scanned, such as a plan's graph.
   */
  readonly scan?: boolean;
}

/**
 * The limits a validator applies: `base` (the defaults) with each limit `options.limits` gives.
 * A member given as `undefined` keeps its default (it never lifts a limit); any other value must
 * be a positive whole number, else this throws a RangeError: a misuse of the options, not a
 * problem of the document.
 */
export function resolveLimits(options: ValidationOptions | undefined, base: ValidationLimits = DEFAULT_VALIDATION_LIMITS): ValidationLimits {
  // Own members only, as for documents: a `limits` or `maxDepth` some code put on Object.prototype
  // is not the caller's (docs/architecture.md, "Own members only").
  const given = own(options, "limits") as Partial<ValidationLimits> | null | undefined;
  if (given === undefined || given === null) return base;
  const limits: Record<keyof ValidationLimits, number> = { ...base };
  for (const name of Object.keys(base) as (keyof ValidationLimits)[]) {
    const value: unknown = own(given, name);
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
      // typeof, not String(value): an object whose toString is not a function would throw a TypeError.
      throw new RangeError(`limits.${name} must be a positive whole number, not ${typeof value === "number" ? value : `a ${typeof value}`}`);
    }
    limits[name] = value;
  }
  return limits;
}
