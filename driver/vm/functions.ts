// Function pointer values (COMPAT.md "Function pointers"): local function
// pointers with bound arguments, efun pointers, expression pointers and
// anonymous functions. Each kind knows how to run itself; the runtime decides
// the object context (the pointer's owner becomes this_object()).
import { LFunction, type Value } from './values.js';
import type { LpcObject } from './object.js';

/** The runtime services a function pointer needs to run. */
export interface FunctionHost {
  /** Runs `fn(owner, ...args)` with `owner` as the current object. */
  callAs(owner: LpcObject, fn: Function, args: Value[]): Value;
  /** Calls an efun (or simul_efun) by name with argument checks. */
  callEfunByName(name: string, args: Value[]): Value;
  error(message: string): never;
}

/** Common base: every pointer can be rebound to another owner (bind()). */
export abstract class VmFunction extends LFunction {
  abstract override owner: LpcObject | 0;
  abstract call(host: FunctionHost, args: Value[]): Value;
  abstract rebind(owner: LpcObject): VmFunction;
  /**
   * What sprintf's %O prints between `(: ` and ` :)` (MudOS sprintf.c): the
   * function name, or `<code>($1, ...)` for a functional, then ", " and each
   * bound argument described as %O describes it.
   */
  describeParts(): { head: string; bound: Value[] } {
    return { head: this.describe().slice(3, -3), bound: [] };
  }
  /** FluffOS/MudOS functionp() flags: FP_LOCAL 2, FP_EFUN 3, FP_SIMUL 4, FP_FUNCTIONAL 5. */
  abstract readonly kind: number;
}

function checkOwner(host: FunctionHost, owner: LpcObject | 0): LpcObject {
  if (owner === 0 || owner.destructed) host.error('Owner of function pointer has been destructed');
  return owner;
}

/** MudOS include/function.h pointer type bits, as functionp() returns them. */
export const FP_LOCAL = 2;
export const FP_FUNCTIONAL = 5;
export const FP_NOT_BINDABLE = 0x40;

/** `(: f :)`, `(: f, a, b :)`: a function of the owner's program, bound at creation. */
export class LocalFunction extends VmFunction {
  /** MudOS make_lfun_funp(): a local pointer is never bindable. */
  readonly kind = FP_LOCAL | FP_NOT_BINDABLE;
  constructor(
    public owner: LpcObject | 0,
    readonly name: string,
    readonly fn: Function,
    readonly bound: Value[],
  ) {
    super();
  }

  call(host: FunctionHost, args: Value[]): Value {
    const ob = checkOwner(host, this.owner);
    return host.callAs(ob, this.fn, this.bound.length ? [...this.bound, ...args] : args);
  }

  rebind(owner: LpcObject): VmFunction {
    return new LocalFunction(owner, this.name, this.fn, this.bound);
  }

  describe(): string {
    return `(: ${this.name} :)`;
  }

  override describeParts(): { head: string; bound: Value[] } {
    return { head: this.name, bound: this.bound };
  }
}

/** `(: strlen :)`, `(: call_other, ob, "f" :)`, and simul_efun pointers. */
export class EfunFunction extends VmFunction {
  constructor(
    public owner: LpcObject | 0,
    readonly name: string,
    readonly bound: Value[],
    readonly kind: number = 3,
  ) {
    super();
  }

  /** The efun call as a `fn(owner, ...args)` body for host.callAs, made once per pointer and host. */
  private body: ((ob: LpcObject, ...args: Value[]) => Value) | undefined;
  private bodyHost: FunctionHost | undefined;

  call(host: FunctionHost, args: Value[]): Value {
    const all = this.bound.length ? [...this.bound, ...args] : args;
    const ob = this.owner;
    // MudOS setup_fake_frame(): the pointer's owner is this_object() while the
    // efun runs, so bind((: enable_commands :), ob) makes ob the command giver.
    if (ob === 0 || ob.destructed) return host.callEfunByName(this.name, all);
    if (this.bodyHost !== host) {
      this.bodyHost = host;
      this.body = (_ob, ...a) => host.callEfunByName(this.name, a);
    }
    return host.callAs(ob, this.body!, all);
  }

  rebind(owner: LpcObject): VmFunction {
    return new EfunFunction(owner, this.name, this.bound, this.kind);
  }

  describe(): string {
    return `(: ${this.name} :)`;
  }

  override describeParts(): { head: string; bound: Value[] } {
    return { head: this.name, bound: this.bound };
  }
}

/**
 * `(: $1 + x :)` and `function(int a) { ... }`: `fn(owner, ...args)` is a
 * closure produced by codegen over its `$()` captures.
 */
export class ExprFunction extends VmFunction {
  /** FP_FUNCTIONAL, plus FP_NOT_BINDABLE when the code reads globals or calls local functions. */
  readonly kind: number;
  constructor(
    public owner: LpcObject | 0,
    readonly fn: Function,
    readonly text: string,
    readonly notBindable = false,
  ) {
    super();
    this.kind = notBindable ? FP_FUNCTIONAL | FP_NOT_BINDABLE : FP_FUNCTIONAL;
  }

  call(host: FunctionHost, args: Value[]): Value {
    const ob = checkOwner(host, this.owner);
    return host.callAs(ob, this.fn, args);
  }

  rebind(owner: LpcObject): VmFunction {
    return new ExprFunction(owner, this.fn, this.text, this.notBindable);
  }

  describe(): string {
    return `(: ${this.text} :)`;
  }
}
