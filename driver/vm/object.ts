// LPC objects: a program, a variable array, and the bookkeeping the driver
// attaches (uids, clone number, destructed flag). Generated code reads and
// writes globals as `ob.v[offset]`.
import type { LObjectRef, Value } from './values.js';
import type { LinkedProgram, Program } from './program.js';

export class LpcObject implements LObjectRef {
  readonly isLObject = true as const;
  destructed = false;
  /** Global variables of the whole inherit tree, laid out by the program. */
  v: Value[];
  uid: string | 0 = 0;
  euid: string | 0 = 0;
  /** Pending call_outs owned by this object (kept by CallOutQueue; lets destruct skip the scan). */
  callouts = 0;
  /** Set while create() has not run yet (for the `__INIT` / create order). */
  created = false;
  /** Extra per-object state other modules may attach (heart beat, environment, ...). */
  ext: Record<string, unknown> | undefined;
  /** Runtime.refTime when call_other last reached it (clean_up waits for CleanupDuration of quiet). */
  lastRef = 0;

  /**
   * @param name MudOS internal name: no leading slash, no `.c`; clones add `#N`.
   *   It changes only for virtual objects (compile_object's result is renamed);
   *   `program` and `linked` change only through replace_program.
   */
  constructor(
    public name: string,
    public program: Program,
    public linked: LinkedProgram,
    readonly isClone: boolean,
  ) {
    const n = program.varCount;
    this.v = new Array(n);
    // Unset globals hold the undefined zero (undefinedp() is true for them, FluffOS testsuite).
    for (let i = 0; i < n; i++) this.v[i] = -0;
  }

  /** "/path/ob" or "/path/ob#N" as file_name() prints it. */
  get fileName(): string {
    return '/' + this.name;
  }
}

export function isLpcObject(v: unknown): v is LpcObject {
  return v instanceof LpcObject;
}
