import { describe, expect, it } from 'vitest';
import { efuns, matchPath } from '../../driver/efuns/mappings.js';
import { LFloat, LMapping, type Value } from '../../driver/vm/values.js';
import { FakeFunction, FakeObject, createFakeRuntime, efunCaller, lpcError, mapping } from './fake-runtime.js';

const rt = createFakeRuntime();

const efun = efunCaller(efuns, rt);

const fn = (body: (...a: Value[]) => Value) => new FakeFunction(body);

/** A mapping as sorted [key, value] pairs, for order-independent comparison. */
function pairs(m: Value): [Value, Value][] {
  return [...(m as LMapping).entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe('allocate_mapping', () => {
  const alloc = efun('allocate_mapping');
  it('makes an empty mapping whatever the size hint', () => {
    expect((alloc(10) as LMapping).size).toBe(0);
    expect((alloc(0) as LMapping).size).toBe(0);
  });
  it('maps a key array to a value or to f(key) (FluffOS)', () => {
    expect(pairs(alloc(['a', 'b'], 1))).toEqual([['a', 1], ['b', 1]]);
    expect(pairs(alloc(['a', 'bb'], fn((k) => (k as string).length)))).toEqual([['a', 1], ['bb', 2]]);
    expect(pairs(alloc(['a']))).toEqual([['a', 0]]);
  });
  it('enforces MaxMappingSize', () => {
    const small = createFakeRuntime({ maxMappingSize: 2 });
    const d = efuns.decls.find((x) => x.name === 'allocate_mapping')!;
    expect(() => d.impl(small, [1, 2, 3], 0)).toThrow('Mapping too large.\n');
  });
});

describe('keys, values and map_delete', () => {
  it('keys and values come in the same order', () => {
    const m = mapping([1, 2], [3, 4], ['x', 6]);
    const k = efun('keys')(m) as Value[];
    const v = efun('values')(m) as Value[];
    expect(k.length).toBe(3);
    k.forEach((key, i) => expect(m.get(key)).toBe(v[i]));
  });
  it('has the COMPAT_32 names m_indices and m_values', () => {
    const m = mapping([1, 2]);
    expect(efun('m_indices')(m)).toEqual([1]);
    expect(efun('m_values')(m)).toEqual([2]);
  });
  it('map_delete removes keys of any kind, in place', () => {
    const ob = new FakeObject('o');
    const arr: Value[] = [];
    const m = mapping([1, 2], ['foo', 3], [ob, 5], [new LFloat(1), 6], [arr, 7]);
    efun('map_delete')(m, 1);
    expect(m.has(1)).toBe(false);
    expect(Object.is(m.get(1), -0)).toBe(true);
    efun('map_delete')(m, []);
    expect(m.has(arr)).toBe(true);
    efun('map_delete')(m, arr);
    efun('map_delete')(m, 'foo');
    efun('map_delete')(m, ob);
    efun('map_delete')(m, new LFloat(1));
    expect(m.size).toBe(0);
  });
  it('m_delete returns the mapping', () => {
    const m = mapping([1, 2], [3, 4]);
    expect(efun('m_delete')(m, 1)).toBe(m);
    expect(m.keys()).toEqual([3]);
  });
  it('rejects non-mappings', () => {
    expect(lpcError(() => efun('keys')([1]))).toBe('Bad argument 1 to keys()\n');
  });
});

describe('match_path', () => {
  const m = mapping(['foo/', 1], ['bar', 2], ['bazz/foo', 3], ['foo/bar/bazz', 4]);
  it('finds the longest prefix key at a / boundary (FluffOS testsuite cases)', () => {
    expect(Object.is(matchPath(m, 'kajdfj'), -0)).toBe(true);
    expect(matchPath(m, 'bar')).toBe(2);
    expect(matchPath(m, 'bar/')).toBe(2);
    expect(matchPath(m, 'bazz//foo')).toBe(3);
    expect(matchPath(m, 'bazz/foo//')).toBe(3);
    expect(matchPath(m, 'foo/bar')).toBe(1);
    expect(matchPath(m, 'foo/bar/bazz')).toBe(4);
  });
  it('handles absolute paths and the root key', () => {
    const abs = mapping(['/', 'root'], ['/d/', 'domains'], ['/d/town/', 'town']);
    expect(efun('match_path')(abs, '/d/town/square')).toBe('town');
    expect(efun('match_path')(abs, '/d/forest/tree')).toBe('domains');
    expect(efun('match_path')(abs, '/w/me')).toBe('root');
    expect(efun('match_path')(abs, '/')).toBe('root');
  });
  it('does not match a key that is only a textual prefix', () => {
    expect(Object.is(matchPath(mapping(['/d/to', 1]), '/d/town'), -0)).toBe(true);
  });
  it('returns a stored 0 value as found', () => {
    expect(Object.is(matchPath(mapping(['a/', 0]), 'a/b'), 0)).toBe(true);
  });
});

describe('map_mapping and filter_mapping', () => {
  it('map_mapping replaces values with f(key, value, extra...)', () => {
    const m = mapping([1, 2]);
    expect(pairs(efun('map_mapping')(m, fn((_k, _v, z) => z), 3))).toEqual([[1, 3]]);
    expect(pairs(m)).toEqual([[1, 2]]);
  });
  it('map_mapping with a function name in an object', () => {
    const ob = new FakeObject('o', { third: (_k, _v, z) => z });
    expect(pairs(efun('map_mapping')(mapping([1, 2]), 'third', ob, 3))).toEqual([[1, 3]]);
  });
  it('filter_mapping keeps the pairs with a true result', () => {
    const m = mapping([1, 2], [0, 3]);
    expect(pairs(efun('filter_mapping')(m, fn((k) => k)))).toEqual([[1, 2]]);
    expect(pairs(efun('filter_mapping')(mapping([0, 0]), fn((_k, _v, z) => z), 1))).toEqual([[0, 0]]);
    expect((efun('filter_mapping')(new LMapping(), fn((k) => k)) as LMapping).size).toBe(0);
  });
});

describe('unique_mapping', () => {
  const um = efun('unique_mapping');
  it('groups by result with elements in reverse order, as MudOS builds them', () => {
    expect(pairs(um([1, 2, 3, 4, 5], fn((x) => (x as number) % 2)))).toEqual([[0, [4, 2]], [1, [5, 3, 1]]]);
    expect(pairs(um([1, 2, 3, 4, 5], fn(() => 0)))).toEqual([[0, [5, 4, 3, 2, 1]]]);
  });
  it('visits the elements from last to first', () => {
    const seen: Value[] = [];
    um([1, 2, 3], fn((x) => (seen.push(x), 0)));
    expect(seen).toEqual([3, 2, 1]);
  });
  it('groups by string results', () => {
    const arr = ['alpha', 'bravo', 'charlie', 'apple', 'bongo', 'cat'];
    expect(pairs(um(arr, fn((s) => (s as string)[0])))).toEqual([
      ['a', ['apple', 'alpha']], ['b', ['bongo', 'bravo']], ['c', ['cat', 'charlie']],
    ]);
  });
  it('keys container results by reference', () => {
    expect((um(['a', 'b', 'c'], fn(() => [])) as LMapping).size).toBe(3);
  });
  it('calls a function name in the given object with the element', () => {
    const ob = new FakeObject('o', { parity: (x) => (x as number) % 2 });
    expect(pairs(um([1, 2, 3], 'parity', ob))).toEqual([[0, [2]], [1, [3, 1]]]);
  });
  it('has the Neolith alias transform', () => {
    expect((efun('transform')([1], fn(() => 1)) as LMapping).get(1)).toEqual([1]);
  });
});

describe('match_path directory keys', () => {
  it('a key without a trailing slash matches only that exact path', () => {
    const m = mapping(['a', 1]);
    expect(matchPath(m, 'a')).toBe(1);
    expect(matchPath(m, 'a/')).toBe(1);
    expect(Object.is(matchPath(m, 'a/b'), -0)).toBe(true);
  });
});
