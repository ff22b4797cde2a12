// Every file under tests/lpc/fixtures/ is mudlib-style LPC that must preprocess,
// parse and pass the checker with zero diagnostics (warnings included).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProgram, type CheckEnv } from '../../driver/lpc/checker.js';
import { DiagnosticSink, formatDiagnostic } from '../../driver/lpc/diagnostics.js';
import { parseProgram, parseWithSink } from '../../driver/lpc/parser.js';
import type { ProgramInterface } from '../../driver/lpc/program-interface.js';
import { FIXTURES_DIR, lpcFilesUnder } from './helpers.js';

const root = FIXTURES_DIR;

const host = {
  readFile(path: string): string | null {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return null;
    }
  },
};

const files = lpcFilesUnder(root).map((f) => '/' + relative(root, f));
const options = { includeDirs: ['/include'], globalInclude: '<globals.h>', defines: {} };

/**
 * Inherits and the simul_efun object come from the fixtures themselves. Every
 * efun is accepted with any arguments, so that this suite checks scopes and
 * inheritance without depending on the registry's signatures.
 */
const cache = new Map<string, ProgramInterface | null>();
const env: CheckEnv = {
  inherited(path) {
    const p = (path.startsWith('/') ? path : '/' + path).replace(/(\.c)?$/, '.c');
    if (!cache.has(p)) {
      cache.set(p, null);
      const sink = new DiagnosticSink([]);
      const { program } = parseWithSink(p, host, options, sink);
      if (!sink.hasErrors() && host.readFile(p) !== null) cache.set(p, checkProgram(program, env, sink).iface);
    }
    return cache.get(p)!;
  },
  efunSignature: (name) => `mixed ${name}(...)`,
  simulEfun(name) {
    const f = env.inherited('/secure/simul_efun', '')?.functions.get(name);
    return f && !f.hidden ? f : null;
  },
};

describe('fixtures: real-mudlib-style files parse cleanly', () => {
  it('has a dozen fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });
  for (const path of files) {
    it(path, () => {
      const r = parseProgram(path, host, { includeDirs: ['/include'], globalInclude: '<globals.h>', defines: {} });
      expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(r.program).not.toBeNull();
      expect(r.program!.decls.length).toBeGreaterThan(0);
      const checked = checkProgram(r.program!, env);
      expect(checked.diagnostics.map(formatDiagnostic)).toEqual([]);
    });
  }
});
