// Indexing and ranges (driver/vm/index-ops.ts): a[i], a[<i], a[lo..hi] and
// their lvalue forms, with MudOS v22 / Neolith bounds and error texts.
import { describe, expect, it } from 'vitest';
import * as ops from '../../driver/vm/index-ops.js';
import { LBuffer, type Value } from '../../driver/vm/values.js';
import { EMOJI, MAX, MIN, buf, f, lpcError, mapping, obj } from './ops-helpers.js';

describe('index', () => {
  it('indexes strings by code point', () => {
    expect(ops.index('abc', 0)).toBe(97);
    expect(ops.index('你好', 1)).toBe(0x597d);
    expect(ops.index(`a${EMOJI}b`, 1)).toBe(0x1f600);
    expect(ops.index(`a${EMOJI}b`, 2)).toBe(98);
  });
  it('reads the terminating NUL at strlen, as MudOS does', () => {
    expect(ops.index('abc', 3)).toBe(0);
    expect(ops.index(`${EMOJI}`, 1)).toBe(0);
  });
  it('raises string index errors', () => {
    lpcError(() => ops.index('abc', 4), 'String index out of bounds.');
    lpcError(() => ops.index('abc', -1), 'String index out of bounds.');
    lpcError(() => ops.index('abc', MAX), 'String index out of bounds.');
    lpcError(() => ops.index('abc', 'a'), 'String indexes must be integers.');
  });
  it('indexes arrays with bounds checks (negative is an error, not from the end)', () => {
    expect(ops.index([5, 6], 1)).toBe(6);
    lpcError(() => ops.index([5, 6], 2), 'Array index out of bounds.');
    lpcError(() => ops.index([5, 6], -1), 'Array index must be positive or zero.');
    lpcError(() => ops.index([5, 6], MIN), 'Array index must be positive or zero.');
    lpcError(() => ops.index([5, 6], MAX), 'Array index out of bounds.');
    lpcError(() => ops.index([5, 6], f(0)), 'Array indexes must be integers.');
  });
  it('reads destructed objects as 0', () => {
    expect(ops.index([obj('d', true)], 0)).toBe(0);
    expect(ops.index(mapping(['k', obj('d', true)]), 'k')).toBe(0);
  });
  it('indexes mappings, giving the undefined zero for a missing key', () => {
    const m = mapping(['a', 1], [f(1), 'float key']);
    expect(ops.index(m, 'a')).toBe(1);
    expect(Object.is(ops.index(m, 'b'), -0)).toBe(true);
    expect(ops.index(m, f(1))).toBe('float key');
    expect(Object.is(ops.index(m, 1), -0)).toBe(true);
  });
  it('indexes buffers', () => {
    expect(ops.index(buf(7, 255), 1)).toBe(255);
    lpcError(() => ops.index(buf(7), 1), 'Buffer index out of bounds.');
    lpcError(() => ops.index(buf(7), -1), 'Buffer index out of bounds.');
    lpcError(() => ops.index(buf(7), 'a'), 'Buffer indexes must be integers.');
  });
  it('rejects other values', () => {
    lpcError(() => ops.index(0, 1), 'Value being indexed is zero.');
    lpcError(() => ops.index(obj('d', true), 1), 'Value being indexed is zero.');
    lpcError(() => ops.index(5, 1), "Cannot index value of type 'int'.");
    lpcError(() => ops.index(f(1), 1), "Cannot index value of type 'float'.");
    lpcError(() => ops.index(obj('o'), 1), "Cannot index value of type 'object'.");
  });
});

describe('indexFromEnd (a[<i])', () => {
  it('counts from the end', () => {
    expect(ops.indexFromEnd([1, 2, 3], 1)).toBe(3);
    expect(ops.indexFromEnd([1, 2, 3], 3)).toBe(1);
    expect(ops.indexFromEnd(`a${EMOJI}`, 1)).toBe(0x1f600);
    expect(ops.indexFromEnd('abc', 3)).toBe(97);
    expect(ops.indexFromEnd(buf(1, 2), 1)).toBe(2);
  });
  it('s[<0] reads the NUL, as MudOS', () => {
    expect(ops.indexFromEnd('abc', 0)).toBe(0);
  });
  it('raises its own errors', () => {
    lpcError(() => ops.indexFromEnd([1], 0), 'Array index out of bounds.');
    lpcError(() => ops.indexFromEnd([1], 2), 'Array index out of bounds.');
    lpcError(() => ops.indexFromEnd([1], 'a'), 'Indexing an array with an illegal type.');
    lpcError(() => ops.indexFromEnd('abc', 4), 'String index out of bounds.');
    lpcError(() => ops.indexFromEnd('abc', -1), 'String index out of bounds.');
    lpcError(() => ops.indexFromEnd('abc', 'a'), 'Indexing a string with an illegal type.');
    lpcError(() => ops.indexFromEnd(buf(1), 0), 'Buffer index out of bounds.');
    lpcError(() => ops.indexFromEnd(buf(1), 'a'), 'Indexing a buffer with an illegal type.');
    lpcError(() => ops.indexFromEnd(mapping(), 1), "Cannot index value of type 'mapping'.");
    lpcError(() => ops.indexFromEnd(0, 1), 'Value being indexed is zero.');
  });
});

describe('range on strings', () => {
  const s = 'abcde';
  it('takes inclusive bounds', () => {
    expect(ops.range(s, 1, 3)).toBe('bcd');
    expect(ops.range(s, 0, 0)).toBe('a');
    expect(ops.range(s, 0, 4)).toBe('abcde');
  });
  it('supports open bounds: s[2..] and s[..2]', () => {
    expect(ops.range(s, 2, undefined)).toBe('cde');
    expect(ops.range(s, undefined, 2)).toBe('abc');
    expect(ops.range(s, undefined, undefined)).toBe('abcde');
  });
  it('supports < bounds: s[<2..], s[1..<2], s[<3..<2]', () => {
    expect(ops.range(s, 2, undefined, true)).toBe('de');
    expect(ops.range(s, 1, 2, false, true)).toBe('bcd');
    expect(ops.range(s, 3, 2, true, true)).toBe('cd');
    expect(ops.range(s, 0, 1, false, true)).toBe('abcde');
    expect(ops.range(s, 1, 1, true, true)).toBe('e');
  });
  it('clamps negative plain bounds by default (MudOS v22, no OLD_RANGE_BEHAVIOR)', () => {
    expect(ops.range(s, -2, undefined)).toBe('abcde');
    expect(ops.range(s, -1, 2)).toBe('abc');
    expect(ops.range(s, 0, -2)).toBe('');
    expect(ops.range(s, -3, -2)).toBe('');
    expect(ops.range(s, -99, 1)).toBe('ab');
    expect(ops.range(s, -1, 0, false, true)).toBe('abcde');
  });
  it('counts negative plain bounds from the end under OldRangeBehavior (Neolith)', () => {
    ops.setOldRangeBehavior(true);
    try {
      expect(ops.range(s, -2, undefined)).toBe('de');
      expect(ops.range(s, 0, -2)).toBe('abcd');
      expect(ops.range(s, -3, -2)).toBe('cd');
      expect(ops.range(s, -99, 1)).toBe('ab');
      expect(ops.range(`你${EMOJI}好`, -2, -1)).toBe(`${EMOJI}好`);
      expect([...(ops.range(buf(1, 2, 3, 4), -2, undefined) as LBuffer).bytes]).toEqual([3, 4]);
      expect([...(ops.range(buf(1, 2, 3, 4), 0, -2) as LBuffer).bytes]).toEqual([1, 2, 3]);
      // < bounds are the same either way.
      expect(ops.range(s, 2, undefined, true)).toBe('de');
    } finally {
      ops.setOldRangeBehavior(false);
    }
  });
  it('clamps out-of-range bounds and is empty when reversed or past the end', () => {
    expect(ops.range(s, 3, 99)).toBe('de');
    expect(ops.range(s, 3, 1)).toBe('');
    expect(ops.range(s, 5, 9)).toBe('');
    expect(ops.range(s, 9, undefined)).toBe('');
    expect(ops.range(s, 8, undefined, true)).toBe('abcde');
    expect(ops.range(s, 9, 8, true, true)).toBe('');
    expect(ops.range('', 0, 0)).toBe('');
    expect(ops.range('', undefined, undefined)).toBe('');
  });
  it('works by code point', () => {
    const t = `你${EMOJI}好`;
    expect(ops.range(t, 1, 1)).toBe(EMOJI);
    expect(ops.range(t, 1, undefined)).toBe(`${EMOJI}好`);
    expect(ops.range(t, 1, undefined, true)).toBe('好');
    expect(ops.range(t, 2, 1, true, true)).toBe(`${EMOJI}好`);
    expect(ops.range(t, -2, 1)).toBe(`你${EMOJI}`);
  });
  it('handles bigint bounds', () => {
    expect(ops.range(s, MIN, MAX)).toBe('abcde');
    expect(ops.range(s, MAX, undefined)).toBe('');
  });
});

describe('range on arrays and buffers', () => {
  const a = [1, 2, 3];
  it('takes every form (testsuite operators/range.c)', () => {
    expect(ops.range(a, 0, -1)).toEqual([]);
    expect(ops.range(a, 0, 1, false, true)).toEqual([1, 2, 3]);
    expect(ops.range(a, 1, 1, false, true)).toEqual([2, 3]);
    expect(ops.range(a, 0, 2, false, true)).toEqual([1, 2]);
    expect(ops.range(a, 1, 1)).toEqual([2]);
    expect(ops.range(a, 1, undefined)).toEqual([2, 3]);
    expect(ops.range(a, undefined, 1)).toEqual([1, 2]);
    expect(ops.range(a, 2, undefined, true)).toEqual([2, 3]);
  });
  it('clamps negative plain bounds to 0 for arrays', () => {
    expect(ops.range(a, -2, undefined)).toEqual([1, 2, 3]);
    expect(ops.range(a, -5, 0)).toEqual([1]);
    expect(ops.range(a, 1, 99)).toEqual([2, 3]);
    expect(ops.range(a, 5, undefined, true)).toEqual([1, 2, 3]);
  });
  it('always copies', () => {
    const r = ops.range(a, undefined, undefined);
    expect(r).toEqual(a);
    expect(r).not.toBe(a);
  });
  it('reads destructed objects in slices as they are stored (the slice is raw)', () => {
    expect((ops.range([obj('x')], 0, 0) as Value[]).length).toBe(1);
  });
  it('slices buffers like strings', () => {
    expect([...(ops.range(buf(1, 2, 3, 4), 1, 2) as LBuffer).bytes]).toEqual([2, 3]);
    expect([...(ops.range(buf(1, 2, 3, 4), -2, undefined) as LBuffer).bytes]).toEqual([1, 2, 3, 4]);
    expect([...(ops.range(buf(1, 2, 3, 4), -1, 1) as LBuffer).bytes]).toEqual([1, 2]);
    expect((ops.range(buf(1, 2, 3, 4), 0, -1) as LBuffer).bytes.length).toBe(0);
    expect((ops.range(buf(1, 2), 2, 1) as LBuffer).bytes.length).toBe(0);
  });
  it('raises MudOS errors', () => {
    lpcError(() => ops.range('abc', 'a', 1), 'Start of range [ .. ] interval must be a number.');
    lpcError(() => ops.range('abc', 0, 'b'), 'End of range [ .. ] interval must be a number.');
    lpcError(() => ops.range(mapping(), 0, 1), 'Bad argument to [ .. ] range operator.');
    lpcError(() => ops.range(0, 0, 1), 'Bad argument to [ .. ] range operator.');
  });
});

describe('setIndex and setIndexFromEnd', () => {
  it('mutates arrays in place', () => {
    const a = [1, 2, 3];
    expect(ops.setIndex(a, 1, 'x')).toBe(a);
    expect(a).toEqual([1, 'x', 3]);
    expect(ops.setIndexFromEnd(a, 1, 'z')).toBe(a);
    expect(a).toEqual([1, 'x', 'z']);
  });
  it('sets mapping keys', () => {
    const m = mapping();
    expect(ops.setIndex(m, 'k', 5)).toBe(m);
    expect(m.get('k')).toBe(5);
  });
  it('returns a new string for strings, by code point', () => {
    expect(ops.setIndex('abc', 1, 0x58)).toBe('aXc');
    expect(ops.setIndex(`a${EMOJI}c`, 1, 0x597d)).toBe('a好c');
    expect(ops.setIndex('abc', 0, 0x1f600)).toBe(`${EMOJI}bc`);
    expect(ops.setIndexFromEnd(`${EMOJI}bc`, 1, 0x21)).toBe(`${EMOJI}b!`);
  });
  it('stores bytes in buffers', () => {
    const b = buf(0, 0);
    expect(ops.setIndex(b, 1, 0x1ff)).toBe(b);
    expect([...b.bytes]).toEqual([0, 0xff]);
    ops.setIndex(b, 0, -1);
    expect(b.bytes[0]).toBe(255);
    ops.setIndexFromEnd(b, 2, 7);
    expect(b.bytes[0]).toBe(7);
  });
  it('raises the lvalue errors', () => {
    lpcError(() => ops.setIndex([1], 1, 0), 'Array index out of bounds.');
    lpcError(() => ops.setIndex([1], -1, 0), 'Array index out of bounds.');
    lpcError(() => ops.setIndex([1], 'a', 0), 'Illegal type of index');
    lpcError(() => ops.setIndexFromEnd([1], 0, 0), 'Array index out of bounds.');
    lpcError(() => ops.setIndex('abc', 3, 65), 'Index out of bounds in string index lvalue.');
    lpcError(() => ops.setIndex('abc', 0, 'x'), 'Illegal rhs to char lvalue');
    lpcError(() => ops.setIndex('abc', 0, 0), 'Strings cannot contain 0 bytes.');
    lpcError(() => ops.setIndex('abc', 0, 0x110000), 'Illegal rhs to char lvalue');
    lpcError(() => ops.setIndex(buf(1), 1, 0), 'Buffer index out of bounds.');
    lpcError(() => ops.setIndex(buf(1), 0, 'x'), 'Illegal rhs to char lvalue');
    lpcError(() => ops.setIndex(0, 0, 1), 'Value being indexed is zero.');
    lpcError(() => ops.setIndex(f(1), 0, 1), "Cannot index value of type 'float'.");
    lpcError(() => ops.setIndexFromEnd(mapping(), 1, 1), "Cannot index value of type 'mapping'.");
    lpcError(() => ops.setIndexFromEnd(mapping(), 'k', 1), 'Illegal type of index');
  });
});

describe('setRange', () => {
  it('replaces a same-length range of an array in place', () => {
    const a = [1, 2, 3, 4];
    expect(ops.setRange(a, 1, 2, false, false, ['x', 'y'])).toBe(a);
    expect(a).toEqual([1, 'x', 'y', 4]);
  });
  it('makes a new array when the length changes (other references keep the old one)', () => {
    const a = [1, 2, 3, 4];
    const r = ops.setRange(a, 1, 2, false, false, ['x']);
    expect(r).toEqual([1, 'x', 4]);
    expect(a).toEqual([1, 2, 3, 4]);
    expect(ops.setRange(a, 1, 0, false, false, ['i'])).toEqual([1, 'i', 2, 3, 4]); // insertion
    expect(ops.setRange(a, 0, 1, false, true, [])).toEqual([]);
    expect(ops.setRange(a, 2, undefined, false, false, [9])).toEqual([1, 2, 9]);
    expect(ops.setRange(a, undefined, 0, false, false, [])).toEqual([2, 3, 4]);
    expect(ops.setRange(a, 1, 1, true, true, ['end'])).toEqual([1, 2, 3, 'end']);
  });
  it('replaces string ranges by code point', () => {
    expect(ops.setRange('abcde', 1, 3, false, false, 'X')).toBe('aXe');
    expect(ops.setRange(`a${EMOJI}c`, 1, 1, false, false, '好好')).toBe('a好好c');
    expect(ops.setRange('abc', 3, 2, false, false, 'de')).toBe('abcde');
    expect(ops.setRange('abc', 0, 1, false, true, '')).toBe('');
    expect(ops.setRange('abcde', 3, 1, false, false, 'X')).toBe('abcXcde'); // MudOS: old[0..lo) + v + old[hi+1..]
  });
  it('replaces buffer ranges', () => {
    const b = buf(1, 2, 3);
    expect(ops.setRange(b, 0, 0, false, false, buf(9))).toBe(b);
    expect([...b.bytes]).toEqual([9, 2, 3]);
    const r = ops.setRange(b, 1, 2, false, false, buf(7, 7, 7)) as LBuffer;
    expect([...r.bytes]).toEqual([9, 7, 7, 7]);
    expect([...b.bytes]).toEqual([9, 2, 3]);
  });
  it('raises the range-lvalue errors', () => {
    lpcError(() => ops.setRange(mapping(), 0, 1, false, false, []), 'Range lvalue on illegal type.');
    lpcError(() => ops.setRange([1], 0, 'a', false, false, []), 'Illegal 2nd index type to range lvalue.');
    lpcError(() => ops.setRange([1], 0, 1, false, false, []),
      'The 2nd index to range lvalue must be >= -1 and < sizeof(indexed value)');
    lpcError(() => ops.setRange([1], 0, -2, false, false, []),
      'The 2nd index to range lvalue must be >= -1 and < sizeof(indexed value)');
    lpcError(() => ops.setRange([1], 'a', 0, false, false, []), 'Illegal 1st index type to range lvalue');
    lpcError(() => ops.setRange([1], 2, 0, false, false, []),
      'The 1st index to range lvalue must be >= 0 and <= sizeof(indexed value)');
    lpcError(() => ops.setRange([1], -1, 0, false, false, []),
      'The 1st index to range lvalue must be >= 0 and <= sizeof(indexed value)');
    lpcError(() => ops.setRange([1], 0, 0, false, false, 'x'), 'Illegal rhs to array range lvalue.');
    lpcError(() => ops.setRange('ab', 0, 0, false, false, 1), 'Illegal rhs to string range lvalue.');
    lpcError(() => ops.setRange(buf(1), 0, 0, false, false, 'x'), 'Illegal rhs to buffer range lvalue.');
  });
});
