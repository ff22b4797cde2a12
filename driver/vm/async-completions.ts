// Async completions (DESIGN.md decision 5): how a worker-tier efun hands its
// result back to LPC. The efun starts its work (a promise: a thread-pool file
// read, a query on the database worker thread, an HTTP request) and returns at
// once; when the work settles, a typed completion record is queued here, and
// the backend drains the queue during its turn. Draining runs each callback
// as its own top-level execution, exactly like a call_out: fresh eval budget,
// this_player() restored to the one at submission, errors reported to the
// master's error_handler with a traceback.
//
// Ordering: work submitted in one turn runs in parallel; callbacks run in the
// order the work completed (promise settlement order), never submission order.
//
// Ownership (DESIGN.md decision 9): every job belongs to the object that
// submitted it. Destructing that object cancels its jobs: the work may still
// finish on its worker, but its callback is dropped.
//
// Node-specific work lives outside driver/vm: the backend registers services
// (provide/service) that efun modules look up by name, with an interface the
// efun module declares. The LPC core therefore stays free of Node APIs.
import type { LpcObject } from './object.js';
import type { Runtime } from './runtime.js';
import { LFunction, type Value } from './values.js';
import { VmFunction } from './functions.js';

/** What a completed job asks the backend to call: a function pointer, or a function name in the owner. */
export interface Delivery {
  fn: LFunction | string;
  args: Value[];
  /**
   * Runs inside the callback's execution, just before the call, and returns
   * the arguments instead of `args`: for results that must be applied to
   * driver state at delivery time, not when the work settled between turns
   * (async_db_exec stores its result set in the handle here).
   */
  prepare?: () => Value[];
}

/** One piece of submitted work. */
export interface AsyncJob {
  readonly id: number;
  readonly owner: LpcObject;
  /** this_player() at submission, restored for the callback (MudOS call_out rule). */
  readonly player: LpcObject | 0;
  /** What kind of work it is ("async_read", "async_db_exec", ...), for diagnostics. */
  readonly kind: string;
  cancelled: boolean;
}

interface Ready {
  job: AsyncJob;
  delivery: Delivery;
}

export class AsyncCompletions {
  /** Jobs whose work has not settled yet. */
  private readonly inFlight = new Set<AsyncJob>();
  /** Settled jobs waiting for the backend turn, in completion order. */
  private ready: Ready[] = [];
  private readonly byOwner = new Map<LpcObject, Set<AsyncJob>>();
  private readonly services = new Map<string, unknown>();
  private waiters: (() => void)[] = [];
  private nextId = 1;
  /** Called when a completion becomes ready (the backend wakes its loop). */
  onReady: (() => void) | undefined;
  /** Completions delivered so far (stats, tests). */
  delivered = 0;

  /** This module's destruct-hook bit (LpcObject.hooks): set on objects that ever owned a job. */
  private readonly hookBit: number;

  constructor(private readonly rt: Runtime) {
    this.hookBit = rt.markedDestructHook((ob) => this.cancelAllOf(ob));
  }

  /**
   * Starts `start()` now and queues `deliver(result)` for the backend when it
   * settles. A rejected promise goes through `fail` (for example an error
   * string handed to the callback); without `fail` it is logged and dropped.
   * A deliver/fail that returns undefined means "no callback".
   */
  submit<T>(
    owner: LpcObject,
    kind: string,
    start: () => Promise<T>,
    deliver: (result: T) => Delivery | undefined,
    fail?: (err: unknown) => Delivery | undefined,
  ): AsyncJob {
    const rt = this.rt;
    const job: AsyncJob = { id: this.nextId++, owner, player: rt.tp, kind, cancelled: false };
    this.inFlight.add(job);
    let set = this.byOwner.get(owner);
    if (!set) this.byOwner.set(owner, (set = new Set()));
    set.add(job);
    owner.hooks |= this.hookBit;
    let work: Promise<T>;
    try {
      work = start();
    } catch (e) {
      work = Promise.reject(e);
    }
    work.then(
      (result) => this.settle(job, () => deliver(result)),
      (err) => this.settle(job, () => {
        if (fail) return fail(err);
        rt.host.stderr(`${kind}: ${err instanceof Error ? err.message : String(err)}\n`);
        return undefined;
      }),
    );
    return job;
  }

  private settle(job: AsyncJob, make: () => Delivery | undefined): void {
    this.inFlight.delete(job);
    if (job.cancelled) return;
    let delivery: Delivery | undefined;
    try {
      delivery = make();
    } catch (e) {
      this.rt.host.stderr(`${job.kind}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    if (!delivery) {
      this.forget(job);
      return;
    }
    this.ready.push({ job, delivery });
    this.onReady?.();
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private forget(job: AsyncJob): void {
    const set = this.byOwner.get(job.owner);
    if (!set) return;
    set.delete(job);
    if (!set.size) this.byOwner.delete(job.owner);
  }

  /** Jobs not yet delivered (in flight or ready): what keeps an app alive. */
  get pending(): number {
    return this.inFlight.size + this.ready.length;
  }

  /** True when completions wait for a turn. */
  hasReady(): boolean {
    return this.ready.length > 0;
  }

  /** Jobs of `ob` still in flight or waiting (in_perform() and friends). */
  pendingOf(ob: LpcObject, kind?: string): number {
    const set = this.byOwner.get(ob);
    if (!set) return 0;
    if (kind === undefined) return set.size;
    let n = 0;
    for (const j of set) if (j.kind === kind) n++;
    return n;
  }

  /** Resolves as soon as a completion is ready (at once when one already is). */
  whenReady(): Promise<void> {
    if (this.ready.length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Runs the callbacks that are ready, in completion order; each is one
   * top-level execution. Completions that arrive meanwhile wait for the next
   * turn. Returns how many ran.
   */
  drain(): number {
    if (!this.ready.length) return 0;
    const batch = this.ready;
    this.ready = [];
    const rt = this.rt;
    let n = 0;
    for (let i = 0; i < batch.length; i++) {
      const { job, delivery } = batch[i];
      this.forget(job);
      if (job.cancelled || job.owner.destructed) continue;
      if (rt.shutdownCode !== undefined) {
        // Unwound by shutdown(): the rest stays undelivered, as call_outs do.
        continue;
      }
      n++;
      this.delivered++;
      rt.runTop(() => {
        rt.tp = job.player && !job.player.destructed ? job.player : 0;
        this.invoke(job.owner, delivery);
      });
    }
    return n;
  }

  private invoke(owner: LpcObject, d: Delivery): void {
    const rt = this.rt;
    if (d.prepare) d = { fn: d.fn, args: d.prepare() };
    if (typeof d.fn === 'string') {
      // A function name is looked up in the owner like a call_out's (static functions included).
      const e = owner.linked.table.get(d.fn);
      if (!e) return;
      rt.enterObject(owner, e.fn, d.args);
      return;
    }
    const fn = d.fn;
    if (fn instanceof VmFunction && fn.owner !== owner && fn.owner !== 0 && !fn.owner.destructed) {
      rt.callFunction(fn, d.args);
      return;
    }
    // Run the pointer with the owner as the current object, as call_out does.
    rt.enterObject(owner, (_: unknown, ...a: Value[]) => rt.callFunction(fn, a), d.args);
  }

  /** Cancels every job owned by `ob` (destruct cascade). */
  cancelAllOf(ob: LpcObject): void {
    const set = this.byOwner.get(ob);
    if (!set) return;
    for (const j of set) {
      j.cancelled = true;
      // Its work may still finish on the worker, but nothing waits for it any more.
      this.inFlight.delete(j);
    }
    this.byOwner.delete(ob);
    if (this.ready.some((r) => r.job.cancelled)) this.ready = this.ready.filter((r) => !r.job.cancelled);
  }

  /** Registers a service (a worker pool, a database thread, an HTTP client) under a name. */
  provide<T>(name: string, service: T): void {
    this.services.set(name, service);
  }

  /** A registered service, or undefined when this host has none. */
  service<T>(name: string): T | undefined {
    return this.services.get(name) as T | undefined;
  }

  /** Every registered service (the backend closes them at shutdown). */
  allServices(): unknown[] {
    return [...this.services.values()];
  }
}

const registry = new WeakMap<Runtime, AsyncCompletions>();

/** The completion queue of a runtime (created on first use). */
export function asyncOf(rt: Runtime): AsyncCompletions {
  let a = registry.get(rt);
  if (!a) registry.set(rt, (a = new AsyncCompletions(rt)));
  return a;
}

/** The queue if the runtime has one (the backend asks without creating it). */
export function asyncIfAny(rt: Runtime): AsyncCompletions | undefined {
  return registry.get(rt);
}
