// Outgoing TCP connections of the native runtime (Runtime::connect), on both
// backends: connected event with the local address, bytes written while
// connecting sent once up, echo both ways, refused connections ending in one
// close with ECONNREFUSED, names refused without a lookup, close while
// connecting, and connections between two native sockets.
import net from 'node:net';
import { constants } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { NativeRuntime } from '../../driver/backend/native.js';
import { BACKENDS, bytesFor, recordingRuntime } from './runtime-helpers.js';
import { refusedPort } from '../refused-port.js';

const open: NativeRuntime[] = [];
const servers: net.Server[] = [];
afterEach(() => {
  for (const rt of open.splice(0)) rt.shutdown();
  for (const s of servers.splice(0)) s.close();
});

function echoServer(): Promise<number> {
  const srv = net.createServer((s) => s.on('data', (d) => s.write(Buffer.concat([Buffer.from('re:'), d]))));
  servers.push(srv);
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve((srv.address() as net.AddressInfo).port)));
}


describe.each(BACKENDS)('native runtime connect (%s)', (backend) => {
  it('connects, reports the local address, sends what was written while connecting', async () => {
    const port = await echoServer();
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const conn = rec.rt.connect('127.0.0.1', port);
    expect(conn).toBeGreaterThan(0);
    expect(rec.rt.write(conn, 'early')).toBeGreaterThan(0); // buffered until connected
    await rec.until((ev) => ev.some((e) => e.kind === 'connected'));
    const up = rec.events.find((e) => e.kind === 'connected')!;
    expect(up).toMatchObject({ kind: 'connected', conn });
    expect((up as { local: string }).local).toMatch(/^127\.0\.0\.1:\d+$/);
    await rec.until((ev) => bytesFor(ev, conn).toString() === 're:early');
    rec.rt.write(conn, 'late');
    await rec.until((ev) => bytesFor(ev, conn).toString() === 're:earlyre:late');
    expect(rec.rt.close(conn)).toBe(true);
    expect(rec.rt.stats().connections).toBe(0);
  });

  it('a refused connection ends in exactly one close with ECONNREFUSED', async () => {
    const port = await refusedPort();
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const conn = rec.rt.connect('127.0.0.1', port);
    await rec.until((ev) => ev.some((e) => e.kind === 'close'));
    await new Promise((r) => setTimeout(r, 20));
    const closes = rec.events.filter((e) => e.kind === 'close');
    expect(closes).toEqual([{ kind: 'close', conn, errno: constants.errno.ECONNREFUSED }]);
    expect(rec.events.some((e) => e.kind === 'connected')).toBe(false);
  });

  it('refuses host names and bad ports without blocking', () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    expect(() => rec.rt.connect('example.org', 80)).toThrow(/not a numeric IPv4\/IPv6 address/);
    expect(() => rec.rt.connect('127.0.0.1', 0)).toThrow(/port must be an integer in 1\.\.65535/);
  });

  it('close() while connecting ends the connection with one close event', async () => {
    const port = await echoServer();
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const conn = rec.rt.connect('127.0.0.1', port);
    expect(rec.rt.close(conn)).toBe(true);
    await rec.until((ev) => ev.some((e) => e.kind === 'close'));
    expect(rec.events.filter((e) => e.kind === 'close' && e.conn === conn)).toHaveLength(1);
    expect(rec.rt.stats().connections).toBe(0);
  });

  it('connects to its own listener: accept on one side, connected on the other', async () => {
    const rec = recordingRuntime({ backend }, {
      data(c, bytes) {
        if (bytes.toString() === 'ping') rec.rt.write(c, 'pong');
      },
    });
    open.push(rec.rt);
    const { port } = rec.rt.listen('127.0.0.1', 0);
    const conn = rec.rt.connect('localhost', port);
    await rec.until((ev) => ev.some((e) => e.kind === 'connected') && ev.some((e) => e.kind === 'accept'));
    rec.rt.write(conn, 'ping');
    await rec.until((ev) => bytesFor(ev, conn).toString() === 'pong');
  });
});
