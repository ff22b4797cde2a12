// The VM runtime: object table, current-object and call stacks, eval cost
// and recursion limits, call_other/apply dispatch, errors with tracebacks,
// and the call_out queue. Generated code receives this object as `R` and
// reads a few hot fields directly (`ev`, `d`, `md`); keep their names short
// and their shapes stable.
import { LpcError } from './errors.js';
import { CallOutQueue, type CallOut } from './callouts.js';
import { EfunFunction, ExprFunction, LocalFunction, VmFunction, type FunctionHost } from './functions.js';
import * as ops from './ops.js';
import { charAt, strlen } from './strings.js';
import type { MudlibHost } from './host.js';
import { LpcObject } from './object.js';
import { ObjectTable } from './object-table.js';
import { F_HIDDEN_FROM_CALL_OTHER, F_PRIVATE, type FunctionEntry, type LinkedProgram, type Program } from './program.js';
import { DEFAULT_LIMITS, type Limits, type Runtime as RuntimeApi } from './runtime-api.js';
import { parseLpcStack, type TraceFrame } from './traceback.js';
import {
  LBuffer, LClassValue, LFloat, LFunction, LMapping, isLiveObject, isObject, truthy, type LObjectRef, type Value,
} from './values.js';
import type { ClassDefinition } from './program.js';
import { LRef } from './ref.js';

/** No create() arguments (shared; never written to). */
const NO_ARGS: Value[] = [];

/** Value constructors and classes generated code uses (`new R.K.LFloat(1.5)`, `x instanceof R.K.LpcObject`). */
const K = { LFloat, LMapping, LClassValue, LBuffer, LRef, LpcObject };

/** Compiles a mudlib-absolute .c path into a Program, or throws LpcError (compile errors already reported). */
export type ProgramCompiler = (rt: Runtime, path: string) => Program;

/** An efun as the runtime calls it (the registry's impl plus its checked signature). */
export interface EfunEntry {
  name: string;
  impl: (rt: RuntimeApi, ...args: any[]) => Value;
  /** Allowed type masks per argument (see typeMask); the last repeats when varargs. */
  masks: number[];
  min: number;
  max: number; // Infinity when varargs
  /** Declared return type text ("int", "string *", "void"). */
  ret: string;
  /** The registry's signature string (the checker parses it). */
  signature: string;
}

// Type masks for runtime argument checks ("Bad argument N to x()").
export const T_INT = 1, T_FLOAT = 2, T_STRING = 4, T_BUFFER = 8, T_ARRAY = 16,
  T_MAPPING = 32, T_OBJECT = 64, T_FUNCTION = 128, T_CLASS = 256, T_ANY = 511;

/** The type mask of a value; a destructed object is an int (it reads as 0). */
export function typeMask(v: Value): number {
  switch (typeof v) {
    case 'number': case 'bigint': return T_INT;
    case 'string': return T_STRING;
  }
  if (Array.isArray(v)) return T_ARRAY;
  if (v instanceof LMapping) return T_MAPPING;
  if (v instanceof LFloat) return T_FLOAT;
  if (v instanceof LFunction) return T_FUNCTION;
  if (v instanceof LBuffer) return T_BUFFER;
  if (v instanceof LClassValue) return T_CLASS;
  if (isObject(v)) return v.destructed ? T_INT : T_OBJECT;
  return T_ANY;
}

/** Calls a generated function without a spread for the common small arities (hot in sort/map callbacks). */
function invoke(fn: Function, ob: LpcObject, args: Value[]): Value {
  switch (args.length) {
    case 0: return fn(ob);
    case 1: return fn(ob, args[0]);
    case 2: return fn(ob, args[0], args[1]);
    case 3: return fn(ob, args[0], args[1], args[2]);
    default: return fn(ob, ...args);
  }
}

/** A call_other site's cache (see Runtime.ci0): last linked program and its resolved function (null: not callable). */
export interface CallSite {
  l: LinkedProgram | null;
  f: Function | null;
}

/**
 * MudOS interpret.c do_catch (Neolith frame.cpp): a catch that an eval-cost or
 * recursion error unwinds through raises its own error in its place, which is
 * uncatchable too, so the error handler hears "Can't catch ..." as uncaught.
 */
function uncatchableRethrow(err: LpcError): LpcError {
  if (err.message.startsWith("Can't catch")) return err;
  const recursion = err.message.startsWith('Too deep recursion');
  const re = new LpcError(recursion ? "Can't catch too deep recursion error." : "Can't catch eval cost too big error.", true);
  re.stack = err.stack;
  return re;
}

/**
 * The string catch() returns and error_handler() reads as "error": "*" and
 * the message, ending in exactly one newline whether or not the message had
 * one (MudOS f_error, Neolith error(): testsuite efuns/error.c expects
 * catch(error("hi")) == "*hi\n"; driver errors end in "\n" too).
 */
export function caughtText(message: string): string {
  return '*' + (message.endsWith('\n') ? message : message + '\n');
}

/** Saved VM state at a catch point (restored when an error unwinds to it). */
interface SavedState {
  d: number;
  cs: number;
  cur: LpcObject | 0;
  tp: LpcObject | 0;
}

/**
 * V8's own size ceilings, hit by LPC code that grows a value without bound
 * (`s += s` in a loop): the LPC error says what ran out instead of leaking the
 * engine's wording ("RangeError: Invalid string length").
 */
const ENGINE_LIMIT_ERRORS: readonly [RegExp, string][] = [
  [/Invalid string length/i, 'String too large.'],
  [/Invalid array length/i, 'Illegal array size.'],
  [/Invalid typed array length|Array buffer allocation failed/i, 'Illegal buffer size.'],
];

export class Runtime implements RuntimeApi, FunctionHost {
  // Hot fields read by generated code.
  /** Eval cost left in this execution (counted at function entry and loop back-edges). */
  ev: number;
  /** Current LPC call depth. */
  d = 0;
  /** MaxCallDepth. */
  md: number;
  /**
   * The current object and the previous objects are held as slot numbers
   * (LpcObject.slot): `curSlot`, and `cs` with previous_object() last. The
   * runtime lives long, so V8 keeps it in the old generation, while the
   * objects calls enter are often young (clones, objects loaded a moment
   * ago): a reference to a young object stored into an old one takes the
   * write barrier's slow path (a remembered-set insertion), and every
   * call_other made three such stores. Small integers need no barrier. `cur`
   * reads and writes the current object as before.
   */
  curSlot = 0;
  /** Previous objects as slot numbers (small integers: the array never needs a write barrier either). */
  cs: number[] = [];
  /** Objects by slot; slot 0 is the 0 that `cur` reads when no object is current. */
  private slotted: (LpcObject | 0)[] = [0];
  private freeSlots: number[] = [];
  /** Destructed objects whose slot the object stack still named: freed when it no longer does. */
  private heldSlots: LpcObject[] = [];
  /** this_player(). */
  tp: LpcObject | 0 = 0;
  /** this_interactive() (set by the backend for commands). */
  ti: LpcObject | 0 = 0;

  readonly objects = new ObjectTable();
  readonly programs = new Map<string, Program>();
  readonly programsById = new Map<number, Program>();
  readonly callouts: CallOutQueue;
  master: LpcObject | 0 = 0;
  simulEfuns: LpcObject | 0 = 0;
  /** Efuns by name, filled from driver/efuns/index.ts. */
  readonly efuns = new Map<string, EfunEntry>();
  compiler?: ProgramCompiler;
  /** Set by shutdown(): the app/backend loop stops and exits with it. */
  shutdownCode: number | undefined;
  /** Extra configuration other layers read (config file values). */
  config: Record<string, unknown> = {};
  /** Called when an object is destructed (other modules cancel what it owns). */
  readonly destructHooks: ((ob: LpcObject) => void)[] = [];
  /**
   * Called before an object is marked destructed, while it is still live:
   * MudOS evicts its inventory with move_or_destruct there (driver/vm/inventory.ts).
   */
  readonly preDestructHooks: ((ob: LpcObject) => void)[] = [];
  /**
   * preDestructHooks and destructHooks for modules whose state lives in
   * LpcObject.ext (inventory, shadows): run only for objects that have an
   * `ext`, so destructing a plain clone makes no calls into those modules.
   */
  readonly extPreDestructHooks: ((ob: LpcObject) => void)[] = [];
  readonly extDestructHooks: ((ob: LpcObject) => void)[] = [];
  /** Hooks destruct runs only for the objects marked with their bit (see markedDestructHook). */
  private readonly markedHooks: ((ob: LpcObject) => void)[] = [];

  /**
   * Registers a destruct hook for a module that keeps state for some objects
   * only (heart beats, reset schedules, async jobs, ed sessions): destruct
   * calls it only for an object marked with the returned bit
   * (`ob.hooks |= bit`, when the module takes the object on). A plain clone is
   * marked by none, so destructing it calls none of them.
   */
  markedDestructHook(hook: (ob: LpcObject) => void): number {
    if (this.markedHooks.length === 31) throw new Error('markedDestructHook: all 31 bits are taken');
    this.markedHooks.push(hook);
    return 1 << (this.markedHooks.length - 1);
  }
  /**
   * Called for each new object before __INIT and create(): valid_object, uids,
   * reset scheduling (driver/boot.ts). It may refuse the object by destructing
   * it and throwing. When unset, uids come from creator_file() alone.
   */
  newObjectHook?: (ob: LpcObject, blueprint?: LpcObject) => void;
  /** Asked when a file to load does not exist: the master's compile_object() (virtual objects). */
  virtualObjectHook?: (name: string) => LpcObject | undefined;
  /** Asked when clone_object() names a virtual object: another one, named by `nextName()`. */
  virtualCloneHook?: (name: string, nextName: () => string) => LpcObject | undefined;
  /**
   * Set only while shadows exist (driver/vm/shadows.ts): where a call_other to
   * `ob` lands instead, or undefined for the normal dispatch.
   */
  shadowDispatch?: (ob: LpcObject, fun: string) => { ob: LpcObject; entry: FunctionEntry } | undefined;
  /** Run after each top-level execution ends (replace_program takes effect there, as in MudOS). */
  readonly afterExecutionHooks: (() => void)[] = [];
  /** The clock (ms) call_other stamps into LpcObject.lastRef; the schedulers advance it (clean_up). */
  refTime = 0;
  /** Output of write() when there is no interactive user (app mode: stdout). */
  writeHook?: (text: string) => void;
  /** Where debug_message() goes (the driver log; app mode sends it to stdout). */
  debugHook?: (text: string) => void;
  readonly startTime: number;
  /** Object name that becomes the master as soon as it is created (boot). */
  pendingMaster: string | undefined;
  private cloneCounter = 0;
  private loading = new Set<string>();
  /** Eval cost charged before this top-level execution started (eval_cost()). */
  private handlingError = false;

  constructor(
    readonly host: MudlibHost,
    readonly limits: Limits = { ...DEFAULT_LIMITS },
  ) {
    this.ev = limits.maxEvaluationCost;
    this.md = limits.maxCallDepth;
    this.callouts = new CallOutQueue(() => host.now());
    this.startTime = host.now();
    if (Error.stackTraceLimit < 200) Error.stackTraceLimit = 200;
  }

  // -------------------------------------------------------------------------
  // Limits (called from generated code)

  /** Function entry found the eval counter or the depth exhausted. */
  enterFail(): never {
    if (this.ev < 0) {
      this.ev = 0;
      throw new LpcError('Too long evaluation. Execution aborted.', true);
    }
    throw new LpcError('Too deep recursion.', true);
  }

  /** A loop back-edge exhausted the eval counter. */
  tooLong(): never {
    this.ev = 0;
    throw new LpcError('Too long evaluation. Execution aborted.', true);
  }

  resetEvalCost(): void {
    this.ev = this.limits.maxEvaluationCost;
  }

  chargeEval(units: number): void {
    if ((this.ev -= units) < 0) this.tooLong();
  }

  // -------------------------------------------------------------------------
  // Errors

  error(message: string): never {
    throw new LpcError(message);
  }

  badArgument(efun: string, n: number): never {
    throw new LpcError(`Bad argument ${n} to ${efun}()`);
  }

  /** Generated code: argument type check for an efun call. */
  chk(v: Value, mask: number, efun: string, n: number): Value {
    if (v instanceof LpcObject) {
      if (mask & (v.destructed ? T_INT : T_OBJECT)) return v;
      return this.badArgument(efun, n);
    }
    if (typeMask(v) & mask) return v;
    return this.badArgument(efun, n);
  }

  /** A call to a name that no program in the chain defines. */
  undefinedFunction(name: string): Function {
    return () => this.error(`Undefined function ${name}`);
  }

  /** Turns anything thrown by generated code or efuns into an LpcError. */
  toLpcError(e: unknown): LpcError {
    if (e instanceof LpcError) return e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const err = new LpcError('Too deep recursion.', true);
      err.stack = e.stack;
      return err;
    }
    const engine = e instanceof RangeError ? ENGINE_LIMIT_ERRORS.find(([re]) => re.test(e.message)) : undefined;
    const err = new LpcError(engine ? engine[1] : e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    if (e instanceof Error) err.stack = e.stack;
    return err;
  }

  /** The current object (this_object() of the running code), or 0. */
  get cur(): LpcObject | 0 {
    return this.slotted[this.curSlot];
  }

  set cur(ob: LpcObject | 0) {
    this.curSlot = ob === 0 ? 0 : ob.slot !== 0 ? ob.slot : this.slotOf(ob);
  }

  /** The i-th previous object from the bottom of the stack (i < cs.length). */
  caller(i: number): LpcObject | 0 {
    return this.slotted[this.cs[i]];
  }

  /**
   * Makes `ob` the current object, the current one becoming
   * previous_object(); returns the slot leaveRaw() restores. For driver
   * modules that run LPC in an object outside a call (replace_program...).
   * The enterObject functions write the same steps out: a helper called from
   * them, hot in every call while they are still unoptimized, would cost V8
   * a compile of its own.
   */
  enterRaw(ob: LpcObject): number {
    const prev = this.curSlot;
    this.cs.push(prev);
    this.curSlot = ob.slot !== 0 ? ob.slot : this.slotOf(ob);
    return prev;
  }

  /** Undoes enterRaw(): `prev` is the slot it returned. */
  leaveRaw(prev: number): void {
    this.cs.pop();
    this.curSlot = prev;
  }

  /** Gives `ob` a slot (the first time it becomes current or a previous object). */
  private slotOf(ob: LpcObject): number {
    const slot = this.freeSlots.length !== 0 ? this.freeSlots.pop()! : this.slotted.length;
    this.slotted[slot] = ob;
    ob.slot = slot;
    // A destructed object made current again (a catch restoring it): freed later like any other.
    if (ob.destructed) this.heldSlots.push(ob);
    return slot;
  }

  /** Slots that hold an object (live, or destructed and still named by the object stack). */
  get slotsInUse(): number {
    return this.slotted.length - 1 - this.freeSlots.length;
  }

  /**
   * A destructed object gives its slot back (callers check ob.slot !== 0)
   * at once, unless the object stack still names it (destruct(this_object()),
   * a caller destructed meanwhile): then it waits until the stack no longer
   * does, so that previous_object() and tracebacks still find the destructed
   * object. One function, as destruct() calls it per object.
   */
  private releaseSlot(ob: LpcObject): void {
    const slot = ob.slot;
    const cs = this.cs;
    let named = slot === this.curSlot;
    for (let i = 0; !named && i < cs.length; i++) named = cs[i] === slot;
    if (named) {
      this.heldSlots.push(ob);
      return;
    }
    this.slotted[slot] = 0;
    this.freeSlots.push(slot);
    ob.slot = 0;
    if (this.heldSlots.length !== 0 && cs.length === 0) this.releaseHeldSlots();
  }

  /** Frees the held slots the object stack no longer names (releaseSlot() holds each again if it still does). */
  private releaseHeldSlots(): void {
    const held = this.heldSlots;
    this.heldSlots = [];
    for (const ob of held) if (ob.slot !== 0) this.releaseSlot(ob);
  }

  save(): SavedState {
    return { d: this.d, cs: this.cs.length, cur: this.cur, tp: this.tp };
  }

  restore(s: SavedState): void {
    this.d = s.d;
    this.cs.length = s.cs;
    this.cur = s.cur;
    this.tp = s.tp;
  }

  /**
   * `catch(expr)` landed here with `e`: uncatchable errors go on; otherwise
   * the master hears about it (caught = 1) and the catch value is returned:
   * throw(v)'s value, or "*message".
   */
  caught(e: unknown, d: number, cs: number, cur: LpcObject | 0, tp: LpcObject | 0): Value {
    const err = this.toLpcError(e);
    if (err.uncatchable) throw uncatchableRethrow(err);
    let result: Value;
    if (err.thrown !== undefined) {
      result = err.thrown as Value;
    } else {
      this.reportError(err, true);
      result = caughtText(err.message);
    }
    this.d = d;
    this.cs.length = cs;
    this.cur = cur;
    this.tp = tp;
    return result;
  }

  /** The LPC frames of an error, outermost first. Only valid before the VM state is restored. */
  traceOf(err: Error): TraceFrame[] {
    const objects: (LpcObject | 0)[] = [this.cur];
    for (let i = this.cs.length - 1; i >= 0; i--) objects.push(this.caller(i));
    return parseLpcStack(err.stack ?? '', this.programsById, objects).reverse();
  }

  /**
   * Reports an error to the master's error_handler(mapping, caught) or, when
   * there is none, to the driver log in MudOS style. Must run before the VM
   * state is restored (the object stack names the frames).
   */
  reportError(err: LpcError, caught: boolean): void {
    if (this.handlingError) {
      this.host.stderr(`Error in error handler: *${err.message}\n`);
      return;
    }
    const frames = this.traceOf(err);
    const master = this.master;
    const handler = master && !master.destructed ? master.linked.table.get('error_handler') : undefined;
    if (handler && master) {
      const info = this.errorMapping(err, frames);
      const saved = this.save();
      const ev = this.ev;
      this.handlingError = true;
      try {
        this.ev = this.limits.maxEvaluationCost;
        this.d = 0;
        const r = this.enterObject(master, handler.fn, [info, caught ? 1 : 0]);
        if (typeof r === 'string' && r.length) this.host.stderr(r.endsWith('\n') ? r : r + '\n');
      } catch (e2) {
        const inner = this.toLpcError(e2);
        this.host.stderr(`Error in error_handler: *${inner.message}\n`);
        this.host.stderr(this.formatTrace('*' + err.message, frames));
      } finally {
        this.handlingError = false;
        this.restore(saved);
        this.ev = ev;
      }
      return;
    }
    if (caught) return;
    this.host.stderr(this.formatTrace('*' + err.message, frames));
  }

  /** The MudOS error mapping: error, program, object, line, trace. */
  errorMapping(err: LpcError, frames: TraceFrame[]): LMapping {
    const m = new LMapping();
    const top = frames[frames.length - 1];
    m.set('error', caughtText(err.message));
    m.set('program', top ? top.program.path.slice(1) : 0);
    m.set('object', top ? top.object : this.cur);
    m.set('file', top ? top.file.slice(1) : 0); // MudOS/Neolith mudlib_error_handler
    m.set('line', top ? top.line : 0);
    m.set('trace', frames.map((f) => {
      const fm = new LMapping();
      fm.set('function', f.function);
      fm.set('program', f.program.path.slice(1));
      fm.set('object', f.object);
      fm.set('file', f.file.slice(1));
      fm.set('line', f.line);
      return fm;
    }));
    return m;
  }

  /** MudOS debug-log layout: the message, then one line per frame, innermost last. */
  formatTrace(message: string, frames: TraceFrame[]): string {
    let out = message.endsWith('\n') ? message : message + '\n';
    for (const f of frames) {
      const obName = f.object ? this.objectName(f.object) : '<none>';
      out += `'${f.function.padStart(15)}' in '${f.program.path}' ('${obName}') line ${f.line}\n`;
    }
    return out;
  }

  // -------------------------------------------------------------------------
  // Entering LPC from the driver

  /**
   * Runs `body` as one top-level execution (a backend turn, a call_out, an
   * apply from the driver): fresh eval budget, depth 0, and errors reported
   * and swallowed. Returns undefined when an error occurred.
   */
  runTop<T>(body: () => T): T | undefined {
    const saved = this.save();
    this.ev = this.limits.maxEvaluationCost;
    this.d = 0;
    try {
      return body();
    } catch (e) {
      const err = this.toLpcError(e);
      if (err instanceof ShutdownSignal) throw err;
      this.reportError(err, false);
      return undefined;
    } finally {
      this.restore(saved);
      if (this.cs.length === 0) {
        if (this.heldSlots.length !== 0) this.releaseHeldSlots();
        for (const h of this.afterExecutionHooks) h();
      }
    }
  }

  /**
   * The only place the current object changes. Its name marks the boundary
   * in JS stacks for tracebacks (traceback.ts BOUNDARY_NAME); state is not
   * restored on throw — catch points restore it, after reading it for the trace.
   */
  enterObject(ob: LpcObject, fn: Function, args: Value[]): Value {
    const prev = this.curSlot;
    this.cs.push(prev);
    this.curSlot = ob.slot !== 0 ? ob.slot : this.slotOf(ob);
    const r = invoke(fn, ob, args);
    this.cs.pop();
    this.curSlot = prev;
    return r === undefined ? 0 : r;
  }

  /** FunctionHost: runs a function pointer body as `owner`. */
  callAs(owner: LpcObject, fn: Function, args: Value[]): Value {
    if (owner === this.cur) {
      const r = invoke(fn, owner, args);
      return r === undefined ? 0 : r;
    }
    return this.enterObject(owner, fn, args);
  }

  /**
   * Driver applies reach static and private functions of the object's own
   * program (MudOS apply_low needs only DECL_HIDDEN for ORIGIN_DRIVER; Neolith's
   * function_visible passes them all): Neolith's m3 master declares
   * `private object connect(int)`. Inherited private functions are hidden,
   * and the link table does not hold them.
   */
  apply(ob: LpcObject, name: string, args: Value[]): Value | undefined {
    if (ob.destructed) return undefined;
    const e = ob.linked.table.get(name);
    if (!e) return undefined;
    return this.enterObject(ob, e.fn, args);
  }

  /** apply() wrapped as a top-level execution. */
  safeApply(ob: LpcObject, name: string, args: Value[]): Value | undefined {
    return this.runTop(() => this.apply(ob, name, args));
  }

  /** Master apply if the master defines it; undefined otherwise. */
  masterApply(name: string, args: Value[]): Value | undefined {
    const m = this.master;
    if (!m || m.destructed) return undefined;
    return this.apply(m, name, args);
  }

  // -------------------------------------------------------------------------
  // call_other

  /** The entry call_other may reach, or undefined (missing or not public). */
  findPublic(ob: LpcObject, name: string): FunctionEntry | undefined {
    const e = ob.linked.table.get(name);
    if (!e || e.def.flags & F_HIDDEN_FROM_CALL_OTHER) return undefined;
    return e;
  }

  /**
   * The object call_other(ob, ...) calls. A destructed object reads as 0, and
   * 0 (like any other non-object) is a bad first argument, as in MudOS and
   * Neolith: `ob->f()` on an object destructed meanwhile is an error.
   */
  private target(ob: Value): LpcObject {
    if (ob instanceof LpcObject && !ob.destructed) return ob;
    if (typeof ob === 'string') return this.loadObject(ob);
    return this.error('Bad argument 1 to call_other()');
  }

  callOther(ob: LObjectRef | string, fun: string, args: Value[]): Value {
    return this.coN(ob as Value, fun, args);
  }

  /** call_other with an argument array. Arrays of objects call each (MudOS) and return an array. */
  coN(ob: Value, fun: string | Value, args: Value[]): Value {
    if (typeof fun !== 'string') {
      // call_other(ob, ({ "f", args... })) (MudOS: string | mixed *).
      if (!Array.isArray(fun) || typeof fun[0] !== 'string') return this.badArgument('call_other', 2);
      return this.coN(ob, fun[0], fun.slice(1).concat(args));
    }
    // MudOS f__call_other: a destructed object makes no external calls; the result is undefined.
    if (this.cur && this.cur.destructed) return -0;
    // An array calls each object or name in it; anything else (destructed objects included) gives 0.
    if (Array.isArray(ob)) return ob.map((o) => (isLiveObject(o) || typeof o === 'string' ? this.coN(o, fun, args) : 0));
    const t = this.target(ob);
    t.lastRef = this.refTime;
    if (this.shadowDispatch !== undefined) {
      const s = this.shadowDispatch(t, fun);
      if (s !== undefined) return this.enterObject(s.ob, s.entry.fn, args);
    }
    const e = this.findPublic(t, fun);
    if (!e) return -0; // the undefined zero: undefinedp() is true (MudOS call_other)
    return this.enterObject(t, e.fn, args);
  }

  // Fixed-arity call_other fast paths (codegen emits them for `ob->f(a, b)`):
  // no argument array, one dispatch-table lookup.

  // Call-site caches: codegen gives each `ob->f(...)` site a small object that
  // remembers the last linked program seen there and the function it resolved
  // to, so a monomorphic site skips the dispatch-table lookup.

  private siteLookup(ic: CallSite, ob: LpcObject, fun: string): Function | null {
    const e = ob.linked.table.get(fun);
    const f = e === undefined || e.def.flags & F_HIDDEN_FROM_CALL_OTHER ? null : e.fn;
    ic.l = ob.linked;
    ic.f = f;
    return f;
  }

  ci0(ic: CallSite, ob: Value, fun: string): Value {
    if (ob instanceof LpcObject && !ob.destructed && this.shadowDispatch === undefined && !(this.slotted[this.curSlot] as LpcObject).destructed) {
      ob.lastRef = this.refTime;
      const f = ic.l === ob.linked ? ic.f : this.siteLookup(ic, ob, fun);
      return f === null ? -0 : this.enterObject0(ob, f);
    }
    return this.coN(ob, fun, []);
  }

  ci1(ic: CallSite, ob: Value, fun: string, a: Value): Value {
    if (ob instanceof LpcObject && !ob.destructed && this.shadowDispatch === undefined && !(this.slotted[this.curSlot] as LpcObject).destructed) {
      ob.lastRef = this.refTime;
      const f = ic.l === ob.linked ? ic.f : this.siteLookup(ic, ob, fun);
      return f === null ? -0 : this.enterObject1(ob, f, a);
    }
    return this.coN(ob, fun, [a]);
  }

  ci2(ic: CallSite, ob: Value, fun: string, a: Value, b: Value): Value {
    if (ob instanceof LpcObject && !ob.destructed && this.shadowDispatch === undefined && !(this.slotted[this.curSlot] as LpcObject).destructed) {
      ob.lastRef = this.refTime;
      const f = ic.l === ob.linked ? ic.f : this.siteLookup(ic, ob, fun);
      return f === null ? -0 : this.enterObject2(ob, f, a, b);
    }
    return this.coN(ob, fun, [a, b]);
  }

  co0(ob: Value, fun: string): Value {
    if (ob instanceof LpcObject && !ob.destructed && this.shadowDispatch === undefined && !(this.slotted[this.curSlot] as LpcObject).destructed) {
      const e = ob.linked.table.get(fun);
      ob.lastRef = this.refTime;
      if (e === undefined || e.def.flags & F_HIDDEN_FROM_CALL_OTHER) return 0;
      return this.enterObject0(ob, e.fn);
    }
    return this.coN(ob, fun, []);
  }

  co1(ob: Value, fun: string, a: Value): Value {
    if (ob instanceof LpcObject && !ob.destructed && this.shadowDispatch === undefined && !(this.slotted[this.curSlot] as LpcObject).destructed) {
      const e = ob.linked.table.get(fun);
      ob.lastRef = this.refTime;
      if (e === undefined || e.def.flags & F_HIDDEN_FROM_CALL_OTHER) return 0;
      return this.enterObject1(ob, e.fn, a);
    }
    return this.coN(ob, fun, [a]);
  }

  co2(ob: Value, fun: string, a: Value, b: Value): Value {
    if (ob instanceof LpcObject && !ob.destructed && this.shadowDispatch === undefined && !(this.slotted[this.curSlot] as LpcObject).destructed) {
      const e = ob.linked.table.get(fun);
      ob.lastRef = this.refTime;
      if (e === undefined || e.def.flags & F_HIDDEN_FROM_CALL_OTHER) return 0;
      return this.enterObject2(ob, e.fn, a, b);
    }
    return this.coN(ob, fun, [a, b]);
  }

  // The enterObjectN variants are object-switch boundaries too (their names
  // start with BOUNDARY_NAME so tracebacks attribute frames correctly).

  private enterObject0(ob: LpcObject, fn: Function): Value {
    const prev = this.curSlot;
    this.cs.push(prev);
    this.curSlot = ob.slot !== 0 ? ob.slot : this.slotOf(ob);
    const r = fn(ob);
    this.cs.pop();
    this.curSlot = prev;
    return r === undefined ? 0 : r;
  }

  /** enterObject() with one argument and no array (call_other sites, per-object master applies). */
  enterObject1(ob: LpcObject, fn: Function, a: Value): Value {
    const prev = this.curSlot;
    this.cs.push(prev);
    this.curSlot = ob.slot !== 0 ? ob.slot : this.slotOf(ob);
    const r = fn(ob, a);
    this.cs.pop();
    this.curSlot = prev;
    return r === undefined ? 0 : r;
  }

  private enterObject2(ob: LpcObject, fn: Function, a: Value, b: Value): Value {
    const prev = this.curSlot;
    this.cs.push(prev);
    this.curSlot = ob.slot !== 0 ? ob.slot : this.slotOf(ob);
    const r = fn(ob, a, b);
    this.cs.pop();
    this.curSlot = prev;
    return r === undefined ? 0 : r;
  }

  // -------------------------------------------------------------------------
  // Function pointers

  callFunction(fn: LFunction, args: Value[]): Value {
    // Fast path for callbacks (sort_array, map_array, filter_array): an expression
    // pointer owned by the current object runs directly, without the generic chain.
    if (fn instanceof ExprFunction && fn.owner === this.slotted[this.curSlot] && fn.owner !== 0) {
      const r = invoke(fn.fn, fn.owner, args);
      return r === undefined ? 0 : r;
    }
    if (fn instanceof LocalFunction && fn.owner === this.slotted[this.curSlot] && fn.owner !== 0 && fn.bound.length === 0) {
      const r = invoke(fn.fn, fn.owner, args);
      return r === undefined ? 0 : r;
    }
    if (fn instanceof VmFunction) return fn.call(this, args);
    return this.error('Not a function pointer');
  }

  /** evaluate(f, args...): a non-function evaluates to itself (MudOS). */
  evaluate(f: Value, args: Value[]): Value {
    return f instanceof VmFunction ? f.call(this, args) : f;
  }

  callEfunByName(name: string, args: Value[]): Value {
    const sef = this.simulEfuns;
    if (sef && !sef.destructed) {
      const e = sef.linked.table.get(name);
      if (e && !(e.def.flags & F_PRIVATE)) return this.enterObject(sef, e.fn, args);
    }
    const ef = this.efuns.get(name);
    if (!ef) return this.error(`Undefined efun ${name}`);
    return this.callEfun(ef, args);
  }

  /** Calls an efun with argument count and type checks. */
  callEfun(ef: EfunEntry, args: Value[]): Value {
    if (args.length < ef.min) this.error(`Too few arguments to ${ef.name}`);
    if (args.length > ef.max) this.error(`Too many arguments to ${ef.name}`);
    for (let i = 0; i < args.length; i++) {
      const mask = ef.masks[Math.min(i, ef.masks.length - 1)] ?? T_ANY;
      if (!(typeMask(args[i]) & mask)) this.badArgument(ef.name, i + 1);
    }
    const r = ef.impl(this, ...args);
    return r === undefined ? 0 : r;
  }

  efunPointer(name: string, bound: Value[]): VmFunction {
    return new EfunFunction(this.cur, name, bound);
  }

  // -------------------------------------------------------------------------
  // Objects

  thisObject(): LObjectRef | 0 {
    return this.cur;
  }

  objectName(ob: LObjectRef): string {
    return '/' + ob.name;
  }

  write(text: string): void {
    if (this.writeHook) this.writeHook(text);
    else this.host.stdout(text);
  }

  debugOut(text: string): void {
    if (this.debugHook) this.debugHook(text);
    else this.host.stderr(text);
  }

  /** "/a/b.c", "a/b", "/a//b" → "a/b" (MudOS internal object name). */
  normalizeName(path: string): string {
    let cached = this.nameCache.get(path);
    if (cached === undefined) {
      cached = this.normalizeNameSlow(path);
      if (this.nameCache.size > 10_000) this.nameCache.clear();
      this.nameCache.set(path, cached);
    }
    return cached;
  }

  private readonly nameCache = new Map<string, string>();
  /** clone_object path → blueprint, so repeated clones skip name normalization. */
  private readonly cloneCache = new Map<string, LpcObject>();

  private normalizeNameSlow(path: string): string {
    let p = path.trim();
    const parts: string[] = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') parts.pop();
      else parts.push(seg);
    }
    p = parts.join('/');
    if (p.endsWith('.c')) p = p.slice(0, -2);
    return p;
  }

  findObject(path: string): LpcObject | undefined {
    const ob = this.objects.get(this.normalizeName(path));
    return ob && !ob.destructed ? ob : undefined;
  }

  /** Compiles (or returns the cached) program for "/a/b.c". */
  getProgram(path: string): Program {
    let prog = this.programs.get(path);
    if (prog) return prog;
    if (!this.compiler) this.error('No compiler attached');
    prog = this.compiler(this, path);
    this.programs.set(path, prog);
    this.programsById.set(prog.id, prog);
    return prog;
  }

  /** load_object / implicit loads: 0 for a missing file is the caller's business (throws here). */
  loadObject(path: string): LpcObject {
    const name = this.normalizeName(path);
    const existing = this.objects.get(name);
    if (existing && !existing.destructed) return existing;
    if (/#\d+$/.test(name)) this.error(`Object not found: /${name}`);
    if (this.loading.has(name)) this.error(`Recursive load of /${name}`);
    if (this.virtualObjectHook && !this.sourceExists(name)) {
      const v = this.virtualObjectHook(name);
      if (v) return v;
    }
    this.loading.add(name);
    try {
      const prog = this.getProgram('/' + name + '.c');
      // MudOS simulate.c load_object(): an inherited file that is not loaded
      // is loaded as an object of its own (its create() runs) before the child.
      for (const ih of prog.inherits) {
        const parent = this.normalizeName(ih.program.path);
        if (!this.findObject(parent) && !this.loading.has(parent) && this.sourceExists(parent)) this.loadObject(parent);
      }
      const ob = new LpcObject(name, prog, prog.linked(this), false);
      this.objects.set(name, ob);
      this.initObject(ob);
      return ob;
    } finally {
      this.loading.delete(name);
    }
  }

  /** True if a source file exists for an object name. */
  sourceExists(path: string): boolean {
    const st = this.host.stat('/' + this.normalizeName(path) + '.c');
    return !!st && !st.isDir;
  }

  cloneObject(path: string, args: Value[] = NO_ARGS): LpcObject {
    let blueprint = this.cloneCache.get(path);
    if (blueprint === undefined || blueprint.destructed) {
      blueprint = this.loadObject(path);
      if (this.cloneCache.size > 1000) this.cloneCache.clear();
      this.cloneCache.set(path, blueprint);
    }
    if (blueprint.isClone) {
      // Neolith: cloning a virtual object asks compile_object() for another one, named "path#N".
      const base = this.normalizeName(path);
      const v = this.virtualCloneHook?.(base, () => `${base}#${++this.cloneCounter}`);
      if (v) return v;
      this.error('Cannot clone from a clone!'); // Neolith wording
    }
    const name = blueprint.name + '#' + ++this.cloneCounter;
    const ob = new LpcObject(name, blueprint.program, blueprint.linked, true);
    this.objects.addClone(ob);
    this.initObject(ob, args, blueprint);
    return ob;
  }

  /** uids from the master's creator_file(), then __INIT, then create(args...). */
  private initObject(ob: LpcObject, args: Value[] = NO_ARGS, blueprint?: LpcObject): void {
    if (this.pendingMaster === ob.name) {
      // The master is the master from its own create() on (its errors reach its error_handler).
      this.master = ob;
      this.pendingMaster = undefined;
    }
    if (this.newObjectHook) this.newObjectHook(ob, blueprint);
    else if (this.master && ob !== this.master) {
      const uid = this.masterApply('creator_file', ['/' + ob.name]);
      if (typeof uid === 'string') {
        ob.uid = uid;
        ob.euid = uid;
      }
    }
    if (ob.linked.hasInit) {
      const prev = this.enterRaw(ob);
      ob.linked.root.init(ob);
      this.leaveRaw(prev);
    }
    ob.created = true;
    const create = ob.linked.create;
    if (create) {
      // Neolith load_object/clone_object: this_player() is restored after create()
      // (enable_commands() there makes the new object this_player() only meanwhile).
      const tp = this.tp;
      if (args.length) this.enterObject(ob, create, args);
      else this.enterObject0(ob, create);
      this.tp = tp;
    }
  }

  destruct(ob: LpcObject): void {
    if (ob.destructed) return;
    // Indexed loops, not for-of: destruct() runs per object and, in cold code
    // (interpreter, baseline), an array iterator costs more than the hooks.
    const pre = this.preDestructHooks;
    for (let i = 0; i < pre.length; i++) {
      pre[i](ob);
      if (ob.destructed) return; // LPC run by the hook destructed it already
    }
    if (ob.ext !== undefined) {
      const extPre = this.extPreDestructHooks;
      for (let i = 0; i < extPre.length; i++) {
        extPre[i](ob);
        if (ob.destructed) return;
      }
    }
    ob.destructed = true;
    if (ob.slot !== 0) this.releaseSlot(ob);
    this.objects.remove(ob);
    if (ob.callouts > 0) this.callouts.cancelAllOf(ob);
    const hooks = this.destructHooks;
    for (let i = 0; i < hooks.length; i++) hooks[i](ob);
    for (let m = ob.hooks, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) this.markedHooks[i](ob);
    if (ob.ext !== undefined) {
      const extHooks = this.extDestructHooks;
      for (let i = 0; i < extHooks.length; i++) extHooks[i](ob);
    }
    if (ob === this.master) this.master = 0;
    if (ob === this.simulEfuns) this.simulEfuns = 0;
  }

  /** Live objects in creation order. */
  allObjects(): LpcObject[] {
    return this.objects.values();
  }

  previousObject(n: number): LpcObject | 0 {
    const i = this.cs.length - 1 - n;
    if (i < 0) return 0;
    const ob = this.caller(i);
    return ob && !ob.destructed ? ob : 0;
  }

  // -------------------------------------------------------------------------
  // Helpers for generated code (codegen-expr.ts names them)

  /** The generic operators (ops.ts). */
  readonly o = ops;
  readonly K = K;
  /** sscanf() matcher, installed by driver/efuns/index.ts (values matched, in order). */
  sscanfImpl?: (rt: RuntimeApi, input: string, format: string, count: number) => Value[];
  /** parse_command(), installed by whoever implements it. */
  parseCommandImpl?: (rt: RuntimeApi, input: Value, source: Value, pattern: Value) => { result: Value; values: Value[] };

  truthy(v: Value): boolean {
    return truthy(v);
  }

  liveOb(ob: LpcObject): LpcObject | 0 {
    return ob.destructed ? 0 : ob;
  }

  mkMap(kv: Value[]): LMapping {
    const m = new LMapping();
    for (let i = 0; i < kv.length; i += 2) m.set(kv[i], kv[i + 1]);
    return m;
  }

  lfp(ob: LpcObject, name: string, fn: Function, bound: Value[]): LocalFunction {
    return new LocalFunction(ob, name, fn, bound);
  }

  efp(name: string, bound: Value[], kind: number): EfunFunction {
    return new EfunFunction(this.cur, name, bound, kind);
  }

  xfp(ob: LpcObject, fn: Function, text: string, notBindable?: boolean): ExprFunction {
    return new ExprFunction(ob, fn, text, notBindable === true);
  }

  /** A simul_efun call from code compiled while the simul_efun object defined `name`. */
  sefun(name: string, args: Value[]): Value {
    return this.callEfunByName(name, args);
  }

  /** `f(arr...)`: the array's elements as arguments (Neolith F_EXPAND_VARARGS and its error). */
  spread(v: Value): Value[] {
    if (Array.isArray(v)) return v;
    return this.error('Item being expanded with ... is not an array.');
  }

  private classOf(v: Value, member: string): { def: ClassDefinition; i: number } {
    if (!(v instanceof LClassValue)) this.error(`Tried to take a member of something that isn't a class.`); // MudOS/Neolith F_MEMBER
    const def = v.def as ClassDefinition;
    const i = def.index ? def.index.get(member) : def.members.indexOf(member);
    if (i === undefined || i < 0) this.error(`Class '${def.name}' has no member '${member}'`);
    return { def, i };
  }

  getMember(v: Value, member: string): Value {
    const { i } = this.classOf(v, member);
    return (v as LClassValue).fields[i];
  }

  setMember(v: Value, member: string, value: Value): Value {
    const { i } = this.classOf(v, member);
    (v as LClassValue).fields[i] = value;
    return value;
  }

  classDef(programPath: string, name: string): ClassDefinition {
    const def = this.programs.get(programPath)?.classes.get(name);
    if (!def) this.error(`Undefined class '${name}'`);
    return def;
  }

  /** `new("/path", args...)`: clone_object. */
  newObject(args: Value[]): Value {
    const path = args[0];
    if (typeof path !== 'string') this.badArgument('new', 1);
    return this.cloneObject(path, args.slice(1));
  }

  sscanf(input: Value, format: Value, count = Number.MAX_SAFE_INTEGER): Value[] {
    if (typeof input !== 'string') this.badArgument('sscanf', 1);
    if (typeof format !== 'string') this.badArgument('sscanf', 2);
    if (!this.sscanfImpl) this.error('sscanf() is not available');
    return this.sscanfImpl(this, input, format, count);
  }

  parseCommand(input: Value, source: Value, pattern: Value): { result: Value; values: Value[] } {
    if (!this.parseCommandImpl) this.error('parse_command() is not available');
    return this.parseCommandImpl(this, input, source, pattern);
  }

  /** time_expression(expr): microseconds of wall-clock time, as MudOS measures it (gettimeofday). */
  timeExpr(body: () => Value): Value {
    const t0 = performance.now();
    body();
    return Math.round((performance.now() - t0) * 1000);
  }

  /**
   * foreach support: [keys or null, values]. Arrays iterate in place; mappings
   * iterate over a snapshot of their keys and values; strings over code points.
   */
  iter(c: Value): [Value[] | null, Value[]] {
    if (Array.isArray(c)) return [null, c];
    if (c instanceof LMapping) return [c.keys(), c.values()];
    if (typeof c === 'string') {
      const n = strlen(c);
      const out: Value[] = new Array(n);
      if (n === c.length) for (let i = 0; i < n; i++) out[i] = c.charCodeAt(i);
      else for (let i = 0; i < n; i++) out[i] = charAt(c, i);
      return [null, out];
    }
    if (c === 0 || isObject(c)) return [null, []];
    return this.error('foreach() requires an array, mapping or string');
  }

  /** Writes a `ref` foreach variable back into the collection. */
  iterStore(c: Value, keys: Value[] | null, i: number, v: Value): void {
    if (Array.isArray(c)) c[i] = v;
    else if (c instanceof LMapping && keys) c.set(keys[i], v);
  }

  previousObjectEfun(n: Value): Value {
    if (typeof n !== 'number') this.badArgument('previous_object', 1);
    if (n === -1) {
      const out: Value[] = [];
      for (let i = this.cs.length - 1; i >= 0; i--) {
        const ob = this.caller(i);
        out.push(ob && !ob.destructed ? ob : 0);
      }
      return out;
    }
    return this.previousObject(n);
  }

  // -------------------------------------------------------------------------
  // call_outs

  /** Runs every call_out due at or before `time` (each as its own execution). Returns how many ran. */
  runDueCallOuts(time = this.host.now()): number {
    let n = 0;
    let c: CallOut | undefined;
    // Only call_outs registered before this pass: one that keeps re-adding itself
    // with delay 0 runs once per pass instead of starving the backend loop.
    const limit = this.callouts.lastSeq;
    while (this.shutdownCode === undefined && (c = this.callouts.popDue(time, limit))) {
      n++;
      const co = c;
      if (co.ob.destructed) continue;
      this.runTop(() => {
        this.tp = co.player && !co.player.destructed ? co.player : 0;
        if (typeof co.fn === 'string') {
          const e = co.ob.linked.table.get(co.fn);
          if (!e) return;
          this.enterObject(co.ob, e.fn, co.args);
        } else if (co.fn instanceof VmFunction) {
          this.enterObject(co.ob, (_: unknown, ...a: Value[]) => (co.fn as VmFunction).call(this, a), co.args);
        }
      });
    }
    return n;
  }

  /** shutdown(code): unwinds the current execution and stops the loop. */
  shutdown(code: number): never {
    this.shutdownCode = code;
    throw new ShutdownSignal();
  }
}

/** Thrown by shutdown() to unwind to the loop; never catchable by LPC. */
export class ShutdownSignal extends LpcError {
  constructor() {
    super('Shutdown', true);
  }
}
