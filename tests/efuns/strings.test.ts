// String efuns (driver/efuns/strings.ts). Expected values follow MudOS v22 /
// Neolith and the MudOS/FluffOS testsuite (explode.lpc, replace_string.lpc,
// next_bit.lpc, strsrch.lpc). The regexp dialect, hashes and crypt have their
// own suites beside their modules.
import { describe, expect, it } from 'vitest';
import {
  efuns, explode, implode, replaceString, strsrch, repeatString, capitalize, trim, strwidth,
  setBit, clearBit, testBit, nextBit, terminalColour,
} from '../../driver/efuns/strings.js';
import { LMapping, type Value } from '../../driver/vm/values.js';
import { createFakeRuntime, efunCaller, FakeFunction } from './fake-runtime.js';

const rt = createFakeRuntime();
const efun = efunCaller(efuns, rt);
const call = (name: string, ...args: Value[]) => efun(name)(...args);

describe('strlen', () => {
  it('counts code points', () => {
    expect(call('strlen', 'abc')).toBe(3);
    expect(call('strlen', '你好')).toBe(2);
    expect(call('strlen', '😀x')).toBe(2);
    expect(call('strlen', '')).toBe(0);
  });
  it('rejects a non-string', () => {
    expect(() => call('strlen', 5)).toThrow('Bad argument 1 to strlen()\n');
  });
});

describe('explode', () => {
  const tmp = 'this is a test';
  it('splits at a delimiter', () => {
    expect(explode(rt, tmp, ' ')).toEqual(['this', 'is', 'a', 'test']);
    expect(explode(rt, 'abcd', ' and ')).toEqual(['abcd']);
    expect(explode(rt, ' an', ' and ')).toEqual([' an']);
    expect(explode(rt, 'lh15970183750║abcdefghigk║werert', '║')).toEqual(['lh15970183750', 'abcdefghigk', 'werert']);
  });
  it('gives an empty array for an empty string or only delimiters', () => {
    expect(explode(rt, '', ' and ')).toEqual([]);
    expect(explode(rt, '   ', ' ', 'old')).toEqual([]);
    expect(explode(rt, ' ', ' ')).toEqual([]);
  });
  it('splits into characters with an empty delimiter', () => {
    expect(explode(rt, 'ab😀', '')).toEqual(['a', 'b', '😀']);
  });
  it('drops all leading delimiters and one trailing in old mode', () => {
    expect(explode(rt, '     ' + tmp, ' ', 'old')).toEqual(['this', 'is', 'a', 'test']);
    expect(explode(rt, 'this  is  a  test  ', '  ', 'old')).toEqual(['this', 'is', 'a', 'test']);
    expect(explode(rt, '..x.y..z..', '.', 'old')).toEqual(['x', 'y', '', 'z', '']);
  });
  it('drops one leading and one trailing delimiter by default (MudOS v22 SANE_EXPLODE_STRING)', () => {
    expect(explode(rt, '     ' + tmp, ' ')).toEqual(['', '', '', '', 'this', 'is', 'a', 'test']);
    expect(explode(rt, '..x.y..z..', '.')).toEqual(['', 'x', 'y', '', 'z', '']);
    expect(explode(rt, '      this  is  a  test  ', '  ')).toEqual(['', '', 'this', 'is', 'a', 'test']);
    expect(explode(rt, '...', '.')).toEqual(['', '']);
    expect(explode(rt, '.', '.')).toEqual([]);
  });
  it('keeps everything in reversible mode and explode_reversible()', () => {
    expect(explode(rt, '..x.y..z..', '.', 'reversible')).toEqual(['', '', 'x', 'y', '', 'z', '', '']);
    expect(call('explode_reversible', '      ' + 'this  is  a  test  ', '  '))
      .toEqual(['', '', '', 'this', 'is', 'a', 'test', '']);
    const s = '  a  b ';
    expect(implode(rt, call('explode_reversible', s, ' ') as Value[], ' ')).toBe(s);
  });
  it('reads the mode from the runtime limits', () => {
    const sane = createFakeRuntime({ explodeMode: 'sane' });
    expect(explode(sane, '..x', '.')).toEqual(['', 'x']);
    const old = createFakeRuntime({ explodeMode: 'old' });
    expect(explode(old, '..x', '.')).toEqual(['x']);
  });
  it('raises an error beyond the maximum array size (COMPAT.md rule 3: never truncates)', () => {
    const small = createFakeRuntime({ maxArraySize: 3 });
    expect(explode(small, 'a b c', ' ')).toEqual(['a', 'b', 'c']);
    expect(() => explode(small, 'a b c d e', ' ')).toThrow('Illegal array size.\n');
    expect(() => explode(small, 'abcd', '')).toThrow('Illegal array size.\n');
  });
});

describe('implode', () => {
  it('joins strings and skips other values', () => {
    expect(call('implode', ['a', 1, 'b'], ', ')).toBe('a, b');
    expect(call('implode', [], ',')).toBe('');
  });
  it('folds with a function', () => {
    const add = new FakeFunction((a, b) => (a as number) + (b as number));
    expect(call('implode', [1, 2, 3], add)).toBe(6);
    expect(call('implode', [1, 2, 3], add, 10)).toBe(16);
    expect(call('implode', [], add)).toBe(0);
    expect(call('implode', [], add, 7)).toBe(7);
    expect(call('implode', [5], add)).toBe(5);
  });
  it('rejects a third argument with a string', () => {
    expect(() => call('implode', ['a'], ',', 1)).toThrow(/Third argument to implode\(\) is illegal/);
  });
});

describe('replace_string', () => {
  const src = 'This is a test';
  it('replaces every occurrence', () => {
    expect(call('replace_string', src, 'is', 'x')).toBe('Thx x a test');
    expect(call('replace_string', src, 'is', '')).toBe('Th  a test');
    expect(call('replace_string', src, 's', 'foo')).toBe('Thifoo ifoo a tefoot');
    expect(call('replace_string', '  1  2  3   ', '   ', '')).toBe('  1  2  3');
  });
  it('leaves the string alone for an empty pattern or no match', () => {
    expect(call('replace_string', src, '', 'bar')).toBe(src);
    expect(call('replace_string', src, 'foo', 'bar', 5, 4)).toBe(src);
  });
  it('honours max (four arguments)', () => {
    expect(call('replace_string', src, 'is', 'x', 1)).toBe('Thx is a test');
    expect(call('replace_string', 'xyxx', 'x', 'z', 2)).toBe('zyzx');
    expect(call('replace_string', src, 's', '', 2)).toBe('Thi i a test');
  });
  it('honours first..last for long and one-character patterns (COMPAT.md rule 3)', () => {
    expect(call('replace_string', src, 'is', 'x', 2, 2)).toBe('This x a test');
    expect(call('replace_string', src, 'is', 'foo', 0, 1)).toBe('Thfoo is a test');
    expect(call('replace_string', 'xyxxy', 'x', 'z', 2, 3)).toBe('xyzzy');
    expect(call('replace_string', src, 's', 'x', 1, 3)).toBe('Thix ix a text');
    expect(call('replace_string', src, 's', '', 2, 2)).toBe('This i a test');
    expect(call('replace_string', src, 's', 'x', 0, 0)).toBe('Thix ix a text');
  });
  it('gives the undefined zero when the result would be too long', () => {
    const small = createFakeRuntime({ maxStringLength: 10 });
    expect(Object.is(replaceString(small, 'aaaa', 'a', 'xxxx'), -0)).toBe(true);
  });
  it('rejects a sixth argument', () => {
    expect(() => call('replace_string', 'a', 'a', 'b', 1, 2, 3)).toThrow(/Too many args/);
  });
});

describe('strsrch', () => {
  const txt = 'Every day is a new day. 不过话得说回来 luck 😀 luck';
  it('finds substrings and characters by code-point offset', () => {
    expect(strsrch(rt, txt, ' ')).toBe(5);
    expect(strsrch(rt, txt, 'k'.codePointAt(0)!)).toBe(35);
    expect(strsrch(rt, txt, '不过')).toBe(24);
    expect(strsrch(rt, txt, '来')).toBe(30);
    expect(strsrch(rt, txt, 'luck')).toBe(32);
  });
  it('searches from the end with a non-zero flag', () => {
    expect(strsrch(rt, txt, 'luck', -1)).toBe(39);
    expect(strsrch(rt, 'a😀bcb', 'b', -1)).toBe(4);
  });
  it('returns -1 when absent or for an empty needle', () => {
    expect(strsrch(rt, txt, 'z')).toBe(-1);
    expect(strsrch(rt, txt, '')).toBe(-1);
    expect(strsrch(rt, 'ab', 'abc')).toBe(-1);
  });
  it('rejects an invalid character', () => {
    expect(() => strsrch(rt, 'a', 0)).toThrow(/invalid wide character/);
  });
});

describe('case, trim, repeat, width', () => {
  it('capitalizes the first character only', () => {
    expect(capitalize('hello world')).toBe('Hello world');
    expect(capitalize('élan')).toBe('Élan');
    expect(capitalize('')).toBe('');
    expect(capitalize('1abc')).toBe('1abc');
  });
  it('changes case', () => {
    expect(call('lower_case', 'HeLLo')).toBe('hello');
    expect(call('upper_case', 'HeLLo')).toBe('HELLO');
  });
  it('trims whitespace or given characters', () => {
    expect(trim('  a b \n')).toBe('a b');
    expect(call('ltrim', '  a  ')).toBe('a  ');
    expect(call('rtrim', '  a  ')).toBe('  a');
    expect(call('trim', 'xxaxx', 'x')).toBe('a');
  });
  it('repeats strings', () => {
    expect(repeatString(rt, 'ab', 3)).toBe('ababab');
    expect(repeatString(rt, 'ab', 0)).toBe('');
    expect(repeatString(rt, 'ab', -2)).toBe('');
    expect(() => repeatString(createFakeRuntime({ maxStringLength: 5 }), 'ab', 3)).toThrow('repeat_string: String too large.\n');
  });
  it('measures terminal width', () => {
    expect(strwidth('abc')).toBe(3);
    expect(strwidth('你好')).toBe(4);
    expect(strwidth('e\u0301')).toBe(1);
  });
  it('compares strings', () => {
    expect(call('strcmp', 'a', 'b')).toBeLessThan(0);
    expect(call('strcmp', 'b', 'a')).toBeGreaterThan(0);
    expect(call('strcmp', 'ab', 'ab')).toBe(0);
    expect(call('strcmp', 'ab', 'abc')).toBeLessThan(0);
  });
});

describe('bit strings', () => {
  it('sets bits, six per character offset from space', () => {
    expect(setBit(rt, '', 0)).toBe('!');
    expect(setBit(rt, '', 7)).toBe(' "');
    expect(setBit(rt, '!', 5)).toBe('A');
  });
  it('tests, clears and walks bits', () => {
    const bits = setBit(rt, setBit(rt, '', 3), 10);
    expect(testBit(rt, bits, 3)).toBe(1);
    expect(testBit(rt, bits, 4)).toBe(0);
    expect(testBit(rt, bits, 1000)).toBe(0);
    expect(nextBit(bits, -1)).toBe(3);
    expect(nextBit(bits, 3)).toBe(10);
    expect(nextBit(bits, 10)).toBe(-1);
    expect(clearBit(rt, bits, 3)).toBe(' 0');
    expect(clearBit(rt, bits, 100)).toBe(bits);
  });
  it('searches from bit 0 inclusive for a start of 0 (MudOS)', () => {
    expect(nextBit(setBit(rt, '', 0), 0)).toBe(0);
  });
  it('rejects negative and too large bit numbers', () => {
    expect(() => setBit(rt, '', -1)).toThrow('Bad argument 2 (negative) to set_bit().\n');
    expect(() => setBit(rt, '', 1201)).toThrow(/maximum bits: 1200/);
    expect(() => clearBit(rt, 'a', 1)).toThrow(/Illegal bit pattern/);
  });
});

describe('terminal_colour', () => {
  const codes = new LMapping();
  codes.set('RED', '<r>');
  codes.set('RESET', '<0>');
  it('replaces known keys and keeps other pieces as text', () => {
    expect(terminalColour('%^RED%^hot%^RESET%^', codes)).toBe('<r>hot<0>');
    expect(terminalColour('plain', codes)).toBe('plain');
    expect(terminalColour('%^BLUE%^x%^RED%^', codes)).toBe('BLUEx<r>');
    expect(call('terminal_colour', '%^RED%^a', codes)).toBe('<r>a');
  });
  it('wraps at spaces, counting only text', () => {
    expect(terminalColour('aaaa bbbb', codes, 6)).toBe('aaaa\nbbbb');
    expect(terminalColour('%^RED%^aaaa%^RESET%^ bbbb cc', codes, 9)).toBe('<r>aaaa<0> bbbb\ncc');
    expect(terminalColour('one two three', codes, 8, 2)).toBe('one two\n  three');
  });
  it('breaks a word longer than the width', () => {
    expect(terminalColour('abcdefgh', codes, 3)).toBe('abc\ndef\ngh');
  });
  it('counts display columns of wide characters', () => {
    const r = terminalColour('字字字字字字字字字字字字', codes, 10);
    expect(r.split('\n')).toEqual(['字字字字字', '字字字字字', '字字']);
  });
  it('pads lines with a negative width', () => {
    expect(terminalColour('12\n345', codes, -4)).toBe('12  \n345 ');
    expect(terminalColour('12\n345', codes, 4)).toBe('12\n345');
  });
});

describe('declarations', () => {
  it('declares every string efun once, with sprintf and printf', () => {
    const names = efuns.decls.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of ['strlen', 'explode', 'implode', 'replace_string', 'strsrch', 'regexp', 'reg_assoc',
      'capitalize', 'lower_case', 'upper_case', 'crypt', 'crc32', 'set_bit', 'clear_bit', 'test_bit', 'next_bit',
      'repeat_string', 'strwidth', 'sprintf', 'printf']) expect(names).toContain(n);
    expect(efuns.area).toBe('strings');
  });
});
