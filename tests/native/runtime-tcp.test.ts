// TCP through the native runtime over loopback, on both backends: echo round
// trip, backpressure with a slow reader, hang-up and reset detection, IPv6.
import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { NativeRuntime } from '../../driver/backend/native.js';
import { BACKENDS, bytesFor, recordingRuntime } from './runtime-helpers.js';

const open: NativeRuntime[] = [];
afterEach(() => {
  for (const rt of open.splice(0)) rt.shutdown();
});

function connect(port: number, host = '127.0.0.1'): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host }, () => resolve(s));
    s.once('error', reject);
  });
}

function readAll(sock: net.Socket, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let got = 0;
  return new Promise((resolve, reject) => {
    sock.on('data', (d: Buffer) => {
      chunks.push(d);
      got += d.length;
      if (got >= length) resolve(Buffer.concat(chunks));
    });
    sock.once('error', reject);
  });
}

/** A recording runtime (closed after the test) that writes every byte it receives back to the sender. */
function echoRuntime(backend?: (typeof BACKENDS)[number]) {
  const rec = recordingRuntime(backend ? { backend } : {}, {
    data(conn, bytes) {
      rec.rt.write(conn, bytes);
    },
  });
  open.push(rec.rt);
  return rec;
}

async function hasIpv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(0, '::1', () => srv.close(() => resolve(true)));
  });
}

describe.each(BACKENDS)('native runtime TCP (%s)', (backend) => {
  it('runs on the requested backend', () => {
    const { rt } = recordingRuntime({ backend });
    open.push(rt);
    expect(rt.backend).toBe(backend);
  });

  it('echoes bytes over loopback', async () => {
    const rec = echoRuntime(backend);
    const { id, port } = rec.rt.listen('127.0.0.1', 0);
    expect(port).toBeGreaterThan(0);
    const client = await connect(port);
    const reply = readAll(client, 11);
    client.write('hello world');
    expect((await reply).toString()).toBe('hello world');
    const accept = rec.events.find((e) => e.kind === 'accept');
    expect(accept).toMatchObject({ kind: 'accept', listener: id });
    if (accept?.kind === 'accept') expect(accept.peer).toBe(`127.0.0.1:${client.localPort}`);
    client.destroy();
  });

  it('receives 4 MB from a client intact, in order', async () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const { port } = rec.rt.listen('127.0.0.1', 0);
    const client = await connect(port);
    const payload = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < payload.length; i += 4) payload.writeUInt32LE(i, i);
    client.end(payload);
    await rec.until((ev) => ev.some((e) => e.kind === 'close'));
    const accept = rec.events.find((e) => e.kind === 'accept');
    const got = bytesFor(rec.events, accept?.kind === 'accept' ? accept.conn : -1);
    expect(got.length).toBe(payload.length);
    expect(got.equals(payload)).toBe(true);
  });

  it('serves 50 concurrent clients, each getting exactly its own bytes back', async () => {
    const rec = echoRuntime(backend);
    const { port } = rec.rt.listen('127.0.0.1', 0, { backlog: 64 });
    const clients = await Promise.all(Array.from({ length: 50 }, () => connect(port)));
    const payloads = clients.map((_, i) => Buffer.alloc(10_000, i + 1));
    const replies = clients.map((c, i) => readAll(c, payloads[i]!.length));
    clients.forEach((c, i) => c.write(payloads[i]!));
    const got = await Promise.all(replies);
    got.forEach((g, i) => expect(g.equals(payloads[i]!)).toBe(true));
    expect(rec.events.filter((e) => e.kind === 'accept').length).toBe(50);
    for (const c of clients) c.destroy();
    await rec.until((ev) => ev.filter((e) => e.kind === 'close').length === 50);
    expect(rec.rt.stats().connections).toBe(0);
  });

  it('delivers 10 MB intact to a slow reader, with backpressure and a writable event', async () => {
    const rec = recordingRuntime({ backend, writeLowWater: 256 * 1024 });
    open.push(rec.rt);
    const { port } = rec.rt.listen('127.0.0.1', 0);
    const client = await connect(port);
    await rec.until((ev) => ev.some((e) => e.kind === 'accept'));
    const accept = rec.events.find((e) => e.kind === 'accept');
    const conn = accept?.kind === 'accept' ? accept.conn : -1;

    const payload = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < payload.length; i += 4) payload.writeUInt32LE((i * 2654435761) >>> 0, i);
    const expected = createHash('sha256').update(payload).digest('hex');

    // The reader starts paused, so the kernel buffers fill and the runtime
    // must keep the rest.
    client.pause();
    const buffered = rec.rt.write(conn, payload);
    // The kernel takes a few MB at most; the runtime must hold the rest (and
    // enough of it to cross the low-water mark, so a writable event follows).
    expect(buffered).toBeGreaterThan(256 * 1024);
    expect(rec.rt.stats().bytesWritten).toBeLessThan(payload.length);

    const received: Buffer[] = [];
    let total = 0;
    const done = new Promise<void>((resolve) => {
      client.on('data', (d: Buffer) => {
        received.push(d);
        total += d.length;
        // Read slowly: pause briefly every 256 KiB or so.
        if (total % (256 * 1024) < d.length) {
          client.pause();
          setTimeout(() => client.resume(), 2);
        }
        if (total >= payload.length) resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    client.resume();
    await done;
    expect(total).toBe(payload.length);
    expect(createHash('sha256').update(Buffer.concat(received)).digest('hex')).toBe(expected);
    await rec.until((ev) => ev.some((e) => e.kind === 'writable' && e.conn === conn));
    expect(rec.rt.write(conn, 'x')).toBe(0); // drained: a small write goes straight out
    client.destroy();
  });

  it('detects an orderly hang-up and reports it once', async () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const { port } = rec.rt.listen('127.0.0.1', 0);
    const client = await connect(port);
    await rec.until((ev) => ev.some((e) => e.kind === 'accept'));
    const accept = rec.events.find((e) => e.kind === 'accept');
    const conn = accept?.kind === 'accept' ? accept.conn : -1;
    client.end('bye');
    await rec.until((ev) => ev.some((e) => e.kind === 'close'));
    expect(bytesFor(rec.events, conn).toString()).toBe('bye');
    const closes = rec.events.filter((e) => e.kind === 'close');
    expect(closes).toEqual([{ kind: 'close', conn, errno: 0 }]);
    // The data arrived before the close.
    expect(rec.events.findIndex((e) => e.kind === 'data')).toBeLessThan(rec.events.findIndex((e) => e.kind === 'close'));
    expect(rec.rt.write(conn, 'late')).toBeLessThan(0);
    expect(rec.rt.stats().connections).toBe(0);
  });

  it('reports a connection reset with its errno', async () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const { port } = rec.rt.listen('127.0.0.1', 0);
    const client = await connect(port);
    await rec.until((ev) => ev.some((e) => e.kind === 'accept'));
    client.resetAndDestroy();
    await rec.until((ev) => ev.some((e) => e.kind === 'close'));
    const close = rec.events.find((e) => e.kind === 'close');
    expect(close?.kind === 'close' ? close.errno : -1).toBe(104); // ECONNRESET on Linux
  });

  it('closes a connection after its buffered output is sent', async () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const { port } = rec.rt.listen('127.0.0.1', 0);
    const client = await connect(port);
    await rec.until((ev) => ev.some((e) => e.kind === 'accept'));
    const accept = rec.events.find((e) => e.kind === 'accept');
    const conn = accept?.kind === 'accept' ? accept.conn : -1;
    const ended = new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = [];
      client.on('data', (d: Buffer) => parts.push(d));
      client.on('end', () => resolve(Buffer.concat(parts)));
    });
    rec.rt.write(conn, Buffer.alloc(3 * 1024 * 1024, 7));
    expect(rec.rt.close(conn)).toBe(true);
    expect(rec.rt.write(conn, 'more')).toBeLessThan(0);
    const got = await ended;
    expect(got.length).toBe(3 * 1024 * 1024);
    await rec.until((ev) => ev.some((e) => e.kind === 'close' && e.conn === conn));
  });
});

describe('native runtime IPv6', () => {
  it('listens on ::1 and accepts an IPv6 peer', async (ctx) => {
    if (!(await hasIpv6Loopback())) {
      ctx.skip('this machine has no IPv6 loopback (::1 cannot be bound)');
      return;
    }
    const rec = echoRuntime();
    const { port } = rec.rt.listen('::1', 0, { ipv6Only: true });
    const client = await connect(port, '::1');
    const reply = readAll(client, 2);
    client.write('v6');
    expect((await reply).toString()).toBe('v6');
    const accept = rec.events.find((e) => e.kind === 'accept');
    expect(accept?.kind === 'accept' ? accept.peer : '').toBe(`[::1]:${client.localPort}`);
    client.destroy();
  });

  it('listens on every interface for "" and reports IPv4 peers in IPv4 form', async () => {
    const rec = recordingRuntime();
    open.push(rec.rt);
    const { port } = rec.rt.listen('', 0);
    const client = await connect(port, '127.0.0.1');
    await rec.until((ev) => ev.some((e) => e.kind === 'accept'));
    const accept = rec.events.find((e) => e.kind === 'accept');
    // A dual-stack socket sees ::ffff:127.0.0.1; mudlibs expect 127.0.0.1.
    expect(accept?.kind === 'accept' ? accept.peer : '').toBe(`127.0.0.1:${client.localPort}`);
    client.destroy();
  });

  it('refuses names it would have to resolve, with a one-line error', () => {
    const rec = recordingRuntime();
    open.push(rec.rt);
    expect(() => rec.rt.listen('example.org', 0)).toThrow(/not a numeric IPv4\/IPv6 address/);
  });

  it('reports a port already in use', () => {
    const rec = recordingRuntime();
    open.push(rec.rt);
    const { port } = rec.rt.listen('127.0.0.1', 0);
    expect(() => rec.rt.listen('127.0.0.1', port)).toThrow(/bind 127\.0\.0\.1 port \d+: Address already in use/);
  });
});
