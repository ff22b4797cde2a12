// The `%O` value printer (sprintf's LPC-value conversion), reusable by save and
// debug code, plus the C-style float printing it and sprintf share.
//
// Layout follows MudOS v22 (COMPAT.md rule 1, the v22.2b12 testsuite):
//
//   ({ /* sizeof() == 2 */        ([ /* sizeof() == 1 */
//     1,                            "a" : ({ /* sizeof() == 1 */
//     2                                 1
//   })                                }),
//                                 ])
//
// Array elements sit two spaces deeper than their brackets; a mapping value
// starts right after its key and its own contents are indented four spaces
// deeper than the mapping. Empty containers print as `({ })` and `([ ])`.
// Objects print as "/name", plus ` ("text")` when the master's object_name()
// names them; destructed objects as 0; buffers as <buffer>; classes as
// `CLASS( n elements` with the members below; functions as LFunction.describe().
// Nesting deeper than ten levels prints `...` (MudOS's guard against
// self-referential structures). Strings are quoted with the escapes Neolith
// uses (\n \t \r \b \a \e \\ \" and octal for other control characters).
import type { Runtime } from '../vm/runtime-api.js';
import { VmFunction } from '../vm/functions.js';
import {
  LBuffer, LClassValue, LFloat, LFunction, LMapping, isObject, type LObjectRef, type Value,
} from '../vm/values.js';

/** Indentation beyond which MudOS stops descending and prints "...". */
const MAX_INDENT = 20;

/** Prints any LPC value the way `sprintf("%O", v)` does. */
export function describeValue(rt: Runtime, v: Value): string {
  const out: string[] = [];
  describeInto(rt, v, out, 0, false, false);
  return out.join('');
}

/**
 * Appends the text of `v` to `out`. `indent` is the current depth in spaces;
 * `trailing` appends ",\n" (a non-last container element); `noLeadingIndent`
 * is set for a mapping value, which continues the key's line.
 */
function describeInto(
  rt: Runtime, v: Value, out: string[], indent: number, trailing: boolean, noLeadingIndent: boolean,
): void {
  if (indent > MAX_INDENT) {
    out.push('...');
    return;
  }
  if (!noLeadingIndent && indent > 0) out.push(' '.repeat(indent));
  if (typeof v === 'number') {
    // -0 (the undefined zero) prints as 0; String(-0) is already "0".
    out.push(String(v));
  } else if (typeof v === 'bigint') {
    out.push(v.toString());
  } else if (typeof v === 'string') {
    out.push(quoteString(v));
  } else if (v instanceof LFloat) {
    out.push(formatFloat(v.f, 'f', 6, ''));
  } else if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('({ })');
    } else {
      out.push(`({ /* sizeof() == ${v.length} */\n`);
      for (let i = 0; i < v.length; i++) describeInto(rt, v[i], out, indent + 2, i < v.length - 1, false);
      out.push('\n', ' '.repeat(indent), '})');
    }
  } else if (v instanceof LMapping) {
    if (v.size === 0) {
      out.push('([ ])');
    } else {
      out.push(`([ /* sizeof() == ${v.size} */\n`);
      for (const [k, val] of v.entries()) {
        describeInto(rt, k, out, indent + 2, false, false);
        out.push(' : ');
        describeInto(rt, val, out, indent + 4, true, true);
      }
      out.push(' '.repeat(indent), '])');
    }
  } else if (v instanceof LClassValue) {
    const n = v.fields.length;
    out.push(`CLASS( ${n}${n === 1 ? ' element' : ' elements'}\n`);
    for (let i = 0; i < n; i++) describeInto(rt, v.fields[i], out, indent + 2, i < n - 1, false);
    out.push('\n', ' '.repeat(indent), ' )');
  } else if (v instanceof VmFunction) {
    const { head, bound } = v.describeParts();
    out.push('(: ', head);
    for (const b of bound) {
      out.push(', ');
      describeInto(rt, b, out, indent, false, true);
    }
    out.push(' :)');
  } else if (v instanceof LFunction) {
    out.push(v.describe());
  } else if (v instanceof LBuffer) {
    out.push('<buffer>');
  } else if (isObject(v)) {
    out.push(v.destructed ? '0' : describeObject(rt, v));
  } else {
    out.push('!ERROR: garbage svalue!');
  }
  if (trailing) out.push(',\n');
}

/**
 * An object as MudOS prints it: "/" + its name, followed by ` ("text")` when
 * the master's object_name() apply gives a name (rt.objectName returns that
 * name when there is one, else "/" + name).
 */
function describeObject(rt: Runtime, ob: LObjectRef): string {
  const base = '/' + ob.name;
  const named = rt.objectName(ob);
  return named === base ? base : `${base} ("${named}")`;
}

/** Escapes for `%O` strings (Neolith's table); other controls print as octal. */
const STRING_ESCAPES: Record<string, string> = {
  '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\x07': '\\a', '\x1b': '\\e', '\\': '\\\\', '"': '\\"',
};

/** A string in double quotes with `%O`'s escapes. */
export function quoteString(s: string): string {
  // Fast path: nothing to escape (the common case for mudlib data).
  if (!/[\x00-\x1f\x7f"\\]/.test(s)) return '"' + s + '"';
  let r = '"';
  for (const ch of s) {
    const esc = STRING_ESCAPES[ch];
    if (esc !== undefined) r += esc;
    else {
      const c = ch.charCodeAt(0);
      r += c < 0x20 || c === 0x7f ? '\\0' + c.toString(8) : ch;
    }
  }
  return r + '"';
}

// ---------------------------------------------------------------------------
// C-style float printing (printf's %f %e %g), exact like glibc: the decimal
// expansion of a double is finite, so it is computed with BigInt and rounded
// half-to-even on the exact value. JS's toFixed rounds ties away from zero
// (2.5.toFixed(0) is "3", C prints "2") and switches to exponent form past
// 1e21, so it cannot be used directly.

const F64 = new DataView(new ArrayBuffer(8));

/** |x| as mant * 2^exp with integer mant (x finite, non-zero). */
function decompose(x: number): { mant: bigint; exp: number } {
  F64.setFloat64(0, Math.abs(x));
  const hi = F64.getUint32(0);
  const lo = F64.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  return { mant, exp };
}

/** round(|x| * 10^k) with ties to even, as a BigInt (k may be negative). */
function scaledRound(x: number, k: number): bigint {
  if (x === 0) return 0n;
  const { mant, exp } = decompose(x);
  let num = mant;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| with `prec` decimals (C's %.{prec}f without sign). */
function fixedDigits(x: number, prec: number): string {
  const ax = Math.abs(x);
  // Fast path: toFixed is exact except that it breaks ties upward. A tie means
  // ax * 2 * 10^prec is an odd integer, which is computed exactly while the
  // product stays below 2^53, so the test below never misses one.
  if (prec <= 20) {
    const t = ax * 2 * 10 ** prec;
    if (t < 9007199254740992 && !(Number.isInteger(t) && t % 2 === 1)) return ax.toFixed(prec);
  }
  const q = scaledRound(x, prec).toString();
  if (prec === 0) return q;
  const padded = q.length <= prec ? '0'.repeat(prec - q.length + 1) + q : q;
  return padded.slice(0, padded.length - prec) + '.' + padded.slice(padded.length - prec);
}

/** Mantissa digits (prec+1 of them) and decimal exponent of |x| rounded for %e. */
function expDigits(x: number, prec: number): { digits: string; e10: number } {
  if (x === 0) return { digits: '0'.repeat(prec + 1), e10: 0 };
  let e10 = Math.floor(Math.log10(Math.abs(x)));
  for (;;) {
    const q = scaledRound(x, prec - e10).toString();
    if (q.length > prec + 1) e10++;
    else if (q.length < prec + 1) e10--;
    else return { digits: q, e10 };
  }
}

function expForm(digits: string, e10: number, upper: boolean): string {
  const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const ae = Math.abs(e10);
  return mant + (upper ? 'E' : 'e') + (e10 < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
}

/**
 * C printf of a double for conversion 'f', 'e', 'E', 'g' or 'G' with the given
 * precision; `signFlag` is '+', ' ' or '' (C's + and space flags).
 */
export function formatFloat(x: number, conv: string, prec: number, signFlag: string): string {
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? '-' : signFlag;
  const upper = conv === 'E' || conv === 'G';
  if (Number.isNaN(x)) return (signFlag === '' ? '' : signFlag) + (upper ? 'NAN' : 'nan');
  if (!Number.isFinite(x)) return sign + (upper ? 'INF' : 'inf');
  let body: string;
  switch (conv) {
    case 'f':
    case 'F':
      body = fixedDigits(x, prec);
      break;
    case 'e':
    case 'E': {
      const { digits, e10 } = expDigits(x, prec);
      body = expForm(digits, e10, upper);
      break;
    }
    default: {
      // %g: P significant digits; fixed form when -4 <= X < P, trailing zeros removed.
      const p = prec === 0 ? 1 : prec;
      const { digits, e10 } = expDigits(x, p - 1);
      if (e10 >= -4 && e10 < p) body = stripZeros(fixedDigits(x, p - 1 - e10));
      else {
        const d = stripZeros(digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits).replace('.', '');
        body = expForm(d, e10, upper);
      }
    }
  }
  return sign + body;
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}
