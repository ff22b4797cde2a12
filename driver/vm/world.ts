// The object world of one runtime: wires inventory, shadows, uids, resets and
// heart beats into the VM's hooks, and offers the backend one Scheduler over
// every timer kind (call_outs, heart beats, resets/clean_ups). The backend
// loop calls `runDue(now)` each turn and sleeps until `nextDueTime()`.
import { LpcObject } from './object.js';
import type { Runtime } from './runtime.js';
import { earliest, type Scheduler } from './scheduler.js';
import { heartBeatsOf, type HeartBeats } from './heartbeats.js';
import { inventoryOf, type Inventory } from './inventory.js';
import { cloneVirtual, loadVirtual, replacerOf } from './lifecycle.js';
import { resetsOf, type ResetOptions, type Resets } from './resets.js';
import { shadowsOf, type Shadows } from './shadows.js';
import { uidsOf, type Uids } from './uids.js';
import { truthy, type Value } from './values.js';

export interface WorldOptions extends Partial<ResetOptions> {
  /** Milliseconds between heart beats (config HeartbeatInterval). */
  heartbeatInterval?: number;
}

export class World implements Scheduler {
  readonly inventory: Inventory;
  readonly shadows: Shadows;
  readonly uids: Uids;
  readonly resets: Resets;
  readonly heartBeats: HeartBeats;
  /** The runtime's call_out queue seen as a Scheduler (the queue itself lives in runtime.ts). */
  readonly callOuts: Scheduler;

  constructor(readonly rt: Runtime, opts: WorldOptions = {}) {
    rt.preDestructHooks.unshift((ob) => {
      // Neither rule holds while shutting down (Neolith g_proceeding_shutdown).
      if (rt.shutdownCode !== undefined) return;
      // Neolith: the simul_efun object stays while a master exists (compiled code relies on it).
      if (ob === rt.simulEfuns && rt.master && !rt.master.destructed) {
        rt.error('Cannot destruct simul_efun_object while master_object exists.');
      }
      if (ob === rt.master) this.replaceMaster(ob);
    });
    this.resets = resetsOf(rt, {
      resetDuration: opts.resetDuration ?? 1800,
      cleanupDuration: opts.cleanupDuration ?? 600,
      sweepMs: opts.sweepMs,
      random: opts.random,
    });
    this.inventory = inventoryOf(rt);
    this.shadows = shadowsOf(rt);
    this.uids = uidsOf(rt);
    this.heartBeats = heartBeatsOf(rt);
    if (opts.heartbeatInterval) this.heartBeats.intervalMs = opts.heartbeatInterval;
    this.callOuts = {
      runDue: (now) => rt.runDueCallOuts(now),
      nextDueTime: () => rt.callouts.nextDue(),
    };
    replacerOf(rt);
    rt.refTime = rt.host.now();
    // Bound, not wrapped in an arrow: one interpreted frame less per clone while cold.
    rt.newObjectHook = this.onNewObject.bind(this);
    rt.virtualObjectHook = (name) => loadVirtual(rt, name);
    rt.virtualCloneHook = (name, nextName) => cloneVirtual(rt, name, nextName);
    rt.afterExecutionHooks.push(() => this.noticeMaster());
    // MudOS compiles a file again when it is loaded again: destructing a
    // blueprint drops its cached program (clones and inheritors keep theirs).
    // Blueprints are marked for the hook as they are made (onNewObject).
    this.blueprintHook = rt.markedDestructHook((ob) => rt.programs.delete('/' + ob.name + '.c'));
    for (const ob of rt.allObjects()) if (!ob.isClone) ob.hooks |= this.blueprintHook;
  }

  /** Destruct-hook bit of blueprints (LpcObject.hooks). */
  private readonly blueprintHook: number;

  private replacingMaster = false;

  /**
   * Neolith destruct_object() of the master: a fresh copy is loaded from the
   * same file first and becomes the master; if it cannot be loaded, the old
   * master stays and destruct() fails.
   */
  private replaceMaster(old: LpcObject): void {
    const rt = this.rt;
    if (this.replacingMaster) rt.error('Nested vital object destruct is not allowed.');
    const name = old.name;
    this.replacingMaster = true;
    const key = '/' + name + '.c';
    const oldProgram = rt.programs.get(key);
    rt.objects.delete(name);
    rt.programs.delete(key);
    rt.pendingMaster = name;
    let fresh: LpcObject | undefined;
    try {
      fresh = rt.loadObject('/' + name);
    } catch {
      fresh = undefined;
    } finally {
      this.replacingMaster = false;
      rt.pendingMaster = undefined;
    }
    if (!fresh || fresh.destructed) {
      const half = rt.objects.get(name);
      if (half && half !== old) {
        rt.master = old;
        rt.destruct(half);
      }
      rt.objects.set(name, old);
      if (oldProgram) rt.programs.set(key, oldProgram);
      rt.master = old;
      return rt.error('Destruct on vital object failed: new copy failed to reload.');
    }
    rt.master = fresh;
  }

  private knownMaster: LpcObject | 0 = 0;
  private inMasterNotice = false;

  /**
   * Neolith set_master() once a new master has finished loading (its
   * create() ran): root uid from get_root_uid(), backbone uid from
   * get_bb_uid() for the first master. Runs after the loading execution, so
   * every boot path (app mode, the server, tests) gets it.
   */
  private noticeMaster(): void {
    const rt = this.rt;
    const m = rt.master;
    if (!m || m === this.knownMaster || m.destructed || this.inMasterNotice || rt.pendingMaster !== undefined) return;
    const first = this.knownMaster === 0;
    this.knownMaster = m;
    this.inMasterNotice = true;
    try {
      rt.runTop(() => this.uids.setMaster(m, first));
    } finally {
      this.inMasterNotice = false;
    }
  }

  /** Applies config values (HeartbeatInterval, ResetDuration, CleanupDuration, sweep and random). */
  configure(opts: WorldOptions): void {
    const r = this.resets;
    if (opts.resetDuration !== undefined) r.resetDuration = opts.resetDuration;
    if (opts.cleanupDuration !== undefined) r.cleanupDuration = opts.cleanupDuration;
    if (opts.sweepMs !== undefined) r.sweepMs = opts.sweepMs;
    if (opts.random) r.random = opts.random;
    if (opts.heartbeatInterval) this.heartBeats.intervalMs = opts.heartbeatInterval;
  }

  /**
   * Neolith load_object/clone_object order for a new object, before __INIT
   * and create(): the euid checks, valid_object (loads only), uids, the first
   * reset time; a clone also stops its blueprint's heart beat.
   */
  private onNewObject(ob: LpcObject, blueprint?: LpcObject): void {
    const rt = this.rt;
    if (!ob.isClone) ob.hooks |= this.blueprintHook;
    else if (blueprint === undefined) blueprint = rt.findObject(ob.name.slice(0, ob.name.lastIndexOf('#')));
    if (ob.isClone) {
      if (!this.uids.giveUid(ob)) {
        rt.destruct(ob);
        rt.error('Attempt to create object without effective UID.');
      }
    } else if (ob !== rt.master) {
      // (The master's uids come from set_master: Uids.setMaster.)
      try {
        if (this.uids.enabled()) this.uids.checkLoader();
        if (rt.master) {
          const r = rt.masterApply('valid_object', [ob]);
          if (r !== undefined && !truthy(r)) rt.error(`master::valid_object() denied permission to load '/${ob.name}'.`);
        }
      } catch (e) {
        rt.destruct(ob);
        throw e;
      }
      // valid_object() may have changed the master (it runs LPC): giveUid asks again.
      this.uids.giveUid(ob);
    }
    this.resets.onCreate(ob, blueprint);
    if (blueprint && this.heartBeats.count !== 0) this.heartBeats.set(blueprint, 0);
  }

  /** Advances the clock call_other stamps (LpcObject.lastRef) to `now`. */
  tick(now: number): void {
    if (now > this.rt.refTime) this.rt.refTime = now;
  }

  /** True while call_outs or heart beats are pending (what keeps an app alive; resets do not). */
  busy(): boolean {
    return this.rt.callouts.nextDue() !== undefined || this.heartBeats.nextDueTime() !== undefined;
  }

  nextDueTime(): number | undefined {
    return earliest(this.callOuts.nextDueTime(), this.heartBeats.nextDueTime(), this.resets.nextDueTime());
  }

  /** DESIGN.md backend cycle order: heart beats, then call_outs, then resets and clean_ups. */
  runDue(now: number): number {
    this.tick(now);
    let n = this.heartBeats.runDue(now);
    if (this.rt.shutdownCode === undefined) n += this.callOuts.runDue(now);
    if (this.rt.shutdownCode === undefined) n += this.resets.runDue(now);
    return n;
  }

  /**
   * The master's crash(message, command_giver, current_object) on a fatal
   * driver error; returns false when the master cannot take it.
   */
  crash(message: string, commandGiver: LpcObject | 0, current: LpcObject | 0): boolean {
    const rt = this.rt;
    const r = rt.runTop(() => rt.masterApply('crash', [message, commandGiver, current]) !== undefined);
    return r === true;
  }

  /**
   * A valid_* master apply for other modules (valid_link, valid_socket,
   * valid_bind, ...): Neolith MASTER_APPROVED, i.e. approved without a master,
   * refused when the master lacks the apply or returns 0.
   */
  masterApproves(apply: string, args: Value[]): boolean {
    const rt = this.rt;
    if (!rt.master || rt.master.destructed) return true;
    const r = rt.masterApply(apply, args);
    return r !== undefined && truthy(r);
  }
}

const worlds = new WeakMap<Runtime, World>();

/** Installs the world into a runtime (once); later calls return the same World, reconfigured by `opts`. */
export function installWorld(rt: Runtime, opts?: WorldOptions): World {
  let w = worlds.get(rt);
  if (!w) worlds.set(rt, (w = new World(rt, opts)));
  else if (opts) w.configure(opts);
  return w;
}

/** The world of a runtime that has one. */
export function worldOf(rt: Runtime): World | undefined {
  return worlds.get(rt);
}

export { LpcObject };
