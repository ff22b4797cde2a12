// Shadow efuns (MudOS v22): shadow(), query_shadowing(), remove_shadow().
// Dispatch through shadows lives in driver/vm/shadows.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { shadowOf, shadowingOf, shadowsOf } from '../vm/shadows.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

export const efuns = defineEfuns('shadows', [
  {
    name: 'shadow',
    signature: 'object shadow(object, void | int)',
    doc: 'Makes this_object() shadow an object (flag 0: returns the shadow of it instead).',
    impl: (rt, ob: LpcObject, flag?: Value) => {
      if (flag === 0) return shadowOf(ob);
      const cur = vm(rt).cur;
      if (!cur || cur.destructed) return 0;
      return shadowsOf(vm(rt)).shadow(cur, ob);
    },
  },
  {
    name: 'query_shadowing',
    signature: 'object query_shadowing(object)',
    doc: 'The object this object shadows, or 0.',
    impl: (_rt, ob: LpcObject) => shadowingOf(ob),
  },
  {
    name: 'remove_shadow',
    signature: 'int remove_shadow(void | object)',
    doc: 'Takes a shadow (this_object() by default) out of its chain; 0 if it shadows nothing.',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      if (!(o instanceof LpcObject) || o.destructed) return 0;
      return shadowsOf(vm(rt)).remove(o);
    },
  },
]);
