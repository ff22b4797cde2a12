// Test helper: boots an in-memory mudlib with bootDriver() and drives its
// timers with a virtual clock (MemoryHost.clock), as the backend would.
import { MemoryHost } from '../../driver/vm/host.js';
import { bootDriver, type Booted } from '../../driver/boot.js';
import { DEFAULT_LIMITS } from '../../driver/vm/runtime-api.js';
import type { LpcObject } from '../../driver/vm/object.js';
import type { Value } from '../../driver/vm/values.js';

export interface TestMud extends Booted {
  host: MemoryHost;
  /** Advances the clock by `ms` in steps no longer than `step`, running what falls due. */
  advance(ms: number, step?: number): void;
  /** Calls a function in an object as a top-level execution. */
  call(ob: LpcObject | string, fn: string, ...args: Value[]): Value;
  /** Output so far (write() with no user goes to stdout), then clears it. */
  take(): string;
}

export interface MudOptions {
  simulEfunFile?: string;
  resetDuration?: number;
  cleanupDuration?: number;
  heartbeatInterval?: number;
  sweepMs?: number;
  random?: () => number;
  epilogLevel?: number;
}

export function bootMud(files: Record<string, string>, opts: MudOptions = {}): TestMud {
  const host = new MemoryHost(files);
  host.clock = 1_000_000;
  const booted = bootDriver({
    masterFile: '/master.c',
    simulEfunFile: opts.simulEfunFile,
    includeDirs: [],
    globalInclude: undefined,
    limits: { ...DEFAULT_LIMITS },
    resetDuration: opts.resetDuration ?? 1800,
    cleanupDuration: opts.cleanupDuration ?? 600,
    heartbeatInterval: opts.heartbeatInterval ?? 1000,
  }, { host, sweepMs: opts.sweepMs, random: opts.random ?? (() => 0), epilogLevel: opts.epilogLevel });
  const { rt, world } = booted;
  return {
    ...booted,
    host,
    advance(ms: number, step = ms) {
      const end = host.clock + ms;
      while (host.clock < end) {
        const next = world.nextDueTime();
        host.clock = Math.min(end, next !== undefined && next > host.clock ? Math.min(next, host.clock + step) : host.clock + step);
        world.runDue(host.clock);
      }
    },
    call(ob, fn, ...args) {
      return rt.runTop(() => rt.coN(typeof ob === 'string' ? rt.loadObject(ob) : ob, fn, args)) ?? 0;
    },
    take() {
      const out = host.out;
      host.out = '';
      return out;
    },
  };
}
