// uid efuns (MudOS v22 / Neolith uids package): getuid, geteuid, seteuid,
// export_uid. The uid model is driver/vm/uids.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { LFunction, type Value } from '../vm/values.js';
import { uidsOf } from '../vm/uids.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

function current(rt: RuntimeApi): LpcObject {
  const cur = vm(rt).cur;
  if (!cur || cur.destructed) return rt.error('No current object');
  return cur;
}

export const efuns = defineEfuns('uids', [
  {
    name: 'getuid',
    signature: 'string getuid(void | object)',
    doc: 'The uid of an object (given by the master\'s creator_file()).',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? current(rt) : ob;
      return o instanceof LpcObject && !o.destructed ? o.uid : rt.badArgument('getuid', 1);
    },
  },
  {
    name: 'geteuid',
    signature: 'string geteuid(void | object | function)',
    doc: 'The effective uid of an object or of a function pointer\'s owner; 0 when it has none.',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? current(rt) : ob instanceof LFunction ? ob.owner : ob;
      return o instanceof LpcObject && !o.destructed ? o.euid : 0;
    },
  },
  {
    name: 'seteuid',
    signature: 'int seteuid(string | int)',
    doc: 'Sets this_object()\'s euid: 0 always, a string when the master\'s valid_seteuid() agrees.',
    impl: (rt, uid: Value) => {
      if (typeof uid !== 'string' && uid !== 0) return rt.badArgument('seteuid', 1);
      return uidsOf(vm(rt)).seteuid(current(rt), uid);
    },
  },
  {
    name: 'export_uid',
    signature: 'int export_uid(object)',
    doc: 'Gives an object without euid our euid as its uid; 0 when it already has an euid.',
    impl: (rt, ob: LpcObject) => uidsOf(vm(rt)).exportUid(current(rt), ob),
  },
]);
