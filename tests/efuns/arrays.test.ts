import { describe, expect, it } from 'vitest';
import { efuns, mergeSort } from '../../driver/efuns/arrays.js';
import { LpcError } from '../../driver/vm/errors.js';
import { LBuffer, LClassValue, LFloat, LMapping, type Value } from '../../driver/vm/values.js';
import { FakeFunction, FakeObject, createFakeRuntime, efunCaller, lpcError } from './fake-runtime.js';

const rt = createFakeRuntime();

const efun = efunCaller(efuns, rt);

const fn = (body: (...a: Value[]) => Value) => new FakeFunction(body);

describe('allocate', () => {
  const allocate = efun('allocate');
  it('fills with zeros', () => {
    expect(allocate(3)).toEqual([0, 0, 0]);
    expect(Object.is((allocate(1) as Value[])[0], 0)).toBe(true);
  });
  it('fills with a value, shared by reference', () => {
    const inner: Value[] = [];
    const a = allocate(2, inner) as Value[];
    expect(a[0]).toBe(inner);
    expect(a[1]).toBe(inner);
  });
  it('calls a function fill with each index (FluffOS)', () => {
    expect(allocate(4, fn((i) => (i as number) * 2))).toEqual([0, 2, 4, 6]);
  });
  it('allocate(0) is empty', () => expect(allocate(0)).toEqual([]));
  it('rejects negative sizes and sizes above MaxArraySize instead of truncating', () => {
    expect(lpcError(() => allocate(-10))).toBe('Illegal array size.\n');
    expect(lpcError(() => allocate(rt.limits.maxArraySize + 1))).toBe('Illegal array size.\n');
    expect((allocate(rt.limits.maxArraySize) as Value[]).length).toBe(rt.limits.maxArraySize);
  });
});

describe('sizeof', () => {
  const sizeof = efun('sizeof');
  it('counts every container kind', () => {
    const m = new LMapping();
    m.set(1, 2);
    m.set('a', 3);
    expect(sizeof([1, 2, 3])).toBe(3);
    expect(sizeof(m)).toBe(2);
    expect(sizeof(new LBuffer(new Uint8Array(5)))).toBe(5);
    expect(sizeof(new LClassValue({ name: 'c', members: ['a', 'b'] }, [0, 0]))).toBe(2);
  });
  it('counts characters, not UTF-16 units', () => {
    expect(sizeof('foo')).toBe(3);
    expect(sizeof('你好')).toBe(2);
    expect(sizeof('a😀b')).toBe(3);
  });
  it('is 0 for scalars and functions', () => {
    expect(sizeof(6)).toBe(0);
    expect(sizeof(new LFloat(1))).toBe(0);
    expect(sizeof(fn(() => 0))).toBe(0);
  });
  it('has the Neolith alias len', () => expect(efun('len')([1])).toBe(1));
});

describe('member_array', () => {
  const member = efun('member_array');
  it('finds scalars by value', () => {
    expect(member(2, [1, 2, 3])).toBe(1);
    expect(member('foo', [1, 'foo', 3])).toBe(1);
    expect(member(new LFloat(1.5), [1, new LFloat(1.5)])).toBe(1);
    expect(member(99, [1, 2, 3])).toBe(-1);
  });
  it('never matches an int against a float', () => {
    expect(member(1, [new LFloat(1)])).toBe(-1);
    expect(member(new LFloat(1), [1])).toBe(-1);
  });
  it('finds containers by reference only', () => {
    const a: Value[] = [1];
    expect(member([1], [[1], a])).toBe(-1);
    expect(member(a, [[1], a])).toBe(1);
  });
  it('treats a destructed object as 0', () => {
    const ob = new FakeObject('x');
    ob.destructed = true;
    expect(member(0, [1, ob])).toBe(1);
  });
  it('honours the start index', () => {
    expect(member(1, [1, 2, 1], 1)).toBe(2);
    expect(member(1, [1, 2], 5)).toBe(-1);
    expect(lpcError(() => member(1, [1], -1))).toBe('Bad argument 3 to member_array()\n');
  });
  it('searches strings for a character code, counting characters', () => {
    expect(member(0x63, 'foo')).toBe(-1);
    expect(member(0x62, 'abar')).toBe(1);
    expect(member(0x79, 'xyzzy')).toBe(1);
    expect(member(0x79, 'xyzzy', 2)).toBe(4);
    expect(member(0x597d, '你好')).toBe(1);
    expect(member(0x62, '😀b')).toBe(1);
  });
  it('rejects a string start beyond the end', () => {
    expect(lpcError(() => member(0x61, 'ab', 3))).toBe(
      'Index to start search from in member_array() is > string length.\n',
    );
  });
});

describe('sort_array', () => {
  const sort = efun('sort_array');
  it('sorts ints, floats and strings up and down with the built-in sorter', () => {
    expect(sort([4, 3, 2, 1], 1)).toEqual([1, 2, 3, 4]);
    expect(sort([1, 3, 2], 0)).toEqual([1, 2, 3]);
    expect(sort([1, 3, 2], -1)).toEqual([3, 2, 1]);
    const fl = sort([new LFloat(2.5), new LFloat(-1), new LFloat(0.5)], 1) as LFloat[];
    expect(fl.map((f) => f.f)).toEqual([-1, 0.5, 2.5]);
    expect(sort(['b', 'c', 'a'], 1)).toEqual(['a', 'b', 'c']);
    expect(sort(['b', 'c', 'a'], -1)).toEqual(['c', 'b', 'a']);
  });
  it('sorts 64-bit ints exactly', () => {
    const big = 2n ** 62n;
    expect(sort([big, 1, -big, 0], 1)).toEqual([-big, 0, 1, big]);
  });
  it('orders strings by code point', () => {
    expect(sort(['\uffff', '😀', 'z'], 1)).toEqual(['z', '\uffff', '😀']);
  });
  it('sorts arrays by their first elements', () => {
    expect(sort([[2, 'b'], [1, 'a'], [3, 'c']], 1)).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    expect(lpcError(() => sort([[1], []], 1))).toBe('Illegal to have empty array in array for sort_array()\n');
  });
  it('rejects mixed arrays with MudOS\'s message', () => {
    expect(lpcError(() => sort([1, 'a'], 1))).toBe(
      'built-in sort_array() can only handle homogeneous arrays of strings/ints/floats/arrays\n',
    );
    expect(lpcError(() => sort([1, new LFloat(1)], 1))).toContain('homogeneous');
  });
  it('returns a new array and leaves the argument alone', () => {
    const a = [3, 1, 2];
    const r = sort(a, 1);
    expect(r).not.toBe(a);
    expect(a).toEqual([3, 1, 2]);
  });
  it('sorts with a function pointer comparator', () => {
    const tmp = [4, 3, 2, 1];
    expect(sort(tmp, fn((a, b) => (a as number) - (b as number)))).toEqual([1, 2, 3, 4]);
    expect(sort(tmp, fn((a, b) => (b as number) - (a as number)))).toEqual([4, 3, 2, 1]);
  });
  it('reads non-int comparator results as equal (the sort is stable)', () => {
    const a = [[1], [2], [3]];
    expect(sort(a, fn(() => 'x'))).toEqual([[1], [2], [3]]);
  });
  it('sorts with a function name in an object, passing extra arguments', () => {
    const ob = new FakeObject('sorter', {
      cmp: (a, b, dir) => ((a as number) - (b as number)) * (dir as number),
    });
    expect(sort([1, 3, 2], 'cmp', ob, -1)).toEqual([3, 2, 1]);
  });
  it('calls a bare function name in the current object', () => {
    const ob = new FakeObject('me', { cmp: (a, b) => (a as number) - (b as number) });
    const local = createFakeRuntime();
    local.thisObject = () => ob;
    const d = efuns.decls.find((x) => x.name === 'sort_array')!;
    expect(d.impl(local, [2, 1], 'cmp')).toEqual([1, 2]);
  });
  it('sorts 50,000 ints with a comparator', () => {
    const n = 50_000;
    const a: Value[] = [];
    for (let i = 0; i < n; i++) a.push((i * 7919) % n);
    const r = sort(a, fn((x, y) => (x as number) - (y as number))) as number[];
    for (let i = 0; i < n; i++) if (r[i] !== i) throw new Error(`bad at ${i}`);
  });
});

describe('map and filter', () => {
  const map = efun('map');
  const filter = efun('filter');
  it('maps arrays, with extra arguments after a function pointer', () => {
    expect(map([1, 2, 0, 3], fn((x) => x))).toEqual([1, 2, 0, 3]);
    expect(map([2, 3], fn((_x, y) => y), 1)).toEqual([1, 1]);
    expect(map([], 'foo')).toEqual([]);
  });
  it('maps with a function name and object or file name', () => {
    const ob = new FakeObject('obj/x', { second: (_x, y) => y });
    const local = createFakeRuntime();
    local.objects.set('obj/x', ob);
    const d = efuns.decls.find((x) => x.name === 'map')!;
    expect(d.impl(local, [2, 3], 'second', ob, 1)).toEqual([1, 1]);
    expect(d.impl(local, [2, 3], 'second', '/obj/x.c', 1)).toEqual([1, 1]);
  });
  it('rejects a destructed or missing object in the name form', () => {
    const ob = new FakeObject('gone');
    ob.destructed = true;
    expect(lpcError(() => map([1], 'f', ob))).toBe('Bad argument 3 to map()\n');
    expect(lpcError(() => map([1], 'f', 5))).toBe('Bad argument 3 to map()\n');
  });
  it('maps mappings by value, passing key and value', () => {
    const m = new LMapping();
    m.set(1, 2);
    m.set(0, 3);
    const r = map(m, fn((k) => k)) as LMapping;
    expect(r).not.toBe(m);
    expect(r.get(1)).toBe(1);
    expect(r.get(0)).toBe(0);
    expect(m.get(1)).toBe(2);
  });
  it('maps strings character by character; zero and non-int results keep the character', () => {
    expect(map('foobar', fn((c) => (c as number) + 1))).toBe('gppcbs');
    expect(map('xy', fn(() => 0x63))).toBe('cc');
    expect(map('ab', fn(() => 0))).toBe('ab');
    expect(map('ab', fn(() => 'z'))).toBe('ab');
    expect(map('你', fn((c) => (c as number) + 1))).toBe('\u4f61');
    expect(map('', 'foo')).toBe('');
  });
  it('map_array accepts arrays only', () => {
    expect(efun('map_array')([1, 2], fn((x) => (x as number) * 10))).toEqual([10, 20]);
    expect(lpcError(() => efun('map_array')('ab', fn((x) => x)))).toBe('Bad argument 1 to map_array()\n');
  });
  it('filters arrays by LPC truth (0.0 and "" are true)', () => {
    expect(filter([1, 2, 0, 3], fn((x) => x))).toEqual([1, 2, 3]);
    expect(filter([1, 2], fn(() => new LFloat(0)))).toEqual([1, 2]);
    expect(filter([1, 2], fn(() => ''))).toEqual([1, 2]);
    expect(filter([0], fn((_x, y) => y), 1)).toEqual([0]);
    expect(efun('filter_array')([5, 6], fn((x) => (x as number) > 5 ? 1 : 0))).toEqual([6]);
  });
  it('filters mappings on key and value', () => {
    const m = new LMapping();
    m.set(1, 2);
    m.set(0, 3);
    const r = filter(m, fn((k) => k)) as LMapping;
    expect(r.keys()).toEqual([1]);
    expect(r.get(1)).toBe(2);
  });
  it('maps and filters a million elements', () => {
    const big = createFakeRuntime({ maxArraySize: 1_000_000 });
    const a = efuns.decls.find((x) => x.name === 'allocate')!.impl(big, 1_000_000, fn((i) => i)) as Value[];
    const m = efuns.decls.find((x) => x.name === 'map_array')!.impl(big, a, fn((x) => (x as number) * 2)) as Value[];
    const f1 = efuns.decls.find((x) => x.name === 'filter_array')!;
    const even = f1.impl(big, m, fn((x) => ((x as number) % 4 === 0 ? 1 : 0))) as Value[];
    const small = f1.impl(big, even, fn((x) => ((x as number) < 100 ? 1 : 0))) as Value[];
    expect(m[999_999]).toBe(1_999_998);
    expect(even.length).toBe(500_000);
    expect(small).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 72, 76, 80, 84, 88, 92, 96]);
  });
});

describe('unique_array', () => {
  const unique = efun('unique_array');
  it('groups by the separator result in order of first appearance', () => {
    expect(unique([1, 2, 3, 4, 5], fn((x) => ((x as number) % 2) + 1))).toEqual([[1, 3, 5], [2, 4]]);
  });
  it('skips elements whose result is 0 by default, or the given skip value', () => {
    expect(unique([1, 2, 3, 4], fn((x) => (x as number) % 2))).toEqual([[1, 3]]);
    expect(unique([1, 2, 3, 4], fn((x) => (x as number) % 2), 1)).toEqual([[2, 4]]);
    expect(unique(['a', 'bb', 'c'], fn((x) => (x as string).length), -1)).toEqual([['a', 'c'], ['bb']]);
  });
  it('compares results by LPC identity', () => {
    const r = unique([1, 2, 3], fn((x) => ((x as number) < 3 ? new LFloat(1.5) : 'k')));
    expect(r).toEqual([[1, 2], [3]]);
  });
  it('calls a named function in each object and ignores non-objects', () => {
    const a = new FakeObject('a', { kind: () => 'sword' });
    const b = new FakeObject('b', { kind: () => 'shield' });
    const c = new FakeObject('c', { kind: () => 'sword' });
    expect(unique([a, 5, b, c], 'kind')).toEqual([[a, c], [b]]);
  });
  it('is empty for an empty array', () => expect(unique([], 'f')).toEqual([]));
});

describe('copy', () => {
  const copy = efun('copy');
  it('copies arrays, mappings and classes deeply', () => {
    const m = new LMapping();
    m.set('k', [4]);
    const arr: Value[] = [1, [2, 3], m];
    const dup = copy(arr) as Value[];
    expect(dup).toEqual(arr);
    ((dup[1] as Value[])[0] as Value) = 99;
    ((dup[2] as LMapping).get('k') as Value[])[0] = 99;
    expect((arr[1] as Value[])[0]).toBe(2);
    expect((m.get('k') as Value[])[0]).toBe(4);
    const cls = new LClassValue({ name: 'c', members: ['a'] }, [[1]]);
    const c2 = copy(cls) as LClassValue;
    expect(c2).not.toBe(cls);
    expect(c2.fields[0]).not.toBe(cls.fields[0]);
    expect(c2.def).toBe(cls.def);
  });
  it('returns scalars as they are', () => {
    expect(copy(7)).toBe(7);
    expect(copy('s')).toBe('s');
  });
  it('refuses structures nested deeper than 25 (and so cycles)', () => {
    let deep: Value = 0;
    for (let i = 0; i < 25; i++) deep = [deep];
    expect(copy(deep)).toEqual(deep);
    expect(lpcError(() => copy([deep]))).toBe('Mappings, arrays and/or classes nested too deep (25) for copy()\n');
    const cyc: Value[] = [];
    cyc.push(cyc);
    expect(lpcError(() => copy(cyc))).toContain('nested too deep');
  });
});

describe('shuffle and element_of', () => {
  it('shuffles in place, keeping the elements', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const r = efun('shuffle')(a) as number[];
    expect(r).toBe(a);
    expect([...r].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('element_of returns a member and rejects an empty array', () => {
    const eo = efun('element_of');
    for (let i = 0; i < 20; i++) expect([1, 2, 3]).toContain(eo([1, 2, 3]));
    expect(eo([42])).toBe(42);
    expect(lpcError(() => eo([]))).toBe("Can't take element from empty array.\n");
  });
});

describe('mergeSort (the sort behind sort_array)', () => {
  const byFirst = { compare: (a: Value, b: Value) => (a as number[])[0] - (b as number[])[0] };
  const numeric = { compare: (a: Value, b: Value) => (a as number) - (b as number) };
  it('sorts like Array.prototype.sort for many sizes and shapes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 1000;
    for (const n of [0, 1, 2, 31, 32, 33, 64, 65, 100, 1000, 4097]) {
      const shapes = [
        Array.from({ length: n }, rnd),
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, (_, i) => n - i),
        Array.from({ length: n }, () => 5),
      ];
      for (const data of shapes) {
        const expected = [...data].sort((a, b) => a - b);
        expect(mergeSort([...data], numeric)).toEqual(expected);
      }
    }
  });
  it('is stable', () => {
    const data: Value[] = Array.from({ length: 3000 }, (_, i) => [i % 7, i]);
    const out = mergeSort([...data], byFirst) as number[][];
    for (let i = 1; i < out.length; i++) {
      expect(out[i - 1][0] < out[i][0] || (out[i - 1][0] === out[i][0] && out[i - 1][1] < out[i][1])).toBe(true);
    }
  });
  it('stops on a comparator error without touching the caller\'s array', () => {
    const sort = efun('sort_array');
    const a = [3, 2, 1];
    expect(() => sort(a, fn(() => { throw new LpcError('boom'); }))).toThrow('boom');
    expect(a).toEqual([3, 2, 1]);
  });
  it('sorts presorted input with few comparisons (one per merge)', () => {
    let calls = 0;
    const data = Array.from({ length: 1024 }, (_, i) => i);
    mergeSort(data, { compare: (a, b) => (calls++, (a as number) - (b as number)) });
    expect(calls).toBeLessThan(1024 * 6);
  });
});

describe('callbacks by function name', () => {
  it('fail cleanly without a current object', () => {
    expect(lpcError(() => efun('map')([1], 'f'))).toBe('Object destructed during efun callback.\n');
  });
  it('stop when the object is destructed during the walk', () => {
    const ob = new FakeObject('o');
    ob.funcs.f = (x) => {
      if (x === 2) ob.destructed = true;
      return x;
    };
    expect(lpcError(() => efun('map')([1, 2, 3], 'f', ob))).toBe('Object destructed during efun callback.\n');
  });
  it('pass extra arguments after the element', () => {
    const ob = new FakeObject('o', { join: (x, a, b) => `${x}${a}${b}` });
    expect(efun('map')([1, 2], 'join', ob, 'a', 'b')).toEqual(['1ab', '2ab']);
  });
  it('reject a non-callable function argument', () => {
    expect(lpcError(() => efun('filter')([1], 5))).toBe('Bad argument 2 to filter()\n');
  });
});
