// Completions from JavaScript and from native threads: counts, order,
// coalesced wake-ups, explicit drain(), option validation, and letting the
// process exit when idle.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { NativeRuntime, normalizeRuntimeOptions } from '../../driver/backend/native.js';
import { recordingRuntime } from './runtime-helpers.js';

const open: NativeRuntime[] = [];
afterEach(() => {
  for (const rt of open.splice(0)) rt.shutdown();
});

describe('native runtime completions', () => {
  it('delivers 10,000 completions posted at once as 10,000 events, in order', async () => {
    const rec = recordingRuntime();
    open.push(rec.rt);
    for (let i = 0; i < 10_000; i++) expect(rec.rt.postUser(7, i)).toBe(true);
    await rec.until((ev) => ev.length >= 10_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.events.length).toBe(10_000);
    expect(rec.events.every((e, i) => e.kind === 'completion' && e.id === 7 && e.value === i)).toBe(true);
    const s = rec.rt.stats();
    expect(s.enqueued).toBe(10_000);
    expect(s.dequeued).toBe(10_000);
    expect(s.wakeups).toBe(1); // one edge for the whole burst
    expect(s.drains).toBeLessThan(10); // batches of up to 4096
  });

  it('delivers every completion from native producer threads with fewer wake-ups than posts', async () => {
    let count = 0;
    const last = [-1, -1, -1];
    let inOrder = true;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const total = 300_000;
    const rt = new NativeRuntime(
      {
        completion(id, value) {
          if (value !== last[id - 10]! + 1) inOrder = false;
          last[id - 10] = value;
          if (++count === total) resolve();
        },
      },
      { queueCapacity: 4096 },
    );
    open.push(rt);
    rt.produce(3, total, { firstId: 10 });
    await done;
    expect(count).toBe(total);
    expect(inOrder).toBe(true);
    const s = rt.stats();
    expect(s.enqueued).toBe(total);
    expect(s.dropped).toBe(0);
    expect(s.wakeups).toBeLessThan(total / 10);
  });

  // The hand-off (a worker yielding after the post that wakes the loop) only
  // changes who runs first; with it on or off, paced posts from a thread each
  // wake the loop once and every one arrives.
  for (const handoffOnWake of [true, false]) {
    it(`delivers paced native posts one wake-up each (handoffOnWake ${handoffOnWake})`, async () => {
      const seen: number[] = [];
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      const rt = new NativeRuntime({ completion: (_id, value) => (seen.push(value), seen.length === 50 && resolve()) }, { handoffOnWake });
      open.push(rt);
      rt.produce(1, 50, { intervalNs: 200_000 });
      await done;
      expect(seen.length).toBe(50);
      const s = rt.stats();
      expect(s.enqueued).toBe(50);
      expect(s.wakeups).toBeGreaterThan(25); // paced: almost every post finds the queue empty
    });
  }

  it('hands over capped batches and lets the loop turn between them', async () => {
    const total = 400_000;
    let count = 0;
    let largest = 0;
    let batches = 0;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const rt = new NativeRuntime({
      completion() {
        count++;
      },
      batch(n) {
        batches++;
        largest = Math.max(largest, n);
        if (count === total) resolve();
      },
    });
    open.push(rt);
    let turns = 0;
    let finished = false;
    const spin = (): void => {
      turns++;
      if (!finished) setImmediate(spin);
    };
    setImmediate(spin);
    rt.produce(2, total);
    await done;
    finished = true;
    expect(count).toBe(total);
    expect(largest).toBeLessThanOrEqual(4096);
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(total / 4096));
    // Each batch is its own loop iteration, so immediates ran in between.
    expect(turns).toBeGreaterThan(batches / 2);
  });

  it('keeps delivering the rest of a batch when a handler throws', async () => {
    // In a child process: the exception must reach uncaughtException and the
    // other completions of the same batch must still arrive.
    const script = `
      const addon = require(${JSON.stringify(addonPath())});
      const meta = new Float64Array(addon.batchMax * 3), ends = new Uint32Array(addon.batchMax);
      let seen = 0;
      process.on('uncaughtException', (e) => { console.log('caught ' + e.message); });
      const rt = new addon.Runtime({}, (n) => {
        let err;
        for (let i = 0; i < n; i++) { seen++; if (meta[i * 3 + 2] === 1 && !err) err = new Error('boom'); }
        if (err) throw err;
      }, meta, ends);
      for (let i = 0; i < 3; i++) rt.postUser(1, i);
      setTimeout(() => { console.log('seen ' + seen); }, 100);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
    expect(run.stdout).toContain('caught boom');
    expect(run.stdout).toContain('seen 3');
  });

  it('drain(max) delivers exactly max completions synchronously', () => {
    const rec = recordingRuntime();
    open.push(rec.rt);
    for (let i = 0; i < 100; i++) rec.rt.postUser(1, i);
    expect(rec.rt.drain(10)).toBe(10);
    expect(rec.events.length).toBe(10);
    expect(rec.rt.drain()).toBe(90);
    expect(rec.events.map((e) => (e.kind === 'completion' ? e.value : -1))).toEqual([...Array(100).keys()]);
    expect(rec.rt.drain()).toBe(0);
  });

  it('refuses drain() from inside a handler', () => {
    let error: unknown;
    const rt = new NativeRuntime({
      completion() {
        try {
          rt.drain(1);
        } catch (e) {
          error = e;
        }
      },
    });
    open.push(rt);
    rt.postUser(1, 1);
    rt.drain(1);
    expect(String(error)).toMatch(/cannot be called from inside an event handler/);
  });

  it('reports queue-full with the fail policy and counts the refusals', () => {
    const rec = recordingRuntime({ queueCapacity: 16, overflow: 'fail' });
    open.push(rec.rt);
    let accepted = 0;
    for (let i = 0; i < 40; i++) if (rec.rt.postUser(1, i)) accepted++;
    expect(accepted).toBe(16);
    const s = rec.rt.stats();
    expect(s.rejected).toBe(24);
    expect(s.highWater).toBe(16);
  });

  it('keeps the newest completions with the drop-oldest policy', () => {
    const rec = recordingRuntime({ queueCapacity: 16, overflow: 'drop-oldest' });
    open.push(rec.rt);
    for (let i = 0; i < 40; i++) expect(rec.rt.postUser(1, i)).toBe(true);
    expect(rec.rt.drain()).toBe(16);
    expect(rec.events.map((e) => (e.kind === 'completion' ? e.value : -1))).toEqual([...Array(16).keys()].map((i) => i + 24));
    expect(rec.rt.stats().dropped).toBe(24);
  });
});

describe('native runtime options', () => {
  it('names a misspelt option', () => {
    expect(() => normalizeRuntimeOptions({ queueCapacty: 8 } as never)).toThrow("lapis: unknown runtime option 'queueCapacty' (did you mean 'queueCapacity'?)");
  });
  it('rejects a bad backend and policy in one line', () => {
    expect(() => normalizeRuntimeOptions({ backend: 'pol' as never })).toThrow(/backend must be one of auto, epoll, poll, got 'pol' \(did you mean 'poll'\?\)/);
    expect(() => normalizeRuntimeOptions({ overflow: 'drop' as never })).toThrow(/overflow must be one of fail, drop-oldest, block-writer/);
    expect(() => normalizeRuntimeOptions({ batchMax: 5000 })).toThrow('lapis: runtime options: batchMax must be an integer in 1..4096, got 5000');
    expect(() => normalizeRuntimeOptions({ handoffOnWake: 1 as never })).toThrow('lapis: handoffOnWake must be a boolean, got 1');
    expect(normalizeRuntimeOptions({ handoffOnWake: false })).toEqual({ handoffOnWake: 0 });
  });
  it('validates listen and produce arguments', () => {
    const rt = new NativeRuntime();
    open.push(rt);
    expect(() => rt.listen('127.0.0.1', 70000)).toThrow(/port must be an integer in 0\.\.65535/);
    expect(() => rt.listen('127.0.0.1', 0, { backlog: 0 })).toThrow(/backlog must be an integer/);
    expect(() => rt.listen('127.0.0.1', 0, { ipv6only: true } as never)).toThrow(/did you mean 'ipv6Only'/);
    expect(() => rt.produce(0, 10)).toThrow(/threads must be an integer in 1\.\.64/);
  });
  it('honours LAPIS_POLLER=poll and rejects an unknown value', () => {
    const script = (value: string): string => `
      process.env.LAPIS_POLLER = ${JSON.stringify(value)};
      const addon = require(${JSON.stringify(addonPath())});
      try {
        const rt = new addon.Runtime({}, () => {}, new Float64Array(addon.batchMax * 3), new Uint32Array(addon.batchMax));
        console.log(rt.backend());
      } catch (e) { console.log(e.message); }
    `;
    expect(spawnSync(process.execPath, ['-e', script('poll')], { encoding: 'utf8' }).stdout.trim()).toBe('poll');
    expect(spawnSync(process.execPath, ['-e', script('kqueue')], { encoding: 'utf8' }).stdout.trim()).toMatch(/LAPIS_POLLER must be epoll, poll or auto/);
  });
  it('shuts down cleanly and refuses later calls', () => {
    const rt = new NativeRuntime();
    rt.listen('127.0.0.1', 0);
    rt.shutdown();
    expect(() => rt.postUser(1, 1)).toThrow('lapis: postUser: the runtime is shut down');
  });
});

describe('native runtime and process lifetime', () => {
  const exitsWithin = (body: string): { status: number | null; stdout: string; ms: number } => {
    const t0 = Date.now();
    const run = spawnSync(
      process.execPath,
      ['-e', `const addon = require(${JSON.stringify(addonPath())}); const meta = new Float64Array(addon.batchMax * 3), ends = new Uint32Array(addon.batchMax); ${body}`],
      { encoding: 'utf8', timeout: 10_000 },
    );
    return { status: run.status, stdout: run.stdout, ms: Date.now() - t0 };
  };

  it('lets the process exit once the last listener is closed', () => {
    const r = exitsWithin(`
      const rt = new addon.Runtime({}, () => {}, meta, ends);
      const [id] = rt.listen('127.0.0.1', 0, 16, false);
      setTimeout(() => { rt.close(id); console.log('closed'); }, 50);
    `);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('closed');
  });

  it('stays alive until native producers have delivered everything, then exits', () => {
    const r = exitsWithin(`
      let got = 0;
      const rt = new addon.Runtime({}, (n) => { got += n; }, meta, ends);
      rt.produce(2, 200000, 0, 0);
      process.on('exit', () => console.log('got ' + got));
    `);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('got 200000');
  });

  it('is not garbage-collected while its listener is open', () => {
    const t0 = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '-e',
        `const addon = require(${JSON.stringify(addonPath())});
         const net = require('node:net');
         let port;
         (() => {
           const meta = new Float64Array(addon.batchMax * 3), ends = new Uint32Array(addon.batchMax);
           const rt = new addon.Runtime({}, (n) => { if (meta[0] === 1) { console.log('accepted'); process.exit(0); } }, meta, ends);
           port = rt.listen('127.0.0.1', 0, 16, false)[1];
         })();
         setTimeout(() => {
           global.gc();
           setTimeout(() => { global.gc(); net.connect(port, '127.0.0.1').on('error', (e) => console.log(e.code)); }, 20);
         }, 20);`,
      ],
      { encoding: 'utf8', timeout: 10_000 },
    );
    expect(run.stdout).toContain('accepted');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('stays alive while a listener is open', () => {
    const r = exitsWithin(`
      const rt = new addon.Runtime({}, () => {}, meta, ends);
      rt.listen('127.0.0.1', 0, 16, false);
      setTimeout(() => { console.log('still here'); process.exit(0); }, 300);
    `);
    expect(r.stdout).toContain('still here');
  });
});

function addonPath(): string {
  return process.env.LAPIS_NATIVE_ADDON ?? fileURLToPath(new URL('../../build/Release/lapis_native.node', import.meta.url));
}
