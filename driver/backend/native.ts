// The typed face of the native event runtime (native/src/runtime.h). The
// addon handle stays private to this module: options are validated here with
// one-line errors before anything crosses into C++, and completions come back
// as typed events.
//
// Completions arrive in batches (one JavaScript call per wake-up, at most
// `batchMax` at a time) encoded in two typed arrays shared with C++ once, plus
// one Buffer per batch holding any text or bytes. Per-kind handlers receive
// positional arguments, so a batch of worker completions allocates nothing per
// event; the `event` handler receives a discriminated-union object per event
// for callers that prefer one switch.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Raw addon surface (binding.cc). Only this module touches it. */
interface AddonRuntime {
  listen(host: string, port: number, backlog: number, ipv6Only: boolean): [number, number];
  connect(host: string, port: number): number;
  bindDatagram(host: string, port: number): [number, number];
  sendTo(id: number, host: string, port: number, bytes: Uint8Array): number;
  write(conn: number, bytes: Uint8Array): number;
  close(id: number): boolean;
  postUser(id: number, value: number): boolean;
  produce(threads: number, total: number, firstId: number, intervalNs: number): void;
  drain(max: number): number;
  stats(): RuntimeStats;
  shutdown(): void;
  backend(): string;
}

export interface NativeAddon {
  version(): string;
  Runtime: new (
    options: Record<string, unknown>,
    onBatch: (count: number, text: Buffer | undefined) => void,
    meta: Float64Array,
    ends: Uint32Array,
  ) => AddonRuntime;
  batchMax: number;
}

let cachedAddon: NativeAddon | undefined;

/**
 * Loads build/Release/lapis_native.node relative to the package root (or the
 * file named by LAPIS_NATIVE_ADDON, for builds kept elsewhere).
 */
export function loadNativeAddon(): NativeAddon {
  if (cachedAddon) return cachedAddon;
  // Works both from driver/ (vitest) and dist/driver/ (built JS).
  const candidates = ['../../build/Release/lapis_native.node', '../../../build/Release/lapis_native.node'].map(
    (rel) => new URL(rel, import.meta.url).pathname,
  );
  const override = process.env.LAPIS_NATIVE_ADDON;
  if (override) candidates.unshift(override);
  let lastError: unknown;
  for (const path of candidates) {
    try {
      cachedAddon = require(path) as NativeAddon;
      return cachedAddon;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`lapis: cannot load the native addon (run \`npm run build:native\`): ${String(lastError)}`);
}

/** Completion kinds in native order (completion.h: Accept = 1 … Datagram = 10). */
export const EVENT_KINDS = ['accept', 'data', 'writable', 'close', 'completion', 'consoleLine', 'consoleEof', 'resolved', 'connected', 'datagram'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One completion as an object (for the `event` handler). */
export type RuntimeEvent =
  | { kind: 'accept'; listener: number; conn: number; peer: string }
  | { kind: 'data'; conn: number; bytes: Buffer }
  | { kind: 'writable'; conn: number }
  | { kind: 'close'; conn: number; errno: number }
  | { kind: 'completion'; id: number; value: number }
  | { kind: 'consoleLine'; text: string; flag: number }
  | { kind: 'consoleEof'; errno: number }
  | { kind: 'resolved'; id: number; code: number; text: string }
  | { kind: 'connected'; conn: number; local: string }
  | { kind: 'datagram'; socket: number; from: string; bytes: Buffer };

/**
 * Per-kind handlers; all optional, called without a `this`. Exceptions are
 * reported after the batch (see dispatch).
 */
export interface RuntimeHandlers {
  /** A listener accepted a connection; peer is "1.2.3.4:5" or "[::1]:5". */
  accept?(listener: number, conn: number, peer: string): void;
  /** Bytes read from a connection. The Buffer is the caller's to keep. */
  data?(conn: number, bytes: Buffer): void;
  /** A write buffer that reached the low-water mark has drained below it. */
  writable?(conn: number): void;
  /** A connection closed (exactly once per connection): errno 0 for an orderly end. */
  close?(conn: number, errno: number): void;
  /** A user completion (postUser, produce, or another native worker). */
  completion?(id: number, value: number): void;
  /** A console input line (flag: console.h ConsoleLineFlag). */
  consoleLine?(text: string, flag: number): void;
  /** Console input ended (errno 0 for an orderly end). */
  consoleEof?(errno: number): void;
  /** A resolver request finished (code 0 on success). */
  resolved?(id: number, code: number, text: string): void;
  /** An outgoing connect() is up; local is "1.2.3.4:5" or "[::1]:5". (A failure arrives as close.) */
  connected?(conn: number, local: string): void;
  /** A datagram arrived on a bindDatagram() socket; from is "1.2.3.4:5" or "[::1]:5". */
  datagram?(socket: number, from: string, bytes: Buffer): void;
  /** Every event as one object, after its per-kind handler. */
  event?(e: RuntimeEvent): void;
  /** Called once per delivered batch, after its events (count = events in it). */
  batch?(count: number): void;
}

export type OverflowPolicyName = 'fail' | 'drop-oldest' | 'block-writer';
export type BackendName = 'auto' | 'epoll' | 'poll';

export interface RuntimeOptions {
  /** Poller backend; 'auto' honours LAPIS_POLLER, else epoll on Linux. */
  backend?: BackendName;
  /** Worker-completion queue cells (rounded up to a power of two). Default 65536. */
  queueCapacity?: number;
  /** What a worker's post does when the queue is full. Default 'block-writer'. */
  overflow?: OverflowPolicyName;
  /** How long a blocked worker waits before its post fails. Default 1000. */
  blockTimeoutMs?: number;
  /** Writable fires when a buffer that reached this many bytes drains below it. Default 65536. */
  writeLowWater?: number;
  /** Bytes per socket read. Default 65536. */
  readChunk?: number;
  /** Completions per JavaScript call, 1..4096. Default 4096. */
  batchMax?: number;
  /**
   * A native worker about to wait for new work first yields its CPU while a
   * wake-up it signalled is still pending, so the loop thread, often queued
   * behind it on the same CPU, runs at once. Default true; false only to
   * measure what the hand-off buys.
   */
  handoffOnWake?: boolean;
}

export interface ListenOptions {
  backlog?: number;
  /** For IPv6 addresses: refuse IPv4-mapped connections. Default false. */
  ipv6Only?: boolean;
}

export interface RuntimeStats {
  backend: string;
  capacity: number;
  size: number;
  enqueued: number;
  dequeued: number;
  dropped: number;
  rejected: number;
  highWater: number;
  blocked: number;
  /** Wake-ups signalled by posts: edges, so far fewer than posts under load. */
  wakeups: number;
  rearms: number;
  drains: number;
  ioCompletions: number;
  localPending: number;
  listeners: number;
  connections: number;
  bytesRead: number;
  bytesWritten: number;
  producersPosted: number;
  /** Producer threads of the last produce() still posting. */
  producersRunning: number;
  /** Whether the runtime currently keeps Node's loop alive. */
  referenced: boolean;
}

const OVERFLOW_CODES: Record<OverflowPolicyName, number> = { fail: 0, 'drop-oldest': 1, 'block-writer': 2 };
const BACKENDS: readonly BackendName[] = ['auto', 'epoll', 'poll'];
const OPTION_KEYS = ['backend', 'queueCapacity', 'overflow', 'blockTimeoutMs', 'writeLowWater', 'readChunk', 'batchMax', 'handoffOnWake'] as const;
const INTEGER_LIMITS: Record<string, [number, number]> = {
  queueCapacity: [2, 1 << 24],
  blockTimeoutMs: [0, 3_600_000],
  writeLowWater: [1, 1 << 30],
  readChunk: [512, 1 << 24],
  batchMax: [1, 4096],
};

/** Closest known name within two edits, for "did you mean" hints. */
function suggest(name: string, known: readonly string[]): string {
  let best = '';
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function checkInteger(where: string, name: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`lapis: ${where}: ${name} must be an integer in ${min}..${max}, got ${String(v)}`);
  }
  return v;
}

/** Validates runtime options; throws a one-line error naming the bad option. */
export function normalizeRuntimeOptions(options: RuntimeOptions = {}): Record<string, unknown> {
  if (typeof options !== 'object' || options === null) throw new TypeError('lapis: runtime options must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!(OPTION_KEYS as readonly string[]).includes(key)) {
      throw new TypeError(`lapis: unknown runtime option '${key}'${suggest(key, OPTION_KEYS)}`);
    }
    if (key === 'backend') {
      if (!BACKENDS.includes(value as BackendName)) {
        throw new TypeError(`lapis: backend must be one of ${BACKENDS.join(', ')}, got '${String(value)}'${suggest(String(value), BACKENDS)}`);
      }
      out.backend = value;
    } else if (key === 'overflow') {
      const code = OVERFLOW_CODES[value as OverflowPolicyName];
      if (code === undefined) {
        const names = Object.keys(OVERFLOW_CODES);
        throw new TypeError(`lapis: overflow must be one of ${names.join(', ')}, got '${String(value)}'${suggest(String(value), names)}`);
      }
      out.overflow = code;
    } else if (key === 'handoffOnWake') {
      if (typeof value !== 'boolean') throw new TypeError(`lapis: handoffOnWake must be a boolean, got ${String(value)}`);
      out.handoffOnWake = value ? 1 : 0;
    } else {
      const [min, max] = INTEGER_LIMITS[key]!;
      out[key] = checkInteger('runtime options', key, value, min, max);
    }
  }
  return out;
}

/**
 * One native event runtime bound to Node's loop. It keeps the process alive
 * only while it has listeners, connections, running producers or undelivered
 * completions; shutdown() releases everything.
 *
 * Owner: the thread that created it (Node's main thread or one worker thread).
 */
export class NativeRuntime {
  /** Completions per JavaScript call at most (the native cap). */
  static readonly BATCH_MAX = 4096;

  readonly #handle: AddonRuntime;
  readonly #meta: Float64Array;
  readonly #ends: Uint32Array;
  #handlers: RuntimeHandlers;
  #closed = false;

  constructor(handlers: RuntimeHandlers = {}, options: RuntimeOptions = {}) {
    const native = normalizeRuntimeOptions(options);
    const addon = loadNativeAddon();
    this.#handlers = { ...handlers };
    this.#meta = new Float64Array(addon.batchMax * 3);
    this.#ends = new Uint32Array(addon.batchMax);
    this.#handle = new addon.Runtime(native, (n, text) => this.#dispatch(n, text), this.#meta, this.#ends);
  }

  /** 'epoll' or 'poll': the backend actually running. */
  get backend(): 'epoll' | 'poll' {
    return this.#live('backend').backend() as 'epoll' | 'poll';
  }

  /** Replaces some or all handlers (missing keys keep their handler). */
  setHandlers(handlers: RuntimeHandlers): void {
    this.#handlers = { ...this.#handlers, ...handlers };
  }

  /**
   * Listens on a numeric IPv4/IPv6 address, "localhost", or "" for every
   * interface. Port 0 picks a free port; the bound one is returned.
   */
  listen(host: string, port: number, options: ListenOptions = {}): { id: number; port: number } {
    if (typeof host !== 'string') throw new TypeError(`lapis: listen: host must be a string, got ${typeof host}`);
    checkInteger('listen', 'port', port, 0, 65535);
    for (const key of Object.keys(options)) {
      if (key !== 'backlog' && key !== 'ipv6Only') throw new TypeError(`lapis: unknown listen option '${key}'${suggest(key, ['backlog', 'ipv6Only'])}`);
    }
    const backlog = options.backlog === undefined ? 128 : checkInteger('listen', 'backlog', options.backlog, 1, 65535);
    const ipv6Only = options.ipv6Only ?? false;
    if (typeof ipv6Only !== 'boolean') throw new TypeError('lapis: listen: ipv6Only must be a boolean');
    const [id, bound] = this.#live('listen').listen(host, port, backlog, ipv6Only);
    return { id, port: bound };
  }

  /**
   * Starts an outgoing TCP connection to a numeric IPv4/IPv6 address or
   * "localhost" and returns its connection id at once; a `connected` event
   * follows, or `close` with the errno (ECONNREFUSED, ...). Bytes written
   * before it is up are sent once it is. Host names are refused: resolve
   * them first (resolver.ts), never on this thread.
   */
  connect(host: string, port: number): number {
    if (typeof host !== 'string') throw new TypeError(`lapis: connect: host must be a string, got ${typeof host}`);
    checkInteger('connect', 'port', port, 1, 65535);
    return this.#live('connect').connect(host, port);
  }

  /**
   * Opens a UDP socket on a numeric address ("" = every IPv4 interface) and
   * port (0 = any); the bound port is returned. Binding errors (address in
   * use, ...) throw here, synchronously. Datagrams arrive as `datagram` events;
   * close() ends the socket without a close event.
   */
  bindDatagram(host: string, port: number): { id: number; port: number } {
    if (typeof host !== 'string') throw new TypeError(`lapis: bindDatagram: host must be a string, got ${typeof host}`);
    checkInteger('bindDatagram', 'port', port, 0, 65535);
    const [id, bound] = this.#live('bindDatagram').bindDatagram(host, port);
    return { id, port: bound };
  }

  /** Sends one datagram to a numeric address; 0 when sent, a negative errno otherwise. */
  sendTo(id: number, host: string, port: number, bytes: Uint8Array | string): number {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    if (!(data instanceof Uint8Array)) throw new TypeError('lapis: sendTo: bytes must be a Uint8Array or string');
    if (typeof host !== 'string') throw new TypeError(`lapis: sendTo: host must be a string, got ${typeof host}`);
    checkInteger('sendTo', 'port', port, 1, 65535);
    return this.#live('sendTo').sendTo(id, host, port, data);
  }

  /**
   * Queues bytes (a string is sent as UTF-8) on a connection. Returns the bytes
   * still buffered after sending what the socket took now, or a negative errno
   * when the connection is unknown or closing (writes racing a hang-up are not
   * exceptional, so they do not throw).
   */
  write(conn: number, bytes: Uint8Array | string): number {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    if (!(data instanceof Uint8Array)) throw new TypeError('lapis: write: bytes must be a Uint8Array or string');
    return this.#live('write').write(conn, data);
  }

  /** Closes a listener at once, or a connection once its buffer is sent. False for an unknown id. */
  close(id: number): boolean {
    return this.#live('close').close(id);
  }

  /** Posts a user completion from JavaScript (tests, benchmarks). False when the queue is full. */
  postUser(id: number, value: number): boolean {
    return this.#live('postUser').postUser(id, value);
  }

  /**
   * Starts `threads` native producer threads posting `total` user completions
   * between them: thread p posts id firstId + p with values 0, 1, 2, … — or,
   * with intervalNs > 0, one message per interval whose value is the
   * monotonic time of posting in ns (comparable with process.hrtime.bigint()).
   */
  produce(threads: number, total: number, options: { firstId?: number; intervalNs?: number } = {}): void {
    checkInteger('produce', 'threads', threads, 1, 64);
    checkInteger('produce', 'total', total, 0, Number.MAX_SAFE_INTEGER);
    const firstId = checkInteger('produce', 'firstId', options.firstId ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const intervalNs = checkInteger('produce', 'intervalNs', options.intervalNs ?? 0, 0, 60e9);
    this.#live('produce').produce(threads, total, firstId, intervalNs);
  }

  /**
   * Delivers up to `max` waiting completions now, through the handlers, and
   * returns how many; for a backend loop that drains at a fixed point of its
   * cycle. Not callable from inside a handler.
   */
  drain(max: number = NativeRuntime.BATCH_MAX): number {
    checkInteger('drain', 'max', max, 0, Number.MAX_SAFE_INTEGER);
    let total = 0;
    while (total < max) {
      const n = this.#live('drain').drain(Math.min(max - total, NativeRuntime.BATCH_MAX));
      if (n === 0) break;
      total += n;
    }
    return total;
  }

  stats(): RuntimeStats {
    return this.#live('stats').stats();
  }

  /** Stops producers, closes every socket (without close events) and releases Node's loop. */
  shutdown(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#handle.shutdown();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** For sibling bindings (console, resolver): the raw addon handle they attach to. */
  static addonHandleOf(runtime: NativeRuntime): unknown {
    return runtime.#live('attach');
  }

  #live(method: string): AddonRuntime {
    if (this.#closed) throw new Error(`lapis: ${method}: the runtime is shut down`);
    return this.#handle;
  }

  // Decodes one batch. A throwing handler does not lose the rest of the batch:
  // delivery goes on and the first exception is rethrown at the end, where the
  // binding hands it to Node's uncaught-exception machinery. Handlers are
  // looked up once per batch and called without a `this`; text offsets are
  // read only for kinds that carry text, which keeps the worker-completion
  // path to a few typed-array reads and one call.
  #dispatch(n: number, text: Buffer | undefined): void {
    const meta = this.#meta;
    const ends = this.#ends;
    const h = this.#handlers;
    const onCompletion = h.completion;
    const onEvent = h.event;
    let failed = false;
    let firstError: unknown;
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      const kind = meta[j]!;
      try {
        if (kind === 5) {
          if (onCompletion !== undefined) onCompletion(meta[j + 1]!, meta[j + 2]!);
          if (onEvent !== undefined) onEvent({ kind: 'completion', id: meta[j + 1]!, value: meta[j + 2]! });
        } else {
          deliverOther(h, kind, meta[j + 1]!, meta[j + 2]!, text, i === 0 ? 0 : ends[i - 1]!, ends[i]!);
        }
      } catch (err) {
        if (!failed) {
          failed = true;
          firstError = err;
        }
      }
    }
    try {
      h.batch?.(n);
    } catch (err) {
      if (!failed) {
        failed = true;
        firstError = err;
      }
    }
    if (failed) throw firstError;
  }
}

/**
 * The raw addon Runtime behind a NativeRuntime, for the console and resolver
 * wrappers, whose native constructors take it (binding.cc UnwrapRuntime).
 * Nothing else should need it.
 */
export function addonRuntimeOf(runtime: NativeRuntime): unknown {
  return NativeRuntime.addonHandleOf(runtime);
}

function textOf(text: Buffer | undefined, start: number, end: number): string {
  return text && end > start ? text.toString('utf8', start, end) : '';
}

function deliverOther(h: RuntimeHandlers, kind: number, id: number, value: number, text: Buffer | undefined, start: number, end: number): void {
  switch (kind) {
    case 1: {
      const peer = textOf(text, start, end);
      h.accept?.(id, value, peer);
      h.event?.({ kind: 'accept', listener: id, conn: value, peer });
      return;
    }
    case 2: {
      const bytes = text ? text.subarray(start, end) : Buffer.alloc(0);
      h.data?.(id, bytes);
      h.event?.({ kind: 'data', conn: id, bytes });
      return;
    }
    case 3:
      h.writable?.(id);
      h.event?.({ kind: 'writable', conn: id });
      return;
    case 4:
      h.close?.(id, value);
      h.event?.({ kind: 'close', conn: id, errno: value });
      return;
    case 6: {
      const line = textOf(text, start, end);
      h.consoleLine?.(line, value);
      h.event?.({ kind: 'consoleLine', text: line, flag: value });
      return;
    }
    case 7:
      h.consoleEof?.(value);
      h.event?.({ kind: 'consoleEof', errno: value });
      return;
    case 8: {
      const result = textOf(text, start, end);
      h.resolved?.(id, value, result);
      h.event?.({ kind: 'resolved', id, code: value, text: result });
      return;
    }
    case 9: {
      const local = textOf(text, start, end);
      h.connected?.(id, local);
      h.event?.({ kind: 'connected', conn: id, local });
      return;
    }
    case 10: {
      // The sender's address, a NUL byte, then the payload (completion.h).
      const all = text ? text.subarray(start, end) : Buffer.alloc(0);
      const nul = all.indexOf(0);
      const from = all.toString('latin1', 0, nul < 0 ? all.length : nul);
      const bytes = nul < 0 ? Buffer.alloc(0) : all.subarray(nul + 1);
      h.datagram?.(id, from, bytes);
      h.event?.({ kind: 'datagram', socket: id, from, bytes });
      return;
    }
    default:
      throw new Error(`lapis: native runtime delivered an unknown completion kind ${kind}`);
  }
}
