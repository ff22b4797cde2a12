// sprintf(): MudOS v22 formatting (driver/efuns/sprintf.ts). Expected strings
// follow the MudOS docs and the MudOS/FluffOS testsuite
// (testsuite/single/tests/efuns/sprintf.lpc), plus COMPAT.md's rules.
import { describe, expect, it } from 'vitest';
import { sprintf, printf, sprintfEfuns } from '../../driver/efuns/sprintf.js';
import { LpcError } from '../../driver/vm/errors.js';
import { LBuffer, LClassValue, LFloat, LMapping, type Value } from '../../driver/vm/values.js';
import { createFakeRuntime, FakeFunction, FakeObject } from './fake-runtime.js';

const rt = createFakeRuntime();
const sp = (fmt: string, ...args: Value[]) => sprintf(rt, fmt, ...args);
const fl = (f: number) => new LFloat(f);

describe('integers', () => {
  it('prints the integer conversions', () => {
    expect(sp('%d %i %o %x %X', 345, -345, 73, 169, 169)).toBe('345 -345 111 a9 A9');
  });
  it('honours + and space for positive numbers', () => {
    expect(sp('%+d %+d % d % d', 5, -5, 5, -5)).toBe('+5 -5  5 -5');
  });
  it('pads with zeros after the sign (COMPAT.md rule 3)', () => {
    expect(sp('%05d', -7)).toBe('-0007');
    expect(sp('%05d', 42)).toBe('00042');
    expect(sp('%+05d', 7)).toBe('+0007');
    expect(sp('%08x', 255)).toBe('000000ff');
  });
  it('pads a left-justified number with spaces even with 0', () => {
    expect(sp('%-05d|', -7)).toBe('-7   |');
  });
  it('prints 64-bit values exactly', () => {
    expect(sp('%d', 9223372036854775807n)).toBe('9223372036854775807');
    expect(sp('%d', -9223372036854775808n)).toBe('-9223372036854775808');
    expect(sp('%x', 9007199254740993n)).toBe('20000000000001');
  });
  it('prints negative numbers in hex and octal as 64-bit two\'s complement', () => {
    expect(sp('%x', -1)).toBe('ffffffffffffffff');
    expect(sp('%o', -8)).toBe('1777777777777777777770');
  });
  it('uses precision as a minimum digit count', () => {
    expect(sp('%.5d', 42)).toBe('00042');
    expect(sp('%.4x', 10)).toBe('000a');
  });
  it('prints %c as a character, including non-ASCII', () => {
    expect(sp('%c%c', 65, 0x4f60)).toBe('A你');
    expect(sp('%c', 27)).toBe('\x1b');
    expect(sp('[%c]', 0)).toBe('[]');
  });
  it('prints the undefined zero as 0', () => {
    expect(sp('%d %x %O %s', -0, -0, -0, -0)).toBe('0 0 0 0');
  });
  it('accepts a float for %d (truncated), as FluffOS does', () => {
    expect(sp('%d', fl(123.9))).toBe('123');
    expect(sp('%d', fl(-2.5))).toBe('-2');
  });
  it('rejects other types with MudOS wording', () => {
    expect(() => sp('%d', 'x')).toThrow('ERROR: (s)printf(): Incorrect argument type to %d.\n');
    expect(() => sp('%x', fl(1))).toThrow(/Incorrect argument type to %x/);
  });
});

describe('floats', () => {
  it('prints %f with six decimals by default', () => {
    expect(sp('%f', fl(1.234))).toBe('1.234000');
    expect(sp('%f', 123)).toBe('123.000000');
    expect(sp('%f', 0)).toBe('0.000000');
  });
  it('rounds half to even on the exact binary value, as C does', () => {
    expect(sp('%.2f', fl(2.675))).toBe('2.67');
    expect(sp('%.0f', fl(2.5))).toBe('2');
    expect(sp('%.0f', fl(3.5))).toBe('4');
    expect(sp('%.1f', fl(0.25))).toBe('0.2');
  });
  it('prints large values without exponent in %f', () => {
    expect(sp('%f', fl(1e22))).toBe('10000000000000000000000.000000');
  });
  it('prints %e and %g like C', () => {
    expect(sp('%e', fl(12345.678))).toBe('1.234568e+04');
    expect(sp('%E', fl(0.000123))).toBe('1.230000E-04');
    expect(sp('%g %g %g %g', fl(0.0001), fl(100000), fl(1000000), fl(1.5))).toBe('0.0001 100000 1e+06 1.5');
    expect(sp('%g', fl(0.00001234))).toBe('1.234e-05');
    expect(sp('%.3g', fl(3.14159))).toBe('3.14');
  });
  it('handles rounding that changes the exponent, and zero', () => {
    expect(sp('%g %.3e %e %g', fl(9.9999999), fl(9.9996), fl(0), fl(-0))).toBe('10 1.000e+01 0.000000e+00 -0');
    expect(sp('%.0e %.0g %G', fl(15), fl(0.5), fl(1e-10))).toBe('2e+01 0.5 1E-10');
  });
  it('prints signs and specials', () => {
    expect(sp('%+.1f %.1f', fl(1), fl(-0.04))).toBe('+1.0 -0.0');
    expect(sp('%f %f', fl(Infinity), fl(-Infinity))).toBe('inf -inf');
  });
  it('pads floats', () => {
    expect(sp('%8.2f|%-8.2f|%08.2f', fl(3.14159), fl(3.14159), fl(-3.14159))).toBe('    3.14|3.14    |-0003.14');
  });
  it('clamps huge precision instead of failing', () => {
    expect(sp('%.2000f', fl(1)).length).toBeGreaterThan(1000);
  });
});

describe('strings', () => {
  it('justifies within the field', () => {
    expect(sp('%-10s|', '12345')).toBe('12345     |');
    expect(sp('%10s|', '12345')).toBe('     12345|');
    expect(sp('%|10s|', '12345')).toBe('   12345  |');
  });
  it('centres leaning left with both - and | (FluffOS)', () => {
    expect(sp('%-|10s', '12345')).toBe('  12345   ');
  });
  it('keeps trailing padding of a string at the end of the format', () => {
    expect(sp('%-10s', '12345')).toBe('12345     ');
    expect(sp('%6-|s', '')).toBe('      ');
  });
  it('drops trailing padding of numbers at the end of a line (MudOS)', () => {
    expect(sp('%-10d', 12345)).toBe('12345');
    expect(sp('%-10d\n', 12345)).toBe('12345\n');
    expect(sp('%|10d', 12345)).toBe('   12345');
    expect(sp('%-10d|', 12345)).toBe('12345     |');
  });
  it('truncates to the precision', () => {
    expect(sp('%.6s', 'very long string')).toBe('very l');
    expect(sp('%-8.3s|', 'abcdef')).toBe('abc     |');
  });
  it('uses a pad string, cycling it', () => {
    expect(sp("%'xyzzy'12s", 'foo')).toBe('xyzzyxyzzfoo');
    expect(sp("%-'xyzzy'8s|", 'foo')).toBe('fooxyzzy|');
    expect(sp("%|'*'9s", 'foo')).toBe('***foo***');
    expect(sp("%'\\''5s", 'a')).toBe("''''a");
  });
  it('lets the later of 0 and a pad string win', () => {
    expect(sp("%'x'05s", 'a')).toBe('0000a');
    expect(sp("%05'x's", 'a')).toBe('xxxxa');
  });
  it('takes width and precision from * arguments', () => {
    expect(sp('%*d|%-*s|%.*s', 5, 42, 4, 'a', 2, 'abc')).toBe('   42|a   |ab');
    expect(sp('%-*s|', -3, 'ab')).toBe('ab|');
  });
  it('sets width and precision at once with :', () => {
    expect(sp('%:3s|', 'abcdef')).toBe('abc|');
    expect(sp('%:5s|', 'ab')).toBe('   ab|');
  });
  it('prints 0 for a zero %s argument', () => {
    expect(sp('%s', 0)).toBe('0');
  });
  it('counts code points, not UTF-16 units, for widths', () => {
    expect(sp('%-4s|', '😀')).toBe('😀   |');
    expect(sp('%3s|', '你好')).toBe(' 你好|');
    expect(sp('%.1s', '😀x')).toBe('😀');
  });
  it('does not count ANSI escape sequences in widths', () => {
    const red = '\x1b[31m';
    const reset = '\x1b[0m';
    expect(sp('%|10s', red + 'test' + reset)).toBe('   ' + red + 'test' + reset + '   ');
    expect(sp('%-10s', red + 'test' + reset)).toBe(red + 'test' + reset + '      ');
    expect(sp('%10s', red + reset)).toBe('          ' + red + reset);
  });
  it('rejects a non-string, non-zero %s argument', () => {
    expect(() => sp('%s', 5)).toThrow('(s)printf(): Incorrect argument to type %s. (arg: 0)\n');
  });
});

describe('column mode', () => {
  it('wraps words at the field width', () => {
    expect(sp('%-=6s', 'this is a very long sentence.')).toBe('this\nis a\nvery\nlong\nsenten\nce.');
  });
  it('right-justifies a short column', () => {
    expect(sp('%30=s', 'Mit indent sieht das so aus')).toBe('   Mit indent sieht das so aus');
  });
  it('runs columns side by side', () => {
    expect(sp('%-=10s %-=20s\n', 'one\ntwo\nthree', 'line1\nline2\nline3'))
      .toBe('one        line1\ntwo        line2\nthree      line3\n');
  });
  it('continues a column below later text at its starting position', () => {
    expect(sp('> %-=5s <\n', 'aaa bbb ccc')).toBe('> aaa   <\n  bbb\n  ccc\n');
  });
  it('breaks a word longer than the column (MudOS; FluffOS now lets it overflow)', () => {
    expect(sp('%-=4s', 'abcdefgh')).toBe('abcd\nefgh');
  });
  it('uses the precision as the wrap width', () => {
    expect(sp('%-10.4=s|', 'ab cd ef')).toBe('ab        |\ncd\nef');
  });
  it('requires a field size', () => {
    expect(() => sp('%=s', 'x')).toThrow('(s)printf(): Column/table mode requires a field size. (arg: 0)\n');
  });
});

describe('table mode', () => {
  const words = 'This\nis\na\ntest\nof\nsprintf\ntable\nmode\n';
  it('lays out words in the given number of columns', () => {
    expect(sp('xxx%#-20.5s\n', words)).toBe('xxxThisa   of  tabl\n   is  testsprimode\n');
  });
  it('pads tables with a pad string', () => {
    expect(sp("xxx%#-'y'20.5s\n", words)).toBe('xxxThisayyyofyytablyyyy\n   isyytestsprimodeyyyy\n');
  });
  it('finds a best fit when no precision is given', () => {
    expect(sp('%#-20s\n', 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\no\n')).toBe('a   d   g   j   o\nb   e   h   k   \nc   f   i   l   \n');
  });
  it('shrinks to the number of words when there are fewer than columns', () => {
    expect(sp('%#-12.4s|', 'a\nb')).toBe('a  b|');
  });
});

describe('arrays (@)', () => {
  it('applies the conversion to each element', () => {
    expect(sp('%@-5d|', [1, 2, 3])).toBe('1    2    3    |');
    // The rest of the format follows once, after all elements.
    expect(sp('%@s,', ['a', 'b'])).toBe('ab,');
  });
  it('prints nothing for an empty array', () => {
    expect(sp('[%@d]', [])).toBe('[]');
  });
  it('formats every element with %@O', () => {
    expect(sp('%@O|', [1, 'a'])).toBe('1"a"|');
    expect(sp('%@-4O|', [1, 'a'])).toBe('1   "a" |');
  });
  it('requires an array', () => {
    expect(() => sp('%@d', 5)).toThrow('(s)printf(): Array expected. (arg: 0)\n');
  });
});

describe('%O', () => {
  it('prints scalars', () => {
    expect(sp('%O', 1)).toBe('1');
    expect(sp('%O', fl(1.5))).toBe('1.500000');
    expect(sp('%O', 'foo')).toBe('"foo"');
    expect(sp('%O', 'a\n"b"\\')).toBe('"a\\n\\"b\\"\\\\"');
  });
  it('prints arrays in MudOS layout', () => {
    expect(sp('%O', [])).toBe('({ })');
    expect(sp('%O', [1, 2])).toBe('({ /* sizeof() == 2 */\n  1,\n  2\n})');
  });
  it('prints mappings in MudOS layout', () => {
    const m = new LMapping();
    m.set(1, 2);
    expect(sp('%O', m)).toBe('([ /* sizeof() == 1 */\n  1 : 2,\n])');
    expect(sp('%O', new LMapping())).toBe('([ ])');
  });
  it('indents nested containers', () => {
    const m = new LMapping();
    m.set('a', [1]);
    expect(sp('%O', [[1], m])).toBe(
      '({ /* sizeof() == 2 */\n  ({ /* sizeof() == 1 */\n    1\n  }),\n'
      + '  ([ /* sizeof() == 1 */\n    "a" : ({ /* sizeof() == 1 */\n        1\n      }),\n  ])\n})',
    );
  });
  it('stops at deep nesting with ...', () => {
    const a: Value[] = [];
    a.push(a);
    expect(sp('%O', a)).toContain('...');
  });
  it('prints objects, functions, buffers and classes', () => {
    const ob = new FakeObject('std/room');
    expect(sp('%O', ob)).toBe('/std/room');
    const named = createFakeRuntime();
    named.objectName = (o) => (o.name === 'std/user#4' ? 'Bob' : '/' + o.name);
    expect(sprintf(named, '%O', new FakeObject('std/user#4'))).toBe('/std/user#4 ("Bob")');
    ob.destructed = true;
    expect(sp('%O', ob)).toBe('0');
    expect(sp('%O', new FakeFunction(() => 0, '(: make_arg, 5 :)'))).toBe('(: make_arg, 5 :)');
    expect(sp('%O', new LBuffer(new Uint8Array(2)))).toBe('<buffer>');
    const cls = new LClassValue({ name: 'point', members: ['x', 'y'] }, [1, 'a']);
    expect(sp('%O', cls)).toBe('CLASS( 2 elements\n  1,\n  "a"\n )');
  });
  it('can be justified like a string', () => {
    expect(sp('%-5O|', 1)).toBe('1    |');
  });
});

describe('format errors', () => {
  it('reports too few arguments', () => {
    expect(() => sp('%d %d', 1)).toThrow('(s)printf(): More arguments specified than passed. (arg: 1)\n');
  });
  it('reports an unknown conversion', () => {
    expect(() => sp('%q', 1)).toThrow('(s)printf(): Error in format string. (arg: 0)\n');
    expect(() => sp('%5', 1)).toThrow(/Error in format string/);
  });
  it('reports a missing precision', () => {
    expect(() => sp('%.s', 'a')).toThrow('(s)printf(): Expected precision not found. (arg: 0)\n');
  });
  it('reports bad pad strings', () => {
    expect(() => sp("%''s", 'a')).toThrow(/Null pad string specified/);
    expect(() => sp("%'ab", 'a')).toThrow(/Unexpected end of format string/);
  });
  it('reports a bad * argument', () => {
    expect(() => sp('%*d', 'x', 1)).toThrow(/Incorrect argument type to \*/);
  });
  it('refuses output beyond the maximum string length', () => {
    const small = createFakeRuntime({ maxStringLength: 100 });
    expect(() => sprintf(small, '%200s', 'x')).toThrow(/BUFF_SIZE overflowed/);
  });
  it('throws LpcError', () => {
    expect(() => sp('%d')).toThrow(LpcError);
  });
});

describe('plain text', () => {
  it('copies text and %%', () => {
    expect(sp('100%% sure\n')).toBe('100% sure\n');
    expect(sp('')).toBe('');
    expect(sp('a\nb')).toBe('a\nb');
  });
});

describe('printf and declarations', () => {
  it('writes through the runtime', () => {
    const r = createFakeRuntime();
    printf(r, 'hi %s\n', 'bob');
    expect(r.written).toEqual(['hi bob\n']);
  });
  it('declares sprintf and printf, checking the format argument', () => {
    const decl = sprintfEfuns.find((d) => d.name === 'sprintf')!;
    expect(decl.impl(rt, '%d', 3)).toBe('3');
    expect(() => decl.impl(rt, 3)).toThrow('Bad argument 1 to sprintf()\n');
    expect(sprintfEfuns.map((d) => d.name)).toEqual(['sprintf', 'printf']);
  });
});
