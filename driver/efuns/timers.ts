// Timer efuns besides call_out (which lives in system.ts): heart beats
// (set_heart_beat, query_heart_beat, heart_beats) and set_reset. The
// schedulers are driver/vm/heartbeats.ts and driver/vm/resets.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { heartBeatsOf } from '../vm/heartbeats.js';
import { resetsOf } from '../vm/resets.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

export const efuns = defineEfuns('timers', [
  {
    name: 'set_heart_beat',
    signature: 'int set_heart_beat(int)',
    doc: 'Calls heart_beat() in this_object() every n heart beats (0 turns it off).',
    impl: (rt, n: Value) => {
      const cur = vm(rt).cur;
      if (!cur || cur.destructed) return 0;
      return heartBeatsOf(vm(rt)).set(cur, Number(n));
    },
  },
  {
    name: 'query_heart_beat',
    signature: 'int query_heart_beat(void | object)',
    doc: 'The heart beat setting of an object (0 when off).',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      if (!(o instanceof LpcObject) || o.destructed) return 0;
      return heartBeatsOf(vm(rt)).query(o);
    },
  },
  {
    name: 'heart_beats',
    signature: 'object *heart_beats()',
    doc: 'Every object with a heart beat, in the order they enabled it.',
    impl: (rt) => heartBeatsOf(vm(rt)).objects(),
  },
  {
    name: 'set_reset',
    signature: 'void set_reset(object, void | int)',
    doc: 'Sets when an object next resets: in n seconds, or a fresh random spread.',
    impl: (rt, ob: LpcObject, seconds?: Value) => {
      resetsOf(vm(rt)).setReset(ob, typeof seconds === 'number' ? seconds : undefined);
      return 0;
    },
  },
]);
