import { findLoneSurrogate } from "../unicode.js";
import type { KnownIssueCode } from "@graphenix/contracts";
import { IssueCollector } from "./collector.js";
import { isStackOverflow } from "../stack.js";
import { credentialValueKind, memberNameCredential } from "./credentials.js";
import { MAX_VALIDATION_DEPTH, type ValidationLimits } from "./limits.js";
import { own } from "./json-access.js";

export interface ScanOptions {
  /** Report credential member names and values (`forbidden-credential-key` / `-value`). */
  readonly credentials: boolean;
  /**
   * Member names forbidden at any depth, compared after removing `-`, `_`, `.` and lowering the
   * case (plans use it for run evidence), with the code and the message to report.
   */
  readonly forbiddenMembers?: { readonly names: ReadonlySet<string>; readonly code: KnownIssueCode; readonly message: (name: string) => string };
}

// `isWellFormed` (ES2024, Node ≥ 20) finds a lone surrogate natively, several times faster than a
// regular expression; the expression stays as the fallback for older runtimes.
const SURROGATE = /[\ud800-\udfff]/;
const hasIsWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === "function";
export function mayHaveLoneSurrogate(value: string): boolean {
  return hasIsWellFormed ? !(value as unknown as { isWellFormed(): boolean }).isWellFormed() : SURROGATE.test(value);
}

/**
 * Whether a member name is one of `forbiddenMembers` names, compared without `-`, `_` and `.` and
 * in lower case. Answers are remembered in `cache`, at most 10,000 of them: the caches live as long
 * as the process, and member names can be anything.
 */
export function isForbiddenName(names: ReadonlySet<string>, cache: Map<string, boolean>, name: string): boolean {
  let hit = cache.get(name);
  if (hit === undefined) {
    hit = names.has(name.replace(/[-_.]/g, "").toLowerCase());
    if (cache.size < 10_000) cache.set(name, hit);
  }
  return hit;
}

/** True when some code added an enumerable member to Object.prototype (for…in would list it). */
export function isObjectPrototypePolluted(): boolean {
  for (const key in {}) if (key !== undefined) return true;
  return false;
}

/**
 * One walk over a whole document, before any schema or rule runs: enforces the depth and
 * string-length limits, finds credentials anywhere, and rejects values JSON cannot carry.
 * A value past a limit is reported and not looked into (a too-deep subtree is not entered, a
 * too-long string not read), and the walk goes on with the rest of the document, so what it
 * reports does not depend on the order of members. Returns false when a limit was exceeded or a
 * value is not JSON data (NaN, a BigInt, undefined, a Date, a lone surrogate, a cycle, a value that
 * throws when read): the caller then runs no schema or rule, which would read it as JSON.
 *
 * Recursive, for speed (it runs on every value of every document): the depth limit is capped
 * at MAX_VALIDATION_DEPTH, far below what the stack holds, so no input can overflow it. The path
 * is one shared array holding the key at each depth, copied only for an issue.
 */
export function scanDocument(root: unknown, limits: ValidationLimits, options: ScanOptions, issues: IssueCollector): boolean {
  const scanner = idle ?? new Scanner();
  idle = undefined;
  try {
    scanner.start(limits, options, issues);
    scanner.walk(root, 0);
    return !scanner.exceeded && !scanner.nonJson;
  } catch (error) {
    throw error instanceof CallerError ? error.error : error;
  } finally {
    scanner.stop();
    idle = scanner;
  }
}

/**
 * An empty array or plain object: skipping it leaves nothing unread. A Date, a Map or a class
 * instance is not (the scan would report it as not JSON), nor is a Proxy that throws when read.
 */
function isEmptyContainer(value: object): boolean {
  try {
    if (Array.isArray(value)) return value.length === 0;
    const proto = Object.getPrototypeOf(value) as unknown;
    return (proto === Object.prototype || proto === null) && Object.keys(value).length === 0;
  } catch {
    return false;
  }
}

/**
 * The scanner every scan uses (a scan that starts while another runs, from a Proxy's trap, makes
 * its own). Why one: the engine's optimized walk was tied to the scanner it was compiled for, and
 * with a new scanner per document it was thrown away and compiled again for every document
 * (measured: the scan of a 66,000-event trace took 70 ms instead of 40).
 */
let idle: Scanner | undefined;

/** Carries an error thrown by the caller's own callback out of the walk, past its catch of unreadable values. */
class CallerError {
  constructor(readonly error: unknown) {}
}

/** What an idle scanner holds instead of a caller's collector (it reports nothing while idle). */
const DETACHED = new IssueCollector(1);

/** The most arrays and objects one scan enters: more than 64 MiB of JSON text can hold. */
export const MAX_SCAN_CONTAINERS = 50_000_000;

// A class, not closures: closures made per call (or per object) start without type feedback and
// made this walk several times slower.
class Scanner {
  private maxDepth = 0;
  private maxStringLength = 0;
  private credentials = false;
  private forbidden: ScanOptions["forbiddenMembers"];
  private readonly forbiddenCache = new Map<string, boolean>();
  private readonly path: (string | number)[] = [];
  /** The containers on the path (`containers[d]` at depth d), to tell a cycle from deep nesting. */
  private readonly containers: unknown[] = [];
  /** Containers entered so far: bounds the walk of in-memory values that share containers. */
  private visits = 0;
  // `for…in` is the fastest member walk, but it also lists enumerable members some code added to
  // Object.prototype; then Object.keys is used instead.
  private polluted = false;
  private issues = DETACHED;
  /** Whether some value was past a limit. */
  exceeded = false;
  /** Whether this scan told its collector that part of the document went unread. */
  private unchecked = false;
  /** A value JSON cannot carry was found: the document is not JSON data, so no schema or rule reads it. */
  nonJson = false;

  start(limits: ValidationLimits, options: ScanOptions, issues: IssueCollector): void {
    this.maxDepth = Math.min(limits.maxDepth, MAX_VALIDATION_DEPTH);
    this.maxStringLength = limits.maxStringLength;
    // Own members only (docs/architecture.md): options on Object.prototype are not the caller's.
    this.credentials = own(options, "credentials") === true;
    const forbidden = own(options, "forbiddenMembers") as ScanOptions["forbiddenMembers"];
    if (forbidden !== this.forbidden) this.forbiddenCache.clear();
    this.forbidden = forbidden;
    this.polluted = isObjectPrototypePolluted();
    this.issues = issues;
    this.visits = 0;
    this.unchecked = false;
    this.exceeded = false;
    this.nonJson = false;
  }

  /** Lets go of the document and the caller's collector. */
  stop(): void {
    this.path.length = 0;
    this.containers.length = 0;
    this.issues = DETACHED;
  }

  /** The caller's message for a forbidden member; what it throws is the caller's, not the document's. */
  private forbiddenMessage(key: string): string {
    try {
      return (this.forbidden as NonNullable<ScanOptions["forbiddenMembers"]>).message(key);
    } catch (error) {
      throw new CallerError(error);
    }
  }

  /** `path[0 .. depth-1]` is the path of the value being looked at. */
  private report(code: Parameters<IssueCollector["add"]>[0], message: string, depth: number): void {
    if (code === "document-non-json") this.nonJson = true;
    if (this.issues.hasRoom()) this.issues.add(code, message, this.path.slice(0, depth));
  }

  walk(value: unknown, depth: number): void {
    switch (typeof value) {
      case "string":
        this.string(value, depth);
        return;
      case "boolean":
        return;
      case "number":
        if (value - value !== 0) this.report("document-non-json", `${value} is not a JSON number`, depth);
        return;
      case "object":
        if (value === null) return;
        break;
      default:
        this.report("document-non-json", `${value === undefined ? "undefined" : `a ${typeof value}`} is not a JSON value`, depth);
        return;
    }
    // Once a limit was exceeded and the issues are full, nothing more can be reported or change
    // the outcome: stop. Without this, a value that contains itself twice costs 2^maxDepth steps.
    if (this.exceeded && !this.issues.hasRoomLeft()) {
      // Whatever this value holds goes unread and unreported: say so, unless it holds nothing.
      // Looked at until the notice is given, then never again: each look lists a value's keys, and
      // thousands of siblings sharing one large object must not each cost its size.
      if (!this.unchecked && !isEmptyContainer(value)) {
        this.unchecked = true;
        this.issues.markUnchecked();
      }
      return;
    }
    if (depth >= this.maxDepth) {
      this.exceeded = true;
      // An in-memory value can contain itself: no JSON text can, so that is not depth but a cycle.
      const cycle = this.containers.lastIndexOf(value, depth - 1) >= 0;
      if (cycle) this.report("document-non-json", "the value contains itself (a cycle), which JSON cannot carry", depth);
      else this.report("document-depth-limit", `nesting exceeds the maxDepth limit of ${this.maxDepth}`, depth);
      return;
    }
    if (++this.visits > MAX_SCAN_CONTAINERS) {
      // Only an in-memory value sharing containers gets here (64 MiB of JSON text holds far fewer):
      // its JSON form would be larger than any document.
      if (this.visits === MAX_SCAN_CONTAINERS + 1) this.report("document-non-json", `the value reaches more than ${MAX_SCAN_CONTAINERS} arrays and objects through shared references; its JSON form would be larger than any document`, depth);
      this.exceeded = true;
      return;
    }
    this.containers[depth] = value;
    try {
      if (Array.isArray(value)) {
        this.array(value, depth);
        return;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        this.report("document-non-json", "an object that is not a plain object (a Date, Map or class instance) is not a JSON value", depth);
        return;
      }
      this.object(value as Record<string, unknown>, depth);
    } catch (error) {
      // The caller's own callback failing, or the engine's stack running out, is not something
      // the document did: it goes up as it is.
      if (error instanceof CallerError || isStackOverflow(error)) throw error;
      // A getter or a Proxy that throws when read (a revoked Proxy throws on any look): no JSON
      // text makes one. Reported at the innermost container being read; as for a limit, nothing
      // more is read (schema and rules would meet it again).
      this.exceeded = true;
      this.report("document-non-json", "reading this value threw (a getter or a Proxy that throws): it is not plain JSON data", depth);
    }
  }

  private string(value: string, depth: number): void {
    if (value.length > this.maxStringLength) {
      this.exceeded = true;
      this.report("document-string-limit", `a string of ${value.length} characters exceeds the maxStringLength limit of ${this.maxStringLength}`, depth);
      return;
    }
    if (this.credentials) {
      const kind = credentialValueKind(value);
      if (kind) this.report("forbidden-credential-value", `the value looks like ${kind}; credentials and secrets must never be in the document`, depth);
    }
    if (mayHaveLoneSurrogate(value) && findLoneSurrogate(value) >= 0) {
      this.report("document-non-json", "the string contains an unpaired UTF-16 surrogate, which JSON text cannot carry", depth);
    }
  }

  // Children of a container at `depth` sit at `depth + 1`; their key is stored at path[depth].
  private array(value: readonly unknown[], depth: number): void {
    const path = this.path;
    for (let i = 0; i < value.length; i++) {
      path[depth] = i;
      this.walk(value[i], depth + 1);
    }
  }

  private object(value: Record<string, unknown>, depth: number): void {
    if (this.polluted) {
      // Rare: copy the own members into a clean object so the fast loop below stays the only one.
      const own = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(value)) own[key] = value[key];
      value = own;
    }
    const path = this.path;
    for (const key in value) {
      if (key.length > this.maxStringLength) {
        // The name is not read further, nor is its value: neither has a pointer worth showing.
        this.exceeded = true;
        this.report("document-string-limit", `a member name of ${key.length} characters exceeds the maxStringLength limit of ${this.maxStringLength}`, depth);
        continue;
      }
      path[depth] = key;
      // A member name is a string too: a lone surrogate there has no UTF-8 form (no digest).
      if (mayHaveLoneSurrogate(key) && findLoneSurrogate(key) >= 0) {
        this.report("document-non-json", "the member name contains an unpaired UTF-16 surrogate, which JSON text cannot carry", depth + 1);
      }
      if (this.credentials) {
        const found = memberNameCredential(key);
        if (found === "name") {
          this.report("forbidden-credential-key", `the member ${JSON.stringify(key)} names a credential; credentials and secrets must never be in the document`, depth + 1);
        } else if (found) {
          // A token used as a member name (an open map's key) is as much a leak as one used as a value.
          this.report("forbidden-credential-value", `the member name looks like ${found}; credentials and secrets must never be in the document`, depth + 1);
        }
      }
      if (this.forbidden && isForbiddenName(this.forbidden.names, this.forbiddenCache, key)) this.report(this.forbidden.code, this.forbiddenMessage(key), depth + 1);
      this.walk(value[key], depth + 1);
    }
  }
}
