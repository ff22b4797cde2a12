// String efuns (COMPAT.md "Efuns": strings), MudOS v22 / Neolith semantics
// with Lapis's code-point strings: lengths, offsets and bit positions count
// Unicode code points, never bytes.
//
// Sections, in order: explode/implode; replace_string/strsrch/repeat_string;
// case, trimming and width; bit strings; terminal_colour; the declarations.
// The MudOS regular-expression dialect is regexp-dialect.ts, crc32 and the
// digests hashes.ts, DES crypt des-crypt.ts.
import { defineEfuns, type EfunDecl } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import { LBuffer, LFunction, LMapping, isInt, type Value } from '../vm/values.js';
import { sprintfEfuns } from './sprintf.js';
import { strlen as cpLength, utf16ToCp } from '../vm/strings.js';
import { checkArraySize } from './arrays.js';
import { regAssoc, regexp } from './regexp-dialect.js';
import { crc32, HASHES, sha1 } from './hashes.js';
import { desCrypt, randomSalt } from './des-crypt.js';

// ---------------------------------------------------------------------------
// Argument helpers.

function str(rt: Runtime, efun: string, n: number, v: Value): string {
  if (typeof v !== 'string') rt.badArgument(efun, n);
  return v as string;
}

function int(rt: Runtime, efun: string, n: number, v: Value): number {
  if (!isInt(v)) rt.badArgument(efun, n);
  return typeof v === 'bigint' ? Number(v) : (v as number) + 0;
}

function arr(rt: Runtime, efun: string, n: number, v: Value): Value[] {
  if (!Array.isArray(v)) rt.badArgument(efun, n);
  return v as Value[];
}

function checkStringLength(rt: Runtime, efun: string, n: number): void {
  if (n > rt.limits.maxStringLength) rt.error(`${efun}: String too large.\n`);
}

// ---------------------------------------------------------------------------
// explode / implode

/**
 * explode(): the leading/trailing delimiter rule is MudOS's compile-time
 * choice, here the config (limits.explodeMode, keys SaneExplodeString and
 * ReversibleExplodeString). 'sane' (MudOS v22's default, SANE_EXPLODE_STRING)
 * drops at most one leading and one trailing delimiter; 'old' (neither
 * option) drops every leading delimiter and one trailing one
 * (`explode("  a b", " ")` is `({ "a", "b" })`); 'reversible' drops nothing
 * (what explode_reversible() always does). Unless reversible, a string of only
 * delimiters gives `({ })`. An empty delimiter splits into single characters;
 * an empty string gives `({ })`.
 */
export function explode(rt: Runtime, s: string, del: string, mode = rt.limits.explodeMode ?? 'sane'): string[] {
  if (s.length === 0) return [];
  if (del.length === 0) {
    const chars = Array.from(s);
    checkArraySize(rt, chars.length);
    return chars;
  }
  let start = 0;
  if (mode !== 'reversible') {
    while (s.startsWith(del, start)) {
      start += del.length;
      if (start >= s.length) return [];
      if (mode === 'sane') break;
    }
  }
  const parts = s.slice(start).split(del);
  if (mode !== 'reversible' && parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  rt.chargeEval(parts.length >> 4);
  checkArraySize(rt, parts.length);
  return parts;
}

/**
 * The index of the first non-string element (a.length if none). A function of
 * its own so that V8 compiles the long scan on its own (on-stack replacement):
 * compiled inside implode(), the code after the loop had no type feedback yet
 * and was thrown away at the loop's exit, on every cold call.
 */
function firstNonString(a: Value[]): number {
  let i = 0;
  while (i < a.length && typeof a[i] === 'string') i++;
  return i;
}

/**
 * implode(): with a string, joins the string elements (others are skipped, as
 * in MudOS); with a function, folds the array: f(f(a0, a1), a2)..., starting
 * from the third argument when given. An empty array gives 0 (or the start).
 */
export function implode(rt: Runtime, a: Value[], glue: string | LFunction, start?: Value): Value {
  if (typeof glue === 'string') {
    // Usually every element is a string: join the array itself, without a copy.
    let i = firstNonString(a);
    let parts = a as string[];
    if (i < a.length) {
      parts = (a as string[]).slice(0, i);
      for (; i < a.length; i++) if (typeof a[i] === 'string') parts.push(a[i] as string);
    }
    const out = parts.join(glue);
    checkStringLength(rt, 'implode', out.length);
    return out;
  }
  let i = 0;
  let acc: Value;
  if (start !== undefined) {
    acc = start;
  } else {
    if (a.length === 0) return 0;
    acc = a[i++];
  }
  for (; i < a.length; i++) acc = rt.callFunction(glue, [acc, a[i]]);
  return acc;
}

// ---------------------------------------------------------------------------
// replace_string / strsrch / repeat_string

/**
 * replace_string(src, pat, rep [, max | first, last]): replaces the matches
 * numbered first..last (1-based; 0 for last means "to the end"; four
 * arguments mean 1..max). first > last leaves the string unchanged, an empty
 * pattern too. A result over the maximum string length gives the undefined 0
 * (MudOS). Lapis applies the range to one-character patterns as well
 * (COMPAT.md rule 3; Neolith ignored it there).
 */
export function replaceString(rt: Runtime, src: string, pat: string, rep: string, first = 0, last = 0): Value {
  if (!last) last = Number.MAX_SAFE_INTEGER;
  if (first > last || pat.length === 0) return src;
  let out = '';
  let pos = 0;
  let count = 0;
  for (;;) {
    const at = src.indexOf(pat, pos);
    if (at < 0) break;
    count++;
    if (count >= first) {
      out += src.slice(pos, at) + rep;
      pos = at + pat.length;
      if (count >= last) break;
    } else {
      out += src.slice(pos, at + pat.length);
      pos = at + pat.length;
    }
    if (out.length > rt.limits.maxStringLength) return -0;
  }
  if (pos === 0) return src;
  out += src.slice(pos);
  if (out.length > rt.limits.maxStringLength) return -0;
  rt.chargeEval(src.length >> 6);
  return out;
}

/** strsrch(): the code-point offset of the first (flag != 0: last) occurrence, or -1. */
export function strsrch(rt: Runtime, s: string, needle: string | number, flag = 0): number {
  let n: string;
  if (typeof needle === 'number') {
    if (!(needle > 0 && needle <= 0x10ffff) || (needle >= 0xd800 && needle <= 0xdfff)) {
      rt.error('strsrch: invalid wide character\n');
    }
    n = String.fromCodePoint(needle);
  } else {
    n = needle;
  }
  if (!n.length || s.length < n.length) return -1;
  const at = flag ? s.lastIndexOf(n) : s.indexOf(n);
  return at < 0 ? -1 : utf16ToCp(s, at);
}

export function repeatString(rt: Runtime, s: string, times: number): string {
  if (times <= 0 || s.length === 0) return '';
  checkStringLength(rt, 'repeat_string', s.length * times);
  return s.repeat(times);
}

// ---------------------------------------------------------------------------
// Case, trimming, width

/** capitalize(): the first character in upper case, the rest unchanged. */
export function capitalize(s: string): string {
  if (!s) return s;
  const first = String.fromCodePoint(s.codePointAt(0) as number);
  const up = first.toUpperCase();
  // Keep one code point (e.g. "ß" would become "SS").
  if (up === first || cpLength(up) !== 1) return s;
  return up + s.slice(first.length);
}

const TRIM_DEFAULT = ' \t\n\r\v\f';

function trimSet(chars: string | undefined): Set<string> {
  return new Set(Array.from(chars ?? TRIM_DEFAULT));
}

/** FluffOS trim(): strips whitespace (or the given characters) from both ends. */
export function trim(s: string, chars?: string, left = true, right = true): string {
  const set = trimSet(chars);
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return a === 0 && b === cps.length ? s : cps.slice(a, b).join('');
}

/**
 * Display columns of one code point: 0 for combining marks and controls, 2 for
 * East Asian wide and full-width characters (the ranges of Markus Kuhn's
 * wcwidth), else 1.
 */
function charWidth(cp: number): number {
  if (cp === 0 || cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x483 && cp <= 0x489) || (cp >= 0x591 && cp <= 0x5bd)
    || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f)
    || (cp >= 0xfe00 && cp <= 0xfe0f)
  ) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || cp === 0x2329 || cp === 0x232a
    || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff)
    || (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

/** FluffOS strwidth(): columns the string takes on a terminal. */
export function strwidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0) as number);
  return w;
}

// ---------------------------------------------------------------------------
// Bit strings: MudOS packs 6 bits into each character, offset from ' ' (so a
// bit string is printable and survives save_object()). Bit n is bit n % 6 of
// character n / 6.

/** MudOS's __MAX_BITFIELD_BITS__ default. */
export const MAX_BITFIELD_BITS = 1200;

function bitValue(rt: Runtime, efun: string, s: string, i: number): number {
  const v = s.charCodeAt(i) - 32;
  if (v < 0 || v > 0x3f) rt.error(`Illegal bit pattern in ${efun} character ${i}\n`);
  return v;
}

export function setBit(rt: Runtime, s: string, bit: number): string {
  if (bit > MAX_BITFIELD_BITS) rt.error(`set_bit() bit requested: ${bit} > maximum bits: ${MAX_BITFIELD_BITS}\n`);
  if (bit < 0) rt.error('Bad argument 2 (negative) to set_bit().\n');
  const ind = Math.floor(bit / 6);
  const padded = s.length > ind ? s : s + ' '.repeat(ind + 1 - s.length);
  const v = bitValue(rt, 'set_bit()', padded, ind) | (1 << (bit % 6));
  return padded.slice(0, ind) + String.fromCharCode(v + 32) + padded.slice(ind + 1);
}

export function clearBit(rt: Runtime, s: string, bit: number): string {
  if (bit > MAX_BITFIELD_BITS) rt.error(`clear_bit() bit requested : ${bit} > maximum bits: ${MAX_BITFIELD_BITS}\n`);
  if (bit < 0) rt.error('Bad argument 2 (negative) to clear_bit().\n');
  const ind = Math.floor(bit / 6);
  if (ind >= s.length) return s;
  const v = bitValue(rt, 'clear_bit', s, ind) & ~(1 << (bit % 6));
  return s.slice(0, ind) + String.fromCharCode(v + 32) + s.slice(ind + 1);
}

export function testBit(rt: Runtime, s: string, bit: number): number {
  if (Math.floor(bit / 6) >= s.length) return 0;
  if (bit < 0) rt.error('Bad argument 2 (negative) to test_bit().\n');
  return ((s.charCodeAt(Math.floor(bit / 6)) - 32) >> (bit % 6)) & 1;
}

/**
 * next_bit(): the first set bit after `start`, or -1. As in MudOS, a start of 0
 * or less searches from bit 0 inclusive.
 */
export function nextBit(s: string, start: number): number {
  const first = start > 0 ? start + 1 : 0;
  for (let bit = first; Math.floor(bit / 6) < s.length; bit++) {
    if (((s.charCodeAt(Math.floor(bit / 6)) - 32) >> (bit % 6)) & 1) return bit;
  }
  return -1;
}

const utf8 = new TextEncoder();

// ---------------------------------------------------------------------------
// terminal_colour (MudOS contrib / FluffOS): every piece between "%^" markers
// that is a key of the mapping (with a string value) is replaced by the value;
// other pieces stay as text (the markers go). With a wrap width, lines are
// word-wrapped counting display columns of the text only (replacements are
// terminal codes and take no room); later lines get `indent` spaces. A
// negative width also pads every line with spaces to the width. The width is
// at least 2 and the indent at most width - 2.

interface ColourAtom {
  text: string;
  width: number;
}

export function terminalColour(s: string, codes: LMapping, wrap = 0, indent = 0): string {
  const parts = s.split('%^');
  if (!wrap) {
    if (parts.length === 1) return s;
    let out = '';
    for (const p of parts) {
      const v = codes.has(p) ? codes.get(p) : undefined;
      out += typeof v === 'string' ? v : p;
    }
    return out;
  }
  const fill = wrap < 0;
  const width = Math.max(2, Math.abs(wrap));
  const ind = ' '.repeat(Math.max(0, Math.min(indent, width - 2)));
  const atoms: ColourAtom[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const v = parts.length > 1 && codes.has(p) ? codes.get(p) : undefined;
    if (typeof v === 'string') atoms.push({ text: v, width: 0 });
    else for (const ch of p) atoms.push({ text: ch, width: ch === '\n' ? -1 : charWidth(ch.codePointAt(0) as number) });
  }
  const lines: string[] = [];
  let line: ColourAtom[] = [];
  let used = 0;
  const flush = (): void => {
    let text = line.map((a) => a.text).join('');
    if (fill && used < width) text += ' '.repeat(width - used);
    lines.push(text);
    line = ind ? [{ text: ind, width: ind.length }] : [];
    used = ind.length;
  };
  for (const a of atoms) {
    if (a.width < 0) {
      flush();
      continue;
    }
    if (a.width > 0 && used + a.width > width) {
      if (a.text === ' ') {
        flush();
        continue;
      }
      // Break at the last space of this line (not inside the indent), carrying the word over.
      let k = line.length - 1;
      while (k >= (ind ? 1 : 0) && line[k].text !== ' ') k--;
      if (k >= (ind ? 1 : 0)) {
        const carry = line.slice(k + 1);
        line = line.slice(0, k);
        used = line.reduce((n, x) => n + x.width, 0);
        flush();
        for (const c of carry) {
          line.push(c);
          used += c.width;
        }
      } else if (used > ind.length) {
        flush();
      }
    }
    line.push(a);
    used += a.width;
  }
  flush();
  return lines.join('\n');
}

function hashInput(rt: Runtime, efun: string, n: number, v: Value): Uint8Array {
  if (typeof v === 'string') return utf8.encode(v);
  if (v instanceof LBuffer) return v.bytes;
  return rt.badArgument(efun, n);
}

// ---------------------------------------------------------------------------
// The declarations.

const decls: EfunDecl[] = [
  {
    name: 'strlen', signature: 'int strlen(string)', pure: true,
    doc: 'The number of characters (code points) in a string.',
    impl: (rt, s) => cpLength(str(rt, 'strlen', 1, s)),
  },
  {
    name: 'explode', signature: 'string *explode(string, string)', pure: true,
    doc: 'Splits a string at a delimiter (MudOS rules for leading and trailing delimiters).',
    impl: (rt, s, d) => explode(rt, str(rt, 'explode', 1, s), str(rt, 'explode', 2, d)),
  },
  {
    name: 'explode_reversible', signature: 'string *explode_reversible(string, string)', pure: true,
    doc: 'Splits a string at a delimiter keeping every empty piece, so implode() restores it.',
    impl: (rt, s, d) => explode(rt, str(rt, 'explode_reversible', 1, s), str(rt, 'explode_reversible', 2, d), 'reversible'),
  },
  {
    name: 'implode', signature: 'mixed implode(mixed *, string | function, void | mixed)',
    doc: 'Joins the strings of an array with a separator, or folds the array with a function.',
    impl: (rt, a, glue, ...rest) => {
      const list = arr(rt, 'implode', 1, a);
      if (typeof glue === 'string') {
        if (rest.length) rt.error('Third argument to implode() is illegal with implode(array, string)\n');
        return implode(rt, list, glue);
      }
      if (!(glue instanceof LFunction)) rt.badArgument('implode', 2);
      return implode(rt, list, glue, rest.length ? rest[0] : undefined);
    },
  },
  {
    name: 'replace_string', signature: 'string replace_string(string, string, string, void | int, void | int)', pure: true,
    doc: 'Replaces occurrences of a pattern (all, the first max, or the first..last ones).',
    impl: (rt, s, p, r, ...range) => {
      if (range.length > 2) rt.error('Too many args to replace_string.\n');
      const src = str(rt, 'replace_string', 1, s);
      const pat = str(rt, 'replace_string', 2, p);
      const rep = str(rt, 'replace_string', 3, r);
      if (range.length === 0) return replaceString(rt, src, pat, rep);
      const a = int(rt, 'replace_string', 4, range[0]);
      if (range.length === 1) return replaceString(rt, src, pat, rep, 0, a);
      return replaceString(rt, src, pat, rep, a, int(rt, 'replace_string', 5, range[1]));
    },
  },
  {
    name: 'strsrch', signature: 'int strsrch(string, string | int, void | int)', pure: true,
    doc: 'The offset of a substring or character, searching from the end when the flag is set; -1 if absent.',
    impl: (rt, s, n, flag) => {
      const needle = typeof n === 'string' ? n : int(rt, 'strsrch', 2, n);
      return strsrch(rt, str(rt, 'strsrch', 1, s), needle, flag === undefined ? 0 : int(rt, 'strsrch', 3, flag));
    },
  },
  {
    name: 'repeat_string', signature: 'string repeat_string(string, int)', pure: true,
    doc: 'A string repeated n times ("" when n <= 0).',
    impl: (rt, s, n) => repeatString(rt, str(rt, 'repeat_string', 1, s), int(rt, 'repeat_string', 2, n)),
  },
  {
    name: 'capitalize', signature: 'string capitalize(string)', pure: true,
    doc: 'The string with its first character in upper case.',
    impl: (rt, s) => capitalize(str(rt, 'capitalize', 1, s)),
  },
  {
    name: 'lower_case', signature: 'string lower_case(string)', pure: true,
    doc: 'The string in lower case.',
    impl: (rt, s) => str(rt, 'lower_case', 1, s).toLowerCase(),
  },
  {
    name: 'upper_case', signature: 'string upper_case(string)', pure: true,
    doc: 'The string in upper case.',
    impl: (rt, s) => str(rt, 'upper_case', 1, s).toUpperCase(),
  },
  {
    name: 'trim', signature: 'string trim(string, void | string)', pure: true,
    doc: 'The string without leading and trailing whitespace (or the given characters).',
    impl: (rt, s, c) => trim(str(rt, 'trim', 1, s), c === undefined ? undefined : str(rt, 'trim', 2, c)),
  },
  {
    name: 'ltrim', signature: 'string ltrim(string, void | string)', pure: true,
    doc: 'The string without leading whitespace (or the given characters).',
    impl: (rt, s, c) => trim(str(rt, 'ltrim', 1, s), c === undefined ? undefined : str(rt, 'ltrim', 2, c), true, false),
  },
  {
    name: 'rtrim', signature: 'string rtrim(string, void | string)', pure: true,
    doc: 'The string without trailing whitespace (or the given characters).',
    impl: (rt, s, c) => trim(str(rt, 'rtrim', 1, s), c === undefined ? undefined : str(rt, 'rtrim', 2, c), false, true),
  },
  {
    name: 'strwidth', signature: 'int strwidth(string)', pure: true,
    doc: 'The number of terminal columns the string takes (wide East Asian characters count 2).',
    impl: (rt, s) => strwidth(str(rt, 'strwidth', 1, s)),
  },
  {
    name: 'strcmp', signature: 'int strcmp(string, string)', pure: true,
    doc: 'Compares two strings: negative, 0 or positive, in code-point order.',
    impl: (rt, a, b) => {
      const x = Array.from(str(rt, 'strcmp', 1, a));
      const y = Array.from(str(rt, 'strcmp', 2, b));
      for (let i = 0; i < x.length && i < y.length; i++) {
        if (x[i] !== y[i]) return (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    },
  },
  {
    name: 'regexp', signature: 'mixed regexp(string | string *, string, void | int)', pure: true,
    doc: 'Tests a string against a MudOS regular expression, or filters an array of strings by one.',
    impl: (rt, subject, pattern, flag) => {
      const pat = str(rt, 'regexp', 2, pattern);
      if (flag !== undefined && !isInt(flag)) rt.error('Bad argument 3 to regexp()\n');
      if (typeof subject !== 'string' && !Array.isArray(subject)) rt.badArgument('regexp', 1);
      return regexp(rt, subject, pat, flag === undefined ? undefined : int(rt, 'regexp', 3, flag));
    },
  },
  {
    name: 'reg_assoc', signature: 'mixed *reg_assoc(string, string *, mixed *, void | mixed)', pure: true,
    doc: 'Splits a string into matches of several patterns, tagging each piece with its token.',
    impl: (rt, s, pats, toks, ...def) => {
      if (!Array.isArray(toks)) rt.error('Bad argument 3 to reg_assoc()\n');
      return regAssoc(rt, str(rt, 'reg_assoc', 1, s), arr(rt, 'reg_assoc', 2, pats), toks as Value[], def.length ? def[0] : 0);
    },
  },
  {
    name: 'crypt', signature: 'string crypt(string, string | int)',
    doc: 'Traditional Unix DES crypt: crypt(pw, salt); crypt(pw, hash) == hash verifies a password.',
    impl: (rt, pw, salt) => desCrypt(str(rt, 'crypt', 1, pw), typeof salt === 'string' && salt.length >= 2 ? salt : randomSalt()),
  },
  {
    name: 'oldcrypt', signature: 'string oldcrypt(string, string | int)',
    doc: 'The same DES crypt as crypt() (FluffOS name for MudOS-compatible hashes).',
    impl: (rt, pw, salt) => desCrypt(str(rt, 'oldcrypt', 1, pw), typeof salt === 'string' && salt.length >= 2 ? salt : randomSalt()),
  },
  {
    name: 'crc32', signature: 'int crc32(string | buffer)', pure: true,
    doc: "MudOS's CRC-32 of a string (as UTF-8) or buffer.",
    impl: (rt, v) => {
      if (typeof v === 'string') return crc32(utf8.encode(v));
      if (v instanceof LBuffer) return crc32(v.bytes);
      return rt.badArgument('crc32', 1);
    },
  },
  {
    name: 'set_bit', signature: 'string set_bit(string, int)', pure: true,
    doc: 'The bit string with bit n set (6 bits per character, growing the string as needed).',
    impl: (rt, s, n) => setBit(rt, str(rt, 'set_bit', 1, s), int(rt, 'set_bit', 2, n)),
  },
  {
    name: 'clear_bit', signature: 'string clear_bit(string, int)', pure: true,
    doc: 'The bit string with bit n cleared.',
    impl: (rt, s, n) => clearBit(rt, str(rt, 'clear_bit', 1, s), int(rt, 'clear_bit', 2, n)),
  },
  {
    name: 'test_bit', signature: 'int test_bit(string, int)', pure: true,
    doc: '1 when bit n of the bit string is set.',
    impl: (rt, s, n) => testBit(rt, str(rt, 'test_bit', 1, s), int(rt, 'test_bit', 2, n)),
  },
  {
    name: 'next_bit', signature: 'int next_bit(string, int)', pure: true,
    doc: 'The next set bit after n (from bit 0 when n <= 0), or -1.',
    impl: (rt, s, n) => nextBit(str(rt, 'next_bit', 1, s), int(rt, 'next_bit', 2, n)),
  },
  {
    name: 'terminal_colour', signature: 'string terminal_colour(string, mapping, void | int, void | int)', pure: true,
    doc: 'Replaces %^KEY%^ markers by the mapping\'s values, optionally wrapping (and indenting) the text.',
    impl: (rt, s, m, wrap, indent) => {
      if (!(m instanceof LMapping)) rt.badArgument('terminal_colour', 2);
      return terminalColour(str(rt, 'terminal_colour', 1, s), m as LMapping,
        wrap === undefined ? 0 : int(rt, 'terminal_colour', 3, wrap), indent === undefined ? 0 : int(rt, 'terminal_colour', 4, indent));
    },
  },
  {
    name: 'sha1', signature: 'string sha1(string | buffer)', pure: true,
    doc: 'The SHA-1 digest of a string (as UTF-8) or buffer, in hex.',
    impl: (rt, v) => sha1(hashInput(rt, 'sha1', 1, v)),
  },
  {
    name: 'hash', signature: 'string hash(string, string | buffer)', pure: true,
    doc: 'The digest of a string or buffer in hex: md5, sha1, sha224 or sha256.',
    impl: (rt, algo, v) => {
      const f = HASHES[str(rt, 'hash', 1, algo)];
      if (!f) rt.error(`hash: unsupported algorithm '${algo}'\n`);
      return f(hashInput(rt, 'hash', 2, v));
    },
  },
  ...sprintfEfuns,
];

export const efuns = defineEfuns('strings', decls);
