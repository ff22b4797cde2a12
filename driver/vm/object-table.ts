// The object table (MudOS otable): every object by its name, for load_object,
// find_object and objects().
//
// Plain clones ("path#N" straight from clone_object) are not put in the name
// map. A mudlib that clones and destructs objects all the time would
// otherwise hash a fresh "path#N" string, insert it and delete it again per
// object, and a JS Map rehashes its table every few deletions: that cost
// 0.15 µs per clone/destruct pair, more than the rest of clone_object and
// destruct together once V8 has optimized them. Clone numbers only grow, so
// the clones sit in an array in clone-number order: find_object of "path#N"
// is a binary search, and destructed clones leave from the end at once or,
// from the middle, in batches.
import type { LpcObject } from './object.js';

/** The clone number in "path#N", or NaN. */
function cloneNumber(name: string): number {
  const hash = name.lastIndexOf('#');
  return hash < 0 ? NaN : Number(name.slice(hash + 1));
}

export class ObjectTable {
  /** Objects by name: blueprints, renamed (virtual) objects, the master... */
  private readonly named = new Map<string, LpcObject>();
  /** Plain clones in clone-number order; destructed ones in the middle stay until compact(). */
  private clones: LpcObject[] = [];
  private deadClones = 0;
  /** Registration counter: LpcObject.serial orders objects() across the two stores. */
  private serial = 0;

  /** The object registered under `name` (callers check `destructed`). */
  get(name: string): LpcObject | undefined {
    const ob = this.named.get(name);
    if (ob !== undefined) return ob;
    const n = cloneNumber(name);
    if (!(n > 0)) return undefined;
    const i = this.cloneIndex(n);
    const c = i < 0 ? undefined : this.clones[i];
    return c !== undefined && c.name === name ? c : undefined;
  }

  /** Registers `ob` under `name` (which may be any name: loads, renamed virtual objects). */
  set(name: string, ob: LpcObject): void {
    if (this.named.get(name) !== ob) ob.serial = ++this.serial;
    this.named.set(name, ob);
  }

  /** Unregisters whatever object is registered under `name`, in either store. */
  delete(name: string): void {
    if (this.named.delete(name)) return;
    const n = cloneNumber(name);
    const i = n > 0 ? this.cloneIndex(n) : -1;
    if (i >= 0 && this.clones[i].name === name) {
      // A clone that leaves the clone store alive (compile_object's result is
      // renamed to the virtual name): rare, so a splice is fine.
      if (this.clones[i].destructed) this.deadClones--;
      this.clones.splice(i, 1);
    }
  }

  /** Registers a plain clone named "path#N"; N must be above every clone number registered before. */
  addClone(ob: LpcObject): void {
    ob.serial = ++this.serial;
    this.clones.push(ob);
  }

  /** Unregisters an object being destructed (already marked destructed). */
  remove(ob: LpcObject): void {
    // The newest clones are the ones most often destructed (temporary
    // objects): kept small so that V8 inlines it into destruct.
    const clones = this.clones;
    if (clones.length !== 0 && clones[clones.length - 1] === ob) clones.pop();
    else this.removeOther(ob);
  }

  private removeOther(ob: LpcObject): void {
    if (this.named.get(ob.name) === ob) {
      this.named.delete(ob.name);
      return;
    }
    if (!ob.isClone) return;
    // Counted, not looked up: a clone renamed out of the store only makes the
    // next compaction come a little early.
    this.deadClones++;
    const clones = this.clones;
    while (clones.length !== 0 && clones[clones.length - 1].destructed) {
      clones.pop();
      this.deadClones--;
    }
    if (this.deadClones > 1024 && this.deadClones * 2 > clones.length) this.compact();
  }

  /** Live objects in registration order (objects()). */
  values(): LpcObject[] {
    const out: LpcObject[] = [];
    const clones = this.clones;
    let c = 0;
    for (const ob of this.named.values()) {
      for (; c < clones.length && clones[c].serial < ob.serial; c++) if (!clones[c].destructed) out.push(clones[c]);
      if (!ob.destructed) out.push(ob);
    }
    for (; c < clones.length; c++) if (!clones[c].destructed) out.push(clones[c]);
    return out;
  }

  /** Index in `clones` of clone number n, or -1. */
  private cloneIndex(n: number): number {
    const clones = this.clones;
    let lo = 0;
    let hi = clones.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = cloneNumber(clones[mid].name);
      if (m === n) return mid;
      if (m < n) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private compact(): void {
    const clones = this.clones;
    let n = 0;
    for (let i = 0; i < clones.length; i++) if (!clones[i].destructed) clones[n++] = clones[i];
    clones.length = n;
    this.deadClones = 0;
  }
}
