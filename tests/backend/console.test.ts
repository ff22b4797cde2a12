// Console mode (-c) end to end, as testbots use it (DESIGN.md "Console mode
// and testbots"): a child `lapis -c -f test.conf` reads a pipe; every line is
// processed as soon as it arrives, none is dropped, and EOF runs every
// earlier line, then net_dead(), then exits 0. `quit` (the console user
// destructing itself) also exits 0.
import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root, runCli } from './cli-build.js';
import { makeMudlib } from './helpers.js';

let compiled = '';

const MUDLIB = {
  'master.c': `
object connect(int port) { return new("/user", port); }
string *epilog(int level) { return ({ }); }
`,
  'user.c': `
int port;
string name;
void create(int p) { port = p; }
void logon() {
    write("connected on " + port + "\\nName: ");
    input_to("got_name");
}
void got_name(string s) {
    name = s;
    write("Hello " + s + "\\n");
    add_action("cmd_echo", "echo");
    add_action("cmd_quit", "quit");
    add_action("cmd_secret", "secret");
    add_action("cmd_key", "key");
    add_action("cmd_later", "later");
    add_action("cmd_down", "down");
}
int cmd_down(string arg) { write("going down\n"); shutdown(to_int(arg)); return 1; }
int cmd_echo(string arg) { write("echo:" + arg + "\\n"); return 1; }
int cmd_quit(string arg) { write("bye\\n"); destruct(this_object()); return 1; }
int cmd_secret(string arg) { write("Password: "); input_to("got_secret", 1, "carried"); return 1; }
void got_secret(string s, string extra) { write("\\nsecret=" + s + " extra=" + extra + "\\n"); }
int cmd_key(string arg) { write("Press a key: "); get_char("got_key"); return 1; }
void got_key(string c) { write("key=" + c + "\\n"); }
int cmd_later(string arg) { call_out("fire", 0); return 1; }
void fire() { write("fired for " + (this_player() ? this_player()->query_name() : "nobody") + "\\n"); }
string query_name() { return name; }
void net_dead() { debug_message("net_dead " + name + "\\n"); }
`,
};

beforeAll(() => {
  compiled = buildCli();
}, 60_000);

afterAll(() => {
  if (compiled) rmSync(compiled, { recursive: true, force: true });
});

function start() {
  const { dir } = makeMudlib(MUDLIB);
  // The helper's config listens on 4000; console tests use their own without ports.
  const conf = `${dir}/console.conf`;
  writeFileSync(conf, 'MudlibDir .\nMasterFile /master.c\n');
  return runCli(compiled, ['-c', '-f', conf], dir);
}

describe('console mode over a pipe', () => {
  it('connects user 0 through connect(0) and logon()', async () => {
    const run = start();
    await run.waitFor('connected on 0\nName: ');
    run.child.stdin!.end();
    const r = await run.exit;
    expect(r.code).toBe(0);
  });

  it('processes every piped line, then net_dead at EOF, then exits 0', async () => {
    const run = start();
    const lines = ['tester'];
    for (let i = 0; i < 200; i++) lines.push(`echo line ${i}`);
    run.child.stdin!.end(lines.join('\n') + '\n');
    const r = await run.exit;
    expect(r.code).toBe(0);
    const echoes = r.stdout.split('\n').filter((l) => l.includes('echo:')).map((l) => l.replace(/^(> )+/, ''));
    expect(echoes).toEqual(lines.slice(1).map((l) => 'echo:' + l.slice(5)));
    expect(r.stderr).toContain('net_dead tester');
    // net_dead comes after the last line ran.
    expect(r.stdout.trimEnd().endsWith('echo:line 199\n>')).toBe(true);
  });

  it('answers each line as soon as it arrives (no EOF needed)', async () => {
    const run = start();
    run.child.stdin!.write('alice\n');
    await run.waitFor('Hello alice');
    run.child.stdin!.write('echo one\n');
    await run.waitFor('echo:one');
    run.child.stdin!.write('echo two\n');
    await run.waitFor('echo:two');
    run.child.stdin!.end();
    expect((await run.exit).code).toBe(0);
  });

  it('quit destructs the console user and exits 0 without running later lines', async () => {
    const run = start();
    run.child.stdin!.write('bob\necho before\nquit\necho after\n');
    const r = await run.exit;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('echo:before');
    expect(r.stdout).toContain('bye');
    expect(r.stdout).not.toContain('echo:after');
    expect(r.stderr).not.toContain('net_dead');
  });

  it('input_to with no-echo carries its arguments; the ! escape runs a command instead', async () => {
    const run = start();
    run.child.stdin!.end('carol\nsecret\n!echo escaped\nhunter2\necho done\n');
    const r = await run.exit;
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('echo:escaped');
    expect(out).toContain('secret=hunter2 extra=carried');
    expect(out.indexOf('echo:escaped')).toBeLessThan(out.indexOf('secret=hunter2'));
    expect(out).toContain('echo:done');
  });

  it('get_char takes one character of a piped line', async () => {
    const run = start();
    run.child.stdin!.end('dave\nkey\ny\necho next\n');
    const r = await run.exit;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Press a key: key=y\n');
    expect(r.stdout).toContain('echo:next');
  });

  it('shutdown(n) in a command flushes output and exits with n', async () => {
    const run = start();
    run.child.stdin!.write('fred\ndown 7\necho never\n');
    const r = await run.exit;
    expect(r.code).toBe(7);
    expect(r.stdout).toContain('going down\n');
    expect(r.stdout).not.toContain('echo:never');
  });

  it('reads a script from a file as well as from a pipe', async () => {
    const { dir } = makeMudlib(MUDLIB);
    writeFileSync(`${dir}/console.conf`, 'MudlibDir .\nMasterFile /master.c\n');
    writeFileSync(`${dir}/script.txt`, 'gil\necho from a file\n');
    const fd = openSync(`${dir}/script.txt`, 'r');
    const child = spawn(process.execPath, [`${root}/tests/backend/fixtures/run-cli.mjs`, compiled, '-c', '-f', 'console.conf'], {
      cwd: dir, stdio: [fd, 'pipe', 'pipe'],
      env: { ...process.env, LAPIS_NATIVE_ADDON: process.env.LAPIS_NATIVE_ADDON ?? `${root}/build/Release/lapis_native.node` },
    });
    closeSync(fd);
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toContain('echo:from a file\n');
  });

  it('a call_out keeps the this_player() of its caller', async () => {
    const run = start();
    run.child.stdin!.write('erin\nlater\n');
    await run.waitFor('fired for erin');
    run.child.stdin!.end();
    expect((await run.exit).code).toBe(0);
  });
});
