// Mangled sources must never crash or hang the front end: every mutation of
// the fixtures below (characters dropped, duplicated or swapped, chosen by a
// seeded generator so failures reproduce) ends with diagnostics, not an
// exception, and the checker copes with whatever partial tree results.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProgram } from '../../driver/lpc/checker.js';
import { DiagnosticSink } from '../../driver/lpc/diagnostics.js';
import { parseWithSink } from '../../driver/lpc/parser.js';
import { FIXTURES_DIR, lpcFilesUnder, memHost } from './helpers.js';
import { rng } from '../seeded-random.js';

const sources = lpcFilesUnder(FIXTURES_DIR).map((f) => readFileSync(f, 'utf8'));

const PIECES = ['(', ')', '{', '}', '[', ']', ';', ',', '"', "'", '(:', ':)', '({', '})', '#', '\n#if 1\n', '@END\n', '..', '$1', '::', '->'];

function mutate(src: string, rand: () => number): string {
  let s = src;
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rand() * s.length);
    const len = 1 + Math.floor(rand() * 12);
    switch (Math.floor(rand() * 3)) {
      case 0: s = s.slice(0, at) + s.slice(at + len); break;
      case 1: s = s.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)] + s.slice(at); break;
      default: s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at); break;
    }
  }
  return s;
}

describe('robustness: mangled sources', () => {
  it('never throws on 400 mutations of the fixtures', () => {
    const rand = rng(20261121);
    const env = { inherited: () => null, efunSignature: (n: string) => `mixed ${n}(...)` };
    for (let i = 0; i < 400; i++) {
      const src = mutate(sources[i % sources.length], rand);
      const sink = new DiagnosticSink([]);
      expect(() => {
        const { program } = parseWithSink('/m.c', memHost({ '/m.c': src }), { includeDirs: [], defines: {} }, sink);
        checkProgram(program, env, sink);
      }, src).not.toThrow();
    }
  });
  it('turns pathological nesting into diagnostics, not stack overflows', () => {
    const n = 20000;
    const cases = [
      'int x = ' + '('.repeat(n) + '1' + ')'.repeat(n) + ';',
      'void f() {' + '{'.repeat(n) + '}'.repeat(n) + '}',
      'void f() { ' + 'a = '.repeat(n) + '1; }',
      'int x = ' + '1 ? 2 : '.repeat(n) + '3;',
      'mixed x = ' + '({'.repeat(n) + '})'.repeat(n) + ';',
      '#define F(x) x\nint y = ' + 'F('.repeat(n) + '1' + ')'.repeat(n) + ';',
      '#if ' + '('.repeat(n) + '1' + ')'.repeat(n) + '\n#endif',
    ];
    for (const src of cases) {
      const sink = new DiagnosticSink([]);
      parseWithSink('/d.c', memHost({ '/d.c': src }), { includeDirs: [], defines: {} }, sink);
      expect(sink.hasErrors()).toBe(true);
    }
  });
});
