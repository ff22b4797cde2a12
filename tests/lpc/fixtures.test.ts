// Every file under tests/lpc/fixtures/ is mudlib-style LPC that must preprocess
// and parse with zero diagnostics (warnings included).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../driver/lpc/diagnostics.js';
import { parseProgram } from '../../driver/lpc/parser.js';

const root = join(import.meta.dirname, 'fixtures');

function walk(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.c')) out.push(p);
  }
  return out;
}

const host = {
  readFile(path: string): string | null {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return null;
    }
  },
};

const files = walk(root).map((f) => '/' + relative(root, f));

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
    });
  }
});
