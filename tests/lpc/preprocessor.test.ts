import { describe, expect, it } from 'vitest';
import { normalizePath } from '../../driver/lpc/preprocessor.js';
import { pp } from './helpers.js';

describe('preprocessor: #include', () => {
  it('finds "x" relative to the including file, then in IncludeDir', () => {
    const r = pp('#include "sub/a.h"\n#include "b.h"\nz', {
      '/sub/a.h': '#include "c.h"\na',
      '/sub/c.h': 'c',
      '/include/b.h': 'b',
    });
    expect(r.text).toBe('c a b z');
    expect(r.files).toEqual(['/test.c', '/sub/a.h', '/sub/c.h', '/include/b.h']);
  });
  it('searches only IncludeDir for <x>', () => {
    expect(pp('#include <a.h>', { '/a.h': 'local', '/include/a.h': 'global' }).text).toBe('global');
  });
  it('accepts a macro naming the include', () => {
    expect(pp('#define INC "a.h"\n#include INC', { '/include/a.h': 'ok' }).text).toBe('ok');
  });
  it('keeps include paths inside the mudlib', () => {
    expect(normalizePath('/a/../../etc/passwd')).toBeNull();
    expect(normalizePath('/a/./b/../c')).toBe('/a/c');
    const r = pp('#include "../../etc/passwd"', { '/etc/passwd': 'x' });
    expect(r.messages).toEqual(['/test.c line 1: Cannot #include ../../etc/passwd']);
  });
  it('reports a missing include and a bad include line', () => {
    expect(pp('#include <nope.h>').messages).toEqual(['/test.c line 1: Cannot #include nope.h']);
    expect(pp('\n#include nope').messages).toEqual(['/test.c line 2: Missing leading " or < in #include']);
  });
  it('limits include depth', () => {
    const r = pp('#include "self.h"', { '/self.h': '#include "self.h"\n' }, { maxIncludeDepth: 5 });
    expect(r.messages).toEqual(['/self.h line 1: Maximum include depth exceeded']);
  });
  it('auto-includes GlobalInclude', () => {
    const r = pp('X', { '/include/globals.h': '#define X 42' }, { globalInclude: '<globals.h>' });
    expect(r.text).toBe('42');
  });
  it('gives tokens from includes their own file and line', () => {
    const r = pp('a\n#include "i.h"\nb', { '/i.h': '\n\nx' });
    expect(r.tokens.filter((t) => t.kind !== 'eof').map((t) => [t.text, t.file, t.line])).toEqual([
      ['a', 0, 1], ['x', 1, 3], ['b', 0, 3],
    ]);
  });
});

describe('preprocessor: the shared include cache', () => {
  it('re-stamps cached include tokens with the current file id', () => {
    const lib = { '/x.h': 'int x;', '/y.h': 'int y;\n`' };
    const a = pp('#include "x.h"\n#include "y.h"', lib);
    expect(a.files).toEqual(['/test.c', '/x.h', '/y.h']);
    const b = pp('#include "y.h"', lib);
    expect(b.files).toEqual(['/test.c', '/y.h']);
    expect(b.tokens.filter((t) => t.kind !== 'eof').map((t) => t.file)).toEqual([1, 1, 1]);
    expect(b.messages).toEqual(["/y.h line 2: Illegal character (hex 60) '`'"]);
  });
  it('expands __FILE__ and __DIR__ in directives of a cached include with the current file', () => {
    const lib = { '/p.h': 'x', '/d/q.h': '#if __FILE__ == "/d/q.h"\n#include __DIR__ "r.h"\n#endif\nQ', '/d/r.h': 'R' };
    expect(pp('#include "p.h"\n#include "d/q.h"', lib).text).toBe('x R Q');
    const b = pp('#include "d/q.h"', lib);
    expect(b.text).toBe('R Q');
    expect(b.files).toEqual(['/test.c', '/d/q.h', '/d/r.h']);
  });
  it('relexes an include whose text changed', () => {
    expect(pp('#include "z.h"', { '/z.h': 'one' }).text).toBe('one');
    expect(pp('#include "z.h"', { '/z.h': 'two' }).text).toBe('two');
  });
});

describe('preprocessor: #define', () => {
  it('expands object-like and function-like macros', () => {
    expect(pp('#define N 10\n#define SQ(x) ((x)*(x))\nSQ(N+1)').text).toBe('( ( 10 + 1 ) * ( 10 + 1 ) )');
  });
  it('treats `#define F (x)` (blank before the paren) as object-like', () => {
    expect(pp('#define F (x)\nF(1)').text).toBe('( x ) ( 1 )');
  });
  it('leaves a function-like macro name alone without arguments', () => {
    expect(pp('#define F(x) x\nF + 1').text).toBe('F + 1');
  });
  it('stringifies and pastes', () => {
    const r = pp('#define S(x) #x\n#define CAT(a, b) a ## b\nS(a  + "q") CAT(foo, 12) CAT(+, =)');
    expect(r.tokens.slice(0, 1).map((t) => t.value)).toEqual(['a + "q"']);
    expect(r.tokens.slice(1, 3).map((t) => t.text)).toEqual(['foo12', '+=']);
  });
  it('reports a paste that is not one token', () => {
    expect(pp('#define CAT(a, b) a ## b\nCAT(+, -)').messages).toEqual([
      '/test.c line 2: Pasting "+" and "-" does not give a valid token',
    ]);
  });
  it('expands nested macros but never a macro inside itself', () => {
    expect(pp('#define A B + A\n#define B A * 2\nA').text).toBe('A * 2 + A');
    expect(pp('#define f(x) x + f(x)\nf(1)').text).toBe('1 + f ( 1 )');
  });
  it('expands arguments before substitution, except around ## and #', () => {
    expect(pp('#define X 1\n#define ID(a) a\n#define P(a) a ## 2\nID(X) P(X)').text).toBe('1 X2');
  });
  it('collects arguments across lines and LPC brackets', () => {
    expect(pp('#define FIRST(a, b) a\nFIRST(({ 1, 2 }),\n 3)').text).toBe('({ 1 , 2 } )');
  });
  it('nests square brackets in macro arguments', () => {
    expect(pp('#define B(a, b) b\nB(x[1, 2], 9)').text).toBe('9');
  });
  it('pastes with ## outside #define, after expanding the left word (MudOS lex.c)', () => {
    expect(pp('#define X1 id\n#define X2 ent\nint p = X1##X2;').text).toBe('int p = ident ;');
    expect(pp('#define ident 7\nint q = id##ent;').text).toBe('int q = 7 ;');
    expect(pp('a ## b').text).toBe('a ## b');
  });
  it('pastes two string literals into one (a ## #b)', () => {
    const r = pp('#define TH(a, b) a ###b\nTH("x", 1+2)');
    expect(r.tokens[0]).toMatchObject({ kind: 'string', value: 'x1+2' });
  });
  it('supports variadic macros', () => {
    expect(pp('#define LOG(fmt, ...) printf(fmt, __VA_ARGS__)\nLOG("%d", 1, 2)').text).toBe('printf ( "%d" , 1 , 2 )');
  });
  it('reports wrong argument counts and unterminated calls', () => {
    expect(pp('#define F(a, b) a\nF(1)').messages).toEqual(['/test.c line 2: Wrong number of macro arguments to F']);
    expect(pp('#define F(a) a\nF(1').messages).toEqual(['/test.c line 2: Unterminated argument list for macro F']);
  });
  it('reports # without a parameter and bad definitions', () => {
    expect(pp('#define F(a) #b\nF(1)').messages).toEqual(["/test.c line 2: '#' is not followed by a macro parameter"]);
    expect(pp('#define 1 2').messages).toEqual(['/test.c line 1: Illegal macro symbol']);
    expect(pp('#define F(a 1').messages).toEqual(['/test.c line 1: Illegal macro symbol']);
  });
  it('warns on a different redefinition only', () => {
    expect(pp('#define A 1\n#define A 1\n#define A 2').messages).toEqual(["/test.c line 3: Warning: Macro 'A' redefined"]);
  });
  it('#undef removes a macro', () => {
    expect(pp('#define A 1\n#undef A\nA').text).toBe('A');
  });
  it('splices continued lines', () => {
    expect(pp('#define A 1 + \\\n  2\nA').text).toBe('1 + 2');
  });
  it('gives expanded tokens the line of the macro use', () => {
    const r = pp('#define A x\n\nA');
    expect(r.tokens[0].line).toBe(3);
  });
});

describe('preprocessor: predefined macros', () => {
  it('defines driver macros, __FILE__, __DIR__ and __LINE__', () => {
    const r = pp('__FILE__ __DIR__\n__LINE__ __DRIVER__ __LPC__', {});
    expect(r.tokens.slice(0, 5).map((t) => t.value)).toEqual(['/test.c', '/', 2, 'Lapis', 1]);
  });
  it('takes caller-supplied macros (-D, package macros, __ARGV__)', () => {
    const r = pp('#ifdef __PACKAGE_DB__\nDB\n#endif\nDEBUG __ARGV__', {}, { defines: { __PACKAGE_DB__: '1', DEBUG: '3', __ARGV__: '({ "a" })' } });
    expect(r.text).toBe('DB 3 ({ "a" } )');
  });
  it('protects driver and caller macros, not the FluffOS limits', () => {
    expect(pp('#define __FILE__ 1\n#undef DEBUG\n#define DEBUG 2', {}, { defines: { DEBUG: '1' } }).messages).toEqual([
      '/test.c line 1: Illegal to redefine predefined value.',
      '/test.c line 2: Illegal to #undef a predefined value.',
      '/test.c line 3: Illegal to redefine predefined value.',
    ]);
    expect(pp('#undef MAX_INT\n#define MAX_INT 2147483647\nMAX_INT').text).toBe('2147483647');
  });
  it('names the include in __FILE__ inside an include', () => {
    const r = pp('#include "d/x.h"', { '/d/x.h': '__FILE__ __DIR__' });
    expect(r.tokens.slice(0, 2).map((t) => t.value)).toEqual(['/d/x.h', '/d/']);
  });
});

describe('preprocessor: conditionals', () => {
  it('takes the right branch of #if/#elif/#else', () => {
    const src = (n: number) => `#define N ${n}\n#if N == 1\none\n#elif N == 2\ntwo\n#else\nother\n#endif`;
    expect([1, 2, 3].map((n) => pp(src(n)).text)).toEqual(['one', 'two', 'other']);
  });
  it('evaluates full constant expressions with defined()', () => {
    expect(pp('#define A 3\n#if defined(A) && !defined B && (A * 2 + 1 == 7) && (1 << 3) == 8 && (7 % 4 ? 1 : 0)\nyes\n#endif').text).toBe('yes');
    expect(pp('#if UNKNOWN\nno\n#endif\n#if -1 < 0 && ~0 == -1\nyes\n#endif').text).toBe('yes');
    expect(pp('#if "a" == "a"\nyes\n#endif').text).toBe('yes');
  });
  it('answers efun_defined() from the caller (FluffOS)', () => {
    const src = '#if efun_defined(sha1) && !efun_defined(nope)\nyes\n#endif';
    expect(pp(src, {}, { efunDefined: (n) => n === 'sha1' }).text).toBe('yes');
    expect(pp(src).text).toBe('');
  });
  it('uses 64-bit integers and short-circuits the dead side', () => {
    expect(pp('#if (1 << 40) == 1099511627776 && 9223372036854775807 + 1 < 0\nyes\n#endif').text).toBe('yes');
    expect(pp('#if 0 && 1 / 0\n#elif 1 || 1 % 0\nyes\n#endif').messages).toEqual([]);
    expect(pp('#if 0 ? 1 / 0 : 2\nyes\n#endif').text).toBe('yes');
  });
  it('handles #ifdef/#ifndef and nesting', () => {
    expect(pp('#define A\n#ifdef A\n#ifndef B\nab\n#else\nx\n#endif\n#else\ny\n#endif').text).toBe('ab');
  });
  it('ignores errors and directives inside skipped blocks', () => {
    expect(pp("#if 0\nit's fine ` \n#error no\n#include <nope>\n#endif\nok").messages).toEqual([]);
  });
  it('reports unterminated and unbalanced conditionals', () => {
    expect(pp('#if 1\nx').messages).toEqual(['/test.c line 1: Missing #endif']);
    expect(pp('#endif').messages).toEqual(['/test.c line 1: Unexpected #endif']);
    expect(pp('#else').messages).toEqual(['/test.c line 1: Unexpected #else']);
    expect(pp('#if 1\n#else\n#elif 1\n#endif').messages).toEqual(['/test.c line 3: Unexpected #elif']);
  });
  it('reports bad #if expressions', () => {
    expect(pp('#if 1 +\n#endif').messages).toEqual(['/test.c line 1: Syntax error in #if expression']);
    expect(pp('#if 1 / 0\n#endif').messages).toEqual(['/test.c line 1: Division by zero in #if']);
  });
});

describe('preprocessor: other directives', () => {
  it('collects pragmas including no_ forms', () => {
    const r = pp('#pragma strict_types\n#pragma save_binary, warnings\n#pragma no_warnings\n#pragma bogus');
    expect(r.pragmas).toEqual(['strict_types', 'save_binary']);
    expect(r.messages).toEqual(['/test.c line 4: Warning: Unknown #pragma bogus, ignored']);
  });
  it('reports #error, #warn and #echo', () => {
    expect(pp("#error it's broken\n#warn careful\n#echo hello world").messages).toEqual([
      "/test.c line 1: #error it's broken", '/test.c line 2: Warning: careful', 'hello world',
    ]);
  });
  it('accepts indented directives', () => {
    expect(pp('  #define A 1\n\t#if A\n    yes\n  #endif').text).toBe('yes');
  });
  it('renumbers lines with #line', () => {
    const r = pp('#line 100\nx\ny');
    expect(r.tokens.slice(0, 2).map((t) => t.line)).toEqual([100, 101]);
    expect(pp('#line x').messages).toEqual(['/test.c line 1: Bad #line directive']);
  });
  it('reports unknown directives', () => {
    expect(pp('#frobnicate').messages).toEqual(['/test.c line 1: Unrecognised # directive #frobnicate']);
  });
  it('reports lexer errors from active code only', () => {
    expect(pp('a ` b').messages).toEqual(["/test.c line 1: Illegal character (hex 60) '`'"]);
  });
});
