// The MudOS regular-expression dialect (driver/efuns/regexp-dialect.ts) and the
// regexp()/reg_assoc() efuns. Expected values follow MudOS v22 and the
// MudOS/FluffOS testsuite (regexp.lpc, reg_assoc.lpc).
import { describe, expect, it } from 'vitest';
import { efuns } from '../../driver/efuns/strings.js';
import { translateRegexp, compileRegexp, regexp, regAssoc } from '../../driver/efuns/regexp-dialect.js';
import { LpcError } from '../../driver/vm/errors.js';
import type { Value } from '../../driver/vm/values.js';
import { createFakeRuntime, efunCaller } from './fake-runtime.js';

const rt = createFakeRuntime();
/** Calls a string efun by name through its declaration (argument checks included). */
const efun = efunCaller(efuns, rt);
const call = (name: string, ...args: Value[]) => efun(name)(...args);

describe('regular expressions', () => {
  it('translates MudOS syntax', () => {
    expect(translateRegexp('a\\.b')).toEqual({ source: 'a\\.b' });
    expect(translateRegexp('\\d')).toEqual({ source: 'd' });
    expect(translateRegexp('[]a-c]')).toEqual({ source: '[\\]ab-c]' });
    expect(translateRegexp('+')).toEqual({ error: '+ follows nothing\n' });
    expect(translateRegexp('a**')).toEqual({ error: 'nested *?+\n' });
    expect(translateRegexp('[ab')).toEqual({ error: 'unmatched []\n' });
    expect(translateRegexp('(a')).toEqual({ error: 'unmatched ()\n' });
    expect(translateRegexp('a\\{2\\}')).toEqual({ error: 'sorry, unimplemented operator\n' });
  });
  it('supports word boundaries and sets', () => {
    const re = compileRegexp(rt, '\\<cat\\>');
    expect(re.test('a cat sat')).toBe(true);
    expect(re.test('concatenate')).toBe(false);
    expect(compileRegexp(rt, '^[^0-9]+$').test('abc')).toBe(true);
    expect(compileRegexp(rt, 'a.c').test('a\nc')).toBe(true);
  });
  it('tests single strings', () => {
    expect(regexp(rt, 'tabba', 'a*b')).toBe(1);
    expect(regexp(rt, 'tbba', 'a+b')).toBe(0);
  });
  it('filters arrays, optionally inverted and with indices', () => {
    expect(regexp(rt, ['foo', 'bar', 'bazz'], 'b')).toEqual(['bar', 'bazz']);
    expect(regexp(rt, ['foo', 'bar', 'bazz'], '^...$')).toEqual(['foo', 'bar']);
    expect(regexp(rt, ['foo', 'bar', 'bazz'], '(oo|zz)', 1)).toEqual(['foo', 1, 'bazz', 3]);
    expect(regexp(rt, ['foo', 'bar', 5], 'oo', 2)).toEqual(['bar']);
  });
  it('raises errors for bad patterns and arguments', () => {
    expect(() => regexp(rt, 'foo', '+')).toThrow(LpcError);
    expect(() => regexp(rt, ['foo', 'bar'], '+')).toThrow('+ follows nothing\n');
    expect(() => call('regexp', 'foo', 'bar', 1)).toThrow(/3rd argument illegal/);
    expect(() => call('regexp', 'foo', 'bar', 'bazz')).toThrow(/Bad argument 3 to regexp/);
  });
  it('splits with reg_assoc', () => {
    expect(regAssoc(rt, 'testhahatest', ['haha', 'te'], [2, 3], 4))
      .toEqual([['', 'te', 'st', 'haha', '', 'te', 'st'], [4, 3, 4, 2, 4, 3, 4]]);
    expect(regAssoc(rt, 'abc', [], [])).toEqual([['abc'], [0]]);
    expect(regAssoc(rt, 'a1b22', ['[0-9]+'], ['N'])).toEqual([['a', '1', 'b', '22', ''], [0, 'N', 0, 'N', 0]]);
  });
  it('rejects bad reg_assoc arguments', () => {
    expect(() => call('reg_assoc', 'foo', [1], [2, 3])).toThrow(/sizes must be identical/);
    expect(() => call('reg_assoc', 'foo', [1, 2], [2, 3])).toThrow(/Non-string found in pattern array/);
    expect(() => call('reg_assoc', 'foo', ['bar', '+'], [0, 1])).toThrow(/follows nothing/);
  });
});
