// sscanf(): MudOS v22 matching rules (driver/efuns/sscanf.ts). Expected values
// come from the MudOS/FluffOS docs and testsuite (testsuite/single/tests/efuns/sscanf.lpc).
import { describe, expect, it } from 'vitest';
import { sscanf, scanFormat, parseCInt, parseCFloat } from '../../driver/efuns/sscanf.js';
import { LFloat, type Value } from '../../driver/vm/values.js';
import { LpcError } from '../../driver/vm/errors.js';
import { createFakeRuntime } from './fake-runtime.js';

const rt = createFakeRuntime();
const scan = (input: string, fmt: string, lvalues = 8) => sscanf(rt, input, fmt, lvalues);
const plain = (vs: Value[]) => vs.map((v) => (v instanceof LFloat ? { float: v.f } : v));

describe('literals and %s', () => {
  it('splits on the first occurrence of the following literal', () => {
    expect(scan('give sword to bob', 'give %s to %s')).toEqual({ values: ['sword', 'bob'], matches: 2 });
  });
  it('puts the first word in the first %s and the rest in the second', () => {
    expect(scan('a b c', '%s %s')).toEqual({ values: ['a', 'b c'], matches: 2 });
  });
  it('lets %s match an empty string', () => {
    expect(scan(' ', '%s %s')).toEqual({ values: ['', ''], matches: 2 });
  });
  it('stops at the first mismatch and returns the count so far', () => {
    expect(scan('give item', 'give %s to %s')).toEqual({ values: [], matches: 0 });
    expect(scan('give', 'give %s to %s')).toEqual({ values: [], matches: 0 });
    expect(scan('abc def 12', '%s %d')).toEqual({ values: ['abc'], matches: 1 });
  });
  it('returns 0 when leading literal text differs', () => {
    expect(scan('hello', 'help%s').matches).toBe(0);
  });
  it('requires a trailing literal to end the input', () => {
    expect(scan('foo.c', '%s.c')).toEqual({ values: ['foo'], matches: 1 });
    expect(scan('foo.c.bak', '%s.c').matches).toBe(0);
    expect(scan('a.c.c', '%s.c')).toEqual({ values: ['a.c'], matches: 1 });
  });
  it('counts skipped conversions but assigns nothing for them', () => {
    expect(scan('foo.c', '%*s.c')).toEqual({ values: [], matches: 1 });
    expect(scan('12 ab', '%*d %s')).toEqual({ values: ['ab'], matches: 2 });
  });
  it('puts leftover input into a spare lvalue', () => {
    expect(scan('12abc', '%d', 2)).toEqual({ values: [12, 'abc'], matches: 2 });
    expect(scan('12abc', '%d', 1)).toEqual({ values: [12], matches: 1 });
  });
  it('matches %% against a literal percent sign', () => {
    expect(scan('you%', '%s%%')).toEqual({ values: ['you'], matches: 1 });
    expect(scan('you%', '%su%%')).toEqual({ values: ['yo'], matches: 1 });
    expect(scan('50% off', '%d%% %s')).toEqual({ values: [50, 'off'], matches: 2 });
  });
  it('does not count %% after %s (Lapis fix; FluffOS testsuite expects 2)', () => {
    expect(scan('abc%abc', '%s%%%s')).toEqual({ values: ['abc', 'abc'], matches: 2 });
  });
  it('works on non-ASCII text', () => {
    expect(scan('你好 世界', '%s %s')).toEqual({ values: ['你好', '世界'], matches: 2 });
    expect(scan('😀=5', '%s=%d')).toEqual({ values: ['😀', 5], matches: 2 });
  });
});

describe('numbers', () => {
  it('reads %d like strtoll: spaces, sign, then digits', () => {
    expect(scan('123sdkfwo1239405adsf', '%d', 1).values).toEqual([123]);
    expect(scan('+29375282', '%d').values).toEqual([29375282]);
    expect(scan('  -19322', '%d').values).toEqual([-19322]);
    expect(scan('abc', '%d').matches).toBe(0);
  });
  it('reads %x with or without 0x', () => {
    expect(scan('FFFF', '%x').values).toEqual([65535]);
    expect(scan('0x1293jsf', '%x', 1).values).toEqual([4755]);
  });
  it('keeps 64-bit values exact and saturates beyond', () => {
    expect(scan('9223372036854775807', '%d').values).toEqual([9223372036854775807n]);
    expect(scan('-9223372036854775808', '%d').values).toEqual([-9223372036854775808n]);
    expect(scan('99999999999999999999', '%d').values).toEqual([9223372036854775807n]);
  });
  it('reads %f like strtod', () => {
    expect(plain(scan('1.5e3x', '%f%s').values)).toEqual([{ float: 1500 }, 'x']);
    expect(plain(scan('-.25', '%f').values)).toEqual([{ float: -0.25 }]);
    expect(plain(scan('7', '%f').values)).toEqual([{ float: 7 }]);
    expect(scan('.x', '%f').matches).toBe(0);
  });
  it('lets %s before %d stop at the first digit (a sign stays in the string)', () => {
    expect(scan('abc 12', '%s%d')).toEqual({ values: ['abc ', 12], matches: 2 });
    expect(scan('xx -5', '%s%d')).toEqual({ values: ['xx -', 5], matches: 2 });
    expect(scan('xx 99 yy', '%s%d%s')).toEqual({ values: ['xx ', 99, ' yy'], matches: 3 });
    expect(scan('no digits', '%s%d')).toEqual({ values: ['no digits'], matches: 1 });
  });
  it('lets %s before %x stop at 0x', () => {
    expect(scan('addr 0x1f!', '%s%x%s')).toEqual({ values: ['addr ', 31, '!'], matches: 3 });
  });
  it('lets %s before %f stop at a digit or .digit', () => {
    expect(plain(scan('cost .5', '%s%f').values)).toEqual(['cost ', { float: 0.5 }]);
  });
});

describe('%(regexp)', () => {
  it('matches a MudOS regular expression at the current position', () => {
    expect(scan('name: bob age 42', 'name: %([a-z]+) age %d')).toEqual({ values: ['bob', 42], matches: 2 });
    expect(scan('123', '%([a-z]+)').matches).toBe(0);
  });
  it('after %s, splits at the first match', () => {
    expect(scan('hello world123', '%s%([0-9]+)')).toEqual({ values: ['hello world', '123'], matches: 2 });
  });
  it('rejects an unterminated expression', () => {
    expect(() => scan('x', '%([a-z]')).toThrow(/Bad regexp format/);
  });
});

describe('errors', () => {
  it('rejects a format ending in %', () => {
    expect(() => scan('you%', '%s%')).toThrow(LpcError);
    expect(() => scan('you%', '%su%')).toThrow(LpcError);
  });
  it('rejects two adjacent %s', () => {
    expect(() => scan('ab', '%s%s')).toThrow(/adjacent/);
  });
  it('rejects unknown conversions', () => {
    expect(() => scan('a', '%q')).toThrow(/Bad type : '%q'/);
  });
  it('rejects more conversions than lvalues', () => {
    expect(() => scan('1 2', '%d %d', 1)).toThrow(/Too few arguments/);
    expect(scan('1 2', '%d %*d', 1)).toEqual({ values: [1], matches: 2 });
  });
});

describe('helpers', () => {
  it('scanFormat returns the assigned values with the match count attached', () => {
    const r = scanFormat(rt, 'a=1', '%s=%d', 2);
    expect([...r]).toEqual(['a', 1]);
    expect(r.matches).toBe(2);
    const skipped = scanFormat(rt, 'foo.c', '%*s.c');
    expect([...skipped]).toEqual([]);
    expect(skipped.matches).toBe(1);
  });
  it('without a known lvalue count, leaves leftover input unassigned and never complains', () => {
    expect(sscanf(rt, '12abc', '%d')).toEqual({ values: [12], matches: 1 });
    expect(sscanf(rt, '12abc', '%d', Number.MAX_SAFE_INTEGER)).toEqual({ values: [12], matches: 1 });
    expect(sscanf(rt, '1 2', '%d %d')).toEqual({ values: [1, 2], matches: 2 });
  });
  it('parseCInt and parseCFloat report where they stopped', () => {
    expect(parseCInt('  42x', 0, 10)).toEqual({ value: 42, end: 4 });
    expect(parseCInt('0xz', 0, 16)).toEqual({ value: 0, end: 1 });
    expect(parseCFloat('inf!', 0)).toEqual({ value: Infinity, end: 3 });
    expect(parseCFloat('x', 0)).toBeNull();
  });
});
