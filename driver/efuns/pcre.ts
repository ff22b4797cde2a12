// PCRE efuns (FluffOS package pcre): pcre_version, pcre_match,
// pcre_match_all, pcre_extract, pcre_replace, pcre_replace_callback,
// pcre_assoc.
//
// Patterns are PCRE syntax, translated once (and cached) to an ECMAScript
// RegExp in unicode mode (FluffOS compiles with PCRE_UTF8). What has an exact
// equivalent is translated (including PCRE's LF-only newline for ".", "^"
// and "$", which ECMAScript would also apply to \r and U+2028/9): named groups in all three spellings, back
// references by name, lookbehind, \A \z \Z \h \R \e \Q…\E \x{…}, POSIX
// classes inside brackets, escaped punctuation, literal braces, leading
// option groups such as (?i) and the flags below. What has none is refused
// with a clear error instead of matching differently: possessive quantifiers,
// atomic groups, recursion and subroutine calls, conditionals, \G, and option
// groups in the middle of a pattern.
//
// Flags (FluffOS include/pcre_flags.h): PCRE_I 1<<16 caseless, PCRE_M 1<<17
// multiline, PCRE_S 1<<18 dotall, PCRE_U 1<<19 ungreedy, PCRE_X 1<<20
// extended, PCRE_A 1<<21 anchored.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import { LFunction, LMapping, type Value } from '../vm/values.js';

export const PCRE_I = 1 << 16;
export const PCRE_M = 1 << 17;
export const PCRE_S = 1 << 18;
export const PCRE_U = 1 << 19;
export const PCRE_X = 1 << 20;
export const PCRE_A = 1 << 21;

/** What pcre_version() reports: the syntax level we follow and the engine that runs it. */
export const PCRE_VERSION = '8.45 (Lapis: PCRE syntax on the ECMAScript RegExp engine)';

export interface Translated {
  source: string;
  flags: string;
  /** Anchored at the start of the subject (PCRE_A). */
  anchored: boolean;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: '\\w', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~', ascii: '\\x00-\\x7f',
};

/** ECMAScript syntax characters: the only ones that may be escaped outside a class in unicode mode. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const SIMPLE_ESCAPES = new Set('dDwWsSbBtnrfv0123456789'.split(''));

class Unsupported extends Error {}

function escapeLiteral(ch: string, inClass: boolean): string {
  if (inClass) return /[\\\]\[^-]/.test(ch) ? '\\' + ch : ch;
  return SYNTAX.has(ch) ? '\\' + ch : ch;
}

/**
 * Translates a PCRE pattern. Throws Unsupported (message = the reason) for
 * constructs ECMAScript cannot express.
 */
export function translatePcre(pattern: string, pcreFlags = 0): Translated {
  let flags = 'u';
  let caseless = (pcreFlags & PCRE_I) !== 0;
  let multiline = (pcreFlags & PCRE_M) !== 0;
  let dotall = (pcreFlags & PCRE_S) !== 0;
  let extended = (pcreFlags & PCRE_X) !== 0;
  let ungreedy = (pcreFlags & PCRE_U) !== 0;
  const chars = [...pattern];
  let i = 0;
  // Leading option settings, e.g. (?i) or (?im-s), apply to the whole pattern.
  for (;;) {
    const m = /^\(\?([imsxU]*)(?:-([imsxU]*))?\)/.exec(chars.slice(i).join(''));
    if (!m || (!m[1] && !m[2])) break;
    for (const [set, on] of [[m[1] ?? '', true], [m[2] ?? '', false]] as [string, boolean][]) {
      for (const f of set) {
        if (f === 'i') caseless = on;
        else if (f === 'm') multiline = on;
        else if (f === 's') dotall = on;
        else if (f === 'x') extended = on;
        else if (f === 'U') ungreedy = on;
      }
    }
    i += [...m[0]].length;
  }
  let out = '';
  let inClass = false;
  const peek = (k = 0) => chars[i + k];
  while (i < chars.length) {
    const c = chars[i];
    if (c === '\\') {
      const n = chars[i + 1];
      if (n === undefined) throw new Unsupported('\\ at end of pattern');
      i += 2;
      if (n === 'Q') {
        let lit = '';
        while (i < chars.length && !(chars[i] === '\\' && chars[i + 1] === 'E')) lit += escapeLiteral(chars[i++], inClass);
        if (i < chars.length) i += 2;
        out += lit;
        continue;
      }
      if (n === 'E') continue;
      if (n === 'x' && peek() === '{') {
        const close = chars.indexOf('}', i);
        if (close < 0) throw new Unsupported('unterminated \\x{');
        out += '\\u{' + chars.slice(i + 1, close).join('') + '}';
        i = close + 1;
        continue;
      }
      if (n === 'x') {
        const hex = chars.slice(i, i + 2).join('');
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          out += '\\x' + hex;
          i += 2;
        } else {
          out += '\\x00';
        }
        continue;
      }
      if (!inClass) {
        if (n === 'A') { out += '(?<![\\s\\S])'; continue; }
        if (n === 'z') { out += '(?![\\s\\S])'; continue; }
        if (n === 'Z') { out += '(?=\\n?(?![\\s\\S]))'; continue; }
        if (n === 'R') { out += '(?:\\r\\n|[\\n\\v\\f\\r\\x85\\u2028\\u2029])'; continue; }
        if (n === 'G') throw new Unsupported('\\G is not supported');
        if (n === 'K') throw new Unsupported('\\K is not supported');
      }
      if (n === 'h') { out += inClass ? ' \\t\\u00a0' : '[ \\t\\u00a0]'; continue; }
      if (n === 'H') { if (inClass) throw new Unsupported('\\H inside a class is not supported'); out += '[^ \\t\\u00a0]'; continue; }
      if (n === 'e') { out += '\\x1b'; continue; }
      if (n === 'a') { out += '\\x07'; continue; }
      if (n === 'k' && (peek() === '{' || peek() === "'" || peek() === '<')) {
        const close = chars.indexOf(peek() === '{' ? '}' : peek() === "'" ? "'" : '>', i + 1);
        if (close < 0) throw new Unsupported('unterminated \\k');
        out += '\\k<' + chars.slice(i + 1, close).join('') + '>';
        i = close + 1;
        continue;
      }
      if (n === 'g') {
        const m = /^(?:\{(-?\d+|\w+)\}|(-?\d+))/.exec(chars.slice(i).join(''));
        if (!m) throw new Unsupported('\\g needs a group');
        const ref = m[1] ?? m[2];
        if (ref.startsWith('-')) throw new Unsupported('relative back references are not supported');
        out += /^\d+$/.test(ref) ? '\\' + ref : '\\k<' + ref + '>';
        i += m[0].length;
        continue;
      }
      if (SIMPLE_ESCAPES.has(n) || n === 'p' || n === 'P' || n === 'u' || n === 'c') {
        out += '\\' + n;
        continue;
      }
      if (/[A-Za-z]/.test(n)) throw new Unsupported(`\\${n} is not supported`);
      out += escapeLiteral(n, inClass);
      continue;
    }
    if (inClass) {
      if (c === '[' && peek(1) === ':') {
        const m = /^\[:(\^?)(\w+):\]/.exec(chars.slice(i).join(''));
        if (m && POSIX_CLASSES[m[2]]) {
          if (m[1]) throw new Unsupported('negated POSIX classes are not supported');
          out += POSIX_CLASSES[m[2]];
          i += m[0].length;
          continue;
        }
      }
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      i++;
      continue;
    }
    if (extended && /\s/.test(c)) { i++; continue; }
    if (extended && c === '#') {
      while (i < chars.length && chars[i] !== '\n') i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      i++;
      if (peek() === '^') { out += '^'; i++; }
      // A ']' first in a class is a literal in PCRE.
      if (peek() === ']') { out += '\\]'; i++; }
      continue;
    }
    if (c === '(' && peek(1) === '?') {
      const rest = chars.slice(i).join('');
      let m: RegExpExecArray | null;
      if ((m = /^\(\?P?<([A-Za-z_]\w*)>/.exec(rest)) || (m = /^\(\?'([A-Za-z_]\w*)'/.exec(rest))) {
        out += '(?<' + m[1] + '>';
        i += m[0].length;
        continue;
      }
      if ((m = /^\(\?P=(\w+)\)/.exec(rest))) {
        out += '\\k<' + m[1] + '>';
        i += m[0].length;
        continue;
      }
      if (/^\(\?(?::|=|!|<=|<!)/.test(rest)) {
        const len = rest.startsWith('(?<') ? 4 : 3;
        out += rest.slice(0, len);
        i += len;
        continue;
      }
      if (rest.startsWith('(?#')) {
        const close = chars.indexOf(')', i);
        i = close < 0 ? chars.length : close + 1;
        continue;
      }
      if (rest.startsWith('(?>')) throw new Unsupported('atomic groups (?>...) are not supported');
      if (rest.startsWith('(?(')) throw new Unsupported('conditional groups are not supported');
      if (/^\(\?(?:R|[+-]?\d+|&|P>)/.test(rest)) throw new Unsupported('recursion and subroutine calls are not supported');
      if (rest.startsWith('(?|')) throw new Unsupported('branch reset groups are not supported');
      throw new Unsupported('option settings are only supported at the start of the pattern');
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i).join(''));
      if (!m) { out += '\\{'; i++; continue; }
      out += m[0];
      i += m[0].length;
      out += quantifierSuffix();
      continue;
    }
    if (c === '}' || c === ']') { out += '\\' + c; i++; continue; }
    // PCRE's newline is LF alone: "." stops only at \n, and "$" (without
    // multiline) also matches before a final \n; ECMAScript's stop at \r and
    // U+2028/2029 too, and its "$" only at the very end.
    if (c === '.' && !dotall) { out += '[^\\n]'; i++; continue; }
    if (c === '$' && !multiline) { out += '(?=\\n?(?![\\s\\S]))'; i++; continue; }
    if (c === '$') { out += '(?=\\n|(?![\\s\\S]))'; i++; continue; }
    // Multiline "^": after an internal \n but not after one that ends the subject (PCRE).
    if (c === '^' && multiline) { out += '(?:(?<![\\s\\S])|(?<=\\n)(?=[\\s\\S]))'; i++; continue; }
    if (c === '*' || c === '+' || c === '?') {
      out += c;
      i++;
      out += quantifierSuffix();
      continue;
    }
    out += c;
    i++;
  }
  if (inClass) throw new Unsupported('missing terminating ] for character class');

  /** Handles what follows a quantifier: PCRE_U swaps greediness; possessive `+` has no equivalent. */
  function quantifierSuffix(): string {
    const n = chars[i];
    if (n === '+') throw new Unsupported('possessive quantifiers are not supported');
    if (n === '?') {
      i++;
      return ungreedy ? '' : '?';
    }
    return ungreedy ? '?' : '';
  }

  // Multiline needs no 'm' flag: "^" and "$" are translated with PCRE's LF-only rules above.
  if (caseless) flags += 'i';
  if (dotall) flags += 's';
  return { source: out, flags, anchored: (pcreFlags & PCRE_A) !== 0 };
}

const CACHE = new Map<string, Translated & { re: RegExp }>();
const CACHE_LIMIT = 256;

/** A compiled pattern (cached); PCRE-style errors for bad or unsupported patterns. */
export function compilePcre(rt: RuntimeApi, pattern: string, pcreFlags = 0): Translated & { re: RegExp } {
  const key = pcreFlags + ':' + pattern;
  const hit = CACHE.get(key);
  if (hit) return hit;
  let t: Translated;
  let re: RegExp;
  try {
    t = translatePcre(pattern, pcreFlags);
    re = new RegExp(t.source, t.flags + 'dg');
  } catch (e) {
    const why = e instanceof Unsupported ? e.message : e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
    return rt.error(`PCRE compilation failed: ${why}\n`);
  }
  if (CACHE.size >= CACHE_LIMIT) CACHE.delete(CACHE.keys().next().value as string);
  const entry = { ...t, re };
  CACHE.set(key, entry);
  return entry;
}

/** One match at or after `from` (only at 0 when anchored), or null. */
function execAt(p: Translated & { re: RegExp }, s: string, from: number): RegExpExecArray | null {
  p.re.lastIndex = from;
  const m = p.re.exec(s);
  if (!m || (p.anchored && m.index !== 0)) return null;
  return m;
}

/** Every match, PCRE style: an empty match advances by one character. */
function allMatches(rt: RuntimeApi, p: Translated & { re: RegExp }, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let at = 0;
  while (at <= s.length) {
    const m = execAt(p, s, at);
    if (!m) break;
    out.push(m);
    const end = m.index + m[0].length;
    at = end > m.index ? end : end + (s.codePointAt(end)! > 0xffff ? 2 : 1);
    if (p.anchored) break;
  }
  rt.chargeEval(out.length);
  return out;
}

const groups = (m: RegExpExecArray): string[] => m.slice(1).map((g) => g ?? '');

function intArg(rt: RuntimeApi, efun: string, n: number, v: Value | undefined): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number') return rt.error(`Bad argument ${n} to ${efun}()\n`);
  return v;
}

function pcreMatch(rt: RuntimeApi, subject: string | Value[], pattern: string, a3?: Value, a4?: Value): Value {
  if (typeof subject === 'string') {
    // For a string the third argument is the PCRE flags (FluffOS).
    const flags = a4 !== undefined ? intArg(rt, 'pcre_match', 4, a4) : intArg(rt, 'pcre_match', 3, a3);
    return execAt(compilePcre(rt, pattern, flags), subject, 0) ? 1 : 0;
  }
  const flag = intArg(rt, 'pcre_match', 3, a3);
  const p = compilePcre(rt, pattern, intArg(rt, 'pcre_match', 4, a4));
  const want = !(flag & 2);
  const out: Value[] = [];
  subject.forEach((v, i) => {
    if (typeof v === 'string' && (execAt(p, v, 0) !== null) === want) {
      out.push(v);
      if (flag & 1) out.push(i + 1);
    }
  });
  rt.chargeEval(subject.length);
  return out;
}

/** The first match's groups (unset ones as ""); with `named`, a mapping of the named groups that took part. */
function pcreExtract(rt: RuntimeApi, s: string, pattern: string, named?: Value, flags?: Value): Value {
  const p = compilePcre(rt, pattern, intArg(rt, 'pcre_extract', 4, flags));
  const m = execAt(p, s, 0);
  if (!m) return [];
  const out: Value[] = groups(m);
  if (intArg(rt, 'pcre_extract', 3, named)) {
    const map = new LMapping();
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) map.set(k, v);
    out.push(map);
  }
  return out;
}

/** Rebuilds `s` with each participating group of match `m` replaced by `rep(i, text)`; nested groups yield to outer ones. */
function replaceGroups(s: string, m: RegExpExecArray, rep: (i: number, text: string) => string): string {
  const idx = m.indices!;
  let out = '';
  let pos = 0;
  for (let g = 1; g < idx.length; g++) {
    const span = idx[g];
    if (!span || span[0] < pos) continue;
    out += s.slice(pos, span[0]) + rep(g - 1, s.slice(span[0], span[1]));
    pos = span[1];
  }
  return out + s.slice(pos);
}

function pcreReplace(rt: RuntimeApi, s: string, pattern: string, reps: Value[], flags?: Value): Value {
  const p = compilePcre(rt, pattern, intArg(rt, 'pcre_replace', 4, flags));
  const m = execAt(p, s, 0);
  if (!m) return s;
  const n = m.length - 1;
  if (n !== reps.length) return rt.error(`Number of captured substrings and replacements do not match, ${n} vs ${reps.length}.\n`);
  if (n === 0) return s;
  if (!reps.every((r) => typeof r === 'string')) {
    return rt.error('Bad argument 3 to pcre_replace(): replacement array must contain only strings.\n');
  }
  return replaceGroups(s, m, (i) => reps[i] as string);
}

function pcreReplaceCallback(rt: RuntimeApi, s: string, pattern: string, fun: Value, rest: Value[]): Value {
  let flags = 0;
  if (rest.length && typeof rest[rest.length - 1] === 'number' && (typeof fun !== 'string' || rest.length > 1)) {
    flags = rest.pop() as number;
  }
  let call: (args: Value[]) => Value;
  if (fun instanceof LFunction) {
    call = (args) => rt.callFunction(fun, [...args, ...rest]);
  } else if (typeof fun === 'string') {
    const ob = rest.shift();
    if (ob === undefined || (typeof ob !== 'string' && typeof ob !== 'object')) return rt.badArgument('pcre_replace_callback', 4);
    call = (args) => rt.callOther(ob as never, fun, [...args, ...rest]);
  } else {
    return rt.badArgument('pcre_replace_callback', 3);
  }
  const p = compilePcre(rt, pattern, flags);
  const m = execAt(p, s, 0);
  if (!m) return s;
  return replaceGroups(s, m, (i, text) => {
    const r = call([text, i]);
    return typeof r === 'string' ? r : text;
  });
}

/** reg_assoc() with PCRE patterns: pieces alternate unmatched text and matches; the earliest match wins, ties go to the first pattern. */
function pcreAssoc(rt: RuntimeApi, s: string, pats: Value[], toks: Value[], def: Value, flags: number): Value {
  if (pats.length !== toks.length) return rt.error('Pattern and token array sizes must be identical.\n');
  const compiled = pats.map((p) => {
    if (typeof p !== 'string') return rt.error('Non-string found in pattern array.\n');
    return compilePcre(rt, p, flags);
  });
  const pieces: Value[] = [];
  const tokens: Value[] = [];
  let pos = 0;
  let at = 0;
  while (compiled.length && at <= s.length) {
    let best = -1;
    let bestStart = 0;
    let bestLen = 0;
    for (let k = 0; k < compiled.length; k++) {
      const m = execAt(compiled[k], s, at);
      if (!m) continue;
      if (best < 0 || m.index < bestStart) {
        best = k;
        bestStart = m.index;
        bestLen = m[0].length;
      }
    }
    if (best < 0) break;
    pieces.push(s.slice(pos, bestStart), s.slice(bestStart, bestStart + bestLen));
    tokens.push(def, toks[best]);
    pos = at = bestStart + bestLen;
    if (bestLen === 0) {
      at += s.codePointAt(at)! > 0xffff ? 2 : 1;
      if (at > s.length) break;
    }
  }
  pieces.push(s.slice(pos));
  tokens.push(def);
  rt.chargeEval(pieces.length);
  return [pieces, tokens];
}

export const efuns = defineEfuns('pcre', [
  {
    name: 'pcre_version',
    signature: 'string pcre_version()',
    doc: 'The PCRE syntax level supported and the engine that runs it.',
    impl: () => PCRE_VERSION,
  },
  {
    name: 'pcre_match',
    signature: 'mixed pcre_match(string | string *, string, void | int, void | int)',
    doc: 'regexp() with PCRE syntax: 1/0 for a string (3rd arg = PCRE flags); for an array, the matching strings (flag 1 adds indices, 2 inverts).',
    impl: (rt, subject: string | Value[], pattern: string, a3?: Value, a4?: Value) => pcreMatch(rt, subject, pattern, a3, a4),
  },
  {
    name: 'pcre_match_all',
    signature: 'mixed pcre_match_all(string, string, void | int)',
    doc: 'Every match as ({ whole match, group 1, ... }), like PHP preg_match_all.',
    impl: (rt, s: string, pattern: string, flags?: Value) =>
      allMatches(rt, compilePcre(rt, pattern, intArg(rt, 'pcre_match_all', 3, flags)), s).map((m) => [m[0], ...groups(m)]),
  },
  {
    name: 'pcre_extract',
    signature: 'string *pcre_extract(string, string, void | int, void | int)',
    doc: 'The captured groups of the first match (({ }) when none); a non-zero 3rd arg appends a mapping of the named groups.',
    impl: (rt, s: string, pattern: string, named?: Value, flags?: Value) => pcreExtract(rt, s, pattern, named, flags),
  },
  {
    name: 'pcre_replace',
    signature: 'string pcre_replace(string, string, string *, void | int)',
    doc: 'Replaces each captured group of the first match by the matching replacement string.',
    impl: (rt, s: string, pattern: string, reps: Value[], flags?: Value) => pcreReplace(rt, s, pattern, reps, flags),
  },
  {
    name: 'pcre_replace_callback',
    signature: 'string pcre_replace_callback(string, string, string | function, ...)',
    doc: 'Replaces each captured group of the first match by what the callback returns for (text, group index, extra...).',
    impl: (rt, s: string, pattern: string, fun: Value, ...rest: Value[]) => pcreReplaceCallback(rt, s, pattern, fun, rest),
  },
  {
    name: 'pcre_assoc',
    signature: 'mixed *pcre_assoc(string, string *, mixed *, void | mixed, void | int)',
    doc: 'reg_assoc() with PCRE patterns: ({ pieces, tokens }).',
    impl: (rt, s: string, pats: Value[], toks: Value[], def?: Value, flags?: Value) =>
      pcreAssoc(rt, s, pats, toks, def ?? 0, intArg(rt, 'pcre_assoc', 5, flags)),
  },
]);
