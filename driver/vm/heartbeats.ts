// Heart beats (Neolith backend.c): objects with set_heart_beat(n) get
// heart_beat() called every n-th beat; one beat every HeartbeatInterval ms
// (MudOS fixes 2 s). Beats run in the order objects enabled them, each as its
// own execution with a fresh eval budget and this_player() set to the object
// when it is living. An error in heart_beat() turns that object's heart beat
// off (MudOS error handling), which the driver log reports.
import type { LpcObject } from './object.js';
import type { Runtime } from './runtime.js';
import type { Scheduler } from './scheduler.js';
import { peekNode } from './inventory.js';

interface Beat {
  ob: LpcObject;
  /** Beats between calls (set_heart_beat's argument). */
  every: number;
  /** Beats left before the next call. */
  left: number;
  active: boolean;
}

export class HeartBeats implements Scheduler {
  private beats: Beat[] = [];
  private readonly byObject = new Map<LpcObject, Beat>();

  /** Objects with a heart beat on (a field test callers can make before set(ob, 0)). */
  get count(): number {
    return this.byObject.size;
  }
  private nextBeat: number | undefined;
  /** Inactive entries still in `beats`. */
  private dead = 0;

  private compact(): void {
    this.beats = this.beats.filter((x) => x.active);
    this.dead = 0;
  }

  /** This module's destruct-hook bit (LpcObject.hooks): set on objects that ever had a beat. */
  private readonly hookBit: number;

  constructor(readonly rt: Runtime, public intervalMs = 2000) {
    this.hookBit = rt.markedDestructHook((ob) => this.set(ob, 0));
  }

  /**
   * set_heart_beat(): 0 turns it off (returns 0 when it was off), a positive
   * value sets the beats between calls, a negative one turns it on at 1 but
   * does not change an enabled heart beat.
   */
  set(ob: LpcObject, to: number): number {
    // Every destruct and every clone (its blueprint's beat stops) turns a beat
    // off; with no beats at all there is nothing to look up.
    if (!to && this.byObject.size === 0) return 0;
    const b = this.byObject.get(ob);
    if (!to) {
      if (!b) return 0;
      // Removal only marks the entry; the list is compacted once half of it is
      // dead, so destructing many objects stays linear.
      b.active = false;
      this.byObject.delete(ob);
      if (++this.dead > this.beats.length / 2) this.compact();
      if (!this.byObject.size) this.nextBeat = undefined;
      return 1;
    }
    if (ob.destructed) return 0;
    if (b) {
      if (to < 0) return 0;
      b.every = b.left = to;
      return 1;
    }
    const every = to < 0 ? 1 : to;
    const beat: Beat = { ob, every, left: every, active: true };
    this.beats.push(beat);
    this.byObject.set(ob, beat);
    ob.hooks |= this.hookBit;
    this.nextBeat ??= this.rt.host.now() + this.intervalMs;
    return 1;
  }

  /** query_heart_beat(): the beats between calls, 0 when off. */
  query(ob: LpcObject): number {
    return this.byObject.get(ob)?.every ?? 0;
  }

  /** heart_beats(): objects with a heart beat, in the order they enabled it. */
  objects(): LpcObject[] {
    return this.beats.filter((b) => b.active && !b.ob.destructed).map((b) => b.ob);
  }

  nextDueTime(): number | undefined {
    return this.byObject.size ? this.nextBeat : undefined;
  }

  /** One beat when due; a late loop runs one beat, not a burst of missed ones. */
  runDue(now: number): number {
    if (now > this.rt.refTime) this.rt.refTime = now;
    if (this.nextBeat === undefined || now < this.nextBeat || !this.byObject.size) return 0;
    this.nextBeat += this.intervalMs;
    if (this.nextBeat <= now) this.nextBeat = now + this.intervalMs;
    return this.beat();
  }

  /** Runs one beat now (the backend's tick, and tests). */
  beat(): number {
    const rt = this.rt;
    let calls = 0;
    for (const b of [...this.beats]) {
      if (!b.active || b.ob.destructed || rt.shutdownCode !== undefined) continue;
      if (--b.left >= 1) continue;
      b.left = b.every;
      const ob = b.ob;
      const entry = ob.linked.table.get('heart_beat');
      if (!entry) continue;
      calls++;
      const ok = rt.runTop(() => {
        rt.tp = peekNode(ob)?.living ? ob : 0;
        ob.lastRef = rt.refTime;
        rt.enterObject(ob, entry.fn, []);
        return true;
      });
      if (!ok && !ob.destructed && this.set(ob, 0)) {
        rt.host.stderr(`Heart beat in /${ob.name} turned off.\n`);
      }
    }
    return calls;
  }
}

const registries = new WeakMap<Runtime, HeartBeats>();

export function heartBeatsOf(rt: Runtime): HeartBeats {
  let h = registries.get(rt);
  if (!h) registries.set(rt, (h = new HeartBeats(rt)));
  return h;
}
