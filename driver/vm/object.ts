// LPC objects: a program, a variable array, and the bookkeeping the driver
// attaches (uids, clone number, destructed flag). Generated code reads and
// writes globals as `ob.v[offset]`.
//
// Fields are `declare`d and assigned in the constructor rather than written as
// class fields: with the ES2022 target every class field (even a parameter
// property) is defined by a separate initializer function, which V8 11 (Node
// 20) runs about three times slower than plain assignments until the code is
// optimized, and cold clone_object() loops pay that per object. All fields are
// assigned, in one order, so every object shares one hidden class.
import type { LObjectRef, Value } from './values.js';
import type { LinkedProgram, Program } from './program.js';
import type { ResetState } from './resets.js';

/**
 * Variable arrays to copy, one per size: full of the undefined zero and with
 * tagged (PACKED_ELEMENTS) storage, so that a copy never changes its elements
 * kind when an object or string is stored (ob.v[i] accesses stay monomorphic).
 */
const templates: Value[][] = [];

function variablesOf(n: number): Value[] {
  let t = templates[n];
  if (t === undefined) {
    t = [{} as Value];
    t.length = 0;
    // Unset globals hold the undefined zero (undefinedp() is true for them, FluffOS testsuite).
    for (let i = 0; i < n; i++) t.push(-0);
    if (n < 256) templates[n] = t;
    else return t;
  }
  return t.slice();
}

export class LpcObject implements LObjectRef {
  /** On the prototype (see below): the values layer's isObject() test. */
  declare readonly isLObject: true;
  declare destructed: boolean;
  /** Global variables of the whole inherit tree, laid out by the program. */
  declare v: Value[];
  declare uid: string | 0;
  declare euid: string | 0;
  /** Pending call_outs owned by this object (kept by CallOutQueue; lets destruct skip the scan). */
  declare callouts: number;
  /** Set while create() has not run yet (for the `__INIT` / create order). */
  declare created: boolean;
  /** Extra per-object state other modules may attach (heart beat, environment, ...). */
  declare ext: Record<string, unknown> | undefined;
  /** Runtime.refTime when call_other last reached it (clean_up waits for CleanupDuration of quiet). */
  declare lastRef: number;
  /** Reset and clean_up state (driver/vm/resets.ts): only objects with reset() or clean_up(), or after set_reset(). */
  declare rs: ResetState | undefined;
  /** Bits of the destruct hooks that have state for this object (Runtime.markedDestructHook). */
  declare hooks: number;
  /** When the object table registered it (ObjectTable orders objects() by it). */
  declare serial: number;
  /**
   * MudOS internal name: no leading slash, no `.c`; clones add `#N`. It
   * changes only for virtual objects (compile_object's result is renamed).
   */
  declare name: string;
  /** `program` and `linked` change only through replace_program. */
  declare program: Program;
  declare linked: LinkedProgram;
  declare readonly isClone: boolean;
  /** Runtime's number for it while it is or was recently on the object stack (Runtime.curSlot); 0 for none. */
  declare slot: number;

  constructor(name: string, program: Program, linked: LinkedProgram, isClone: boolean) {
    this.name = name;
    this.program = program;
    this.linked = linked;
    (this as { isClone: boolean }).isClone = isClone;
    this.destructed = false;
    this.v = variablesOf(program.varCount);
    this.uid = 0;
    this.euid = 0;
    this.callouts = 0;
    this.created = false;
    this.ext = undefined;
    this.lastRef = 0;
    this.rs = undefined;
    this.hooks = 0;
    this.serial = 0;
    this.slot = 0;
  }

  /** "/path/ob" or "/path/ob#N" as file_name() prints it. */
  get fileName(): string {
    return '/' + this.name;
  }
}

(LpcObject.prototype as { isLObject: true }).isLObject = true;

export function isLpcObject(v: unknown): v is LpcObject {
  return v instanceof LpcObject;
}
