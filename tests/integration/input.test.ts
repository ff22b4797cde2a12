// Input handling end to end over telnet: floods and oversize lines cut off
// only the abuser; input_to (no-echo) and get_char; one command per user per
// turn in round-robin order; call_out precision in milliseconds; exec()
// moving a connection between objects.
import { afterEach, describe, expect, it } from 'vitest';
import { TelnetBot } from '../testbot/index.js';
import { IAC, WILL, WONT, DO, SB, SE } from '../testbot/telnet-decoder.js';
import { cleanup, startDriver, tempMudlib } from './harness.js';
import { IT_MUDLIB } from './it-mudlib.js';

const ECHO = 1, SGA = 3;
const bots: TelnetBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) b.close();
  await cleanup();
});

async function boot(extra = '') {
  const dir = tempMudlib(IT_MUDLIB);
  return startDriver(dir, 'it.conf', 'telnet', extra);
}

async function login(port: number, name: string): Promise<TelnetBot> {
  const bot = await TelnetBot.connect(port);
  bots.push(bot);
  await bot.expect('login: ');
  await bot.step(name, `hello ${name}`);
  return bot;
}

describe('abusive input', () => {
  it('an oversize line disconnects its sender with a message; others keep playing', async () => {
    const { port } = await boot('MaxInputLineLength 100');
    const good = await login(port, 'good');
    const bad = await login(port, 'bad');
    bad.sendRaw('echo ' + 'x'.repeat(500) + '\r\n');
    await bad.expect(/Input line too long: \d+ bytes \(the limit is 100\)\. Disconnecting\./);
    await bad.expectEOF();
    await good.step('echo still here', 'echo still here');
  });

  it('a flood of bytes disconnects the flooder only', async () => {
    const { port } = await boot('MaxInputBytesPerSecond 2000');
    const good = await login(port, 'good');
    const bad = await login(port, 'bad');
    bad.sendRaw('echo flood\r\n'.repeat(1000));
    await bad.expect(/Input flood: \d+ bytes in one interval \(the limit is 2000\)\. Disconnecting\./);
    await bad.expectEOF();
    await good.step('echo fine', 'echo fine');
  });

  it('too many queued commands disconnect the sender only', async () => {
    const { port } = await boot('MaxQueuedCommands 50');
    const good = await login(port, 'good');
    const bad = await login(port, 'bad');
    bad.sendRaw('seq x\r\n'.repeat(400));
    await bad.expect(/Input flood: \d+ commands waiting \(the limit is 50\)\. Disconnecting\./);
    await bad.expectEOF();
    await good.step('echo fine', 'echo fine');
  });
});

describe('input_to and get_char over telnet', () => {
  it('no-echo input_to turns echo off (WILL ECHO) and back on (WONT ECHO)', async () => {
    const { port } = await boot();
    const bot = await login(port, 'ann');
    await bot.step('ask', 'secret: ');
    await bot.step('hunter2', 'secret has 7 chars');
    const cmds = bot.commands.map((c) => ('option' in c ? `${c.kind} ${c.option}` : c.kind));
    const willEcho = cmds.indexOf(`will ${ECHO}`);
    expect(willEcho).toBeGreaterThanOrEqual(0);
    expect(cmds.indexOf(`wont ${ECHO}`, willEcho)).toBeGreaterThan(willEcho);
    expect(bot.transcript).not.toContain('hunter2');
    await bot.step('echo after', 'echo after');
  });

  it('get_char takes one key in character mode (WILL SGA/ECHO)', async () => {
    const { port } = await boot();
    const bot = await login(port, 'ann');
    await bot.step('key', 'press a key: ');
    expect(bot.saw('will', SGA) || bot.saw('will', ECHO)).toBe(true);
    bot.sendRaw('q');
    await bot.expect('key [q]');
    await bot.step('echo back to lines', 'echo back to lines');
  });

  it('get_char answered by a line-mode client: the first character answers, the rest stays typed-ahead', async () => {
    const { port } = await boot();
    const bot = await TelnetBot.connect(port, { negotiation: 'ignore' });
    bots.push(bot);
    await bot.expect('login: ');
    await bot.step('ann', 'hello ann');
    await bot.step('key', 'press a key: ');
    bot.sendRaw('zecho typed ahead\r\n');
    await bot.expect('key [z]');
    await bot.expect('echo typed ahead', { timeout: 1500 });
  });

  it('telnet negotiation and subnegotiations never leak into input', async () => {
    const { port } = await boot();
    const bot = await login(port, 'ann');
    bot.sendRaw(Uint8Array.from([IAC, WILL, 24, IAC, SB, 24, 0, ...Buffer.from('xterm'), IAC, SE, IAC, DO, 3, IAC, WONT, 31]));
    bot.sendRaw('echo clean\r\n');
    await bot.expect('echo clean\n');
  });
});

describe('command turns', () => {
  it('run one command per user per turn, round-robin, whatever arrives in one packet', async () => {
    const { driver, port } = await boot();
    const a = await login(port, 'a');
    const b = await login(port, 'b');
    const c = await login(port, 'c');
    // Everybody's burst is in before the next turn: the driver must interleave them.
    const burst = (n: string) => Array.from({ length: 5 }, (_, i) => `note ${n}${i + 1}\r\n`).join('');
    a.sendRaw(burst('a'));
    b.sendRaw(burst('b'));
    c.sendRaw(burst('c'));
    await a.expect('noted a5');
    await b.expect('noted b5');
    await c.expect('noted c5');
    const order = driver.rt.runTop(() => driver.rt.callOther('/master', 'query_order', [])) as string[];
    expect(order).toHaveLength(15);
    // Each user's commands keep their order...
    for (const n of ['a', 'b', 'c']) expect(order.filter((x) => x.startsWith(n + ':'))).toEqual([1, 2, 3, 4, 5].map((i) => `${n}:${n}${i}`));
    // ...and no user runs a second command before the others ran their first:
    // at every point the counts differ by at most one.
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const x of order) {
      counts[x[0]!]!++;
      const v = Object.values(counts);
      expect(Math.max(...v) - Math.min(...v)).toBeLessThanOrEqual(1);
    }
  });
});

describe('call_out precision', () => {
  it('fires within a few milliseconds of the requested delay', async () => {
    const { port } = await boot();
    const bot = await login(port, 'ann');
    for (const ms of [20, 75, 150]) {
      const m = await bot.step(`timer ${ms}`, /fired after (\d+) us/);
      const us = Number(m.groups[0]);
      // Never early by more than the clocks' millisecond granularity.
      expect(us).toBeGreaterThanOrEqual((ms - 1) * 1000);
      // Whole-second or heart-beat scheduling would be off by hundreds of
      // ms; the margin only absorbs a loaded test machine.
      expect(us).toBeLessThan((ms + 40) * 1000);
    }
  });
});

describe('exec()', () => {
  it('moves a connection to a fresh object; the old one is no longer interactive', async () => {
    const { port } = await boot();
    const bot = await login(port, 'ann');
    await bot.step('whoami', /i am ann in \/user#(\d+)/);
    const before = /i am ann in (\/user#\d+)/.exec(bot.transcript)![1];
    await bot.step('become zed', 'you are now zed (old body interactive: 0)');
    await bot.step('whoami', /i am zed in (\/user#\d+)/);
    const after = /i am zed in (\/user#\d+)/.exec(bot.transcript)![1];
    expect(after).not.toBe(before);
    await bot.step('echo still connected', 'echo still connected');
  });

  it('keeps the two connections of a swap apart', async () => {
    const { port } = await boot();
    const a = await login(port, 'ann');
    const b = await login(port, 'bob');
    await a.step('become amy', 'you are now amy');
    await b.step('become ben', 'you are now ben');
    await a.step('whoami', 'i am amy');
    await b.step('whoami', 'i am ben');
    expect(a.transcript).not.toContain('ben');
    expect(b.transcript).not.toContain('amy');
  });
});
