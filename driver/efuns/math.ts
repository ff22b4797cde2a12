// Math efuns: the MudOS float functions (cos ... ceil), FluffOS's log10,
// log2, round, abs, min and max, and random / secure_random.
//
// MudOS declares the float functions as taking a float; like FluffOS, Lapis
// also accepts an int there (it is converted), so `sqrt(2)` works. Domain
// errors use MudOS's messages ("math: sqrt(x) with (x < 0.0)").
import { defineEfuns } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import { LFloat, intFromBigInt, intToNumber, type Value } from '../vm/values.js';
import { compareStrings } from './arrays.js';

/** The argument as a double, or a "Bad argument" error. */
function num(rt: Runtime, efun: string, v: Value, n = 1): number {
  if (v instanceof LFloat) return v.f;
  if (typeof v === 'number' || typeof v === 'bigint') return intToNumber(v);
  return rt.badArgument(efun, n);
}

type Domain = (x: number) => string | null;

/** Declares a one-argument float efun with an optional domain check (the message MudOS raises). */
function unary(name: string, f: (x: number) => number, doc: string, domain?: Domain) {
  return {
    name,
    signature: `float ${name}(float | int)`,
    pure: true,
    doc,
    impl: (rt: Runtime, v: Value): Value => {
      const x = num(rt, name, v);
      const bad = domain?.(x);
      if (bad) rt.error(`math: ${name}(x) with (${bad})\n`);
      return new LFloat(f(x));
    },
  };
}

const inUnitRange: Domain = (x) => (x < -1 ? 'x < -1.0' : x > 1 ? 'x > 1.0' : null);
const nonNegative: Domain = (x) => (x < 0 ? 'x < 0.0' : null);
const positive: Domain = (x) => (x <= 0 ? 'x <= 0.0' : null);

/** C's round(): halfway cases away from zero (Math.round rounds them up). */
export function roundHalfAway(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  // x - t is exact: it only drops the integer bits of x.
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

function abs(rt: Runtime, v: Value): Value {
  if (typeof v === 'number') return v < 0 ? -v : v + 0;
  if (typeof v === 'bigint') return intFromBigInt(v < 0n ? -v : v); // -2^63 wraps to itself, as in C
  if (v instanceof LFloat) return new LFloat(Math.abs(v.f));
  return rt.badArgument('abs', 1);
}

function pow(rt: Runtime, x: Value, y: Value): Value {
  return new LFloat(Math.pow(num(rt, 'pow', x, 1), num(rt, 'pow', y, 2)));
}

/**
 * min/max(arr [, want_index]) (FluffOS): the smallest/largest element of an
 * array of ints and floats (mixed freely) or of strings, or its index.
 */
function extreme(rt: Runtime, name: 'min' | 'max', arr: Value, wantIndex?: Value): Value {
  if (!Array.isArray(arr)) return rt.badArgument(name, 1);
  if (arr.length === 0) return rt.error(`Can't find ${name} of an empty array.\n`);
  const sign = name === 'max' ? 1 : -1;
  const isNum = (v: Value) => typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
  let best = 0;
  if (!isNum(arr[0]) && typeof arr[0] !== 'string') rt.error('Array must consist of ints, floats or strings.\n');
  for (let i = 1; i < arr.length; i++) {
    const v = arr[i];
    const cur = arr[best];
    let c: number;
    if (isNum(v)) {
      if (!isNum(cur)) rt.error('Inhomogeneous array.\n');
      c = compareNumbers(v, cur);
    } else if (typeof v === 'string') {
      if (typeof cur !== 'string') rt.error('Inhomogeneous array.\n');
      c = compareStrings(v, cur as string);
    } else {
      return rt.error('Array must consist of ints, floats or strings.\n');
    }
    if (c * sign > 0) best = i;
  }
  const asIndex = wantIndex !== undefined && !(typeof wantIndex === 'number' && wantIndex === 0);
  return asIndex ? best : arr[best];
}

function compareNumbers(a: Value, b: Value): number {
  if (!(a instanceof LFloat) && !(b instanceof LFloat)) {
    const x = a as number | bigint;
    const y = b as number | bigint;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = a instanceof LFloat ? a.f : intToNumber(a as number | bigint);
  const y = b instanceof LFloat ? b.f : intToNumber(b as number | bigint);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A uniform int in [0, n) from a source of 32 random bits, exact for every 64-bit n (rejection sampling). */
function uniformBelow(n: number | bigint, bits32: () => number): number | bigint {
  if (typeof n === 'number' && n <= 0x1_0000_0000) {
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const r = bits32();
      if (r < limit) return r % n;
    }
  }
  const big = BigInt(n);
  const space = 1n << 64n;
  const limit = space - (space % big);
  for (;;) {
    const r = (BigInt(bits32()) << 32n) | BigInt(bits32());
    if (r < limit) return intFromBigInt(r % big);
  }
}

const mathBits = () => Math.floor(Math.random() * 0x1_0000_0000);

function cryptoBits(rt: Runtime): () => number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (!c?.getRandomValues) return rt.error('secure_random: no secure random source available\n');
  const buf = new Uint32Array(1);
  return () => c.getRandomValues!(buf)[0];
}

/** random(n): an int in [0, n); 0 when n <= 0 (MudOS). */
function random(rt: Runtime, n: Value): Value {
  if (typeof n !== 'number' && typeof n !== 'bigint') return rt.badArgument('random', 1);
  if (n <= 0) return 0;
  return uniformBelow(n, mathBits);
}

/** secure_random(n) (FluffOS): like random() but from the platform's cryptographic source. */
function secureRandom(rt: Runtime, n: Value): Value {
  if (typeof n !== 'number' && typeof n !== 'bigint') return rt.badArgument('secure_random', 1);
  if (n <= 0) return 0;
  return uniformBelow(n, cryptoBits(rt));
}

export const efuns = defineEfuns('math', [
  unary('cos', Math.cos, 'The cosine of an angle in radians.'),
  unary('sin', Math.sin, 'The sine of an angle in radians.'),
  unary('tan', Math.tan, 'The tangent of an angle in radians.'),
  unary('asin', Math.asin, 'The arc sine, for -1.0 <= x <= 1.0.', inUnitRange),
  unary('acos', Math.acos, 'The arc cosine, for -1.0 <= x <= 1.0.', inUnitRange),
  unary('atan', Math.atan, 'The arc tangent.'),
  unary('sqrt', Math.sqrt, 'The square root of a non-negative number.', nonNegative),
  unary('log', Math.log, 'The natural logarithm of a positive number.', positive),
  unary('log10', Math.log10, 'The base-10 logarithm of a positive number (FluffOS).', positive),
  unary('log2', Math.log2, 'The base-2 logarithm of a positive number (FluffOS).', positive),
  unary('exp', Math.exp, 'e raised to a power.'),
  unary('floor', Math.floor, 'The largest integral value not above x, as a float.'),
  unary('ceil', Math.ceil, 'The smallest integral value not below x, as a float.'),
  unary('round', roundHalfAway, 'x rounded to the nearest integral value, halfway cases away from zero, as a float (FluffOS).'),
  {
    name: 'pow', signature: 'float pow(float | int, float | int)', impl: pow, pure: true,
    doc: 'x raised to the power y.',
  },
  {
    name: 'abs', signature: 'mixed abs(int | float)', impl: abs, pure: true,
    doc: 'The absolute value of an int (an int) or a float (a float) (FluffOS).',
  },
  {
    name: 'min', signature: 'mixed min(mixed *, int | void)', pure: true,
    impl: (rt, arr: Value, idx?: Value) => extreme(rt, 'min', arr, idx),
    doc: 'The smallest element of an array of numbers or of strings, or its index when the flag is set (FluffOS).',
  },
  {
    name: 'max', signature: 'mixed max(mixed *, int | void)', pure: true,
    impl: (rt, arr: Value, idx?: Value) => extreme(rt, 'max', arr, idx),
    doc: 'The largest element of an array of numbers or of strings, or its index when the flag is set (FluffOS).',
  },
  {
    name: 'random', signature: 'int random(int)', impl: random,
    doc: 'A pseudo-random int from 0 to n-1; 0 when n <= 0.',
  },
  {
    name: 'secure_random', signature: 'int secure_random(int)', impl: secureRandom,
    doc: 'A cryptographically secure random int from 0 to n-1; 0 when n <= 0 (FluffOS).',
  },
]);
