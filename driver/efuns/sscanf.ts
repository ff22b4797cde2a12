// sscanf(): MudOS v22's matcher (interpret.c inter_sscanf, as kept by Neolith
// and FluffOS), rewritten for Lapis. The compiler turns
// `sscanf(str, fmt, a, b, ...)` into a call of `sscanf()` below and assigns
// `values` to the lvalues in order; the expression's value is `matches`.
//
// Rules (all MudOS behaviour):
// - Literal text must match exactly; `%%` matches a '%'.
// - %d and %x read an integer like C's strtoll (leading spaces and a sign are
//   accepted, %x takes an optional 0x); %f reads a float like strtod.
// - %s followed by literal text takes everything up to the FIRST occurrence of
//   that text (up to the next % of the format); when the literal ends the
//   format it must end the input ("%s.c" only matches names ending in ".c").
//   %s followed by %d / %f / %x stops at the first digit (for %x, the first
//   "0x" followed by a hex digit); %s at the end takes the rest.
// - %(regexp) matches a MudOS regular expression at the current position.
// - `*` (as in %*d) skips: nothing is assigned, but the conversion still
//   counts in the returned number, so `sscanf(f, "%*s.c")` is 1 on a match.
// - Matching stops at the first failure; the count so far is returned.
// - When the format is exhausted but input is left and lvalues remain, the
//   rest of the input goes into the next lvalue and counts as a match.
// Lapis fix: `%%` after %s is not counted as a match (MudOS counted it).
import type { Runtime } from '../vm/runtime-api.js';
import { LFloat, intFromBigInt, type Value } from '../vm/values.js';
import { compileRegexp } from './regexp-dialect.js';

/** What a sscanf() call produced: values for the lvalues, in order, and the return value. */
export interface ScanResult {
  values: Value[];
  matches: number;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** C strtoll(s + pos, &end, base): the value and end index, or null when no digits were read. */
export function parseCInt(s: string, pos: number, base: 10 | 16): { value: number | bigint; end: number } | null {
  let i = pos;
  while (isSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  if (base === 16 && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && isHexDigit(s[i + 2])) i += 2;
  const digitsStart = i;
  while (base === 10 ? isDigit(s[i]) : isHexDigit(s[i])) i++;
  if (i === digitsStart) return null;
  let b = BigInt((base === 16 ? '0x' : '') + s.slice(digitsStart, i));
  if (neg) b = -b;
  // strtoll saturates on overflow.
  if (b > INT64_MAX) b = INT64_MAX;
  else if (b < INT64_MIN) b = INT64_MIN;
  return { value: intFromBigInt(b), end: i };
}

/** C strtod(s + pos, &end) for decimal and inf/nan forms, or null when nothing was read. */
export function parseCFloat(s: string, pos: number): { value: number; end: number } | null {
  let i = pos;
  while (isSpace(s[i])) i++;
  const signStart = i;
  if (s[i] === '+' || s[i] === '-') i++;
  const word = /^(infinity|inf|nan)/i.exec(s.slice(i, i + 8));
  if (word) {
    const neg = s[signStart] === '-';
    const v = word[1].toLowerCase() === 'nan' ? NaN : Infinity;
    return { value: neg ? -v : v, end: i + word[1].length };
  }
  const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
  if (!m) return null;
  const end = i + m[0].length;
  return { value: Number(s.slice(signStart, end)), end };
}

/**
 * Finds the `(regexp)` that starts at `f` (just after the '('): returns the
 * pattern text and the index after the closing ')'. Parentheses nest and a
 * backslash protects the next character.
 */
function regexpSpan(rt: Runtime, fmt: string, f: number): { pattern: string; next: number } {
  let depth = 1;
  for (let t = f; ; t++) {
    const c = fmt[t];
    if (c === '\\' && t + 1 < fmt.length) {
      t++;
      continue;
    }
    if (c === undefined || c === '\\') rt.error(`Bad regexp format: '%${fmt.slice(f)}' in sscanf format string\n`);
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { pattern: fmt.slice(f, t), next: t + 1 };
  }
}

/**
 * Matches `input` against `format`. `lvalueCount` is the number of lvalues
 * given: it triggers "Too few arguments" and decides whether leftover input
 * goes into a spare lvalue. When it is unknown (undefined or
 * Number.MAX_SAFE_INTEGER) neither happens.
 */
export function sscanf(rt: Runtime, input: string, format: string, lvalueCount?: number): ScanResult {
  const values: Value[] = [];
  const known = lvalueCount !== undefined && lvalueCount < Number.MAX_SAFE_INTEGER;
  let left = known ? lvalueCount : Number.MAX_SAFE_INTEGER;
  let matches = 0;
  let s = 0;
  let f = 0;
  const done = (): ScanResult => {
    rt.chargeEval(input.length >> 6);
    return { values, matches };
  };
  const assign = (v: Value): void => {
    values.push(v);
    left--;
  };

  for (;;) {
    // Literal text up to the next conversion.
    while (f < format.length) {
      if (format[f] === '%') {
        if (format[f + 1] === '%') {
          if (input[s] !== '%') return done();
          s++;
          f += 2;
          continue;
        }
        if (f + 1 >= format.length) rt.error("Format string cannot end in '%' in sscanf()\n");
        f++;
        break;
      }
      if (format[f++] !== input[s++]) return done();
    }
    if (f >= format.length) {
      // Format exhausted: leftover input goes into the next lvalue, if any.
      if (s < input.length && left > 0 && known) {
        matches++;
        assign(input.slice(s));
      }
      return done();
    }

    const skip = format[f] === '*';
    if (skip) f++;
    else if (left < 1) rt.error('Too few arguments to sscanf()\n');

    const type = format[f++];
    switch (type) {
      case 'd':
      case 'x': {
        const r = parseCInt(input, s, type === 'x' ? 16 : 10);
        if (!r) return done();
        s = r.end;
        if (!skip) assign(r.value);
        matches++;
        continue;
      }
      case 'f': {
        const r = parseCFloat(input, s);
        if (!r) return done();
        s = r.end;
        if (!skip) assign(new LFloat(r.value));
        matches++;
        continue;
      }
      case '(': {
        const { pattern, next } = regexpSpan(rt, format, f);
        const re = compileRegexp(rt, pattern);
        // MudOS runs the expression on the rest of the input and requires the
        // leftmost match to start right here.
        const m = re.exec(input.slice(s));
        if (!m || m.index !== 0) return done();
        if (!skip) assign(m[0]);
        s += m[0].length;
        f = next;
        matches++;
        continue;
      }
      case 's':
        break;
      default:
        rt.error(`Bad type : '%${type ?? ''}' in sscanf() format string\n`);
    }

    // %s at the end of the format takes the rest of the input.
    if (f >= format.length) {
      matches++;
      if (!skip) assign(input.slice(s));
      return done();
    }

    if (format[f] === '%') {
      f++;
      const skip2 = format[f] === '*';
      if (skip2) f++;
      const type2 = format[f++];
      if (left < (skip ? 0 : 1) + (skip2 ? 0 : 1) && type2 !== '%') rt.error('Too few arguments to sscanf()\n');
      matches++; // the %s
      let t = s;
      switch (type2) {
        case 's':
          rt.error("Illegal to have 2 adjacent %s's in format string in sscanf()\n");
          break;
        case 'x':
          while (t < input.length) {
            while (t < input.length && input[t] !== '0') t++;
            if (input[t] === '0') {
              if ((input[t + 1] === 'x' || input[t + 1] === 'X') && isHexDigit(input[t + 2])) break;
              t += 2;
            }
          }
          t = Math.min(t, input.length);
          break;
        case 'd':
          while (t < input.length && !isDigit(input[t])) t++;
          break;
        case 'f':
          while (t < input.length && !isDigit(input[t]) && (input[t] !== '.' || !isDigit(input[t + 1]))) t++;
          break;
        case '%':
          while (t < input.length && input[t] !== '%') t++;
          break;
        case '(': {
          const { pattern, next } = regexpSpan(rt, format, f);
          const re = compileRegexp(rt, pattern);
          const m = re.exec(input.slice(s));
          if (!m) {
            if (!skip) assign(input.slice(s));
            return done();
          }
          if (!skip) assign(input.slice(s, s + m.index));
          if (!skip2) assign(m[0]);
          s += m.index + m[0].length;
          f = next;
          matches++;
          continue;
        }
        case undefined:
          rt.error("Format string can't end in '%'.\n");
          break;
        default:
          rt.error(`Bad type : '%${type2}' in sscanf() format string\n`);
      }
      if (!skip) assign(input.slice(s, t));
      s = t;
      if (s >= input.length) return done();
      if (type2 === 'd' || type2 === 'x') {
        const r = parseCInt(input, s, type2 === 'x' ? 16 : 10);
        // Cannot fail: the scan above stopped at a digit (or "0x" + hex digit).
        s = r ? r.end : s;
        if (!skip2) assign(r ? r.value : 0);
        matches++;
      } else if (type2 === 'f') {
        const r = parseCFloat(input, s);
        s = r ? r.end : s;
        if (!skip2) assign(new LFloat(r ? r.value : 0));
        matches++;
      } else {
        s++; // the '%' itself; not a conversion, so not counted
      }
      continue;
    }

    // %s followed by literal text: the text runs to the next '%' (or the end of
    // the format, in which case it has to match at the end of the input).
    const pct = format.indexOf('%', f);
    const literal = pct < 0 ? format.slice(f) : format.slice(f, pct);
    let at: number;
    if (pct < 0) {
      at = input.length - literal.length;
      if (at < s || !input.endsWith(literal)) at = -1;
    } else {
      at = input.indexOf(literal, s);
    }
    if (at < 0) return done();
    if (!skip) assign(input.slice(s, at));
    s = at + literal.length;
    f = pct < 0 ? format.length : pct;
    matches++;
  }
}

/** sscanf() values with the match count attached (the count can exceed the values: skips count). */
export type ScanValues = Value[] & { matches: number };

/**
 * The values sscanf() assigns, in order, with `.matches` the value the LPC
 * expression must return (it differs from `.length` when `%*` skips matched).
 */
export function scanFormat(rt: Runtime, input: string, format: string, lvalueCount?: number): ScanValues {
  const r = sscanf(rt, input, format, lvalueCount);
  return Object.assign(r.values, { matches: r.matches });
}
