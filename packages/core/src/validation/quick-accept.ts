import { credentialValueKind, memberNameCredential } from "./credentials.js";
import { MAX_VALIDATION_DEPTH, type ValidationLimits } from "./limits.js";
import { isObjectPrototypePolluted, forbiddenForm, MAX_SCAN_CONTAINERS, mayHaveLoneSurrogate, type ScanOptions } from "./scan.js";

/**
 * What a generated quick-accept check (docs/quick-accept.md) asks of the document scan: the same
 * limits and credential rules as `scanDocument`, as yes/no answers.
 */
export interface QuickAcceptContext {
  /** Arrays and objects at this depth or deeper are past the depth limit (the root is at 0). */
  readonly maxDepth: number;
  /** Whether a string value the schema does not pin down is clean: within the length limit, no credential, no lone surrogate. */
  str(value: string): boolean;
  /** Whether a value the schema leaves open, at `depth`, is clean all the way down. */
  any(value: unknown, depth: number): boolean;
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
 * The context a generated quick-accept check runs in, or undefined when the quick path must not
 * be taken: some code added an enumerable member to Object.prototype (the generated loops would
 * see it), or a name or constant the check trusts would itself be reported under these limits and
 * options (a maxStringLength shorter than an enum value, a forbidden member name).
 */
export function quickAcceptContext(limits: ValidationLimits, options: ScanOptions, trust: QuickAcceptTrust): QuickAcceptContext | undefined {
  if (isObjectPrototypePolluted()) return undefined;
  if (last?.limits === limits && last.options === options && last.trust === trust) return last.context?.restart();
  const context = new CleanCheck(limits, options);
  const trusted = trust.names.every((name) => context.name(name)) && trust.literals.every((literal) => context.str(literal));
  last = { limits, options, trust, context: trusted ? context : undefined };
  return last.context;
}

/**
 * The context made last, given again for the same limits, options and trust (the objects, not
 * their contents). Why: the engine optimizes the generated checks for the context they are given;
 * a new context per document made it throw that code away and recompile it for every document,
 * which cost more than the check itself (measured: 3×).
 */
let last: { limits: ValidationLimits; options: ScanOptions; trust: QuickAcceptTrust; context: CleanCheck | undefined } | undefined;

/**
 * `scanDocument`'s rules as a yes/no answer that stops at the first finding: a value is clean
 * exactly when the scan would report nothing about it (a property test holds the two equal).
 * A class, not closures, for the same reason as the scan's.
 */
class CleanCheck implements QuickAcceptContext {
  readonly maxDepth: number;
  private readonly maxStringLength: number;
  private readonly credentials: boolean;
  private readonly forbidden: ScanOptions["forbiddenMembers"];
  private readonly forbiddenCache = new Map<string, boolean>();
  /** Containers entered so far, bounded as the scan bounds them. */
  private visits = 0;

  constructor(limits: ValidationLimits, options: ScanOptions) {
    this.maxDepth = Math.min(limits.maxDepth, MAX_VALIDATION_DEPTH);
    this.maxStringLength = limits.maxStringLength;
    this.credentials = options.credentials;
    this.forbidden = options.forbiddenMembers;
  }

  str(value: string): boolean {
    return value.length <= this.maxStringLength && (!this.credentials || credentialValueKind(value) === undefined) && !mayHaveLoneSurrogate(value);
  }

  name(name: string): boolean {
    return name.length <= this.maxStringLength && !mayHaveLoneSurrogate(name) && (!this.credentials || memberNameCredential(name) === "") && !(this.forbidden && this.isForbidden(this.forbidden.names, name));
  }

  private isForbidden(names: ReadonlySet<string>, name: string): boolean {
    let hit = this.forbiddenCache.get(name);
    if (hit === undefined) this.forbiddenCache.set(name, (hit = names.has(forbiddenForm(name))));
    return hit;
  }

  /** The context, ready for another document. */
  restart(): this {
    this.visits = 0;
    return this;
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
    if (depth >= this.maxDepth || ++this.visits > MAX_SCAN_CONTAINERS) return false;
    if (Array.isArray(value)) {
      // By index, as the scan walks arrays: no iterator a document could have replaced, and holes read as undefined.
      // eslint-disable-next-line @typescript-eslint/prefer-for-of
      for (let i = 0; i < value.length; i++) if (!this.any(value[i], depth + 1)) return false;
      return true;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    // for…in lists own members only: the context is not made when Object.prototype is polluted.
    for (const key in value) if (!this.member(key, (value as Record<string, unknown>)[key], depth + 1)) return false;
    return true;
  }
}
