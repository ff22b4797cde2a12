// LPC operators on generic values, with MudOS v22 / Neolith semantics
// (DESIGN.md decision 2, COMPAT.md "Which reference wins").
//
// Codegen inlines its own fast paths for int-typed operands and calls these
// functions for everything else, so each entry point tests the common
// representation first (number, then string) and allocates nothing on those
// paths. Slow paths convert to bigint, or deal with floats, containers and
// errors.
//
// The operators are split by sub-concern: 64-bit int arithmetic in
// int-ops.ts, indexing and ranges in index-ops.ts, error texts and container
// ceilings in op-errors.ts, float printing in float-format.ts. This module has
// the generic operators, array set operations, compound assignment,
// comparison and casts, and re-exports the rest, so `import * as ops` (the
// runtime, codegen's helpers) still sees every operator in one namespace.
//
// Where Neolith has a plain bug we fix it (COMPAT.md rule 3) and say so beside
// the code.
//
// Comparison functions (eq, ne, lt, le, gt, ge) return JS booleans; codegen
// turns them into LPC ints (`? 1 : 0`) where a value is needed.
//
// Two settings are module state, shared by every runtime in the process: the
// container ceilings (setContainerLimits, op-errors.ts) and the "Got: ..."
// formatter of error messages (setValueDescriber). The runtime sets both once
// at start-up.
import { throwLpc } from './errors.js';
import { floatToString, formatFloatG } from './float-format.js';
import {
  LBuffer, LClassValue, LFloat, LFunction, LMapping, MAX_SAFE, MIN_SAFE,
  type Value, intToNumber, isObject, live, typeName,
} from './values.js';
import { compareCodePoints } from './strings.js';
import {
  type LInt, addInt, andInt, bnotInt, divInt, intToString, isInt, modInt, mulInt, negInt, orInt,
  shlInt, shrInt, subInt, truncToInt, xorInt,
} from './int-ops.js';
import { OP_ERRORS, checkArraySize, checkMappingRoom, checkMappingSize } from './op-errors.js';

export * from './int-ops.js';
export * from './index-ops.js';
export { OP_ERRORS, setContainerLimits } from './op-errors.js';
// Float printing (C's %f for concatenation and %O, %g in error messages).
export { floatToString, formatFloatG };

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
// Generic binary arithmetic

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
        checkMappingRoom(x, k);
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
