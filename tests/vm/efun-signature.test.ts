import { describe, expect, it } from 'vitest';
import { parseSignature } from '../../driver/vm/efun-signature.js';
import { T_ANY, T_ARRAY, T_FUNCTION, T_INT, T_STRING } from '../../driver/vm/runtime.js';

describe('parseSignature', () => {
  it('reads optional arguments and array types', () => {
    const s = parseSignature('string implode(string *, string | function, void | mixed)');
    expect(s).toEqual({ ret: 'string', masks: [T_ARRAY, T_STRING | T_FUNCTION, T_ANY], min: 2, max: 3 });
  });

  it('reads varargs and a pointer return type', () => {
    const s = parseSignature('mixed *map_array(mixed *, string | function, ...)');
    expect(s.ret).toBe('mixed *');
    expect(s.min).toBe(2);
    expect(s.max).toBe(Infinity);
  });

  it('reads a function without arguments', () => {
    expect(parseSignature('int time()')).toEqual({ ret: 'int', masks: [], min: 0, max: 0 });
    expect(parseSignature('int random(int)').masks).toEqual([T_INT]);
  });
});
