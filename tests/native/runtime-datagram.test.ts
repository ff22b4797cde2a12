// UDP sockets of the native runtime (bind_datagram / send_to), on both
// backends: synchronous bind errors, datagrams in both directions with the
// sender's address, payloads with NUL bytes, close without a close event.
import dgram from 'node:dgram';
import { constants } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { NativeRuntime } from '../../driver/backend/native.js';
import { BACKENDS, recordingRuntime } from './runtime-helpers.js';

const open: NativeRuntime[] = [];
const sockets: dgram.Socket[] = [];
afterEach(() => {
  for (const rt of open.splice(0)) rt.shutdown();
  for (const s of sockets.splice(0)) s.close();
});

function peer(): Promise<dgram.Socket> {
  const s = dgram.createSocket('udp4');
  sockets.push(s);
  return new Promise((resolve) => s.bind(0, '127.0.0.1', () => resolve(s)));
}

describe.each(BACKENDS)('native runtime datagrams (%s)', (backend) => {
  it('receives datagrams with the sender address and answers them', async () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const { id, port } = rec.rt.bindDatagram('127.0.0.1', 0);
    expect(port).toBeGreaterThan(0);
    const p = await peer();
    const answer = new Promise<Buffer>((resolve) => p.once('message', (m) => resolve(m)));
    p.send(Buffer.from([104, 0, 105]), port, '127.0.0.1');
    await rec.until((ev) => ev.some((e) => e.kind === 'datagram'));
    const got = rec.events.find((e) => e.kind === 'datagram')!;
    expect(got).toMatchObject({ kind: 'datagram', socket: id, from: `127.0.0.1:${p.address().port}` });
    expect([...(got as { bytes: Buffer }).bytes]).toEqual([104, 0, 105]);
    expect(rec.rt.sendTo(id, '127.0.0.1', p.address().port, 'pong')).toBe(0);
    expect((await answer).toString()).toBe('pong');
  });

  it('reports a port in use at bind time', async () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const p = await peer();
    let err: (Error & { errno?: number }) | undefined;
    try {
      rec.rt.bindDatagram('127.0.0.1', p.address().port);
    } catch (e) {
      err = e as Error & { errno?: number };
    }
    expect(err?.message).toMatch(/Address already in use/);
    expect(err?.errno).toBe(constants.errno.EADDRINUSE);
  });

  it('refuses names, and writes of stream data on a datagram socket', () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const { id } = rec.rt.bindDatagram('', 0);
    expect(rec.rt.sendTo(id, 'example.org', 9, 'x')).toBe(-constants.errno.EINVAL);
    expect(rec.rt.write(id, 'x')).toBe(-constants.errno.EBADF);
    expect(() => rec.rt.bindDatagram('example.org', 0)).toThrow(/not a numeric/);
  });

  it('close() ends the socket without a close event and frees the port', async () => {
    const rec = recordingRuntime({ backend });
    open.push(rec.rt);
    const { id, port } = rec.rt.bindDatagram('127.0.0.1', 0);
    expect(rec.rt.close(id)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.events.some((e) => e.kind === 'close')).toBe(false);
    const again = rec.rt.bindDatagram('127.0.0.1', port);
    expect(again.port).toBe(port);
  });
});
