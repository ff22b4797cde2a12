import { describe, expect, it } from 'vitest';
import { decodeValue, efuns, encodeValue } from '../../driver/efuns/save-format.js';
import { LpcError } from '../../driver/vm/errors.js';
import { LBuffer, LClassValue, LFloat, LMapping, type Value } from '../../driver/vm/values.js';
import { FakeFunction, FakeObject, createFakeRuntime, lpcError, mapping } from './fake-runtime.js';

// The value → text table of the MudOS/FluffOS testsuite (save_variable.lpc).
const table: [Value, string][] = [
  ['\n', '"\r"'],
  ['"', '"\\""'],
  ['"x\\\n', '"\\"x\\\\\r"'],
  [-1, '-1'],
  [0, '0'],
  [1, '1'],
  [22, '22'],
  [new LFloat(1.2), '1.200000'],
  [333, '333'],
  [[], '({})'],
  [[0], '({0,})'],
  ['a\rb\rc\rd\r\n\radsfasdsdf\r', '"a\\\rb\\\rc\\\rd\\\r\r\\\radsfasdsdf\\\r"'],
];

describe('encodeValue', () => {
  it('matches the testsuite table, alone, in arrays and in mappings', () => {
    for (const [v, text] of table) {
      expect(encodeValue(v)).toBe(text);
      expect(encodeValue([v])).toBe(`({${text},})`);
      expect(encodeValue([v, v])).toBe(`({${text},${text},})`);
      expect(encodeValue(mapping([1, v]))).toBe(`([1:${text},])`);
    }
  });
  it('writes 64-bit ints, the undefined zero and floats in %f', () => {
    expect(encodeValue(-(2n ** 63n))).toBe('-9223372036854775808');
    expect(encodeValue(-0)).toBe('0');
    expect(encodeValue(new LFloat(-0.5))).toBe('-0.500000');
    expect(encodeValue(new LFloat(1e22))).toBe('10000000000000000000000.000000');
    expect(encodeValue(new LFloat(0.0078125))).toBe('0.007812');
  });
  it('writes classes between (/ and /)', () => {
    const c = new LClassValue({ name: 'c', members: ['a', 'b'] }, [1, 'x']);
    expect(encodeValue(c)).toBe('(/1,"x",/)');
  });
  it('writes objects, functions and buffers as nothing', () => {
    expect(encodeValue(new FakeObject('o'))).toBe('');
    expect(encodeValue([new FakeObject('o'), new FakeFunction(() => 0), new LBuffer(new Uint8Array(2))])).toBe(
      '({,,,})',
    );
    expect(encodeValue(mapping([1, new FakeObject('o')]))).toBe('([1:,])');
  });
  it('keeps other characters as they are', () => {
    expect(encodeValue('é你😀\t')).toBe('"é你😀\t"');
  });
  it('rejects nesting deeper than 25', () => {
    let v: Value = 0;
    for (let i = 0; i < 25; i++) v = [v];
    expect(encodeValue(v)).toBe('({'.repeat(25) + '0,' + '}),'.repeat(24) + '})');
    expect(lpcError(() => encodeValue([v]))).toBe(
      'Mappings and/or arrays nested too deep (25) for save_object\n',
    );
  });
});

// The text → value table of restore_variable.lpc.
const restoreTable: [string, Value][] = [
  ['"\r"', '\n'],
  ['"\\""', '"'],
  ['"\\"\\x\r"', '"x\n'],
  ['-1', -1],
  ['0', 0],
  ['1', 1],
  ['22', 22],
  ['1.2', new LFloat(1.2)],
  ['333', 333],
  ['({})', []],
  ['({,})', [0]],
  ['"∮ E⋅da = Q,  n → ∞"', '∮ E⋅da = Q,  n → ∞'],
];

describe('decodeValue', () => {
  it('matches the testsuite table, alone, in arrays and in mappings', () => {
    for (const [text, v] of restoreTable) {
      expect(decodeValue(text)).toEqual(v);
      expect(decodeValue(`({${text},})`)).toEqual([v]);
      expect(decodeValue(`({${text},${text},})`)).toEqual([v, v]);
      expect(decodeValue(`([1:${text},])`)).toEqual(mapping([1, v]));
      if (typeof v === 'string' || typeof v === 'number') {
        expect(decodeValue(`([${text}:${text},])`)).toEqual(mapping([v, v]));
      }
    }
  });
  it('rejects the testsuite\'s malformed strings and numbers', () => {
    for (const text of ['""x', '"\\', '"\\x\\', '"\\x"x', '"', '"\r"\r']) {
      expect(lpcError(() => decodeValue(text))).toBe('restore_object(): Illegal string format.\n');
    }
    expect(lpcError(() => decodeValue('-x'))).toBe('restore_object(): Illegal numeric format.\n');
  });
  it('reads 64-bit ints and floats exactly', () => {
    expect(decodeValue('-9223372036854775808')).toBe(-(2n ** 63n));
    expect((decodeValue('0.1234567') as LFloat).f).toBe(0.1234567);
    expect((decodeValue('1.5e+05') as LFloat).f).toBe(150000);
    expect((decodeValue('2e-3') as LFloat).f).toBe(0.002);
  });
  it('reads what MudOS ignores as 0', () => {
    expect(decodeValue('')).toBe(0);
    expect(decodeValue('abc')).toBe(0);
    expect(decodeValue('12abc')).toBe(12);
  });
  it('reads empty elements, keys and values as 0', () => {
    expect(decodeValue('({,,})')).toEqual([0, 0]);
    expect(decodeValue('([:1,2:,])')).toEqual(mapping([0, 1], [2, 0]));
  });
  it('reads nested containers and classes', () => {
    const v = decodeValue('([ "a":({1,([2:"x",]),}),({3,}):(/4,"y",/),])'.replace(' ', ''));
    const m = v as LMapping;
    expect(m.get('a')).toEqual([1, mapping([2, 'x'])]);
    const [arrKey] = m.keys().filter((k) => Array.isArray(k));
    expect(arrKey).toEqual([3]);
    const c = m.get(arrKey) as LClassValue;
    expect(c).toBeInstanceOf(LClassValue);
    expect(c.fields).toEqual([4, 'y']);
  });
  it('names the malformed container in its error', () => {
    expect(lpcError(() => decodeValue('({1,2'))).toBe('restore_object(): Illegal array format.\n');
    expect(lpcError(() => decodeValue('({1;})'))).toBe('restore_object(): Illegal array format.\n');
    expect(lpcError(() => decodeValue('({"\\'))).toBe('restore_object(): Illegal array format.\n');
    expect(lpcError(() => decodeValue('([1,])'))).toBe('restore_object(): Illegal mapping format.\n');
    expect(lpcError(() => decodeValue('([1:2'))).toBe('restore_object(): Illegal mapping format.\n');
    expect(lpcError(() => decodeValue('(/(/9'))).toBe('restore_object(): Illegal class format.\n');
    expect(lpcError(() => decodeValue('(x'))).toBe('restore_object(): Illegal general format.\n');
    expect(lpcError(() => decodeValue('({1.,})'))).toBe('restore_object(): Illegal numeric format.\n');
  });
  it('rejects deep nesting but accepts wide collections', () => {
    let deep = '0';
    for (let i = 0; i < 400; i++) deep = `({${deep},})`;
    expect(() => decodeValue(deep)).toThrow(LpcError);
    let wide = '';
    for (let i = 0; i < 500; i++) wide += `${i}:({${i},}),`;
    const m = decodeValue(`([${wide}])`) as LMapping;
    expect(m.size).toBe(500);
    expect(m.get(7)).toEqual([7]);
  });
  it('enforces array and mapping size limits', () => {
    const limits = { maxArraySize: 2, maxMappingSize: 1 };
    expect(() => decodeValue('({1,2,3,})', limits)).toThrow('Illegal array size.\n');
    expect(() => decodeValue('([1:1,2:2,])', limits)).toThrow('Mapping too large.\n');
  });
  it('round-trips values through encodeValue', () => {
    const v = mapping(
      ['list', [1, new LFloat(2.5), 'three\n"\\\r', [], mapping()]],
      [-(2n ** 62n), mapping([new LFloat(0.25), 'f'])],
    );
    expect(decodeValue(encodeValue(v))).toEqual(v);
  });
});

describe('save_variable / restore_variable efuns', () => {
  const rt = createFakeRuntime({ maxArraySize: 3 });
  const save = efuns.decls.find((d) => d.name === 'save_variable')!;
  const restore = efuns.decls.find((d) => d.name === 'restore_variable')!;
  it('encode and decode', () => {
    expect(save.impl(rt, new LFloat(1.2))).toBe('1.200000');
    expect(restore.impl(rt, '({1,"a",})')).toEqual([1, 'a']);
  });
  it('restore_variable applies the runtime limits and checks its argument', () => {
    expect(() => restore.impl(rt, '({1,2,3,4,})')).toThrow('Illegal array size.\n');
    expect(lpcError(() => restore.impl(rt, 5))).toBe('Bad argument 1 to restore_variable()\n');
  });
});
