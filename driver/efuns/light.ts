// set_light (MudOS v22 efuns_main.c f_set_light; Neolith dropped it). Each
// object has its own light level; the efun adds to this_object()'s and
// returns the total light of the outermost environment, i.e. the sum over it
// and everything inside it. MudOS keeps running totals updated on every move
// and destruct; summing on demand gives the same answers without touching
// the move path, and set_light is rare.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import type { LpcObject } from '../vm/object.js';
import { inventoryOf } from '../vm/inventory.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** Each object's own light level (absent = 0). */
const ownLight = new WeakMap<LpcObject, number>();

/** Light of an object and of everything it contains, however deep. */
export function totalLight(rt: Runtime, ob: LpcObject): number {
  let sum = ownLight.get(ob) ?? 0;
  for (const inner of inventoryOf(rt).deepContents(ob)) sum += ownLight.get(inner) ?? 0;
  return sum;
}

export const efuns = defineEfuns('light', [
  {
    name: 'set_light',
    signature: 'int set_light(int)',
    doc: 'Adds to this_object()’s light level; returns the total light of its outermost environment (set_light(0) just reads it).',
    impl: (rt, n: Value) => {
      const r = vm(rt);
      const cur = r.cur;
      if (!cur || cur.destructed) return 0;
      const add = Number(n);
      if (add) ownLight.set(cur, (ownLight.get(cur) ?? 0) + add);
      const inv = inventoryOf(r);
      let top: LpcObject = cur;
      for (let env = inv.environment(top); env; env = inv.environment(top)) top = env;
      return totalLight(r, top);
    },
  },
]);
