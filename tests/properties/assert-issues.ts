/**
 * What every result of a Graphenix API promises, checked on whatever a property produced
 * (docs/architecture.md "Issues, not throws"; docs/issue-codes.md; docs/fuzzing.md):
 *
 * - the documented shape: `{ valid: true, value, issues } | { valid: false, issues }` for
 *   validators, `{ ok: true, … } | { ok: false, issues }` for operations;
 * - valid ⇔ no issue of severity `error`;
 * - every issue has a code of the catalog (`ISSUE_CODES`), a non-empty message, a path of member
 *   names and array indices, the pointer that path encodes (RFC 6901) and a severity;
 * - the pointer resolves in the input: in the document the first path segment names, for APIs
 *   that take several. A missing member is named by its pointer (`schema-required` names the
 *   member that should be there, a rule about a member that is absent names it too; the CLI then
 *   shows the nearest part that exists, docs/cli.md), so a pointer that does not resolve must
 *   name a member of an object (or an element of an array) that does exist: its parent resolves.
 *
 * The checks throw plain errors with the offending issue, so fast-check shrinks and prints them.
 */
import { ISSUE_CODES, type ValidationIssue } from "@graphenix/contracts";
import { encodePointer } from "@graphenix/core";

type Path = readonly (string | number)[];

/** Where an API's issues point. */
export type IssueTarget =
  /** One input document: every path is inside it. */
  | { readonly document: unknown; readonly also?: Readonly<Record<string, unknown>> }
  /** Several: the first path segment names the document (`trace`, `plan`, `scenario`, …). */
  | { readonly documents: Readonly<Record<string, unknown>> };

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function fail(message: string, issue?: unknown): never {
  throw new Error(issue === undefined ? message : `${message}\n  issue: ${JSON.stringify(issue)}`);
}

/** Walks `path` in `root`: how many leading segments exist, and the value the last of them names. */
function walk(root: unknown, path: Path): { depth: number; value: unknown } {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const token = path[i] as string | number;
    if (Array.isArray(node)) {
      if (typeof token !== "number" || !Number.isInteger(token) || token < 0 || token >= node.length) return { depth: i, value: node };
      node = node[token];
    } else if (node !== null && typeof node === "object") {
      if (typeof token !== "string" || !has(node, token)) return { depth: i, value: node };
      node = (node as Record<string, unknown>)[token];
    } else {
      return { depth: i, value: node };
    }
  }
  return { depth: path.length, value: node };
}

/**
 * Whether `path` resolves in `root`, or names a missing member of an object (an index past the end
 * of an array) that exists. Path segments into arrays must be numbers, into objects strings.
 */
export function pointsInto(root: unknown, path: Path): "resolves" | "missing-member" | "dangling" {
  const { depth, value } = walk(root, path);
  if (depth === path.length) return "resolves";
  const last = path[path.length - 1];
  const fits = Array.isArray(value) ? typeof last === "number" : value !== null && typeof value === "object" && typeof last === "string";
  return depth === path.length - 1 && fits ? "missing-member" : "dangling";
}

function rootFor(issue: ValidationIssue, target: IssueTarget): { root: unknown; rest: Path } | undefined {
  if ("documents" in target) {
    const [name, ...rest] = issue.path;
    if (typeof name !== "string" || !has(target.documents, name)) return undefined;
    return { root: target.documents[name], rest };
  }
  const [name, ...rest] = issue.path;
  if (target.also && typeof name === "string" && has(target.also, name) && pointsInto(target.document, issue.path) === "dangling") {
    return { root: target.also[name], rest };
  }
  return { root: target.document, rest: issue.path };
}

/** Checks one issue (see the file comment). */
export function checkIssue(issue: ValidationIssue, target: IssueTarget): void {
  if (issue === null || typeof issue !== "object") fail("an issue is not an object", issue);
  const keys = Object.keys(issue).sort().join(",");
  if (keys !== "code,message,path,pointer,severity" && keys !== "code,location,message,path,pointer,severity") fail(`an issue has the members ${keys}`, issue);
  if (typeof issue.code !== "string" || !has(ISSUE_CODES, issue.code)) fail(`unknown issue code ${JSON.stringify(issue.code)}`, issue);
  if (typeof issue.message !== "string" || issue.message.trim() === "") fail("an issue without a message", issue);
  if (issue.severity !== "error" && issue.severity !== "warning") fail("an issue whose severity is neither error nor warning", issue);
  if (!Array.isArray(issue.path) || !issue.path.every((t) => typeof t === "string" || (typeof t === "number" && Number.isInteger(t) && t >= 0))) {
    fail("an issue whose path is not an array of member names and indices", issue);
  }
  if (issue.pointer !== encodePointer(issue.path)) fail(`the pointer ${JSON.stringify(issue.pointer)} is not the path ${JSON.stringify(issue.path)} encoded`, issue);
  const located = rootFor(issue, target);
  if (!located) fail(`the first path segment names none of the documents (${Object.keys((target as { documents: object }).documents).join(", ")})`, issue);
  if (pointsInto(located.root, located.rest) === "dangling") fail(`the pointer ${issue.pointer} does not resolve in the input, not even to the parent of a missing member`, issue);
}

export function checkIssues(issues: unknown, target: IssueTarget): asserts issues is readonly ValidationIssue[] {
  if (!Array.isArray(issues)) fail(`issues is not an array: ${typeof issues}`);
  for (const issue of issues as ValidationIssue[]) checkIssue(issue, target);
}

const hasError = (issues: readonly ValidationIssue[]) => issues.some((i) => i.severity === "error");

/** A validator's result: `{ valid: true, value, issues } | { valid: false, issues }`, valid ⇔ no error. */
export function checkValidation<T>(result: unknown, target: IssueTarget): { valid: true; value: T; issues: readonly ValidationIssue[] } | { valid: false; issues: readonly ValidationIssue[] } {
  if (result === null || typeof result !== "object") fail(`a validator returned ${String(result)}`);
  const r = result as { valid?: unknown; value?: unknown; issues?: unknown };
  const keys = Object.keys(r).sort().join(",");
  if (r.valid === true ? keys !== "issues,valid,value" : r.valid === false ? keys !== "issues,valid" : true) fail(`a validator returned a result with the members ${keys} (valid: ${String(r.valid)})`);
  checkIssues(r.issues, target);
  if (r.valid !== !hasError(r.issues)) fail(`valid is ${String(r.valid)} but the issues ${hasError(r.issues) ? "include" : "hold no"} error: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r as never;
}

/** `{ valid, issues }` (a binding result): valid ⇔ no error. */
export function checkBinding(result: unknown, target: IssueTarget): { valid: boolean; issues: readonly ValidationIssue[] } {
  if (result === null || typeof result !== "object") fail(`a binding returned ${String(result)}`);
  const r = result as { valid?: unknown; issues?: unknown };
  if (Object.keys(r).sort().join(",") !== "issues,valid") fail(`a binding result has the members ${Object.keys(r).join(",")}`);
  checkIssues(r.issues, target);
  if (r.valid !== !hasError(r.issues)) fail(`valid is ${String(r.valid)} but the issues ${hasError(r.issues) ? "include" : "hold no"} error`);
  return r as never;
}

/**
 * An operation's result: `{ ok: true, …okMembers } | { ok: false, issues }`, with at least one
 * error when it failed. `okMembers` lists the members of a success besides `ok`.
 */
export function checkOperation<T extends object>(result: unknown, okMembers: readonly string[], target: IssueTarget): ({ ok: true } & T) | { ok: false; issues: readonly ValidationIssue[] } {
  if (result === null || typeof result !== "object") fail(`an operation returned ${String(result)}`);
  const r = result as { ok?: unknown; issues?: unknown };
  const keys = Object.keys(r).sort().join(",");
  if (r.ok === true) {
    if (keys !== ["ok", ...okMembers].sort().join(",")) fail(`a success has the members ${keys}, not ok,${okMembers.join(",")}`);
    if (has(r, "issues")) {
      checkIssues(r.issues, target);
      if (hasError(r.issues)) fail("a success carries an error issue");
    }
  } else if (r.ok === false) {
    if (keys !== "issues,ok") fail(`a failure has the members ${keys}`);
    checkIssues(r.issues, target);
    if (!hasError(r.issues)) fail("a failure without an error issue");
  } else {
    fail(`ok is ${String(r.ok)}`);
  }
  return r as never;
}

// ---------------------------------------------------------------------------------------------
// Prototypes: no input may add, remove or replace anything on the built-in prototypes.

const GUARDED: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Boolean.prototype", Boolean.prototype],
  ["Map.prototype", Map.prototype],
  ["Set.prototype", Set.prototype],
];

type Snapshot = readonly (readonly [string, PropertyKey, unknown, unknown, unknown])[];

function snapshot(): Snapshot {
  const out: [string, PropertyKey, unknown, unknown, unknown][] = [];
  for (const [name, proto] of GUARDED) {
    out.push([name, "[[Prototype]]", Object.getPrototypeOf(proto), Object.isExtensible(proto), undefined]);
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor;
      out.push([name, key, d.value, d.get, d.set]);
    }
  }
  return out;
}

const baseline = snapshot();
/** The original members of each guarded prototype, to put back after a failure. */
const originals = new Map(GUARDED.map(([, proto]) => [proto, new Map(Reflect.ownKeys(proto).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k) as PropertyDescriptor]))]));

/** Puts every guarded prototype back as it was, so one failing run does not fail every run after it. */
function restore(): void {
  for (const [, proto] of GUARDED) {
    const members = originals.get(proto) as Map<PropertyKey, PropertyDescriptor>;
    for (const key of Reflect.ownKeys(proto)) if (!members.has(key)) Reflect.deleteProperty(proto, key);
    for (const [key, d] of members) {
      const now = Object.getOwnPropertyDescriptor(proto, key);
      if (!now || now.value !== d.value || now.get !== d.get || now.set !== d.set) Object.defineProperty(proto, key, d);
    }
  }
}

/**
 * Throws when a built-in prototype differs from what it was when this module loaded (after
 * putting it back, so the next run starts clean and fast-check can shrink the input).
 */
export function checkPrototypes(): void {
  const now = snapshot();
  const same = now.length === baseline.length && now.every((entry, i) => entry.every((x, k) => x === (baseline[i] as typeof entry)[k]));
  if (same) return;
  const before = new Set(baseline.map((e) => `${e[0]}.${String(e[1])}`));
  const after = new Set(now.map((e) => `${e[0]}.${String(e[1])}`));
  const added = [...after].filter((k) => !before.has(k));
  const removed = [...before].filter((k) => !after.has(k));
  restore();
  throw new Error(`a built-in prototype changed${added.length ? `; added ${added.join(", ")}` : ""}${removed.length ? `; removed ${removed.join(", ")}` : ""}${!added.length && !removed.length ? "; a member was replaced" : ""}`);
}

/**
 * Calls `fn` the way a property does: it must not throw (a throw fails the property with its
 * input), must leave the built-in prototypes alone and must not change `inputs` (compared as
 * JSON text before and after).
 */
export function guarded<R>(fn: () => R, inputs: readonly unknown[] = []): R {
  const before = inputs.map(textOf);
  const result = fn();
  checkPrototypes();
  inputs.forEach((input, i) => {
    if (textOf(input) !== before[i]) throw new Error(`the call changed its input #${i}`);
  });
  return result;
}

/** {@link guarded} for async functions. */
export async function guardedAsync<R>(fn: () => Promise<R>, inputs: readonly unknown[] = []): Promise<R> {
  const before = inputs.map(textOf);
  const result = await fn();
  checkPrototypes();
  inputs.forEach((input, i) => {
    if (textOf(input) !== before[i]) throw new Error(`the call changed its input #${i}`);
  });
  return result;
}

function textOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return "<not JSON>";
  }
}
