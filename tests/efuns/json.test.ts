import { describe, expect, it } from 'vitest';
import { efuns, fromJson, jsonFloat, toJson } from '../../driver/efuns/json.js';
import { LBuffer, LClassValue, LFloat, LMapping, type Value } from '../../driver/vm/values.js';
import { FakeFunction, FakeObject, createFakeRuntime, lpcError, mapping } from './fake-runtime.js';

const rt = createFakeRuntime();
const to = (v: Value) => toJson(rt, v);
const from = (s: string) => fromJson(rt, s);

describe('to_json', () => {
  it('writes scalars', () => {
    expect(to(42)).toBe('42');
    expect(to(-7)).toBe('-7');
    expect(to(2n ** 62n)).toBe('4611686018427387904');
    expect(to(new LFloat(1.5))).toBe('1.5');
    expect(to('hi')).toBe('"hi"');
  });
  it('keeps floats recognisable as floats', () => {
    expect(to(new LFloat(1))).toBe('1.0');
    expect(to(new LFloat(-0))).toBe('-0.0');
    expect(to(new LFloat(1e21))).toBe('1e+21');
    expect(jsonFloat(NaN)).toBe('null');
    expect(jsonFloat(Infinity)).toBe('null');
  });
  it('escapes strings as JSON requires, leaving other characters as they are', () => {
    expect(to('a"b\\c\n\t\u0001\u0000/é😀')).toBe('"a\\"b\\\\c\\n\\t\\u0001\\u0000/é😀"');
  });
  it('writes arrays and mappings compactly', () => {
    expect(to([1, 'a', [new LFloat(0.5)], []])).toBe('[1,"a",[0.5],[]]');
    expect(to(mapping(['a', 1], ['b', [true_()]]))).toBe('{"a":1,"b":[1]}');
    expect(to(new LMapping())).toBe('{}');
  });
  it('writes the undefined zero and non-data values as null', () => {
    expect(to(-0)).toBe('null');
    expect(to(0)).toBe('0');
    const cls = new LClassValue({ name: 'c', members: ['a'] }, [1]);
    expect(to([new FakeObject('x'), new FakeFunction(() => 0), new LBuffer(new Uint8Array(1)), cls])).toBe(
      '[null,null,null,null]',
    );
  });
  it('rejects non-string keys anywhere, before writing anything', () => {
    expect(lpcError(() => to(mapping([1, 2])))).toBe('to_json: mapping has a non-string key.\n');
    expect(lpcError(() => to([1, [mapping(['ok', mapping([new LFloat(1), 0])])]]))).toBe(
      'to_json: mapping has a non-string key.\n',
    );
  });
  it('rejects nesting deeper than 25 (and so cycles)', () => {
    let v: Value = [];
    for (let i = 0; i < 25; i++) v = [v];
    expect(to(v)).toBe('['.repeat(26) + ']'.repeat(26));
    expect(lpcError(() => to([[v, 1]]))).toBe('to_json: value nested too deep (25).\n');
    const cyc: Value[] = [];
    cyc.push(cyc);
    expect(lpcError(() => to(cyc))).toContain('nested too deep');
  });
});

function true_(): Value {
  return 1;
}

describe('from_json', () => {
  it('reads ints exactly and floats as floats', () => {
    expect(from('42')).toBe(42);
    expect(from('-0')).toBe(0);
    expect(from('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(from('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(from('18446744073709551615')).toBe(2n ** 63n - 1n);
    expect((from('1e30') as LFloat).f).toBe(1e30);
    expect((from('1.0') as LFloat).f).toBe(1);
    expect((from('-2.5E-3') as LFloat).f).toBe(-0.0025);
    expect((from('99999999999999999999999') as LFloat).f).toBe(1e23);
  });
  it('reads true/false as 1/0 and null as the undefined zero', () => {
    expect(from('true')).toBe(1);
    expect(from('false')).toBe(0);
    expect(Object.is(from('null'), -0)).toBe(true);
  });
  it('decodes every string escape and surrogate pairs', () => {
    expect(from('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"')).toBe('a"b\\c/d\b\f\n\r\t');
    expect(from('"\\u00e9\\u4f60\\ud83d\\ude00\\u0000x"')).toBe('é你😀\u0000x');
    expect(from('"é😀"')).toBe('é😀');
  });
  it('reads arrays and objects into arrays and mappings', () => {
    const v = from(' { "a" : [1, 2.5, "x", {}], "b": null, "a2": [] } ') as LMapping;
    expect(v.keys()).toEqual(['a', 'b', 'a2']);
    const a = v.get('a') as Value[];
    expect(a[0]).toBe(1);
    expect((a[1] as LFloat).f).toBe(2.5);
    expect(a[2]).toBe('x');
    expect((a[3] as LMapping).size).toBe(0);
    expect(v.has('b')).toBe(true);
    expect(Object.is(v.get('b'), -0)).toBe(true);
  });
  it('keeps the last of duplicate keys', () => {
    expect((from('{"a":1,"a":2}') as LMapping).get('a')).toBe(2);
  });
  it('round-trips through to_json', () => {
    const v = mapping(['list', [1, new LFloat(2), 'three', mapping(['x', -5])]], ['s', 'q"\\\n']);
    expect(from(to(v))).toEqual(v);
  });
  const bad: [string, string][] = [
    ['', 'incomplete JSON'],
    ['[1,2', 'incomplete JSON'],
    ['[1 2]', 'expected comma'],
    ['{"a" 1}', 'expected colon'],
    ['{a:1}', 'expected quotes'],
    ['tru', 'incomplete JSON'],
    ['nul!', 'syntax error'],
    ['01', 'syntax error'],
    ['1.', 'syntax error'],
    ['+1', 'syntax error'],
    ['[1,]', 'syntax error'],
    ['"a\nb"', 'illegal control character'],
    ['"\\x"', 'illegal escape char'],
    ['"\\u12G4"', 'expected hex digit'],
    ['"\\udc00"', 'illegal leading surrogate'],
    ['"\\ud800x"', 'illegal trailing surrogate'],
    ['1 2', 'extra data'],
    ['['.repeat(33) + '1' + ']'.repeat(33), 'too deep'],
  ];
  for (const [text, why] of bad) {
    it(`rejects ${JSON.stringify(text)} (${why})`, () => {
      expect(lpcError(() => from(text))).toBe(`from_json: invalid JSON: ${why}\n`);
    });
  }
  it('accepts 32 levels of nesting', () => {
    expect(from('['.repeat(32) + ']'.repeat(32))).toBeTruthy();
  });
  it('reads UTF-8 buffers and rejects invalid UTF-8', () => {
    const d = efuns.decls.find((x) => x.name === 'from_json')!;
    const bytes = new TextEncoder().encode('{"k":"é"}');
    expect((d.impl(rt, new LBuffer(bytes)) as LMapping).get('k')).toBe('é');
    expect(lpcError(() => d.impl(rt, new LBuffer(new Uint8Array([0x22, 0xff, 0x22]))))).toBe(
      'from_json: invalid JSON: invalid UTF-8\n',
    );
    expect(lpcError(() => d.impl(rt, 5))).toBe('Bad argument 1 to from_json()\n');
  });
  it('enforces MaxArraySize and MaxMappingSize', () => {
    const small = createFakeRuntime({ maxArraySize: 2, maxMappingSize: 1 });
    expect(() => fromJson(small, '[1,2,3]')).toThrow('Illegal array size.\n');
    expect(() => fromJson(small, '{"a":1,"b":2}')).toThrow('Mapping too large.\n');
  });
});
