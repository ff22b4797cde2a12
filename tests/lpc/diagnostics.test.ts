// One case per diagnostic code: tests/lpc/diagnostics/<code>.c with the exact
// expected output beside it in <code>.txt (reviewed baselines, STYLE.md). A
// table entry without a case, or one that no front-end source reports, fails
// here (the idea of TypeScript's errorCheck.mjs).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink, formatDiagnostic, formatMessage, MESSAGES, type DiagnosticCode } from '../../driver/lpc/diagnostics.js';
import { checkProgram, type CheckEnv } from '../../driver/lpc/checker.js';
import { parseWithSink } from '../../driver/lpc/parser.js';
import type { ProgramInterface } from '../../driver/lpc/program-interface.js';

const dir = join(import.meta.dirname, 'diagnostics');
const srcDir = join(import.meta.dirname, '../../driver/lpc');
const codes = Object.keys(MESSAGES) as DiagnosticCode[];

const host = {
  readFile(path: string): string | null {
    try {
      return readFileSync(join(dir, path), 'utf8');
    } catch {
      return null;
    }
  },
};

const options = { includeDirs: ['/include'], defines: {}, maxIncludeDepth: 4 };

/** A fixed efun table, so that these baselines do not move with the registry. */
const EFUNS: Record<string, string> = {
  strlen: 'int strlen(string)',
  write: 'void write(mixed)',
  implode: 'string implode(string *, string | function, void | mixed)',
};

/** Inherited programs come from tests/lpc/diagnostics/lib/, parsed and checked on demand. */
const env: CheckEnv = {
  inherited(path: string): ProgramInterface | null {
    const p = (path.startsWith('/') ? path : '/' + path).replace(/(\.c)?$/, '.c');
    const sink = new DiagnosticSink([]);
    const { program } = parseWithSink(p, host, options, sink);
    if (sink.hasErrors()) return null;
    return checkProgram(program, env, sink).iface;
  },
  efunSignature: (name) => EFUNS[name] ?? null,
};

/** Runs the front end (and the checker when parsing succeeded) over one case file. */
function run(code: string): { lines: string[]; codes: string[] } {
  const sink = new DiagnosticSink([]);
  const { program } = parseWithSink(`/${code}.c`, host, options, sink);
  if (!sink.hasErrors()) checkProgram(program, env, sink);
  return { lines: sink.diagnostics.map(formatDiagnostic), codes: sink.diagnostics.map((d) => d.code) };
}

describe('diagnostics: the message table', () => {
  it('formats templates with arguments', () => {
    expect(formatMessage('check-arg-type', [1, 'f', 'int', 'string'])).toBe('Bad type for argument 1 of f ( int vs string )');
  });
  it('drops a repeat at the same spot and counts errors', () => {
    const sink = new DiagnosticSink(['/a.c']);
    sink.report('syntax-lvalue', 0, 3);
    sink.report('syntax-lvalue', 0, 3);
    sink.report('syntax-lvalue', 0, 4);
    sink.report('pp-warn', 0, 4, 'w');
    expect(sink.diagnostics.map(formatDiagnostic)).toEqual([
      '/a.c line 3: Illegal lvalue', '/a.c line 4: Illegal lvalue', '/a.c line 4: Warning: w',
    ]);
    expect(sink.errorCount).toBe(2);
  });
  it('every code is reported by some front-end source', () => {
    // The declaration in MESSAGES is one mention; a use anywhere is a second.
    const sources = readdirSync(srcDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(srcDir, f), 'utf8'))
      .join('\n');
    const unused = codes.filter((c) => sources.split(`'${c}'`).length - 1 < 2);
    expect(unused).toEqual([]);
  });
  it('every code has a case file', () => {
    expect(codes.filter((c) => !existsSync(join(dir, `${c}.c`)))).toEqual([]);
  });
  it('no case file is left without a code', () => {
    const stale = readdirSync(dir).filter((f) => f.endsWith('.c') && !codes.includes(f.slice(0, -2) as DiagnosticCode));
    expect(stale).toEqual([]);
  });
});

describe('diagnostics: one case per code', () => {
  for (const code of codes) {
    it(code, () => {
      const { lines, codes: got } = run(code);
      const expectedFile = join(dir, `${code}.txt`);
      if (process.env.UPDATE_DIAGNOSTICS) writeFileSync(expectedFile, lines.join('\n') + '\n');
      expect(got).toContain(code);
      expect(lines.join('\n') + '\n').toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
