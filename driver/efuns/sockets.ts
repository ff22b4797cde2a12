// The socket efuns (MudOS packages/sockets.c): socket_create, socket_bind,
// socket_listen, socket_accept, socket_connect, socket_write, socket_close,
// socket_release, socket_acquire, socket_error, socket_address,
// socket_status, dump_socket_status, and resolve(). The socket table and its
// semantics are driver/net/lpc-sockets.ts; the I/O is attached by the
// backend. Without a backend (app mode) socket_create() answers EESOCKET.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { LFunction, type Value } from '../vm/values.js';
import { lpcSocketsOf, socketErrorText } from '../net/lpc-sockets.js';
import { sessionOf } from '../net/session.js';

const vm = (rt: RuntimeApi) => rt as Runtime;
const table = (rt: RuntimeApi) => lpcSocketsOf(vm(rt));

/** A callback argument: a function name, a function pointer, or 0 (none). */
function callback(v: Value | undefined): string | LFunction | 0 {
  if (typeof v === 'string' || v instanceof LFunction) return v;
  return 0;
}

const int = (v: Value) => (typeof v === 'number' ? v : Number(v));

export const efuns = defineEfuns('sockets', [
  {
    name: 'socket_create',
    signature: 'int socket_create(int, string | function, void | string | function)',
    doc: 'Creates an efun socket in a mode (MUD 0, STREAM 1, DATAGRAM 2, STREAM_BINARY 3, DATAGRAM_BINARY 4); returns its descriptor or a negative error.',
    impl: (rt, mode: Value, readCb: Value, closeCb?: Value) => table(rt).create(int(mode), callback(readCb), callback(closeCb)),
  },
  {
    name: 'socket_bind',
    signature: 'int socket_bind(int, int, void | string)',
    doc: 'Binds a socket to a port (0 = any), or to the "address port" given as third argument.',
    impl: (rt, fd: Value, port: Value, address?: Value) =>
      table(rt).bind(int(fd), int(port), typeof address === 'string' ? address : undefined),
  },
  {
    name: 'socket_listen',
    signature: 'int socket_listen(int, string | function)',
    doc: 'Starts listening on a bound MUD or STREAM socket; the callback gets (fd) for each connection waiting.',
    impl: (rt, fd: Value, cb: Value) => table(rt).listen(int(fd), callback(cb)),
  },
  {
    name: 'socket_accept',
    signature: 'int socket_accept(int, string | function, string | function)',
    doc: 'Takes a waiting connection off a listening socket; returns the new descriptor (read and write callbacks given here).',
    impl: (rt, fd: Value, readCb: Value, writeCb: Value) => table(rt).accept(int(fd), callback(readCb), callback(writeCb)),
  },
  {
    name: 'socket_connect',
    signature: 'int socket_connect(int, string, string | function, string | function)',
    doc: 'Connects a MUD or STREAM socket to "address port" (a host name is resolved without blocking); the write callback runs once connected.',
    impl: (rt, fd: Value, address: Value, readCb: Value, writeCb: Value) =>
      table(rt).connect(int(fd), String(address), callback(readCb), callback(writeCb)),
  },
  {
    name: 'socket_write',
    signature: 'int socket_write(int, mixed, void | string)',
    doc: 'Sends a message (any value in MUD mode; string, buffer or int array in STREAM mode; string or buffer to "address port" in DATAGRAM mode).',
    impl: (rt, fd: Value, message: Value, address?: Value) =>
      table(rt).write(int(fd), message, typeof address === 'string' ? address : undefined),
  },
  {
    name: 'socket_close',
    signature: 'int socket_close(int)',
    doc: 'Closes a socket after its pending output is sent; no close callback runs.',
    impl: (rt, fd: Value) => table(rt).close(int(fd)),
  },
  {
    name: 'socket_release',
    signature: 'int socket_release(int, object, string | function)',
    doc: 'Offers a socket to another object, whose release callback (fd, ob) may take it with socket_acquire().',
    impl: (rt, fd: Value, ob: Value, cb: Value) => {
      if (!(ob instanceof LpcObject) || ob.destructed) return rt.badArgument('socket_release', 2);
      const c = callback(cb);
      if (!c) return rt.badArgument('socket_release', 3);
      return table(rt).releaseTo(int(fd), ob, c);
    },
  },
  {
    name: 'socket_acquire',
    signature: 'int socket_acquire(int, string | function, string | function, string | function)',
    doc: 'Takes over a socket offered by socket_release(), inside the release callback, with new read, write and close callbacks.',
    impl: (rt, fd: Value, readCb: Value, writeCb: Value, closeCb: Value) =>
      table(rt).acquire(int(fd), callback(readCb), callback(writeCb), callback(closeCb)),
  },
  {
    name: 'socket_error',
    signature: 'string socket_error(int)',
    doc: 'The text of a socket error code (MudOS socket_err.h).',
    pure: true,
    impl: (_rt, code: Value) => socketErrorText(int(code)),
  },
  {
    name: 'socket_address',
    signature: 'string socket_address(int | object, void | int)',
    doc: 'The remote (or, with a non-zero second argument, local) "address port" of a socket, or the address of an interactive object.',
    impl: (rt, what: Value, local?: Value) => {
      if (what instanceof LpcObject) {
        const s = sessionOf(vm(rt), what);
        return s ? `${s.ip} ${s.remotePort}` : 0;
      }
      return table(rt).address(int(what), !!local && local !== 0);
    },
  },
  {
    name: 'socket_status',
    signature: 'mixed *socket_status(void | int)',
    doc: 'The status of one socket, ({ fd, state, mode, local, remote, owner }), or of every socket.',
    impl: (rt, fd?: Value) => {
      const t = table(rt);
      if (fd !== undefined) return t.status(int(fd));
      return t.sockets.map((_, i) => t.status(i) as Value[]);
    },
  },
  {
    name: 'dump_socket_status',
    signature: 'string dump_socket_status()',
    doc: 'A table of every LPC socket (descriptor, state, mode, local and remote address).',
    impl: (rt) => table(rt).dump(),
  },
  {
    name: 'resolve',
    signature: 'int resolve(string, string | function)',
    doc: 'Looks a host name (or, for a numeric address, its name) up on a worker; the callback gets (name, address, key) with the unknown part 0 on failure. Returns the key.',
    tier: 'async',
    impl: (rt, address: Value, cb: Value) => {
      const c = callback(cb);
      if (!c) return rt.badArgument('resolve', 2);
      return table(rt).resolve(String(address), c);
    },
  },
]);
