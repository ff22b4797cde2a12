// LPC operators on generic values, with MudOS v22 / Neolith semantics
// (DESIGN.md decision 2, COMPAT.md "Which reference wins").
//
// Codegen inlines its own fast paths for int-typed operands and calls these
// functions for everything else, so each entry point tests the common
// representation first (number, then string) and allocates nothing on those
// paths. Slow paths convert to bigint, or deal with floats, containers and
// errors.
//
// Ints: a JS number while safe, else a normalized bigint (values.ts). Every
// int result is wrapped to 64-bit two's complement and never -0 (the undefined
// zero): results are normalized with `+ 0` wherever JS could produce -0.
//
// Error texts are Neolith's (interpret.c, operator.c), without the leading
// "*" and the trailing newline (errors.ts). Where Neolith has a plain bug we
// fix it (COMPAT.md rule 3) and say so beside the code.
//
// Comparison functions (eq, ne, lt, le, gt, ge) return JS booleans; codegen
// turns them into LPC ints (`? 1 : 0`) where a value is needed.
//
// Two settings are module state, shared by every runtime in the process: the
// container ceilings (setContainerLimits) and the "Got: ..." formatter of
// error messages (setValueDescriber). The runtime sets both once at start-up.
import { throwLpc } from './errors.js';
import { floatToString, formatFloatG } from './float-format.js';
import {
  LBuffer, LClassValue, LFloat, LFunction, LMapping, MAX_SAFE, MIN_SAFE,
  type Value, intFromBigInt, intFromNumber, intToNumber, isObject, live, toBigInt, typeName,
} from './values.js';
import {
  charAt, compareCodePoints, isValidCodePoint, replaceCodePoint,
  sliceCodePoints, strlen,
} from './strings.js';

/** An LPC int in its JS representation. */
export type LInt = number | bigint;

const INT64_MIN = -(1n << 63n);

// ---------------------------------------------------------------------------
// Error messages (Neolith wording; one table so the texts are easy to audit)

export const OP_ERRORS = {
  divisionByZero: 'Division by zero.',
  divisionByFloatZero: 'Division by 0.0',
  modulusByZero: 'Modulus by zero.',
  argsToMul: 'Args to * are not compatible.',
  badUnaryMinus: 'Bad argument to unary minus',
  badCompl: 'Bad argument to ~',
  subBadLeft: 'Bad left type to -.',
  subBadRight: 'Bad right type to -.',
  subMismatch: 'Arguments to - do not have compatible types.',
  addEqNumberLeft: 'Left hand side of += is a number (or zero); right side is not a number.',
  subEqMismatch: 'Arguments to -= do not match in type.',
  increment: 'Increment (++) on non-numeric argument.',
  decrement: 'Decrement (--) on non-numeric argument',
  indexZero: 'Value being indexed is zero.',
  arrayIndexType: 'Array indexes must be integers.',
  arrayIndexNegative: 'Array index must be positive or zero.',
  arrayIndexBounds: 'Array index out of bounds.',
  stringIndexType: 'String indexes must be integers.',
  stringIndexBounds: 'String index out of bounds.',
  bufferIndexType: 'Buffer indexes must be integers.',
  bufferIndexBounds: 'Buffer index out of bounds.',
  rindexArrayType: 'Indexing an array with an illegal type.',
  rindexStringType: 'Indexing a string with an illegal type.',
  rindexBufferType: 'Indexing a buffer with an illegal type.',
  lvalueIndexType: 'Illegal type of index',
  lvalueStringBounds: 'Index out of bounds in string index lvalue.',
  charLvalueRhs: 'Illegal rhs to char lvalue',
  charLvalueNul: 'Strings cannot contain 0 bytes.',
  rangeStartType: 'Start of range [ .. ] interval must be a number.',
  rangeEndType: 'End of range [ .. ] interval must be a number.',
  rangeBadArg: 'Bad argument to [ .. ] range operator.',
  rangeLvalueType: 'Range lvalue on illegal type.',
  rangeLvalue2ndType: 'Illegal 2nd index type to range lvalue.',
  rangeLvalue2ndBounds: 'The 2nd index to range lvalue must be >= -1 and < sizeof(indexed value)',
  rangeLvalue1stType: 'Illegal 1st index type to range lvalue',
  rangeLvalue1stBounds: 'The 1st index to range lvalue must be >= 0 and <= sizeof(indexed value)',
  rangeRhsArray: 'Illegal rhs to array range lvalue.',
  rangeRhsString: 'Illegal rhs to string range lvalue.',
  rangeRhsBuffer: 'Illegal rhs to buffer range lvalue.',
  arrayAddTooLarge: 'result of array addition is greater than maximum array size.',
  arrayUnionTooLarge: 'result of array union could be greater than maximum array size.',
  arrayTooLarge: 'Illegal array size.',
  mappingTooLarge: 'Mapping too large.',
} as const;

// ---------------------------------------------------------------------------
// Container ceilings (COMPAT.md rule 3: exceeding MaxArraySize/MaxMappingSize is
// an error, never silent truncation). The runtime sets them from its config;
// until it does they are unlimited, so a missing call can only be lenient.

let maxArraySize = Infinity;
let maxMappingSize = Infinity;

/** Sets the MaxArraySize / MaxMappingSize ceilings the operators enforce. */
export function setContainerLimits(limits: { maxArraySize: number; maxMappingSize: number }): void {
  maxArraySize = limits.maxArraySize;
  maxMappingSize = limits.maxMappingSize;
}

function checkArraySize(n: number, message: string): void {
  if (n > maxArraySize) throwLpc(message);
}

function checkMappingSize(m: LMapping): void {
  if (m.size > maxMappingSize) throwLpc(OP_ERRORS.mappingTooLarge);
}

/** "Cannot index value of type 'object'." */
function cannotIndex(v: Value): never {
  if (typeof v === 'number' && v === 0) throwLpc(OP_ERRORS.indexZero);
  throwLpc(`Cannot index value of type '${typeName(v)}'.`);
}

// Neolith's `+` reports a type mismatch with one of three slightly different
// texts depending on the right operand's type (interpret.c F_ADD); kept exact.
const ADD_ERROR_TAIL: Record<string, string> = {
  buffer: '.', int: '.', float: '', array: '', mapping: '', string: '.',
};
function addTypeError(a: Value, b: Value): never {
  const rt = typeName(b);
  const tail = ADD_ERROR_TAIL[rt];
  const gap = rt === 'int' || tail === undefined ? '  ' : ' ';
  throwLpc(`Bad type argument to +.${gap}Had ${typeName(a)} and ${rt}${tail ?? '.'}`);
}

// Type sets named in "Expected:" lists, in MudOS's type-code order.
const T_INT = 'int';
const T_INT_FLOAT = 'int or float';
const T_INT_STRING_FLOAT = 'int or string or float';
const T_INT_MAPPING_FLOAT = 'int or mapping or float';

/**
 * Neolith's bad_argument(): "Bad argument 2 to <, Expected: int or float Got: "abc"."
 * (operators carry no "()" after their name).
 */
function badArgument(v: Value, expected: string, n: number, op: string): never {
  throwLpc(`Bad argument ${n} to ${op}, Expected: ${expected} Got: ${describeValue(v)}.`);
}

// ---------------------------------------------------------------------------
// Number formatting

/** An LPC int as decimal text (`"%d"` with the full 64-bit value). */
export function intToString(n: LInt): string {
  return typeof n === 'number' ? (n === 0 ? '0' : String(n)) : n.toString();
}

// Float printing (C's %f for concatenation and %O, %g in error messages)
// lives in float-format.ts; re-exported because callers know it from here.
export { floatToString, formatFloatG };

// ---------------------------------------------------------------------------
// How values appear after "Got:" in error messages. The sprintf owner may plug
// in the full %O formatter; the default follows Neolith's svalue_to_string in
// its one-line form.

let describeValue: (v: Value) => string = defaultDescribe;

/**
 * Replaces the formatter used for "Got: ..." in operator errors (e.g. with a
 * one-line %O); no argument restores the built-in one.
 */
export function setValueDescriber(fn?: (v: Value) => string): void {
  describeValue = fn ?? defaultDescribe;
}

const ESCAPES: Record<string, string> = {
  '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\x07': '\\a', '\x1b': '\\e',
  '\\': '\\\\', '"': '\\"',
};

function defaultDescribe(v: Value): string {
  v = live(v);
  if (typeof v === 'number' || typeof v === 'bigint') return intToString(v);
  if (typeof v === 'string') {
    // eslint-disable-next-line no-control-regex
    return '"' + v.replace(/[\t\n\r\b\x07\x1b\\"]|[\x00-\x1f\x7f]/g, (c) =>
      ESCAPES[c] ?? '\\0' + c.charCodeAt(0).toString(8)) + '"';
  }
  if (v instanceof LFloat) return formatFloatG(v.f);
  if (Array.isArray(v)) return v.length === 0 ? '({ })' : '({' + v.map(defaultDescribe).join(',') + '})';
  if (v instanceof LMapping) {
    if (v.size === 0) return '([ ])';
    const parts: string[] = [];
    for (const [k, x] of v.entries()) parts.push(defaultDescribe(k) + ':' + defaultDescribe(x));
    return '([' + parts.join(',') + '])';
  }
  if (v instanceof LBuffer) return '<buffer>';
  if (v instanceof LFunction) return v.describe();
  if (v instanceof LClassValue) {
    const n = v.fields.length;
    return `CLASS( ${n} element${n === 1 ? '' : 's'} ${v.fields.map(defaultDescribe).join(',')} )`;
  }
  if (isObject(v)) return '/' + v.name;
  return String(v);
}

// ---------------------------------------------------------------------------
// 64-bit int arithmetic (also the slow paths of codegen's inlined int ops)

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

// ---------------------------------------------------------------------------
// Generic binary arithmetic

function isInt(v: Value): v is LInt {
  return typeof v === 'number' || typeof v === 'bigint';
}

/**
 * LPC `+`: ints (64-bit), floats, int/float mixes (→ float), string
 * concatenation with strings, ints (`"a" + 1 == "a1"`) and floats (`"%f"`),
 * array + array and buffer + buffer (new values), mapping + mapping (a new
 * mapping, the right side wins on shared keys).
 */
export function add(a: Value, b: Value): Value {
  if (typeof a === 'number') {
    if (typeof b === 'number') {
      const r = a + b;
      if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0;
      return addInt(a, b);
    }
    if (typeof b === 'string') return intToString(a) + b;
  } else if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    if (typeof b === 'number') return a + intToString(b);
  }
  return addSlow(live(a), live(b));
}

function addSlow(a: Value, b: Value): Value {
  if (isInt(a)) {
    if (isInt(b)) return addInt(a, b);
    if (b instanceof LFloat) return new LFloat(intToNumber(a) + b.f);
    if (typeof b === 'string') return intToString(a) + b;
  } else if (a instanceof LFloat) {
    if (b instanceof LFloat) return new LFloat(a.f + b.f);
    if (isInt(b)) return new LFloat(a.f + intToNumber(b));
    if (typeof b === 'string') return floatToString(a.f) + b;
  } else if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    if (isInt(b)) return a + intToString(b);
    if (b instanceof LFloat) return a + floatToString(b.f);
  } else if (Array.isArray(a)) {
    if (Array.isArray(b)) return concatArrays(a, b);
  } else if (a instanceof LMapping) {
    if (b instanceof LMapping) return addMappings(a, b);
  } else if (a instanceof LBuffer) {
    if (b instanceof LBuffer) return concatBuffers(a, b);
  }
  addTypeError(a, b);
}

function concatArrays(a: Value[], b: Value[]): Value[] {
  checkArraySize(a.length + b.length, OP_ERRORS.arrayAddTooLarge);
  return a.concat(b);
}

function addMappings(a: LMapping, b: LMapping): LMapping {
  const m = a.clone();
  for (const [k, v] of b.entries()) m.set(k, v);
  checkMappingSize(m);
  return m;
}

function concatBuffers(a: LBuffer, b: LBuffer): LBuffer {
  const out = new Uint8Array(a.bytes.length + b.bytes.length);
  out.set(a.bytes, 0);
  out.set(b.bytes, a.bytes.length);
  return new LBuffer(out);
}

/** LPC `-`: numbers as `+`; array - array removes every element equal to one in the right array. */
export function sub(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0;
    return subInt(a, b);
  }
  return subSlow(live(a), live(b));
}

function subSlow(a: Value, b: Value): Value {
  if (isInt(a)) {
    if (isInt(b)) return subInt(a, b);
    if (b instanceof LFloat) return new LFloat(intToNumber(a) - b.f);
  } else if (a instanceof LFloat) {
    if (b instanceof LFloat) return new LFloat(a.f - b.f);
    if (isInt(b)) return new LFloat(a.f - intToNumber(b));
  } else if (Array.isArray(a) && Array.isArray(b)) {
    return subtractArrays(a, b);
  }
  if (!isSubOperand(a)) throwLpc(OP_ERRORS.subBadLeft);
  if (!isSubOperand(b)) throwLpc(OP_ERRORS.subBadRight);
  throwLpc(OP_ERRORS.subMismatch);
}

function isSubOperand(v: Value): boolean {
  return isInt(v) || v instanceof LFloat || Array.isArray(v);
}

/** LPC `*`: numbers; mapping * mapping composes (`([k: m2[m1[k]]])` for each k whose value is a key of m2). */
export function mul(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0;
    return mulInt(a, b);
  }
  a = live(a);
  b = live(b);
  if (isInt(a)) {
    if (isInt(b)) return mulInt(a, b);
    if (b instanceof LFloat) return new LFloat(intToNumber(a) * b.f);
  } else if (a instanceof LFloat) {
    if (b instanceof LFloat) return new LFloat(a.f * b.f);
    if (isInt(b)) return new LFloat(a.f * intToNumber(b));
  } else if (a instanceof LMapping && b instanceof LMapping) {
    return composeMappings(a.clone(), b);
  }
  if (!(isInt(a) || a instanceof LFloat || a instanceof LMapping)) badArgument(a, T_INT_MAPPING_FLOAT, 1, '*');
  if (!(isInt(b) || b instanceof LFloat || b instanceof LMapping)) badArgument(b, T_INT_MAPPING_FLOAT, 2, '*');
  throwLpc(OP_ERRORS.argsToMul);
}

/** Composes in place: keeps keys of `m` whose value is a key of `by`, mapped through `by`. */
function composeMappings(m: LMapping, by: LMapping): LMapping {
  for (const [k, v] of [...m.entries()]) {
    if (by.has(v)) m.set(k, by.get(v));
    else m.delete(k);
  }
  return m;
}

/**
 * LPC `/`: ints truncate toward zero; any float operand gives a float.
 * Division by zero is an error for floats too ("Division by 0.0" for int / 0.0,
 * Neolith's wording).
 */
export function div(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throwLpc(OP_ERRORS.divisionByZero);
    return (a - (a % b)) / b + 0;
  }
  a = live(a);
  b = live(b);
  if (isInt(a)) {
    if (isInt(b)) return divInt(a, b);
    if (b instanceof LFloat) {
      if (b.f === 0) throwLpc(OP_ERRORS.divisionByFloatZero);
      return new LFloat(intToNumber(a) / b.f);
    }
  } else if (a instanceof LFloat) {
    if (b instanceof LFloat) {
      if (b.f === 0) throwLpc(OP_ERRORS.divisionByZero);
      return new LFloat(a.f / b.f);
    }
    if (isInt(b)) {
      if (b === 0) throwLpc(OP_ERRORS.divisionByZero);
      return new LFloat(a.f / intToNumber(b));
    }
  }
  if (!(isInt(a) || a instanceof LFloat)) badArgument(a, T_INT_FLOAT, 1, '/');
  badArgument(b, T_INT_FLOAT, 2, '/');
}

/** LPC `%`: ints only; the result's sign follows the dividend. */
export function mod(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throwLpc(OP_ERRORS.modulusByZero);
    return (a % b) + 0;
  }
  a = live(a);
  b = live(b);
  if (!isInt(a)) badArgument(a, T_INT, 1, '%');
  if (!isInt(b)) badArgument(b, T_INT, 2, '%');
  return modInt(a, b);
}

/** An int-only binary operator after the fast path: checks both operands with bad_argument's wording. */
function intBinary(a: Value, b: Value, op: string, f: (x: LInt, y: LInt) => LInt): LInt {
  a = live(a);
  b = live(b);
  if (!isInt(a)) badArgument(a, T_INT, 1, op);
  if (!isInt(b)) badArgument(b, T_INT, 2, op);
  return f(a, b);
}

/** LPC `&`: 64-bit and; array & array is the intersection (left order, left duplicates kept). */
export function band(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return andInt(a, b);
  a = live(a);
  b = live(b);
  if (Array.isArray(a) && Array.isArray(b)) return intersectArrays(a, b);
  return intBinary(a, b, '&', andInt);
}

/** LPC `|`: 64-bit or; array | array is the union (COMPAT.md rule 4, FluffOS). */
export function bor(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return orInt(a, b);
  a = live(a);
  b = live(b);
  if (Array.isArray(a) && Array.isArray(b)) return unionArrays(a, b);
  return intBinary(a, b, '|', orInt);
}

/** LPC `^` (ints only). */
export function bxor(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return xorInt(a, b);
  return intBinary(a, b, '^', xorInt);
}

/** LPC `<<` (ints only). */
export function shl(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return shlInt(a, b);
  return intBinary(a, b, '<<', shlInt);
}

/** LPC `>>` (ints only, arithmetic). */
export function shr(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return shrInt(a, b);
  return intBinary(a, b, '>>', shrInt);
}

/** Unary `-` on ints and floats. `-(0)` is 0, never the undefined zero. */
export function neg(a: Value): Value {
  if (typeof a === 'number') return 0 - a;
  a = live(a);
  if (isInt(a)) return negInt(a);
  if (a instanceof LFloat) return new LFloat(-a.f);
  throwLpc(OP_ERRORS.badUnaryMinus);
}

/** Unary `~` (ints only). */
export function bnot(a: Value): Value {
  a = live(a);
  if (isInt(a)) return bnotInt(a);
  throwLpc(OP_ERRORS.badCompl);
}

/** Unary `!` as an LPC int: 1 for 0 (and destructed objects), else 0. `!0.0` is 0 (0.0 is true). */
export function lnot(a: Value): number {
  if (typeof a === 'number') return a === 0 ? 1 : 0;
  return isObject(a) && a.destructed ? 1 : 0;
}

/** `++` on a value: ints wrap, floats add 1.0. Returns the new value. */
export function inc(a: Value): Value {
  if (typeof a === 'number' && a < MAX_SAFE) return a + 1;
  a = live(a);
  if (isInt(a)) return addInt(a, 1);
  // Neolith's pre-increment of a float bumps the int bits of the value (a bug); we add 1.0.
  if (a instanceof LFloat) return new LFloat(a.f + 1);
  throwLpc(OP_ERRORS.increment);
}

/** `--` on a value. Returns the new value. */
export function dec(a: Value): Value {
  if (typeof a === 'number' && a > MIN_SAFE) return a - 1 + 0;
  a = live(a);
  if (isInt(a)) return subInt(a, 1);
  if (a instanceof LFloat) return new LFloat(a.f - 1);
  throwLpc(OP_ERRORS.decrement);
}

// ---------------------------------------------------------------------------
// Array set operations. Elements match when they have the same type and value
// (ints, strings and floats by value, 1 and 1.0 differ), everything else by
// reference; a destructed object counts as 0 and comes out as 0
// (Neolith array.c subtract_array/intersect_array).

/** Same element in the sense above; both sides already live(). */
function sameElement(a: Value, b: Value): boolean {
  if (a === b) return true;
  return a instanceof LFloat && b instanceof LFloat && Object.is(a.f, b.f);
}

/** A membership set with sameElement's equality. */
class ValueSet {
  private readonly prim = new Set<unknown>();
  private floats: Set<number> | null = null;
  private negZero = false;

  constructor(items: readonly Value[]) {
    for (let i = 0; i < items.length; i++) this.add(live(items[i]));
  }

  add(v: Value): void {
    if (v instanceof LFloat) {
      if (v.f === 0 && 1 / v.f < 0) this.negZero = true;
      else (this.floats ??= new Set()).add(v.f);
    } else this.prim.add(v);
  }

  has(v: Value): boolean {
    if (v instanceof LFloat) {
      if (v.f === 0 && 1 / v.f < 0) return this.negZero;
      return this.floats !== null && this.floats.has(v.f);
    }
    return this.prim.has(v);
  }
}

// Below this many elements on the lookup side a linear scan beats building a Set.
const SMALL = 8;

function makeMembership(items: readonly Value[]): (v: Value) => boolean {
  if (items.length <= SMALL) {
    const live0 = items.map(live);
    return (v) => {
      for (let i = 0; i < live0.length; i++) if (sameElement(v, live0[i])) return true;
      return false;
    };
  }
  const set = new ValueSet(items);
  return (v) => set.has(v);
}

/** `a - b` on arrays: a new array of a's elements (in order) that are not in b. */
export function subtractArrays(a: readonly Value[], b: readonly Value[]): Value[] {
  const inB = makeMembership(b);
  const out: Value[] = [];
  for (let i = 0; i < a.length; i++) {
    const v = live(a[i]);
    if (!inB(v)) out.push(v);
  }
  return out;
}

/**
 * `a & b` on arrays: a's elements that are also in b, in a's order, duplicates
 * of a kept. (MudOS returns them sorted by its internal value order, which is
 * ascending for ints and arbitrary for strings; we keep the left order.)
 */
export function intersectArrays(a: readonly Value[], b: readonly Value[]): Value[] {
  if (a.length === 0 || b.length === 0) return [];
  const inB = makeMembership(b);
  const out: Value[] = [];
  for (let i = 0; i < a.length; i++) {
    const v = live(a[i]);
    if (inB(v)) out.push(v);
  }
  return out;
}

/**
 * `a | b` on arrays (MudOS v22 and FluffOS union_array; Neolith dropped it,
 * COMPAT.md rule 4): a's elements, then b's elements that are not in a. MudOS
 * appends those in its internal sort order (ascending for ints, arbitrary for
 * the rest); we keep b's order. As in MudOS, the size check is on
 * sizeof(a) + sizeof(b) when both are non-empty.
 */
export function unionArrays(a: readonly Value[], b: readonly Value[]): Value[] {
  if (a.length === 0) return b.map(live);
  if (b.length === 0) return a.map(live);
  checkArraySize(a.length + b.length, OP_ERRORS.arrayUnionTooLarge);
  const inA = makeMembership(a);
  const out: Value[] = a.map(live);
  for (let i = 0; i < b.length; i++) {
    const v = live(b[i]);
    if (!inA(v)) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Compound assignment. Each returns the value to store back into the lvalue
// (which is also the expression's value). They differ from `x = x op y` where
// MudOS differs: an int lvalue stays an int when the right side is a float
// (the float result is truncated), `m += m2` and `m *= m2` change the mapping
// in place (other references see it), and the error texts name the operator.
// Neolith bugs fixed: `float += int` works; `x /= 0` and `x %= 0` raise the
// same errors as `x / 0` and `x % 0` (COMPAT.md rule 3).

/** `x += y`. */
export function addEq(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number') return add(x, y);
  if (typeof x === 'string' && typeof y === 'string') return x + y;
  x = live(x);
  y = live(y);
  if (typeof x === 'string') {
    if (isInt(y) || y instanceof LFloat) return add(x, y);
    badArgument(y, T_INT_STRING_FLOAT, 2, '+=');
  }
  if (isInt(x)) {
    if (isInt(y)) return addInt(x, y);
    if (y instanceof LFloat) return addInt(x, truncToInt(y.f));
    throwLpc(OP_ERRORS.addEqNumberLeft);
  }
  if (x instanceof LFloat) {
    if (isInt(y)) return new LFloat(x.f + intToNumber(y));
    if (y instanceof LFloat) return new LFloat(x.f + y.f);
    throwLpc(OP_ERRORS.addEqNumberLeft);
  }
  if (x instanceof LBuffer) {
    if (y instanceof LBuffer) return concatBuffers(x, y);
    badArgument(y, 'buffer', 2, '+=');
  }
  if (Array.isArray(x)) {
    if (Array.isArray(y)) return concatArrays(x, y);
    badArgument(y, 'array', 2, '+=');
  }
  if (x instanceof LMapping) {
    if (y instanceof LMapping) {
      for (const [k, v] of [...y.entries()]) {
        if (x.size >= maxMappingSize && !x.has(k)) throwLpc(OP_ERRORS.mappingTooLarge);
        x.set(k, v);
      }
      return x;
    }
    badArgument(y, 'mapping', 2, '+=');
  }
  throwLpc('Bad argument 1 to +=()');
}

/** `x -= y`. */
export function subEq(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number') return sub(x, y);
  x = live(x);
  y = live(y);
  if (isInt(x)) {
    if (isInt(y)) return subInt(x, y);
    if (y instanceof LFloat) return truncToInt(intToNumber(x) - y.f);
  } else if (x instanceof LFloat) {
    if (isInt(y)) return new LFloat(x.f - intToNumber(y));
    if (y instanceof LFloat) return new LFloat(x.f - y.f);
  } else if (Array.isArray(x) && Array.isArray(y)) {
    return subtractArrays(x, y);
  }
  if (!isSubOperand(y)) throwLpc('Bad right type to -=');
  if (!isSubOperand(x)) throwLpc('Bad left type to -=');
  throwLpc(OP_ERRORS.subEqMismatch);
}

/** `x *= y`. */
export function mulEq(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number') return mul(x, y);
  x = live(x);
  y = live(y);
  if (isInt(x)) {
    if (isInt(y)) return mulInt(x, y);
    if (y instanceof LFloat) return truncToInt(intToNumber(x) * y.f);
  } else if (x instanceof LFloat) {
    if (isInt(y)) return new LFloat(x.f * intToNumber(y));
    if (y instanceof LFloat) return new LFloat(x.f * y.f);
  } else if (x instanceof LMapping && y instanceof LMapping) {
    return composeMappings(x, y);
  }
  if (!(isInt(y) || y instanceof LFloat || y instanceof LMapping)) throwLpc('Bad right type to *=');
  throwLpc('Bad left type to *=');
}

/** `x /= y`. */
export function divEq(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number') return div(x, y);
  x = live(x);
  y = live(y);
  if (isInt(x) && y instanceof LFloat) {
    if (y.f === 0) throwLpc(OP_ERRORS.divisionByFloatZero);
    // Neolith truncates through a 32-bit (int) cast here; we keep 64 bits.
    return truncToInt(intToNumber(x) / y.f);
  }
  if ((isInt(x) || x instanceof LFloat) && (isInt(y) || y instanceof LFloat)) return div(x, y);
  if (!(isInt(y) || y instanceof LFloat)) throwLpc('Bad right type to /=');
  throwLpc('Bad left type to /=');
}

/** Int-only compound assignments share one shape: left checked first, then right. */
function intEq(x: Value, y: Value, op: string, f: (a: LInt, b: LInt) => LInt): LInt {
  x = live(x);
  y = live(y);
  if (!isInt(x)) throwLpc(`Bad left type to ${op}`);
  if (!isInt(y)) throwLpc(`Bad right type to ${op}`);
  return f(x, y);
}

/** `x %= y`. */
export function modEq(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number') return mod(x, y);
  return intEq(x, y, '%=', modInt);
}

/** `x &= y` (arrays: intersection, as MudOS v22 and FluffOS). */
export function andEq(x: Value, y: Value): Value {
  if (Array.isArray(x) && Array.isArray(y)) return intersectArrays(x, y);
  return intEq(x, y, '&=', andInt);
}

/** `x |= y` (arrays: union). */
export function orEq(x: Value, y: Value): Value {
  if (Array.isArray(x) && Array.isArray(y)) return unionArrays(x, y);
  return intEq(x, y, '|=', orInt);
}

/** `x ^= y`. */
export function xorEq(x: Value, y: Value): Value {
  return intEq(x, y, '^=', xorInt);
}

/** `x <<= y`. */
export function shlEq(x: Value, y: Value): Value {
  return intEq(x, y, '<<=', shlInt);
}

/** `x >>= y`. */
export function shrEq(x: Value, y: Value): Value {
  return intEq(x, y, '>>=', shrInt);
}

// ---------------------------------------------------------------------------
// Comparison

/**
 * LPC `==`: ints and floats by value (an int equals a float of the same value,
 * the int converted to double as C does), strings by content, everything else
 * by reference. A destructed object equals 0 (it reads as 0).
 */
export function eq(a: Value, b: Value): boolean {
  if (a === b) return !(a instanceof LFloat) || a.f === a.f;
  const ta = typeof a;
  if (ta === 'string' || (ta === 'number' && typeof b === 'number')) return false;
  return eqSlow(live(a), live(b));
}

function eqSlow(a: Value, b: Value): boolean {
  if (a === b) return !(a instanceof LFloat) || a.f === a.f;
  if (a instanceof LFloat) {
    if (b instanceof LFloat) return a.f === b.f;
    if (isInt(b)) return a.f === intToNumber(b);
    return false;
  }
  if (b instanceof LFloat && isInt(a)) return intToNumber(a) === b.f;
  // MudOS/Neolith share one the_null_array for every empty array, so two
  // empty arrays are the same value (testsuite: inherit_list(ob) == ({})).
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 && b.length === 0;
  return false;
}

/** LPC `!=`. */
export function ne(a: Value, b: Value): boolean {
  return !eq(a, b);
}

/**
 * Orders two values for `<`, `<=`, `>`, `>=`: negative, zero, positive, or NaN
 * when unordered (a float NaN is involved, so every comparison is false).
 * Ints, floats (mixed: the int converted to double) and strings (by code
 * point, i.e. MudOS's byte order on UTF-8); anything else is a bad argument.
 */
function order(a: Value, b: Value, op: string): number {
  a = live(a);
  b = live(b);
  if (isInt(a)) {
    if (isInt(b)) return a < b ? -1 : a > b ? 1 : 0;
    if (b instanceof LFloat) return numOrder(intToNumber(a), b.f);
    badArgument(b, T_INT_FLOAT, 2, op);
  }
  if (a instanceof LFloat) {
    if (b instanceof LFloat) return numOrder(a.f, b.f);
    if (isInt(b)) return numOrder(a.f, intToNumber(b));
    badArgument(b, T_INT_FLOAT, 2, op);
  }
  if (typeof a === 'string') {
    if (typeof b === 'string') return compareCodePoints(a, b);
    badArgument(b, 'string', 2, op);
  }
  badArgument(a, T_INT_STRING_FLOAT, 1, op);
}

function numOrder(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

/** LPC `<`. */
export function lt(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return order(a, b, '<') < 0;
}

/** LPC `<=`. */
export function le(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return order(a, b, '<=') <= 0;
}

/** LPC `>`. */
export function gt(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  return order(a, b, '>') > 0;
}

/** LPC `>=`. */
export function ge(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  return order(a, b, '>=') >= 0;
}

// ---------------------------------------------------------------------------
// Indexing: a[i], a[<i]

/** An int index as a JS number; huge bigints become numbers that are surely out of bounds. */
function indexNumber(i: LInt): number {
  return typeof i === 'number' ? i : Number(i);
}

/**
 * `v[i]`. Strings give the code point (and, as in MudOS, `s[strlen(s)]` is 0:
 * MudOS reads the terminating NUL); arrays check bounds (a negative index is an
 * error, not counted from the end); mappings give the value or the undefined
 * zero; buffers give the byte. Destructed objects read as 0.
 */
export function index(v: Value, i: Value): Value {
  if (Array.isArray(v)) {
    if (typeof i === 'number' && i >= 0 && i < v.length) return live(v[i]);
    return indexArraySlow(v, i);
  }
  if (typeof v === 'string') {
    if (typeof i === 'number' && i >= 0) {
      const n = strlen(v);
      if (i < n) return charAt(v, i);
      if (i === n) return 0;
    }
    if (!isInt(i)) throwLpc(OP_ERRORS.stringIndexType);
    throwLpc(OP_ERRORS.stringIndexBounds);
  }
  if (v instanceof LMapping) return live(v.get(i));
  if (v instanceof LBuffer) {
    if (!isInt(i)) throwLpc(OP_ERRORS.bufferIndexType);
    const j = indexNumber(i);
    if (j < 0 || j >= v.bytes.length) throwLpc(OP_ERRORS.bufferIndexBounds);
    return v.bytes[j];
  }
  cannotIndex(live(v));
}

function indexArraySlow(v: Value[], i: Value): Value {
  if (!isInt(i)) throwLpc(OP_ERRORS.arrayIndexType);
  if (i < 0) throwLpc(OP_ERRORS.arrayIndexNegative);
  throwLpc(OP_ERRORS.arrayIndexBounds);
}

/** `v[<i]`: index counted from the end (`v[<1]` is the last element). Not for mappings. */
export function indexFromEnd(v: Value, i: Value): Value {
  if (Array.isArray(v)) {
    if (!isInt(i)) throwLpc(OP_ERRORS.rindexArrayType);
    const j = v.length - indexNumber(i);
    if (j < 0 || j >= v.length) throwLpc(OP_ERRORS.arrayIndexBounds);
    return live(v[j]);
  }
  if (typeof v === 'string') {
    if (!isInt(i)) throwLpc(OP_ERRORS.rindexStringType);
    const n = strlen(v);
    const j = n - indexNumber(i);
    if (j < 0 || j > n) throwLpc(OP_ERRORS.stringIndexBounds);
    return j === n ? 0 : charAt(v, j);
  }
  if (v instanceof LBuffer) {
    if (!isInt(i)) throwLpc(OP_ERRORS.rindexBufferType);
    const j = v.bytes.length - indexNumber(i);
    if (j < 0 || j >= v.bytes.length) throwLpc(OP_ERRORS.bufferIndexBounds);
    return v.bytes[j];
  }
  cannotIndex(live(v));
}

/**
 * `c[i] = value`; returns the container to store back. Arrays and buffers
 * change in place; a mapping gets the key set; a string yields a NEW string with
 * the code point at i replaced (codegen must store it back into the lvalue).
 */
export function setIndex(c: Value, i: Value, value: Value): Value {
  if (Array.isArray(c)) {
    if (typeof i === 'number' && i >= 0 && i < c.length) {
      c[i] = value;
      return c;
    }
    if (!isInt(i)) throwLpc(OP_ERRORS.lvalueIndexType);
    throwLpc(OP_ERRORS.arrayIndexBounds);
  }
  if (c instanceof LMapping) {
    if (c.size >= maxMappingSize && !c.has(i)) throwLpc(OP_ERRORS.mappingTooLarge);
    c.set(i, value);
    return c;
  }
  return setIndexAt(c, i, value, false);
}

/** `c[<i] = value` (arrays, strings, buffers); returns the container to store back. */
export function setIndexFromEnd(c: Value, i: Value, value: Value): Value {
  return setIndexAt(c, i, value, true);
}

function setIndexAt(c: Value, i: Value, value: Value, fromEnd: boolean): Value {
  // Neolith checks the index type before the container type (push_indexed_lvalue).
  if (!isInt(i)) throwLpc(OP_ERRORS.lvalueIndexType);
  if (!(Array.isArray(c) || typeof c === 'string' || c instanceof LBuffer)) cannotIndex(live(c));
  let j = indexNumber(i);
  if (Array.isArray(c)) {
    if (fromEnd) j = c.length - j;
    if (j < 0 || j >= c.length) throwLpc(OP_ERRORS.arrayIndexBounds);
    c[j] = value;
    return c;
  }
  if (typeof c === 'string') {
    const n = strlen(c);
    if (fromEnd) j = n - j;
    if (j < 0 || j >= n) throwLpc(OP_ERRORS.lvalueStringBounds);
    return replaceCodePoint(c, j, charValue(value));
  }
  const bytes = c.bytes;
  if (fromEnd) j = bytes.length - j;
  if (j < 0 || j >= bytes.length) throwLpc(OP_ERRORS.bufferIndexBounds);
  value = live(value);
  if (!isInt(value)) throwLpc(OP_ERRORS.charLvalueRhs);
  // A buffer byte takes the low 8 bits, as MudOS's char lvalue does; unlike
  // MudOS we allow 0 there (the NUL check is only meaningful for strings).
  bytes[j] = Number(BigInt.asUintN(8, toBigInt(value)));
  return c;
}

/** The code point a value assigned to `s[i]` stands for: an int naming a non-NUL Unicode scalar. */
function charValue(value: Value): number {
  value = live(value);
  if (typeof value !== 'number') throwLpc(OP_ERRORS.charLvalueRhs);
  if (value === 0) throwLpc(OP_ERRORS.charLvalueNul);
  if (!isValidCodePoint(value)) throwLpc(OP_ERRORS.charLvalueRhs);
  return value;
}

// ---------------------------------------------------------------------------
// Ranges: v[lo..hi], v[<lo..<hi], v[lo..], v[..hi]

/** Length of a rangeable value in its own units (code points for strings). */
function rangeLength(v: string | LBuffer | Value[]): number {
  if (typeof v === 'string') return strlen(v);
  if (v instanceof LBuffer) return v.bytes.length;
  return v.length;
}

function checkRangeBounds(lo: Value | undefined, hi: Value | undefined): void {
  if (lo !== undefined && !isInt(lo)) throwLpc(OP_ERRORS.rangeStartType);
  if (hi !== undefined && !isInt(hi)) throwLpc(OP_ERRORS.rangeEndType);
}

/**
 * `v[lo..hi]` on strings, buffers and arrays; `undefined` bounds are open
 * (`v[lo..]`, `v[..hi]`); the FromEnd flags mark `<` bounds. Both bounds are
 * inclusive. Out-of-range bounds clamp and a reversed range is empty. For
 * strings and buffers a negative plain bound counts from the end (Neolith
 * builds with OLD_RANGE_BEHAVIOR; COMPAT.md rule 2); for arrays it clamps to 0,
 * as in every MudOS. Always a new value.
 */
export function range(
  v: Value, lo: Value | undefined, hi: Value | undefined,
  loFromEnd = false, hiFromEnd = false,
): Value {
  checkRangeBounds(lo, hi);
  v = live(v);
  if (Array.isArray(v)) {
    const n = v.length;
    let from = lo === undefined ? 0 : loFromEnd ? n - indexNumber(lo as LInt) : indexNumber(lo as LInt);
    let to = hi === undefined ? n - 1 : hiFromEnd ? n - indexNumber(hi as LInt) : indexNumber(hi as LInt);
    if (from < 0) from = 0;
    if (to >= n) to = n - 1;
    if (from > to) return [];
    return v.slice(from, to + 1);
  }
  if (typeof v === 'string' || v instanceof LBuffer) {
    const n = rangeLength(v);
    let from = 0;
    if (lo !== undefined) {
      from = indexNumber(lo as LInt);
      // A `<` bound is converted once; Neolith's open-ended form adds the
      // length a second time when `<n` overshoots (s[<8..] of "abcde" is "cde"
      // there), which we treat as a bug: the result is "abcde", as s[<8..<1].
      if (loFromEnd) from = n - from;
      else if (from < 0) from += n;
    }
    let to = n - 1;
    if (hi !== undefined) {
      to = indexNumber(hi as LInt);
      if (hiFromEnd) to = n - to;
      else if (to < 0) to += n;
    }
    if (from < 0) from = 0;
    if (to < from || from >= n) return typeof v === 'string' ? '' : new LBuffer(new Uint8Array(0));
    if (to >= n) to = n - 1;
    if (typeof v === 'string') return sliceCodePoints(v, from, to + 1);
    return new LBuffer(v.bytes.slice(from, to + 1));
  }
  throwLpc(OP_ERRORS.rangeBadArg);
}

/**
 * `c[lo..hi] = value` on arrays, strings and buffers; returns the container to
 * store back. The result is c[0..lo-1] + value + c[hi+1..]. When the lengths
 * match, arrays and buffers are changed in place; otherwise (and always for
 * strings) a new value is made and other references keep the old one, as in
 * MudOS. Bounds do not clamp here: lo must be in 0..sizeof, hi in -1..sizeof-1
 * (after `<` conversion), else MudOS's range-lvalue errors.
 */
export function setRange(
  c: Value, lo: Value | undefined, hi: Value | undefined,
  loFromEnd: boolean, hiFromEnd: boolean, value: Value,
): Value {
  if (!(Array.isArray(c) || typeof c === 'string' || c instanceof LBuffer)) throwLpc(OP_ERRORS.rangeLvalueType);
  const n = rangeLength(c);
  if (hi !== undefined && !isInt(hi)) throwLpc(OP_ERRORS.rangeLvalue2ndType);
  let end = (hi === undefined ? n - 1 : hiFromEnd ? n - indexNumber(hi) : indexNumber(hi)) + 1;
  if (end < 0 || end > n) throwLpc(OP_ERRORS.rangeLvalue2ndBounds);
  if (lo !== undefined && !isInt(lo)) throwLpc(OP_ERRORS.rangeLvalue1stType);
  const start = lo === undefined ? 0 : loFromEnd ? n - indexNumber(lo) : indexNumber(lo);
  if (start < 0 || start > n) throwLpc(OP_ERRORS.rangeLvalue1stBounds);
  value = live(value);
  if (Array.isArray(c)) {
    if (!Array.isArray(value)) throwLpc(OP_ERRORS.rangeRhsArray);
    if (value.length === end - start) {
      const src = value === c ? value.slice() : value;
      for (let k = 0; k < src.length; k++) c[start + k] = src[k];
      return c;
    }
    checkArraySize(start + value.length + (n - end), OP_ERRORS.arrayTooLarge);
    return c.slice(0, start).concat(value, c.slice(end));
  }
  if (typeof c === 'string') {
    if (typeof value !== 'string') throwLpc(OP_ERRORS.rangeRhsString);
    return sliceCodePoints(c, 0, start) + value + sliceCodePoints(c, end, n);
  }
  if (!(value instanceof LBuffer)) throwLpc(OP_ERRORS.rangeRhsBuffer);
  if (value.bytes.length === end - start) {
    c.bytes.set(value.bytes.slice(), start);
    return c;
  }
  const out = new Uint8Array(start + value.bytes.length + (n - end));
  out.set(c.bytes.subarray(0, start), 0);
  out.set(value.bytes, start);
  out.set(c.bytes.subarray(end), start + value.bytes.length);
  return new LBuffer(out);
}

// ---------------------------------------------------------------------------
// Casts

/**
 * `(type)expr`. In MudOS v22 and Neolith a cast only changes the compile-time
 * type (grammar.y `cast expr0` emits no instruction): `(int)"12abc"` stays the
 * string, `(float)3` stays the int 3, `(string)5` stays 5. Conversions are the
 * efuns' job (to_int, to_float, sprintf). So this returns `v` unchanged; it
 * exists so codegen has one place to change should a FluffOS-style converting
 * cast ever be wanted.
 */
export function castTo(_typeName: string, v: Value): Value {
  return v;
}

// ---------------------------------------------------------------------------
// Tables for codegen

/** Binary operators by their LPC spelling (ast.ts BinaryOp); comparisons return booleans. */
export const BINARY_OPS = {
  '+': add, '-': sub, '*': mul, '/': div, '%': mod,
  '&': band, '|': bor, '^': bxor, '<<': shl, '>>': shr,
  '==': eq, '!=': ne, '<': lt, '<=': le, '>': gt, '>=': ge,
} as const;

/** Compound assignments by their LPC spelling (ast.ts AssignOp, except '='). */
export const ASSIGN_OPS = {
  '+=': addEq, '-=': subEq, '*=': mulEq, '/=': divEq, '%=': modEq,
  '&=': andEq, '|=': orEq, '^=': xorEq, '<<=': shlEq, '>>=': shrEq,
} as const;
