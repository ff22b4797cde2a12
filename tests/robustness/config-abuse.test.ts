// Malformed config files: binary junk, huge lines, duplicate keys, missing or
// wrong MudlibDir, unreadable paths. Each gets one-line messages naming the
// file (and line), a non-zero exit from the command line, and no stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../driver/config.js';
import { buildCli, runCli } from '../backend/cli-build.js';

/** Seeded junk bytes (an LCG), as a binary file would hold. */
function junk(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    b[i] = seed >>> 24;
  }
  return b;
}

const HEAD = 'MudlibDir .\nMasterFile /master.c\n';

describe('config text', () => {
  it('binary junk is one error naming the first bad line, not a warning per line of garbage', () => {
    const { diagnostics } = parseConfigText(junk(5000, 7).toString('utf8'), 'junk.conf');
    expect(diagnostics.map((d) => d.message)).toEqual(['junk.conf line 1: not a text config file (NUL or invalid UTF-8 bytes)']);
    const nul = parseConfigText(HEAD + 'MudName x\0y\n', 'nul.conf');
    expect(nul.diagnostics.map((d) => d.message)).toEqual(['nul.conf line 3: not a text config file (NUL or invalid UTF-8 bytes)']);
  });

  it('a 2 MB unknown key is reported quickly and quoted short (the typo search used to hang on it)', () => {
    const t0 = performance.now();
    const { diagnostics } = parseConfigText(HEAD + 'X'.repeat(2_000_000) + ' 1\n', 'huge.conf');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(diagnostics.map((d) => d.message)).toEqual([`huge.conf line 3: unknown key "${'X'.repeat(60)}"... (2000000 characters); line ignored`]);
  });

  it('a huge value and control characters are quoted back cut and escaped', () => {
    const { diagnostics } = parseConfigText(HEAD + 'MaxArraySize ' + '9'.repeat(1_000_000) + '\nEvil\x1b[2J 1\nSaneExplodeString \x07\x07\n', 'v.conf');
    expect(diagnostics.map((d) => d.message)).toEqual([
      `v.conf line 3: MaxArraySize: expected a positive integer, got "${'9'.repeat(60)}"... (1000000 characters)`,
      'v.conf line 4: unknown key "Evil\\x1b[2J"; line ignored',
      'v.conf line 5: SaneExplodeString: expected yes or no, got "\\x07\\x07"',
    ]);
  });

  it('duplicate keys warn with both lines; a missing MudlibDir is an error naming the file', () => {
    const dup = parseConfigText(HEAD + 'MudlibDir /elsewhere\n', 'dup.conf');
    expect(dup.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(['warning dup.conf line 3: MudlibDir: given again (first on line 1); this line is ignored']);
    const none = parseConfigText('MasterFile /master.c\n', 'none.conf');
    expect(none.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(['error none.conf: MudlibDir: is missing (required)']);
  });
});

describe('lapis -f with a malformed config', () => {
  let compiled = '';
  let dir = '';
  beforeAll(() => {
    compiled = buildCli();
    dir = mkdtempSync(join(tmpdir(), 'lapis-config-abuse-'));
    writeFileSync(join(dir, 'master.c'), 'object connect(int port) { return 0; }\n');
    mkdirSync(join(dir, 'adir.conf'));
  }, 60_000);
  afterAll(() => {
    for (const d of [compiled, dir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  async function lapis(name: string, text?: string | Buffer) {
    const file = join(dir, name);
    if (text !== undefined) writeFileSync(file, text);
    const run = runCli(compiled, ['-f', file], dir);
    // A config that wrongly boots would listen forever: the time box fails the test instead of hanging it.
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 8000);
    const r = await run.exit;
    clearTimeout(timer);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    return { code: r.code, lines: r.stderr.trimEnd().split('\n') };
  }

  it.each([
    ['junk.conf', junk(5000, 11), 1, /^lapis: \S*junk\.conf line \d+: not a text config file/],
    ['huge.conf', 'X'.repeat(2_000_000) + '\nMudlibDir .\n', 1, /^lapis: warning: \S*huge\.conf line 1: unknown key "X+"\.\.\. \(2000000 characters\); line ignored$/],
    ['nomud.conf', 'MasterFile /master.c\nPort 4000\n', 1, /^lapis: \S*nomud\.conf: MudlibDir: is missing \(required\)$/],
    ['gone.conf', 'MudlibDir /nonexistent/lapis/dir\nMasterFile /master.c\nPort 4000\n', 1, /^lapis: \S*gone\.conf: MudlibDir \/nonexistent\/lapis\/dir does not exist$/],
    ['file.conf', 'MudlibDir ./master.c\nMasterFile /master.c\nPort 4000\n', 1, /^lapis: \S*file\.conf: MudlibDir \S*master\.c is not a directory$/],
    ['adir.conf', undefined, 2, /^lapis: cannot read \S*adir\.conf: EISDIR/],
    ['missing.conf', undefined, 2, /^lapis: cannot read \S*missing\.conf: ENOENT/],
  ] as const)('%s: exits non-zero with one-line messages', async (name, text, code, first) => {
    const r = await lapis(name, text);
    expect(r.code).toBe(code);
    expect(r.lines[0]).toMatch(first);
    expect(r.lines.length).toBeLessThanOrEqual(2);
  });
});
