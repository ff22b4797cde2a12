import { describe, expect, it } from 'vitest';
import * as ops from '../../driver/vm/ops.js';
import { EMOJI, MAX, MIN, SAFE, buf, entries, f, isPlainZero, lpcError, mapping, obj } from './ops-helpers.js';
import {
  LBuffer, LFloat, LMapping, UNDEFINED, type Value,
} from '../../driver/vm/values.js';

// ---------------------------------------------------------------------------

describe('+ and - on ints', () => {
  it('wraps at the top: 9223372036854775807 + 1 == -9223372036854775808', () => {
    expect(ops.add(MAX, 1)).toBe(MIN);
    expect(ops.addInt(MAX, 1)).toBe(MIN);
    expect(ops.add(MAX, MAX)).toBe(-2);
  });
  it('wraps at the bottom: -9223372036854775808 - 1 == 9223372036854775807', () => {
    expect(ops.sub(MIN, 1)).toBe(MAX);
    expect(ops.subInt(MIN, 1)).toBe(MAX);
    expect(ops.add(MIN, MIN)).toBe(0);
  });
  it('moves across the safe-integer boundary, always normalized', () => {
    expect(ops.add(SAFE, 1)).toBe(9007199254740992n);
    expect(ops.add(-SAFE, -1)).toBe(-9007199254740992n);
    expect(ops.sub(9007199254740992n, 1)).toBe(SAFE);
    expect(ops.add(9007199254740992n, -9007199254740992n)).toBe(0);
    expect(ops.addInt(SAFE, SAFE)).toBe(18014398509481982n);
  });
  it('never produces the undefined zero', () => {
    expect(isPlainZero(ops.add(-0, -0) as number)).toBe(true);
    expect(isPlainZero(ops.sub(-0, 0) as number)).toBe(true);
    expect(isPlainZero(ops.addInt(-0, -0) as number)).toBe(true);
    expect(isPlainZero(ops.subInt(-0, 0) as number)).toBe(true);
  });
  it('treats the undefined zero as 0', () => {
    expect(ops.add(UNDEFINED, 5)).toBe(5);
  });
});

describe('* on ints', () => {
  it('wraps on overflow', () => {
    expect(ops.mul(MAX, 2)).toBe(-2);
    expect(ops.mul(4294967296, 4294967296)).toBe(0); // 2^64 wraps to 0
    expect(ops.mul(3037000500, 3037000500)).toBe(-9223372036709301616n);
    expect(ops.mulInt(MIN, -1)).toBe(MIN);
  });
  it('is exact just past the safe range', () => {
    expect(ops.mul(SAFE, 3)).toBe(27021597764222973n);
    expect(ops.mul(94906267, 94906267)).toBe(9007199515875289n);
  });
  it('gives +0, not the undefined zero: 0 * -5', () => {
    expect(isPlainZero(ops.mul(0, -5) as number)).toBe(true);
    expect(isPlainZero(ops.mulInt(-5, 0) as number)).toBe(true);
  });
});

describe('/ and % on ints', () => {
  it('truncates toward zero', () => {
    expect(ops.div(7, 2)).toBe(3);
    expect(ops.div(-7, 2)).toBe(-3);
    expect(ops.div(7, -2)).toBe(-3);
    expect(ops.div(-7, -2)).toBe(3);
    expect(ops.div(1, 2)).toBe(0);
  });
  it('gives the remainder with the sign of the dividend', () => {
    expect(ops.mod(7, 3)).toBe(1);
    expect(ops.mod(-7, 3)).toBe(-1);
    expect(ops.mod(7, -3)).toBe(1);
    expect(ops.mod(-7, -3)).toBe(-1);
  });
  it('never produces the undefined zero', () => {
    expect(isPlainZero(ops.div(0, -5) as number)).toBe(true);
    expect(isPlainZero(ops.div(-1, 5) as number)).toBe(true);
    expect(isPlainZero(ops.mod(-5, 5) as number)).toBe(true);
    expect(isPlainZero(ops.modInt(-6, 3) as number)).toBe(true);
    expect(isPlainZero(ops.divInt(-0, 3) as number)).toBe(true);
  });
  it('handles bigints and the minimum int divided by -1 (wraps)', () => {
    expect(ops.div(MAX, 2)).toBe(4611686018427387903n);
    expect(ops.div(MIN, -1)).toBe(MIN);
    expect(ops.divInt(MIN, -1)).toBe(MIN);
    expect(ops.mod(MIN, -1)).toBe(0);
    expect(ops.mod(MAX, 10)).toBe(7);
    expect(ops.mod(MIN, 10)).toBe(-8);
    expect(ops.div(MIN, 9007199254740992n)).toBe(-1024);
  });
  it('is exact for the largest safe ints', () => {
    expect(ops.div(SAFE, 2)).toBe(4503599627370495);
    expect(ops.div(SAFE, 3)).toBe(3002399751580330);
    expect(ops.div(-SAFE, 7)).toBe(-1286742750677284);
  });
  it('raises MudOS errors for division by zero', () => {
    lpcError(() => ops.div(1, 0), 'Division by zero.');
    lpcError(() => ops.div(1, UNDEFINED), 'Division by zero.');
    lpcError(() => ops.div(MAX, 0), 'Division by zero.');
    lpcError(() => ops.divInt(5, 0), 'Division by zero.');
    lpcError(() => ops.mod(1, 0), 'Modulus by zero.');
    lpcError(() => ops.modInt(MAX, 0), 'Modulus by zero.');
  });
});

describe('unary minus and ~', () => {
  it('-(0) is 0 and -(undefined) is 0', () => {
    expect(isPlainZero(ops.neg(0) as number)).toBe(true);
    expect(isPlainZero(ops.neg(-0) as number)).toBe(true);
    expect(isPlainZero(ops.negInt(0) as number)).toBe(true);
  });
  it('negates ints, wrapping the minimum', () => {
    expect(ops.neg(5)).toBe(-5);
    expect(ops.neg(-SAFE)).toBe(SAFE);
    expect(ops.neg(MIN)).toBe(MIN);
    expect(ops.neg(MAX)).toBe(MIN + 1n);
    expect(ops.neg(-9007199254740992n)).toBe(9007199254740992n);
  });
  it('negates floats', () => {
    expect((ops.neg(f(1.5)) as LFloat).f).toBe(-1.5);
  });
  it('complements 64-bit ints', () => {
    expect(ops.bnot(0)).toBe(-1);
    expect(ops.bnot(-1)).toBe(0);
    expect(ops.bnot(MAX)).toBe(MIN);
    expect(ops.bnot(MIN)).toBe(MAX);
    expect(ops.bnot(SAFE)).toBe(-9007199254740992n);
    expect(ops.bnot(2147483648)).toBe(-2147483649);
  });
  it('reject other types with MudOS wording', () => {
    lpcError(() => ops.neg('a'), 'Bad argument to unary minus');
    lpcError(() => ops.bnot(f(1)), 'Bad argument to ~');
  });
});

describe('bitwise and shifts', () => {
  it('and/or/xor on 64-bit values', () => {
    expect(ops.band(12, 10)).toBe(8);
    expect(ops.bor(12, 10)).toBe(14);
    expect(ops.bxor(12, 10)).toBe(6);
    expect(ops.band(-1, MAX)).toBe(MAX);
    expect(ops.bor(MIN, 1)).toBe(MIN + 1n);
    expect(ops.bxor(-1, MIN)).toBe(MAX);
    expect(ops.band(0x1_0000_0001, 0x1_0000_0003)).toBe(0x1_0000_0001);
    expect(ops.bor(0x1_0000_0000, 1)).toBe(0x1_0000_0001);
    expect(ops.bxor(4294967296, 4294967297)).toBe(1);
  });
  it('<< keeps 64 bits and loses what is shifted out', () => {
    expect(ops.shl(1, 3)).toBe(8);
    expect(ops.shl(1, 62)).toBe(4611686018427387904n);
    expect(ops.shl(1, 63)).toBe(MIN);
    expect(ops.shl(3, 63)).toBe(MIN);
    expect(ops.shl(-1, 63)).toBe(MIN);
    expect(ops.shl(0xff, 60)).toBe(-1152921504606846976n);
    expect(ops.shl(1, 53)).toBe(9007199254740992n);
    expect(ops.shl(1, 52)).toBe(4503599627370496);
  });
  it('>> is arithmetic', () => {
    expect(ops.shr(-8, 1)).toBe(-4);
    expect(ops.shr(-1, 63)).toBe(-1);
    expect(ops.shr(MIN, 63)).toBe(-1);
    expect(ops.shr(MAX, 62)).toBe(1);
    expect(ops.shr(-7, 1)).toBe(-4);
    expect(ops.shr(7, 1)).toBe(3);
    expect(isPlainZero(ops.shr(-0, 3) as number)).toBe(true);
  });
  it('takes shift counts mod 64, as MudOS on x86-64 (and FluffOS explicitly)', () => {
    expect(ops.shl(1, 64)).toBe(1);
    expect(ops.shl(1, 100)).toBe(68719476736);
    expect(ops.shl(1, -1)).toBe(MIN);
    expect(ops.shr(MIN, -1)).toBe(-1);
    expect(ops.shr(1024, 64 + 3)).toBe(128);
    expect(ops.shl(1, MAX)).toBe(MIN);
    expect(ops.shl(1, 4294967297)).toBe(2);
  });
  it('reject non-ints with bad_argument wording', () => {
    lpcError(() => ops.band('a', 1), 'Bad argument 1 to &, Expected: int Got: "a".');
    lpcError(() => ops.bor(1, f(1.5)), 'Bad argument 2 to |, Expected: int Got: 1.5.');
    lpcError(() => ops.bxor(mapping(), 1), 'Bad argument 1 to ^, Expected: int Got: ([ ]).');
    lpcError(() => ops.shl(1, 'x'), 'Bad argument 2 to <<, Expected: int Got: "x".');
    lpcError(() => ops.shr(f(2), 1), 'Bad argument 1 to >>, Expected: int Got: 2.');
  });
});

describe('floats', () => {
  it('int op float gives a float', () => {
    expect(ops.add(1, f(0.5))).toEqual(f(1.5));
    expect(ops.add(f(0.5), 1)).toEqual(f(1.5));
    expect(ops.sub(1, f(0.5))).toEqual(f(0.5));
    expect(ops.mul(3, f(0.5))).toEqual(f(1.5));
    expect(ops.div(1, f(2))).toEqual(f(0.5));
    expect(ops.div(f(1), 2)).toEqual(f(0.5));
    expect(ops.div(f(1), f(4))).toEqual(f(0.25));
  });
  it('1/2 == 0 but 1.0/2 == 0.5', () => {
    expect(ops.div(1, 2)).toBe(0);
    expect((ops.div(f(1), 2) as LFloat).f).toBe(0.5);
  });
  it('division by zero is an error for floats too', () => {
    lpcError(() => ops.div(f(1), f(0)), 'Division by zero.');
    lpcError(() => ops.div(f(1), 0), 'Division by zero.');
    lpcError(() => ops.div(1, f(0)), 'Division by 0.0');
    lpcError(() => ops.div(1, f(-0)), 'Division by 0.0');
  });
  it('% is ints only', () => {
    lpcError(() => ops.mod(f(5), 2), 'Bad argument 1 to %, Expected: int Got: 5.');
  });
  it('uses the int converted to double for big ints', () => {
    expect((ops.add(MAX, f(0)) as LFloat).f).toBe(9223372036854775807);
  });
});

describe('string +', () => {
  it('concatenates strings, ints and floats', () => {
    expect(ops.add('a', 'b')).toBe('ab');
    expect(ops.add('a', 1)).toBe('a1');
    expect(ops.add(1, 'a')).toBe('1a');
    expect(ops.add('a', -0)).toBe('a0');
    expect(ops.add('a', MAX)).toBe('a9223372036854775807');
    expect(ops.add(MIN, '!')).toBe('-9223372036854775808!');
    expect(ops.add('x', f(1.5))).toBe('x1.500000');
    expect(ops.add(f(-0.25), 'x')).toBe('-0.250000x');
    expect(ops.add('你', EMOJI)).toBe(`你${EMOJI}`);
  });
  it('rejects other mixes with the exact Neolith texts', () => {
    lpcError(() => ops.add('a', [1]), 'Bad type argument to +. Had string and array');
    lpcError(() => ops.add([1], 1), 'Bad type argument to +.  Had array and int.');
    lpcError(() => ops.add(new LMapping(), 'a'), 'Bad type argument to +. Had mapping and string.');
    lpcError(() => ops.add(1, new LMapping()), 'Bad type argument to +. Had int and mapping');
    lpcError(() => ops.add([1], f(1)), 'Bad type argument to +. Had array and float');
    lpcError(() => ops.add(1, buf(1)), 'Bad type argument to +. Had int and buffer.');
    lpcError(() => ops.add(1, obj('x')), 'Bad type argument to +.  Had int and object.');
  });
});

describe('floatToString (C "%f")', () => {
  it('prints six decimals', () => {
    expect(ops.floatToString(1.5)).toBe('1.500000');
    expect(ops.floatToString(0)).toBe('0.000000');
    expect(ops.floatToString(-2)).toBe('-2.000000');
    expect(ops.floatToString(1 / 3)).toBe('0.333333');
    expect(ops.floatToString(2 / 3)).toBe('0.666667');
    expect(ops.floatToString(1e-7)).toBe('0.000000');
    expect(ops.floatToString(123456.789)).toBe('123456.789000');
  });
  it('keeps the sign of negative zero and tiny negatives, as C does', () => {
    expect(ops.floatToString(-0)).toBe('-0.000000');
    expect(ops.floatToString(-1e-9)).toBe('-0.000000');
  });
  it('breaks exact ties to even like glibc', () => {
    expect(ops.floatToString(0.0078125)).toBe('0.007812'); // 2^-7
    expect(ops.floatToString(0.0234375)).toBe('0.023438'); // 3 * 2^-7
    expect(ops.floatToString(-0.0078125)).toBe('-0.007812');
  });
  it('prints large values in full', () => {
    expect(ops.floatToString(1e22)).toBe('10000000000000000000000.000000');
    expect(ops.floatToString(2 ** 63)).toBe('9223372036854775808.000000');
    expect(ops.floatToString(4e9 + 0.5)).toBe('4000000000.500000');
    expect(ops.floatToString(-1e300).length).toBe(1 + 301 + 7);
  });
  it('prints inf and nan as glibc does', () => {
    expect(ops.floatToString(Infinity)).toBe('inf');
    expect(ops.floatToString(-Infinity)).toBe('-inf');
    expect(ops.floatToString(NaN)).toBe('nan');
  });
  it('intToString prints the full 64-bit value', () => {
    expect(ops.intToString(-0)).toBe('0');
    expect(ops.intToString(MIN)).toBe('-9223372036854775808');
    expect(ops.intToString(42)).toBe('42');
  });
  it('formatFloatG follows C "%g"', () => {
    expect(ops.formatFloatG(1.5)).toBe('1.5');
    expect(ops.formatFloatG(100000)).toBe('100000');
    expect(ops.formatFloatG(1000000)).toBe('1e+06');
    expect(ops.formatFloatG(0.0001)).toBe('0.0001');
    expect(ops.formatFloatG(0.00001)).toBe('1e-05');
    expect(ops.formatFloatG(1 / 3)).toBe('0.333333');
    expect(ops.formatFloatG(-2.5e-10)).toBe('-2.5e-10');
    expect(ops.formatFloatG(1e100)).toBe('1e+100');
    expect(ops.formatFloatG(0)).toBe('0');
    expect(ops.formatFloatG(-0)).toBe('-0');
  });
  it('formatFloatG breaks ties to even and handles rounding across a power of ten', () => {
    expect(ops.formatFloatG(864.5625)).toBe('864.562');
    expect(ops.formatFloatG(169274.5)).toBe('169274');
    expect(ops.formatFloatG(169275.5)).toBe('169276');
    expect(ops.formatFloatG(999999.5)).toBe('1e+06');
    expect(ops.formatFloatG(9.999995e-5)).toBe('0.0001');
    expect(ops.formatFloatG(5e-324)).toBe('4.94066e-324');
    expect(ops.formatFloatG(123456789)).toBe('1.23457e+08');
  });
});

describe('arrays', () => {
  it('+ makes a new array', () => {
    const a = [1, 2];
    const r = ops.add(a, [3]) as Value[];
    expect(r).toEqual([1, 2, 3]);
    expect(r).not.toBe(a);
    expect(a).toEqual([1, 2]);
  });
  it('- removes every element equal to one on the right, keeping order', () => {
    expect(ops.sub([1, 2, 3, 2, 1], [2])).toEqual([1, 3, 1]);
    expect(ops.sub(['a', 'b', 'c'], ['c', 'a'])).toEqual(['b']);
    expect(ops.sub([1, f(1), '1'], [1])).toEqual([f(1), '1']); // 1 and 1.0 differ
    expect(ops.sub([1, 2], [])).toEqual([1, 2]);
    expect(ops.sub([], [1])).toEqual([]);
  });
  it('- compares containers by reference', () => {
    const inner = [1];
    expect(ops.sub([inner, [1]], [inner])).toEqual([[1]]);
  });
  it('- works with large right arrays (set path) and mixed key kinds', () => {
    const right: Value[] = [];
    for (let i = 0; i < 50; i++) right.push(i * 2);
    right.push('x', f(0.5), f(-0), MAX);
    const left: Value[] = [0, 1, 2, 3, 'x', 'y', f(0.5), f(0), f(-0), MAX, MIN];
    expect(ops.sub(left, right)).toEqual([1, 3, 'y', f(0), MIN]);
  });
  it('- turns destructed objects into 0 and removes them when 0 is on the right', () => {
    const dead = obj('dead', true);
    const alive = obj('alive');
    expect(ops.sub([dead, alive], [alive])).toEqual([0]);
    expect(ops.sub([dead, alive, 0], [0])).toEqual([alive]);
  });
  it('& keeps left elements found on the right, in left order', () => {
    expect(ops.band([1, 2, 3, 4], [4, 2, 9])).toEqual([2, 4]);
    expect(ops.band(['a', 'b', 'a'], ['a'])).toEqual(['a', 'a']);
    expect(ops.band([1, 2], [])).toEqual([]);
  });
  it('| appends right elements missing on the left', () => {
    expect(ops.bor([1, 2], [2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(ops.bor([], ['a'])).toEqual(['a']);
    expect(ops.bor([1, 1], [])).toEqual([1, 1]);
  });
  it('mixing arrays and ints is an error', () => {
    lpcError(() => ops.sub([1], 1), 'Arguments to - do not have compatible types.');
    lpcError(() => ops.sub('a', [1]), 'Bad left type to -.');
    lpcError(() => ops.sub([1], 'a'), 'Bad right type to -.');
    lpcError(() => ops.band([1], 1), 'Bad argument 1 to &, Expected: int Got: ({1}).');
  });
});

describe('mappings', () => {
  it('+ makes a new mapping where the right side wins', () => {
    const a = mapping(['x', 1], ['y', 2]);
    const b = mapping(['y', 3], ['z', 4]);
    const r = ops.add(a, b) as LMapping;
    expect(r).not.toBe(a);
    expect(r.get('x')).toBe(1);
    expect(r.get('y')).toBe(3);
    expect(r.get('z')).toBe(4);
    expect(a.size).toBe(2);
  });
  it('* composes: ([k: m2[m1[k]]]) for keys whose value is in m2', () => {
    const m1 = mapping(['a', 1], ['b', 2], ['c', 9]);
    const m2 = mapping([1, 'one'], [2, 'two']);
    const r = ops.mul(m1, m2);
    expect(entries(r)).toEqual([['a', 'one'], ['b', 'two']]);
    expect(m1.size).toBe(3);
  });
  it('- is not defined on mappings', () => {
    lpcError(() => ops.sub(mapping(), ['a']), 'Bad left type to -.');
  });
  it('* rejects other mixes', () => {
    lpcError(() => ops.mul('a', 1), 'Bad argument 1 to *, Expected: int or mapping or float Got: "a".');
    lpcError(() => ops.mul(1, 'a'), 'Bad argument 2 to *, Expected: int or mapping or float Got: "a".');
    lpcError(() => ops.mul(mapping(), 2), 'Args to * are not compatible.');
  });
});

describe('buffers', () => {
  it('+ concatenates into a new buffer', () => {
    const r = ops.add(buf(1, 2), buf(3)) as LBuffer;
    expect([...r.bytes]).toEqual([1, 2, 3]);
  });
});

describe('compound assignment', () => {
  it('int += float truncates and stays an int', () => {
    expect(ops.addEq(1, f(1.9))).toBe(2);
    expect(ops.subEq(5, f(0.5))).toBe(4);
    expect(ops.mulEq(3, f(1.5))).toBe(4);
    expect(ops.divEq(7, f(2))).toBe(3);
    expect(ops.divEq(-7, f(2))).toBe(-3);
  });
  it('float op= int stays a float (float += int works, a Neolith bug fixed)', () => {
    expect(ops.addEq(f(1.5), 1)).toEqual(f(2.5));
    expect(ops.subEq(f(1.5), 1)).toEqual(f(0.5));
    expect(ops.mulEq(f(1.5), 2)).toEqual(f(3));
    expect(ops.divEq(f(3), 2)).toEqual(f(1.5));
  });
  it('int op= int wraps like the operators', () => {
    expect(ops.addEq(MAX, 1)).toBe(MIN);
    expect(ops.shlEq(1, 63)).toBe(MIN);
    expect(ops.shrEq(-16, 2)).toBe(-4);
    expect(ops.xorEq(5, 1)).toBe(4);
    expect(ops.andEq(6, 3)).toBe(2);
    expect(ops.orEq(6, 1)).toBe(7);
    expect(ops.modEq(-7, 3)).toBe(-1);
  });
  it('string += string/int/float', () => {
    expect(ops.addEq('a', 'b')).toBe('ab');
    expect(ops.addEq('a', 7)).toBe('a7');
    expect(ops.addEq('a', f(0.5))).toBe('a0.500000');
  });
  it('mapping += changes the left mapping in place', () => {
    const m = mapping(['a', 1]);
    const r = ops.addEq(m, mapping(['a', 2], ['b', 3]));
    expect(r).toBe(m);
    expect(entries(m)).toEqual([['a', 2], ['b', 3]]);
  });
  it('mapping *= composes in place', () => {
    const m = mapping(['a', 1], ['b', 5]);
    const r = ops.mulEq(m, mapping([1, 'x']));
    expect(r).toBe(m);
    expect(entries(m)).toEqual([['a', 'x']]);
  });
  it('array += and -= make new arrays; &= and |= work on arrays', () => {
    const a = [1, 2];
    const r = ops.addEq(a, [3]);
    expect(r).toEqual([1, 2, 3]);
    expect(r).not.toBe(a);
    expect(ops.subEq([1, 2, 1], [1])).toEqual([2]);
    expect(ops.andEq([1, 2, 3], [3, 1])).toEqual([1, 3]);
    expect(ops.orEq([1], [1, 2])).toEqual([1, 2]);
  });
  it('x /= 0 and x %= 0 raise the same errors as x / 0 and x % 0', () => {
    lpcError(() => ops.divEq(1, 0), 'Division by zero.');
    lpcError(() => ops.divEq(f(1), 0), 'Division by zero.');
    lpcError(() => ops.divEq(f(1), f(0)), 'Division by zero.');
    lpcError(() => ops.divEq(1, f(0)), 'Division by 0.0');
    lpcError(() => ops.modEq(1, 0), 'Modulus by zero.');
  });
  it('uses the op= error texts', () => {
    lpcError(() => ops.addEq(1, 'a'), 'Left hand side of += is a number (or zero); right side is not a number.');
    lpcError(() => ops.addEq('a', [1]), 'Bad argument 2 to +=, Expected: int or string or float Got: ({1}).');
    lpcError(() => ops.addEq([1], 1), 'Bad argument 2 to +=, Expected: array Got: 1.');
    lpcError(() => ops.addEq(mapping(), 1), 'Bad argument 2 to +=, Expected: mapping Got: 1.');
    lpcError(() => ops.addEq(obj('o'), 1), 'Bad argument 1 to +=()');
    lpcError(() => ops.subEq(1, 'a'), 'Bad right type to -=');
    lpcError(() => ops.subEq('a', 1), 'Bad left type to -=');
    lpcError(() => ops.subEq([1], 1), 'Arguments to -= do not match in type.');
    lpcError(() => ops.mulEq(1, 'a'), 'Bad right type to *=');
    lpcError(() => ops.mulEq('a', 1), 'Bad left type to *=');
    lpcError(() => ops.divEq(1, 'a'), 'Bad right type to /=');
    lpcError(() => ops.divEq('a', 1), 'Bad left type to /=');
    lpcError(() => ops.modEq('a', 1), 'Bad left type to %=');
    lpcError(() => ops.modEq(1, 'a'), 'Bad right type to %=');
    lpcError(() => ops.andEq('a', 1), 'Bad left type to &=');
    lpcError(() => ops.orEq(1, 'a'), 'Bad right type to |=');
    lpcError(() => ops.xorEq(f(1), 1), 'Bad left type to ^=');
    lpcError(() => ops.shlEq(1, f(1)), 'Bad right type to <<=');
    lpcError(() => ops.shrEq([1], 1), 'Bad left type to >>=');
  });
  it('ASSIGN_OPS and BINARY_OPS list every operator', () => {
    expect(Object.keys(ops.ASSIGN_OPS).sort()).toEqual(
      ['%=', '&=', '*=', '+=', '-=', '/=', '<<=', '>>=', '^=', '|='].sort());
    expect(Object.keys(ops.BINARY_OPS).length).toBe(16);
    expect(ops.BINARY_OPS['+'](1, 2)).toBe(3);
  });
});

describe('++ and -- and !', () => {
  it('inc and dec wrap ints and step floats', () => {
    expect(ops.inc(1)).toBe(2);
    expect(ops.inc(MAX)).toBe(MIN);
    expect(ops.inc(SAFE)).toBe(9007199254740992n);
    expect(ops.dec(MIN)).toBe(MAX);
    expect(isPlainZero(ops.dec(1) as number)).toBe(true);
    expect(isPlainZero(ops.inc(-1) as number)).toBe(true);
    expect(ops.inc(UNDEFINED)).toBe(1);
    expect(ops.inc(f(0.5))).toEqual(f(1.5));
    expect(ops.dec(f(0.5))).toEqual(f(-0.5));
  });
  it('reject other types', () => {
    lpcError(() => ops.inc('a'), 'Increment (++) on non-numeric argument.');
    lpcError(() => ops.dec([]), 'Decrement (--) on non-numeric argument');
  });
  it('! is 1 only for 0 and destructed objects (0.0 and "" are true)', () => {
    expect(ops.lnot(0)).toBe(1);
    expect(ops.lnot(UNDEFINED)).toBe(1);
    expect(ops.lnot(obj('d', true))).toBe(1);
    expect(ops.lnot(obj('a'))).toBe(0);
    expect(ops.lnot(f(0))).toBe(0);
    expect(ops.lnot('')).toBe(0);
    expect(ops.lnot(MAX)).toBe(0);
  });
});

describe('== and !=', () => {
  it('compares ints, strings and floats by value', () => {
    expect(ops.eq(1, 1)).toBe(true);
    expect(ops.eq(0, UNDEFINED)).toBe(true);
    expect(ops.eq(MAX, 9223372036854775807n)).toBe(true);
    expect(ops.eq(MAX, MIN)).toBe(false);
    expect(ops.eq(SAFE, 9007199254740992n)).toBe(false);
    expect(ops.eq('a', 'a')).toBe(true);
    expect(ops.eq('a', 'b')).toBe(false);
    expect(ops.eq(f(1.5), f(1.5))).toBe(true);
    expect(ops.ne(f(1.5), f(2.5))).toBe(true);
  });
  it('compares an int with a float numerically', () => {
    expect(ops.eq(1, f(1))).toBe(true);
    expect(ops.eq(f(1), 1)).toBe(true);
    expect(ops.eq(1, f(1.5))).toBe(false);
    expect(ops.eq(MAX, f(9223372036854775807))).toBe(true); // int converted to double, as C
  });
  it('NaN is unequal even to itself', () => {
    const nan = f(NaN);
    expect(ops.eq(nan, nan)).toBe(false);
    expect(ops.ne(nan, nan)).toBe(true);
  });
  it('compares other values by reference', () => {
    const a = [1];
    expect(ops.eq(a, a)).toBe(true);
    expect(ops.eq(a, [1])).toBe(false);
    const m = mapping();
    expect(ops.eq(m, m)).toBe(true);
    expect(ops.eq(m, mapping())).toBe(false);
    const o = obj('x');
    expect(ops.eq(o, o)).toBe(true);
    expect(ops.eq(o, obj('x'))).toBe(false);
  });
  it('different types are unequal', () => {
    expect(ops.eq(1, '1')).toBe(false);
    expect(ops.eq(0, '')).toBe(false);
    expect(ops.eq(0, [])).toBe(false);
    expect(ops.ne('1', 1)).toBe(true);
  });
  it('a destructed object equals 0', () => {
    const d = obj('d', true);
    expect(ops.eq(d, 0)).toBe(true);
    expect(ops.eq(0, d)).toBe(true);
    expect(ops.eq(d, obj('e', true))).toBe(true);
    expect(ops.ne(d, 0)).toBe(false);
  });
});

describe('< <= > >=', () => {
  it('orders ints, including bigints and mixes', () => {
    expect(ops.lt(1, 2)).toBe(true);
    expect(ops.lt(MIN, -SAFE)).toBe(true);
    expect(ops.gt(MAX, SAFE)).toBe(true);
    expect(ops.le(MAX, MAX)).toBe(true);
    expect(ops.ge(MIN, MAX)).toBe(false);
  });
  it('orders floats and int/float mixes', () => {
    expect(ops.lt(1, f(1.5))).toBe(true);
    expect(ops.gt(f(1.5), 1)).toBe(true);
    expect(ops.le(f(2), 2)).toBe(true);
    expect(ops.ge(2, f(2))).toBe(true);
    expect(ops.lt(f(-1), f(1))).toBe(true);
  });
  it('NaN makes every ordering false', () => {
    for (const op of [ops.lt, ops.le, ops.gt, ops.ge]) {
      expect(op(f(NaN), 1)).toBe(false);
      expect(op(1, f(NaN))).toBe(false);
    }
  });
  it('orders strings by code point', () => {
    expect(ops.lt('abc', 'abd')).toBe(true);
    expect(ops.lt('ab', 'abc')).toBe(true);
    expect(ops.gt('b', 'abc')).toBe(true);
    expect(ops.le('a', 'a')).toBe(true);
    expect(ops.lt('Z', 'a')).toBe(true);
    expect(ops.gt(EMOJI, '\uFF0C')).toBe(true); // astral after U+FF0C, as UTF-8 bytes
  });
  it('raises bad_argument errors for other types', () => {
    lpcError(() => ops.lt(1, 'a'), 'Bad argument 2 to <, Expected: int or float Got: "a".');
    lpcError(() => ops.le(f(1), [1]), 'Bad argument 2 to <=, Expected: int or float Got: ({1}).');
    lpcError(() => ops.gt('a', 1), 'Bad argument 2 to >, Expected: string Got: 1.');
    lpcError(() => ops.ge([], 1), 'Bad argument 1 to >=, Expected: int or string or float Got: ({ }).');
    lpcError(() => ops.lt(mapping(), mapping()), 'Bad argument 1 to <, Expected: int or string or float Got: ([ ]).');
  });
});

describe('castTo', () => {
  it('is a no-op, as in MudOS v22 (casts only change the compile-time type)', () => {
    expect(ops.castTo('int', '12abc')).toBe('12abc');
    expect(ops.castTo('float', 3)).toBe(3);
    expect(ops.castTo('string', 5)).toBe(5);
    const a = [1];
    expect(ops.castTo('mixed *', a)).toBe(a);
  });
});

describe('truncToInt', () => {
  it('truncates toward zero and gives the minimum int out of range, like x86-64', () => {
    expect(ops.truncToInt(1.9)).toBe(1);
    expect(ops.truncToInt(-1.9)).toBe(-1);
    expect(isPlainZero(ops.truncToInt(-0.5) as number)).toBe(true);
    expect(ops.truncToInt(1e10)).toBe(10000000000);
    expect(ops.truncToInt(2 ** 62)).toBe(4611686018427387904n);
    expect(ops.truncToInt(-(2 ** 63))).toBe(MIN);
    expect(ops.truncToInt(2 ** 63)).toBe(MIN);
    expect(ops.truncToInt(NaN)).toBe(MIN);
  });
});

describe('setValueDescriber', () => {
  it('lets the %O formatter replace the text after "Got:"', () => {
    ops.setValueDescriber((v) => `<${typeof v}>`);
    try {
      lpcError(() => ops.lt(1, 'a'), 'Bad argument 2 to <, Expected: int or float Got: <string>.');
    } finally {
      ops.setValueDescriber();
    }
    lpcError(() => ops.lt(1, 'a'), 'Bad argument 2 to <, Expected: int or float Got: "a".');
  });
});

describe('container limits (MaxArraySize, MaxMappingSize)', () => {
  it('are unlimited until the runtime sets them', () => {
    const big = new Array(20000).fill(0);
    expect((ops.add(big, big) as Value[]).length).toBe(40000);
  });
  it('raise errors instead of truncating once set', () => {
    ops.setContainerLimits({ maxArraySize: 3, maxMappingSize: 2 });
    try {
      expect(ops.add([1], [2, 3])).toEqual([1, 2, 3]);
      lpcError(() => ops.add([1, 2], [3, 4]), 'result of array addition is greater than maximum array size.');
      lpcError(() => ops.addEq([1, 2], [3, 4]), 'result of array addition is greater than maximum array size.');
      expect(ops.bor([1], [2, 3])).toEqual([1, 2, 3]);
      expect(ops.bor([], [1, 2, 3])).toEqual([1, 2, 3]);
      // MudOS checks sizeof(a) + sizeof(b), even when the union would fit.
      lpcError(() => ops.bor([1, 2], [2, 3]), 'result of array union could be greater than maximum array size.');
      lpcError(() => ops.setRange([1, 2], 0, 0, false, false, [7, 8, 9]), 'Illegal array size.');
      expect(ops.setRange([1, 2, 3], 0, 0, false, false, [7])).toEqual([7, 2, 3]);
      lpcError(() => ops.add(mapping([1, 1], [2, 2]), mapping([3, 3])), 'Mapping too large.');
      expect((ops.add(mapping([1, 1], [2, 2]), mapping([2, 3])) as LMapping).size).toBe(2);
      const m = mapping([1, 1], [2, 2]);
      lpcError(() => ops.setIndex(m, 3, 3), 'Mapping too large.');
      expect(ops.setIndex(m, 2, 9)).toBe(m); // replacing an existing key is fine
      lpcError(() => ops.addEq(m, mapping([4, 4])), 'Mapping too large.');
    } finally {
      ops.setContainerLimits({ maxArraySize: Infinity, maxMappingSize: Infinity });
    }
  });
});

describe('int operators agree with a 64-bit bigint reference (deterministic random values)', () => {
  const wrap = (b: bigint) => BigInt.asIntN(64, b);
  const norm = (b: bigint): number | bigint => {
    const w = wrap(b);
    return w >= BigInt(-SAFE) && w <= BigInt(SAFE) ? Number(w) : w;
  };
  let seed = 0x2545f491;
  const rand = () => {
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed;
  };
  // Values clustered where representations change: 0, int32 edges, the safe
  // boundary, the int64 edges, plus plain random 64-bit values.
  const anchors = [0n, 1n, -1n, 2n ** 31n, -(2n ** 31n), BigInt(SAFE), -BigInt(SAFE), 2n ** 53n, MAX, MIN];
  const sample = (): bigint => {
    const r = rand() % 4;
    if (r === 0) return anchors[rand() % anchors.length] + BigInt((rand() % 7) - 3);
    if (r === 1) return BigInt((rand() % 2001) - 1000);
    return wrap((BigInt(rand()) << 32n) | BigInt(rand()));
  };
  const values: (number | bigint)[] = [];
  for (let i = 0; i < 400; i++) values.push(norm(sample()));
  const B = (v: number | bigint) => BigInt(v);
  const trunc = (a: bigint, b: bigint) => a / b; // bigint division truncates toward zero

  const cases: [string, (a: number | bigint, b: number | bigint) => Value, (a: bigint, b: bigint) => bigint | null][] = [
    ['+', ops.add, (a, b) => a + b],
    ['-', ops.sub, (a, b) => a - b],
    ['*', ops.mul, (a, b) => a * b],
    ['/', ops.div, (a, b) => (b === 0n ? null : trunc(a, b))],
    ['%', ops.mod, (a, b) => (b === 0n ? null : a % b)],
    ['&', ops.band, (a, b) => a & b],
    ['|', ops.bor, (a, b) => a | b],
    ['^', ops.bxor, (a, b) => a ^ b],
    ['<<', ops.shl, (a, b) => a << BigInt.asUintN(6, b)],
    ['>>', ops.shr, (a, b) => a >> BigInt.asUintN(6, b)],
  ];
  for (const [name, op, ref] of cases) {
    it(`${name} on ${values.length * 8} pairs`, () => {
      for (let i = 0; i < values.length; i++) {
        for (let k = 0; k < 8; k++) {
          const a = values[i];
          const b = values[(i * 7 + k * 13 + 1) % values.length];
          const want = ref(B(a), B(b));
          if (want === null) continue;
          const got = op(a, b);
          if (got !== norm(want) || Object.is(got, -0)) {
            throw new Error(`${a} ${name} ${b}: got ${String(got)}, want ${String(norm(want))}`);
          }
        }
      }
    });
  }
  it('unary -, ~ and comparisons', () => {
    for (let i = 0; i < values.length; i++) {
      const a = values[i];
      const b = values[(i * 11 + 5) % values.length];
      expect(ops.neg(a)).toBe(norm(-B(a)));
      expect(ops.bnot(a)).toBe(norm(~B(a)));
      expect(ops.lt(a, b)).toBe(B(a) < B(b));
      expect(ops.ge(a, b)).toBe(B(a) >= B(b));
      expect(ops.eq(a, b)).toBe(B(a) === B(b));
    }
  });
});

describe('array set operations compare 64-bit ints exactly', () => {
  it('does not confuse ints that differ by a multiple of 2^32 (a Neolith alist_cmp bug)', () => {
    expect(ops.sub([0, 4294967296], [4294967296])).toEqual([0]);
    expect(ops.band([0, 4294967296], [0])).toEqual([0]);
    expect(ops.bor([0], [4294967296])).toEqual([0, 4294967296]);
    expect(ops.sub([MAX, MIN], [MIN])).toEqual([MAX]);
  });
});
