// Buffer construction (COMPAT.md types: `buffer` is bytes). Reading and
// writing buffers lives with the file efuns (read_buffer, write_buffer) as in
// MudOS; this area only makes them.
import { defineEfuns } from './registry.js';
import { LBuffer, type Value } from '../vm/values.js';

export const efuns = defineEfuns('buffers', [
  {
    name: 'allocate_buffer',
    signature: 'buffer allocate_buffer(int)',
    doc: 'A buffer of n zero bytes; a negative size or one over MaxBufferSize is an error (MudOS "Illegal buffer size.").',
    impl: (rt, n: Value) => {
      const size = Number(n);
      if (size < 0 || size > rt.limits.maxBufferSize) return rt.error('Illegal buffer size.\n');
      return new LBuffer(new Uint8Array(size));
    },
  },
]);
