import { describe, expect, it } from 'vitest';
import { efuns, stringToFloat, stringToInt } from '../../driver/efuns/types.js';
import { LpcError } from '../../driver/vm/errors.js';
import { LBuffer, LClassValue, LFloat, LFunction, LMapping, type LObjectRef, type Value } from '../../driver/vm/values.js';
import { FakeFunction, FakeObject, createFakeRuntime, efunCaller } from './fake-runtime.js';

const rt = createFakeRuntime();

const efun = efunCaller(efuns, rt);

const ob = new FakeObject('thing');
const dead = new FakeObject('dead');
dead.destructed = true;
const cls = new LClassValue({ name: 'C', members: ['v'] }, [0]);
const buf = new LBuffer(new Uint8Array([0, 0, 1, 2]));
const f = new FakeFunction(() => 0, '(: f :)', ob);

/** One value of each kind, in typeof() order of the table below. */
const samples: [string, Value][] = [
  ['int', 1],
  ['float', new LFloat(1.5)],
  ['string', 's'],
  ['array', []],
  ['mapping', new LMapping()],
  ['object', ob],
  ['function', f],
  ['buffer', buf],
  ['class', cls],
];

describe('typeof', () => {
  it('names every type as MudOS does', () => {
    for (const [name, v] of samples) expect(efun('typeof')(v)).toBe(name);
  });
  it('reads a destructed object as an int', () => expect(efun('typeof')(dead)).toBe('int'));
  it('has the Neolith alias type', () => expect(efun('type')(1)).toBe('int'));
});

describe('type predicates', () => {
  const predicates: Record<string, string> = {
    intp: 'int', floatp: 'float', stringp: 'string', pointerp: 'array', arrayp: 'array', mapp: 'mapping',
    objectp: 'object', functionp: 'function', bufferp: 'buffer', classp: 'class',
  };
  for (const [pred, type] of Object.entries(predicates)) {
    it(`${pred} is true exactly for ${type}`, () => {
      for (const [name, v] of samples) expect(efun(pred)(v) !== 0).toBe(name === type);
    });
  }
  it('a destructed object is an int, not an object', () => {
    expect(efun('intp')(dead)).toBe(1);
    expect(efun('objectp')(dead)).toBe(0);
  });
  it('intp holds for 64-bit ints', () => expect(efun('intp')(2n ** 62n)).toBe(1));
});

describe('functionp', () => {
  it('reports FP_LOCAL for a plain pointer and flags a destructed owner', () => {
    expect(efun('functionp')(f)).toBe(2);
    const orphan = new FakeFunction(() => 0, '(: g :)', dead);
    expect(efun('functionp')(orphan)).toBe(2 | 0x20);
  });
  it('uses the kind and bound arguments the VM exposes', () => {
    class Efun extends LFunction {
      owner: LObjectRef | 0 = ob;
      readonly kind = 3;
      readonly bound: Value[] = [1];
      describe() {
        return '(: x :)';
      }
    }
    expect(efun('functionp')(new Efun())).toBe(3 | 0x10);
  });
  it('is 0 for non-functions', () => expect(efun('functionp')('f')).toBe(0));
});

describe('undefinedp / nullp', () => {
  it('is true only for the undefined zero', () => {
    const m = new LMapping();
    expect(efun('undefinedp')(m.get('missing'))).toBe(1);
    expect(efun('undefinedp')(0)).toBe(0);
    expect(efun('undefinedp')('')).toBe(0);
    expect(efun('nullp')(-0)).toBe(1);
    expect(efun('nullp')(1)).toBe(0);
  });
});

describe('to_int', () => {
  const toInt = efun('to_int');
  it('truncates floats toward zero', () => {
    expect(toInt(new LFloat(6.7))).toBe(6);
    expect(toInt(new LFloat(-6.7))).toBe(-6);
    expect(Object.is(toInt(new LFloat(-0.5)), 0)).toBe(true);
  });
  it('is exact for 1e10 and beyond 2^53 (COMPAT rule 3)', () => {
    expect(toInt(new LFloat(1e10))).toBe(10000000000);
    expect(toInt(new LFloat(2 ** 60))).toBe(2n ** 60n);
  });
  it('parses the leading integer of a string like atoi', () => {
    expect(toInt('7')).toBe(7);
    expect(toInt('  -12abc')).toBe(-12);
    expect(toInt('+5')).toBe(5);
    expect(toInt('ajdfj')).toBe(0);
    expect(toInt('')).toBe(0);
    expect(toInt('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(toInt('99999999999999999999')).toBe(2n ** 63n - 1n);
    expect(toInt('-99999999999999999999')).toBe(-(2n ** 63n));
  });
  it('reads a buffer\'s first four bytes as a big-endian int', () => {
    expect(toInt(buf)).toBe(258);
    expect(toInt(new LBuffer(new Uint8Array([0xff, 0xff, 0xff, 0xfe])))).toBe(-2);
    expect(toInt(new LBuffer(new Uint8Array([1, 2])))).toBe(0);
  });
  it('returns ints unchanged and rejects other types', () => {
    expect(toInt(5)).toBe(5);
    expect(() => toInt([])).toThrow(LpcError);
  });
  it('stringToInt is exported for the VM', () => expect(stringToInt('42x')).toBe(42));
});

describe('to_float', () => {
  const toFloat = efun('to_float');
  it('converts ints, including 64-bit ones', () => {
    expect((toFloat(5) as LFloat).f).toBe(5);
    expect((toFloat(2n ** 60n) as LFloat).f).toBe(2 ** 60);
  });
  it('parses a leading float like sscanf %lf, else 0.0', () => {
    expect((toFloat('1.23') as LFloat).f).toBe(1.23);
    expect((toFloat(' -2.5e3xyz') as LFloat).f).toBe(-2500);
    expect((toFloat('.5') as LFloat).f).toBe(0.5);
    expect((toFloat('ajdfj') as LFloat).f).toBe(0);
    expect(stringToFloat('inf')).toBe(Infinity);
    expect(stringToFloat('-Infinity')).toBe(-Infinity);
    expect(Number.isNaN(stringToFloat('nan'))).toBe(true);
  });
  it('returns the float itself', () => {
    const x = new LFloat(2);
    expect(toFloat(x)).toBe(x);
  });
});
