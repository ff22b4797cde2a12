// The backend over real loopback telnet connections: login through
// connect()/logon()/input_to, round-robin command turns, call_out precision,
// exec(), flood and oversize input cutting off only the abuser, net_dead,
// messages between users, snoop.
import { lookupService } from 'node:dns/promises';
import { describe, expect, it } from 'vitest';
import type { Driver } from '../../driver/backend/driver.js';
import { RawClient, loginOwned, sleep, startDriver, ownedPerTest } from './helpers.js';
import { TEST_MUDLIB } from './test-mudlib.js';

const { running, clients } = ownedPerTest();

async function start(extraConfig = '') {
  const r = await startDriver(TEST_MUDLIB, { extraConfig });
  running.push(r.driver);
  return r;
}

const login = (port: number, name: string) => loginOwned(port, name, clients);

function masterLog(driver: Driver): string[] {
  return driver.rt.master ? (driver.rt.callOther(driver.rt.master, 'query_log', []) as string[]) : [];
}

describe('connections', () => {
  it('connect(port) gets the bound port, logon() runs, input_to takes the first line', async () => {
    const { port } = await start();
    const c = await RawClient.connect(port);
    clients.push(c);
    await c.expect(`Welcome on ${port}\nName: `);
    c.send('ann\r\n');
    await c.expect('Hello ann\n');
  });

  it('runs commands, prints the default prompt and the default failure message', async () => {
    const { port } = await start();
    const c = await login(port, 'bea');
    c.send('echo hello world\r\n');
    await c.expect('echo:hello world\n> ');
    c.send('dance\r\n');
    await c.expect('What?\n> ');
  });

  it('DefaultFailMsg replaces What?; notify_fail strings and functions win over it', async () => {
    const { port } = await start('DefaultFailMsg Huh?');
    const c = await login(port, 'cid');
    c.send('dance\r\n');
    await c.expect('Huh?\n> ');
    c.send('fail because\r\n');
    await c.expect('custom failure: because\n> ');
    c.send('fail fn\r\n');
    await c.expect('custom failure from a function\n> ');
  });

  it('a command that errors shows DefaultErrorMsg when the master has no error_handler', async () => {
    const { port } = await start('DefaultErrorMsg Something broke.');
    const c = await login(port, 'err');
    c.send('crash\r\n');
    await c.expect('Something broke.\n> ');
    c.send('echo alive\r\n');
    await c.expect('echo:alive\n');
  });

  it('users(), query_ip_number/name/port and query_idle', async () => {
    const { port } = await start();
    const a = await login(port, 'dan');
    await login(port, 'eve');
    a.send('who\r\n');
    await a.expect('users:dan,eve\n');
    a.send('ip\r\n');
    await a.expect(`ip=127.0.0.1 name=127.0.0.1 port=${port}\n`);
    a.send('idle\r\n');
    await a.expect('idle=0\n');
  });

  it('listens on IPv6 and IPv4 at once by default', async () => {
    const r = await startDriver(TEST_MUDLIB, { driver: { address: '' } });
    running.push(r.driver);
    const v4 = await RawClient.connect(r.port, '127.0.0.1');
    clients.push(v4);
    await v4.expect('Name: ');
    let v6: RawClient;
    try {
      v6 = await RawClient.connect(r.port, '::1');
    } catch {
      return; // no IPv6 loopback on this machine
    }
    clients.push(v6);
    await v6.expect('Name: ');
    v6.send('six\r\n');
    await v6.expect('Hello six\n');
    v6.send('ip\r\n');
    await v6.expect(/ip=::1 /);
    v4.send('four\r\n');
    await v4.expect('Hello four\n');
    v4.send('ip\r\n');
    await v4.expect(/ip=127\.0\.0\.1 /);
  });

  it('query_ip_name answers from a reverse lookup on the resolver worker', async () => {
    const r = await startDriver(TEST_MUDLIB, { driver: { reverseDns: true } });
    running.push(r.driver);
    let expected: string;
    try {
      expected = (await lookupService('127.0.0.1', 0)).hostname;
    } catch {
      expected = '127.0.0.1';
    }
    const c = await login(r.port, 'dns');
    // The answer comes from a worker thread; until then the address stands in.
    for (let i = 0; i < 50 && !c.text.includes(`name=${expected} `); i++) {
      c.send('ip\r\n');
      await sleep(50);
    }
    expect(c.text).toContain(`name=${expected} `);
  });

  it('hang-up calls net_dead() and the user leaves users()', async () => {
    const { driver, port } = await start();
    const a = await login(port, 'fay');
    const b = await login(port, 'gus');
    a.close();
    for (let i = 0; i < 100 && !masterLog(driver).includes('fay:net_dead'); i++) await sleep(10);
    expect(masterLog(driver)).toContain('fay:net_dead');
    b.send('who\r\n');
    await b.expect('users:gus\n');
  });

  it('exec() moves the connection to another object and this_player() with it', async () => {
    const { port } = await start();
    const c = await login(port, 'hal');
    c.send('swap\r\n');
    await c.expect('exec=1 old=0 new=1 tp=1\n');
    c.send('where\r\n');
    await c.expect('in the body\n');
  });
});

describe('turns', () => {
  it('runs at most one command per user per turn, round-robin', async () => {
    const { driver, port } = await start('MaxEvaluationCost 2000000000');
    const a = await login(port, 'amy');
    const b = await login(port, 'bob');
    // amy's first command keeps the backend busy while both users' next lines arrive.
    a.send('busy 300\r\nnote a2\r\nnote a3\r\n');
    await sleep(50);
    b.send('note b1\r\nnote b2\r\nnote b3\r\n');
    a.send('echo done\r\n');
    await a.expect('echo:done\n', 10_000);
    await b.expect('> > > ', 10_000);
    const log = masterLog(driver);
    expect(log[0]).toBe('amy:busy');
    // After the busy turn each turn runs one line of each user.
    expect(new Set(log.slice(1, 3))).toEqual(new Set(['amy:a2', 'bob:b1']));
    expect(new Set(log.slice(3, 5))).toEqual(new Set(['amy:a3', 'bob:b2']));
    expect(log[5]).toBe('bob:b3');
  });

  it('200 concurrent clients each get all their replies, in order', async () => {
    const { port } = await start();
    const users = await Promise.all(Array.from({ length: 200 }, (_, i) => login(port, `u${i}`)));
    for (const [i, c] of users.entries()) {
      let burst = '';
      for (let n = 0; n < 10; n++) burst += `echo u${i}-${n}\r\n`;
      c.send(burst);
    }
    await Promise.all(users.map((c, i) => c.expect(`echo:u${i}-9\n`, 20_000)));
    for (const [i, c] of users.entries()) {
      const got = [...c.text.matchAll(/echo:(\S+)/g)].map((m) => m[1]);
      expect(got).toEqual(Array.from({ length: 10 }, (_, n) => `u${i}-${n}`));
    }
  }, 30_000);

  it('call_outs run by due time with millisecond delays, never early, this_player() kept', async () => {
    const { port } = await start();
    const c = await login(port, 'cal');
    c.send('timers\r\n');
    await c.expect(/fired b after \d+ ms/, 5000);
    const fired = [...c.text.matchAll(/fired (\w) after (\d+) ms for (\w+)/g)].map((m) => [m[1], Number(m[2]), m[3]]);
    expect(fired.map((f) => f[0])).toEqual(['z', 'a', 'b']);
    expect(fired.every((f) => f[2] === 'cal')).toBe(true);
    const [z, a, b] = fired.map((f) => f[1] as number);
    expect(z).toBeLessThan(100);
    // time_ns() and the call_out clock are the wall clock (Date.now), which an
    // NTP slew may nudge by a millisecond; allow that much.
    expect(a).toBeGreaterThanOrEqual(99);
    expect(b).toBeGreaterThanOrEqual(199);
    // Loose upper bounds: precision is checked, scheduling noise of a busy CI box is not.
    expect(a).toBeLessThan(400);
    expect(b).toBeLessThan(500);
  });
});

describe('abuse limits', () => {
  it('an oversize line disconnects only its sender, with the reason', async () => {
    const { port } = await start('MaxInputLineLength 100');
    const bad = await login(port, 'bad');
    const good = await login(port, 'good');
    bad.send('echo ' + 'x'.repeat(500) + '\r\n');
    await bad.waitClosed();
    expect(bad.text).toContain('Input line too long');
    expect(bad.text).toContain('the limit is 100');
    good.send('echo still here\r\n');
    await good.expect('echo:still here\n');
  });

  it('an input flood disconnects only the flooder, with the reason', async () => {
    const { port } = await start('MaxInputBytesPerSecond 4000');
    const bad = await login(port, 'flood');
    const good = await login(port, 'calm');
    bad.send(('echo ' + 'y'.repeat(50) + '\r\n').repeat(200));
    await bad.waitClosed();
    expect(bad.text).toContain('Input flood');
    expect(bad.text).toContain('the limit is 4000');
    good.send('echo fine\r\n');
    await good.expect('echo:fine\n');
  });

  it('too many queued commands count as a flood', async () => {
    const { port } = await start('MaxQueuedCommands 20\nMaxEvaluationCost 2000000000');
    const bad = await login(port, 'queue');
    bad.send('busy 300\r\n' + 'echo q\r\n'.repeat(60));
    await bad.waitClosed(10_000);
    expect(bad.text).toContain('commands waiting (the limit is 20)');
  });
});

describe('messages', () => {
  it('say reaches the room but not the speaker; shout reaches everyone else', async () => {
    const { port } = await start();
    const a = await login(port, 'ida');
    const b = await login(port, 'jon');
    a.send('say hi all\r\n');
    await b.expect('ida says: hi all\n');
    await a.expect('You say: hi all\n');
    expect(a.text).not.toContain('ida says');
    b.send('shout hey\r\n');
    await a.expect('jon shouts: hey\n');
  });

  it('snoop shows the target output and input, and refuses loops', async () => {
    const { port } = await start();
    const a = await login(port, 'kim');
    const b = await login(port, 'lee');
    a.send('snoop lee\r\n');
    await a.expect('snooping lee\n');
    b.send('echo secret plan\r\n');
    await a.expect('%echo secret plan\n');
    await a.expect('echo:secret plan\n');
    b.send('snoop kim\r\n');
    await b.expect('snoop refused\n');
  });
});
