// Code-point helpers for LPC strings (DESIGN.md decision 2: `strlen("你好") == 2`).
//
// LPC strings are JS strings, but LPC counts, indexes and slices them by
// Unicode code point, while JS counts UTF-16 code units. The two agree unless
// the string holds a surrogate pair (a character outside the BMP, such as an
// emoji). Almost every MUD string is BMP-only, so every helper here first asks
// "does this string contain a surrogate?" and, when it does not, uses the plain
// UTF-16 index.
//
// Cost model (n = string length in code units):
// - `hasAstral(s)`: one native regex scan, O(n), no allocation. Its answer for
//   the two most recently inspected strings is remembered (a cache keyed by the
//   strings themselves; a hit is usually a pointer compare), so a loop
//   `for (i = 0; i < strlen(s); i++) s[i]` scans `s` once, not once per
//   iteration, even when it walks two strings side by side.
// - For a BMP-only string, `strlen`, `charAt`, `cpToUtf16` and
//   `sliceCodePoints` are then O(1) (plus the copy a slice makes).
// - For a string with surrogates, the first positional query builds a table of
//   code-point → UTF-16 offsets (O(n), one Int32Array) that the same cache keeps;
//   later queries on the same string are O(1).
// - A lone surrogate counts as one code point (as JS's own string iterator does),
//   so no string is ever rejected here.
//
// Nothing here imports Node-only modules.

const SURROGATE = /[\uD800-\uDFFF]/;

// A two-entry cache of the strings inspected last (two, so that code walking
// two strings side by side does not rescan both at every step). For each:
// whether it has surrogates, and once needed its offset table (`offsets[i]` =
// UTF-16 index of code point i, with one extra entry for the end).
let strA = '';
let surA = false;
let offA: Int32Array | null = null;
let strB = '';
let surB = false;
let offB: Int32Array | null = null;

/** Makes `s` the most recent cache entry (entry A), demoting A to B. */
function remember(s: string, sur: boolean, off: Int32Array | null): void {
  strB = strA;
  surB = surA;
  offB = offA;
  strA = s;
  surA = sur;
  offA = off;
}

/** Strings up to this length are scanned without the cache (see hasAstral). */
const SHORT = 24;

/**
 * The string a producer last vouched for as surrogate-free (noteBmp), kept
 * apart from the two-entry cache so that it never evicts a long string there.
 * sprintf() results are built from pieces already scanned, and the usual next
 * step, strlen(sprintf(...)), would otherwise scan (and flatten) the new
 * concatenation once more.
 */
let bmpNote = '';

/** Records that `s` holds no surrogate (the caller has checked every piece of it). */
export function noteBmp(s: string): void {
  bmpNote = s;
}

/** True when `s` holds any UTF-16 surrogate, i.e. when code-point and UTF-16 indexes may differ. */
export function hasAstral(s: string): boolean {
  if (s === bmpNote) return false;
  const n = s.length;
  if (n <= SHORT) {
    // Short strings (names, words, sprintf pieces) are scanned directly: a
    // loop is cheaper than a regex call, and they stay out of the cache so
    // that a long string's entry survives a loop over many short ones.
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return true;
    }
    return false;
  }
  if (s === strA) return surA;
  if (s === strB) return surB;
  const has = SURROGATE.test(s);
  remember(s, has, null);
  return has;
}

/** The offset table of a string that has surrogates (built once, then cached). */
function offsetsOf(s: string): Int32Array {
  if (s === strA && offA !== null) return offA;
  if (s === strB && offB !== null) return offB;
  const n = s.length;
  // Count code points first so the table is allocated exactly once.
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  const table = new Int32Array(count + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    table[k++] = i;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  table[k] = n;
  if (s === strA) offA = table;
  else if (s === strB) offB = table;
  else remember(s, true, table);
  return table;
}

/** LPC `strlen`: the number of code points. */
export function strlen(s: string): number {
  if (!hasAstral(s)) return s.length;
  return offsetsOf(s).length - 1;
}

/**
 * The UTF-16 index of code point `i` in `s`. `i` must be in 0..strlen(s)
 * (strlen itself maps to s.length).
 */
export function cpToUtf16(s: string, i: number): number {
  if (!hasAstral(s)) return i;
  return offsetsOf(s)[i];
}

/**
 * The code-point index of UTF-16 index `i` in `s` (0..s.length), e.g. to turn
 * a JS `indexOf` result into an LPC position. An index that falls between the
 * two halves of a surrogate pair maps to that pair's code point. O(1) for BMP
 * strings, O(log n) with the cached table otherwise.
 */
export function utf16ToCp(s: string, i: number): number {
  if (i <= 0 || !hasAstral(s)) return i;
  const t = offsetsOf(s);
  let lo = 0;
  let hi = t.length - 1;
  if (i >= t[hi]) return hi;
  // Largest k with t[k] <= i.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The code point at code-point index `i`; `i` must be in 0..strlen(s)-1. */
export function charAt(s: string, i: number): number {
  if (!hasAstral(s)) return s.charCodeAt(i);
  return s.codePointAt(offsetsOf(s)[i]) as number;
}

/**
 * The code points [lo, hi) of `s` (hi exclusive, like String.prototype.slice).
 * Bounds are clamped to 0..strlen(s); an empty range gives "".
 */
export function sliceCodePoints(s: string, lo: number, hi: number): string {
  if (!hasAstral(s)) return s.slice(lo < 0 ? 0 : lo, hi < 0 ? 0 : hi);
  const t = offsetsOf(s);
  const len = t.length - 1;
  if (lo < 0) lo = 0;
  if (hi > len) hi = len;
  if (lo >= hi) return '';
  return s.slice(t[lo], t[hi]);
}

/** `s` with the code point at index `i` (0..strlen(s)-1) replaced by `cp`. */
export function replaceCodePoint(s: string, i: number, cp: number): string {
  const ch = fromCodePoint(cp);
  if (!hasAstral(s)) {
    if (ch.length === 1 && s.charCodeAt(i) === cp) return s;
    return s.slice(0, i) + ch + s.slice(i + 1);
  }
  const t = offsetsOf(s);
  return s.slice(0, t[i]) + ch + s.slice(t[i + 1]);
}

/** True for an int that names a Unicode scalar value other than NUL (what an LPC string may hold). */
export function isValidCodePoint(n: number): boolean {
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);
}

// Single BMP characters are interned by V8 for String.fromCharCode on small
// codes; a small table avoids even that call for ASCII, the most common case.
const ASCII: string[] = [];
for (let c = 0; c < 128; c++) ASCII.push(String.fromCharCode(c));

/** The one-character string for code point `cp` (0..0x10FFFF; callers validate). */
export function fromCodePoint(cp: number): string {
  if (cp < 128) return ASCII[cp];
  if (cp < 0x10000) return String.fromCharCode(cp);
  return String.fromCodePoint(cp);
}

/**
 * Compares two strings by code point (which is also UTF-8 byte order, what
 * MudOS's byte-wise comparison gives). JS's `<` compares UTF-16 code units,
 * which puts U+E000..U+FFFF (e.g. full-width punctuation) after the
 * surrogates that encode emoji; this fixes that at the first difference.
 * Returns a negative number, 0 or a positive number.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (D800..DFFF) stand for code points above FFFF, so they must
      // sort after E000..FFFF: shift both ranges to restore code-point order.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}
