// The resolver pool through the addon: requests go to native worker threads
// and answers come back through the runtime's event delivery.
import { afterEach, describe, expect, it } from 'vitest';
import { NativeRuntime } from '../../driver/backend/native.js';
import { NativeResolver, decodeResolved, type ResolveResult } from '../../driver/backend/resolver.js';

let runtime: NativeRuntime | undefined;
let resolver: NativeResolver | undefined;

function open(options = {}): NativeResolver {
  runtime = new NativeRuntime();
  resolver = new NativeResolver(runtime, options);
  return resolver;
}

afterEach(() => {
  resolver?.stop();
  runtime?.shutdown();
  resolver = undefined;
  runtime = undefined;
});

describe('resolver (native pool through the runtime)', () => {
  it('resolves localhost to a loopback address', async () => {
    const r = open();
    const result = await r.resolveAsync('localhost');
    expect(result.status).toBe('ok');
    expect(result.addresses.some((a) => a === '127.0.0.1' || a === '::1')).toBe(true);
    expect(r.stats()).toMatchObject({ requests: 1, misses: 1, lookups: 1, cacheHits: 0, pending: 0 });
  });

  it('finds a name for 127.0.0.1', async () => {
    const result = await open().reverseAsync('127.0.0.1');
    expect(result.status).toBe('ok');
    expect(result.name).not.toBe('');
    expect(result.name).not.toBe('127.0.0.1');
  });

  it('answers a repeated lookup from the cache, still asynchronously', async () => {
    const r = open();
    const first = await r.resolveAsync('localhost');
    let answered: ResolveResult | undefined;
    const id = r.resolve('localhost', (res) => (answered = res));
    expect(answered).toBeUndefined(); // callbacks never run inside resolve()
    await new Promise<void>((done) => {
      const poll = () => (answered ? done() : setTimeout(poll, 1));
      poll();
    });
    expect(answered).toEqual({ ...first, id });
    const stats = r.stats();
    expect(stats.cacheHits).toBe(1);
    expect(stats.lookups).toBe(1);
    expect(stats.cacheEntries).toBe(1);
    await r.reverseAsync('127.0.0.1');
    await r.reverseAsync('127.0.0.1');
    expect(r.stats()).toMatchObject({ cacheHits: 2, lookups: 2, cacheEntries: 2 });
  });

  it('caches a name that does not exist (negative cache)', async () => {
    const r = open({ timeoutMs: 5000 });
    const first = await r.resolveAsync('no-such-host.lapis-test.invalid');
    expect(first.status).not.toBe('ok');
    if (first.status === 'not-found' || first.status === 'no-address') {
      const again = await r.resolveAsync('no-such-host.lapis-test.invalid');
      expect(again.status).toBe(first.status);
      expect(r.stats()).toMatchObject({ negativeHits: 1, lookups: 1 });
    } else {
      // No DNS server answered: a temporary failure is rightly not cached.
      expect(['try-again', 'timeout']).toContain(first.status);
    }
  });

  it('reports bad input as invalid without a lookup', async () => {
    const r = open();
    expect((await r.resolveAsync('')).status).toBe('invalid');
    expect((await r.reverseAsync('not an address')).status).toBe('invalid');
    expect(r.stats().lookups).toBe(0);
  });

  it('runs parallel requests for one name as one lookup', async () => {
    const r = open();
    r.clearCache();
    const results = await Promise.all([1, 2, 3, 4].map(() => r.resolveAsync('LocalHost')));
    expect(new Set(results.map((x) => x.id)).size).toBe(4);
    expect(results.every((x) => x.status === 'ok')).toBe(true);
    const stats = r.stats();
    expect(stats.lookups).toBe(1);
    expect(stats.coalesced + stats.cacheHits).toBe(3);
  });

  it('validates options with one-line errors', () => {
    runtime = new NativeRuntime();
    expect(() => new NativeResolver(runtime!, { timeoutMS: 5 } as never)).toThrow(/unknown resolver option 'timeoutMS'/);
    expect(() => new NativeResolver(runtime!, { maxInFlight: 0 })).toThrow(/maxInFlight must be an integer in 1\.\.256/);
  });

  it('refuses requests after stop() and after the runtime shut down', async () => {
    const r = open();
    r.stop();
    expect(() => r.resolve('localhost', () => {})).toThrow(/stopped/);
    const r2 = new NativeResolver(runtime!);
    runtime!.shutdown();
    expect(() => r2.resolve('localhost', () => {})).toThrow(/shut down/);
  });

  it('decodes completions by the documented encoding', () => {
    expect(decodeResolved(3, 0, '10.0.0.1 ::1', false)).toEqual({ id: 3, status: 'ok', addresses: ['10.0.0.1', '::1'], name: '', message: 'ok' });
    expect(decodeResolved(4, 0, 'host.example', true)).toEqual({ id: 4, status: 'ok', addresses: [], name: 'host.example', message: 'ok' });
    expect(decodeResolved(5, 5, 'name resolution timed out', false).status).toBe('timeout');
  });
});
