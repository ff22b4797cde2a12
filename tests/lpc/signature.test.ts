import { describe, expect, it } from 'vitest';
import { parseSignature, parseTypeText, typeToString } from '../../driver/lpc/signature.js';

const T = (base: string, arrayDepth = 0) => ({ base, arrayDepth });

describe('signature: efun prototypes', () => {
  it('reads return type, alternatives and optional arguments', () => {
    expect(parseSignature('string implode(string *, string | function, void | mixed)')).toEqual({
      name: 'implode', returnType: T('string'),
      params: [
        { types: [T('string', 1)], optional: false },
        { types: [T('string'), T('function')], optional: false },
        { types: [T('mixed')], optional: true },
      ],
      minArgs: 2, maxArgs: 3,
    });
  });
  it('reads a star on the function name as part of the return type', () => {
    expect(parseSignature('mixed *allocate(int, void | mixed)')).toMatchObject({ returnType: T('mixed', 1), minArgs: 1, maxArgs: 2 });
  });
  it('reads varargs, empty lists and optional-first spellings', () => {
    expect(parseSignature('string sprintf(string, ...)')).toMatchObject({ minArgs: 1, maxArgs: Infinity });
    expect(parseSignature('int time()')).toMatchObject({ params: [], minArgs: 0, maxArgs: 0 });
    expect(parseSignature('int f(void)')).toMatchObject({ params: [], minArgs: 0, maxArgs: 0 });
    expect(parseSignature('mixed max(mixed *, int | void)')).toMatchObject({ minArgs: 1, maxArgs: 2 });
    expect(parseSignature('void f(mixed ...)')).toMatchObject({ minArgs: 1, maxArgs: Infinity });
  });
  it('drops parameter names', () => {
    expect(parseSignature('int f(string str, int *list)')).toMatchObject({ params: [{ types: [T('string')] }, { types: [T('int', 1)] }] });
  });
  it('returns null for text that is not a prototype', () => {
    expect(parseSignature('not a prototype')).toBeNull();
    expect(parseSignature('int f(widget)')).toBeNull();
  });
});

describe('signature: type text', () => {
  it('reads and prints types', () => {
    expect(parseTypeText('class Foo *')).toEqual({ base: 'class', className: 'Foo', arrayDepth: 1 });
    expect(parseTypeText('array')).toEqual(T('mixed', 1));
    expect(typeToString({ base: 'string', arrayDepth: 2 })).toBe('string **');
    expect(typeToString({ base: 'class', className: 'Foo', arrayDepth: 0 })).toBe('class Foo');
  });
});
