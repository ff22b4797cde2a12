// LPC efun sockets (MudOS socket_efuns.c semantics, re-implemented): a table
// of sockets indexed by small descriptors, their modes (MUD, STREAM,
// DATAGRAM and the binary variants), states, ownership, callbacks and the
// MudOS error codes. The I/O itself is a SocketTransport provided by the
// backend (driver/backend/lpc-socket-io.ts), so this module stays free of
// Node APIs and can be tested with a fake transport.
//
// Transport events may arrive at any time between turns; they are queued
// and run by runEvents() inside the backend turn, so every LPC callback runs
// on the backend thread as a top-level execution, like a call_out.
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { LBuffer, LFunction, LMapping, UNDEFINED, type Value } from '../vm/values.js';
import { decodeValue, encodeValue } from '../vm/value-codec.js';

// ---------------------------------------------------------------- constants

/** Socket modes, in MudOS numbering (socket_efuns.h enum socket_mode). */
export const SOCKET_MODES = ['MUD', 'STREAM', 'DATAGRAM', 'STREAM_BINARY', 'DATAGRAM_BINARY'] as const;
export const MUD = 0, STREAM = 1, DATAGRAM = 2, STREAM_BINARY = 3, DATAGRAM_BINARY = 4;

/** Socket states, as socket_status()/dump_socket_status() name them. */
export const SOCKET_STATES = ['CLOSED', 'CLOSING', 'UNBOUND', 'BOUND', 'LISTEN', 'DATA_XFER'] as const;
export type SocketState = (typeof SOCKET_STATES)[number];

/**
 * MudOS socket_err.h: EESUCCESS is 1, errors count down from -1; the text of
 * error -n is SOCKET_ERROR_TEXTS[n - 1] (socket_err.c, same order).
 */
export const SOCKET_ERRORS = [
  ['EESOCKET', 'Problem creating socket'],
  ['EESETSOCKOPT', 'Problem with setsockopt'],
  ['EENONBLOCK', 'Problem setting non-blocking mode'],
  ['EENOSOCKS', 'No more available efun sockets'],
  ['EEFDRANGE', 'Descriptor out of range'],
  ['EEBADF', 'Socket is closed'],
  ['EESECURITY', 'Security violation attempted'],
  ['EEISBOUND', 'Socket is already bound'],
  ['EEADDRINUSE', 'Address already in use'],
  ['EEBIND', 'Problem with bind'],
  ['EEGETSOCKNAME', 'Problem with getsockname'],
  ['EEMODENOTSUPP', 'Socket mode not supported'],
  ['EENOADDR', 'Socket not bound to an address'],
  ['EEISCONN', 'Socket is already connected'],
  ['EELISTEN', 'Problem with listen'],
  ['EENOTLISTN', 'Socket not listening'],
  ['EEWOULDBLOCK', 'Operation would block'],
  ['EEINTR', 'Interrupted system call'],
  ['EEACCEPT', 'Problem with accept'],
  ['EEISLISTEN', 'Socket is listening'],
  ['EEBADADDR', 'Problem with address format'],
  ['EEALREADY', 'Operation already in progress'],
  ['EECONNREFUSED', 'Connection refused'],
  ['EECONNECT', 'Problem with connect'],
  ['EENOTCONN', 'Socket not connected'],
  ['EETYPENOTSUPP', 'Object type not supported'],
  ['EESENDTO', 'Problem with sendto'],
  ['EESEND', 'Problem with send'],
  ['EECALLBACK', 'Wait for callback'],
  ['EESOCKRLSD', 'Socket already released'],
  ['EESOCKNOTRLSD', 'Socket not released'],
  ['EEBADDATA', 'Data nested too deeply'],
] as const;
export type SocketErrorName = (typeof SOCKET_ERRORS)[number][0];

export const EESUCCESS = 1;
/** The code of an error name: EE[name] = -(index + 1). */
export const EE = Object.fromEntries(SOCKET_ERRORS.map(([name], i) => [name, -(i + 1)])) as Record<SocketErrorName, number>;

/** socket_error(): the text of a code, or MudOS's message for anything else. */
export function socketErrorText(code: number): string {
  const i = -(code + 1);
  if (!Number.isInteger(i) || i < 0 || i >= SOCKET_ERRORS.length) return 'socket_error: invalid error number';
  return SOCKET_ERRORS[i]![1];
}

/** MudOS MAX_SAVE_SVALUE_DEPTH: deeper MUD-mode values are refused with EEBADDATA. */
export const MAX_MUD_DEPTH = 25;

// ---------------------------------------------------------------- transport

/** An address as MudOS prints it: "127.0.0.1 23". */
export interface Endpoint {
  address: string;
  port: number;
}

/** One OS-level socket, as the transport hands it out. */
export interface SocketLink {
  /** Queues bytes; returns the bytes still buffered (0: all sent), or -1 when the link is gone. */
  write(bytes: Uint8Array): number;
  /** Datagram links: sends one datagram; false when it could not be sent. */
  sendTo(bytes: Uint8Array, to: Endpoint): boolean;
  /** Closes after buffered output is sent; no closed() event follows. */
  close(): void;
  /** The local end (port 0 until known). */
  local(): Endpoint;
}

/** What a link reports. The table queues these and handles them in runEvents(). */
export interface LinkEvents {
  /** An outgoing connection is established. */
  connected(): void;
  /** A listener accepted a connection (the new link starts reading at once). */
  accepted(link: SocketLink, remote: Endpoint): LinkEvents;
  data(bytes: Uint8Array, from?: Endpoint): void;
  /** Buffered output drained after write() returned > 0. */
  writable(): void;
  /** The peer closed or the connection failed (never after our own close()). */
  closed(reason: string): void;
}

export type BindResult = SocketLink | 'EEADDRINUSE' | 'EEBIND' | 'EEBADADDR';

/** The I/O the backend provides (driver/backend/lpc-socket-io.ts). */
export interface SocketTransport {
  /** Binds and listens (TCP) on address ("" = every interface) and port (0 = any). */
  listen(address: string, port: number, events: LinkEvents): BindResult;
  /** Starts a TCP connection to a numeric address; the outcome arrives as connected() or closed(). */
  connect(to: Endpoint, events: LinkEvents): SocketLink;
  /** Opens a UDP socket bound to address/port (port 0 = any). */
  datagram(address: string, port: number, events: LinkEvents): BindResult;
  /** Looks a host name up without blocking; addresses in resolver order, [] when it failed. */
  resolve(host: string, done: (addresses: string[]) => void): void;
  /** Looks a numeric address's name up without blocking; undefined when it failed. */
  reverse(address: string, done: (name: string | undefined) => void): void;
  /** Closes everything (driver shutdown). */
  shutdown(): void;
}

// ---------------------------------------------------------------- the table

type Callback = string | LFunction | 0;

/** A connection accepted by a listener but not yet taken by socket_accept(). */
interface PendingAccept {
  link: SocketLink;
  remote: Endpoint;
  /** Bytes that arrived before socket_accept(). */
  early: Uint8Array[];
  closed: boolean;
  /** Set once socket_accept() adopted it: events go to that socket. */
  adopted?: LpcSocket;
}

/** One LPC socket (MudOS lpc_socket_t). */
export class LpcSocket {
  state: SocketState = 'UNBOUND';
  owner: LpcObject | 0 = 0;
  releaseTo: LpcObject | 0 = 0;
  released = false;
  /** A write is waiting for the link to drain, or a connect is under way (MudOS S_BLOCKED). */
  blocked = false;
  readCb: Callback = 0;
  writeCb: Callback = 0;
  closeCb: Callback = 0;
  link: SocketLink | undefined;
  local: Endpoint = { address: '0.0.0.0', port: 0 };
  remote: Endpoint = { address: '0.0.0.0', port: 0 };
  /** MUD mode: bytes of a frame not complete yet. */
  inbox: Uint8Array = new Uint8Array(0);
  /** Listeners: accepted connections waiting for socket_accept(). */
  backlog: PendingAccept[] = [];
  /** Bumped when the slot is reused, so stale events of an older socket are dropped. */
  generation = 0;

  constructor(readonly fd: number, public mode: number) {}

  get binary(): boolean {
    return this.mode === STREAM_BINARY || this.mode === DATAGRAM_BINARY;
  }
  get isDatagram(): boolean {
    return this.mode === DATAGRAM || this.mode === DATAGRAM_BINARY;
  }
  get isOpen(): boolean {
    return this.state !== 'CLOSED' && this.state !== 'CLOSING';
  }
}

export interface LpcSocketsOptions {
  transport: SocketTransport;
  /** Asks the backend for a turn (events are waiting). */
  wake: () => void;
  /** valid_socket(caller, what, info): true when approved (default: always). */
  approve?: (caller: LpcObject | 0, what: string, info: Value[]) => boolean;
}

/** The socket table of one runtime. */
export class LpcSockets {
  readonly sockets: LpcSocket[] = [];
  private events: (() => void)[] = [];
  private transport: SocketTransport | undefined;
  private wake: () => void = () => {};
  private approve: NonNullable<LpcSocketsOptions['approve']> = () => true;
  private resolveKey = 0;

  constructor(readonly rt: Runtime) {
    rt.destructHooks.push((ob) => this.closeOwnedBy(ob));
  }

  /** Connects the table to its I/O (the backend calls this once). */
  attach(opts: LpcSocketsOptions): void {
    this.transport = opts.transport;
    this.wake = opts.wake;
    if (opts.approve) this.approve = opts.approve;
  }

  get attached(): boolean {
    return this.transport !== undefined;
  }

  /** Runs queued transport events (the backend turn calls this). */
  runEvents(): void {
    while (this.events.length) {
      const batch = this.events;
      this.events = [];
      for (const e of batch) {
        e();
        if (this.rt.shutdownCode !== undefined) return;
      }
    }
  }

  get hasEvents(): boolean {
    return this.events.length > 0;
  }

  /** Closes every socket and the transport (driver shutdown). */
  shutdown(): void {
    for (const s of this.sockets) if (s.isOpen || s.state === 'CLOSING') this.release(s);
    this.transport?.shutdown();
    this.events = [];
  }

  private queue(e: () => void): void {
    this.events.push(e);
    this.wake();
  }

  // ------------------------------------------------------------ efuns

  /** valid_socket with MudOS's info array ({ fd, owner, address, port }). */
  private allowed(what: string, fd: number): boolean {
    const s = this.sockets[fd];
    const caller = this.rt.cur;
    const owner = s && s.isOpen ? s.owner : 0;
    const remote = s ? s.remote : { address: '', port: 0 };
    return this.approve(caller, what, [fd, owner, remote.address, remote.port]);
  }

  /** Common checks of socket_bind/listen/... (range, open, owner). */
  private check(fd: number): LpcSocket | number {
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.sockets.length) return EE.EEFDRANGE;
    const s = this.sockets[fd]!;
    if (!s.isOpen) return EE.EEBADF;
    if (s.owner !== this.rt.cur) return EE.EESECURITY;
    return s;
  }

  create(mode: number, readCb: Callback, closeCb: Callback): number {
    if (!this.approve(this.rt.cur, 'create', [-1, this.rt.cur, 'N/A', -1])) return EE.EESECURITY;
    if (!Number.isInteger(mode) || mode < MUD || mode > DATAGRAM_BINARY) return EE.EEMODENOTSUPP;
    if (!this.transport) return EE.EESOCKET;
    return this.allocate(mode, readCb, closeCb);
  }

  /** A fresh socket in the lowest free slot, owned by the current object. */
  private allocate(mode: number, readCb: Callback, closeCb: Callback): number {
    let fd = this.sockets.findIndex((s) => s.state === 'CLOSED');
    if (fd < 0) fd = this.sockets.length;
    const s = new LpcSocket(fd, mode);
    s.generation = (this.sockets[fd]?.generation ?? 0) + 1;
    this.sockets[fd] = s;
    s.owner = this.rt.cur;
    s.readCb = readCb;
    s.closeCb = s.isDatagram ? 0 : closeCb;
    return fd;
  }

  bind(fd: number, port: number, address: string | undefined): number {
    if (!this.allowed('bind', fd)) return EE.EESECURITY;
    const s = this.check(fd);
    if (typeof s === 'number') return s;
    if (s.state !== 'UNBOUND') return EE.EEISBOUND;
    let host = '';
    let p = port;
    if (address !== undefined) {
      const ep = parseEndpoint(address);
      if (!ep) return EE.EEBADADDR;
      host = ep.address;
      p = ep.port;
    }
    if (!Number.isInteger(p) || p < 0 || p > 65535) return EE.EEBIND;
    // TCP sockets bind and listen in one step (the runtime listens at once);
    // accepted connections wait for socket_listen() and socket_accept().
    const events = this.linkEvents(s);
    const r = s.isDatagram ? this.transport!.datagram(host, p, events) : this.transport!.listen(host, p, events);
    if (typeof r === 'string') return EE[r];
    s.link = r;
    s.local = r.local();
    s.state = 'BOUND';
    return EESUCCESS;
  }

  listen(fd: number, cb: Callback): number {
    if (!this.allowed('listen', fd)) return EE.EESECURITY;
    const s = this.check(fd);
    if (typeof s === 'number') return s;
    if (s.isDatagram) return EE.EEMODENOTSUPP;
    if (s.state === 'UNBOUND') return EE.EENOADDR;
    if (s.state !== 'BOUND') return EE.EEISCONN;
    s.state = 'LISTEN';
    s.readCb = cb;
    // Connections that arrived between bind and listen are announced now.
    for (let i = 0; i < s.backlog.length; i++) this.queue(this.guard(s, () => this.call(s, s.readCb, [s.fd])));
    return EESUCCESS;
  }

  accept(fd: number, readCb: Callback, writeCb: Callback): number {
    if (!this.allowed('accept', fd)) return EE.EESECURITY;
    const s = this.check(fd);
    if (typeof s === 'number') return s;
    if (s.isDatagram) return EE.EEMODENOTSUPP;
    if (s.state !== 'LISTEN') return EE.EENOTLISTN;
    const p = s.backlog.shift();
    if (!p) return EE.EEWOULDBLOCK;
    // The accepted socket inherits mode and close callback (MudOS socket_accept).
    const nfd = this.allocate(s.mode, readCb, s.closeCb);
    const n = this.sockets[nfd]!;
    n.writeCb = writeCb;
    n.link = p.link;
    n.local = p.link.local();
    n.remote = p.remote;
    n.state = 'DATA_XFER';
    p.adopted = n;
    for (const bytes of p.early) this.deliver(n, bytes);
    p.early = [];
    if (p.closed) this.queue(this.guard(n, () => this.peerClosed(n)));
    return nfd;
  }

  connect(fd: number, address: string, readCb: Callback, writeCb: Callback): number {
    if (!this.allowed('connect', fd)) return EE.EESECURITY;
    const s = this.check(fd);
    if (typeof s === 'number') return s;
    if (s.isDatagram) return EE.EEMODENOTSUPP;
    if (s.state === 'LISTEN') return EE.EEISLISTEN;
    if (s.state === 'DATA_XFER') return EE.EEISCONN;
    const ep = parseEndpoint(address);
    if (!ep) return EE.EEBADADDR;
    // A listener made by socket_bind() is not what an outgoing socket needs.
    s.link?.close();
    s.link = undefined;
    s.readCb = readCb;
    s.writeCb = writeCb;
    s.remote = ep;
    s.state = 'DATA_XFER';
    s.blocked = true; // writes wait for the connection (EEALREADY), as in MudOS
    const gen = s.generation;
    const start = (numeric: string) => {
      if (s.generation !== gen || s.state !== 'DATA_XFER') return;
      s.remote = { address: numeric, port: ep.port };
      s.link = this.transport!.connect(s.remote, this.linkEvents(s));
    };
    if (isNumericAddress(ep.address)) start(ep.address);
    else {
      // A host name: the resolver answers on a worker; the backend never blocks.
      this.transport!.resolve(ep.address, (addrs) =>
        this.queue(() => {
          if (s.generation !== gen || s.state !== 'DATA_XFER') return;
          if (addrs.length) start(addrs[0]!);
          else this.peerClosed(s);
        }),
      );
    }
    return EESUCCESS;
  }

  write(fd: number, message: Value, address: string | undefined): number {
    if (!this.allowed('write', fd)) return EE.EESECURITY;
    const s = this.check(fd);
    if (typeof s === 'number') return s;
    if (s.isDatagram) {
      if (address === undefined) return EE.EENOADDR;
      const to = parseEndpoint(address);
      if (!to) return EE.EEBADADDR;
      let bytes: Uint8Array;
      if (typeof message === 'string') bytes = cString(message);
      else if (message instanceof LBuffer) bytes = message.bytes;
      else return EE.EETYPENOTSUPP;
      if (!s.link) {
        // Sending from an unbound socket binds it to any port, as sendto() does.
        const r = this.transport!.datagram('', 0, this.linkEvents(s));
        if (typeof r === 'string') return EE.EESENDTO;
        s.link = r;
        s.state = 'BOUND';
      }
      return s.link.sendTo(bytes, to) ? EESUCCESS : EE.EESENDTO;
    }
    if (s.state !== 'DATA_XFER') return EE.EENOTCONN;
    if (address !== undefined) return EE.EEBADADDR;
    if (s.blocked) return EE.EEALREADY;
    let bytes: Uint8Array;
    if (s.mode === MUD) {
      if (message instanceof LpcObject) return EE.EETYPENOTSUPP;
      if (depthOf(message, 0) > MAX_MUD_DEPTH) return EE.EEBADDATA;
      bytes = mudFrame(message);
    } else {
      const b = streamBytes(message);
      if (!b) return EE.EETYPENOTSUPP;
      bytes = b;
    }
    if (!bytes.length) return EESUCCESS;
    const left = s.link ? s.link.write(bytes) : -1;
    if (left < 0) {
      this.queue(this.guard(s, () => this.peerClosed(s)));
      return EE.EESEND;
    }
    if (left > 0) {
      s.blocked = true;
      return EE.EECALLBACK;
    }
    return EESUCCESS;
  }

  close(fd: number): number {
    if (!this.allowed('close', fd)) return EE.EESECURITY;
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.sockets.length) return EE.EEFDRANGE;
    const s = this.sockets[fd]!;
    if (!s.isOpen) return EE.EEBADF;
    if (s.owner !== this.rt.cur) return EE.EESECURITY;
    this.release(s);
    return EESUCCESS;
  }

  releaseTo(fd: number, ob: LpcObject, cb: string | LFunction): number {
    if (!this.allowed('release', fd)) return EE.EESECURITY;
    const s = this.check(fd);
    if (typeof s === 'number') return s;
    if (s.released) return EE.EESOCKRLSD;
    s.released = true;
    s.releaseTo = ob;
    // The release callback runs now, in ob (or as the function pointer); it
    // completes the hand-over by calling socket_acquire().
    if (cb instanceof LFunction) this.rt.callFunction(cb, [fd, ob]);
    else if (!ob.destructed) this.rt.apply(ob, cb, [fd, ob]);
    if (!s.released) return EESUCCESS;
    s.released = false;
    s.releaseTo = 0;
    return EE.EESOCKNOTRLSD;
  }

  acquire(fd: number, readCb: Callback, writeCb: Callback, closeCb: Callback): number {
    if (!this.allowed('acquire', fd)) return EE.EESECURITY;
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.sockets.length) return EE.EEFDRANGE;
    const s = this.sockets[fd]!;
    if (!s.isOpen) return EE.EEBADF;
    if (!s.released) return EE.EESOCKNOTRLSD;
    if (s.releaseTo !== this.rt.cur) return EE.EESECURITY;
    s.released = false;
    s.owner = this.rt.cur;
    s.releaseTo = 0;
    s.readCb = readCb;
    s.writeCb = writeCb;
    s.closeCb = closeCb;
    return EESUCCESS;
  }

  /** socket_address(fd, local): "address port", "" for a descriptor out of range. */
  address(fd: number, local: boolean): string {
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.sockets.length) return '';
    const s = this.sockets[fd]!;
    if (local && s.link && s.isOpen) s.local = s.link.local();
    const ep = local ? s.local : s.remote;
    return `${ep.address} ${ep.port}`;
  }

  /** socket_status(fd): ({ fd, state, mode, local, remote, owner }) (MudOS socket_status). */
  status(fd: number): Value[] | 0 {
    const s = this.sockets[fd];
    if (!s) return 0;
    if (s.link && s.isOpen) s.local = s.link.local();
    const open = s.state !== 'CLOSED';
    return [
      open ? s.fd : -1,
      s.state,
      SOCKET_MODES[s.mode]!,
      dotted(s.local),
      dotted(s.remote),
      s.owner && !s.owner.destructed && open ? s.owner : 0,
    ];
  }

  /** dump_socket_status(): the MudOS table, one row per descriptor. */
  dump(): string {
    let out = 'Fd    State      Mode      Local Address      Remote Address\n';
    out += '--  ---------  --------  -----------------  ------------------\n';
    for (let i = 0; i < this.sockets.length; i++) {
      const st = this.status(i) as Value[];
      out += `${String(st[0]).padEnd(4)}${String(st[1]).padStart(9).padEnd(11)}${String(st[2]).padStart(9).padEnd(10)}${String(st[3]).padEnd(19)}${String(st[4])}\n`;
    }
    return out;
  }

  /**
   * resolve(address, callback): a name is looked up forward, a numeric
   * address in reverse; the callback gets (name, address, key) with the
   * unknown half 0 when the lookup failed (MudOS comm.c got_addr_number).
   */
  resolve(address: string, cb: string | LFunction): number {
    const ob = this.rt.cur;
    if (!this.transport || !ob) return 0;
    const key = ++this.resolveKey;
    const answer = (name: Value, number: Value) =>
      this.queue(() => {
        if (ob.destructed) return;
        this.runCallback(ob, cb, [name, number, key]);
      });
    if (isNumericAddress(address)) this.transport.reverse(address, (name) => answer(name ?? 0, address));
    else this.transport.resolve(address, (addrs) => answer(address, addrs[0] ?? 0));
    return key;
  }

  // ------------------------------------------------------------ events

  /** Wraps a queued event so that it is dropped when its socket was closed or reused. */
  private guard(s: LpcSocket, fn: () => void): () => void {
    const gen = s.generation;
    return () => {
      if (this.sockets[s.fd] !== s || s.generation !== gen || !s.isOpen) return;
      fn();
    };
  }

  private linkEvents(s: LpcSocket): LinkEvents {
    const table = this;
    return {
      connected: () =>
        table.queue(
          table.guard(s, () => {
            if (s.link) s.local = s.link.local();
            s.blocked = false;
            table.call(s, s.writeCb, [s.fd]);
          }),
        ),
      accepted: (link, remote) => {
        const p: PendingAccept = { link, remote, early: [], closed: false };
        s.backlog.push(p);
        if (s.state === 'LISTEN') table.queue(table.guard(s, () => table.call(s, s.readCb, [s.fd])));
        return {
          connected: () => {},
          accepted: () => table.linkEvents(s),
          data: (bytes) => {
            if (p.adopted) table.queue(table.guard(p.adopted, () => table.deliver(p.adopted!, bytes)));
            else p.early.push(bytes);
          },
          writable: () => {
            if (p.adopted) table.queue(table.guard(p.adopted, () => table.drained(p.adopted!)));
          },
          closed: () => {
            if (p.adopted) table.queue(table.guard(p.adopted, () => table.peerClosed(p.adopted!)));
            else {
              p.closed = true;
              const i = s.backlog.indexOf(p);
              if (i >= 0 && !p.early.length) s.backlog.splice(i, 1);
            }
          },
        };
      },
      data: (bytes, from) => table.queue(table.guard(s, () => table.deliver(s, bytes, from))),
      writable: () => table.queue(table.guard(s, () => table.drained(s))),
      closed: () => table.queue(table.guard(s, () => table.peerClosed(s))),
    };
  }

  /** Hands received bytes to the read callback in the socket's mode. */
  private deliver(s: LpcSocket, bytes: Uint8Array, from?: Endpoint): void {
    if (s.isDatagram) {
      const msg = s.binary ? new LBuffer(bytes) : textOf(bytes);
      this.call(s, s.readCb, [s.fd, msg, from ? `${from.address} ${from.port}` : '']);
      return;
    }
    if (s.mode !== MUD) {
      this.call(s, s.readCb, [s.fd, s.binary ? new LBuffer(bytes) : textOf(bytes)]);
      return;
    }
    // MUD mode: 4-byte big-endian length, then a value in save format.
    s.inbox = concat(s.inbox, bytes);
    while (s.inbox.length >= 4 && this.sockets[s.fd] === s && s.isOpen) {
      const len = new DataView(s.inbox.buffer, s.inbox.byteOffset, 4).getInt32(0);
      if (len <= 0 || len > this.rt.limits.maxByteTransfer) {
        // A peer that breaks the framing is cut off, as MudOS does.
        this.peerClosed(s);
        return;
      }
      if (s.inbox.length < 4 + len) return;
      const payload = s.inbox.subarray(4, 4 + len);
      s.inbox = s.inbox.slice(4 + len);
      let value: Value;
      try {
        value = decodeValue(textOf(payload), this.rt.limits);
      } catch {
        value = UNDEFINED;
      }
      this.call(s, s.readCb, [s.fd, value]);
    }
  }

  private drained(s: LpcSocket): void {
    if (!s.blocked) return;
    s.blocked = false;
    this.call(s, s.writeCb, [s.fd]);
  }

  /** The peer went away: the close callback, then the slot is freed. */
  private peerClosed(s: LpcSocket): void {
    if (!s.isOpen) return;
    const cb = s.closeCb;
    this.release(s);
    if (cb) this.runCallback(s.owner, cb, [s.fd]);
  }

  /** Frees a socket: closes its link (after buffered output) and any waiting connections. */
  private release(s: LpcSocket): void {
    s.state = 'CLOSED';
    s.generation++;
    s.link?.close();
    s.link = undefined;
    for (const p of s.backlog) p.link.close();
    s.backlog = [];
    s.readCb = s.writeCb = s.closeCb = 0;
    s.blocked = false;
    s.released = false;
  }

  /** Destructing an object closes its sockets, without callbacks (MudOS close_referencing_sockets). */
  private closeOwnedBy(ob: LpcObject): void {
    for (const s of this.sockets) if (s.owner === ob && s.isOpen) this.release(s);
  }

  private call(s: LpcSocket, cb: Callback, args: Value[]): void {
    if (cb) this.runCallback(s.owner, cb, args);
  }

  /** Runs a callback as a top-level execution (a string names a function in `ob`). */
  private runCallback(ob: LpcObject | 0, cb: Callback, args: Value[]): void {
    const rt = this.rt;
    rt.runTop(() => {
      rt.tp = 0;
      if (cb instanceof LFunction) rt.callFunction(cb, args);
      else if (typeof cb === 'string' && ob && !ob.destructed) rt.apply(ob, cb, args);
    });
  }
}

// ---------------------------------------------------------------- helpers

const tables = new WeakMap<Runtime, LpcSockets>();

/** The socket table of a runtime (created on first use). */
export function lpcSocketsOf(rt: Runtime): LpcSockets {
  let t = tables.get(rt);
  if (!t) tables.set(rt, (t = new LpcSockets(rt)));
  return t;
}

/** "host port" (MudOS socket_name_to_sin) → endpoint; undefined when malformed. */
export function parseEndpoint(text: string): Endpoint | undefined {
  const m = /^\s*(\S+)\s+(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port > 65535) return undefined;
  return { address: m[1]!, port };
}

/** Numeric IPv4 or IPv6 address (no lookup needed). */
export function isNumericAddress(a: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(a) || (a.includes(':') && /^[0-9a-fA-F:.]+$/.test(a));
}

function dotted(ep: Endpoint): string {
  const a = ep.address === '0.0.0.0' || ep.address === '' || ep.address === '::' ? '*' : ep.address;
  return `${a}.${ep.port === 0 ? '*' : ep.port}`;
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8');

/** Text modes read bytes as a C string: UTF-8 up to the first NUL. */
function textOf(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return DECODER.decode(nul >= 0 ? bytes.subarray(0, nul) : bytes);
}

/** A datagram's text: the string and its terminating NUL, as MudOS sends it. */
function cString(s: string): Uint8Array {
  const b = ENCODER.encode(s);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
}

/** STREAM payloads: a string, a buffer, or an array of ints (32-bit, host order = little-endian). */
function streamBytes(v: Value): Uint8Array | undefined {
  if (typeof v === 'string') return ENCODER.encode(v);
  if (v instanceof LBuffer) return v.bytes;
  if (Array.isArray(v)) {
    const out = new Uint8Array(v.length * 4);
    const view = new DataView(out.buffer);
    v.forEach((x, i) => {
      if (typeof x === 'number' || typeof x === 'bigint') view.setInt32(i * 4, Number(BigInt.asIntN(32, BigInt(x))), true);
    });
    return out;
  }
  return undefined;
}

/** A MUD-mode frame: big-endian length, then the save-format text and its NUL (MudOS socket_write). */
export function mudFrame(v: Value): Uint8Array {
  const text = ENCODER.encode(encodeValue(v));
  const out = new Uint8Array(4 + text.length + 1);
  new DataView(out.buffer).setInt32(0, text.length + 1);
  out.set(text, 4);
  return out;
}

function depthOf(v: Value, d: number): number {
  if (d > MAX_MUD_DEPTH) return d;
  if (Array.isArray(v)) return v.reduce<number>((m, x) => Math.max(m, depthOf(x, d + 1)), d + 1);
  if (v instanceof LMapping) {
    let m = d + 1;
    for (const [k, x] of v.entries()) m = Math.max(m, depthOf(k, d + 1), depthOf(x, d + 1));
    return m;
  }
  return d;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
