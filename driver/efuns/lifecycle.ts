// Object lifecycle efuns that need the world (driver/vm/lifecycle.ts): loading
// that reaches virtual objects, replace_program, reload_object, virtualp.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { findOrLoad, isVirtual, reloadObject, replacerOf } from '../vm/lifecycle.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

export const efuns = defineEfuns('lifecycle', [
  {
    name: 'load_object',
    signature: 'object load_object(string, void | int)',
    doc: 'Finds or loads an object by name (or the master\'s virtual object); 0 when there is none. MudOS makes it find_object() with the flag defaulting to 1, so a 0 flag only finds.',
    impl: (rt, path: string, load?: Value) => (load === undefined || load ? findOrLoad(vm(rt), path) : vm(rt).findObject(path)) ?? 0,
  },
  {
    name: 'find_object',
    signature: 'object find_object(string, void | int)',
    doc: 'Finds a loaded object by name (loads it when the flag is set).',
    impl: (rt, path: string, load?: Value) => (load ? findOrLoad(vm(rt), path) : vm(rt).findObject(path)) ?? 0,
  },
  {
    name: 'replace_program',
    signature: 'void replace_program(string)',
    doc: 'Replaces this_object()\'s program by one it inherits, once the current execution ends.',
    impl: (rt, file: string) => {
      const cur = vm(rt).cur;
      if (!cur || cur.destructed) return rt.error('replace_program called with no current object');
      replacerOf(vm(rt)).request(cur, file);
      return 0;
    },
  },
  {
    name: 'reload_object',
    signature: 'void reload_object(object)',
    doc: 'Resets an object as if newly loaded: variables, heart beat, call_outs, euid, then create().',
    impl: (rt, ob: LpcObject) => {
      reloadObject(vm(rt), ob);
      return 0;
    },
  },
  {
    name: 'virtualp',
    signature: 'int virtualp(void | object)',
    doc: 'Whether an object was made by the master\'s compile_object().',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      return o instanceof LpcObject && !o.destructed && isVirtual(o) ? 1 : 0;
    },
  },
]);
