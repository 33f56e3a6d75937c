import { credentialValueKind, memberNameCredential } from "./credentials.js";
import { MAX_VALIDATION_DEPTH, type ValidationLimits } from "./limits.js";
import { isForbiddenName, isObjectPrototypePolluted, MAX_SCAN_CONTAINERS, mayHaveLoneSurrogate, type ScanOptions } from "./scan.js";
import { own } from "./json-access.js";

/**
 * What a generated quick-accept check (docs/quick-accept.md) asks of the document scan: the same
 * limits and credential rules as `scanDocument`, as yes/no answers, for one document.
 */
export interface QuickAcceptContext {
  /**
   * Called for every array and object the check enters, at its depth (the root is at 0): false
   * when it is past the depth limit or past the scan's bound on containers.
   */
  enter(depth: number): boolean;
  /** Whether a string value the schema does not pin down is clean: within the length limit, no credential, no lone surrogate. */
  str(value: string): boolean;
  /** Whether a value the schema leaves open, at `depth`, is clean all the way down. */
  any(value: unknown, depth: number): boolean;
  /** Whether the name of a member the schema does not list is clean (its value is checked by the schema). */
  name(name: string): boolean;
  /** Whether a member the schema does not list is clean: its name, and its value at `depth`. */
  member(name: string, value: unknown, depth: number): boolean;
}

/** A generated check: true only when the schema accepts `value` and the scan would report nothing. */
export type QuickAccept = (value: unknown, context: QuickAcceptContext) => boolean;

/** The member names and string constants a generated check accepts without looking at them. */
export interface QuickAcceptTrust {
  readonly names: readonly string[];
  readonly literals: readonly string[];
}

/**
 * Runs a generated quick-accept `check` on `value` under the limits and scan options a validator
 * applies: true only when the schema accepts it and `scanDocument` would report nothing; false
 * means "don't know" (the validator then runs its full path). Also false, without running the
 * check, when some code has put a member on Object.prototype that a generated loop would see or a
 * listed member name would hit, or when a name or constant the check trusts would itself be
 * reported under these limits and options (a maxStringLength shorter than an enum value, a
 * forbidden member name).
 */
export function quickAccept(check: QuickAccept, value: unknown, limits: ValidationLimits, options: ScanOptions, trust: QuickAcceptTrust): boolean {
  if (isObjectPrototypePolluted() || trust.names.some((name) => name in Object.prototype)) return false;
  const reuse = idle !== undefined && idle.fits(limits, options, trust);
  const context = reuse ? (idle as CleanCheck) : new CleanCheck(limits, options, trust);
  if (!context.trusted) {
    if (!reuse) idle = context;
    return false;
  }
  // Taken while it runs: a check that runs another (a getter of the document validating something
  // else) gets a context of its own, and this one's container count is not reset under it.
  if (reuse) idle = undefined;
  try {
    context.restart();
    return check(value, context);
  } catch {
    // A value that throws when read (a getter, a Proxy trap) is not plain data: "don't know", and
    // the full path meets it as it always did.
    return false;
  } finally {
    idle = context;
  }
}

/**
 * The context used last, given again for the same limits, options and trust. Why: the engine
 * optimizes the generated checks for the context they are given; a new context per document made
 * it throw that code away and compile it again for every document (measured: 3× slower).
 */
let idle: CleanCheck | undefined;

/**
 * `scanDocument`'s rules as yes/no answers that stop at the first finding: a value is clean exactly
 * when the scan would report nothing about it (a property test holds the two equal). A class, not
 * closures, for the same reason as the scan's.
 */
class CleanCheck implements QuickAcceptContext {
  private readonly maxDepth: number;
  private readonly maxStringLength: number;
  private readonly credentials: boolean;
  private readonly forbidden: ScanOptions["forbiddenMembers"];
  private readonly forbiddenCache = new Map<string, boolean>();
  /** Containers entered in this document, bounded as the scan bounds them. */
  private visits = 0;
  /** Whether every name and constant of the trust is clean under these limits and options. */
  readonly trusted: boolean;

  constructor(
    limits: ValidationLimits,
    options: ScanOptions,
    private readonly trust: QuickAcceptTrust,
  ) {
    this.maxDepth = Math.min(limits.maxDepth, MAX_VALIDATION_DEPTH);
    this.maxStringLength = limits.maxStringLength;
    this.credentials = own(options, "credentials") === true;
    this.forbidden = own(options, "forbiddenMembers") as ScanOptions["forbiddenMembers"];
    this.trusted = trust.names.every((name) => this.name(name)) && trust.literals.every((literal) => this.str(literal));
  }

  /** Same answers for these limits, options and trust (compared by value: a limits object may change). */
  fits(limits: ValidationLimits, options: ScanOptions, trust: QuickAcceptTrust): boolean {
    return (
      this.trust === trust &&
      this.maxDepth === Math.min(limits.maxDepth, MAX_VALIDATION_DEPTH) &&
      this.maxStringLength === limits.maxStringLength &&
      this.credentials === (own(options, "credentials") === true) &&
      this.forbidden === own(options, "forbiddenMembers")
    );
  }

  restart(): void {
    this.visits = 0;
  }

  enter(depth: number): boolean {
    return depth < this.maxDepth && ++this.visits <= MAX_SCAN_CONTAINERS;
  }

  str(value: string): boolean {
    return value.length <= this.maxStringLength && (!this.credentials || credentialValueKind(value) === undefined) && !mayHaveLoneSurrogate(value);
  }

  name(name: string): boolean {
    return name.length <= this.maxStringLength && !mayHaveLoneSurrogate(name) && (!this.credentials || memberNameCredential(name) === "") && !(this.forbidden && isForbiddenName(this.forbidden.names, this.forbiddenCache, name));
  }

  member(name: string, value: unknown, depth: number): boolean {
    return this.name(name) && this.any(value, depth);
  }

  any(value: unknown, depth: number): boolean {
    switch (typeof value) {
      case "string":
        return this.str(value);
      case "boolean":
        return true;
      case "number":
        return value - value === 0;
      case "object":
        if (value === null) return true;
        break;
      default:
        return false;
    }
    if (!this.enter(depth)) return false;
    if (Array.isArray(value)) {
      // By index, as the scan walks arrays: no iterator a document could have replaced, and holes read as undefined.
      // eslint-disable-next-line @typescript-eslint/prefer-for-of
      for (let i = 0; i < value.length; i++) if (!this.any(value[i], depth + 1)) return false;
      return true;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    // for…in lists own members only: no check runs while Object.prototype is polluted.
    for (const key in value) if (!this.member(key, (value as Record<string, unknown>)[key], depth + 1)) return false;
    return true;
  }
}
