// Values and assertions shared by the operator suites (ops, index-ops).
import { expect } from 'vitest';
import { LpcError } from '../../driver/vm/errors.js';
import { LBuffer, LFloat, LMapping, type LObjectRef, type Value } from '../../driver/vm/values.js';

export const MAX = 9223372036854775807n;
export const MIN = -9223372036854775808n;
export const SAFE = Number.MAX_SAFE_INTEGER;
export const f = (x: number) => new LFloat(x);
export const EMOJI = '\u{1F600}';

/** Asserts that fn raises an LpcError with exactly this message. */
export function lpcError(fn: () => unknown, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(LpcError);
  expect((caught as LpcError).message).toBe(message);
}

/** True for the real zero, false for the undefined zero (-0). */
export function isPlainZero(v: Value): boolean {
  return v === 0 && !Object.is(v, -0);
}

export function obj(name: string, destructed = false): LObjectRef {
  return { isLObject: true, name, destructed };
}

export function mapping(...pairs: [Value, Value][]): LMapping {
  const m = new LMapping();
  for (const [k, v] of pairs) m.set(k, v);
  return m;
}

export function entries(m: Value): [Value, Value][] {
  return [...(m as LMapping).entries()];
}

export function buf(...bytes: number[]): LBuffer {
  return new LBuffer(Uint8Array.from(bytes));
}
