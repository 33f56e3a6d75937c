/**
 * A copy of a value in which every array and plain object (and Proxy of one) has been read
 * exactly once: each own enumerable member, and each array item, one look. Why: the compiler
 * builds the plan from what it validated, and an input with a getter or a Proxy may answer each
 * look differently; a copy taken in one pass answers every later look alike. Any other value
 * (a Date, a Map, a function, a class instance) is kept as it is, for the validator to report.
 * Shared references and cycles are kept as shared references and cycles. Iterative: no nesting
 * overflows the stack. A getter or trap that throws makes this throw (the compiler reports it).
 */
export function readOnce(value: unknown): unknown {
  const copies = new Map<object, unknown>();
  const work: { from: object; to: Record<string, unknown> | unknown[] }[] = [];
  const copyOf = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    const proto = Object.getPrototypeOf(v) as unknown;
    const isArray = Array.isArray(v);
    if (!isArray && proto !== Object.prototype && proto !== null) return v;
    const to: Record<string, unknown> | unknown[] = isArray ? [] : proto === null ? (Object.create(null) as Record<string, unknown>) : {};
    copies.set(v, to);
    work.push({ from: v, to });
    return to;
  };
  const root = copyOf(value);
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    const { from, to } = next;
    if (Array.isArray(to)) {
      const items = from as unknown[];
      const length = items.length;
      for (let i = 0; i < length; i++) to.push(copyOf(items[i]));
    } else {
      // defineProperty, not assignment: a member called __proto__ stays a member.
      for (const key of Object.keys(from)) Object.defineProperty(to, key, { value: copyOf((from as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}
