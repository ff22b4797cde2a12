import { describe, expect, it } from 'vitest';
import { lexFile } from '../../driver/lpc/lexer.js';
import type { Token } from '../../driver/lpc/tokens.js';

const lex = (src: string): Token[] => lexFile(src, 0).filter((t) => t.kind !== 'eof');
const kv = (src: string) => lex(src).map((t) => [t.kind, t.value]);
const values = (src: string) => lex(src).map((t) => t.value);
const errors = (src: string) => lex(src).filter((t) => t.kind === 'error').map((t) => t.value.code);

describe('lexer: identifiers and keywords', () => {
  it('separates keywords from identifiers', () => {
    expect(kv('int double x_1 foreach in ref efun')).toEqual([
      ['kw', 'int'], ['kw', 'double'], ['id', 'x_1'], ['kw', 'foreach'], ['id', 'in'], ['id', 'ref'], ['id', 'efun'],
    ]);
  });
});

describe('lexer: integers', () => {
  it('reads decimal, hex, binary and separators; a leading 0 stays decimal (Neolith)', () => {
    expect(values('42 0x1F 0X1f 017 09 0b101 1_000_000 0')).toEqual([42, 31, 31, 17, 9, 5, 1000000, 0]);
  });
  it('reads char literals as ints', () => {
    expect(values("'a' '\\n' '\\'' '\\x41' '\\0' '你'")).toEqual([97, 10, 39, 65, 0, 0x4f60]);
  });
  it('uses bigint outside the safe range and wraps at 64 bits', () => {
    expect(values('9007199254740993 9223372036854775807 0xFFFFFFFFFFFFFFFF 9007199254740991')).toEqual([
      9007199254740993n, 9223372036854775807n, -1, 9007199254740991,
    ]);
  });
  it('rejects malformed numbers', () => {
    expect(errors('0x')).toEqual(['lex-bad-number']);
    expect(errors('12abc')).toEqual(['lex-bad-number']);
  });
});

describe('lexer: floats', () => {
  it('reads every float spelling', () => {
    expect(kv('1.5 .5 1e4 0.3f 3e+4d 1. 2E-2')).toEqual([
      ['float', 1.5], ['float', 0.5], ['float', 1e4], ['float', 0.3], ['float', 3e4], ['float', 1], ['float', 0.02],
    ]);
  });
  it('keeps `1..5` a range, not a float', () => {
    expect(kv('1..5')).toEqual([['int', 1], ['punct', '..'], ['int', 5]]);
  });
});

describe('lexer: strings', () => {
  it('decodes C escapes', () => {
    expect(values('"a\\n\\t\\"\\\\\\x41\\101\\e\\r\\a"')).toEqual(['a\n\t"\\AA\x1b\r\x07']);
  });
  it('continues a string over a spliced line', () => {
    const t = lex('"ab\\\ncd" x');
    expect(t[0].value).toBe('abcd');
    expect(t[1].line).toBe(2);
  });
  it('ends a string with a raw newline before a directive line', () => {
    const t = lex('"ab\n#endif\n');
    expect(t.map((x) => x.kind)).toEqual(['error', 'string', 'punct', 'id']);
    expect(t[3]).toMatchObject({ value: 'endif', line: 2 });
  });
  it('reports an unterminated string', () => {
    expect(errors('"abc\nx')).toEqual(['lex-unterminated-string']);
  });
  it('warns about unknown escapes and keeps them as written (Neolith)', () => {
    const t = lex('"\\q"');
    expect(t.map((x) => x.kind)).toEqual(['error', 'string']);
    expect(t[1].value).toBe('\\q');
  });
  it('keeps a raw newline inside a string (MudOS) and counts the line', () => {
    const t = lex('"a\nb" x');
    expect(t[0].value).toBe('a\nb');
    expect(t[1].line).toBe(2);
  });
});

describe('lexer: punctuators', () => {
  it('reads LPC brackets and operators', () => {
    expect(values('(: :) ({ }) ([ ]) .. ... :: -> $1 $( <<= >>= ## #')).toEqual([
      '(:', ':', ')', '({', '}', ')', '([', ']', ')', '..', '...', '::', '->', 1, '$(', '<<=', '>>=', '##', '#',
    ]);
  });
  it('allows blanks and newlines inside `({`, `([` and `(:` (Neolith)', () => {
    const t = lex('( {\n 1 }) (\t[ ]) ( : f :) x');
    expect(t.map((x) => x.value)).toEqual(['({', 1, '}', ')', '([', ']', ')', '(:', 'f', ':', ')', 'x']);
    expect(t[1].line).toBe(2);
  });
  it('reads `(::f())` as a parenthesised super call', () => {
    expect(values('(::f())')).toEqual(['(', '::', 'f', '(', ')', ')']);
  });
  it('reports illegal characters', () => {
    const t = lex('a ` b');
    expect(t[1].value).toEqual({ code: 'lex-illegal-char', args: ['60', '`'] });
  });
});

describe('lexer: comments, lines and directives', () => {
  it('ignores a byte order mark and accepts CRLF line ends', () => {
    expect(kv('\ufeffint x;\r\ny')).toEqual([['kw', 'int'], ['id', 'x'], ['punct', ';'], ['id', 'y']]);
    expect(lex('a\r\nb')[1].line).toBe(2);
  });
  it('skips comments and counts lines', () => {
    const t = lex('a // c\n/* x\ny */ b\nc');
    expect(t.map((x) => [x.value, x.line, x.bol])).toEqual([['a', 1, true], ['b', 3, true], ['c', 4, true]]);
  });
  it('reports an unterminated comment', () => {
    expect(errors('a /* x')).toEqual(['lex-unterminated-comment']);
  });
  it('marks indented directives and lexes include headers', () => {
    const t = lex('  #include <sys/x.h>\n');
    expect(t.map((x) => [x.kind, x.value, x.bol])).toEqual([['punct', '#', true], ['id', 'include', false], ['header', 'sys/x.h', false]]);
  });
  it('keeps the raw text of #error lines', () => {
    const t = lex("#error don't do that\nx");
    expect(t[2]).toMatchObject({ kind: 'text', value: "don't do that" });
    expect(t[3]).toMatchObject({ value: 'x', bol: true, line: 2 });
  });
  it('keeps a lone quote in a directive line inert', () => {
    expect(kv("#define Q it'\nx")).toEqual([['punct', '#'], ['id', 'define'], ['id', 'Q'], ['id', 'it'], ['punct', "'"], ['id', 'x']]);
    expect(kv("#define C 'a'")[3]).toEqual(['int', 97]);
    expect(kv("#define C '\\x41' '\\101' '你'").slice(3).map((x) => x[1])).toEqual([65, 65, 0x4f60]);
  });
  it('treats a spliced newline as whitespace, not a new line', () => {
    const t = lex('#define A 1 \\\n + 2\nB');
    expect(t.map((x) => x.bol)).toEqual([true, false, false, false, false, false, true]);
  });
});

describe('lexer: text blocks', () => {
  it('reads @END blocks as one string with newlines', () => {
    const t = lex('x = @END\nline 1\n  line 2\nEND;\ny');
    expect(t.map((x) => x.value)).toEqual(['x', '=', 'line 1\n  line 2\n', ';', 'y']);
    expect(t[3].line).toBe(4);
    expect(t[4].line).toBe(5);
  });
  it('keeps @END block text literal, backslashes and quotes included (Neolith lex.c)', () => {
    expect(lex('@END\na\\tb "q"\nEND')[0].value).toBe('a\\tb "q"\n');
    expect(lex('@END\nEND')[0].value).toBe('');
    expect(lex('@END\nx\nEND')).toHaveLength(1);
  });
  it('reads @@END blocks as an array of lines', () => {
    const t = lex('@@EOT\na\nb\nEOT');
    expect(t[0]).toMatchObject({ kind: 'strarray', value: ['a', 'b'] });
  });
  it('reports an unterminated block', () => {
    expect(errors('@END\nabc\n')).toEqual(['pp-text-block']);
  });
});
