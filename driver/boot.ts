// Booting a mudlib from its config (MudOS v22 / Neolith stem_startup): a
// runtime with efuns, compiler and the object world; the simul_efun object
// first (Neolith and MudOS load it before the master, so that the master can
// call simul_efuns), then the master — it is the master from its own create()
// on; get_root_uid()/get_bb_uid() follow its load — then epilog(level), whose
// result names files for preload(file). Errors in one preload do not stop the
// others. The backend calls bootDriver() and then drives `world` each turn.
import { NodeHost } from './host/node-host.js';
import { createRuntime } from './app.js';
import type { LapisConfig } from './config.js';
import type { MudlibHost } from './vm/host.js';
import type { LpcObject } from './vm/object.js';
import { Runtime, ShutdownSignal } from './vm/runtime.js';
import type { Value } from './vm/values.js';
import { installWorld, type World } from './vm/world.js';

/** The config fields a boot reads (a full LapisConfig satisfies it). */
export type BootConfig = Pick<
  LapisConfig,
  'masterFile' | 'simulEfunFile' | 'includeDirs' | 'globalInclude' | 'limits' | 'resetDuration' | 'cleanupDuration' | 'heartbeatInterval'
> & { mudlibDir?: string; mudName?: string };

export interface BootOptions {
  /** The mudlib files; default a NodeHost on config.mudlibDir. */
  host?: MudlibHost;
  defines?: Record<string, string>;
  /** The argument of master::epilog() (`-e` on the command line). */
  epilogLevel?: number;
  /** Milliseconds between reset/clean_up sweeps (tests shorten it). */
  sweepMs?: number;
  /** Random source for reset spreading (tests make it deterministic). */
  random?: () => number;
}

export interface Booted {
  rt: Runtime;
  world: World;
  /** The master, or undefined when it failed to load (the error was reported). */
  master: LpcObject | undefined;
  /** Files epilog() named, in order. */
  preloaded: string[];
}

/** Creates the runtime and world, then runs the boot sequence (bootMudlib). */
export function bootDriver(config: BootConfig, opts: BootOptions = {}): Booted {
  const host = opts.host ?? new NodeHost(config.mudlibDir ?? '.');
  const rt = createRuntime({
    host,
    appPath: config.masterFile,
    args: [],
    limits: config.limits,
    defines: opts.defines,
    includeDirs: config.includeDirs,
    globalInclude: config.globalInclude,
    simulEfunFile: config.simulEfunFile,
    mudName: config.mudName,
  });
  const world = installWorld(rt, {
    resetDuration: config.resetDuration,
    cleanupDuration: config.cleanupDuration,
    heartbeatInterval: config.heartbeatInterval,
    sweepMs: opts.sweepMs,
    random: opts.random,
  });
  const r = bootMudlib(rt, config.masterFile, config.simulEfunFile, opts.epilogLevel ?? 0);
  return { rt, world, ...r };
}

/**
 * The boot sequence on a prepared runtime. A shutdown() during boot stops it
 * (rt.shutdownCode is set); other errors are reported through the master's
 * error_handler or the driver log, as at any other time.
 */
export function bootMudlib(
  rt: Runtime, masterFile: string, simulEfunFile: string | undefined, epilogLevel = 0,
): { master: LpcObject | undefined; preloaded: string[] } {
  const preloaded: string[] = [];
  try {
    if (simulEfunFile) {
      const sef = rt.runTop(() => rt.loadObject(simulEfunFile));
      if (sef) rt.simulEfuns = sef;
    }
    rt.pendingMaster = rt.normalizeName(masterFile);
    // An error in the master's create() is reported, but the master stays loaded (MudOS).
    const master = rt.runTop(() => rt.loadObject(masterFile)) ?? rt.findObject(masterFile);
    rt.pendingMaster = undefined;
    if (!master) return { master: undefined, preloaded };
    rt.master = master;
    const files = rt.runTop(() => rt.masterApply('epilog', [epilogLevel]));
    if (Array.isArray(files)) {
      for (const f of files as Value[]) {
        if (typeof f !== 'string' || rt.shutdownCode !== undefined) continue;
        preloaded.push(f);
        // Each preload is its own execution with a fresh eval budget; loading is
        // preload()'s business, nothing happens without it (MudOS/Neolith preload_objects).
        rt.runTop(() => rt.masterApply('preload', [f]));
      }
    }
    return { master, preloaded };
  } catch (e) {
    if (e instanceof ShutdownSignal) return { master: rt.master || undefined, preloaded };
    throw e;
  }
}
