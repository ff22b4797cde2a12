import { describe, expect, it } from 'vitest';
import { efuns, roundHalfAway } from '../../driver/efuns/math.js';
import { LFloat, type Value } from '../../driver/vm/values.js';
import { createFakeRuntime, efunCaller, lpcError } from './fake-runtime.js';

const rt = createFakeRuntime();

const efun = efunCaller(efuns, rt);

const F = (x: number) => new LFloat(x);
const val = (v: Value) => {
  if (!(v instanceof LFloat)) throw new Error('expected a float');
  return v.f;
};

describe('float functions', () => {
  it('compute with floats and ints, always returning floats', () => {
    expect(val(efun('sqrt')(F(9)))).toBe(3);
    expect(val(efun('sqrt')(16))).toBe(4);
    expect(val(efun('cos')(F(0)))).toBe(1);
    expect(val(efun('sin')(0))).toBe(0);
    expect(val(efun('tan')(F(0)))).toBe(0);
    expect(val(efun('atan')(F(1)))).toBeCloseTo(Math.PI / 4, 15);
    expect(val(efun('asin')(F(1)))).toBeCloseTo(Math.PI / 2, 15);
    expect(val(efun('acos')(F(1)))).toBe(0);
    expect(val(efun('exp')(F(0)))).toBe(1);
    expect(val(efun('log')(F(Math.E)))).toBe(1);
    expect(val(efun('log10')(100))).toBe(2);
    expect(val(efun('log2')(8))).toBe(3);
  });
  it('floor, ceil and round return floats', () => {
    expect(val(efun('floor')(F(1.7)))).toBe(1);
    expect(val(efun('floor')(F(-1.2)))).toBe(-2);
    expect(val(efun('ceil')(F(1.2)))).toBe(2);
    expect(val(efun('round')(F(1.5)))).toBe(2);
    expect(val(efun('round')(F(1.4)))).toBe(1);
    expect(val(efun('round')(F(-1.5)))).toBe(-2);
  });
  it('round breaks ties away from zero without double-rounding', () => {
    expect(roundHalfAway(0.49999999999999994)).toBe(0);
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(1e300)).toBe(1e300);
  });
  it('pow takes ints and floats', () => {
    expect(val(efun('pow')(2, 3))).toBe(8);
    expect(val(efun('pow')(9, 0))).toBe(1);
    expect(val(efun('pow')(2, -1))).toBe(0.5);
    expect(val(efun('pow')(F(9), F(0.5)))).toBe(3);
  });
  it('raise MudOS\'s domain errors', () => {
    expect(lpcError(() => efun('sqrt')(F(-1)))).toBe('math: sqrt(x) with (x < 0.0)\n');
    expect(lpcError(() => efun('log')(F(0)))).toBe('math: log(x) with (x <= 0.0)\n');
    expect(lpcError(() => efun('log10')(0))).toBe('math: log10(x) with (x <= 0.0)\n');
    expect(lpcError(() => efun('log2')(-1))).toBe('math: log2(x) with (x <= 0.0)\n');
    expect(lpcError(() => efun('asin')(F(1.5)))).toBe('math: asin(x) with (x > 1.0)\n');
    expect(lpcError(() => efun('acos')(F(-1.5)))).toBe('math: acos(x) with (x < -1.0)\n');
  });
  it('reject non-numbers', () => {
    expect(lpcError(() => efun('cos')('x'))).toBe('Bad argument 1 to cos()\n');
    expect(lpcError(() => efun('pow')(1, 'x'))).toBe('Bad argument 2 to pow()\n');
  });
});

describe('abs', () => {
  it('keeps the type of its argument', () => {
    expect(efun('abs')(-1)).toBe(1);
    expect(Object.is(efun('abs')(-0), 0)).toBe(true);
    expect(val(efun('abs')(F(-1)))).toBe(1);
    expect(Object.is(val(efun('abs')(F(-0))), 0)).toBe(true);
    expect(efun('abs')(-(2n ** 60n))).toBe(2n ** 60n);
  });
  it('wraps the minimum int to itself, as C does', () => {
    expect(efun('abs')(-(2n ** 63n))).toBe(-(2n ** 63n));
  });
});

describe('min and max', () => {
  it('find values of numbers and strings', () => {
    expect(efun('min')([3, 1, 2])).toBe(1);
    expect(efun('max')([3, 1, 2])).toBe(3);
    expect(val(efun('min')([F(3), F(1.5)]))).toBe(1.5);
    expect(efun('max')([1, F(0.5), 2n ** 60n])).toBe(2n ** 60n);
    expect(efun('min')(['b', 'a', 'c'])).toBe('a');
    expect(efun('max')(['b', 'a', 'c'])).toBe('c');
  });
  it('return the index when asked', () => {
    expect(efun('min')([3, 1, 2], 1)).toBe(1);
    expect(efun('max')([3, 1, 2], 1)).toBe(0);
    expect(efun('max')([3, 1, 2], 0)).toBe(3);
  });
  it('reject empty, mixed and unsupported arrays', () => {
    expect(lpcError(() => efun('min')([]))).toBe("Can't find min of an empty array.\n");
    expect(lpcError(() => efun('max')([1, 'a']))).toBe('Inhomogeneous array.\n');
    expect(lpcError(() => efun('max')([[1]]))).toBe('Array must consist of ints, floats or strings.\n');
  });
});

describe('random and secure_random', () => {
  for (const name of ['random', 'secure_random']) {
    it(`${name} stays in [0, n) and covers the range`, () => {
      const seen = new Set<Value>();
      for (let i = 0; i < 500; i++) {
        const r = efun(name)(5) as number;
        expect(r >= 0 && r < 5 && Number.isInteger(r)).toBe(true);
        seen.add(r);
      }
      expect(seen.size).toBe(5);
    });
    it(`${name} is 0 for n <= 0 and handles 64-bit n`, () => {
      expect(efun(name)(0)).toBe(0);
      expect(efun(name)(-3)).toBe(0);
      const big = 2n ** 62n;
      for (let i = 0; i < 20; i++) {
        const r = efun(name)(big);
        expect(typeof r === 'number' || typeof r === 'bigint').toBe(true);
        expect(r >= 0 && r < big).toBe(true);
      }
      expect(efun(name)(1)).toBe(0);
    });
  }
});
