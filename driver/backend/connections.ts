// Ports and connections on the native event runtime: listening sockets for
// the config's `Port` entries (IPv4 and IPv6), one Session per accepted
// connection, reverse DNS through the resolver worker, and the MCCP2
// compressor (node:zlib). Runtime events are only recorded here and the
// backend is woken; the backend turn digests them (DESIGN.md "Backend
// cycle": drain the native runtime).
import * as zlib from 'node:zlib';
import { NativeRuntime } from './native.js';
import { NativeResolver } from './resolver.js';
import { Session, type Compressor, type SessionKind } from '../net/session.js';
import type { TelnetSessionOptions } from '../net/telnet.js';
import type { PortKind } from '../net/telnet.js';

/** listen(2) backlog; the kernel caps it at net.core.somaxconn. */
const LISTEN_BACKLOG = 4096;

/** A port the driver listens on. */
export interface PortBinding {
  /** The configured port (0 picks a free one). */
  port: number;
  kind: PortKind;
  /** The bound port, per listener address. */
  bound: number;
  listeners: number[];
}

/** What happened on the wire since the last turn, in arrival order. */
export type WireEvent =
  | { type: 'accept'; conn: number; port: PortBinding; ip: string; remotePort: number }
  | { type: 'data'; conn: number; bytes: Buffer }
  | { type: 'close'; conn: number }
  | { type: 'console-line'; text: string; flag: string }
  | { type: 'console-eof' };

/** Splits "1.2.3.4:5" or "[::1]:5" into address and port; IPv4-mapped IPv6 reads as IPv4. */
export function parsePeer(peer: string): { ip: string; port: number } {
  let ip = peer;
  let port = 0;
  const m = /^\[(.*)\]:(\d+)$/.exec(peer) ?? /^([^:]*):(\d+)$/.exec(peer);
  if (m) {
    ip = m[1];
    port = Number(m[2]);
  }
  if (ip.startsWith('::ffff:') && ip.includes('.')) ip = ip.slice(7);
  return { ip, port };
}

/** A zlib stream for MCCP2 (one stream per connection, flushed with Z_SYNC_FLUSH each turn). */
export function zlibCompressor(out: (bytes: Uint8Array) => void): Compressor {
  const z = zlib.createDeflate({ level: 6 });
  z.on('data', (b: Buffer) => out(b));
  return {
    write: (b) => void z.write(b),
    flush: () => z.flush(zlib.constants.Z_SYNC_FLUSH),
    end: (done) => {
      z.once('end', done);
      z.end();
    },
  };
}

export interface ConnectionsOptions {
  /** Listen address: "" for every interface (IPv6 and IPv4), or one numeric address / "localhost". */
  address?: string;
  telnet: TelnetSessionOptions;
  /** Look up host names for query_ip_name (default true). */
  reverseDns?: boolean;
  resolverTtls?: { forwardTtlMs: number; reverseTtlMs: number; negativeTtlMs: number };
  now: () => number;
  /** Called whenever an event was recorded (the backend schedules a turn). */
  wake: () => void;
}

/** The native runtime, its listeners and the sessions of live connections. */
export class Connections {
  readonly native: NativeRuntime;
  readonly resolver: NativeResolver | undefined;
  readonly ports: PortBinding[] = [];
  /** Sessions by native connection id. */
  readonly byConn = new Map<number, Session>();
  readonly connOf = new Map<Session, number>();
  /** Events recorded since the last drain. */
  inbox: WireEvent[] = [];
  private readonly listenerPort = new Map<number, PortBinding>();

  constructor(private readonly opts: ConnectionsOptions) {
    this.native = new NativeRuntime({
      accept: (listener, conn, peer) => {
        const port = this.listenerPort.get(listener);
        if (!port) return;
        const { ip, port: remotePort } = parsePeer(peer);
        this.record({ type: 'accept', conn, port, ip, remotePort });
      },
      data: (conn, bytes) => this.record({ type: 'data', conn, bytes }),
      close: (conn) => this.record({ type: 'close', conn }),
    });
    if (opts.reverseDns !== false) {
      this.resolver = new NativeResolver(this.native, opts.resolverTtls ?? {});
    }
  }

  private record(e: WireEvent): void {
    this.inbox.push(e);
    this.opts.wake();
  }

  /** Records a console event (the console worker shares the runtime). */
  recordConsole(e: WireEvent): void {
    this.record(e);
  }

  /**
   * Listens on `port` for `kind`. With the default address "" this opens an
   * IPv6 socket that also takes IPv4 (dual stack), or IPv4 alone when the
   * host has no IPv6.
   */
  listen(port: number, kind: PortKind): PortBinding {
    const binding: PortBinding = { port, kind, bound: 0, listeners: [] };
    const address = this.opts.address ?? '';
    const tryListen = (host: string, p: number, ipv6Only = false) => {
      // A deep accept queue: a burst of connections beyond the backlog waits
      // for SYN retries (1 s, 3 s, ...) instead of being accepted at once.
      const r = this.native.listen(host, p, { ipv6Only, backlog: LISTEN_BACKLOG });
      binding.listeners.push(r.id);
      this.listenerPort.set(r.id, binding);
      return r.port;
    };
    // "" is every interface: one dual-stack IPv6 socket, or IPv4 alone on hosts without IPv6 (native).
    binding.bound = tryListen(address, port);
    this.ports.push(binding);
    return binding;
  }

  /** Creates the session of an accepted connection (not yet bound to an object). */
  openSession(conn: number, port: PortBinding, ip: string, remotePort: number): Session {
    const native = this.native;
    const s = new Session({
      kind: port.kind as SessionKind,
      ip,
      remotePort,
      port: port.bound,
      now: this.opts.now(),
      telnet: this.opts.telnet,
      compressor: zlibCompressor,
      link: {
        write: (bytes) => {
          if (!native.closed) native.write(conn, bytes);
        },
        close: () => {
          if (!native.closed) native.close(conn);
        },
      },
    });
    this.byConn.set(conn, s);
    this.connOf.set(s, conn);
    if (this.resolver && ip) {
      try {
        this.resolver.reverse(ip, (r) => {
          if (r.status === 'ok' && r.name) s.ipName = r.name;
        });
      } catch {
        // A stopped resolver only costs the host name; the address still answers.
      }
    }
    return s;
  }

  /** Forgets a connection's session (after its close event, or after we closed it). */
  forget(session: Session): void {
    const conn = this.connOf.get(session);
    if (conn === undefined) return;
    this.connOf.delete(session);
    this.byConn.delete(conn);
  }

  /** Picks up completions the runtime holds but has not delivered yet. */
  drain(): void {
    if (!this.native.closed) this.native.drain();
  }

  takeInbox(): WireEvent[] {
    const events = this.inbox;
    this.inbox = [];
    return events;
  }

  /** Closes every listener and connection (after the caller flushed output). */
  shutdown(): void {
    this.resolver?.stop();
    this.native.shutdown();
  }
}
