// The call_out queue (COMPAT.md rule 3): millisecond precision; a delay of 0
// runs before a delay of 1; call_outs due at the same time run in the order
// they were registered. A binary heap ordered by (due, seq) keeps both rules.
// The clock is injected so tests can drive a virtual clock.
import type { Value } from './values.js';
import type { LpcObject } from './object.js';

export interface CallOut {
  ob: LpcObject;
  /** A function name in `ob`, or a function pointer value. */
  fn: string | Value;
  args: Value[];
  /** Due time in ms on the queue's clock. */
  due: number;
  seq: number;
  /** this_player() at registration, restored when the call_out runs (MudOS). */
  player: LpcObject | 0;
  handle: number;
  cancelled: boolean;
}

export class CallOutQueue {
  private heap: CallOut[] = [];
  private seq = 0;
  private liveCount = 0;

  constructor(public now: () => number) {}

  /** Sequence number of the newest call_out (a pass runs only those registered before it began). */
  get lastSeq(): number {
    return this.seq;
  }

  get size(): number {
    return this.liveCount;
  }

  add(ob: LpcObject, fn: string | Value, delayMs: number, args: Value[], player: LpcObject | 0): CallOut {
    const c: CallOut = {
      ob, fn, args, player,
      due: this.now() + Math.max(0, delayMs),
      seq: ++this.seq,
      handle: this.seq,
      cancelled: false,
    };
    this.push(c);
    this.liveCount++;
    ob.callouts++;
    return c;
  }

  /** The earliest pending due time, or undefined when the queue is empty. */
  nextDue(): number | undefined {
    this.dropCancelledTop();
    return this.heap.length ? this.heap[0].due : undefined;
  }

  /**
   * Removes and returns the next call_out due at or before `time` and
   * registered no later than `maxSeq`. New entries always sort after older
   * due ones, so stopping at the first newer one skips nothing older.
   */
  popDue(time: number, maxSeq = Infinity): CallOut | undefined {
    this.dropCancelledTop();
    if (!this.heap.length || this.heap[0].due > time || this.heap[0].seq > maxSeq) return undefined;
    const c = this.pop()!;
    this.liveCount--;
    c.ob.callouts--;
    return c;
  }

  cancel(c: CallOut): void {
    if (c.cancelled) return;
    c.cancelled = true;
    this.liveCount--;
    c.ob.callouts--;
  }

  /** Live call_outs in due order (for call_out_info and find/remove by name). */
  list(): CallOut[] {
    return this.heap.filter((c) => !c.cancelled).sort((a, b) => a.due - b.due || a.seq - b.seq);
  }

  /** The first live call_out of `ob` calling `name` (MudOS find/remove_call_out). */
  find(ob: LpcObject, name: string): CallOut | undefined {
    let best: CallOut | undefined;
    for (const c of this.heap) {
      if (c.cancelled || c.ob !== ob || c.fn !== name) continue;
      if (!best || c.due < best.due || (c.due === best.due && c.seq < best.seq)) best = c;
    }
    return best;
  }

  /** Cancels every call_out owned by `ob` (destruct cascade, DESIGN.md decision 9). */
  cancelAllOf(ob: LpcObject): void {
    if (ob.callouts <= 0) return;
    for (const c of this.heap) if (c.ob === ob) this.cancel(c);
  }

  private dropCancelledTop(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private less(a: CallOut, b: CallOut): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(c: CallOut): void {
    const h = this.heap;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): CallOut | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
