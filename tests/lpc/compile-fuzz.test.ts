// The whole compile pipeline (preprocess, parse, inherits, checker, codegen,
// `new Function`) must turn any mangled source into either a program or
// diagnostics of the form `file line N: ...`: never a JS exception escaping,
// never generated JS that fails to evaluate ("Internal codegen error"), and
// never a hang. Mutations come from a seeded generator so a failure names the
// seed and case that reproduce it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../driver/app.js';
import { MemoryHost } from '../../driver/vm/host.js';
import { LpcError } from '../../driver/vm/errors.js';
import { FIXTURES_DIR, lpcFilesUnder } from './helpers.js';
import { rng } from '../seeded-random.js';

const CONFORMANCE_DIR = join(import.meta.dirname, '..', 'conformance');

/** Every .c file, with the other .c/.h files of its directory (inherit and include targets). */
function corpus(): { path: string; siblings: Record<string, string> }[] {
  const out: { path: string; siblings: Record<string, string> }[] = [];
  for (const root of [FIXTURES_DIR, CONFORMANCE_DIR]) {
    for (const f of lpcFilesUnder(root)) {
      const dir = dirname(f);
      const siblings: Record<string, string> = {};
      for (const g of readdirSync(dir)) {
        const p = join(dir, g);
        if ((g.endsWith('.c') || g.endsWith('.h')) && statSync(p).isFile()) siblings['/' + g] = readFileSync(p, 'utf8');
      }
      out.push({ path: '/' + relative(dir, f), siblings });
    }
  }
  return out;
}

const PIECES = [
  '(', ')', '{', '}', '[', ']', ';', ',', '"', "'", '(:', ':)', '({', '})', '([', '])', '#', '\n#if 1\n', '\n#endif\n',
  '\n#define X(a) a a\n', '@END\n', '..', '$1', '$(x)', '::', '->', '...', 'ref ', 'class ', 'new(', 'catch(', 'efun::',
  'nomask ', 'varargs ', 'static ', '=', '+=', '?', ':', '&', '\0', '\uFFFD', '\uD800', '\x01', '\\', '0x', '1e999',
  '99999999999999999999999', "'\\", 'function ', 'return ', 'inherit "x";', 'foreach(', ' in ', 'switch(', 'case ',
  'default:', 'break;', 'continue;', 'while(', 'for(;;', 'do ', 'sscanf(', 'int ', 'mixed *', 'mapping ', 'string ',
];

function mutate(src: string, rand: () => number): string {
  let s = src;
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rand() * (s.length + 1));
    const len = 1 + Math.floor(rand() * 16);
    switch (Math.floor(rand() * 5)) {
      case 0: s = s.slice(0, at) + s.slice(at + len); break;
      case 1: s = s.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)] + s.slice(at); break;
      case 2: s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at); break;
      case 3: {
        // swap two chunks
        const b = Math.floor(rand() * (s.length + 1));
        const [x, y] = at < b ? [at, b] : [b, at];
        s = s.slice(0, x) + s.slice(y, y + len) + s.slice(x + len, y) + s.slice(x, x + len) + s.slice(y + len);
        break;
      }
      default: s = s.slice(0, at); break; // truncation
    }
  }
  return s;
}

const DIAGNOSTIC = /^\/\S* line \d+: /m;

const stats = { ok: 0, failed: 0 };

/** Compiles `main` in a fresh runtime; returns what escaped (undefined when the outcome was acceptable). */
function compileOnce(files: Record<string, string>, main: string): string | undefined {
  const host = new MemoryHost(files);
  const rt = createRuntime({ host, appPath: main, args: [] });
  try {
    rt.getProgram(main);
    stats.ok++;
    return undefined;
  } catch (e) {
    stats.failed++;
    if (!(e instanceof LpcError)) return `escaped ${(e as Error)?.constructor?.name}: ${(e as Error)?.stack ?? String(e)}`;
    if (/Internal codegen error/.test(e.message)) return e.message;
    // A failed load must have said why, with file and line (or be a missing inherit/file).
    if (!DIAGNOSTIC.test(host.err) && !/Failed to load file/.test(e.message)) return `no located diagnostic: ${e.message}\n${host.err}`;
    return undefined;
  }
}

const ITERATIONS = Number(process.env.LAPIS_FUZZ_N ?? 600);
const SEED = Number(process.env.LAPIS_FUZZ_SEED ?? 20261121);

describe('compile pipeline fuzz', () => {
  const files = corpus();
  it(`${ITERATIONS} seeded mutations give a program or located diagnostics`, () => {
    const rand = rng(SEED);
    const failures: string[] = [];
    for (let i = 0; i < ITERATIONS && failures.length < 5; i++) {
      const c = files[Math.floor(rand() * files.length)];
      const src = mutate(c.siblings[c.path], rand);
      const t0 = performance.now();
      const bad = compileOnce({ ...c.siblings, [c.path]: src }, c.path);
      const ms = performance.now() - t0;
      if (bad) failures.push(`#${i} ${c.path}: ${bad}\n--- source ---\n${src.slice(0, 2000)}`);
      else if (ms > 2000) failures.push(`#${i} ${c.path}: took ${ms.toFixed(0)} ms`);
    }
    if (process.env.LAPIS_FUZZ_N) console.log(stats);
    expect(failures.join('\n\n')).toBe('');
  });

  it('compiles identifiers holding characters JS does not allow (U+FFFD, lone surrogates)', () => {
    // Found by the fuzz: `string kin\uFFFDd()` gave "Internal codegen error: Invalid or unexpected token".
    for (const ch of ['\uFFFD', '\uD800', '\u00E9', '\u200B']) {
      const src = `string kin${ch}d(int a${ch}, int ref b${ch}) { int x${ch} = a${ch}; return "k" + x${ch}; }\n` +
        `int g${ch};\nvoid create() { g${ch} = 1; kin${ch}d(1, ref g${ch}); function f = (: kin${ch}d :); }\n`;
      expect(compileOnce({ '/u.c': src }, '/u.c')).toBeUndefined();
    }
  });
  it('turns pathological inputs into located diagnostics within the time box', () => {
    const n = 5000;
    const cases = [
      'int x = ' + '('.repeat(n) + '1' + ')'.repeat(n) + ';',
      'void f() {' + '{'.repeat(n) + '}'.repeat(n) + '}',
      'void f() { int a; ' + 'a = '.repeat(n) + '1; }',
      'int x = ' + '1 + '.repeat(n) + '1;',
      'mixed x = ' + '({'.repeat(n) + '})'.repeat(n) + ';',
      'void f() { ' + 'if (1) '.repeat(n) + ';}',
      'string s = "' + 'x'.repeat(2_000_000) + '";',
      'string s = "' + 'x'.repeat(200_000),
      'int x = ' + '9'.repeat(100_000) + ';',
      'float x = 1' + '0'.repeat(400) + '.0;',
      'int x = 0x' + 'f'.repeat(10_000) + ';',
      'void f() {}\0\0\0 void g() {}',
      '\0',
      'int \x01x;',
      'void create() { write("\uD800\uDFFF\uFFFE\0"); }',
      '#include "' + 'a/'.repeat(5000) + '"\n',
      '#define A A A\n#define B A B\nint x = B;',
      '#define R(x) R(x) x\nint y = R(R(R(R(1))));',
      '@END\n' + 'x'.repeat(10000),
      "int c = '\\",
      'class ' + 'C { class '.repeat(n),
      '/*' + 'x'.repeat(100_000),
      'void f() { ' + 'f(' .repeat(n) + ')'.repeat(n) + '; }',
      'void f() { int a; a' + '[0]'.repeat(n) + ' = 1; }',
      'mapping m = ([' + '1:2,'.repeat(50_000) + ']);',
      'void create() { switch (1) { ' + Array.from({ length: 5000 }, (_, i) => `case ${i}: break; `).join('') + ' } }',
      'void create() { switch (1) { case 1: case 1: break; default: default: } }',
    ];
    const failures: string[] = [];
    for (const [i, src] of cases.entries()) {
      const t0 = performance.now();
      const bad = compileOnce({ '/p.c': src }, '/p.c');
      const ms = performance.now() - t0;
      if (bad) failures.push(`case ${i}: ${bad.slice(0, 500)}`);
      else if (ms > 3000) failures.push(`case ${i}: took ${ms.toFixed(0)} ms`);
    }
    expect(failures.join('\n')).toBe('');
  });
  it('reports a left-associative chain too deep for the JS stack at its line', () => {
    // Found by the fuzz: 5,000 `+` links or `[0]` indexes overflowed the checker's stack (a RangeError escaped).
    for (const chain of ['1' + ' + 1'.repeat(5000), 'a' + '[0]'.repeat(5000)]) {
      const host = new MemoryHost({ '/c.c': `mixed a;\n\nvoid f() {\n  a = ${chain};\n}\n` });
      const rt = createRuntime({ host, appPath: '/c.c', args: [] });
      expect(() => rt.getProgram('/c.c')).toThrow(LpcError);
      expect(host.err).toContain('/c.c line 4: Program nested too deeply');
    }
  });
  it('rejects a file inheriting itself or an inherit cycle at the inherit line', () => {
    // Found by targeted abuse: both recursed until the JS stack overflowed, printing an error line per level.
    const self = new MemoryHost({ '/s.c': '\ninherit "/s";\n' });
    expect(() => createRuntime({ host: self, appPath: '/s.c', args: [] }).getProgram('/s.c')).toThrow(LpcError);
    expect(self.err).toBe("/s.c line 2: Illegal to inherit self.\n");
    const cycle = new MemoryHost({ '/a.c': 'inherit "/b";', '/b.c': 'inherit "/c";', '/c.c': '// c\ninherit "/a";' });
    expect(() => createRuntime({ host: cycle, appPath: '/a.c', args: [] }).getProgram('/a.c')).toThrow(LpcError);
    expect(cycle.err.split('\n')[0]).toBe('/c.c line 2: Recursive inherit of /a.c');
    expect(cycle.err.split('\n')).toHaveLength(4);
  });
});
