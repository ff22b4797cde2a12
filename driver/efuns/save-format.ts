// The save_variable/restore_variable efuns over the MudOS value text
// encoding (driver/vm/value-codec.ts, shared with save_object and MUD-mode
// sockets).
import { defineEfuns } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import type { Value } from '../vm/values.js';
import { decodeValue, encodeValue } from '../vm/value-codec.js';

export { decodeValue, encodeValue } from '../vm/value-codec.js';

function saveVariable(_rt: Runtime, v: Value): Value {
  return encodeValue(v);
}

function restoreVariable(rt: Runtime, text: Value): Value {
  if (typeof text !== 'string') return rt.badArgument('restore_variable', 1);
  return decodeValue(text, rt.limits);
}

export const efuns = defineEfuns('save-format', [
  {
    name: 'save_variable', signature: 'string save_variable(mixed)', impl: saveVariable, pure: true,
    doc: 'The save_object() text of a value.',
  },
  {
    name: 'restore_variable', signature: 'mixed restore_variable(string)', impl: restoreVariable, pure: true,
    doc: 'The value encoded by save_variable() text.',
  },
]);
