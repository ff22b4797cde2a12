// LPC values and their JavaScript representation (DESIGN.md decision 2).
//
// The representation is chosen for speed on the common paths; the semantics
// are exact LPC semantics:
//
// | LPC      | JavaScript                                                      |
// | -------- | --------------------------------------------------------------- |
// | int      | `number` while it is a safe integer, else `bigint` (normalized: |
// |          | a bigint is never inside the safe range). 64-bit wrap-around.   |
// | 0 undef  | `-0` — the "undefined" zero of MudOS (`undefinedp()`): a missing |
// |          | mapping key, a missing varargs argument. It is a number, so     |
// |          | arithmetic treats it as 0 at no cost; `Object.is(v, -0)` tells. |
// |          | Any operation that can make -0 from real ints (`*`, unary `-`,  |
// |          | `/`, `%`, Math.trunc/round) must normalize with `+ 0`.          |
// | float    | `LFloat` (boxed double), so `typeof(1.0) == "float"`.           |
// | string   | JS string; LPC indexes by code point (see strings helpers).     |
// | buffer   | `LBuffer` (bytes).                                              |
// | array    | JS `Array` of values, shared by reference.                      |
// | mapping  | `LMapping`, shared by reference.                                |
// | object   | `LObjectRef` (the VM's object class implements it); a destructed |
// |          | object reads as 0 (`isDestructed`).                             |
// | function | `LFunction`.                                                    |
// | class    | `LClassValue` (fields by declaration index).                    |
//
// Nothing here may import Node-only modules (DESIGN.md: the LPC core should be
// able to run in a browser).

/** Any LPC value. */
export type Value =
  | number | bigint | LFloat | string | LBuffer | Value[] | LMapping
  | LObjectRef | LFunction | LClassValue;

/** The undefined zero (`undefinedp()`), see the table above. */
export const UNDEFINED = -0;

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const MIN_SAFE = Number.MIN_SAFE_INTEGER;
const INT64_MIN = -(1n << 63n);

/** A boxed double. Immutable; construct freely. */
export class LFloat {
  constructor(readonly f: number) {}
}

/** A byte buffer. `bytes` may be replaced (buffers can grow by assignment), never aliased across values. */
export class LBuffer {
  constructor(public bytes: Uint8Array) {}
}

/**
 * What the VM's object class provides to values and efuns. The VM (driver/vm/object.ts)
 * owns the real class; values only rely on these members.
 */
export interface LObjectRef {
  readonly isLObject: true;
  /** The object's name without leading slash or `.c` ("std/room#12"), as MudOS keeps it internally. */
  readonly name: string;
  destructed: boolean;
}

/** A function pointer. The VM subclasses it for each kind (local, efun, expression, call_other). */
export abstract class LFunction {
  /** The object the pointer belongs to (0 when it was destructed, see isDestructed). */
  abstract owner: LObjectRef | 0;
  /** Human-readable form for `%O`, e.g. "(: f :)". */
  abstract describe(): string;
}

/** The declaration of an LPC class: its name and member names in order. */
export interface LClassDef {
  readonly name: string;
  readonly members: readonly string[];
}

/** An instance of an LPC class. Fields are stored by member index. */
export class LClassValue {
  constructor(readonly def: LClassDef, readonly fields: Value[]) {}
}

// ---------------------------------------------------------------------------
// Mappings

/**
 * An LPC mapping. Keys compare by LPC identity: ints, strings and floats by
 * value (1 and 1.0 are distinct keys), everything else by reference. Floats
 * live in their own lazily created map so that the common string/int path is a
 * single `Map` lookup. Iteration order is insertion order (MudOS's is hash
 * order, which no mudlib may rely on).
 */
export class LMapping {
  /** Non-float keys → value. */
  readonly map: Map<Exclude<Value, LFloat>, Value> = new Map();
  /** Float keys by numeric value → [key, value]. */
  private floats?: Map<number, [LFloat, Value]>;

  get size(): number {
    return this.map.size + (this.floats ? this.floats.size : 0);
  }

  /** The value for `key`, or UNDEFINED when absent (MudOS returns the undefined zero). */
  get(key: Value): Value {
    if (key instanceof LFloat) {
      const e = this.floats?.get(key.f);
      return e ? e[1] : UNDEFINED;
    }
    const v = this.map.get(key);
    return v === undefined ? UNDEFINED : v;
  }

  has(key: Value): boolean {
    if (key instanceof LFloat) return this.floats?.has(key.f) ?? false;
    return this.map.has(key);
  }

  set(key: Value, value: Value): void {
    if (key instanceof LFloat) {
      (this.floats ??= new Map()).set(key.f, [key, value]);
      return;
    }
    // -0 and 0 are the same key (Map uses SameValueZero), as MudOS wants.
    this.map.set(key, value);
  }

  delete(key: Value): boolean {
    if (key instanceof LFloat) return this.floats?.delete(key.f) ?? false;
    return this.map.delete(key);
  }

  /** Keys in iteration order. */
  keys(): Value[] {
    const out: Value[] = [...this.map.keys()];
    if (this.floats) for (const [k] of this.floats.values()) out.push(k);
    return out;
  }

  /** Values in the same order as keys(). */
  values(): Value[] {
    const out: Value[] = [...this.map.values()];
    if (this.floats) for (const [, v] of this.floats.values()) out.push(v);
    return out;
  }

  /** [key, value] pairs in iteration order. */
  *entries(): IterableIterator<[Value, Value]> {
    yield* this.map.entries();
    if (this.floats) for (const e of this.floats.values()) yield [e[0], e[1]];
  }

  /** A shallow copy (mapping `+` and copy() build on it). */
  clone(): LMapping {
    const m = new LMapping();
    for (const [k, v] of this.map) m.map.set(k, v);
    if (this.floats) m.floats = new Map(this.floats);
    return m;
  }
}

// ---------------------------------------------------------------------------
// Type tests and conversions shared by the VM, codegen and efuns

export function isInt(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

export function isObject(v: unknown): v is LObjectRef {
  return typeof v === 'object' && v !== null && (v as LObjectRef).isLObject === true;
}

/** True for a live object; destructed objects read as 0 (DESIGN.md decision 2). */
export function isLiveObject(v: unknown): v is LObjectRef {
  return isObject(v) && !v.destructed;
}

export function isDestructed(v: unknown): boolean {
  return isObject(v) && v.destructed;
}

/** Replaces a destructed object by 0; every other value is returned as is. */
export function live(v: Value): Value {
  return isObject(v) && v.destructed ? 0 : v;
}

/** `undefinedp()`. */
export function isUndefined(v: unknown): boolean {
  return Object.is(v, -0);
}

/**
 * LPC truth: only the int 0 and destructed objects are false. `0.0` is true
 * (Neolith, COMPAT.md rule 2); "" is true.
 */
export function truthy(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (isObject(v)) return !v.destructed;
  return true;
}

/** The name `typeof()` returns (MudOS v22 spellings). */
export function typeName(v: Value): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof LMapping) return 'mapping';
  if (v instanceof LFloat) return 'float';
  if (v instanceof LBuffer) return 'buffer';
  if (v instanceof LFunction) return 'function';
  if (v instanceof LClassValue) return 'class';
  if (isObject(v)) return v.destructed ? 'int' : 'object';
  return 'mixed';
}

/** Normalizes an exact integer to the int representation (number when safe). */
export function intFromBigInt(b: bigint): number | bigint {
  const w = BigInt.asIntN(64, b);
  return w >= BigInt(MIN_SAFE) && w <= BigInt(MAX_SAFE) ? Number(w) : w;
}

/** A JS number known to be an integer (maybe outside the safe range) as an LPC int, wrapped to 64 bits. */
export function intFromNumber(n: number): number | bigint {
  if (n >= MIN_SAFE && n <= MAX_SAFE) return n + 0;
  if (!Number.isFinite(n)) return n > 0 ? intFromBigInt((1n << 63n) - 1n) : INT64_MIN;
  return intFromBigInt(BigInt(n));
}

/** An int as bigint, for the slow paths. */
export function toBigInt(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** An int as a JS number (may lose precision beyond 2^53; for float conversion). */
export function intToNumber(v: number | bigint): number {
  return typeof v === 'bigint' ? Number(v) : v;
}
