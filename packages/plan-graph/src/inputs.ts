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
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === "$axis" && typeof obj.$axis === "string") {
    const name = obj.$axis;
    names.add(name);
    return (valueOf) => valueOf(name) ?? null;
  }
  keys.sort();
  const members = keys.map((key) => compile(obj[key], names));
  return (valueOf) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) setMember(out, keys[i] as string, (members[i] as Build)(valueOf));
    return out;
  };
}

export type ResolvedInputs = { readonly ok: true; readonly inputs: Record<string, unknown>; readonly sha256: string } | { readonly ok: false; readonly unknown: readonly string[] };

/**
 * The resolved inputs of one template at a cell (a fresh object per node) and their digest. The
 * digest depends only on the values of the axes the inputs name, so it is computed once per
 * combination of those: a template that names two small axes of a 100,000-cell matrix hashes its
 * inputs a few hundred times, not 100,000. A name that is no axis of the plan is reported (it is
 * one for every cell, so the first cell tells).
 */
export function inputsResolver(template: unknown, axes: readonly Axis[], valueOf: AxisValue): (index: readonly number[]) => ResolvedInputs {
  const names = new Set<string>();
  const build = compile(template, names);
  // Whether a name is an axis is the same at every cell: asked at the first, when it has values.
  let unknown: string[] | undefined;
  // The expanded axes the inputs name, by position; mixed radix over them is at most the number
  // of cells, so a safe integer.
  const named = axes.flatMap((axis, j) => (names.has(axis.name) ? [j] : []));
  const digests = new Map<number, string>();
  return (index) => {
    unknown ??= [...names].filter((name) => valueOf(name) === undefined);
    if (unknown.length > 0) return { ok: false, unknown };
    const inputs = build(valueOf) as Record<string, unknown>;
    let slot = 0;
    for (const j of named) slot = slot * (axes[j] as Axis).values.length + (index[j] as number);
    let sha256 = digests.get(slot);
    if (sha256 === undefined) digests.set(slot, (sha256 = digest(inputs)));
    return { ok: true, inputs, sha256 };
  };
}
