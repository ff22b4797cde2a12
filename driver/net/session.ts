// Interactive sessions: the link between one connection (a telnet, ascii or
// binary socket, or the console) and the object it drives. A session owns the
// telnet state machine, the queue of typed lines, the pending input_to, the
// snoop links and the output buffer, which the backend flushes once per turn
// (one write per connection per turn).
//
// No I/O happens here: the backend hands each session a Link that writes
// bytes, and, for MCCP2, a Compressor factory (node:zlib lives in the backend
// so that this layer stays free of Node modules).
import type { Runtime } from '../vm/runtime.js';
import type { LpcObject } from '../vm/object.js';
import { F_PRIVATE } from '../vm/program.js';
import type { Value } from '../vm/values.js';
import { TelnetSession, type PortKind, type TelnetEvent, type TelnetSessionOptions } from './telnet.js';
import { I_NOECHO, type InputRequest } from './input.js';

/** Where a session's bytes go. */
export interface Link {
  write(bytes: Uint8Array): void;
  /** Closes once everything written so far is sent. */
  close(): void;
  /** Console only: terminal echo and single-character mode (termios). */
  setEcho?(on: boolean): void;
  setSingleChar?(on: boolean): void;
}

/** A streaming deflate for MCCP2: one zlib stream, flushed (Z_SYNC_FLUSH) per turn. */
export interface Compressor {
  write(bytes: Uint8Array): void;
  flush(): void;
  /** Finishes the stream; `done` runs after its last bytes were handed on. */
  end(done: () => void): void;
}

export type SessionKind = PortKind | 'console';

/** One queued input: a line, or a character in single-char mode. */
export interface QueuedInput {
  text: string;
  char: boolean;
  /** Not a line the telnet machine counted (regrouped characters, a split remainder). */
  uncounted?: boolean;
}

export interface SessionOptions {
  kind: SessionKind;
  link: Link;
  /** Numeric peer address ("127.0.0.1", "::1"); "" for the console. */
  ip: string;
  remotePort: number;
  /** The local port the connection came in on (0 for the console). */
  port: number;
  telnet?: TelnetSessionOptions;
  /** Makes a compressor whose output goes to `out` (MCCP2). */
  compressor?: (out: (bytes: Uint8Array) => void) => Compressor;
  now: number;
}

const ENCODER = new TextEncoder();
const COMPRESS_MARK = Symbol('compress-start');
const COMPRESS_END = Symbol('compress-stop');
type Chunk = string | Uint8Array | typeof COMPRESS_MARK | typeof COMPRESS_END;

/** The interactive state of one connection. */
export class Session {
  readonly kind: SessionKind;
  readonly telnet: TelnetSession | undefined;
  readonly link: Link;
  readonly ip: string;
  readonly remotePort: number;
  readonly port: number;
  /** The object this connection drives (exec() changes it). */
  ob: LpcObject | 0 = 0;
  /** Reverse DNS result; undefined until (and unless) the lookup succeeds. */
  ipName: string | undefined;
  connectedAt: number;
  lastInputAt: number;
  readonly queue: QueuedInput[] = [];
  pending: InputRequest | undefined;
  /** The object snooping on this session, if any. */
  snooper: LpcObject | 0 = 0;
  /** The session this one's object snoops on. */
  snooping: Session | undefined;
  /** Set once the connection is going away (no more input is processed). */
  closing = false;
  /** Set when the peer hung up (net_dead is due or done). */
  hungUp = false;
  /** Why receive() asked for a disconnect (flood, oversize line), for the driver log. */
  dropReason: string | undefined;
  /** Terminal type and window size as the client reported them. */
  terminalType: string | undefined;
  windowSize: [number, number] | undefined;
  private chunks: Chunk[] = [];
  private readonly makeCompressor: SessionOptions['compressor'];
  private compressor: Compressor | undefined;
  /** Characters typed ahead in character mode, waiting for the rest of their line. */
  private partial = '';
  /** Plain bytes waiting for a finishing compressed stream (compress-stop). */
  private afterCompress: Uint8Array[] | undefined;

  constructor(opts: SessionOptions) {
    this.kind = opts.kind;
    this.link = opts.link;
    this.ip = opts.ip;
    this.remotePort = opts.remotePort;
    this.port = opts.port;
    this.connectedAt = opts.now;
    this.lastInputAt = opts.now;
    this.makeCompressor = opts.compressor;
    if (opts.kind !== 'console') {
      this.telnet = new TelnetSession({ ...opts.telnet, kind: opts.kind });
    }
  }

  /** The opening negotiation (telnet ports), queued before logon(). */
  start(): void {
    if (this.telnet) this.queueBytes(this.telnet.start());
  }

  /** Queues text for the next flush. */
  send(text: string): void {
    if (text.length === 0 || this.closing) return;
    this.chunks.push(text);
  }

  /** Queues raw bytes (telnet replies, already-encoded data). */
  queueBytes(bytes: Uint8Array): void {
    if (bytes.length) this.chunks.push(bytes);
  }

  /** Whether output is waiting for the end of the turn. */
  get hasOutput(): boolean {
    return this.chunks.length > 0;
  }

  /** Writes everything queued as one write (one more when a compressed stream starts or ends). */
  flush(): void {
    if (this.chunks.length === 0) return;
    const chunks = this.chunks;
    this.chunks = [];
    let parts: Uint8Array[] = [];
    let size = 0;
    const emit = () => {
      if (!parts.length) return;
      const bytes = parts.length === 1 ? parts[0] : concat(parts, size);
      parts = [];
      size = 0;
      this.writeOut(bytes);
    };
    for (const c of chunks) {
      if (c === COMPRESS_MARK) {
        emit();
        if (this.makeCompressor && !this.compressor) {
          this.compressor = this.makeCompressor((b) => this.rawWrite(b));
        }
        continue;
      }
      if (c === COMPRESS_END) {
        emit();
        const comp = this.compressor;
        if (comp) {
          this.compressor = undefined;
          this.afterCompress = [];
          comp.end(() => {
            const waiting = this.afterCompress ?? [];
            this.afterCompress = undefined;
            for (const b of waiting) this.rawWrite(b);
          });
        }
        continue;
      }
      const bytes = typeof c === 'string' ? this.encode(c) : c;
      parts.push(bytes);
      size += bytes.length;
    }
    emit();
    this.compressor?.flush();
  }

  private encode(text: string): Uint8Array {
    if (this.telnet) return this.telnet.encodeText(text);
    return ENCODER.encode(text);
  }

  private writeOut(bytes: Uint8Array): void {
    if (this.compressor) this.compressor.write(bytes);
    else if (this.afterCompress) this.afterCompress.push(bytes);
    else this.rawWrite(bytes);
  }

  private rawWrite(bytes: Uint8Array): void {
    if (!this.hungUp) this.link.write(bytes);
  }

  /**
   * Feeds received bytes through the telnet machine. Lines and characters go
   * to the queue; everything else becomes an apply call or a reply, through
   * `host`. Returns false when the connection must be dropped (flood,
   * oversize input), after queueing the reason for the user.
   */
  receive(bytes: Uint8Array, now: number, host: SessionHost): boolean {
    const t = this.telnet;
    if (!t) return true;
    const events = t.receive(bytes, now);
    for (let i = 0; i < events.length; i++) {
      if (!this.handleEvent(events[i], host)) return false;
    }
    return true;
  }

  private handleEvent(e: TelnetEvent, host: SessionHost): boolean {
    switch (e.type) {
      case 'line':
        this.pushLine(e.text);
        return true;
      case 'char':
        this.queue.push({ text: e.text, char: true });
        return true;
      case 'data':
        host.binaryInput(this, e.bytes);
        return true;
      case 'send':
        this.queueBytes(e.bytes);
        return true;
      case 'ttype':
        this.terminalType = e.name;
        host.apply(this, 'set_terminal_type', [e.name]);
        return true;
      case 'naws':
        this.windowSize = [e.width, e.height];
        host.apply(this, 'set_window_size', [e.width, e.height]);
        return true;
      case 'suboption':
        host.apply(this, 'telnet_suboption', [host.toBuffer(e.bytes)]);
        return true;
      case 'gmcp':
        host.apply(this, 'gmcp', [e.json === '' ? e.package : `${e.package} ${e.json}`]);
        return true;
      case 'compress-start':
        this.chunks.push(COMPRESS_MARK);
        return true;
      case 'compress-stop':
        this.chunks.push(COMPRESS_END);
        return true;
      case 'overlong':
        if (!e.disconnect) return true;
        return this.drop(`Input line too long: ${e.length} bytes (the limit is ${e.limit}).`);
      case 'flood':
        if (!e.disconnect) return true;
        return this.drop(e.reason === 'bytes'
          ? `Input flood: ${e.observed} bytes in one interval (the limit is ${e.limit}).`
          : `Input flood: ${e.observed} commands waiting (the limit is ${e.limit}).`);
      default:
        return true;
    }
  }

  /** Tells the user why the connection goes; the backend logs `dropReason` too. Always false (drop it). */
  private drop(reason: string): false {
    this.dropReason = reason;
    this.send(`\n${reason} Disconnecting.\n`);
    return false;
  }

  /** Queues a completed input line (after any characters typed ahead of it in character mode). */
  pushLine(text: string, uncounted = false): void {
    if (this.partial) {
      text = this.partial + text;
      this.partial = '';
    }
    this.queue.push(uncounted ? { text, char: false, uncounted } : { text, char: false });
  }

  /**
   * Queues one character from a link that splits its input itself (the
   * console's reader thread, in single-char mode while get_char waits). The
   * link leaves single-char mode only after the answer, so characters it read
   * meanwhile can arrive once no get_char is pending any more: those are
   * typed-ahead input and join the line being typed (regroupCharacters()
   * passes the ones already queued through here too).
   */
  pushChar(text: string): void {
    if (this.pending?.singleChar) {
      this.queue.push({ text, char: true });
    } else if (text === '\n' || text === '\r') {
      this.queue.push({ text: this.partial, char: false, uncounted: true });
      this.partial = '';
    } else {
      this.partial += text;
    }
  }

  /** End of input: characters typed ahead without a line ending still make a line. */
  flushPartial(): void {
    if (!this.partial) return;
    this.queue.push({ text: this.partial, char: false, uncounted: true });
    this.partial = '';
  }

  /** Takes the next queued input off the queue (and tells telnet's flood counter). */
  takeInput(): QueuedInput | undefined {
    const q = this.queue.shift();
    if (q && !q.char && !q.uncounted) this.telnet?.lineConsumed();
    return q;
  }

  /**
   * Leaving character mode: characters that arrived after the one get_char
   * took are typed-ahead input, so they become lines again (MudOS re-scans
   * its input buffer for a line); an unfinished tail waits for the rest of
   * its line.
   */
  private regroupCharacters(): void {
    if (!this.queue.some((q) => q.char)) return;
    // No get_char is pending any more (clearPending), so pushChar() joins them into lines.
    for (const q of this.queue.splice(0)) {
      if (q.char) this.pushChar(q.text);
      else this.queue.push(q);
    }
  }

  /** Starts a pending input_to/get_char: echo and character mode follow its flags. */
  setPending(req: InputRequest): void {
    this.pending = req;
    if (req.flags & I_NOECHO) this.setEcho(false);
    if (req.singleChar) this.setSingleChar(true);
  }

  /** Ends the pending request, restoring echo and line mode. */
  clearPending(): InputRequest | undefined {
    const req = this.pending;
    this.pending = undefined;
    if (req) {
      if (req.flags & I_NOECHO) this.setEcho(true);
      if (req.singleChar) {
        this.setSingleChar(false);
        this.regroupCharacters();
      }
    }
    return req;
  }

  setEcho(on: boolean): void {
    if (this.telnet) this.queueBytes(this.telnet.setEcho(on));
    else this.link.setEcho?.(on);
  }

  setSingleChar(on: boolean): void {
    if (this.telnet) this.queueBytes(this.telnet.setSingleChar(on));
    else this.link.setSingleChar?.(on);
  }

  /** Whether the user is typing blind (a no-echo input_to is pending). */
  get noEcho(): boolean {
    return !!this.pending && (this.pending.flags & I_NOECHO) !== 0;
  }
}

/** What a session needs from the backend while it digests input. */
export interface SessionHost {
  /** Calls an apply in the session's object as its own execution (errors reported). */
  apply(session: Session, name: string, args: Value[]): void;
  /** Raw input on a binary port. */
  binaryInput(session: Session, bytes: Uint8Array): void;
  /** An LPC buffer value holding bytes. */
  toBuffer(bytes: Uint8Array): Value;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ------------------------------------------------------------- the user table

/** Every interactive session of one runtime, in connection order (users()). */
export class UserTable {
  private readonly byObject = new Map<LpcObject, Session>();
  readonly sessions = new Set<Session>();
  /** Objects that ever had a connection (MudOS O_ONCE_INTERACTIVE, read by userp()). */
  readonly onceInteractive = new WeakSet<LpcObject>();
  /** Set by the backend: closes a connection (remove_interactive, destruct of its object). */
  disconnect: (session: Session) => void = (s) => {
    s.closing = true;
    s.flush();
    s.link.close();
    this.remove(s);
  };

  add(session: Session): void {
    this.sessions.add(session);
    if (session.ob) this.byObject.set(session.ob, session);
  }

  remove(session: Session): void {
    this.sessions.delete(session);
    if (session.ob && this.byObject.get(session.ob) === session) this.byObject.delete(session.ob);
  }

  /** Binds a session to a (new) object; the old object stops being interactive. */
  bind(session: Session, ob: LpcObject | 0): void {
    if (session.ob && this.byObject.get(session.ob) === session) this.byObject.delete(session.ob);
    session.ob = ob;
    if (ob) {
      this.byObject.set(ob, session);
      this.onceInteractive.add(ob);
    }
  }

  of(ob: LpcObject): Session | undefined {
    const s = this.byObject.get(ob);
    return s && !s.closing ? s : undefined;
  }

  /** Objects of live sessions, in connection order. */
  objects(): LpcObject[] {
    const out: LpcObject[] = [];
    for (const s of this.sessions) if (s.ob && !s.ob.destructed && !s.closing) out.push(s.ob);
    return out;
  }
}

const tables = new WeakMap<Runtime, UserTable>();

/** The user table of a runtime (created on first use). */
export function usersOf(rt: Runtime): UserTable {
  let t = tables.get(rt);
  if (!t) {
    t = new UserTable();
    tables.set(rt, t);
  }
  return t;
}

/** The live session of an object, if it is interactive. */
export function sessionOf(rt: Runtime, ob: LpcObject): Session | undefined {
  return tables.get(rt)?.of(ob);
}

// ------------------------------------------------------------- delivery

/** Whether an object defines an apply the driver may call. */
export function hasApply(ob: LpcObject, name: string): boolean {
  const e = ob.linked.table.get(name);
  return !!e && !(e.def.flags & F_PRIVATE);
}

/**
 * Sends text to an interactive object's connection (MudOS add_message):
 * snoopers see it too, through receive_snoop when they define it.
 */
export function sendToSession(rt: Runtime, session: Session, text: string): void {
  session.send(text);
  if (session.snooper) snoopText(rt, session.snooper, text, 0);
}

/** Hands snooped text to a snooper (receive_snoop if defined, else its connection). */
export function snoopText(rt: Runtime, snooper: LpcObject, text: string, depth: number): void {
  if (snooper.destructed || depth > 8) return;
  if (hasApply(snooper, 'receive_snoop')) {
    rt.apply(snooper, 'receive_snoop', [text]);
    return;
  }
  const s = sessionOf(rt, snooper);
  if (!s) return;
  s.send(text);
  if (s.snooper) snoopText(rt, s.snooper, text, depth + 1);
}

/**
 * tell_object semantics (MudOS tell_object): an interactive object gets the
 * text on its connection; any other object gets a catch_tell(text) call when
 * it defines one.
 */
export function tellObject(rt: Runtime, ob: LpcObject, text: string): void {
  if (ob.destructed) return;
  const s = sessionOf(rt, ob);
  if (s) {
    sendToSession(rt, s, text);
    return;
  }
  if (hasApply(ob, 'catch_tell')) rt.apply(ob, 'catch_tell', [text]);
}
