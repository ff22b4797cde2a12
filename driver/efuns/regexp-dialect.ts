// Regular expressions: the MudOS dialect (Henry Spencer's regexp as extended
// by MudOS), translated to JavaScript RegExp. regexp(), reg_assoc() and
// sscanf's %(...) all compile through `compileRegexp`.
//
// `| * + ?` and `( )` are operators, `.` any character, `^`/`$` the start and
// end of the string, `[...]` / `[^...]` sets with ranges (a leading `]` or `-`
// is literal), `\<` and `\>` the start and end of a word (letters, digits,
// `_`), `\t \r \b` tab, CR and backspace; a backslash before anything else
// makes it literal (`\d` is the letter d). `\{` and `\}` are rejected.
import type { Runtime } from '../vm/runtime-api.js';
import type { Value } from '../vm/values.js';
import { checkArraySize } from './arrays.js';

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
