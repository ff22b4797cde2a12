// The bundled mudlib (mudlib/) on the backend: telnet players create a
// character, log in again with the password, look, talk, walk, pick things
// up, list who is on and quit; the console user plays through a pipe. The
// mudlib is copied to a temp directory because logging in saves players.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../driver/config.js';
import { Driver } from '../../driver/backend/driver.js';
import { RawClient, step, ownedPerTest } from './helpers.js';
import { buildCli, root, runCli } from './cli-build.js';

const IAC = 255, WILL = 251, WONT = 252, DO = 253, ECHO = 1;

let dir = '';
let compiled = '';
const { running, clients } = ownedPerTest();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lapis-mudlib-'));
  cpSync(join(root, 'mudlib'), dir, { recursive: true });
  compiled = buildCli();
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (compiled) rmSync(compiled, { recursive: true, force: true });
});

async function startMud(): Promise<number> {
  const conf = join(dir, 'lapis.conf');
  const parsed = parseConfigText(readFileSync(conf, 'utf8'), conf);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const driver = await Driver.start({
    config: parsed.config,
    ports: [{ port: 0, kind: 'telnet' }],
    address: '127.0.0.1',
    reverseDns: false,
    log: () => {},
  });
  running.push(driver);
  return driver.ports[0].bound;
}

async function connect(port: number): Promise<RawClient> {
  const c = await RawClient.connect(port);
  clients.push(c);
  await c.expect('What is your name? ');
  return c;
}

describe('the bundled mudlib over telnet', () => {
  it('creates a character with a hidden password, plays, quits, and logs in again', async () => {
    const port = await startMud();
    const a = await connect(port);
    const before = a.bytes.length;
    await step(a, 'Mira', 'New player Mira. Choose a password: ');
    expect(a.bytes.indexOf(Buffer.from([IAC, WILL, ECHO]), before)).toBeGreaterThan(0);
    a.send(Buffer.from([IAC, DO, ECHO])); // a real client agrees to stop echoing
    await step(a, 'opensesame', 'Again, to be sure: ');
    let out = await step(a, 'opensesame', 'Hello, Mira.');
    await a.expect('The Lapis Square');
    expect(a.bytes.indexOf(Buffer.from([IAC, WONT, ECHO]), before)).toBeGreaterThan(0);
    await a.expect('> ');

    const b = await connect(port);
    await step(b, 'tobin', 'Choose a password: ');
    await step(b, 'pw1234', 'Again');
    await step(b, 'pw1234', 'Hello, Tobin.');
    await a.expect('Tobin arrives.');

    out = await step(a, 'look', 'Exits: east, north.');
    expect(out).toContain('gold coin');
    expect(out).toContain('Tobin');
    await step(a, 'say hello there', 'You say: hello there');
    await b.expect('Mira says: hello there');
    out = await step(b, 'who', 'players online');
    expect(out).toMatch(/2 players online:[\s\S]*Mira[\s\S]*Tobin/);

    await step(a, 'get coin', 'You take a gold coin.');
    await b.expect('Mira takes a gold coin.');
    await step(a, 'i', 'You carry a gold coin.');
    await step(a, 'north', 'The Blue Tavern');
    await b.expect('Mira leaves north.');
    await step(a, 'drop coin', 'You drop a gold coin.');
    await step(a, 'look', 'gold coin');
    await step(a, 'dance', 'What?');
    await step(a, 'quit', 'Goodbye, Mira.');
    await a.waitClosed();

    const again = await connect(port);
    await step(again, 'mira', 'Password: ');
    await step(again, 'wrong', 'Wrong password. Password: ');
    await step(again, 'opensesame', 'Hello, Mira.');
  });
});

describe('the bundled mudlib in console mode', () => {
  it('plays a scripted session from a pipe and exits 0 on quit', async () => {
    const conf = join(dir, 'console.conf');
    writeFileSync(conf, readFileSync(join(dir, 'lapis.conf'), 'utf8').replace(/^Port.*$/m, ''));
    const run = runCli(compiled, ['-c', '-f', conf], dir);
    run.child.stdin!.end('look\nsay testing\nnorth\nget lantern\ninventory\nsouth\nquit\necho never\n');
    const r = await run.exit;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hello, Admin.');
    expect(r.stdout).toContain('You say: testing');
    expect(r.stdout).toContain('The Blue Tavern');
    expect(r.stdout).toContain('You take a brass lantern.');
    expect(r.stdout).toContain('You carry a brass lantern.');
    expect(r.stdout).toContain('Goodbye, Admin.');
  });
});
