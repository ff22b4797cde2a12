// Abusive network clients against a running Driver (real loopback sockets):
// seeded random bytes, IAC storms, an endless subnegotiation, a 10 MB line,
// half-open connections and 2,000 rapid connect/disconnects. Each abuser gets
// a precise reason and one driver log line; a well-behaved client logged in
// beside them keeps being served throughout.
import * as net from 'node:net';
import { describe, expect, it } from 'vitest';
import { RawClient, connectOwned, loginOwned, startDriver, ownedPerTest } from '../backend/helpers.js';
import { TEST_MUDLIB } from '../backend/test-mudlib.js';
import { rng } from '../seeded-random.js';

const { running, clients } = ownedPerTest();

async function start(extraConfig = '') {
  const r = await startDriver(TEST_MUDLIB, { extraConfig });
  running.push(r.driver);
  const errLog: string[] = [];
  r.driver.rt.host.stderr = (t: string) => void errLog.push(t);
  return { ...r, errLog };
}

const connect = (port: number) => connectOwned(port, clients);
const login = (port: number, name: string) => loginOwned(port, name, clients);

/** The well-behaved client still gets its reply. */
async function stillServed(good: RawClient, word: string): Promise<void> {
  const from = good.text.length;
  good.send(`echo ${word}\r\n`);
  await good.expect(`echo:${word}\n`, 5000, from);
}

describe('abusive clients', () => {
  it('seeded random bytes: the sender is cut off with the reason and one log line', async () => {
    const { port, errLog } = await start();
    const good = await login(port, 'good');
    const rand = rng(20261121);
    const junk = Uint8Array.from({ length: 300_000 }, () => Math.floor(rand() * 256));
    const bad = await connect(port);
    const badPort = bad.socket.localPort;
    bad.send(junk);
    await bad.waitClosed();
    expect(bad.text).toMatch(/Input (flood|line too long): .*\(the limit is \d+\)\. Disconnecting\.\n$/);
    await stillServed(good, 'after-junk');
    const lines = errLog.join('').split('\n').filter((l) => l.includes(`port ${badPort}:`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lapis: disconnected 127\.0\.0\.1 port \d+: Input (flood|line too long): /);
  });

  it('an IAC storm is a flood of its sender only', async () => {
    const { port, errLog } = await start();
    const good = await login(port, 'good');
    const storm = new Uint8Array(300_000);
    for (let i = 0; i + 2 < storm.length; i += 3) storm.set([255, 251 + ((i / 3) % 4), (i / 3) % 256], i);
    const bad = await connect(port);
    bad.send(storm);
    await bad.waitClosed();
    expect(bad.text).toContain('Input flood: ');
    await stillServed(good, 'after-storm');
    expect(errLog.join('')).toMatch(/lapis: disconnected 127\.0\.0\.1 port \d+: Input flood: \d+ bytes in one interval \(the limit is 262144\)\./);
  });

  it('an endless subnegotiation is bounded: the session still works after it ends', async () => {
    const { port } = await start('MaxInputBytesPerSecond 0');
    const user = await login(port, 'sb');
    user.send(Uint8Array.from([255, 250, 24]));
    for (let k = 0; k < 20; k++) user.send(new Uint8Array(50_000).fill(65));
    user.send(Uint8Array.from([255, 240]));
    await stillServed(user, 'after-sb');
    expect(user.closed).toBe(false);
  });

  it('a 10 MB line disconnects only its sender', async () => {
    const { port, errLog } = await start();
    const good = await login(port, 'good');
    const bad = await login(port, 'big');
    bad.send(new Uint8Array(10_000_000).fill(120));
    await bad.waitClosed(10_000);
    expect(bad.text).toContain('Input line too long: 2049 bytes (the limit is 2048). Disconnecting.\n');
    await stillServed(good, 'after-10mb');
    expect(errLog.join('')).toContain('Input line too long: 2049 bytes (the limit is 2048).');
  });

  it('half-open connections and 2,000 rapid connect/disconnects leave the driver serving', async () => {
    const { driver, port } = await start();
    const good = await login(port, 'good');
    const half: net.Socket[] = [];
    for (let k = 0; k < 50; k++) {
      const s = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true }, () => s.end());
      s.on('error', () => {});
      half.push(s);
    }
    for (let round = 0; round < 4; round++) {
      await Promise.all(Array.from({ length: 500 }, () => new Promise<void>((resolve) => {
        const s = net.connect({ port, host: '127.0.0.1' }, () => {
          s.destroy();
          resolve();
        });
        s.on('error', () => resolve());
      })));
    }
    await stillServed(good, 'after-churn');
    for (const s of half) s.destroy();
    // Every churned connection is forgotten: only the good user stays.
    const deadline = Date.now() + 5000;
    while (driver.users.sessions.size > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(driver.users.sessions.size).toBe(1);
    await stillServed(good, 'still');
  });
});
