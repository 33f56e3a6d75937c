/**
 * "Did you mean …?" for a name or value a document got slightly wrong: a member name with a typo
 * (`skilKey`), another case (`strategykey`), or another separator (`ai-task` for `aiTask`).
 */

/** The same name once case and the separators `-`, `_`, `.` and space are set aside. */
const loose = (name: string): string => name.replace(/[-_. ]/g, "").toLowerCase();

/**
 * Edits (insert, delete, replace, swap two neighbours) between `a` and `b`, or `limit + 1` when it
 * is more than `limit` (known at once when the lengths differ by more). Names are short: the whole
 * table is computed.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
    }
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length] as number, limit + 1);
}

/**
 * The candidate `name` was most likely meant to be: one equal to it but for case and separators,
 * else the nearest within a third of its length in edits (at most 3); undefined when none is that
 * close. Ties go to the candidate listed first.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const key = loose(name);
  const same = candidates.find((c) => c !== name && loose(c) === key);
  if (same !== undefined) return same;
  const limit = Math.min(3, Math.floor(name.length / 3));
  let found: string | undefined;
  let distance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = editDistance(name, candidate, Math.min(limit, distance - 1));
    if (d < distance) {
      distance = d;
      found = candidate;
    }
  }
  return found;
}

/** At most this many choices are listed in a message; a longer list gives only the count. */
const MAX_LISTED = 12;

/**
 * The end of a message about a `name` that is not one of `choices`: `: did you mean "x"?` when
 * one is close, else the choices (`; the graph model cases are "a", "b"`, at most 12; more are
 * counted), `; the only graph model case is "a"`, or `; there are no graph model cases`. `what`
 * names one choice and several ("graph model case", "graph model cases").
 */
export function choiceHint(name: string, choices: readonly string[], what: { readonly one: string; readonly many: string }): string {
  const meant = closestName(name, choices);
  if (meant !== undefined) return `: did you mean ${JSON.stringify(meant)}?`;
  if (choices.length === 0) return `; there are no ${what.many}`;
  if (choices.length === 1) return `; the only ${what.one} is ${JSON.stringify(choices[0])}`;
  if (choices.length > MAX_LISTED) return `; there are ${choices.length} ${what.many}`;
  return `; the ${what.many} are ${choices.map((c) => JSON.stringify(c)).join(", ")}`;
}
