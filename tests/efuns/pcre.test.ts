// PCRE efuns (driver/efuns/pcre.ts): the PCRE → ECMAScript translation
// (what is translated, what is refused) and the efuns against the cases of
// FluffOS's testsuite (testsuite/single/tests/efuns/pcre.lpc), run as LPC.
import { describe, expect, it } from 'vitest';
import { MemoryHost } from '../../driver/vm/host.js';
import { runApp } from '../../driver/app.js';
import { translatePcre, PCRE_A, PCRE_I, PCRE_M, PCRE_S, PCRE_U, PCRE_X } from '../../driver/efuns/pcre.js';

async function run(body: string): Promise<{ out: string; err: string }> {
  const host = new MemoryHost({ '/master.c': `void create() {\n${body}\n}\n` });
  await runApp({ host, appPath: '/master.c', args: [] });
  return { out: host.out, err: host.err };
}

const re = (pattern: string, flags = 0) => {
  const t = translatePcre(pattern, flags);
  return new RegExp(t.source, t.flags);
};

describe('translatePcre', () => {
  it('maps the PCRE flags to RegExp flags (unicode always)', () => {
    // Multiline is translated into the anchors, not the 'm' flag (PCRE's newline is LF only).
    expect(translatePcre('a', PCRE_I | PCRE_M | PCRE_S).flags).toBe('uis');
    expect(translatePcre('a').flags).toBe('u');
    expect(translatePcre('a', PCRE_A).anchored).toBe(true);
  });

  it('turns leading option groups into flags', () => {
    expect(translatePcre('(?i)^abc')).toMatchObject({ source: '^abc', flags: 'ui' });
    expect(re('(?im)^abc').test('x\nABC')).toBe(true);
    expect(translatePcre('(?i)(?-i)x').flags).toBe('u');
  });

  it('translates all three named-group spellings and named back references', () => {
    expect(re('(?P<w>a)(?P=w)').test('aa')).toBe(true);
    expect(re("(?'w'b)\\k{w}").test('bb')).toBe(true);
    expect(re('(?<w>c)\\k<w>\\g{w}').test('ccc')).toBe(true);
    expect(re('(?<w>c)\\g1').test('cc')).toBe(true);
  });

  it('translates anchors and escapes ECMAScript spells differently', () => {
    expect(re('\\Aab\\z').test('ab')).toBe(true);
    expect(re('\\Aab\\z', PCRE_M).test('x\nab')).toBe(false);
    expect(re('ab\\Z').test('ab\n')).toBe(true);
    expect(re('a\\hb').test('a\tb')).toBe(true);
    expect(re('a\\Rb').test('a\r\nb')).toBe(true);
    expect(re('\\x{263A}').test('☺')).toBe(true);
    expect(re('\\e').test('\x1b')).toBe(true);
    expect(re('\\Q.*+\\E!').test('.*+!')).toBe(true);
    expect(re('[[:digit:][:upper:]]+').exec('ab1Z')![0]).toBe('1Z');
  });

  it('accepts escaped punctuation, literal braces and a leading ] in a class', () => {
    expect(re('\\-\\@\\#').test('-@#')).toBe(true);
    expect(re('a{b}').test('a{b}')).toBe(true);
    expect(re('x{2}').test('xx')).toBe(true);
    expect(re('[]a]+').exec(']a]')![0]).toBe(']a]');
  });

  it('uses PCRE\'s newline rules: LF only, and $ also before a final LF', () => {
    expect(re('abc$').test('abc\n')).toBe(true);
    expect(re('abc$').test('abc\n\n')).toBe(false);
    expect(re('a.c').test('a\rc')).toBe(true);
    expect(re('a.c').test('a\nc')).toBe(false);
    expect(re('a.c', PCRE_S).test('a\nc')).toBe(true);
    expect(re('^b$', PCRE_M).test('a\rb\rc')).toBe(false);
    expect(re('^b$', PCRE_M).test('a\nb\nc')).toBe(true);
    expect(re('^', PCRE_M).exec('a\n')!.index).toBe(0);
    expect('a\n'.match(new RegExp(translatePcre('^', PCRE_M).source, 'gu'))!.length).toBe(1);
  });

  it('keeps lookbehind and lookahead', () => {
    expect(re('(?<=\\$)\\d+').exec('cost $42')![0]).toBe('42');
    expect(re('\\d+(?!px)').exec('12px 7em')![0]).toBe('1');
  });

  it('PCRE_U swaps greediness; PCRE_X drops whitespace and comments', () => {
    expect(re('a.*b', PCRE_U).exec('aXbYb')![0]).toBe('aXb');
    expect(re('a.*?b', PCRE_U).exec('aXbYb')![0]).toBe('aXbYb');
    expect(re('a b # comment\n c', PCRE_X).test('abc')).toBe(true);
    expect(re('[ ]x', PCRE_X).test(' x')).toBe(true);
  });

  it('refuses what ECMAScript cannot express, saying what it is', () => {
    expect(() => translatePcre('a++')).toThrow(/possessive/);
    expect(() => translatePcre('(?>a)')).toThrow(/atomic/);
    expect(() => translatePcre('(a|(?R))')).toThrow(/recursion/);
    expect(() => translatePcre('(?(1)a|b)')).toThrow(/conditional/);
    expect(() => translatePcre('a(?i)b')).toThrow(/start of the pattern/);
    expect(() => translatePcre('\\Ga')).toThrow(/\\G/);
    expect(() => translatePcre('[abc')).toThrow(/terminating \]/);
  });
});

describe('pcre efuns (FluffOS testsuite cases)', () => {
  it('pcre_match on a string and on an array', async () => {
    const r = await run(`
      write(sprintf("%O %O %O %O\\n", pcre_match("123", "^[0-9]+$"), pcre_match("abc", "ABC", ${PCRE_I}),
        pcre_match("zabc", "abc", ${PCRE_A}), pcre_match("zabc", "abc")));
      write(sprintf("%O\\n", pcre_match(({ "a1", "bb", "c2" }), "\\\\d")));
      write(sprintf("%O\\n", pcre_match(({ "a1", "bb", "c2" }), "\\\\d", 3)));`);
    expect(r.err).toBe('');
    expect(r.out).toBe('1 1 0 1\n({ /* sizeof() == 2 */\n  "a1",\n  "c2"\n})\n({ /* sizeof() == 2 */\n  "bb",\n  2\n})\n');
  });

  it('pcre_assoc splits like reg_assoc', async () => {
    const r = await run(`
      write(sprintf("%O\\n", pcre_assoc("testhahatest", ({ "haha", "te" }), ({ 2, 3 }), 4)));
      write(sprintf("%O\\n", pcre_assoc("HelloWorld", ({ "hello" }), ({ 1 }), 0, ${PCRE_I})));
      write(sprintf("%O %O %O\\n", catch(pcre_assoc("foo", ({ 1 }), ({ 2, 3 }))) != 0,
        catch(pcre_assoc("foo", ({ 1, 2 }), ({ 2, 3 }))) != 0, catch(pcre_assoc("foo", ({ "bar", "+" }), ({ 0, 1 }))) != 0));`);
    const compact = r.out.replace(/\/\* sizeof\(\) == \d+ \*\/\s*/g, '').replace(/\s+/g, ' ');
    expect(compact).toContain('({ "", "te", "st", "haha", "", "te", "st" })');
    expect(compact).toContain('({ 4, 3, 4, 2, 4, 3, 4 })');
    expect(compact).toContain('({ "", "Hello", "World" })');
    expect(compact).toContain('({ 0, 1, 0 })');
    expect(r.out.trim().split('\n').pop()).toBe('1 1 1');
  });

  it('pcre_extract with and without named groups', async () => {
    const r = await run(`
      write(sprintf("%O\\n", pcre_extract("bbracadabra", "([abc]+)")));
      write(sprintf("%O\\n", pcre_extract("alpha 99", "(?<word>\\\\w+) (?<num>\\\\d+)", 1)));
      write(sprintf("%O\\n", pcre_extract("ac", "(a)(?<b>b)?(c)", 1)));
      write(sprintf("%O\\n", pcre_extract("HELLO", "(hello)", 0, ${PCRE_I})));
      write(sprintf("%O\\n", pcre_extract("xyz", "(a)")));`);
    const compact = r.out.replace(/\s+/g, ' ');
    expect(compact).toContain('({ /* sizeof() == 1 */ "bb" })');
    expect(compact).toContain('"alpha", "99", ([ /* sizeof() == 2 */ "word" : "alpha", "num" : "99", ])');
    expect(compact).toContain('({ /* sizeof() == 4 */ "a", "", "c", ([ ]) })');
    expect(compact).toContain('({ /* sizeof() == 1 */ "HELLO" })');
    expect(r.out.trim().split('\n').pop()).toBe('({ })');
  });

  it('pcre_match_all returns every match with its groups', async () => {
    const r = await run(`
      write(sprintf("%O\\n", pcre_match_all("However, if you need", "(?:[d-z])([a-z]([a-z]+))")));
      write(sprintf("%O\\n", pcre_match_all("a\\nb\\nc", "^b", ${PCRE_M})));`);
    const compact = r.out.replace(/\/\* sizeof\(\) == \d+ \*\/\s*/g, '').replace(/\s+/g, ' ');
    expect(compact).toContain('({ "owever", "wever", "ever" })');
    expect(compact).toContain('({ "you", "ou", "u" })');
    expect(compact).toContain('({ "need", "eed", "ed" })');
    expect(compact).toContain('({ ({ "b" }) })');
  });

  it('pcre_replace replaces the captured groups of the first match', async () => {
    const r = await run(`
      write(pcre_replace("abc", "(A)", ({ "x" }), ${PCRE_I}) + "\\n");
      write(pcre_replace("key=value; k2=v2", "(\\\\w+)=(\\\\w+)", ({ "K", "V" })) + "\\n");
      write(pcre_replace("nothing", "(x)", ({ "y" })) + "\\n");
      write(catch(pcre_replace("abc", "(a)(b)", ({ "x" }))));`);
    expect(r.out).toBe('xbc\nK=V; k2=v2\nnothing\n*Number of captured substrings and replacements do not match, 2 vs 1.\n');
  });

  it('pcre_replace_callback calls back per group, with extra args and flags', async () => {
    const r = await run(`
      write(pcre_replace_callback("foobar", "(foo)", (: $1 + "->" :)) + "\\n");
      write(pcre_replace_callback("abc", "(A)", (: $1 + "!" :), ${PCRE_I}) + "\\n");
      write(pcre_replace_callback("foo-bar-baz", "(\\\\w+)-(\\\\w+)-(\\\\w+)", (: sprintf("[%d:%s]", $2, $1) :)) + "\\n");
      write(pcre_replace_callback("hello world", "(world)", (: $3 + $1 + $4 :), "<", ">") + "\\n");`);
    expect(r.out).toBe('foo->bar\na!bc\n[0:foo]-[1:bar]-[2:baz]\nhello <world>\n');
  });

  it('reports bad and unsupported patterns as errors', async () => {
    const r = await run(`
      write(catch(pcre_match("a", "(")) + "\\n");
      write(catch(pcre_match("a", "a++")) + "\\n");
      write(sprintf("%O\\n", stringp(pcre_version())));`);
    const lines = r.out.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\*PCRE compilation failed: /);
    expect(lines[1]).toBe('*PCRE compilation failed: possessive quantifiers are not supported');
    expect(r.out.trim().split('\n').pop()).toBe('1');
  });
});

// Keep the exported flag values in step with FluffOS include/pcre_flags.h.
it('uses FluffOS flag values', () => {
  expect([PCRE_I, PCRE_M, PCRE_S, PCRE_U, PCRE_X, PCRE_A]).toEqual([1 << 16, 1 << 17, 1 << 18, 1 << 19, 1 << 20, 1 << 21]);
});
