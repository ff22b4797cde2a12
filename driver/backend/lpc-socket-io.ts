// The I/O behind LPC efun sockets (driver/net/lpc-sockets.ts):
//
// - every socket (TCP listeners, the connections they accept, outgoing
//   connections, UDP) runs on a native event runtime of its own
//   (driver/backend/native.ts): it binds synchronously, so socket_bind() can
//   answer EEADDRINUSE at once as MudOS does, connects without blocking, and
//   its writable events tell when a blocked write drained;
// - host names go through the native resolver pool (worker threads).
//
// Every event is handed to the table, which queues it for the next turn.
import { NativeRuntime } from './native.js';
import { NativeResolver } from './resolver.js';
import { parsePeer } from './connections.js';
import type { BindResult, Endpoint, LinkEvents, SocketLink, SocketTransport } from '../net/lpc-sockets.js';

/** Maps a native bind/listen failure to the MudOS code socket_bind() returns. */
function bindError(e: unknown): 'EEADDRINUSE' | 'EEBADADDR' | 'EEBIND' {
  const msg = String((e as Error).message);
  if (/in use/i.test(msg)) return 'EEADDRINUSE';
  if (/not a numeric|address/i.test(msg)) return 'EEBADADDR';
  return 'EEBIND';
}

export class LpcSocketIo implements SocketTransport {
  private native: NativeRuntime | undefined;
  private resolver: NativeResolver | undefined;
  /** Native listener id → its events; native connection id → its events. */
  private readonly listeners = new Map<number, { events: LinkEvents; local: Endpoint }>();
  private readonly conns = new Map<number, LinkEvents>();
  /** Connections we closed ourselves: their close event is not reported. */
  private readonly closing = new Set<number>();
  /** Native datagram socket id → its events. */
  private readonly datagrams = new Map<number, LinkEvents>();
  /** Local addresses of outgoing connections, from their connected events. */
  private readonly locals = new Map<number, Endpoint>();
  private stopped = false;

  /** The native runtime, created on first use (a driver without LPC sockets never starts it). */
  private runtime(): NativeRuntime {
    if (this.native) return this.native;
    this.native = new NativeRuntime(
      {
        accept: (listener, conn, peer) => {
          const l = this.listeners.get(listener);
          if (!l) {
            this.native!.close(conn);
            return;
          }
          const { ip, port } = parsePeer(peer);
          const local = l.local;
          const link = this.nativeLink(conn, () => local);
          this.conns.set(conn, l.events.accepted(link, { address: ip, port }));
        },
        connected: (conn, local) => {
          const { ip, port } = parsePeer(local);
          this.locals.set(conn, { address: ip, port });
          this.conns.get(conn)?.connected();
        },
        data: (conn, bytes) => this.conns.get(conn)?.data(new Uint8Array(bytes)),
        datagram: (socket, from, bytes) => {
          const { ip, port } = parsePeer(from);
          this.datagrams.get(socket)?.data(new Uint8Array(bytes), { address: ip, port });
        },
        writable: (conn) => this.conns.get(conn)?.writable(),
        close: (conn, errno) => {
          const events = this.conns.get(conn);
          this.conns.delete(conn);
          this.locals.delete(conn);
          if (this.closing.delete(conn)) return;
          events?.closed(errno ? `errno ${errno}` : 'closed by peer');
        },
      },
      // Writable must fire whenever a buffered write drains (MudOS calls the
      // write callback once a blocked socket can take data again).
      { writeLowWater: 1 },
    );
    return this.native;
  }

  private nativeLink(conn: number, local: () => Endpoint): SocketLink {
    return {
      write: (bytes) => {
        if (!this.native || this.native.closed) return -1;
        const left = this.native.write(conn, bytes);
        return left < 0 ? -1 : left;
      },
      sendTo: () => false,
      close: () => {
        if (!this.native || this.native.closed) return;
        this.closing.add(conn);
        this.native.close(conn);
      },
      local,
    };
  }

  listen(address: string, port: number, events: LinkEvents): BindResult {
    const rt = this.runtime();
    const host = address === '' ? '0.0.0.0' : address;
    let r: { id: number; port: number };
    try {
      r = rt.listen(host, port);
    } catch (e) {
      return bindError(e);
    }
    const local = { address: host, port: r.port };
    this.listeners.set(r.id, { events, local });
    return {
      write: () => -1,
      sendTo: () => false,
      close: () => {
        this.listeners.delete(r.id);
        if (!rt.closed) rt.close(r.id);
      },
      local: () => local,
    };
  }

  connect(to: Endpoint, events: LinkEvents): SocketLink {
    const rt = this.runtime();
    let conn: number;
    try {
      conn = rt.connect(to.address, to.port);
    } catch (e) {
      // Not a usable address: the socket reads as failed, like a refusal.
      const why = String((e as Error).message);
      queueMicrotask(() => events.closed(why));
      return { write: () => -1, sendTo: () => false, close: () => {}, local: () => ({ address: '0.0.0.0', port: 0 }) };
    }
    this.conns.set(conn, events);
    return this.nativeLink(conn, () => this.locals.get(conn) ?? { address: '0.0.0.0', port: 0 });
  }

  datagram(address: string, port: number, events: LinkEvents): BindResult {
    const rt = this.runtime();
    let r: { id: number; port: number };
    try {
      r = rt.bindDatagram(address, port);
    } catch (e) {
      return bindError(e);
    }
    this.datagrams.set(r.id, events);
    const local = { address: address || '0.0.0.0', port: r.port };
    return {
      write: () => -1,
      sendTo: (bytes, to) => !rt.closed && rt.sendTo(r.id, to.address, to.port, bytes) === 0,
      close: () => {
        this.datagrams.delete(r.id);
        if (!rt.closed) rt.close(r.id);
      },
      local: () => local,
    };
  }

  private lookups(): NativeResolver {
    return (this.resolver ??= new NativeResolver(this.runtime()));
  }

  resolve(host: string, done: (addresses: string[]) => void): void {
    if (this.stopped) return;
    this.lookups().resolve(host, (r) => done(r.status === 'ok' ? r.addresses : []));
  }

  reverse(address: string, done: (name: string | undefined) => void): void {
    if (this.stopped) return;
    this.lookups().reverse(address, (r) => done(r.status === 'ok' && r.name ? r.name : undefined));
  }

  shutdown(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.resolver?.stop();
    this.native?.shutdown();
  }
}
