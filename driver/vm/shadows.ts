// Shadows (MudOS v22 shadow(), query_shadowing(), remove_shadow()): an object
// placed in front of another receives the call_others and driver applies
// addressed to it. The chain is doubly linked: `shadowing` points down to the
// object shadowed, `shadowedBy` up to the next shadow. A call to an object
// starts at the top of its chain (or just below the caller, when the caller is
// itself in the chain) and walks down to the first object defining the
// function. Calls inside an object never go through its shadows.
//
// The runtime's call_other consults `rt.shadowDispatch` only while at least one
// shadow exists, so shadows cost nothing otherwise.
import type { LpcObject } from './object.js';
import type { Runtime } from './runtime.js';
import type { Value } from './values.js';
import { F_HIDDEN_FROM_CALL_OTHER, F_NOMASK, F_PRIVATE, type FunctionEntry } from './program.js';
import { truthy } from './values.js';
import { existingResetsOf } from './resets.js';

/** Per-object shadow links (LpcObject.ext.sh). */
interface ShadowLinks {
  shadowing: LpcObject | 0;
  shadowedBy: LpcObject | 0;
}

function links(ob: LpcObject): ShadowLinks | undefined {
  return ob.ext?.sh as ShadowLinks | undefined;
}

function linksOf(ob: LpcObject): ShadowLinks {
  const ext = (ob.ext ??= {});
  let l = ext.sh as ShadowLinks | undefined;
  if (!l) ext.sh = l = { shadowing: 0, shadowedBy: 0 };
  return l;
}

/** The object `ob` shadows (query_shadowing), or 0. */
export function shadowingOf(ob: LpcObject): LpcObject | 0 {
  return links(ob)?.shadowing || 0;
}

/** The shadow directly in front of `ob` (shadow(ob, 0)), or 0. */
export function shadowOf(ob: LpcObject): LpcObject | 0 {
  return links(ob)?.shadowedBy || 0;
}

/**
 * Where a call from the current object to `ob`'s function `fun` lands, when a
 * shadow takes it; undefined for the normal dispatch. `driverApply` admits
 * static functions (driver applies), call_other only public ones.
 */
export function resolveShadowCall(
  rt: Runtime, ob: LpcObject, fun: string, driverApply: boolean,
): { ob: LpcObject; entry: FunctionEntry } | undefined {
  const l = links(ob);
  if (!l || !l.shadowedBy) return undefined;
  const caller = rt.cur;
  let top: LpcObject = ob;
  for (let up = shadowOf(top); up && up !== caller; up = shadowOf(top)) top = up;
  const hidden = driverApply ? F_PRIVATE : F_HIDDEN_FROM_CALL_OTHER;
  for (let o: LpcObject | 0 = top; o && o !== ob; o = shadowingOf(o)) {
    if (o.destructed) continue;
    const e = o.linked.table.get(fun);
    if (e && !(e.def.flags & hidden)) return { ob: o, entry: e };
  }
  return undefined;
}

/** A driver apply (init, id, move_or_destruct, reset, ...) that shadows may take. */
export function applyShadowed(rt: Runtime, ob: LpcObject, fun: string, args: Value[]): Value | undefined {
  if (ob.destructed) return undefined;
  if (rt.shadowDispatch !== undefined) {
    const s = resolveShadowCall(rt, ob, fun, true);
    if (s) return rt.enterObject(s.ob, s.entry.fn, args);
  }
  return rt.apply(ob, fun, args);
}

/** The shadow registry of one runtime: counts live links to switch dispatch on and off. */
export class Shadows {
  private count = 0;

  constructor(readonly rt: Runtime) {
    // Shadow links live in ob.ext: an object without it has none to undo.
    rt.extDestructHooks.push((ob) => this.onDestruct(ob));
  }

  /**
   * shadow(ob, 1) from `shadow` (MudOS validate_shadowing, then valid_shadow in
   * the master). Returns the object now directly shadowed, or 0 when refused.
   */
  shadow(shadow: LpcObject, ob: LpcObject): LpcObject | 0 {
    const rt = this.rt;
    if (ob === shadow) rt.error("shadow: Can't shadow self");
    if (shadowingOf(ob)) rt.error("shadow: Can't shadow a shadow.");
    if (shadowingOf(shadow)) rt.error('shadow: Already shadowing.');
    if (shadowOf(shadow)) rt.error("shadow: Can't shadow when shadowed.");
    if (ob === rt.master) rt.error('shadow: cannot shadow the master object.');
    const env = (shadow.ext?.inv as { env?: LpcObject | 0 } | undefined)?.env;
    if (env) rt.error('shadow: The shadow must not reside inside another object.');
    for (const [name, e] of shadow.linked.table) {
      const target = ob.linked.table.get(name);
      if (target && target.def.flags & F_NOMASK && !(e.def.flags & F_PRIVATE)) {
        rt.error(`shadow: Illegal to shadow 'nomask' function "${name}".`);
      }
    }
    const ok = rt.masterApply('valid_shadow', [ob]);
    if (ob.destructed || shadow.destructed) return 0;
    // Neolith MASTER_APPROVED: no master approves; a master without valid_shadow() refuses.
    if (rt.master && (ok === undefined || !truthy(ok))) return 0;
    let top = ob;
    for (let up = shadowOf(top); up; up = shadowOf(top)) top = up;
    linksOf(shadow).shadowing = top;
    linksOf(top).shadowedBy = shadow;
    this.count++;
    this.sync();
    // Objects without reset() have no reset schedule (resets.ts); a shadow's reset() answers for them.
    if (ob.rs === undefined && shadow.linked.hasReset) existingResetsOf(rt)?.adopt(ob);
    return top;
  }

  /** remove_shadow(ob): takes `ob` out of its chain; 0 when it shadows nothing. */
  remove(ob: LpcObject): number {
    const l = links(ob);
    if (!l || !l.shadowing) return 0;
    this.unlinkChain(ob, l);
    return 1;
  }

  private unlinkChain(ob: LpcObject, l: ShadowLinks): void {
    const below = l.shadowing;
    const above = l.shadowedBy;
    if (above) linksOf(above).shadowing = below;
    if (below) linksOf(below).shadowedBy = above;
    if (below) this.count--;
    l.shadowing = 0;
    l.shadowedBy = 0;
    this.sync();
  }

  /**
   * MudOS destruct_object(): destructing a shadowed object that shadows
   * nothing destructs all its shadows; any other object just leaves its chain.
   */
  private onDestruct(ob: LpcObject): void {
    const l = links(ob);
    if (!l || (!l.shadowing && !l.shadowedBy)) return;
    if (l.shadowedBy && !l.shadowing) {
      const doomed: LpcObject[] = [];
      for (let s: LpcObject | 0 = l.shadowedBy; s; s = shadowOf(s)) doomed.push(s);
      for (const s of doomed) {
        const sl = linksOf(s);
        sl.shadowing = 0;
        sl.shadowedBy = 0;
        this.count--;
      }
      l.shadowedBy = 0;
      this.sync();
      for (const s of doomed) this.rt.destruct(s);
      return;
    }
    this.unlinkChain(ob, l);
  }

  private sync(): void {
    const rt = this.rt;
    if (this.count > 0) rt.shadowDispatch ??= (ob, fun) => resolveShadowCall(rt, ob, fun, false);
    else {
      this.count = 0;
      rt.shadowDispatch = undefined;
    }
  }
}

const registries = new WeakMap<Runtime, Shadows>();

export function shadowsOf(rt: Runtime): Shadows {
  let s = registries.get(rt);
  if (!s) registries.set(rt, (s = new Shadows(rt)));
  return s;
}
