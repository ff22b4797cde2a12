// The command line: config diagnostics (an unknown key warns, a bad value
// stops with its line), -e reaching epilog(), -D macros, -c, app mode, and
// usage errors.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildCli, root, runCli } from './cli-build.js';

let compiled = '';
let dir = '';

beforeAll(() => {
  compiled = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'lapis-cli-test-'));
  writeFileSync(join(dir, 'master.c'), `
string *epilog(int level) { debug_message("epilog level " + level + "\\n"); return ({ }); }
object connect(int port) { return new("/user"); }
`);
  writeFileSync(join(dir, 'user.c'), `
void logon() { write("greeting=" + GREETING + "\\n"); }
`);
  writeFileSync(join(dir, 'app.c'), `
void create() { write("app args=" + implode(__ARGV__, ",") + "\\n"); shutdown(3); }
`);
}, 60_000);

afterAll(() => {
  for (const d of [compiled, dir]) if (d) rmSync(d, { recursive: true, force: true });
});

function conf(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('lapis command line', () => {
  it('warns about an unknown config key and still boots', async () => {
    const file = conf('warn.conf', 'MudlibDir .\nMasterFile /master.c\nMaxArraySise 10\n');
    const run = runCli(compiled, ['-c', '-f', file, '-e', '2', '-D', 'GREETING="hi"'], dir);
    await run.waitFor('greeting=hi\n');
    run.child.stdin!.end();
    const r = await run.exit;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*warn\.conf line 3: unknown key "MaxArraySise" \(did you mean "MaxArraySize"\?\)/);
    expect(r.stderr).toContain('epilog level 2\n');
  });

  it('stops on a bad config value, naming the line', async () => {
    const file = conf('bad.conf', 'MudlibDir .\nMasterFile /master.c\n\nMaxEvaluationCost lots\n');
    const r = await runCli(compiled, ['-f', file], dir).exit;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.conf line 4: MaxEvaluationCost: /);
  });

  it('rejects unknown flags with the usage text', async () => {
    const r = await runCli(compiled, ['-x'], dir).exit;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option "-x"');
    expect(r.stderr).toContain('usage: lapis');
  });

  it('still runs an app: positional app.c and its arguments', async () => {
    const r = await runCli(compiled, [join(dir, 'app.c'), 'one', 'two'], dir).exit;
    expect(r.stdout).toBe('app args=one,two\n');
    expect(r.code).toBe(3);
  });

  it('runs as an executable: node accepts the V8 flags on its shebang line', () => {
    // `#!/usr/bin/env -S node <flags>`: a flag this node does not know stops
    // the command before any driver code runs ("node: bad option").
    const r = spawnSync(join(root, 'bin', 'lapis'), [join(dir, 'app.c'), 'one', 'two'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('app args=one,two\n');
    expect(r.status).toBe(3);
  });

  it('runs the bundled mudlib from the built bundle: console mode to quit', () => {
    // bin/lapis loads dist/driver/lapis.mjs (scripts/bundle.mjs): the server
    // code it imports lazily and the native addon must be found from there.
    const lib = mkdtempSync(join(tmpdir(), 'lapis-cli-mudlib-'));
    try {
      cpSync(join(root, 'mudlib'), lib, { recursive: true });
      const r = spawnSync(join(root, 'bin', 'lapis'), ['-f', join(lib, 'lapis.conf'), '-c'], {
        cwd: lib, encoding: 'utf8', timeout: 60_000, input: 'look\nquit\n',
      });
      expect(r.stdout).toContain('The Lapis Square');
      expect(r.stdout).toContain('Goodbye');
      expect(r.status).toBe(0);
    } finally {
      rmSync(lib, { recursive: true, force: true });
    }
  });

  it('reaches better-sqlite3 from the built bundle (db efuns in app mode)', () => {
    writeFileSync(join(dir, 'db.c'), `
void create() {
#ifdef __PACKAGE_DB__
  int h = db_connect("", ":memory:");
  db_exec(h, "create table t (a int)");
  db_exec(h, "insert into t values (42)");
  db_exec(h, "select a from t");
  write(sprintf("row %O\\n", db_fetch(h, 1)));
#else
  write("no __PACKAGE_DB__\\n");
#endif
}
`);
    const r = spawnSync(join(root, 'bin', 'lapis'), [join(dir, 'db.c')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.replace(/\s+/g, ' ')).toBe('row ({ /* sizeof() == 1 */ 42 }) ');
    expect(r.status).toBe(0);
  });

  it('keeps running when the reader of its stdout goes away (EPIPE)', async () => {
    writeFileSync(join(dir, 'chatty.c'), `
void create() {
  for (int i = 0; i < 2000; i++) write("line " + i + " " + sprintf("%'x'200s", "") + "\\n");
  write_file("/chatty.done", "ok");
}
`);
    const run = runCli(compiled, ['chatty.c'], dir);
    // Close our end of the pipe at once: every later write by lapis fails with EPIPE.
    run.child.stdout!.destroy();
    const r = await run.exit;
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(readFileSync(join(dir, 'chatty.done'), 'utf8')).toBe('ok');
    expect(r.code).toBe(0);
  });
});
