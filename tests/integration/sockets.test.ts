// LPC efun sockets on a running driver: STREAM, MUD, DATAGRAM and the binary
// modes against Node clients and between two LPC sockets, MudOS error codes,
// valid_socket, ownership (destruct closes, release/acquire), connect by
// host name through the resolver, resolve(), status tables.
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Driver } from '../../driver/backend/driver.js';
import { LpcObject } from '../../driver/vm/object.js';
import { LFloat, type Value } from '../../driver/vm/values.js';
import { EE, EESUCCESS, SOCKET_ERRORS, mudFrame } from '../../driver/net/lpc-sockets.js';
import { cleanup, startDriver, tempMudlib } from './harness.js';
import { refusedPort } from '../refused-port.js';

afterEach(cleanup);

const MASTER = `
object connect(int port) { return 0; }
string creator_file(string f) { return "Test"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
int valid_seteuid(object ob, string uid) { return 1; }
int refuse;
void set_refuse(int r) { refuse = r; }
int valid_socket(object caller, string what, mixed *info) {
  if (refuse && what == "create") return 0;
  return 1;
}
`;

// The socket user: every callback logs one line through write() (the
// driver log, since no player is around), which the tests read.
const SOCK = `
#define MUD 0
#define STREAM 1
#define DATAGRAM 2
#define STREAM_BINARY 3
#define DATAGRAM_BINARY 4
int fd;
mixed last;
void log(string s) { write(s + "\\n"); }
int make(int mode) { return socket_create(mode, "on_read", "on_close"); }
int serve(int mode) {
  int r;
  fd = socket_create(mode, "on_read", "on_close");
  if (fd < 0) return fd;
  if ((r = socket_bind(fd, 0)) != 1) return r;
  if (mode == DATAGRAM || mode == DATAGRAM_BINARY) return fd;
  if ((r = socket_listen(fd, "on_listen")) != 1) return r;
  return fd;
}
int port_of(int s) { int p; sscanf(socket_address(s, 1), "%*s %d", p); return p; }
void on_listen(int s) {
  int n = socket_accept(s, "on_read", "on_write");
  log("accept " + s + " -> " + n + " from " + (n >= 0 ? socket_address(n) : socket_error(n)));
}
void on_read(int s, mixed msg, string addr) {
  last = msg;
  log("read " + s + " " + typeof(msg) + " " + (bufferp(msg) ? "<" + sizeof(msg) + " bytes>" : save_variable(msg)) + (addr ? " from " + addr : ""));
  if (stringp(msg) && msg[0..3] == "echo") log("write " + socket_write(s, "echo: " + msg[5..]));
  if (stringp(msg) && msg == "ping") log("write " + socket_write(s, "pong", addr));
  if (bufferp(msg) && addr) log("write " + socket_write(s, msg, addr));
  if (mapp(msg) || arrayp(msg)) log("write " + socket_write(s, ({ "got", msg })));
}
void on_write(int s) { log("writable " + s); }
void on_close(int s) { log("closed " + s); }
int dial(int mode, string addr) {
  fd = socket_create(mode, "on_read", "on_close");
  if (fd < 0) return fd;
  return socket_connect(fd, addr, "on_read", "on_write");
}
int send(int s, mixed msg) { return socket_write(s, msg); }
// Writes 190,000-byte chunks until the kernel stops taking them; returns the
// last result and how many chunks went.
mixed *flood(int s) {
  string chunk = repeat_string("x", 190000);
  int r, n;
  while (n < 400 && (r = socket_write(s, chunk)) == 1) n++;
  return ({ r, n, socket_write(s, "more") });
}
int send_to(int s, mixed msg, string addr) { return socket_write(s, msg, addr); }
int close(int s) { return socket_close(s); }
mixed call(string efun, mixed *args) {
  switch (efun) {
  case "bind": return socket_bind(args[0], args[1]);
  case "bind_addr": return socket_bind(args[0], 0, args[1]);
  case "listen": return socket_listen(args[0], "on_listen");
  case "accept": return socket_accept(args[0], "on_read", "on_write");
  case "connect": return socket_connect(args[0], args[1], "on_read", "on_write");
  case "status": return socket_status(args[0]);
  case "dump": return dump_socket_status();
  case "error": return socket_error(args[0]);
  }
}
void lookup(string host) { resolve(host, "on_resolve"); }
void on_resolve(string name, string addr, int key) { log("resolved " + save_variable(name) + " " + save_variable(addr) + " " + key); }
void give(int s, object to) { log("release " + socket_release(s, to, "on_release")); }
void on_release(int s, object from) { }
`;

const TAKER = `
void log(string s) { write(s + "\\n"); }
int take = 1;
void set_take(int t) { take = t; }
void on_release(int s, object from) {
  if (take) log("acquire " + socket_acquire(s, "got_read", "got_write", "got_close"));
}
void got_read(int s, mixed msg) { log("taker read " + save_variable(msg)); }
void got_write(int s) { }
void got_close(int s) { log("taker closed " + s); }
int send(int s, mixed msg) { return socket_write(s, msg); }
`;

async function boot(): Promise<{ driver: Driver; log: string[] }> {
  const dir = tempMudlib({ 'master.c': MASTER, 'sock.c': SOCK, 'taker.c': TAKER, 'test.conf': 'MudlibDir .\nMasterFile /master.c\n' });
  const { driver, log } = await startDriver(dir, 'test.conf');
  return { driver, log };
}

/** Calls fn in a fresh clone (or the given object) as a top-level execution. */
function lpc(driver: Driver, ob: LpcObject | string, fn: string, ...args: Value[]): Value {
  const rt = driver.rt;
  return rt.runTop(() => rt.callOther(ob, fn, args)) as Value;
}

function clone(driver: Driver, path: string): LpcObject {
  const rt = driver.rt;
  return rt.runTop(() => rt.cloneObject(path)) as LpcObject;
}

async function waitLog(log: string[], pattern: RegExp | string, timeout = 3000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const lines = log.join('').split('\n');
    const hit = lines.find((l) => (typeof pattern === 'string' ? l.includes(pattern) : pattern.test(l)));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)} in the driver log:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function tcp(port: number): Promise<net.Socket> {
  return new Promise((res, rej) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => res(s));
    s.once('error', rej);
  });
}

function received(s: net.Socket | dgram.Socket, count = 1): Promise<Buffer> {
  return new Promise((res) => {
    let acc = Buffer.alloc(0);
    const on = (d: Buffer) => {
      acc = Buffer.concat([acc, d]);
      if (acc.length >= count) {
        s.removeListener(s instanceof net.Socket ? 'data' : 'message', on);
        res(acc);
      }
    };
    s.on(s instanceof net.Socket ? 'data' : 'message', on);
  });
}

describe('socket error codes', () => {
  it('match MudOS socket_err.h, with socket_error() texts', async () => {
    const { driver } = await boot();
    const ob = clone(driver, '/sock');
    expect(EESUCCESS).toBe(1);
    expect(EE.EESOCKET).toBe(-1);
    expect(EE.EEBADF).toBe(-6);
    expect(EE.EEWOULDBLOCK).toBe(-17);
    expect(EE.EECALLBACK).toBe(-29);
    expect(EE.EEBADDATA).toBe(-32);
    expect(SOCKET_ERRORS).toHaveLength(32);
    expect(lpc(driver, ob, 'call', 'error', [-6])).toBe('Socket is closed');
    expect(lpc(driver, ob, 'call', 'error', [-1])).toBe('Problem creating socket');
    expect(lpc(driver, ob, 'call', 'error', [-32])).toBe('Data nested too deeply');
    expect(lpc(driver, ob, 'call', 'error', [1])).toBe('socket_error: invalid error number');
    expect(lpc(driver, ob, 'call', 'error', [-33])).toBe('socket_error: invalid error number');
  });

  it('are returned for misuse: range, closed, bound twice, not listening, not connected, mode, owner', async () => {
    const { driver } = await boot();
    const a = clone(driver, '/sock');
    const b = clone(driver, '/sock');
    expect(lpc(driver, a, 'make', 9)).toBe(EE.EEMODENOTSUPP);
    expect(lpc(driver, a, 'call', 'bind', [57, 0])).toBe(EE.EEFDRANGE);
    const fd = lpc(driver, a, 'make', 1) as number;
    expect(fd).toBeGreaterThanOrEqual(0);
    expect(lpc(driver, a, 'call', 'listen', [fd])).toBe(EE.EENOADDR);
    expect(lpc(driver, a, 'send', fd, 'x')).toBe(EE.EENOTCONN);
    expect(lpc(driver, a, 'call', 'accept', [fd])).toBe(EE.EENOTLISTN);
    expect(lpc(driver, b, 'call', 'bind', [fd, 0])).toBe(EE.EESECURITY);
    expect(lpc(driver, a, 'call', 'bind', [fd, 0])).toBe(EESUCCESS);
    expect(lpc(driver, a, 'call', 'bind', [fd, 0])).toBe(EE.EEISBOUND);
    expect(lpc(driver, a, 'call', 'listen', [fd])).toBe(EESUCCESS);
    expect(lpc(driver, a, 'call', 'accept', [fd])).toBe(EE.EEWOULDBLOCK);
    expect(lpc(driver, a, 'call', 'connect', [fd, '127.0.0.1 1'])).toBe(EE.EEISLISTEN);
    const port = lpc(driver, a, 'port_of', fd) as number;
    const other = lpc(driver, b, 'make', 1) as number;
    expect(lpc(driver, b, 'call', 'bind', [other, port])).toBe(EE.EEADDRINUSE);
    expect(lpc(driver, b, 'call', 'connect', [other, 'nonsense'])).toBe(EE.EEBADADDR);
    const udp = lpc(driver, b, 'make', 2) as number;
    expect(lpc(driver, b, 'call', 'listen', [udp])).toBe(EE.EEMODENOTSUPP);
    // UDP binds are checked at once too.
    const udp1 = lpc(driver, a, 'make', 2) as number;
    expect(lpc(driver, a, 'call', 'bind', [udp1, 0])).toBe(EESUCCESS);
    const udpPort = lpc(driver, a, 'port_of', udp1) as number;
    const udp2 = lpc(driver, a, 'make', 2) as number;
    expect(lpc(driver, a, 'call', 'bind', [udp2, udpPort])).toBe(EE.EEADDRINUSE);
    expect(lpc(driver, a, 'call', 'bind_addr', [udp2, 'not-an-address 5'])).toBe(EE.EEBADADDR);
    expect(lpc(driver, b, 'send', udp, 'x')).toBe(EE.EENOADDR);
    expect(lpc(driver, b, 'send_to', udp, 5, '127.0.0.1 9')).toBe(EE.EETYPENOTSUPP);
    expect(lpc(driver, a, 'close', fd)).toBe(EESUCCESS);
    expect(lpc(driver, a, 'close', fd)).toBe(EE.EEBADF);
  });

  it('valid_socket can refuse (EESECURITY)', async () => {
    const { driver } = await boot();
    lpc(driver, '/master', 'set_refuse', 1);
    const a = clone(driver, '/sock');
    expect(lpc(driver, a, 'make', 1)).toBe(EE.EESECURITY);
    lpc(driver, '/master', 'set_refuse', 0);
    expect(lpc(driver, a, 'make', 1)).toBeGreaterThanOrEqual(0);
  });
});

describe('STREAM sockets', () => {
  it('listen, accept, read, write back, and the close callback when the peer leaves', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    const fd = lpc(driver, ob, 'serve', 1) as number;
    expect(fd).toBeGreaterThanOrEqual(0);
    const port = lpc(driver, ob, 'port_of', fd) as number;
    expect(port).toBeGreaterThan(0);
    const c = await tcp(port);
    const acc = await waitLog(log, /^accept \d+ -> \d+ from 127\.0\.0\.1 \d+$/);
    const nfd = Number(/-> (\d+)/.exec(acc)![1]);
    const reply = received(c, 'echo: hello'.length);
    c.write('echo hello');
    await waitLog(log, `read ${nfd} string "echo hello"`);
    await waitLog(log, 'write 1');
    expect((await reply).toString()).toBe('echo: hello');
    c.end();
    await waitLog(log, `closed ${nfd}`);
    expect(lpc(driver, ob, 'call', 'status', [nfd])).toEqual([-1, 'CLOSED', 'STREAM', expect.any(String), expect.any(String), 0]);
  });

  it('a write the peer cannot take yet returns EECALLBACK, then EEALREADY, and the write callback runs once it drained', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    const fd = lpc(driver, ob, 'serve', 1) as number;
    const c = await tcp(lpc(driver, ob, 'port_of', fd) as number);
    c.pause();
    const acc = await waitLog(log, /^accept/);
    const nfd = Number(/-> (\d+)/.exec(acc)![1]);
    const [last, chunks, again] = lpc(driver, ob, 'flood', nfd) as number[];
    expect(last).toBe(EE.EECALLBACK);
    expect(again).toBe(EE.EEALREADY);
    let got = 0;
    c.on('data', (d) => (got += d.length));
    c.resume();
    await waitLog(log, `writable ${nfd}`, 10_000);
    // Everything written, the chunk that blocked included, arrives.
    const want = (chunks + 1) * 190000;
    for (let t = Date.now(); got < want && Date.now() - t < 5000; ) await new Promise((r) => setTimeout(r, 10));
    expect(got).toBe(want);
    expect(lpc(driver, ob, 'send', nfd, 'more')).toBe(EESUCCESS);
    c.destroy();
  });

  it('STREAM_BINARY delivers buffers', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    const fd = lpc(driver, ob, 'serve', 3) as number;
    const c = await tcp(lpc(driver, ob, 'port_of', fd) as number);
    await waitLog(log, /^accept/);
    c.write(Buffer.from([0, 1, 2, 255]));
    await waitLog(log, /read \d+ buffer <4 bytes>/);
    c.destroy();
  });

  it('connects out to a numeric address and to a host name (resolved without blocking); writes wait for the connection', async () => {
    const { driver, log } = await boot();
    const server = net.createServer();
    const got: string[] = [];
    server.on('connection', (s) => s.on('data', (d) => got.push(d.toString())));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const ob = clone(driver, '/sock');
      expect(lpc(driver, ob, 'dial', 1, `127.0.0.1 ${port}`)).toBe(EESUCCESS);
      const fd = lpc(driver, ob, 'call', 'status', [0]) as Value[];
      expect(fd[1]).toBe('DATA_XFER');
      expect(lpc(driver, ob, 'send', 0, 'early')).toBe(EE.EEALREADY);
      await waitLog(log, 'writable 0');
      expect(lpc(driver, ob, 'send', 0, 'hi there')).toBe(EESUCCESS);
      const ob2 = clone(driver, '/sock');
      expect(lpc(driver, ob2, 'dial', 1, `localhost ${port}`)).toBe(EESUCCESS);
      await waitLog(log, 'writable 1');
      expect(lpc(driver, ob2, 'send', 1, 'by name')).toBe(EESUCCESS);
      const deadline = Date.now() + 3000;
      while (got.join('|') !== 'hi there|by name' && !(got.includes('hi there') && got.includes('by name'))) {
        if (Date.now() > deadline) throw new Error('server got ' + JSON.stringify(got));
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      server.close();
    }
  });

  it('a refused connection ends in the close callback', async () => {
    const { driver, log } = await boot();
    const port = await refusedPort();
    const ob = clone(driver, '/sock');
    expect(lpc(driver, ob, 'dial', 1, `127.0.0.1 ${port}`)).toBe(EESUCCESS);
    await waitLog(log, 'closed 0');
  });
});

describe('MUD sockets', () => {
  it('send LPC values framed with a big-endian length, between two LPC sockets', async () => {
    const { driver, log } = await boot();
    const server = clone(driver, '/sock');
    const fd = lpc(driver, server, 'serve', 0) as number;
    const port = lpc(driver, server, 'port_of', fd) as number;
    const client = clone(driver, '/sock');
    expect(lpc(driver, client, 'dial', 0, `127.0.0.1 ${port}`)).toBe(EESUCCESS);
    await waitLog(log, /^writable 1$/);
    await waitLog(log, /^accept 0 -> 2/);
    expect(lpc(driver, client, 'send', 1, [1, 'Root', new LFloat(2.5)])).toBe(EESUCCESS);
    await waitLog(log, 'read 2 array ({1,"Root",2.500000,})');
    // The server answers ({ "got", msg }); the client reads it back.
    await waitLog(log, 'read 1 array ({"got",({1,"Root",2.500000,}),})');
  });

  it('reads frames split across packets from a raw peer and refuses objects', async () => {
    const { driver, log } = await boot();
    const server = clone(driver, '/sock');
    const fd = lpc(driver, server, 'serve', 0) as number;
    const c = await tcp(lpc(driver, server, 'port_of', fd) as number);
    await waitLog(log, /^accept/);
    const frame = Buffer.from(mudFrame('split frame'));
    c.write(frame.subarray(0, 3));
    await new Promise((r) => setTimeout(r, 30));
    c.write(frame.subarray(3));
    await waitLog(log, 'read 1 string "split frame"');
    expect(lpc(driver, server, 'send', 1, server)).toBe(EE.EETYPENOTSUPP);
    c.destroy();
  });
});

describe('DATAGRAM sockets', () => {
  it('read (fd, message, "address port") and answer to the sender', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    const fd = lpc(driver, ob, 'serve', 2) as number;
    expect(fd).toBeGreaterThanOrEqual(0);
    const port = lpc(driver, ob, 'port_of', fd) as number;
    expect(port).toBeGreaterThan(0);
    const u = dgram.createSocket('udp4');
    await new Promise<void>((r) => u.bind(0, '127.0.0.1', () => r()));
    const reply = received(u);
    u.send(Buffer.from('ping\0'), port, '127.0.0.1');
    await waitLog(log, new RegExp(`^read ${fd} string "ping" from 127\\.0\\.0\\.1 ${u.address().port}$`));
    expect((await reply).toString('latin1')).toBe('pong\0');
    u.close();
  });

  it('DATAGRAM_BINARY delivers and sends buffers', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    const fd = lpc(driver, ob, 'serve', 4) as number;
    const port = lpc(driver, ob, 'port_of', fd) as number;
    const u = dgram.createSocket('udp4');
    await new Promise<void>((r) => u.bind(0, '127.0.0.1', () => r()));
    const reply = received(u);
    u.send(Buffer.from([7, 0, 9]), port, '127.0.0.1');
    await waitLog(log, /read \d+ buffer <3 bytes> from 127\.0\.0\.1/);
    expect([...(await reply)]).toEqual([7, 0, 9]);
    u.close();
  });
});

describe('ownership', () => {
  it('destructing the owner closes its sockets (no callback); the port is free again', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    const fd = lpc(driver, ob, 'serve', 1) as number;
    const port = lpc(driver, ob, 'port_of', fd) as number;
    const c = await tcp(port);
    await waitLog(log, /^accept/);
    const closed = new Promise((r) => c.on('close', r));
    driver.rt.runTop(() => driver.rt.destruct(ob));
    await closed;
    await expect(tcp(port)).rejects.toThrow(/ECONNREFUSED/);
    expect(log.join('')).not.toMatch(/closed \d/);
  });

  it('socket_release hands a socket over through socket_acquire; declining returns EESOCKNOTRLSD', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    const taker = clone(driver, '/taker');
    const fd = lpc(driver, ob, 'serve', 1) as number;
    const c = await tcp(lpc(driver, ob, 'port_of', fd) as number);
    await waitLog(log, /^accept 0 -> 1/);
    lpc(driver, taker, 'set_take', 0);
    lpc(driver, ob, 'give', 1, taker);
    await waitLog(log, `release ${EE.EESOCKNOTRLSD}`);
    lpc(driver, taker, 'set_take', 1);
    lpc(driver, ob, 'give', 1, taker);
    await waitLog(log, 'acquire 1');
    await waitLog(log, 'release 1');
    expect(lpc(driver, ob, 'send', 1, 'x')).toBe(EE.EESECURITY);
    c.write('to the new owner');
    await waitLog(log, 'taker read "to the new owner"');
    c.end();
    await waitLog(log, 'taker closed 1');
  });
});

describe('resolve() and status', () => {
  it('resolves a name forward and an address in reverse, calling back (name, address, key)', async () => {
    const { driver, log } = await boot();
    const ob = clone(driver, '/sock');
    lpc(driver, ob, 'lookup', 'localhost');
    const fwd = await waitLog(log, /^resolved "localhost" "(127\.0\.0\.1|::1)" 1$/);
    expect(fwd).toBeTruthy();
    lpc(driver, ob, 'lookup', 'no-such-host.invalid');
    await waitLog(log, /^resolved "no-such-host.invalid" 0 2$/, 12_000);
    lpc(driver, ob, 'lookup', '127.0.0.1');
    await waitLog(log, /^resolved ("[^"]+"|0) "127\.0\.0\.1" 3$/, 12_000);
  });

  it('dump_socket_status lists sockets with state and mode', async () => {
    const { driver } = await boot();
    const ob = clone(driver, '/sock');
    const fd = lpc(driver, ob, 'serve', 1) as number;
    const port = lpc(driver, ob, 'port_of', fd) as number;
    const text = lpc(driver, ob, 'call', 'dump', []) as string;
    expect(text.split('\n')[0]).toMatch(/^Fd\s+State\s+Mode\s+Local Address\s+Remote Address$/);
    expect(text).toMatch(new RegExp(`^0\\s+LISTEN\\s+STREAM\\s+\\*\\.${port}\\s+\\*\\.\\*$`, 'm'));
  });
});

describe('shutdown', () => {
  it('a console driver with open LPC sockets (listener, UDP, outgoing) still exits 0 on EOF', async () => {
    const { ConsoleBot } = await import('../testbot/index.js');
    const { join } = await import('node:path');
    const dir = tempMudlib({
      'master.c': MASTER.replace('object connect(int port) { return 0; }', 'object connect(int port) { return new("/user"); }'),
      'sock.c': SOCK,
      'user.c': `
void create() { seteuid(getuid()); }
void logon() {
  object s = new("/sock");
  int fd = s->serve(1);
  int port = s->port_of(fd);
  write("listening " + fd + " " + s->serve(2) + "\\n");
  write("dial " + s->dial(1, "127.0.0.1 " + port) + "\\n");
}
`,
      'it.conf': 'MudlibDir .\nMasterFile /master.c\n',
    });
    const bot = ConsoleBot.start({ config: join(dir, 'it.conf') });
    try {
      bot.defaultTimeout = 15_000;
      await bot.expect(/listening 0 1/);
      await bot.expect('dial 1');
      await bot.expect(/accept 0 -> 3/);
      bot.closeInput();
      await bot.expectExit(0, { timeout: 5000 });
    } finally {
      bot.close();
    }
  });
});
