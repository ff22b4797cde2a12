// A fast path for sprintf()'s everyday formats ("%-8s|%8d|%s", "%s: %d\n"):
// the format is parsed once into a plan (cached per format string), and a
// call only fills it in. A plan exists only for formats made of %s, %d and %i
// with the flags `-`, `+` and space, a literal width and a precision; a plan
// also gives up (returns undefined) on any argument it does not handle
// simply — a non-string for %s, a bigint or float for %d, ANSI escapes in a
// padded field, a truncating precision, too few arguments, an over-long
// result — and the caller then runs the full formatter (sprintf.ts), which
// produces the same text or the MudOS error. So the plan only has to agree
// with sprintf.ts on the simple cases, which the efun tests cover.
import type { Runtime } from '../vm/runtime-api.js';
import type { Value } from '../vm/values.js';
import { hasAstral, noteBmp, strlen } from '../vm/strings.js';

const KIND_STRING = 0;
const KIND_INT = 1;

/** One directive and the literal text before it. */
interface Piece {
  lit: string;
  kind: typeof KIND_STRING | typeof KIND_INT;
  /** Field width (0: none). */
  fs: number;
  /** Precision: minimum digits for ints, maximum length for strings (0: none). */
  pres: number;
  left: boolean;
  /** Sign shown for a non-negative int: '', '+' or ' '. */
  sign: string;
  /** Something follows on the same line (sprintf.ts: trailing padding is kept). */
  more: boolean;
}

export interface Plan {
  pieces: Piece[];
  /** Literal text after the last directive. */
  tail: string;
  /** Some literal text of the format holds a surrogate. */
  astral: boolean;
}

/** Formats seen (null: not simple); cleared when it grows past PLAN_CACHE_SIZE. */
const plans = new Map<string, Plan | null>();
const PLAN_CACHE_SIZE = 1024;

/** The cached plan of `fmt`, or null when the full formatter must handle it. */
export function planOf(fmt: string): Plan | null {
  let p = plans.get(fmt);
  if (p === undefined) {
    p = parsePlan(fmt);
    if (plans.size >= PLAN_CACHE_SIZE) plans.clear();
    plans.set(fmt, p);
  }
  return p;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function parsePlan(fmt: string): Plan | null {
  const pieces: Piece[] = [];
  const n = fmt.length;
  let lit = '';
  let last = 0;
  for (let i = 0; i < n; i++) {
    if (fmt.charCodeAt(i) !== 37) continue;
    lit += fmt.slice(last, i);
    i++;
    if (fmt.charCodeAt(i) === 37) {
      lit += '%';
      last = i + 1;
      continue;
    }
    let left = false;
    let sign = '';
    for (;; i++) {
      const c = fmt.charCodeAt(i);
      if (c === 45 && !left) left = true;
      else if (c === 43) sign = '+';
      else if (c === 32) { if (sign !== '+') sign = ' '; }
      else break;
    }
    // A leading 0 is the zero-pad flag: left to the full formatter.
    if (fmt.charCodeAt(i) === 48) return null;
    let fs = 0;
    while (isDigit(fmt.charCodeAt(i))) fs = fs * 10 + fmt.charCodeAt(i++) - 48;
    let pres = 0;
    if (fmt.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(fmt.charCodeAt(i))) return null;
      while (isDigit(fmt.charCodeAt(i))) pres = pres * 10 + fmt.charCodeAt(i++) - 48;
    }
    const conv = fmt[i];
    let kind: Piece['kind'];
    if (conv === 's') kind = KIND_STRING;
    else if (conv === 'd' || conv === 'i') kind = KIND_INT;
    else return null;
    if (fs > 0x7fff || pres > 0x7fff) return null;
    const next = fmt.charCodeAt(i + 1);
    pieces.push({ lit, kind, fs, pres, left, sign, more: i + 1 < n && next !== 10 });
    lit = '';
    last = i + 1;
  }
  return { pieces, tail: lit + fmt.slice(last), astral: hasAstral(fmt) };
}

/** Padding strings by length, made once (a slice per field allocated a string per call). */
const PADS: string[] = [];
for (let i = 0; i <= 256; i++) PADS.push(' '.repeat(i));

function spaces(n: number): string {
  return n < PADS.length ? PADS[n] : ' '.repeat(n);
}

/** Strings up to this length are checked by one loop (escapes and surrogates together). */
const SCAN_LIMIT = 64;

/**
 * The width of `str` in code points, or -1 when it holds an ANSI escape
 * (which the full formatter measures differently). Sets `sawAstral` when it
 * holds a surrogate.
 */
function fieldWidth(str: string): number {
  const n = str.length;
  if (n > SCAN_LIMIT) {
    if (str.indexOf('\x1b') >= 0) return -1;
    if (!hasAstral(str)) return n;
    sawAstral = true;
    return strlen(str);
  }
  let astral = false;
  for (let i = 0; i < n; i++) {
    const c = str.charCodeAt(i);
    if (c === 27) return -1;
    if (c >= 0xd800 && c <= 0xdfff) astral = true;
  }
  if (!astral) return n;
  sawAstral = true;
  return strlen(str);
}

/** Set by fieldWidth/plainAstral when an argument of the current runPlan holds a surrogate. */
let sawAstral = false;

/** hasAstral() for an unpadded %s argument; short ones by a loop (most are words). */
function plainAstral(str: string): boolean {
  const n = str.length;
  if (n > SCAN_LIMIT) return hasAstral(str);
  for (let i = 0; i < n; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Formats `args` by `plan`, or returns undefined when the full formatter must do it. */
export function runPlan(rt: Runtime, plan: Plan, args: Value[]): string | undefined {
  const pieces = plan.pieces;
  if (args.length < pieces.length) return undefined;
  sawAstral = plan.astral;
  let out = '';
  for (let k = 0; k < pieces.length; k++) {
    const pc = pieces[k];
    const a = args[k];
    let str: string;
    let trailing: boolean;
    if (pc.kind === KIND_STRING) {
      if (typeof a === 'string') str = a;
      else if (a === 0) str = '0';
      else return undefined;
      if (pc.fs === 0 && pc.pres === 0) {
        if (!sawAstral && plainAstral(str)) sawAstral = true;
        out += pc.lit + str;
        continue;
      }
      const slen = fieldWidth(str);
      if (slen < 0 || (pc.pres !== 0 && pc.pres < slen)) return undefined;
      trailing = pc.more || str.charCodeAt(str.length - 1) !== 10;
      const fill = pc.fs - slen;
      if (fill <= 0) out += pc.lit + str;
      else if (pc.left) out += trailing ? pc.lit + str + spaces(fill) : pc.lit + str;
      else out += pc.lit + spaces(fill) + str;
    } else {
      if (typeof a !== 'number') return undefined;
      const v = a + 0;
      let digits = v < 0 ? '' + -v : '' + v;
      if (digits.length < pc.pres) digits = '0'.repeat(pc.pres - digits.length) + digits;
      str = v < 0 ? '-' + digits : pc.sign === '' ? digits : pc.sign + digits;
      const fill = pc.fs - str.length;
      if (fill <= 0) out += pc.lit + str;
      else if (pc.left) out += pc.more ? pc.lit + str + spaces(fill) : pc.lit + str;
      else out += pc.lit + spaces(fill) + str;
    }
  }
  out += plan.tail;
  if (out.length > rt.limits.maxStringLength) return undefined;
  rt.chargeEval(out.length >> 6);
  // Every piece was scanned: strlen() or indexing of the result need not scan it again.
  if (!sawAstral) noteBmp(out);
  return out;
}
