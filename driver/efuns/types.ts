// Type predicates and conversions: intp ... classp, undefinedp/nullp, typeof,
// to_int, to_float.
//
// MudOS v22 / Neolith semantics (lib/efuns/unsorted.c, lib/lpc/operator.c),
// except that to_int() keeps the full 64-bit value where Neolith truncates to
// a C int (COMPAT.md rule 3: to_int(1e10) is exact). A destructed object reads
// as 0 everywhere, so intp() is true and objectp() false for it.
import { defineEfuns } from './registry.js';
import { truncToInt } from '../vm/ops.js';
import type { Runtime } from '../vm/runtime-api.js';
import {
  LBuffer, LClassValue, LFloat, LFunction, LMapping, intFromBigInt, intToNumber, isLiveObject, isObject,
  isUndefined, typeName, type Value,
} from '../vm/values.js';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** functionp() flags (MudOS include/function.h). */
export const FP_HAS_ARGUMENTS = 0x10;
export const FP_OWNER_DESTED = 0x20;
/** FP_LOCAL: the kind reported when a function value does not say what it is. */
const FP_LOCAL = 2;

/** Clamps an exact integer to the 64-bit range (strtoll-style saturation). */
function saturate(b: bigint): number | bigint {
  return intFromBigInt(b > INT64_MAX ? INT64_MAX : b < INT64_MIN ? INT64_MIN : b);
}

/**
 * A float converted to int: truncated toward zero, exact for every float in
 * the 64-bit range (1e10 → 10000000000). Out of range and NaN behave as the
 * VM's float-to-int assignment does (ops.truncToInt, x86's cvttsd2si).
 */
export const floatToInt = truncToInt;

const LEADING_INT = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/;

/** The leading decimal integer of a string as atoi() reads it (0 when none), saturated to 64 bits. */
export function stringToInt(s: string): number | bigint {
  const m = LEADING_INT.exec(s);
  if (!m) return 0;
  const text = m[1];
  if (text.length < 16) return Number(text) + 0;
  return saturate(BigInt(text));
}

const LEADING_FLOAT =
  /^[ \t\n\v\f\r]*([+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf(?:inity)?|nan))/i;

/** The leading float of a string as sscanf("%lf") reads it (0.0 when none). */
export function stringToFloat(s: string): number {
  const m = LEADING_FLOAT.exec(s);
  if (!m) return 0;
  const text = m[1].toLowerCase();
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (body.startsWith('inf')) return sign * Infinity;
  if (body === 'nan') return NaN;
  return parseFloat(text);
}

/** to_int(x): floats truncate, strings parse a leading integer, a buffer's first 4 bytes are a big-endian int. */
function toInt(rt: Runtime, v: Value): Value {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof LFloat) return floatToInt(v.f);
  if (typeof v === 'string') return stringToInt(v);
  if (v instanceof LBuffer) {
    const b = v.bytes;
    if (b.length < 4) return 0;
    return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) + 0;
  }
  if (isObject(v) && v.destructed) return 0;
  return rt.badArgument('to_int', 1);
}

/** to_float(x): ints convert, strings parse a leading float (0.0 when none). */
function toFloat(rt: Runtime, v: Value): Value {
  if (v instanceof LFloat) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return new LFloat(intToNumber(v));
  if (typeof v === 'string') return new LFloat(stringToFloat(v));
  if (isObject(v) && v.destructed) return new LFloat(0);
  return rt.badArgument('to_float', 1);
}

/**
 * functionp(f): 0 for non-functions, else the pointer kind (FP_LOCAL 2,
 * FP_EFUN 3, FP_SIMUL 4, FP_FUNCTIONAL 5, FP_ANONYMOUS 8) with
 * FP_HAS_ARGUMENTS and FP_OWNER_DESTED or-ed in. The kind and bound
 * arguments are read from the VM's function classes when they expose them
 * (`kind`, `bound`); otherwise FP_LOCAL.
 */
function functionp(_rt: Runtime, v: Value): Value {
  if (!(v instanceof LFunction)) return 0;
  const info = v as unknown as { kind?: unknown; bound?: unknown };
  let flags = typeof info.kind === 'number' ? info.kind : FP_LOCAL;
  if (Array.isArray(info.bound) && info.bound.length > 0) flags |= FP_HAS_ARGUMENTS;
  if (v.owner === 0 || v.owner.destructed) flags |= FP_OWNER_DESTED;
  return flags;
}

const flag = (b: boolean): Value => (b ? 1 : 0);

export const efuns = defineEfuns('types', [
  {
    name: 'intp', signature: 'int intp(mixed)', pure: true,
    impl: (_rt, v: Value) => flag(typeName(v) === 'int'),
    doc: 'True for an int (a destructed object reads as 0, an int).',
  },
  {
    name: 'floatp', signature: 'int floatp(mixed)', pure: true,
    impl: (_rt, v: Value) => flag(v instanceof LFloat),
    doc: 'True for a float.',
  },
  {
    name: 'stringp', signature: 'int stringp(mixed)', pure: true,
    impl: (_rt, v: Value) => flag(typeof v === 'string'),
    doc: 'True for a string.',
  },
  {
    name: 'pointerp', signature: 'int pointerp(mixed)', aliases: ['arrayp'], pure: true,
    impl: (_rt, v: Value) => flag(Array.isArray(v)),
    doc: 'True for an array.',
  },
  {
    name: 'mapp', signature: 'int mapp(mixed)', pure: true,
    impl: (_rt, v: Value) => flag(v instanceof LMapping),
    doc: 'True for a mapping.',
  },
  {
    name: 'objectp', signature: 'int objectp(mixed)', pure: true,
    impl: (_rt, v: Value) => flag(isLiveObject(v)),
    doc: 'True for an object that is not destructed.',
  },
  {
    name: 'functionp', signature: 'int functionp(mixed)', impl: functionp, pure: true,
    doc: 'The function pointer kind with FP_HAS_ARGUMENTS / FP_OWNER_DESTED flags, or 0 for non-functions.',
  },
  {
    name: 'bufferp', signature: 'int bufferp(mixed)', pure: true,
    impl: (_rt, v: Value) => flag(v instanceof LBuffer),
    doc: 'True for a buffer.',
  },
  {
    name: 'classp', signature: 'int classp(mixed)', pure: true,
    impl: (_rt, v: Value) => flag(v instanceof LClassValue),
    doc: 'True for a class instance.',
  },
  {
    name: 'undefinedp', signature: 'int undefinedp(mixed)', aliases: ['nullp'], pure: true,
    impl: (_rt, v: Value) => flag(isUndefined(v)),
    doc: 'True for the undefined zero: a missing mapping key, a missing argument, an unset variable.',
  },
  {
    name: 'typeof', signature: 'string typeof(mixed)', aliases: ['type'], pure: true,
    impl: (_rt, v: Value) => typeName(v),
    doc: 'The type name of a value: "int", "float", "string", "array", "mapping", "object", "function", "buffer" or "class".',
  },
  {
    name: 'to_int', signature: 'int to_int(string | float | int | buffer)', impl: toInt, pure: true,
    doc: 'An int from a float (truncated, exact to 64 bits), a string (leading integer) or a buffer (first 4 bytes).',
  },
  {
    name: 'to_float', signature: 'float to_float(string | float | int)', impl: toFloat, pure: true,
    doc: 'A float from an int or a string (leading number, 0.0 when none).',
  },
]);
