import { types } from "node:util";
import type { ValidationIssue, ValidationResult } from "@graphenix/contracts";
import { makeIssue } from "../issue.js";

const MESSAGE = "reading the document gave different values at different times (a getter or a Proxy): it is not plain JSON data";

/**
 * Whether `value` has, anywhere in it, an accessor property (a getter or setter) or a Proxy: the
 * only values that can read differently from one look to the next. Reads property descriptors,
 * never values through a getter, and asks a Proxy nothing (its traps could run anything).
 * Iterative, each object once (shared references and cycles are fine).
 */
export function mayChangeBetweenReads(value: unknown): boolean {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (types.isProxy(v)) return true;
    if (seen.has(v)) continue;
    seen.add(v);
    for (const key of Reflect.ownKeys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key);
      if (!descriptor) continue;
      if (descriptor.get !== undefined || descriptor.set !== undefined) return true;
      stack.push(descriptor.value);
    }
  }
  return false;
}

/** A document a validator reads, and the path its issues start with (`[]` for the only one). */
export type ReadDocument = readonly [path: readonly (string | number)[], value: unknown];

/**
 * For a validator that caught `error` while reading `documents` after its scan (which reads each
 * value once) had passed: a getter or Proxy that returns another value on the next read can make
 * any later reader meet a value of a kind the scan never saw. Such a document is not JSON data:
 * `document-non-json` at its root (which member changed cannot be known). For documents of plain
 * data the error is a defect of ours, and it is thrown on rather than hidden behind an issue.
 */
export function unstableReadIssue(error: unknown, documents: readonly ReadDocument[]): ValidationIssue {
  const unstable = documents.find(([, value]) => mayChangeBetweenReads(value));
  if (!unstable) throw error;
  return unstableDocumentIssue(unstable[0]);
}

/** The issue of a document seen to give different values at different reads, at `path`. */
export function unstableDocumentIssue(path: readonly (string | number)[] = []): ValidationIssue {
  return makeIssue("document-non-json", MESSAGE, path);
}

/**
 * Runs a validator's `read` of `documents`; when it throws on a document that may change between
 * reads, the result is `unstable` of that one issue instead (the issues found before it came from
 * reads that disagree, so they are not kept). Plain data never takes this path.
 */
export function readGuarded<R>(documents: readonly ReadDocument[], read: () => R, unstable: (issue: ValidationIssue) => R): R {
  try {
    return read();
  } catch (error) {
    return unstable(unstableReadIssue(error, documents));
  }
}

/** {@link readGuarded} for a validator of one document that returns a `ValidationResult`. */
export function validateGuarded<T>(document: unknown, read: () => ValidationResult<T>): ValidationResult<T> {
  return readGuarded([[[], document]], read, (issue) => ({ valid: false, issues: [issue] }));
}
