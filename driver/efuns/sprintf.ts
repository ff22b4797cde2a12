// sprintf() and printf(): MudOS v22's formatter (Lynscar's sprintf.c, as kept
// by Neolith), rewritten for Lapis. Summary of the format language:
//
//   %[flags][width][.precision | :n]type     flags: - | = # @ + space 0 'pad'
//
// - `-` left, `|` centre (both: centre with the odd space on the right, as
//   FluffOS), default right justification; width and precision
//   may be `*` (taken from the next argument); `:n` sets both.
// - `0` before the width pads with zeros, `'chars'` pads with a repeating
//   string (`\` escapes a quote or backslash); the later of the two wins.
// - `=` column mode: the string is word-wrapped to the width (precision is the
//   wrap width when smaller) and the rest of the column continues on the
//   following output lines, beside later text — several columns can run side
//   by side. `#` table mode: newline-separated words laid out in columns
//   (precision = number of columns, else a best fit).
// - `@` applies the conversion to each element of an array argument.
// - Types: s, O (any value, see describe.ts), d i c o x X (ints, 64-bit
//   exact), f e E g G (floats, C semantics), %% (a literal %).
// - Trailing padding of a justified field is omitted when the field ends the
//   format or its line (MudOS behaviour), except for strings not ending in \n.
//
// Lapis fixes (COMPAT.md rule 3): "%05d" of -7 is "-0007" (the sign goes
// before zero padding, and `-` with `0` pads numbers with spaces, as in C);
// integer conversions use all 64 bits; "%.0f" means zero decimals (MudOS took
// a zero precision as "none"); "%@O" formats every element with %O.
// FluffOS leniencies kept: %d accepts a float (truncated) and %f an int.
// Widths count code points, and ANSI escape sequences count as zero width.
import type { EfunDecl } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import { LFloat, isInt, type Value } from '../vm/values.js';
import { describeValue } from './describe.js';
import { formatFloat } from '../vm/float-format.js';
import { hasAstral as hasSurrogates, strlen as codePoints } from '../vm/strings.js';
import { planOf, runPlan } from './sprintf-plan.js';

/** MudOS's error texts, keyed for readability; printed as "(s)printf(): TEXT (arg: N)". */
const ERRORS = {
  overflow: 'BUFF_SIZE overflowed...',
  tooFewArgs: 'More arguments specified than passed.',
  badStar: 'Incorrect argument type to *.',
  precisionExpected: 'Expected precision not found.',
  badFormat: 'Error in format string.',
  badStringArg: 'Incorrect argument to type %s.',
  needsFieldSize: 'Column/table mode requires a field size.',
  unexpectedEnd: 'Unexpected end of format string.',
  nullPad: 'Null pad string specified.',
  arrayExpected: 'Array expected.',
} as const;

/** 'centre-left' is `-|` together: centred, the odd space on the right (FluffOS). */
type Justify = 'right' | 'left' | 'centre' | 'centre-left';

/** Conversion letters and their class. */
const CONVERSIONS: Record<string, 'string' | 'lpc' | 'int' | 'float'> = {
  s: 'string', O: 'lpc',
  d: 'int', i: 'int', c: 'int', o: 'int', x: 'int', X: 'int',
  f: 'float', F: 'float', e: 'float', E: 'float', g: 'float', G: 'float',
};

/** Floats beyond this precision are clamped (FluffOS does the same, to bound work). */
const MAX_FLOAT_PRECISION = 1100;

/** A column (`=`) still printing: remaining text from `pos`. */
interface Column {
  kind: 'column';
  chars: string[];
  pos: number;
  pad: string[] | null;
  start: number;
  size: number;
  pres: number;
  justify: Justify;
}

/** A table (`#`) still printing: one cursor per column into `chars`. */
interface Table {
  kind: 'table';
  chars: string[];
  /** Start index of each column, plus one past the last (nocols + 1 entries). */
  starts: number[];
  /** Current read index per column, or -1 when that column is exhausted. */
  cur: number[];
  nocols: number;
  pad: string[] | null;
  start: number;
  size: number;
  remainder: number;
  justify: Justify;
}

type Pending = Column | Table;


/**
 * Width taken by ANSI escape sequences in `s` (ESC + one char, or ESC [ digits
 * and semicolons + final char), which justification does not count.
 */
function escapeWidth(s: string): number {
  let i = s.indexOf('\x1b');
  if (i < 0) return 0;
  let w = 0;
  while (i >= 0 && i < s.length) {
    const start = i;
    i += 2;
    if (s[start + 1] === '[') {
      while (i < s.length && /[0-9;]/.test(s[i])) i++;
      i++;
    }
    w += Math.min(i, s.length) - start;
    i = s.indexOf('\x1b', i);
  }
  return w;
}

/** Spaces to slice padding from (cheaper than ' '.repeat for short fields). */
const SPACES = ' '.repeat(256);

/** The formatter's state for one call. */
class Formatter {
  out = '';
  pending: Pending[] = [];
  curArg = -1;

  constructor(readonly rt: Runtime, readonly args: Value[]) {}

  fail(key: keyof typeof ERRORS): never {
    return this.rt.error(`(s)printf(): ${ERRORS[key]} (arg: ${this.curArg})\n`);
  }

  nextArg(): Value {
    if (++this.curArg >= this.args.length) this.fail('tooFewArgs');
    return this.args[this.curArg];
  }

  /** Code points after the last newline of the output (MudOS get_curpos). */
  curpos(): number {
    return codePoints(this.out.slice(this.out.lastIndexOf('\n') + 1));
  }

  addPad(pad: string[] | null, len: number): void {
    if (len <= 0) return;
    if (this.out.length + len > this.rt.limits.maxStringLength) this.fail('overflow');
    if (!pad) {
      this.out += len <= SPACES.length ? SPACES.slice(0, len) : ' '.repeat(len);
    } else if (pad.length === 1) {
      this.out += pad[0].repeat(len);
    } else {
      let s = '';
      for (let i = 0; i < len; i++) s += pad[i % pad.length];
      this.out += s;
    }
  }

  /**
   * Adds `str` (`slen` code points) justified in `fs`. Trailing padding is only
   * added when `trailing` (right justification never has any).
   */
  addJustified(str: string, slen: number, pad: string[] | null, fs: number, justify: Justify, trailing: boolean): void {
    const fill = fs + escapeWidth(str) - slen;
    if (fill <= 0) {
      this.out += str;
      return;
    }
    switch (justify) {
      case 'left':
        this.out += str;
        if (trailing) this.addPad(pad, fill);
        break;
      case 'centre':
      case 'centre-left': {
        const left = (fill >> 1) + (justify === 'centre' ? fill & 1 : 0);
        this.addPad(pad, left);
        this.out += str;
        if (trailing) this.addPad(pad, fill - left);
        break;
      }
      default:
        this.addPad(pad, fill);
        this.out += str;
    }
  }

  /**
   * Prints the next line of a column. Returns 0 while the column has more text,
   * 1 when it finished, 2 when it finished on a newline.
   */
  addColumn(col: Column, trailing: boolean): 0 | 1 | 2 {
    const d = col.chars;
    let done = 0;
    let space = -1;
    // Break at the last space that fits, unless the word ends exactly at the width.
    for (let p = col.pos; p < d.length && d[p] !== '\n'; p++) {
      if (d[p] === ' ') space = done;
      if (++done === col.pres) {
        if (space !== -1) {
          const c = d[col.pos + done];
          if (c !== undefined && c !== '\n' && c !== ' ') done = space;
        }
        break;
      }
    }
    const piece = d.slice(col.pos, col.pos + done).join('');
    this.addJustified(piece, done, col.pad, col.size, col.justify, trailing || this.pending[this.pending.length - 1] !== col);
    col.pos += done;
    let ret: 1 | 2 = 1;
    if (d[col.pos] === '\n') {
      col.pos++;
      ret = 2;
    }
    if (col.pos >= d.length) {
      this.pending.splice(this.pending.indexOf(col), 1);
      return ret;
    }
    return 0;
  }

  /** Prints the next row of a table. Returns true when the table finished. */
  addTable(tab: Table): boolean {
    const d = tab.chars;
    let i = 0;
    const isLast = this.pending[this.pending.length - 1] === tab;
    for (; i < tab.nocols && tab.cur[i] >= 0; i++) {
      const cur = tab.cur[i];
      const end = tab.starts[i + 1] - cur - 1;
      let done = 0;
      while (done !== end && cur + done < d.length && d[cur + done] !== '\n') done++;
      const shown = Math.min(done, tab.size);
      this.addJustified(d.slice(cur, cur + shown).join(''), shown, tab.pad, tab.size, tab.justify,
        tab.pad !== null || i < tab.nocols - 1 || !isLast);
      tab.cur[i] = done >= end - 1 ? -1 : cur + done + 1;
    }
    if (tab.pad) {
      while (i++ < tab.nocols) this.addPad(tab.pad, tab.size);
      this.addPad(tab.pad, tab.remainder);
    }
    if (tab.cur[0] < 0) {
      this.pending.splice(this.pending.indexOf(tab), 1);
      return true;
    }
    return false;
  }

  /** Sets up a table for `str` (MudOS's layout rules, including its best fit). */
  startTable(str: string, fs: number, pres: number, pad: string[] | null, justify: Justify): void {
    const chars = Array.from(str);
    let maxLen = 0;
    let n = 1;
    let lineStart = 0;
    let p = 0;
    for (; p < chars.length; p++) {
      if (chars[p] === '\n') {
        maxLen = Math.max(maxLen, p - lineStart);
        lineStart = p + 1;
        if (lineStart < chars.length) n++;
      }
    }
    let rows: number;
    if (!pres) {
      maxLen = Math.max(maxLen, p - lineStart);
      pres = Math.floor(fs / (maxLen + 2)) || 1;
      // Move entries from the right to fill the last row (fewer ragged columns).
      rows = Math.floor((n - 1) / pres) + 1;
      if (n > pres && n % pres) pres -= Math.floor((pres - (n % pres)) / rows);
    } else {
      rows = Math.floor((n - 1) / pres) + 1;
    }
    const size = Math.floor(fs / pres);
    let remainder = fs % pres;
    if (n < pres) {
      remainder += (pres - n) * size;
      pres = n;
    }
    const starts = [0];
    if (pres === 1) {
      starts.push(chars.length + 1);
    } else {
      let words = 0;
      let q = 0;
      while (q < chars.length) {
        if (chars[q++] === '\n' && ++words >= rows) {
          starts.push(q);
          words = 0;
        }
      }
      while (starts.length <= pres) starts.push(++q);
    }
    const tab: Table = {
      kind: 'table', chars, starts, cur: starts.slice(0, pres), nocols: pres,
      pad, start: this.curpos(), size, remainder, justify,
    };
    this.pending.push(tab);
    this.addTable(tab);
  }

  /** At a newline or the end of the format: prints the rest of pending columns and tables. */
  flushPending(atNewline: boolean): void {
    this.out += '\n';
    let columnStat = 0;
    while (this.pending.length) {
      for (let k = 0; k < this.pending.length;) {
        const item = this.pending[k];
        if (item.kind === 'column') {
          // A line broken at a space does not start the next line with it.
          if (item.pos > 0 && item.chars[item.pos - 1] !== '\n') {
            while (item.chars[item.pos] === ' ') item.pos++;
          }
          this.addPad(null, item.start - this.curpos());
          columnStat = this.addColumn(item, false);
          if (!columnStat) k++;
        } else {
          this.addPad(null, item.start - this.curpos());
          if (!this.addTable(item)) k++;
        }
      }
      if (this.pending.length || atNewline) this.out += '\n';
    }
    if (columnStat === 2) this.out += '\n';
  }
}

/** The result of `sprintf(fmt, args...)`. */
export function sprintf(rt: Runtime, fmt: string, ...args: Value[]): string {
  return formatArgs(rt, fmt, args);
}

/** sprintf() with the arguments in an array: a cached plan when the format is simple, else the full formatter. */
export function formatArgs(rt: Runtime, fmt: string, args: Value[]): string {
  const plan = planOf(fmt);
  if (plan !== null) {
    const r = runPlan(rt, plan, args);
    if (r !== undefined) return r;
  }
  return formatFull(rt, fmt, args);
}

/** The full formatter (every directive, columns, tables and MudOS errors). */
export function formatFull(rt: Runtime, fmt: string, args: Value[]): string {
  const f = new Formatter(rt, args);
  const n = fmt.length;
  let last = 0;
  for (let fpos = 0; ; fpos++) {
    // Ordinary text is copied in one slice; a newline only needs attention
    // while columns or tables are waiting to print their next lines.
    let code = fpos < n ? fmt.charCodeAt(fpos) : -1;
    while (code !== 37 && code !== -1 && (code !== 10 || !f.pending.length)) {
      code = ++fpos < n ? fmt.charCodeAt(fpos) : -1;
    }
    if (code !== 37) {
      if (last !== fpos) f.out += fmt.slice(last, fpos);
      last = fpos + 1;
      if (f.pending.length) f.flushPending(code === 10);
      if (code === -1) break;
      continue;
    }
    if (last !== fpos) f.out += fmt.slice(last, fpos);
    last = fpos + 1;
    if (fmt.charCodeAt(fpos + 1) === 37) {
      f.out += '%';
      fpos++;
      last++;
      continue;
    }
    fpos = formatDirective(f, fmt, fpos + 1);
    last = fpos;
    fpos--;
  }
  if (f.out.length > rt.limits.maxStringLength) f.fail('overflow');
  rt.chargeEval(f.out.length >> 6);
  return f.out;
}

/**
 * Parses one directive whose modifiers start at `fpos` (just after '%'),
 * prints it, and returns the index just after its type letter.
 */
function formatDirective(f: Formatter, fmt: string, fpos: number): number {
  let carg = f.nextArg();
  let fs = 0;
  let pres = 0;
  let presGiven = false;
  let pad: string[] | null = null;
  let zeroFlag = false;
  let justify: Justify = 'right';
  let signFlag = '';
  let isArray = false;
  let mode: '' | 'column' | 'table' = '';
  let conv = '';
  const n = fmt.length;
  // Character codes, not one-character strings: this loop is sprintf's hot path.
  const isDigitAt = (i: number) => {
    const c = fmt.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  for (; !conv; fpos++) {
    if (fpos >= n) {
      conv = '?';
      break;
    }
    const code = fmt.charCodeAt(fpos);
    if ((code >= 48 && code <= 57) || code === 42 /* * */) {
      if (pres === -1) {
        presGiven = true;
        if (code === 42) {
          if (!isInt(carg)) f.fail('badStar');
          pres = clampInt(carg);
          carg = f.nextArg();
          continue;
        }
        pres = 0;
        for (; isDigitAt(fpos); fpos++) pres = pres * 10 + (fmt.charCodeAt(fpos) - 48);
      } else {
        if (code === 48 && (isDigitAt(fpos + 1) || fmt.charCodeAt(fpos + 1) === 42)
          && fmt.charCodeAt(fpos + 1) !== 48) {
          pad = ['0'];
          zeroFlag = true;
          fpos++;
          if (fmt.charCodeAt(fpos) === 42) {
            fpos--;
            continue;
          }
        } else if (code === 42) {
          if (!isInt(carg)) f.fail('badStar');
          fs = Math.max(0, clampInt(carg));
          if (pres === -2) {
            pres = fs;
            presGiven = true;
          }
          carg = f.nextArg();
          continue;
        }
        fs = 0;
        for (; isDigitAt(fpos); fpos++) fs = fs * 10 + (fmt.charCodeAt(fpos) - 48);
        if (pres === -2) {
          pres = fs;
          presGiven = true;
        }
      }
      fpos--;
      continue;
    }
    switch (code) {
      case 32: if (signFlag !== '+') signFlag = ' '; break;
      case 43: signFlag = '+'; break;
      case 45: justify = justify === 'centre' ? 'centre-left' : 'left'; break;
      case 124: justify = justify === 'left' ? 'centre-left' : 'centre'; break;
      case 64: isArray = true; break;
      case 61: mode = 'column'; break;
      case 35: mode = 'table'; break;
      case 46: pres = -1; break;
      case 58: pres = -2; break;
      case 39: {
        const chars: string[] = [];
        for (fpos++; ; fpos++) {
          const p = fmt[fpos];
          if (p === undefined) f.fail('unexpectedEnd');
          if (p === '\\') {
            if (fmt[++fpos] === undefined) f.fail('unexpectedEnd');
            chars.push(fmt[fpos]);
          } else if (p === "'") {
            if (!chars.length) f.fail('nullPad');
            break;
          } else {
            chars.push(p);
          }
        }
        // Surrogate pairs were pushed as halves; regroup into code points.
        pad = Array.from(chars.join(''));
        zeroFlag = false;
        break;
      }
      default: {
        const ch = fmt[fpos];
        conv = CONVERSIONS[ch] ? ch : '?';
      }
    }
  }
  if (pres < 0) f.fail('precisionExpected');

  const spec: Spec = {
    fs, pres, presGiven, pad, zeroFlag, justify, signFlag, mode, conv, atFormatEnd: fmt[fpos] === undefined,
  };
  const atLineEnd = fmt[fpos] === '\n' || fmt[fpos] === undefined;
  if (isArray) {
    if (!Array.isArray(carg)) f.fail('arrayExpected');
    const arr = carg;
    for (let i = 0; i < arr.length; i++) formatValue(f, spec, arr[i], !atLineEnd || i + 1 < arr.length);
  } else {
    formatValue(f, spec, carg, !atLineEnd);
  }
  return fpos;
}

interface Spec {
  fs: number;
  pres: number;
  presGiven: boolean;
  pad: string[] | null;
  zeroFlag: boolean;
  justify: Justify;
  signFlag: string;
  mode: '' | 'column' | 'table';
  conv: string;
  /** The directive is the last thing in the format (a finished column then adds its newline). */
  atFormatEnd: boolean;
}

/** An int argument as a JS number bounded to ±2^31 (widths and precisions). */
function clampInt(v: number | bigint): number {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return Math.max(-0x7fffffff, Math.min(0x7fffffff, n)) + 0;
}

/** Formats one value; `more` says whether anything follows on this line (trailing padding). */
function formatValue(f: Formatter, spec: Spec, carg: Value, more: boolean): void {
  const kind = CONVERSIONS[spec.conv];
  if (!kind) f.fail('badFormat');
  if (kind === 'string' || kind === 'lpc') {
    let str: string;
    if (kind === 'lpc') str = describeValue(f.rt, carg);
    else if (typeof carg === 'string') str = carg;
    else if (carg === 0) str = '0';
    else return f.fail('badStringArg');
    formatString(f, spec, str, more);
    return;
  }
  const text = kind === 'int' ? formatIntArg(f, spec, carg) : formatFloatArg(f, spec, carg);
  let str = text;
  let pad = spec.pad;
  if (spec.zeroFlag && spec.conv !== 'c') {
    if (spec.justify === 'right') {
      // C-style zero padding: the sign (or space) stays in front of the zeros.
      const len = str.length;
      if (len < spec.fs && /^[0-9a-fA-F]/.test(str.replace(/^[-+ ]/, ''))) {
        const sign = /^[-+ ]/.test(str) ? str[0] : '';
        str = sign + '0'.repeat(spec.fs - len) + str.slice(sign.length);
      }
    } else {
      pad = null;
    }
  }
  // Number text is ASCII; only %c can produce a character outside the BMP.
  f.addJustified(str, spec.conv === 'c' ? codePoints(str) : str.length, pad, spec.fs, spec.justify, more);
}

function formatString(f: Formatter, spec: Spec, str: string, more: boolean): void {
  const { fs, justify } = spec;
  let { pres } = spec;
  if (spec.mode) {
    if (!fs) f.fail('needsFieldSize');
    if (spec.mode === 'column') {
      if (pres > fs) pres = fs;
      const col: Column = {
        kind: 'column', chars: Array.from(str), pos: 0, pad: spec.pad, start: f.curpos(),
        size: fs, pres: pres || fs, justify,
      };
      f.pending.push(col);
      if (col.chars.length === 0) {
        // MudOS reads the terminating NUL: an empty column prints its padding once.
        f.pending.pop();
        f.addJustified('', 0, spec.pad, fs, justify, more);
        return;
      }
      // A column that finished on a newline at the very end of the format keeps
      // it: no end-of-format flush follows, since nothing is pending.
      if (f.addColumn(col, more) === 2 && spec.atFormatEnd) f.out += '\n';
      return;
    }
    f.startTable(str, fs, pres, spec.pad, justify);
    return;
  }
  let slen: number;
  if (hasSurrogates(str) || (pres && pres < str.length)) {
    const cps = Array.from(str);
    slen = cps.length;
    if (pres && pres < slen) {
      str = cps.slice(0, pres).join('');
      slen = pres;
    }
  } else {
    slen = str.length;
  }
  f.addJustified(str, slen, spec.pad, fs, justify, more || str[str.length - 1] !== '\n');
}

function formatIntArg(f: Formatter, spec: Spec, carg: Value): string {
  let v: number | bigint;
  if (isInt(carg)) v = carg;
  else if (carg instanceof LFloat && (spec.conv === 'd' || spec.conv === 'i') && Number.isFinite(carg.f)) {
    v = Math.trunc(carg.f) + 0;
    if (!Number.isSafeInteger(v)) v = BigInt.asIntN(64, BigInt(v));
  } else {
    return f.rt.error(`ERROR: (s)printf(): Incorrect argument type to %${spec.conv}.\n`);
  }
  if (typeof v === 'number') v = v + 0;
  const minDigits = spec.pres;
  switch (spec.conv) {
    case 'c': {
      const n = typeof v === 'bigint' ? Number(BigInt.asUintN(21, v)) : v;
      if (n === 0) return '';
      if (n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff)) return String.fromCodePoint(n);
      return String.fromCharCode(Number(BigInt.asUintN(8, BigInt(v))));
    }
    case 'o':
    case 'x':
    case 'X': {
      const u = v < 0 ? BigInt.asUintN(64, BigInt(v)) : v;
      let s = u.toString(spec.conv === 'o' ? 8 : 16);
      if (spec.conv === 'X') s = s.toUpperCase();
      return s.length < minDigits ? '0'.repeat(minDigits - s.length) + s : s;
    }
    default: {
      const neg = v < 0;
      let s = (neg ? -BigInt(v) : v).toString();
      if (s.length < minDigits) s = '0'.repeat(minDigits - s.length) + s;
      return (neg ? '-' : spec.signFlag) + s;
    }
  }
}

function formatFloatArg(f: Formatter, spec: Spec, carg: Value): string {
  let x: number;
  if (carg instanceof LFloat) x = carg.f;
  else if (isInt(carg)) x = Number(carg) + 0;
  else return f.rt.error(`ERROR: (s)printf(): Incorrect argument type to %${spec.conv}.\n`);
  const prec = spec.presGiven ? Math.min(spec.pres, MAX_FLOAT_PRECISION) : 6;
  return formatFloat(x, spec.conv, prec, spec.signFlag);
}

/** printf(): formats like sprintf() and sends the text to this_player(). */
export function printf(rt: Runtime, fmt: string, ...args: Value[]): number {
  const text = formatArgs(rt, fmt, args);
  if (text) rt.write?.(text);
  return 0;
}

function checkFormat(rt: Runtime, name: string, fmt: unknown): string {
  if (typeof fmt !== 'string') rt.badArgument(name, 1);
  return fmt as string;
}

/** Declarations for the registry (strings.ts lists them with the other string efuns). */
export const sprintfEfuns: EfunDecl[] = [
  {
    name: 'sprintf',
    signature: 'string sprintf(string, ...)',
    impl: (rt, fmt, ...args) => formatArgs(rt, checkFormat(rt, 'sprintf', fmt), args),
    doc: 'Formats its arguments by a MudOS format string (columns, tables, %O, padding, arrays).',
    pure: true,
  },
  {
    name: 'printf',
    signature: 'void printf(string, ...)',
    impl: (rt, fmt, ...args) => printf(rt, checkFormat(rt, 'printf', fmt), ...args),
    doc: 'Formats like sprintf() and writes the result to this_player().',
  },
];
