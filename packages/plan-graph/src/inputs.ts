import { asObject, digest, setMember } from "@graphenix/core";
import type { Axis, Scalar } from "./axes.js";

/** The value of an axis at the current cell, or undefined for a name that is no axis. */
export type AxisValue = (axis: string) => Scalar | undefined;
type Build = (valueOf: AxisValue) => unknown;

/**
 * A template's inputs compiled once into a builder: each `{"$axis": name}` becomes a look-up of
 * that axis, every other value is rebuilt as it is (objects with their members in sorted order),
 * so each node gets a fresh object without the template being walked again. The names the inputs
 * use go into `names`. Template inputs passed the scan's depth limit, so the recursion is shallow.
 */
function compile(value: unknown, names: Set<string>): Build {
  if (Array.isArray(value)) {
    const items = value.map((v) => compile(v, names));
    return (valueOf) => items.map((build) => build(valueOf));
  }
  const obj = asObject(value);
  if (!obj) return () => value;
  const name = axisReference(obj);
  if (name !== undefined) {
    names.add(name);
    return (valueOf) => valueOf(name) ?? null;
  }
  const keys = Object.keys(obj);
  keys.sort();
  const members = keys.map((key) => compile(obj[key], names));
  return (valueOf) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) setMember(out, keys[i] as string, (members[i] as Build)(valueOf));
    return out;
  };
}

/** The axis an inputs object stands for (`{"$axis": name}`, nothing else), or undefined. */
function axisReference(obj: Record<string, unknown>): string | undefined {
  const keys = Object.keys(obj);
  return keys.length === 1 && keys[0] === "$axis" && typeof obj.$axis === "string" ? obj.$axis : undefined;
}

/** Whether a template's `inputs` is itself one axis reference (they must be an object of named inputs). */
export function isAxisReference(value: unknown): boolean {
  const obj = asObject(value);
  return obj !== undefined && axisReference(obj) !== undefined;
}

/**
 * Every `{"$axis": name}` in a template's inputs whose name is not in `axes`, with the path of its
 * `$axis` member below `at` (the inputs' own path), in document order.
 */
export function unknownAxisReferences(value: unknown, axes: ReadonlySet<string>, at: readonly (string | number)[]): { name: string; path: (string | number)[] }[] {
  const found: { name: string; path: (string | number)[] }[] = [];
  const visit = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) return v.forEach((item, i) => visit(item, [...path, i]));
    const obj = asObject(v);
    if (!obj) return;
    const name = axisReference(obj);
    if (name !== undefined) {
      if (!axes.has(name)) found.push({ name, path: [...path, "$axis"] });
      return;
    }
    for (const key of Object.keys(obj)) visit(obj[key], [...path, key]);
  };
  visit(value, [...at]);
  return found;
}

export interface ResolvedInputs {
  readonly inputs: Record<string, unknown>;
  readonly sha256: string;
}

/**
 * The resolved inputs of one template at a cell (a fresh object per node) and their digest. The
 * digest depends only on the values of the axes the inputs name, so it is computed once per
 * combination of those: a template that names two small axes of a 100,000-cell matrix hashes its
 * inputs a few hundred times, not 100,000. Every name the inputs use is an axis of the plan:
 * `compilePlan` refused the others before building (unknownAxisReferences).
 */
export function inputsResolver(template: unknown, axes: readonly Axis[], valueOf: AxisValue): (index: readonly number[]) => ResolvedInputs {
  const names = new Set<string>();
  const build = compile(template, names);
  // The expanded axes the inputs name, by position; mixed radix over them is at most the number
  // of cells, so a safe integer.
  const named = axes.flatMap((axis, j) => (names.has(axis.name) ? [j] : []));
  const digests = new Map<number, string>();
  return (index) => {
    const inputs = build(valueOf) as Record<string, unknown>;
    let slot = 0;
    for (const j of named) slot = slot * (axes[j] as Axis).values.length + (index[j] as number);
    let sha256 = digests.get(slot);
    if (sha256 === undefined) digests.set(slot, (sha256 = digest(inputs)));
    return { inputs, sha256 };
  };
}
