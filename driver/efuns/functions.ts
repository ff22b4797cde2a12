// Function pointer efuns (COMPAT.md "Function pointers"): evaluate, apply, bind.
// functionp() lives in types.ts; call_other in objects.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { FP_LOCAL, FP_NOT_BINDABLE, VmFunction } from '../vm/functions.js';
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
    doc: 'A copy of a function pointer owned by another object. Local function pointers and functionals that use globals or local functions cannot be rebound; the master\'s valid_bind(binder, old owner, new owner) must approve.',
    impl: (rt, f: Value, ob: Value) => {
      if (!(f instanceof VmFunction)) return rt.badArgument('bind', 1);
      if (!(ob instanceof LpcObject) || ob.destructed) return rt.badArgument('bind', 2);
      // MudOS f_bind: the same owner is no change; then the not-bindable kinds.
      if (ob === f.owner) return f;
      if (f.kind === (FP_LOCAL | FP_NOT_BINDABLE)) return rt.error('Illegal to rebind a pointer to a local function.\n');
      if (f.kind & FP_NOT_BINDABLE) return rt.error('Illegal to rebind a functional that references globals or local functions.\n');
      const r = vm(rt);
      const master = r.master;
      if (master && !master.destructed && master.linked.table.has('valid_bind')) {
        const ok = r.masterApply('valid_bind', [r.cur || 0, f.owner, ob]);
        if (ok === 0) return rt.error('Master object denied permission to bind() function pointer.\n');
      }
      return f.rebind(ob);
    },
  },
]);
