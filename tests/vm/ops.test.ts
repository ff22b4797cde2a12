import { describe, expect, it } from 'vitest';
import * as ops from '../../driver/vm/ops.js';
import { LFloat } from '../../driver/vm/values.js';

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;
const f = (x: number) => new LFloat(x);

describe('int arithmetic wraps at 64 bits', () => {
  it('wraps on + at both ends', () => {
    expect(ops.add(MAX, 1)).toBe(MIN);
    expect(ops.sub(MIN, 1)).toBe(MAX);
    expect(ops.addInt(MAX, 1)).toBe(MIN);
  });
  it('crosses the safe-integer boundary into bigint and back', () => {
    expect(ops.add(Number.MAX_SAFE_INTEGER, 1)).toBe(9007199254740992n);
    expect(ops.sub(9007199254740992n, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('string concatenation', () => {
  it('joins strings with ints and floats', () => {
    expect(ops.add('a', 1)).toBe('a1');
    expect(ops.add(1, 'a')).toBe('1a');
    expect(ops.add('x', f(1.5))).toBe('x1.500000');
  });
});
