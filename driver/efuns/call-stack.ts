// origin() and call_stack() (MudOS v22 efuns_main.c): how the current
// function was entered, and the program, object, function name and origin of
// every frame on the stack, innermost first. The frames come from a JS stack
// (driver/vm/call-origins.ts), so these efuns cost a stack capture each.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { originFrames } from '../vm/call-origins.js';
import type { LpcObject } from '../vm/object.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** The LPC frames live now, innermost first, with their origins. */
function liveFrames(rt: Runtime): ReturnType<typeof originFrames> {
  const objects: (LpcObject | 0)[] = [rt.cur];
  for (let i = rt.cs.length - 1; i >= 0; i--) objects.push(rt.caller(i));
  return originFrames(new Error().stack ?? '', rt.programsById, objects);
}

export const efuns = defineEfuns('call-stack', [
  {
    name: 'origin',
    signature: 'string origin()',
    doc: 'How the current function was called: "local", "call_other", "efun" (by name from an efun), "internal" (a call_out), "driver" (an apply), "simul", "functional", or "function pointer" when origin is itself an efun pointer.',
    impl: (rt) => {
      const { frames, directPointer } = liveFrames(vm(rt));
      if (directPointer) return 'function pointer';
      return frames.length ? frames[0].origin : 'driver';
    },
  },
  {
    name: 'call_stack',
    signature: 'mixed *call_stack(int)',
    doc: 'One entry per frame, innermost first: 0 the program files, 1 the objects, 2 the function names, 3 the origins (see origin()).',
    impl: (rt, what: Value) => {
      const n = Number(what);
      if (!(n >= 0 && n <= 3)) return rt.error('First argument of call_stack() must be 0, 1, 2, or 3.\n');
      const { frames } = liveFrames(vm(rt));
      switch (n) {
        case 0: return frames.map((f) => f.program.path);
        case 1: return frames.map((f) => f.object);
        case 2: return frames.map((f) => f.function);
        default: return frames.map((f) => f.origin);
      }
    },
  },
]);
