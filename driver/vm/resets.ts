// reset() and clean_up() (Neolith call_create/reset_object/clean_up_object and
// look_for_objects_to_swap):
//
// - At creation and after each reset an object's next reset is set to
//   now + ResetDuration/2 + random(ResetDuration/2), so that objects created
//   together do not all reset together.
// - A due object resets only if it was used since its last reset (MudOS
//   O_RESET_STATE: a call_other or driver apply reached it); an unused one
//   waits, and resets at the first sweep after it is used again.
// - An object without reset() is never asked again.
// - clean_up(inherited) is called in objects defining it that nobody has
//   called for CleanupDuration; `inherited` is 0 for clones, otherwise the
//   number of references to the object's program (itself, its clones and the
//   programs inheriting it). A zero result means "never ask again"; the object
//   may also destruct itself.
//
// Each object's next reset lives in an indexed binary heap ordered by due
// time: a reschedule moves the object's one entry, and destruct removes it at
// once, so a clone that is created and destructed costs O(log n) on a heap of
// live objects and leaves nothing behind (no stale entries for the GC to keep
// alive until their due time). Waiting resets and clean_up checks run in a
// sweep every `sweepMs` (MudOS scans every 15 minutes; Lapis defaults to a
// minute).
import type { LpcObject } from './object.js';
import type { Runtime } from './runtime.js';
import type { Program } from './program.js';
import { earliest, type Scheduler } from './scheduler.js';
import { applyShadowed } from './shadows.js';
import { truthy } from './values.js';

/** Per-object reset state (LpcObject.rs); it is also the object's heap entry. */
export class ResetState {
  // Assigned in the constructor, not as class fields (see object.ts: cheaper
  // for V8 11 while cold; one of these is made per object).
  /** Next reset time (ms). */
  declare next: number;
  /** Position in Resets.heap, -1 when not scheduled. */
  declare idx: number;
  /** In Resets.waiting (due but unused). */
  declare waiting: boolean;
  /** ob.lastRef as the last create/reset left it: unchanged means "not used since". */
  declare refAtReset: number;
  declare readonly ob: LpcObject;
  /** O_WILL_RESET: cleared when the object turns out to have no reset(). */
  declare willReset: boolean;
  /** O_WILL_CLEAN_UP: the object defines clean_up() and has not declined. */
  declare willCleanUp: boolean;

  constructor(ob: LpcObject, willReset: boolean, willCleanUp: boolean) {
    (this as { ob: LpcObject }).ob = ob;
    this.willReset = willReset;
    this.willCleanUp = willCleanUp;
    this.next = 0;
    this.idx = -1;
    this.waiting = false;
    this.refAtReset = 0;
  }
}

function stateOf(ob: LpcObject): ResetState | undefined {
  return ob.rs;
}

export interface ResetOptions {
  /** ResetDuration in seconds (0 disables resets). */
  resetDuration: number;
  /** CleanupDuration in seconds (0 disables clean_up). */
  cleanupDuration: number;
  /** Milliseconds between sweeps (waiting resets, clean_up checks). */
  sweepMs?: number;
  /** Random source in [0, 1) (tests make it deterministic). */
  random?: () => number;
}

export class Resets implements Scheduler {
  resetDuration: number;
  cleanupDuration: number;
  sweepMs: number;
  random: () => number;
  /** Scheduled objects, a binary min-heap on ResetState.next (each state knows its index). */
  private heap: ResetState[] = [];
  /** Due but unused objects, reset at a sweep once used. */
  private readonly waiting = new Set<LpcObject>();
  private nextSweep: number | undefined;
  /** Live objects that still want clean_up() calls; sweeps stop while there are none (idle loop). */
  private cleanUpCandidates = 0;

  /** This module's destruct-hook bit (LpcObject.hooks): set on objects that get a ResetState. */
  private readonly hookBit: number;

  constructor(readonly rt: Runtime, opts: ResetOptions = { resetDuration: 1800, cleanupDuration: 600 }) {
    this.resetDuration = opts.resetDuration;
    this.cleanupDuration = opts.cleanupDuration;
    this.sweepMs = opts.sweepMs ?? 60_000;
    this.random = opts.random ?? Math.random;
    this.hookBit = rt.markedDestructHook((ob) => {
      const st = stateOf(ob);
      if (st === undefined) return;
      this.unschedule(st);
      if (st.waiting) this.unwait(st);
      if (st.willCleanUp) {
        st.willCleanUp = false;
        this.cleanUpCandidates--;
      }
    });
  }

  /** now + ResetDuration/2 + random(ResetDuration/2), in ms. */
  private spread(now: number): number {
    const half = Math.floor(this.resetDuration / 2);
    return now + (half + Math.floor(this.random() * half)) * 1000;
  }

  /**
   * A new object (Neolith load_object/clone_object/call_create): will it
   * reset and clean up, and when is its first reset. Clones inherit their
   * blueprint's flags.
   */
  onCreate(ob: LpcObject, blueprint?: LpcObject): void {
    const bp = blueprint !== undefined ? blueprint.rs : undefined;
    let st: ResetState;
    if (bp !== undefined) st = new ResetState(ob, bp.willReset, bp.willCleanUp);
    else {
      // MudOS calls reset() only in objects that define it (a missing apply
      // clears O_WILL_RESET at the first attempt): an object with neither
      // reset() nor clean_up() gets no state and no heap entry, which keeps
      // clone_object()/destruct() of such objects cheap. set_reset() still
      // schedules one (setReset creates the state).
      const willReset = ob.linked.hasReset;
      const willCleanUp = ob.linked.hasCleanUp;
      if (!willReset && !willCleanUp) {
        ob.lastRef = this.rt.refTime - 0.5; // the creation still counts as its last reference
        return;
      }
      st = new ResetState(ob, willReset, willCleanUp);
    }
    this.start(ob, st);
  }

  /**
   * A stateless object (no reset() or clean_up() of its own) that a shadow
   * defining reset() now covers: reset() reaches it through the shadow
   * (applyShadowed), so it is scheduled as MudOS schedules every object.
   */
  adopt(ob: LpcObject): void {
    if (ob.destructed || ob.rs !== undefined) return;
    this.start(ob, new ResetState(ob, true, ob.linked.hasCleanUp));
  }

  /** A new state's bookkeeping: clean_up candidate, reset mark, first reset time. */
  private start(ob: LpcObject, st: ResetState): void {
    const now = this.rt.host.now();
    ob.rs = st;
    ob.hooks |= this.hookBit;
    if (st.willCleanUp) this.cleanUpCandidates++;
    ob.lastRef = st.refAtReset = this.rt.refTime - 0.5; // markResetState, inlined: this runs per clone
    if (this.resetDuration > 0) {
      // A new state is not in the heap yet: push it (schedule() without its checks).
      st.next = this.spread(now);
      if (st.willReset) this.push(st);
    }
    if (this.nextSweep === undefined) this.nextSweep = now + this.sweepMs;
  }

  /**
   * MudOS sets O_RESET_STATE here; any later call clears it. The mark is a
   * reference time half a millisecond in the past: call_other stamps whole
   * clock values, so even a call in the same turn shows as a use, and
   * clean_up's idle time is off by nothing that matters.
   */
  private markResetState(ob: LpcObject, st: ResetState): void {
    ob.lastRef = st.refAtReset = this.rt.refTime - 0.5;
  }

  /** set_reset(ob, seconds?): the next reset in `seconds`, or a fresh random spread. */
  setReset(ob: LpcObject, seconds?: number): void {
    if (ob.destructed) return;
    let st = stateOf(ob);
    if (st === undefined) this.start(ob, (st = new ResetState(ob, true, ob.linked.hasCleanUp)));
    const now = this.rt.host.now();
    if (seconds !== undefined) this.schedule(ob, st, now + seconds * 1000);
    else if (this.resetDuration > 0) this.schedule(ob, st, this.spread(now));
  }

  /** When `ob` resets next (ms), or undefined. */
  nextResetOf(ob: LpcObject): number | undefined {
    return stateOf(ob)?.next;
  }

  private schedule(ob: LpcObject, st: ResetState, due: number): void {
    if (st.waiting) this.unwait(st);
    const old = st.next;
    st.next = due;
    if (!st.willReset) return;
    if (st.idx < 0) this.push(st);
    else if (due < old) this.siftUp(st.idx);
    else this.siftDown(st.idx);
  }

  private unwait(st: ResetState): void {
    st.waiting = false;
    this.waiting.delete(st.ob);
  }

  nextDueTime(): number | undefined {
    const sweepNeeded = this.waiting.size > 0 || (this.cleanupDuration > 0 && this.cleanUpCandidates > 0);
    return earliest(this.heap.length ? this.heap[0].next : undefined, sweepNeeded ? this.nextSweep : undefined);
  }

  runDue(now: number): number {
    let calls = 0;
    const rt = this.rt;
    if (now > rt.refTime) rt.refTime = now;
    while (this.heap.length && this.heap[0].next <= now && rt.shutdownCode === undefined) {
      const st = this.heap[0];
      this.unschedule(st);
      const ob = st.ob;
      if (ob.destructed || !st.willReset) continue;
      if (ob.lastRef === st.refAtReset) {
        st.waiting = true;
        this.waiting.add(ob);
      } else calls += this.reset(ob, st, now);
    }
    if (this.nextSweep !== undefined && now >= this.nextSweep) {
      this.nextSweep = now + this.sweepMs;
      calls += this.sweep(now);
    }
    return calls;
  }

  /** Neolith reset_object(): reschedule first, then reset() with no this_player(). */
  private reset(ob: LpcObject, st: ResetState, now: number): number {
    const rt = this.rt;
    if (this.resetDuration > 0) this.schedule(ob, st, this.spread(now));
    else this.unschedule(st);
    if (st.waiting) this.unwait(st);
    rt.runTop(() => {
      rt.tp = 0;
      if (applyShadowed(rt, ob, 'reset', []) === undefined && !ob.destructed) {
        st.willReset = false;
        this.unschedule(st);
      }
    });
    this.markResetState(ob, st);
    return 1;
  }

  /** Waiting resets of objects used since, then clean_up of long-unused objects. */
  private sweep(now: number): number {
    let calls = 0;
    for (const ob of [...this.waiting]) {
      const st = stateOf(ob);
      if (!st || ob.destructed || !st.willReset) {
        if (st) st.waiting = false;
        this.waiting.delete(ob);
        continue;
      }
      if (ob.lastRef !== st.refAtReset) calls += this.reset(ob, st, now);
    }
    if (this.cleanupDuration <= 0) return calls;
    const limit = this.cleanupDuration * 1000;
    let refs: Map<Program, number> | undefined;
    for (const ob of this.rt.allObjects()) {
      const st = stateOf(ob);
      if (!st || !st.willCleanUp || ob.destructed || this.rt.shutdownCode !== undefined) continue;
      if (this.rt.refTime - Math.ceil(ob.lastRef) <= limit) continue;
      refs ??= this.programRefs();
      calls += this.cleanUp(ob, st, ob.isClone ? 0 : refs.get(ob.program) ?? 1);
    }
    return calls;
  }

  /** Neolith clean_up_object(): a zero result stops further calls; the reset state is kept. */
  private cleanUp(ob: LpcObject, st: ResetState, inherited: number): number {
    const rt = this.rt;
    const untouched = ob.lastRef === st.refAtReset;
    rt.runTop(() => {
      rt.tp = 0;
      const r = applyShadowed(rt, ob, 'clean_up', [inherited]);
      if (!ob.destructed && (r === undefined || !truthy(r))) {
        st.willCleanUp = false;
        this.cleanUpCandidates--;
      }
    });
    // The clean_up() call is a reference (MudOS apply_low), but it keeps the reset state.
    if (untouched) this.markResetState(ob, st);
    else ob.lastRef = rt.refTime;
    return 1;
  }

  /** References to each program: objects running it plus programs inheriting it. */
  private programRefs(): Map<Program, number> {
    const refs = new Map<Program, number>();
    const add = (p: Program) => refs.set(p, (refs.get(p) ?? 0) + 1);
    for (const ob of this.rt.allObjects()) add(ob.program);
    for (const p of this.rt.programs.values()) for (const ih of p.inherits) add(ih.program);
    return refs;
  }

  /** Objects with a scheduled reset (debugging and tests). */
  scheduledObjects(): LpcObject[] {
    return this.heap.filter((st) => st.willReset && !st.ob.destructed).map((st) => st.ob);
  }

  // Indexed binary heap on ResetState.next.

  private push(st: ResetState): void {
    st.idx = this.heap.length;
    this.heap.push(st);
    this.siftUp(st.idx);
  }

  /** Takes `st` out of the heap (no-op when it is not scheduled). */
  private unschedule(st: ResetState): void {
    const i = st.idx;
    if (i < 0) return;
    const h = this.heap;
    st.idx = -1;
    const last = h.pop()!;
    if (last === st) return;
    h[i] = last;
    last.idx = i;
    if (i > 0 && last.next < h[(i - 1) >> 1].next) this.siftUp(i);
    else this.siftDown(i);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    const st = h[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].next <= st.next) break;
      h[i] = h[p];
      h[i].idx = i;
      i = p;
    }
    h[i] = st;
    st.idx = i;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = h.length;
    const st = h[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && h[r].next < h[l].next ? r : l;
      if (h[m].next >= st.next) break;
      h[i] = h[m];
      h[i].idx = i;
      i = m;
    }
    h[i] = st;
    st.idx = i;
  }
}

const registries = new WeakMap<Runtime, Resets>();

/** The runtime's reset scheduler if it has one (without creating it). */
export function existingResetsOf(rt: Runtime): Resets | undefined {
  return registries.get(rt);
}

/** The runtime's reset scheduler; `opts`, when given, (re)configures it. */
export function resetsOf(rt: Runtime, opts?: ResetOptions): Resets {
  let r = registries.get(rt);
  if (!r) registries.set(rt, (r = new Resets(rt, opts)));
  else if (opts) {
    r.resetDuration = opts.resetDuration;
    r.cleanupDuration = opts.cleanupDuration;
    if (opts.sweepMs !== undefined) r.sweepMs = opts.sweepMs;
    if (opts.random) r.random = opts.random;
  }
  return r;
}
