// C-style float printing (printf's %f %e %g), exact like glibc: the decimal
// expansion of a double is finite, so it is computed with BigInt from the
// double's mantissa and exponent and rounded half-to-even on the exact value.
// JS's toFixed rounds ties away from zero (2.5.toFixed(0) is "3", C prints
// "2") and switches to exponent form past 1e21, so it is only used where no
// tie is possible. One implementation serves string concatenation and `%O`
// (floatToString), error messages (formatFloatG) and sprintf (formatFloat).

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** round(|f| * 10^k) to the nearest integer, ties to even (k may be negative). */
function roundScaled(f: number, k: number): bigint {
  F64[0] = f;
  const bits = U64[0];
  const expField = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp: number;
  if (expField === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expField - 1075;
  }
  let num = mant;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const r2 = (num % den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/**
 * A float as MudOS prints it in string concatenation and `%O`: C's `"%f"`
 * (six decimals, exact decimal expansion, ties to even, "-0.000000" for -0.0,
 * "inf"/"-inf"/"nan"). MudOS v22 interpret.c F_ADD; COMPAT.md rule 1.
 */
export function floatToString(f: number): string {
  // NaN and the infinities fail this range test and go to formatFloat too.
  if (f < 4e9 && f > -4e9) {
    // Number.prototype.toFixed is exact but breaks ties upward, C breaks them
    // to even. A tie means f * 2e6 is an odd integer; below 2^53 that product
    // is computed exactly, so this test never misses one. This fast path is why
    // concatenation does not simply call formatFloat.
    const t = f * 2e6;
    if (!(Number.isInteger(t) && t % 2 !== 0)) {
      const s = f.toFixed(6);
      return f === 0 && 1 / f < 0 ? '-' + s : s;
    }
  }
  return formatFloat(f, 'f', 6, '');
}

/** C's `"%g"` (precision 6), which Neolith uses when it prints a float inside an error message. */
export function formatFloatG(f: number): string {
  return formatFloat(f, 'g', 6, '');
}

/** Drops trailing fraction zeros, and the point when nothing is left after it (%g). */
function stripZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
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
  const q = roundScaled(x, prec).toString();
  if (prec === 0) return q;
  const padded = q.length <= prec ? '0'.repeat(prec - q.length + 1) + q : q;
  return padded.slice(0, padded.length - prec) + '.' + padded.slice(padded.length - prec);
}

/** Mantissa digits (prec+1 of them) and decimal exponent of |x| rounded for %e. */
function expDigits(x: number, prec: number): { digits: string; e10: number } {
  if (x === 0) return { digits: '0'.repeat(prec + 1), e10: 0 };
  let e10 = Math.floor(Math.log10(Math.abs(x)));
  for (;;) {
    const q = roundScaled(x, prec - e10).toString();
    if (q.length > prec + 1) e10++;
    else if (q.length < prec + 1) e10--;
    else return { digits: q, e10 };
  }
}

/** `d.ddde+XX`: C prints at least two exponent digits. */
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
