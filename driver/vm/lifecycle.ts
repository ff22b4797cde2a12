// Object lifecycle pieces beyond load/clone/destruct in runtime.ts (MudOS v22 /
// Neolith semantics): virtual objects from the master's compile_object(),
// replace_program() taking effect after the current execution, and
// reload_object().
import { LpcObject } from './object.js';
import type { Program } from './program.js';
import type { Runtime } from './runtime.js';
import { heartBeatsOf } from './heartbeats.js';
import { inventoryOf, peekNode } from './inventory.js';
import { resetsOf } from './resets.js';

/** True for objects that compile_object() produced (virtualp()). */
export function isVirtual(ob: LpcObject): boolean {
  return ob.ext?.virtual === true;
}

/**
 * Neolith load_virtual_object(): when `name` has no source file, the master's
 * compile_object("/name") may return an object, which then takes the
 * requested name.
 */
export function loadVirtual(rt: Runtime, name: string): LpcObject | undefined {
  const m = rt.master;
  if (!m || m.destructed || !m.linked.table.has('compile_object')) return undefined;
  const r = rt.masterApply('compile_object', ['/' + name]);
  if (!(r instanceof LpcObject) || r.destructed) return undefined;
  if (rt.objects.get(r.name) === r) rt.objects.delete(r.name);
  r.name = name;
  rt.objects.set(name, r);
  (r.ext ??= {}).virtual = true;
  return r;
}

/** A program inherited (at any depth) by `prog`, with its variable offset in prog's block. */
export function findInherited(prog: Program, name: string): { prog: Program; offset: number } | undefined {
  for (const ih of prog.inherits) {
    if (ih.program.name === name) return { prog: ih.program, offset: ih.offset };
    const deeper = findInherited(ih.program, name);
    if (deeper) return { prog: deeper.prog, offset: deeper.offset + ih.offset };
  }
  return undefined;
}

/** Pending replace_program() requests of one runtime. */
export class ProgramReplacer {
  private readonly pending = new Map<LpcObject, { prog: Program; offset: number }>();

  constructor(readonly rt: Runtime) {
    rt.afterExecutionHooks.push(() => this.flush());
  }

  /** replace_program(file) for the current object; takes effect when the execution ends. */
  request(ob: LpcObject, file: string): void {
    const rt = this.rt;
    if (ob === rt.simulEfuns) rt.error('replace_program on simul_efun object');
    const found = findInherited(ob.program, rt.normalizeName(file));
    if (!found) return rt.error('program to replace the current with has to be inherited');
    this.pending.set(ob, found);
  }

  /** Neolith replace_programs(): the inherited block's variables move to the front. */
  flush(): void {
    if (!this.pending.size) return;
    for (const [ob, { prog, offset }] of this.pending) {
      if (ob.destructed) continue;
      ob.v = ob.v.slice(offset, offset + prog.varCount);
      ob.program = prog;
      ob.linked = prog.linked(this.rt);
    }
    this.pending.clear();
  }
}

/**
 * Neolith reload_object(): variables back to their unset zero, living name,
 * commands, heart beat and call_outs gone, euid 0, then __INIT and create()
 * again as for a new object (with a new reset time).
 */
export function reloadObject(rt: Runtime, ob: LpcObject): void {
  for (let i = 0; i < ob.v.length; i++) ob.v[i] = -0;
  const inv = inventoryOf(rt);
  inv.removeLivingName(ob);
  const n = peekNode(ob);
  if (n) n.living = false;
  heartBeatsOf(rt).set(ob, 0);
  rt.callouts.cancelAllOf(ob);
  ob.euid = 0;
  resetsOf(rt).setReset(ob);
  const prev = rt.enterRaw(ob);
  try {
    ob.linked.root.init(ob);
  } finally {
    rt.leaveRaw(prev);
  }
  const create = ob.linked.table.get('create');
  if (create) rt.enterObject(ob, create.fn, []);
}

const replacers = new WeakMap<Runtime, ProgramReplacer>();

export function replacerOf(rt: Runtime): ProgramReplacer {
  let r = replacers.get(rt);
  if (!r) replacers.set(rt, (r = new ProgramReplacer(rt)));
  return r;
}

/**
 * Neolith find_or_load_object(): the loaded object, else a load from source,
 * else a virtual object; undefined when there is neither file nor virtual
 * object (load errors still propagate).
 */
export function findOrLoad(rt: Runtime, path: string): LpcObject | undefined {
  const existing = rt.findObject(path);
  if (existing) return existing;
  if (!rt.sourceExists(path)) return loadVirtual(rt, rt.normalizeName(path));
  const ob = rt.loadObject(path);
  return ob.destructed ? undefined : ob;
}

/**
 * Neolith clone_object() of a virtual object: compile_object() makes another
 * one, which is renamed "name#N" (its create() already ran in compile_object).
 */
export function cloneVirtual(rt: Runtime, name: string, nextName: () => string): LpcObject | undefined {
  const bp = rt.findObject(name);
  if (!bp || !isVirtual(bp)) return undefined;
  const m = rt.master;
  if (!m || m.destructed) return undefined;
  const r = rt.masterApply('compile_object', ['/' + name]);
  if (!(r instanceof LpcObject) || r.destructed) return undefined;
  if (rt.objects.get(r.name) === r) rt.objects.delete(r.name);
  r.name = nextName();
  rt.objects.set(r.name, r);
  (r.ext ??= {}).virtual = true;
  return r;
}
