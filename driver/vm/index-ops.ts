// LPC indexing and ranges on generic values: a[i], a[<i], a[lo..hi] and
// their lvalue forms, with MudOS v22 / Neolith bounds rules and error texts.
import { throwLpc } from './errors.js';
import { isInt, type LInt } from './int-ops.js';
import { OP_ERRORS, cannotIndex, checkArraySize, checkMappingRoom } from './op-errors.js';
import { LBuffer, LMapping, type Value, live, toBigInt } from './values.js';
import {
  charAt, isValidCodePoint, replaceCodePoint, sliceCodePoints, strlen,
} from './strings.js';

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
    checkMappingRoom(c, i);
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

// MudOS's OLD_RANGE_BEHAVIOR compile option as a runtime switch (config key
// OldRangeBehavior). range() has no runtime at hand, so the runtime sets it
// when it is created (createRuntime in driver/app.ts), as with the container
// ceilings. Off by default: MudOS v22 ships with the option undefined.
let oldRangeBehavior = false;

/**
 * Selects how a negative plain bound of a string or buffer range reads: with
 * `on` it counts from the end (Neolith, OLD_RANGE_BEHAVIOR); off, it clamps to
 * 0 as for arrays (MudOS v22's default, so `s[-1..2]` is `s[0..2]`).
 */
export function setOldRangeBehavior(on: boolean): void {
  oldRangeBehavior = on;
}

/**
 * `v[lo..hi]` on strings, buffers and arrays; `undefined` bounds are open
 * (`v[lo..]`, `v[..hi]`); the FromEnd flags mark `<` bounds. Both bounds are
 * inclusive. Out-of-range bounds clamp and a reversed range is empty. For
 * strings and buffers a negative plain bound counts from the end only under
 * OldRangeBehavior (setOldRangeBehavior); otherwise, as for arrays in every
 * MudOS, a negative start clamps to 0 and a negative end gives an empty
 * result (MudOS v22 f_range / f_extract_range). Always a new value.
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
      else if (from < 0 && oldRangeBehavior) from += n;
    }
    let to = n - 1;
    if (hi !== undefined) {
      to = indexNumber(hi as LInt);
      if (hiFromEnd) to = n - to;
      else if (to < 0 && oldRangeBehavior) to += n;
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
