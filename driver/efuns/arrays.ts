// Array efuns: allocate, sizeof, member_array, sort_array, map/filter,
// unique_array, copy, and FluffOS's shuffle/element_of.
//
// Semantics follow MudOS v22 as kept by Neolith (lib/lpc/array.c,
// lib/efuns/unsorted.c); FluffOS additions are marked. The helpers exported
// here (callbacks, LPC value identity, code-point strings) are shared with
// mappings.ts, which imports from this module and never the other way round.
//
// Eval cost: MudOS charges an efun as one instruction however large its
// input, and callbacks charge themselves when they run, so these loops do not
// call rt.chargeEval() — doing so would make mudlibs that run on MudOS hit
// "Too long evaluation" here.
import { defineEfuns } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import { compareCodePoints, hasAstral, strlen } from '../vm/strings.js';
import {
  LBuffer, LClassValue, LFloat, LFunction, LMapping, isObject, truthy, type LObjectRef, type Value,
} from '../vm/values.js';

/** MudOS's MAX_SAVE_SVALUE_DEPTH (25 in Neolith's build options): nesting limit of copy() and save. */
export { MAX_VALUE_DEPTH } from '../vm/value-codec.js';
import { MAX_VALUE_DEPTH } from '../vm/value-codec.js';
import { ExprFunction, LocalFunction } from '../vm/functions.js';

// ---------------------------------------------------------------------------
// Shared helpers

/**
 * A resolved efun callback: `call(lead)` runs it with the leading arguments
 * (the element, or key and value) followed by any extra arguments. Callbacks
 * are class instances rather than closures so that the call sites in the
 * map/filter loops keep one target across efun calls (a fresh closure per
 * call made V8 deoptimize those loops, as measured for sort_array).
 */
export interface Callback {
  call(lead: Value[]): Value;
  /** call([a]) without the array. */
  call1(a: Value): Value;
}

/**
 * The generated function behind a pointer that may run directly, as
 * Runtime.callFunction's own fast path would: an expression pointer or a
 * local pointer without bound arguments. Such a call is made only while the
 * pointer's owner is the current object (no object switch is needed); the
 * generated function counts eval cost and depth itself. Null otherwise.
 */
function directTarget(fn: LFunction): Function | null {
  if (fn.owner === 0) return null;
  if (fn instanceof ExprFunction) return fn.fn;
  if (fn instanceof LocalFunction && fn.bound.length === 0) return fn.fn;
  return null;
}

/** A function pointer: fn(lead..., extra...). */
class PointerCallback implements Callback {
  private readonly direct: Function | null;
  constructor(
    private readonly rt: Runtime,
    private readonly fn: LFunction,
    private readonly extra: Value[],
  ) {
    this.direct = extra.length === 0 ? directTarget(fn) : null;
  }
  call(lead: Value[]): Value {
    return this.rt.callFunction(this.fn, this.extra.length ? lead.concat(this.extra) : lead);
  }
  call1(a: Value): Value {
    const owner = this.fn.owner;
    if (this.direct !== null && owner === this.rt.thisObject()) {
      const r = this.direct(owner, a);
      return r === undefined ? 0 : r;
    }
    return this.call([a]);
  }
}

/** A function name: ob->name(lead..., extra...). */
class NamedCallback implements Callback {
  constructor(
    private readonly rt: Runtime,
    private readonly ob: LObjectRef | string,
    private readonly name: string,
    private readonly extra: Value[],
  ) {}
  call(lead: Value[]): Value {
    const ob = this.ob;
    if (typeof ob !== 'string' && ob.destructed) this.rt.error('Object destructed during efun callback.\n');
    return this.rt.callOther(ob, this.name, this.extra.length ? lead.concat(this.extra) : lead);
  }
  call1(a: Value): Value {
    return this.call([a]);
  }
}

/**
 * Resolves MudOS's two callback forms (Neolith process_efun_callback):
 * a function pointer followed by extra arguments, or a function name followed
 * by an optional object (or file name) and extra arguments. Without an object
 * the name is called in the current object. `fnArg` is the 1-based position
 * of the function argument, for "Bad argument N" errors.
 */
export function makeCallback(rt: Runtime, efun: string, fn: Value, rest: Value[], fnArg: number): Callback {
  if (fn instanceof LFunction) return new PointerCallback(rt, fn, rest);
  if (typeof fn !== 'string') return rt.badArgument(efun, fnArg);
  if (rest.length === 0 || rest[0] === undefined) {
    const cur = rt.thisObject();
    if (cur === 0) return rt.error('Object destructed during efun callback.\n');
    return new NamedCallback(rt, cur, fn, []);
  }
  const target = rest[0];
  if (typeof target === 'string' || (isObject(target) && !target.destructed)) {
    return new NamedCallback(rt, target, fn, rest.slice(1));
  }
  return rt.badArgument(efun, fnArg + 1);
}

/**
 * LPC identity as member_array(), unique_array() and map_delete() use it
 * (Neolith sameval): ints, floats and strings by value — an int never equals
 * a float — everything else by reference; a destructed object counts as 0.
 */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'object' && isObject(a) && a.destructed) a = 0;
  if (typeof b === 'object' && isObject(b) && b.destructed) b = 0;
  if (a === b) return true;
  // Every empty array is MudOS's one the_null_array (see ops.eq).
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 && b.length === 0;
  return a instanceof LFloat && b instanceof LFloat && a.f === b.f;
}

/** The length of a string in characters (code points), as strlen() and sizeof() count. */
export const codePointLength = strlen;

/**
 * Orders strings by code point, like MudOS's byte-wise comparison of UTF-8
 * text (plain `<` compares UTF-16 units and misplaces astral characters).
 */
export const compareStrings = compareCodePoints;

/** Raises MudOS's error for an array longer than MaxArraySize (never truncation, COMPAT rule 3). */
export function checkArraySize(rt: Runtime, n: number): void {
  if (n < 0 || n > rt.limits.maxArraySize) rt.error('Illegal array size.\n');
}

function optionalMissing(v: Value | undefined): boolean {
  return v === undefined;
}

// ---------------------------------------------------------------------------
// allocate, sizeof, member_array

/** allocate(n [, fill]): n zeros, or n copies of fill; a function fill is called with each index (FluffOS). */
function allocate(rt: Runtime, n: Value, fill?: Value): Value {
  if (typeof n === 'bigint') return rt.error('Illegal array size.\n');
  if (typeof n !== 'number') return rt.badArgument('allocate', 1);
  checkArraySize(rt, n);
  const out: Value[] = new Array(n);
  if (optionalMissing(fill)) {
    out.fill(0);
  } else if (fill instanceof LFunction) {
    for (let i = 0; i < n; i++) out[i] = rt.callFunction(fill, [i]);
  } else {
    out.fill(fill as Value);
  }
  return out;
}

/** sizeof(x): elements, keys, bytes, characters or class members; 0 for anything else. */
function sizeofValue(_rt: Runtime, v: Value): Value {
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'string') return codePointLength(v);
  if (v instanceof LMapping) return v.size;
  if (v instanceof LBuffer) return v.bytes.length;
  if (v instanceof LClassValue) return v.fields.length;
  return 0;
}

/** member_array(item, arr|str [, start]): index of the first match at or after start, else -1. */
function memberArray(rt: Runtime, item: Value, where: Value, start?: Value): Value {
  let from = 0;
  if (!optionalMissing(start)) {
    if (typeof start !== 'number' || start < 0) return rt.badArgument('member_array', 3);
    from = start;
  }
  if (typeof where === 'string') {
    if (typeof item !== 'number' && typeof item !== 'bigint') return rt.badArgument('member_array', 1);
    return memberString(rt, item, where, from);
  }
  if (!Array.isArray(where)) return rt.badArgument('member_array', 2);
  const n = where.length;
  // Fast paths for the common scalar lookups; sameValue handles the rest.
  if (typeof item === 'string' || (typeof item === 'number' && item !== 0)) {
    for (let i = from; i < n; i++) if (where[i] === item) return i;
    return -1;
  }
  for (let i = from; i < n; i++) if (sameValue(where[i], item)) return i;
  return -1;
}

function memberString(rt: Runtime, ch: number | bigint, s: string, from: number): Value {
  const chars = hasAstral(s) ? Array.from(s) : null;
  const len = chars ? chars.length : s.length;
  if (from > len) rt.error('Index to start search from in member_array() is > string length.\n');
  if (typeof ch === 'bigint' || ch <= 0 || ch > 0x10ffff) return -1;
  if (!chars) {
    if (ch > 0xffff) return -1;
    return s.indexOf(String.fromCharCode(ch), from);
  }
  const target = String.fromCodePoint(ch);
  for (let i = from; i < len; i++) if (chars[i] === target) return i;
  return -1;
}

// ---------------------------------------------------------------------------
// sort_array

const SORT_TYPES_ERROR =
  'built-in sort_array() can only handle homogeneous arrays of strings/ints/floats/arrays\n';
const SORT_SUBARRAY_ERROR =
  "sort_array() cannot handle arrays of arrays whose 1st elems\naren't strings/ints/floats\n";

type SortKind = 'int' | 'float' | 'string';

function scalarKind(v: Value): SortKind | null {
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'string';
  if (v instanceof LFloat) return 'float';
  return null;
}

function compareScalars(kind: SortKind, a: Value, b: Value): number {
  if (kind === 'string') return compareStrings(a as string, b as string);
  if (kind === 'float') {
    const x = (a as LFloat).f;
    const y = (b as LFloat).f;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/**
 * The built-in sorter (direction 1 or 0 ascending, negative descending).
 * MudOS only accepts homogeneous arrays of ints, floats or strings, or of
 * arrays ordered by their first elements; the check is done once up front
 * instead of per comparison, with the same messages.
 */
function builtinSort(rt: Runtime, arr: Value[], descending: boolean): Value[] {
  if (arr.length < 2) return arr;
  const first = arr[0];
  if (Array.isArray(first)) return sortByFirstElement(rt, arr, descending);
  const kind = scalarKind(first);
  if (kind === null) return rt.error(SORT_TYPES_ERROR);
  let allSmallInts = kind === 'int';
  for (let i = 1; i < arr.length; i++) {
    const v = arr[i];
    if (scalarKind(v) !== kind) return rt.error(SORT_TYPES_ERROR);
    if (allSmallInts && typeof v !== 'number') allSmallInts = false;
  }
  if (allSmallInts && typeof first === 'number') {
    // Typed-array sort is several times faster than a comparator sort.
    const nums = Float64Array.from(arr as number[]);
    nums.sort();
    const n = nums.length;
    if (descending) for (let i = 0; i < n; i++) arr[i] = nums[n - 1 - i];
    else for (let i = 0; i < n; i++) arr[i] = nums[i];
    return arr;
  }
  return mergeSort(arr, new BuiltinComparator(kind, descending, false));
}

function sortByFirstElement(rt: Runtime, arr: Value[], descending: boolean): Value[] {
  let kind: SortKind | null = null;
  for (const v of arr) {
    if (!Array.isArray(v)) return rt.error(SORT_TYPES_ERROR);
    if (v.length === 0) return rt.error('Illegal to have empty array in array for sort_array()\n');
    const k = scalarKind(v[0]);
    if (k === null || (kind !== null && k !== kind)) return rt.error(SORT_SUBARRAY_ERROR);
    kind = k;
  }
  return mergeSort(arr, new BuiltinComparator(kind as SortKind, descending, true));
}

function signOf(r: Value): number {
  if (typeof r === 'number') return r;
  if (typeof r === 'bigint') return r < 0n ? -1 : r > 0n ? 1 : 0;
  return 0; // MudOS reads a non-int comparator result as "equal".
}

/**
 * What mergeSort() orders by. Comparators are class instances rather than
 * closures: a closure made per sort_array() call is a new call target each
 * time and made V8 deoptimize mergeSort() again and again (measured), while a
 * method of one class keeps the call site stable.
 */
export interface Comparator {
  compare(a: Value, b: Value): number;
}

/** A function pointer comparator, the common case: (: $1 - $2 :). */
class PointerComparator implements Comparator {
  private readonly direct: Function | null;
  constructor(
    private readonly rt: Runtime,
    private readonly fn: LFunction,
  ) {
    this.direct = directTarget(fn);
  }
  compare(a: Value, b: Value): number {
    const owner = this.fn.owner;
    let r: Value;
    if (this.direct !== null && owner === this.rt.thisObject()) {
      r = this.direct(owner, a, b);
      if (r === undefined) r = 0;
    } else {
      r = this.rt.callFunction(this.fn, [a, b]);
    }
    return typeof r === 'number' ? r : signOf(r);
  }
}

/** Any other callback form (a function name, or a pointer with extra arguments). */
class CallbackComparator implements Comparator {
  constructor(private readonly cb: Callback) {}
  compare(a: Value, b: Value): number {
    return signOf(this.cb.call([a, b]));
  }
}

/** The built-in orders: scalars of one kind, or arrays by their first elements; optionally descending. */
class BuiltinComparator implements Comparator {
  constructor(
    private readonly kind: SortKind,
    private readonly descending: boolean,
    private readonly byFirst: boolean,
  ) {}
  compare(a: Value, b: Value): number {
    if (this.byFirst) {
      a = (a as Value[])[0];
      b = (b as Value[])[0];
    }
    return this.descending ? compareScalars(this.kind, b, a) : compareScalars(this.kind, a, b);
  }
}

/** Length of the runs that mergeSort() sorts by binary insertion before merging. */
const INSERTION_RUN = 32;

/**
 * A stable bottom-up merge sort of `arr` in place. For LPC comparators it
 * beats Array.prototype.sort, whose calls into a JS comparator cost more than
 * the few extra comparisons made here (4 x 50,000 ints with an LPC
 * comparator, warmed up: ~65 ms against ~110 ms). Runs are sorted by binary
 * insertion (few comparisons); a merge whose halves are already in order
 * costs one comparison.
 */
export function mergeSort(arr: Value[], c: Comparator): Value[] {
  // The phases are small functions called many times rather than loops in one
  // function: V8 then optimizes each as a whole with complete type feedback,
  // instead of compiling this function on-stack during the insertion phase
  // and throwing that code away when the merges begin (measured on a cold
  // sort_array() of 50,000 ints).
  const n = arr.length;
  for (let lo = 0; lo < n; lo += INSERTION_RUN) insertionRun(arr, lo, lo + INSERTION_RUN < n ? lo + INSERTION_RUN : n, c);
  if (n <= INSERTION_RUN) return arr;
  let src = arr;
  let dst: Value[] = arr.slice(); // same elements kind as arr: keeps element access monomorphic
  for (let w = INSERTION_RUN; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) mergeRuns(src, dst, lo, w, n, c);
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== arr) for (let i = 0; i < n; i++) arr[i] = src[i];
  return arr;
}

/** Sorts arr[lo..hi) by binary insertion. */
function insertionRun(arr: Value[], lo: number, hi: number, c: Comparator): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = arr[i];
    let l = lo;
    let h = i;
    while (l < h) {
      const m = (l + h) >>> 1;
      if (c.compare(v, arr[m]) < 0) h = m;
      else l = m + 1;
    }
    for (let j = i; j > l; j--) arr[j] = arr[j - 1];
    arr[l] = v;
  }
}

/** Merges the sorted runs src[lo..lo+w) and src[lo+w..lo+2w) (clipped to n) into dst. */
function mergeRuns(src: Value[], dst: Value[], lo: number, w: number, n: number, c: Comparator): void {
  const mid = lo + w < n ? lo + w : n;
  const hi = lo + 2 * w < n ? lo + 2 * w : n;
  let i = lo;
  let j = mid;
  let k = lo;
  if (mid < hi && c.compare(src[mid - 1], src[mid]) > 0) {
    while (i < mid && j < hi) dst[k++] = c.compare(src[i], src[j]) <= 0 ? src[i++] : src[j++];
  }
  while (i < mid) dst[k++] = src[i++];
  while (j < hi) dst[k++] = src[j++];
}

/**
 * sort_array(arr, 1|0|-1) or sort_array(arr, fn|name [, ob], extra...):
 * always returns a new array. MudOS uses an unstable quicksort; this sort is
 * stable, which is one of the orders MudOS could produce.
 */
/**
 * Destructed objects in `copy` become 0 (they sort as 0). A function of its own
 * so that V8 compiles the long scan on its own: compiled inside sortArray()
 * (on-stack replacement), the code after the loop had no type feedback yet and
 * was thrown away at the loop's exit on every cold call.
 */
function zeroDestructed(copy: Value[]): void {
  for (let i = 0; i < copy.length; i++) {
    const v = copy[i];
    if (typeof v === 'object' && isObject(v) && v.destructed) copy[i] = 0;
  }
}

function sortArray(rt: Runtime, arr: Value, how: Value, ...rest: Value[]): Value {
  if (!Array.isArray(arr)) return rt.badArgument('sort_array', 1);
  const copy = arr.slice();
  zeroDestructed(copy);
  if (typeof how === 'number' || typeof how === 'bigint') return builtinSort(rt, copy, how < 0);
  if (how instanceof LFunction && rest.length === 0) return mergeSort(copy, new PointerComparator(rt, how));
  return mergeSort(copy, new CallbackComparator(makeCallback(rt, 'sort_array', how, rest, 2)));
}

// ---------------------------------------------------------------------------
// map and filter

/** map over an array: each element replaced by the callback result. */
export function mapArrayWith(arr: Value[], cb: Callback): Value[] {
  const n = arr.length;
  const out: Value[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = cb.call1(arr[i]);
  return out;
}

/** map over a mapping: a copy with each value replaced by cb(key, value) (Neolith map_mapping). */
export function mapMappingWith(m: LMapping, cb: Callback): LMapping {
  // Iterate a snapshot so that a callback changing `m` cannot disturb the walk.
  const keys = m.keys();
  const values = m.values();
  const out = m.clone();
  for (let i = 0; i < keys.length; i++) out.set(keys[i], cb.call([keys[i], values[i]]));
  return out;
}

/**
 * map over a string: each character is passed as an int; a non-zero int
 * result replaces it, anything else leaves it unchanged (Neolith map_string).
 */
export function mapStringWith(s: string, cb: Callback): string {
  let out = '';
  for (const ch of s) {
    const r = cb.call([ch.codePointAt(0) as number]);
    out += typeof r === 'number' && r > 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff)
      ? String.fromCodePoint(r)
      : ch;
  }
  return out;
}

export function filterArrayWith(arr: Value[], cb: Callback): Value[] {
  const out: Value[] = [];
  const n = arr.length;
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (truthy(cb.call1(v))) out.push(v);
  }
  return out;
}

/** filter a mapping: a new mapping of the pairs for which cb(key, value) is true. */
export function filterMappingWith(rt: Runtime, m: LMapping, cb: Callback): LMapping {
  const keys = m.keys();
  const values = m.values();
  const out = new LMapping();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = values[i];
    if (truthy(cb.call([k, v]))) {
      out.set(k, v);
      if (out.size > rt.limits.maxMappingSize) rt.error('Mapping too large.\n');
    }
  }
  return out;
}

/** map(x, fn|name [, ob], extra...) over an array, mapping or string. */
function map(rt: Runtime, x: Value, fn: Value, ...rest: Value[]): Value {
  if (Array.isArray(x)) {
    if (x.length === 0) return [];
    return mapArrayWith(x, makeCallback(rt, 'map', fn, rest, 2));
  }
  if (x instanceof LMapping) return mapMappingWith(x, makeCallback(rt, 'map', fn, rest, 2));
  if (typeof x === 'string') {
    if (x === '') return '';
    return mapStringWith(x, makeCallback(rt, 'map', fn, rest, 2));
  }
  return rt.badArgument('map', 1);
}

function mapArray(rt: Runtime, x: Value, fn: Value, ...rest: Value[]): Value {
  if (!Array.isArray(x)) return rt.badArgument('map_array', 1);
  if (x.length === 0) return [];
  return mapArrayWith(x, makeCallback(rt, 'map_array', fn, rest, 2));
}

/** filter(x, fn|name [, ob], extra...) over an array or mapping. */
function filter(rt: Runtime, x: Value, fn: Value, ...rest: Value[]): Value {
  if (Array.isArray(x)) {
    if (x.length === 0) return [];
    return filterArrayWith(x, makeCallback(rt, 'filter', fn, rest, 2));
  }
  if (x instanceof LMapping) return filterMappingWith(rt, x, makeCallback(rt, 'filter', fn, rest, 2));
  return rt.badArgument('filter', 1);
}

function filterArray(rt: Runtime, x: Value, fn: Value, ...rest: Value[]): Value {
  if (!Array.isArray(x)) return rt.badArgument('filter_array', 1);
  if (x.length === 0) return [];
  return filterArrayWith(x, makeCallback(rt, 'filter_array', fn, rest, 2));
}

// ---------------------------------------------------------------------------
// unique_array

/**
 * unique_array(arr, fn|name [, skip]): groups elements by the separator's
 * result, groups in order of first appearance, elements in array order.
 * Elements whose result equals `skip` (0 when omitted, as in MudOS) are left
 * out. With a function name the function is called in each element, and
 * elements that are not objects are ignored.
 */
function uniqueArray(rt: Runtime, arr: Value, sep: Value, skip?: Value): Value {
  if (!Array.isArray(arr)) return rt.badArgument('unique_array', 1);
  if (arr.length === 0) return [];
  const skipValue: Value = optionalMissing(skip) ? 0 : (skip as Value);
  let separate: (v: Value) => Value | undefined;
  if (sep instanceof LFunction) {
    separate = (v) => rt.callFunction(sep, [v]);
  } else if (typeof sep === 'string') {
    separate = (v) => (isObject(v) && !v.destructed ? rt.callOther(v, sep, []) : undefined);
  } else {
    return rt.badArgument('unique_array', 2);
  }
  // Keyed by LPC identity: LMapping compares ints/strings/floats by value, the rest by reference.
  const groupOf = new LMapping();
  const groups: Value[][] = [];
  for (const v of arr) {
    const r = separate(v);
    if (r === undefined || sameValue(r, skipValue)) continue;
    const key = typeof r === 'object' && isObject(r) && r.destructed ? 0 : r;
    if (groupOf.has(key)) {
      groups[groupOf.get(key) as number].push(v);
    } else {
      groupOf.set(key, groups.length);
      groups.push([v]);
    }
  }
  return groups;
}

// ---------------------------------------------------------------------------
// copy, shuffle, element_of

/** A deep copy of arrays, mappings and classes; everything else is shared (Neolith f_copy). */
export function deepCopy(rt: Runtime, v: Value, depth = 0): Value {
  if (Array.isArray(v)) {
    if (depth + 1 > MAX_VALUE_DEPTH) tooDeepForCopy(rt);
    const out: Value[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = deepCopy(rt, v[i], depth + 1);
    return out;
  }
  if (v instanceof LMapping) {
    if (depth + 1 > MAX_VALUE_DEPTH) tooDeepForCopy(rt);
    const out = new LMapping();
    for (const [k, x] of v.entries()) out.set(k, deepCopy(rt, x, depth + 1));
    return out;
  }
  if (v instanceof LClassValue) {
    if (depth + 1 > MAX_VALUE_DEPTH) tooDeepForCopy(rt);
    return new LClassValue(v.def, v.fields.map((x) => deepCopy(rt, x, depth + 1)));
  }
  return v;
}

function tooDeepForCopy(rt: Runtime): never {
  return rt.error(`Mappings, arrays and/or classes nested too deep (${MAX_VALUE_DEPTH}) for copy()\n`);
}

/** A uniform random integer in [0, n) for a positive JS-safe n. */
export function randomIndex(n: number): number {
  return Math.floor(Math.random() * n);
}

/** shuffle(arr) (FluffOS): shuffles arr in place (Fisher-Yates) and returns it. */
function shuffle(_rt: Runtime, arr: Value): Value {
  if (!Array.isArray(arr)) return [];
  for (let i = arr.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}

/** element_of(arr) (FluffOS): a random element; an error for an empty array. */
function elementOf(rt: Runtime, arr: Value): Value {
  if (!Array.isArray(arr)) return rt.badArgument('element_of', 1);
  if (arr.length === 0) return rt.error("Can't take element from empty array.\n");
  return arr[randomIndex(arr.length)];
}

// ---------------------------------------------------------------------------

export const efuns = defineEfuns('arrays', [
  {
    name: 'allocate', signature: 'mixed *allocate(int, void | mixed)', impl: allocate,
    doc: 'An array of n zeros, or of n copies of a fill value (a function fill is called with each index).',
  },
  {
    name: 'sizeof', signature: 'int sizeof(mixed)', impl: sizeofValue, aliases: ['len'], pure: true,
    doc: 'The number of elements of an array, keys of a mapping, characters of a string, bytes of a buffer or members of a class; 0 otherwise.',
  },
  {
    name: 'member_array', signature: 'int member_array(mixed, string | mixed *, void | int)', impl: memberArray,
    pure: true,
    doc: 'The index of the first occurrence of an item in an array (or of a character in a string) at or after start, or -1.',
  },
  {
    name: 'sort_array', signature: 'mixed *sort_array(mixed *, int | string | function, ...)', impl: sortArray,
    aliases: ['sort'],
    doc: 'A sorted copy of an array: 1 or 0 ascending, -1 descending (homogeneous ints, floats, strings or arrays), or by a comparator.',
  },
  {
    name: 'map', signature: 'mixed map(string | mapping | mixed *, string | function, ...)', impl: map,
    doc: 'Applies a function to each element of an array, each value of a mapping or each character of a string.',
  },
  {
    name: 'map_array', signature: 'mixed *map_array(mixed *, string | function, ...)', impl: mapArray,
    doc: 'A new array of the function results for each element.',
  },
  {
    name: 'filter', signature: 'mixed filter(mixed * | mapping, string | function, ...)', impl: filter,
    doc: 'The elements of an array (or pairs of a mapping) for which a function returns true.',
  },
  {
    name: 'filter_array', signature: 'mixed *filter_array(mixed *, string | function, ...)', impl: filterArray,
    doc: 'A new array of the elements for which a function returns true.',
  },
  {
    name: 'unique_array', signature: 'mixed *unique_array(mixed *, string | function, void | mixed)',
    impl: uniqueArray, aliases: ['unique'],
    doc: 'Partitions an array into groups of elements with the same separator result, skipping a given result.',
  },
  {
    name: 'copy', signature: 'mixed copy(mixed)', impl: (rt, v: Value) => deepCopy(rt, v), pure: true,
    doc: 'A deep copy of arrays, mappings and classes.',
  },
  {
    name: 'shuffle', signature: 'mixed *shuffle(mixed *)', impl: shuffle,
    doc: 'Shuffles an array in place and returns it (FluffOS).',
  },
  {
    name: 'element_of', signature: 'mixed element_of(mixed *)', impl: elementOf,
    doc: 'A random element of a non-empty array (FluffOS).',
  },
]);
