// The pure parts of LPC sockets (driver/net/lpc-sockets.ts): error codes and
// texts, address parsing, MUD-mode framing. The efuns on a running driver
// are covered by tests/integration/sockets.test.ts.
import { describe, expect, it } from 'vitest';
import { EE, EESUCCESS, isNumericAddress, mudFrame, parseEndpoint, socketErrorText } from '../../driver/net/lpc-sockets.js';
import { LMapping } from '../../driver/vm/values.js';

describe('socket error codes', () => {
  it('count down from -1 in socket_err.h order with the socket_err.c texts', () => {
    expect(EESUCCESS).toBe(1);
    expect([EE.EESOCKET, EE.EEFDRANGE, EE.EEBADF, EE.EESECURITY, EE.EEADDRINUSE, EE.EECONNREFUSED, EE.EESOCKNOTRLSD]).toEqual([-1, -5, -6, -7, -9, -23, -31]);
    expect(socketErrorText(EE.EEISBOUND)).toBe('Socket is already bound');
    expect(socketErrorText(EE.EECALLBACK)).toBe('Wait for callback');
    expect(socketErrorText(0)).toBe('socket_error: invalid error number');
    expect(socketErrorText(EESUCCESS)).toBe('socket_error: invalid error number');
    expect(socketErrorText(-1.5)).toBe('socket_error: invalid error number');
  });
});

describe('addresses', () => {
  it('parses "address port" as MudOS does, refusing other shapes', () => {
    expect(parseEndpoint('127.0.0.1 23')).toEqual({ address: '127.0.0.1', port: 23 });
    expect(parseEndpoint('  mud.example.org   4000 ')).toEqual({ address: 'mud.example.org', port: 4000 });
    expect(parseEndpoint('127.0.0.1:23')).toBeUndefined();
    expect(parseEndpoint('127.0.0.1 70000')).toBeUndefined();
    expect(parseEndpoint('')).toBeUndefined();
  });

  it('tells numeric addresses from host names', () => {
    expect(isNumericAddress('10.0.0.1')).toBe(true);
    expect(isNumericAddress('::1')).toBe(true);
    expect(isNumericAddress('localhost')).toBe(false);
    expect(isNumericAddress('1.2.3')).toBe(false);
  });
});

describe('MUD-mode frames', () => {
  it('carry a big-endian length counting the save-format text and its NUL', () => {
    const f = mudFrame('hi');
    expect([...f]).toEqual([0, 0, 0, 5, 0x22, 0x68, 0x69, 0x22, 0]);
    const m = new LMapping();
    m.set('a', 1);
    const text = Buffer.from(mudFrame([1, m])).subarray(4).toString('latin1');
    expect(text).toBe('({1,(["a":1,]),})\0');
  });
});
