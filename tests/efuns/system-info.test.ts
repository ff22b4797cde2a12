// localtime() in a zone with daylight saving time (MudOS <localtime.h>
// layout), and debug_info's variable walk over inherited blocks.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localtimeArray } from '../../driver/efuns/system-info.js';
import { MemoryHost } from '../../driver/vm/host.js';
import { NodeHost } from '../../driver/host/node-host.js';
import { createRuntime, runApp } from '../../driver/app.js';

const savedTz = process.env.TZ;

afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('localtime', () => {
  it('fills every field in New York summer time', () => {
    process.env.TZ = 'America/New_York';
    // 2024-07-01 12:00:05 UTC = 08:00:05 EDT, a Monday, day 182 of a leap year.
    expect(localtimeArray(1719835205)).toEqual([5, 0, 8, 1, 6, 2024, 1, 182, -4 * 3600, 'EDT', 1]);
  });

  it('fills every field in New York winter time', () => {
    process.env.TZ = 'America/New_York';
    // 2024-01-01 05:00:00 UTC = 00:00:00 EST, a Monday, day 0.
    expect(localtimeArray(1704085200)).toEqual([0, 0, 0, 1, 0, 2024, 1, 0, -5 * 3600, 'EST', 0]);
  });

  it('uses UTC as a zone without DST', () => {
    process.env.TZ = 'UTC';
    expect(localtimeArray(0)).toEqual([0, 0, 0, 1, 0, 1970, 4, 0, 0, 'UTC', 0]);
    expect(localtimeArray(951868799)).toEqual([59, 59, 23, 29, 1, 2000, 2, 59, 0, 'UTC', 0]);
  });

  it('counts east of UTC as positive (tm_gmtoff)', () => {
    process.env.TZ = 'Asia/Tokyo';
    const lt = localtimeArray(0);
    expect(lt[2]).toBe(9);
    expect(lt[8]).toBe(9 * 3600);
  });
});

describe('time_ns', () => {
  it('is an exact 64-bit int of the host clock', async () => {
    const host = new MemoryHost({
      '/app.c': `void create() {
        int t = time_ns();
        write(sprintf("%d %d %d\\n", t, t - 1763700000000000000, t % 1000));
      }`,
    });
    host.clock = 1763700000123.5;
    const opts = { host, appPath: '/app.c', args: [] };
    expect(await runApp(opts, createRuntime(opts))).toBe(0);
    // A double here (ms x 10^6 above 2^53) printed 1763700000123500000 but subtracted to 123500032.
    expect(host.out).toBe('1763700000123500000 123500000 0\n');
  });

  it('has sub-millisecond resolution on the wall clock (NodeHost)', () => {
    const host = new NodeHost(tmpdir());
    let smallest = Infinity;
    let prev = host.nowNs();
    for (let i = 0; i < 200_000 && smallest > 100_000; i++) {
      const t = host.nowNs();
      expect(t >= prev).toBe(true);
      if (t > prev) smallest = Math.min(smallest, Number(t - prev));
      prev = t;
    }
    // Date.now() x 10^6 only ever steps by whole milliseconds.
    expect(smallest).toBeLessThan(100_000);
    const wallNs = BigInt(Date.now()) * 1_000_000n;
    const gap = Number(host.nowNs() - wallNs);
    expect(Math.abs(gap)).toBeLessThan(50_000_000);
  });
});

describe('rusage', () => {
  const app = `void create() {
    mapping r = rusage();
    foreach (string k in sort_array(keys(r), 1)) write(k + "=" + r[k] + (intp(r[k]) ? "" : " NOT AN INT") + "\\n");
  }`;
  const fields = (out: string) => Object.fromEntries(out.trim().split('\n').map((l) => l.split('=')).map(([k, v]) => [k, v]));

  it('reports the process counters of getrusage() (NodeHost)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapis-rusage-'));
    try {
      writeFileSync(join(dir, 'app.c'), app);
      const host = new NodeHost(dir);
      let out = '';
      host.stdout = (t: string) => { out += t; };
      const opts = { host, appPath: '/app.c', args: [] };
      expect(await runApp(opts, createRuntime(opts))).toBe(0);
      const r = fields(out);
      expect(Object.keys(r)).toEqual(['idrss', 'inblock', 'isrss', 'ixrss', 'majflt', 'maxrss', 'minflt', 'msgrcv',
        'msgsnd', 'nivcsw', 'nsignals', 'nswap', 'nvcsw', 'oublock', 'stime', 'utime']);
      expect(out).not.toContain('NOT AN INT');
      // MudOS: maxrss in KB (a Node process is well over 10 MB); page faults happen.
      expect(Number(r.maxrss)).toBeGreaterThan(10_000);
      expect(Number(r.minflt)).toBeGreaterThan(0);
      expect(Number(r.utime) + Number(r.stime)).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has every field on a host without getrusage()', async () => {
    const host = new MemoryHost({ '/app.c': app });
    const opts = { host, appPath: '/app.c', args: [] };
    expect(await runApp(opts, createRuntime(opts))).toBe(0);
    const r = fields(host.out);
    expect(Object.keys(r).length).toBe(16);
    expect(r.maxrss).toBe('0');
    expect(host.out).not.toContain('NOT AN INT');
  });
});
