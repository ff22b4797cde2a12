// Environment and inventory efuns (MudOS v22 / Neolith func_spec): where
// objects are, moving them (init() protocol), present(), living objects and
// living names, hidden objects. The world model is driver/vm/inventory.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { inventoryOf, nodeOf, peekNode } from '../vm/inventory.js';
import { findOrLoad } from '../vm/lifecycle.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** The object argument, or the current object when it is omitted. */
function obOrSelf(rt: RuntimeApi, v: Value | undefined, efun: string, n = 1): LpcObject {
  const o = v === undefined ? vm(rt).cur : v;
  if (o instanceof LpcObject && !o.destructed) return o;
  return rt.badArgument(efun, n);
}

function current(rt: RuntimeApi): LpcObject {
  const cur = vm(rt).cur;
  if (!cur || cur.destructed) return rt.error('No current object');
  return cur;
}

export const efuns = defineEfuns('environment', [
  {
    name: 'environment',
    signature: 'object environment(void | object)',
    doc: 'The object containing an object (this_object() by default), or 0.',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      if (!(o instanceof LpcObject) || o.destructed) return 0;
      return inventoryOf(vm(rt)).environment(o);
    },
  },
  {
    name: 'all_inventory',
    signature: 'object *all_inventory(void | object)',
    doc: 'The objects inside an object, most recently arrived first.',
    impl: (rt, ob?: Value) => inventoryOf(vm(rt)).visibleContents(obOrSelf(rt, ob, 'all_inventory')),
  },
  {
    name: 'deep_inventory',
    signature: 'object *deep_inventory(void | object)',
    doc: 'Everything inside an object at any depth, each object followed by its own contents.',
    impl: (rt, ob?: Value) => inventoryOf(vm(rt)).deepContents(obOrSelf(rt, ob, 'deep_inventory')),
  },
  {
    name: 'first_inventory',
    signature: 'object first_inventory(void | object | string)',
    doc: 'The first object inside an object (a name is loaded), or 0.',
    impl: (rt, ob?: Value) => {
      let o: Value | undefined = ob;
      if (typeof o === 'string') o = findOrLoad(vm(rt), o) ?? 0;
      const target = obOrSelf(rt, o, 'first_inventory');
      return inventoryOf(vm(rt)).visibleContents(target)[0] ?? 0;
    },
  },
  {
    name: 'next_inventory',
    signature: 'object next_inventory(void | object)',
    doc: 'The object after this one in its environment\'s inventory, or 0.',
    impl: (rt, ob?: Value) => inventoryOf(vm(rt)).nextInventory(obOrSelf(rt, ob, 'next_inventory')),
  },
  {
    name: 'present',
    signature: 'object present(object | string, void | object)',
    doc: 'Finds an object by id() ("sword 2" for the second) or checks an object is near; 0 if not.',
    impl: (rt, what: Value, env?: Value) => {
      if (env !== undefined && !(env instanceof LpcObject && !env.destructed)) return 0;
      return inventoryOf(vm(rt)).present(what, env as LpcObject | undefined);
    },
  },
  {
    name: 'move_object',
    signature: 'void move_object(object | string)',
    doc: 'Moves this_object() into another object, calling init() as MudOS does.',
    impl: (rt, dest: Value) => {
      const r = vm(rt);
      let d: LpcObject | undefined;
      if (typeof dest === 'string') {
        d = findOrLoad(r, dest);
        if (!d) return rt.error('move_object failed: could not find destination');
      } else d = dest as LpcObject;
      const cur = r.cur;
      if (!cur || cur.destructed) return rt.error("move_object(): can't move a destructed object");
      inventoryOf(r).move(cur, d);
      return 0;
    },
  },
  {
    name: 'living',
    signature: 'int living(void | object)',
    doc: 'Whether an object has called enable_commands().',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      return o instanceof LpcObject && inventoryOf(vm(rt)).isLiving(o) ? 1 : 0;
    },
  },
  {
    name: 'enable_commands',
    signature: 'void enable_commands()',
    doc: 'Makes this_object() living (it can issue commands; init() protocol) and this_player().',
    impl: (rt) => {
      inventoryOf(vm(rt)).enableCommands(current(rt));
      return 0;
    },
  },
  {
    name: 'disable_commands',
    signature: 'void disable_commands()',
    doc: 'Makes this_object() no longer living.',
    impl: (rt) => {
      inventoryOf(vm(rt)).disableCommands(current(rt));
      return 0;
    },
  },
  {
    name: 'set_living_name',
    signature: 'void set_living_name(string)',
    doc: 'Registers this_object() under a name for find_living()/find_player().',
    impl: (rt, name: string) => {
      inventoryOf(vm(rt)).setLivingName(current(rt), name);
      return 0;
    },
  },
  {
    name: 'find_living',
    signature: 'object find_living(string)',
    doc: 'The living object registered under a name with set_living_name(), or 0.',
    impl: (rt, name: string) => inventoryOf(vm(rt)).findLiving(name, false),
  },
  {
    name: 'find_player',
    signature: 'object find_player(string)',
    doc: 'Like find_living(), but only objects that are or were interactive.',
    impl: (rt, name: string) => inventoryOf(vm(rt)).findLiving(name, true),
  },
  {
    name: 'livings',
    signature: 'object *livings()',
    doc: 'Every living object.',
    impl: (rt) => inventoryOf(vm(rt)).livings(),
  },
  {
    name: 'named_livings',
    signature: 'object *named_livings()',
    doc: 'Every living object that has a living name.',
    impl: (rt) => inventoryOf(vm(rt)).namedLivings(),
  },
  {
    name: 'set_hide',
    signature: 'void set_hide(int)',
    doc: 'Hides this_object() from inventories and find_living() (the master\'s valid_hide decides).',
    impl: (rt, flag: Value) => {
      const cur = current(rt);
      const inv = inventoryOf(vm(rt));
      if (!inv.validHide(cur)) return 0;
      if (flag) nodeOf(cur).hidden = true;
      else if (peekNode(cur)) nodeOf(cur).hidden = false;
      return 0;
    },
  },
]);
