// Function pointer efuns (COMPAT.md "Function pointers"): evaluate, apply, bind.
// functionp() lives in types.ts; call_other in objects.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { VmFunction } from '../vm/functions.js';
import { LpcObject } from '../vm/object.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

export const efuns = defineEfuns('functions', [
  {
    name: 'evaluate',
    signature: 'mixed evaluate(mixed, ...)',
    doc: 'Calls a function pointer with arguments; any other value evaluates to itself.',
    impl: (rt, f: Value, ...args: Value[]) => vm(rt).evaluate(f, args),
  },
  {
    name: 'apply',
    signature: 'mixed apply(mixed, mixed *)',
    doc: 'Calls a function pointer with the elements of an array as arguments.',
    impl: (rt, f: Value, args: Value[]) => vm(rt).evaluate(f, args),
  },
  {
    name: 'bind',
    signature: 'function bind(function, object)',
    doc: 'A copy of a function pointer owned by another object.',
    impl: (rt, f: Value, ob: Value) => {
      if (!(f instanceof VmFunction)) return rt.badArgument('bind', 1);
      if (!(ob instanceof LpcObject) || ob.destructed) return rt.badArgument('bind', 2);
      return f.rebind(ob);
    },
  },
]);
