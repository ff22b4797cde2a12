// Host name lookups on the native resolver pool (native/src/resolver.h):
// getaddrinfo/getnameinfo run on worker threads, never on the backend loop,
// and answers come back as `resolved` events of the event runtime. This is the
// worker tier of DESIGN.md decision 5 behind the resolve() efun and the
// address-to-name lookups of interactive connections.
import { addonRuntimeOf, loadNativeAddon, type NativeRuntime } from './native.js';

/** Status names, indexed by the native ResolveStatus numbers (stable). */
export const RESOLVE_STATUSES = ['ok', 'not-found', 'no-address', 'try-again', 'failed', 'timeout', 'invalid', 'cancelled'] as const;
export type ResolveStatus = (typeof RESOLVE_STATUSES)[number];

export interface ResolveResult {
  /** The request id that resolve()/reverse() returned. */
  id: number;
  status: ResolveStatus;
  /** Forward lookups: numeric addresses in resolver order, no duplicates. */
  addresses: string[];
  /** Reverse lookups: the host name ('' otherwise). */
  name: string;
  /** 'ok' or a short English message ("host not found", ...). */
  message: string;
}

export type ResolveCallback = (result: ResolveResult) => void;

export interface ResolverOptions {
  /** Worker threads, which is also the number of lookups running at once. Default 4. */
  maxInFlight?: number;
  /** Per-request timeout in ms; 0 waits forever. Default 10000. */
  timeoutMs?: number;
  /** Cache lifetimes in ms (COMPAT.md: ResolverForwardCacheTtl 300 s, ...). 0 disables. */
  forwardTtlMs?: number;
  reverseTtlMs?: number;
  negativeTtlMs?: number;
  /** Entries per cache (forward, reverse). Default 4096. */
  maxCacheEntries?: number;
}

export interface ResolverStats {
  requests: number;
  /** Answered from a cache, negative entries included. */
  cacheHits: number;
  negativeHits: number;
  misses: number;
  /** Misses that joined a lookup for the same name already under way. */
  coalesced: number;
  lookups: number;
  timeouts: number;
  /** Lookups running now, abandoned ones (every requester timed out) included. */
  inFlight: number;
  abandoned: number;
  queued: number;
  threads: number;
  cacheEntries: number;
  /** Requests whose answer JavaScript has not received yet. */
  pending: number;
}

/** Raw addon surface (binding.cc, the resolver section). */
interface AddonResolver {
  resolve(host: string): number;
  reverse(address: string): number;
  settle(count: number): void;
  stats(): Omit<ResolverStats, 'pending'>;
  clearCache(): void;
  stop(): void;
}
interface ResolverAddon {
  Resolver: new (runtime: unknown, options: Record<string, number>) => AddonResolver;
}

/** Defaults from COMPAT.md (Resolver{Forward,Reverse,Negative}CacheTtl 300/900/30 s). */
export const RESOLVER_DEFAULTS: Required<ResolverOptions> = {
  maxInFlight: 4,
  timeoutMs: 10_000,
  forwardTtlMs: 300_000,
  reverseTtlMs: 900_000,
  negativeTtlMs: 30_000,
  maxCacheEntries: 4096,
};

const OPTION_LIMITS: Record<keyof ResolverOptions, [number, number]> = {
  maxInFlight: [1, 256],
  timeoutMs: [0, 3_600_000],
  forwardTtlMs: [0, 7 * 86_400_000],
  reverseTtlMs: [0, 7 * 86_400_000],
  negativeTtlMs: [0, 7 * 86_400_000],
  maxCacheEntries: [0, 1 << 24],
};

function checkOptions(options: ResolverOptions): Required<ResolverOptions> {
  if (typeof options !== 'object' || options === null) throw new TypeError('lapis: resolver options must be an object');
  const out = { ...RESOLVER_DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    const limits = OPTION_LIMITS[key as keyof ResolverOptions];
    if (!limits) throw new TypeError(`lapis: unknown resolver option '${key}' (known: ${Object.keys(OPTION_LIMITS).join(', ')})`);
    if (value === undefined) continue;
    const [min, max] = limits;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`lapis: resolver option ${key} must be an integer in ${min}..${max}, got ${String(value)}`);
    }
    out[key as keyof ResolverOptions] = value;
  }
  return out;
}

/** Decodes a native Resolved completion (resolver.h documents the text). */
export function decodeResolved(id: number, code: number, text: string, reverse: boolean): ResolveResult {
  const status = RESOLVE_STATUSES[code] ?? 'failed';
  if (status !== 'ok') return { id, status, addresses: [], name: '', message: text };
  if (reverse) return { id, status, addresses: [], name: text, message: 'ok' };
  return { id, status, addresses: text === '' ? [] : text.split(' '), name: '', message: 'ok' };
}

/**
 * The resolver pool bound to one runtime (it installs the runtime's
 * `resolved` handler). Callbacks run from the runtime's event delivery, in
 * completion order; a cache hit still answers asynchronously. Every request
 * is answered exactly once while the runtime lives; once it has shut down,
 * unanswered callbacks are never called.
 */
export class NativeResolver {
  readonly #handle: AddonResolver;
  readonly #pending = new Map<number, { reverse: boolean; callback: ResolveCallback }>();
  #stopped = false;

  constructor(runtime: NativeRuntime, options: ResolverOptions = {}) {
    const checked = checkOptions(options);
    const addon = loadNativeAddon() as unknown as ResolverAddon;
    this.#handle = new addon.Resolver(addonRuntimeOf(runtime), checked);
    runtime.setHandlers({ resolved: (id, code, text) => this.#complete(id, code, text) });
  }

  /** Looks up a host name's addresses; returns the request id. */
  resolve(host: string, callback: ResolveCallback): number {
    if (typeof host !== 'string') throw new TypeError(`lapis: resolve: host must be a string, got ${typeof host}`);
    return this.#submit(host, false, callback);
  }

  /** Looks up the name of a numeric IPv4/IPv6 address; returns the request id. */
  reverse(address: string, callback: ResolveCallback): number {
    if (typeof address !== 'string') throw new TypeError(`lapis: reverse: address must be a string, got ${typeof address}`);
    return this.#submit(address, true, callback);
  }

  /** resolve() as a promise (it never rejects: failures are statuses). */
  resolveAsync(host: string): Promise<ResolveResult> {
    return new Promise((done) => this.resolve(host, done));
  }

  /** reverse() as a promise (it never rejects: failures are statuses). */
  reverseAsync(address: string): Promise<ResolveResult> {
    return new Promise((done) => this.reverse(address, done));
  }

  stats(): ResolverStats {
    return { ...this.#handle.stats(), pending: this.#pending.size };
  }

  clearCache(): void {
    this.#handle.clearCache();
  }

  /**
   * Stops the pool: requests not yet answered get status 'cancelled' (while
   * the runtime is alive); lookups blocked in the OS finish in the background.
   */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#handle.stop();
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  #submit(query: string, reverse: boolean, callback: ResolveCallback): number {
    if (typeof callback !== 'function') throw new TypeError('lapis: resolver: callback must be a function');
    if (this.#stopped) throw new Error('lapis: resolver: stopped');
    const id = reverse ? this.#handle.reverse(query) : this.#handle.resolve(query);
    this.#pending.set(id, { reverse, callback });
    return id;
  }

  #complete(id: number, code: number, text: string): void {
    const request = this.#pending.get(id);
    if (!request) return; // answered already (cannot happen) or not ours
    this.#pending.delete(id);
    this.#handle.settle(1);
    request.callback(decodeResolved(id, code, text, request.reverse));
  }
}
