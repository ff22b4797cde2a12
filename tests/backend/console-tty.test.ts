// Console mode on a terminal (DESIGN.md: echo and single-char through
// termios): a pseudo-terminal (Python's pty module) types into `lapis -c`.
// A no-echo input_to hides what is typed; get_char takes a key without Enter.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root } from './cli-build.js';

const python = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
let compiled = '';
let dir = '';

beforeAll(() => {
  if (!python) return;
  compiled = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'lapis-tty-'));
  writeFileSync(join(dir, 'tty.conf'), 'MudlibDir .\nMasterFile /master.c\n');
  writeFileSync(join(dir, 'master.c'), 'object connect(int port) { return new("/user"); }\n');
  writeFileSync(join(dir, 'user.c'), `
void logon() { write("Name: "); input_to("got_name"); }
void got_name(string s) {
    write("Hello " + s + "\\n");
    add_action("cmd_secret", "secret");
    add_action("cmd_key", "key");
    add_action("cmd_quit", "quit");
}
int cmd_secret(string arg) { write("Password: "); input_to("got_secret", 1); return 1; }
void got_secret(string s) { write("\\nsecret has " + strlen(s) + " characters\\n"); }
int cmd_key(string arg) { write("Key: "); get_char("got_key"); return 1; }
void got_key(string c) { write("key=[" + c + "]\\n"); }
int cmd_quit(string a) { write("bye\\n"); destruct(this_object()); return 1; }
`);
}, 60_000);

afterAll(() => {
  for (const d of [compiled, dir]) if (d) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!python)('console mode on a terminal', () => {
  it('hides no-echo input, reads single keys for get_char, exits 0 on quit', () => {
    const addon = process.env.LAPIS_NATIVE_ADDON ?? join(root, 'build/Release/lapis_native.node');
    const chunks = ['ann\n', 'secret\n', 'hunter2\n', 'key\n', 'z', 'quit\n'];
    const r = spawnSync('python3', [
      join(root, 'tests/backend/fixtures/pty-drive.py'), JSON.stringify(chunks),
      process.execPath, join(root, 'tests/backend/fixtures/run-cli.mjs'), compiled, '-c', '-f', 'tty.conf',
    ], { cwd: dir, encoding: 'utf8', env: { ...process.env, LAPIS_NATIVE_ADDON: addon }, timeout: 20_000 });
    const { output, code } = JSON.parse(r.stdout) as { output: string; code: number };
    expect(code).toBe(0);
    // The terminal echoes ordinary input...
    expect(output).toContain('Name: ann\r\nHello ann\r\n');
    // ...but not the password, and a key needs no Enter.
    expect(output).toContain('secret has 7 characters');
    expect(output).not.toContain('hunter2');
    expect(output).toContain('Key: zkey=[z]');
    expect(output).toContain('bye');
  }, 30_000);
});
