// App mode: run one LPC file as the master object, with its directory as the
// mudlib (COMPAT.md "Config file": the positional `app.c args…`). Output of
// write()/printf()/debug_message() goes to stdout; call_outs run until none
// remain or shutdown() is called, whose argument is the exit code.
import { createCompiler } from './lpc/compile.js';
import { installEfuns } from './efuns/index.js';
import { Runtime, ShutdownSignal } from './vm/runtime.js';
import type { MudlibHost } from './vm/host.js';
import { DEFAULT_LIMITS, type Limits } from './vm/runtime-api.js';
import { LpcError } from './vm/errors.js';
import type { Value } from './vm/values.js';
import type { LpcObject } from './vm/object.js';
import { installWorld } from './vm/world.js';
import { configureCommands } from './net/commands.js';
import { asyncOf } from './vm/async-completions.js';
import { installNodeWorkers, packagePredefines } from './backend/workers/index.js';
import { setOldRangeBehavior } from './vm/index-ops.js';
import { setContainerLimits } from './vm/op-errors.js';

export interface AppOptions {
  host: MudlibHost;
  /** Mudlib-absolute path of the app file ("/app.c"). */
  appPath: string;
  args: string[];
  limits?: Partial<Limits>;
  defines?: Record<string, string>;
  includeDirs?: string[];
  globalInclude?: string;
  simulEfunFile?: string;
  /** The MudName config value: the MUD_NAME macro and get_config(__MUD_NAME__) (default "Lapis"). */
  mudName?: string;
  /** Waits `ms` of real time (app mode); tests pass a virtual clock advance instead. */
  sleep?: (ms: number) => Promise<void>;
  /** Called once the master and its preloads are loaded, before call_outs run (cli.ts: settleHeap). */
  afterBoot?: () => void;
}

/** Quotes a JS string as an LPC string literal. */
export function lpcString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"';
}

/**
 * The macros MudOS predefines for its driver-compat options (options.h
 * SANE_EXPLODE_STRING etc. become __SANE_EXPLODE_STRING__ ...), from the
 * config switches in the limits. ReversibleExplodeString overrides the sane
 * rule but, as in MudOS and Neolith builds that define both, both macros are
 * then defined.
 */
export function compatPredefines(limits: Limits): Record<string, string> {
  const mode = limits.explodeMode ?? 'sane';
  const out: Record<string, string> = {};
  if (mode !== 'old') out.__SANE_EXPLODE_STRING__ = '';
  if (mode === 'reversible') out.__REVERSIBLE_EXPLODE_STRING__ = '';
  if (limits.oldRangeBehavior) out.__OLD_RANGE_BEHAVIOR__ = '';
  if (limits.oldTypeBehavior) out.__OLD_TYPE_BEHAVIOR__ = '';
  return out;
}

/** Builds a runtime with efuns and a compiler attached. */
export function createRuntime(opts: AppOptions): Runtime {
  const rt = new Runtime(opts.host, { ...DEFAULT_LIMITS, ...opts.limits });
  // range() has no runtime at hand: its OldRangeBehavior switch is module state, set per runtime.
  setOldRangeBehavior(rt.limits.oldRangeBehavior ?? false);
  // The operators' MaxArraySize/MaxMappingSize ceilings are module state too (unlimited until set).
  setContainerLimits(rt.limits);
  installEfuns(rt);
  const mudName = opts.mudName ?? 'Lapis';
  rt.config.mudName = mudName;
  const defines: Record<string, string> = {
    __ARGV__: `({ ${opts.args.map(lpcString).join(', ')} })`,
    // MudOS lex.c add_predefines(): MUDOS marks the dialect, MUD_NAME is the quoted mud name.
    MUDOS: '',
    MUD_NAME: lpcString(mudName),
    // __PACKAGE_DB__ and friends for the worker-tier efuns this host provides.
    ...packagePredefines(),
    ...compatPredefines(rt.limits),
    ...opts.defines,
  };
  rt.compiler = createCompiler({ includeDirs: opts.includeDirs ?? [], globalInclude: opts.globalInclude, defines });
  rt.debugHook = (t) => opts.host.stdout(t);
  const inv = installWorld(rt).inventory;
  // say(), message() and the command parser see the object world's
  // environments and livings (the backend Driver configures the same, plus
  // its DefaultFailMsg); without this, app mode and the testsuite runner had
  // a world with no environments (testsuite efuns/say.c).
  configureCommands(rt, {
    world: {
      environment: (ob) => inv.environment(ob),
      isLiving: (ob) => inv.isLiving(ob),
      inventory: (ob) => inv.contents(ob),
    },
  });
  installNodeWorkers(rt, opts.host);
  return rt;
}

/**
 * MudOS boot order: the simul_efun object, then the master (it is the master
 * from its own create() on), then `epilog(0)` names files to `preload()`.
 * Returns the master, or undefined when it failed to load. A shutdown() during
 * boot propagates as ShutdownSignal. The backend reuses this for `-f` boots.
 */
export function bootMaster(rt: Runtime, masterPath: string, simulEfunFile?: string): LpcObject | undefined {
  if (simulEfunFile) {
    const sef = rt.runTop(() => rt.loadObject(simulEfunFile));
    if (sef) rt.simulEfuns = sef;
  }
  rt.pendingMaster = rt.normalizeName(masterPath);
  // An error in the master's create() is reported, but the master stays loaded (MudOS).
  const master = rt.runTop(() => rt.loadObject(masterPath)) ?? rt.findObject(masterPath);
  rt.pendingMaster = undefined;
  if (!master) return undefined;
  rt.master = master;
  const files = rt.runTop(() => rt.masterApply('epilog', [0]));
  if (Array.isArray(files)) {
    for (const f of files as Value[]) {
      if (typeof f !== 'string') continue;
      rt.runTop(() => {
        if (master.linked.table.has('preload')) rt.masterApply('preload', [f]);
        else rt.loadObject(f);
      });
    }
  }
  return master;
}

/** Runs an app to completion; resolves to the exit code. */
export async function runApp(opts: AppOptions, rt = createRuntime(opts)): Promise<number> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  try {
    const master = bootMaster(rt, opts.appPath, opts.simulEfunFile);
    if (!master) return rt.shutdownCode ?? 1;
    // App mode has no users: call_outs and heart beats drive everything until
    // none remain (resets run meanwhile but do not keep an app alive).
    // Pending async efun work (async_read, async_db_exec, perform_to, ...) keeps it alive too;
    // its callbacks run as soon as they complete (driver/vm/async-completions.ts).
    const world = installWorld(rt);
    const completions = asyncOf(rt);
    opts.afterBoot?.();
    while (rt.shutdownCode === undefined && (world.busy() || completions.pending > 0)) {
      completions.drain();
      if (rt.shutdownCode !== undefined || !(world.busy() || completions.pending > 0)) break;
      const next = world.nextDueTime();
      const wait = next === undefined ? Infinity : next - opts.host.now();
      if (completions.hasReady()) {
        // Run due timers, then the ready callbacks at the top of the loop.
      } else if (completions.pending > 0) {
        // Wait for a completion or the next timer; the timer is cleared so that
        // a far-off reset cannot keep the process alive after the last callback.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const due = !world.busy() || wait === Infinity ? undefined
          : opts.sleep ? opts.sleep(Math.max(0, wait))
          : new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, wait))));
        await (due ? Promise.race([completions.whenReady(), due]) : completions.whenReady());
        if (timer) clearTimeout(timer);
      } else if (wait > 0) {
        await sleep(wait);
      }
      world.runDue(opts.host.now());
    }
  } catch (e) {
    if (!(e instanceof ShutdownSignal)) {
      if (e instanceof LpcError) opts.host.stderr(`*${e.message}\n`);
      else throw e;
      return 1;
    }
  }
  return rt.shutdownCode ?? 0;
}
