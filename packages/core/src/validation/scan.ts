import { findLoneSurrogate } from "../unicode.js";
import type { IssueCollector } from "./collector.js";
import { credentialValueKind, isCredentialName } from "./credentials.js";
import type { ValidationLimits } from "./limits.js";

export interface ScanOptions {
  /** Report credential member names and values (`forbidden-credential-key` / `-value`). */
  readonly credentials: boolean;
}

/** Where a container sits: a linked list to the root, turned into a path only for an issue. */
interface Trail {
  readonly up: Trail | undefined;
  readonly key: string | number;
}

const SURROGATE = /[\ud800-\udfff]/;

interface Frame {
  readonly value: object;
  readonly keys: readonly string[] | undefined; // undefined for arrays
  readonly length: number;
  index: number;
  readonly trail: Trail | undefined;
}

function pathOf(trail: Trail | undefined, last?: string | number): (string | number)[] {
  const path: (string | number)[] = last === undefined ? [] : [last];
  for (let t = trail; t; t = t.up) path.push(t.key);
  return path.reverse();
}

/**
 * One iterative walk over a whole document, before any schema or rule runs: enforces the depth
 * and string-length limits and finds credentials anywhere. Returns false when a limit was
 * exceeded: the document is then not examined further (its issues say why).
 *
 * Iterative, so no nesting can overflow the stack; it stops at the first limit exceeded, so a
 * hostile document costs at most one pass up to that point. Paths are built only for issues.
 */
export function scanDocument(root: unknown, limits: ValidationLimits, options: ScanOptions, issues: IssueCollector): boolean {
  const { maxStringLength, maxDepth } = limits;
  const credentials = options.credentials;
  const stack: Frame[] = [];

  // Checks one value; pushes a frame for a container. False when a limit is exceeded.
  const visit = (value: unknown, trail: Trail | undefined, key: string | number | undefined): boolean => {
    if (typeof value === "string") {
      if (value.length > maxStringLength) {
        issues.add("document-string-limit", `a string of ${value.length} characters exceeds the maxStringLength limit of ${maxStringLength}`, pathOf(trail, key));
        return false;
      }
      if (credentials) {
        const kind = credentialValueKind(value);
        if (kind) issues.add("forbidden-credential-value", `the value looks like ${kind}; credentials and secrets must never be in the document`, pathOf(trail, key));
      }
      if (SURROGATE.test(value) && findLoneSurrogate(value) >= 0) {
        issues.add("document-non-json", "the string contains an unpaired UTF-16 surrogate, which JSON text cannot carry", pathOf(trail, key));
      }
      return true;
    }
    if (value === null || typeof value === "boolean") return true;
    if (typeof value === "number") {
      if (value - value !== 0) issues.add("document-non-json", `${value} is not a JSON number`, pathOf(trail, key));
      return true;
    }
    if (typeof value !== "object") {
      issues.add("document-non-json", `${value === undefined ? "undefined" : `a ${typeof value}`} is not a JSON value`, pathOf(trail, key));
      return true;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null && !Array.isArray(value)) {
      issues.add("document-non-json", "an object that is not a plain object (a Date, Map or class instance) is not a JSON value", pathOf(trail, key));
      return true;
    }
    const here: Trail | undefined = key === undefined ? undefined : { up: trail, key };
    if (stack.length >= maxDepth) {
      issues.add("document-depth-limit", `nesting exceeds the maxDepth limit of ${maxDepth}`, pathOf(here));
      return false;
    }
    if (Array.isArray(value)) stack.push({ value, keys: undefined, length: value.length, index: 0, trail: here });
    else {
      const keys = Object.keys(value);
      stack.push({ value, keys, length: keys.length, index: 0, trail: here });
    }
    return true;
  };

  if (!visit(root, undefined, undefined)) return false;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.index >= frame.length) {
      stack.pop();
      continue;
    }
    const i = frame.index++;
    if (frame.keys === undefined) {
      if (!visit((frame.value as unknown[])[i], frame.trail, i)) return false;
      continue;
    }
    const key = frame.keys[i] as string;
    if (key.length > maxStringLength) {
      issues.add("document-string-limit", `a member name of ${key.length} characters exceeds the maxStringLength limit of ${maxStringLength}`, pathOf(frame.trail));
      return false;
    }
    if (credentials && isCredentialName(key)) {
      issues.add("forbidden-credential-key", `the member "${key}" names a credential; credentials and secrets must never be in the document`, pathOf(frame.trail, key));
    }
    if (!visit((frame.value as Record<string, unknown>)[key], frame.trail, key)) return false;
  }
  return true;
}
