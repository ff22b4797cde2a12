// String efuns (COMPAT.md "Efuns": strings), MudOS v22 / Neolith semantics
// with Lapis's code-point strings: lengths, offsets and bit positions count
// Unicode code points, never bytes.
//
// Sections, in order: explode/implode; replace_string/strsrch/repeat_string;
// case, trimming and width; bit strings; crc32; the MudOS regular-expression
// dialect (Henry Spencer's regexp as extended by MudOS, translated to
// JavaScript RegExp: regexp(), reg_assoc() and sscanf's %(...) all compile
// through `compileRegexp`); terminal_colour; hashes; the declarations; DES
// crypt. (The regexp, hash and crypt sections are natural candidates for
// files of their own.)
import { defineEfuns, type EfunDecl } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import { LBuffer, LFunction, LMapping, isInt, type Value } from '../vm/values.js';
import { sprintfEfuns } from './sprintf.js';
import { strlen as cpLength, utf16ToCp } from '../vm/strings.js';

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

/** Results larger than MaxArraySize are an error, never silently cut (COMPAT.md rule 3). */
function checkArraySize(rt: Runtime, n: number): void {
  if (n > rt.limits.maxArraySize) rt.error('Illegal array size.\n');
}

function checkStringLength(rt: Runtime, efun: string, n: number): void {
  if (n > rt.limits.maxStringLength) rt.error(`${efun}: String too large.\n`);
}

// ---------------------------------------------------------------------------
// explode / implode

/**
 * explode(): MudOS v22 by default drops every leading delimiter and one
 * trailing delimiter (`explode("  a b", " ")` is `({ "a", "b" })`, and a
 * string of only delimiters gives `({ })`). Config `explodeMode` selects the
 * other MudOS compile options: 'sane' drops only one leading delimiter,
 * 'reversible' drops nothing (what explode_reversible() always does). An empty
 * delimiter splits into single characters; an empty string gives `({ })`.
 */
export function explode(rt: Runtime, s: string, del: string, mode = rt.limits.explodeMode ?? 'mudos'): string[] {
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
 * implode(): with a string, joins the string elements (others are skipped, as
 * in MudOS); with a function, folds the array: f(f(a0, a1), a2)..., starting
 * from the third argument when given. An empty array gives 0 (or the start).
 */
export function implode(rt: Runtime, a: Value[], glue: string | LFunction, start?: Value): Value {
  if (typeof glue === 'string') {
    // Usually every element is a string: join the array itself, without a copy.
    let i = 0;
    while (i < a.length && typeof a[i] === 'string') i++;
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

// ---------------------------------------------------------------------------
// crc32: MudOS's variant of CRC-32 (the IEEE polynomial, reflected, initial
// value 0xFFFFFFFF) without the final inversion zlib applies; strings are
// hashed as UTF-8.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return crc >>> 0;
}

const utf8 = new TextEncoder();

// ---------------------------------------------------------------------------
// Regular expressions: the MudOS dialect.
//
// `| * + ?` and `( )` are operators, `.` any character, `^`/`$` the start and
// end of the string, `[...]` / `[^...]` sets with ranges (a leading `]` or `-`
// is literal), `\<` and `\>` the start and end of a word (letters, digits,
// `_`), `\t \r \b` tab, CR and backspace; a backslash before anything else
// makes it literal (`\d` is the letter d). `\{` and `\}` are rejected.

interface Tok {
  c: string;
  special: boolean;
}

const SPECIALS = new Set(['(', ')', '.', '*', '+', '?', '|', '$', '^', '[', ']']);
const ESCAPED_CONTROLS: Record<string, string> = { b: '\b', t: '\t', r: '\r' };
const WORD = '[A-Za-z0-9_]';

function tokenize(pattern: string): Tok[] | string {
  const toks: Tok[] = [];
  const cps = Array.from(pattern);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === '\\') {
      const n = cps[++i];
      if (n === undefined) return 'Regular expression cannot end with \'\\\'.  Use "\\\\".\n';
      if (n === '<' || n === '>') toks.push({ c: n, special: true });
      else if (n === '{' || n === '}') return 'sorry, unimplemented operator\n';
      else toks.push({ c: ESCAPED_CONTROLS[n] ?? n, special: false });
    } else {
      toks.push({ c, special: SPECIALS.has(c) });
    }
  }
  return toks;
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

function escapeInClass(c: string): string {
  return /[\\\]\[^-]/.test(c) ? '\\' + c : c;
}

/** Translates a MudOS pattern to JavaScript RegExp source, or returns MudOS's error text. */
export function translateRegexp(pattern: string): { source: string } | { error: string } {
  const toks = tokenize(pattern);
  if (typeof toks === 'string') return { error: toks };
  let out = '';
  let depth = 0;
  // What precedes a possible quantifier: nothing, a zero-width assertion, an atom, or a quantifier.
  let prev: 'none' | 'zero' | 'atom' | 'quant' = 'none';
  for (let i = 0; i < toks.length; i++) {
    const { c, special } = toks[i];
    if (!special) {
      out += escapeLiteral(c);
      prev = 'atom';
      continue;
    }
    switch (c) {
      case '.':
        out += '.';
        prev = 'atom';
        break;
      case '^':
      case '$':
        out += c;
        prev = 'zero';
        break;
      case '<':
        out += `(?<!${WORD})(?=${WORD})`;
        prev = 'zero';
        break;
      case '>':
        out += `(?<=${WORD})(?!${WORD})`;
        prev = 'zero';
        break;
      case '*':
      case '+':
      case '?':
        if (prev === 'none') return { error: `${c} follows nothing\n` };
        if (prev === 'quant') return { error: 'nested *?+\n' };
        if (prev === 'zero' && c !== '?') return { error: '*+ operand could be empty\n' };
        out += c;
        prev = 'quant';
        break;
      case '|':
        out += '|';
        prev = 'none';
        break;
      case '(':
        out += '(';
        depth++;
        prev = 'none';
        break;
      case ')':
        if (depth === 0) return { error: 'unmatched ()\n' };
        out += ')';
        depth--;
        prev = 'atom';
        break;
      case ']':
        out += '\\]';
        prev = 'atom';
        break;
      case '[': {
        let j = i + 1;
        let negate = false;
        if (toks[j]?.special && toks[j].c === '^') {
          negate = true;
          j++;
        }
        let set = '';
        if (toks[j] && (toks[j].c === ']' || toks[j].c === '-')) set += escapeInClass(toks[j++].c);
        while (j < toks.length && !(toks[j].special && toks[j].c === ']')) {
          if (toks[j].c === '-' && !toks[j].special) {
            j++;
            if (j >= toks.length || (toks[j].special && toks[j].c === ']')) {
              set += '\\-';
            } else {
              const lo = (toks[j - 2].c.codePointAt(0) as number) + 1;
              const hi = toks[j].c.codePointAt(0) as number;
              if (lo > hi + 1) return { error: 'invalid [] range\n' };
              if (lo <= hi) set += escapeInClass(String.fromCodePoint(lo)) + '-' + escapeInClass(toks[j].c);
              j++;
            }
          } else {
            set += escapeInClass(toks[j++].c);
          }
        }
        if (j >= toks.length) return { error: 'unmatched []\n' };
        out += set === '' ? (negate ? '[^]' : '[]') : `[${negate ? '^' : ''}${set}]`;
        i = j;
        prev = 'atom';
        break;
      }
    }
  }
  if (depth !== 0) return { error: 'unmatched ()\n' };
  return { source: out };
}

const REGEXP_CACHE = new Map<string, RegExp>();
const REGEXP_CACHE_LIMIT = 256;

/**
 * Compiles a MudOS pattern (cached). Raises the MudOS error text on a bad
 * pattern. The RegExp has no `g`/`y` flag, so exec() is stateless.
 */
export function compileRegexp(rt: Runtime, pattern: string): RegExp {
  const hit = REGEXP_CACHE.get(pattern);
  if (hit) return hit;
  const t = translateRegexp(pattern);
  if ('error' in t) return rt.error(t.error);
  let re: RegExp;
  try {
    re = new RegExp(t.source, 'su');
  } catch {
    return rt.error('regexp: bad regular expression\n');
  }
  if (REGEXP_CACHE.size >= REGEXP_CACHE_LIMIT) REGEXP_CACHE.delete(REGEXP_CACHE.keys().next().value as string);
  REGEXP_CACHE.set(pattern, re);
  return re;
}

/**
 * regexp(): with a string, 1 when it matches; with an array, the matching
 * strings (flag bit 2: the non-matching ones; bit 1: each followed by its
 * 1-based index). Non-string elements never appear.
 */
export function regexp(rt: Runtime, subject: string | Value[], pattern: string, flag?: number): Value {
  const re = compileRegexp(rt, pattern);
  if (typeof subject === 'string') {
    if (flag !== undefined) rt.error('3rd argument illegal for regexp(string, string)\n');
    return re.test(subject) ? 1 : 0;
  }
  const want = !((flag ?? 0) & 2);
  const withIndex = ((flag ?? 0) & 1) !== 0;
  const out: Value[] = [];
  subject.forEach((v, i) => {
    if (typeof v === 'string' && re.test(v) === want) {
      out.push(v);
      if (withIndex) out.push(i + 1);
    }
  });
  rt.chargeEval(subject.length);
  return out;
}

/**
 * reg_assoc(str, patterns, tokens [, default]): splits `str` into the pieces
 * between and matching the patterns: `({ pieces, tokens })`, where pieces
 * alternate unmatched text and matches (always odd in number) and tokens holds
 * the token of each match and `default` for the text between. At each point
 * the earliest match wins; on a tie the first pattern.
 */
export function regAssoc(rt: Runtime, s: string, pats: Value[], toks: Value[], def: Value = 0): Value[] {
  if (pats.length !== toks.length) rt.error('Pattern and token array sizes must be identical.\n');
  const res = pats.map((p) => {
    if (typeof p !== 'string') rt.error('Non-string found in pattern array.\n');
    return compileRegexp(rt, p as string);
  });
  const pieces: Value[] = [];
  const tokens: Value[] = [];
  let pos = 0; // end of the text already emitted
  let at = 0; // where the next search starts
  while (res.length && at < s.length) {
    const rest = s.slice(at);
    let best = -1;
    let bestStart = 0;
    let bestLen = 0;
    for (let i = 0; i < res.length; i++) {
      const m = res[i].exec(rest);
      if (!m) continue;
      if (m.index === 0) {
        best = i;
        bestStart = 0;
        bestLen = m[0].length;
        break;
      }
      if (best < 0 || m.index < bestStart) {
        best = i;
        bestStart = m.index;
        bestLen = m[0].length;
      }
    }
    if (best < 0) break;
    const begin = at + bestStart;
    pieces.push(s.slice(pos, begin), s.slice(begin, begin + bestLen));
    tokens.push(def, toks[best]);
    pos = at = begin + bestLen;
    // An empty match must not loop: step over one character.
    if (bestLen === 0) {
      at += s.codePointAt(at)! > 0xffff ? 2 : 1;
      if (at >= s.length) break;
    }
  }
  pieces.push(s.slice(pos));
  tokens.push(def);
  checkArraySize(rt, pieces.length);
  return [pieces, tokens];
}

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

// ---------------------------------------------------------------------------
// Hashes (FluffOS sha1() and hash()): MD5, SHA-1, SHA-224 and SHA-256 over the
// UTF-8 bytes of a string (or a buffer's bytes), as lowercase hex. Pure
// TypeScript, since this layer may not use node:crypto.

function hex32(words: ArrayLike<number>, count: number, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const w = words[i] >>> 0;
    const be = littleEndian ? ((w & 0xff) << 24 | (w & 0xff00) << 8 | (w >>> 8) & 0xff00 | w >>> 24) >>> 0 : w;
    out += be.toString(16).padStart(8, '0');
  }
  return out;
}

/** Pads a message the MD5/SHA way: 0x80, zeros, then the bit length (64 bits). */
function padMessage(bytes: Uint8Array, littleEndian: boolean): DataView {
  const len = bytes.length;
  const total = (((len + 8) >> 6) + 1) << 6;
  const buf = new Uint8Array(total);
  buf.set(bytes);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = len * 8;
  view.setUint32(total - (littleEndian ? 8 : 4), bits >>> 0, littleEndian);
  view.setUint32(total - (littleEndian ? 4 : 8), Math.floor(bits / 0x100000000), littleEndian);
  return view;
}

const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) >>> 0);
const MD5_R = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

export function md5(bytes: Uint8Array): string {
  const v = padMessage(bytes, true);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const m = new Array<number>(16);
  for (let off = 0; off < v.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) m[i] = v.getUint32(off + i * 4, true);
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      let f: number;
      let g: number;
      if (round === 0) { f = (b & c) | (~b & d); g = i; }
      else if (round === 1) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
      else if (round === 2) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
      else { f = c ^ (b | ~d); g = (7 * i) & 15; }
      const t = d;
      d = c;
      c = b;
      const x = (a + f + MD5_K[i] + m[g]) | 0;
      const r = MD5_R[(round << 2) | (i & 3)];
      b = (b + ((x << r) | (x >>> (32 - r)))) | 0;
      a = t;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
  }
  return hex32(h, 4, true);
}

export function sha1(bytes: Uint8Array): string {
  const v = padMessage(bytes, false);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Int32Array(80);
  for (let off = 0; off < v.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = v.getUint32(off + i * 4, false);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = b ^ c ^ d; k = 0xca62c1d6; }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
  }
  return hex32(h, 5, false);
}

/** SHA-256 round constants: fractional parts of the cube roots of the first 64 primes. */
const SHA256_K = (() => {
  const k: number[] = [];
  for (let n = 2; k.length < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) k.push(Math.floor((Math.cbrt(n) % 1) * 0x100000000) >>> 0);
  }
  return k;
})();
const SHA256_IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const SHA224_IV = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];

function sha2(bytes: Uint8Array, iv: number[], words: number): string {
  const v = padMessage(bytes, false);
  const h = iv.slice();
  const w = new Int32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < v.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = v.getUint32(off + i * 4, false);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    const cur = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i] + cur[i]) | 0;
  }
  return hex32(h, words, false);
}

/** Hash functions by FluffOS algorithm name. */
export const HASHES: Record<string, (bytes: Uint8Array) => string> = {
  md5,
  sha1,
  sha224: (b) => sha2(b, SHA224_IV, 7),
  sha256: (b) => sha2(b, SHA256_IV, 8),
};

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

/** crypt's alphabet, in value order. */
const SALT_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomSalt(): string {
  return SALT_CHARS[Math.floor(Math.random() * 64)] + SALT_CHARS[Math.floor(Math.random() * 64)];
}

export const efuns = defineEfuns('strings', decls);

// ---------------------------------------------------------------------------
// crypt(): traditional Unix DES crypt(3), which MudOS/Neolith get from the C
// library (glibc reads only the first two salt characters), so password hashes
// saved by those drivers verify here. The key is the first 8 bytes of the
// UTF-8 password (7 bits each); the 12-bit salt swaps entries of the
// expansion table; a zero block is encrypted 25 times; the 64-bit result
// (plus two zero bits) is printed as 11 characters of "./0-9A-Za-z" after
// the 2 salt characters. Tables are those of FIPS 46-3 (1-based bit numbers).

const DES_PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const DES_PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const DES_SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const DES_IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
const DES_E = [
  32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
  16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
];
const DES_P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];
const DES_S = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];
/** The final permutation is the inverse of the initial one. */
const DES_FP = (() => {
  const fp = new Array<number>(64);
  DES_IP.forEach((from, to) => { fp[from - 1] = to + 1; });
  return fp;
})();

function permute(bits: Uint8Array, table: readonly number[]): Uint8Array {
  const out = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) out[i] = bits[table[i] - 1];
  return out;
}

/** The 6-bit value of a crypt alphabet character ("./0-9A-Za-z"), as the classic crypt maps it. */
function saltValue(c: number): number {
  if (c > 90) return (c - 59) & 0x3f;
  if (c > 57) return (c - 53) & 0x3f;
  return (c - 46) & 0x3f;
}

/** crypt(3) with the traditional DES algorithm; only the first two characters of `salt` are used. */
export function desCrypt(password: string, salt: string): string {
  const pw = utf8.encode(password);
  const key = new Uint8Array(64);
  for (let i = 0; i < 8 && i < pw.length && pw[i] !== 0; i++) {
    for (let j = 0; j < 7; j++) key[8 * i + j] = (pw[i] >> (6 - j)) & 1;
  }
  const cd = permute(key, DES_PC1);
  const subkeys: Uint8Array[] = [];
  for (let r = 0; r < 16; r++) {
    for (let k = 0; k < DES_SHIFTS[r]; k++) {
      const c0 = cd[0];
      const d0 = cd[28];
      cd.copyWithin(0, 1, 28);
      cd[27] = c0;
      cd.copyWithin(28, 29, 56);
      cd[55] = d0;
    }
    subkeys.push(permute(cd, DES_PC2));
  }
  const s0 = salt.charCodeAt(0);
  const s1 = salt.charCodeAt(1);
  const saltBits = saltValue(s0) | (saltValue(s1) << 6);
  const e = DES_E.slice();
  for (let i = 0; i < 12; i++) {
    if ((saltBits >> i) & 1) {
      const t = e[i];
      e[i] = e[i + 24];
      e[i + 24] = t;
    }
  }
  let block: Uint8Array = new Uint8Array(64);
  const er = new Uint8Array(48);
  const sOut = new Uint8Array(32);
  for (let iter = 0; iter < 25; iter++) {
    const lr = permute(block, DES_IP);
    let l = lr.slice(0, 32);
    let r = lr.slice(32);
    for (let round = 0; round < 16; round++) {
      const k = subkeys[round];
      for (let i = 0; i < 48; i++) er[i] = r[e[i] - 1] ^ k[i];
      for (let b = 0; b < 8; b++) {
        const o = b * 6;
        const row = (er[o] << 1) | er[o + 5];
        const col = (er[o + 1] << 3) | (er[o + 2] << 2) | (er[o + 3] << 1) | er[o + 4];
        const v = DES_S[b][row * 16 + col];
        for (let j = 0; j < 4; j++) sOut[b * 4 + j] = (v >> (3 - j)) & 1;
      }
      const f = permute(sOut, DES_P);
      const nr = new Uint8Array(32);
      for (let i = 0; i < 32; i++) nr[i] = l[i] ^ f[i];
      l = r;
      r = nr;
    }
    const pre = new Uint8Array(64);
    pre.set(r, 0);
    pre.set(l, 32);
    block = permute(pre, DES_FP);
  }
  let out = salt.slice(0, 2);
  for (let i = 0; i < 11; i++) {
    let v = 0;
    for (let j = 0; j < 6; j++) {
      const bit = i * 6 + j;
      v = (v << 1) | (bit < 64 ? block[bit] : 0);
    }
    out += SALT_CHARS[v];
  }
  return out;
}
