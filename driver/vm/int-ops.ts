// 64-bit LPC int arithmetic (DESIGN.md decision 2): wrap on overflow, 64-bit
// bitwise ops and shifts, division truncating toward zero. Ints are a JS number
// while safe, else a normalized bigint (values.ts); results are never -0 (the
// undefined zero), hence the `+ 0` wherever JS could produce it. These are
// also the slow paths of codegen's inlined int operators.
import { throwLpc } from './errors.js';
import { OP_ERRORS } from './op-errors.js';
import {
  LFloat, MAX_SAFE, MIN_SAFE, type Value, intFromBigInt, intFromNumber, intToNumber, toBigInt,
} from './values.js';

/** An LPC int in its JS representation. */
export type LInt = number | bigint;

const INT64_MIN = -(1n << 63n);

/** Whether a value is an LPC int (either representation). */
export function isInt(v: Value): v is LInt {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** An LPC int as decimal text (`"%d"` with the full 64-bit value). */
export function intToString(n: LInt): string {
  return typeof n === 'number' ? (n === 0 ? '0' : String(n)) : n.toString();
}

/** int + int, wrapping at 64 bits. */
export function addInt(a: LInt, b: LInt): LInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0;
  }
  return intFromBigInt(toBigInt(a) + toBigInt(b));
}

/** int - int, wrapping at 64 bits. */
export function subInt(a: LInt, b: LInt): LInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0;
  }
  return intFromBigInt(toBigInt(a) - toBigInt(b));
}

/** int * int, wrapping at 64 bits. An exact product within the safe range is computed exactly by doubles. */
export function mulInt(a: LInt, b: LInt): LInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0;
  }
  return intFromBigInt(toBigInt(a) * toBigInt(b));
}

/**
 * int / int truncating toward zero; "Division by zero." for 0. The minimum
 * int divided by -1 wraps to itself (C traps there; MudOS would crash).
 */
export function divInt(a: LInt, b: LInt): LInt {
  if (typeof b === 'number') {
    if (b === 0) throwLpc(OP_ERRORS.divisionByZero);
    // a - a % b is an exact multiple of b, so the division is exact.
    if (typeof a === 'number') return (a - (a % b)) / b + 0;
  }
  return intFromBigInt(toBigInt(a) / toBigInt(b));
}

/** int % int; the sign follows the dividend; "Modulus by zero." for 0. */
export function modInt(a: LInt, b: LInt): LInt {
  if (typeof b === 'number') {
    if (b === 0) throwLpc(OP_ERRORS.modulusByZero);
    if (typeof a === 'number') return (a % b) + 0;
  }
  return intFromBigInt(toBigInt(a) % toBigInt(b));
}

/** Unary minus on an int (the minimum int negates to itself). Never -0. */
export function negInt(a: LInt): LInt {
  if (typeof a === 'number') return 0 - a;
  return intFromBigInt(-a);
}

/** ~int (64-bit). */
export function bnotInt(a: LInt): LInt {
  if (typeof a === 'number') {
    if ((a | 0) === a) return ~a;
    const r = -a - 1;
    if (r >= MIN_SAFE) return r;
  }
  return intFromBigInt(~toBigInt(a));
}

/** int & int (64-bit). */
export function andInt(a: LInt, b: LInt): LInt {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a & b;
  return intFromBigInt(toBigInt(a) & toBigInt(b));
}

/** int | int (64-bit). */
export function orInt(a: LInt, b: LInt): LInt {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
  return intFromBigInt(toBigInt(a) | toBigInt(b));
}

/** int ^ int (64-bit). */
export function xorInt(a: LInt, b: LInt): LInt {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
  return intFromBigInt(toBigInt(a) ^ toBigInt(b));
}

/**
 * A shift count as the hardware uses it: the low 6 bits. MudOS shifts an
 * int64 with C's `<<`/`>>`, which on x86-64 masks the count; FluffOS made the
 * same masking explicit (testsuite operators/shift_overflow). So `1 << 64 == 1`
 * and `x >> -1 == x >> 63`.
 */
function shiftCount(n: LInt): number {
  if (typeof n === 'number') {
    if ((n | 0) === n) return n & 63;
    return ((n % 64) + 64) % 64;
  }
  return Number(BigInt.asUintN(6, n));
}

/** int << int: 64-bit, bits shifted out are lost, count taken mod 64. */
export function shlInt(a: LInt, n: LInt): LInt {
  const c = shiftCount(n);
  if (typeof a === 'number') {
    const r = a * 2 ** c; // exact: scaling by a power of two
    if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0;
  }
  return intFromBigInt(toBigInt(a) << BigInt(c));
}

/** int >> int: arithmetic (sign-propagating), count taken mod 64. */
export function shrInt(a: LInt, n: LInt): LInt {
  const c = shiftCount(n);
  if (typeof a === 'number') return Math.floor(a / 2 ** c) + 0;
  return intFromBigInt(a >> BigInt(c));
}

/**
 * C's conversion of a double to int64 (used where MudOS assigns a float result
 * to an int lvalue, e.g. `int x; x += 1.5`): truncation toward zero. Values
 * outside the int64 range and NaN give the minimum int, as x86-64's cvttsd2si.
 */
export function truncToInt(f: number): LInt {
  if (!(f >= -9223372036854775808 && f < 9223372036854775808)) return intFromBigInt(INT64_MIN);
  return intFromNumber(Math.trunc(f));
}

/**
 * MudOS do_promotions() (compiler.c) for a value stored into an `int`
 * variable whose static type is float: the compiler inserts to_int. Any other
 * value passes through (static types are hints only).
 */
export function promoteToInt(v: Value): Value {
  return v instanceof LFloat ? truncToInt(v.f) : v;
}

/** do_promotions() the other way: an int stored into a `float` variable becomes a float. */
export function promoteToFloat(v: Value): Value {
  return typeof v === 'number' || typeof v === 'bigint' ? new LFloat(intToNumber(v)) : v;
}
