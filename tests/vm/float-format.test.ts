// driver/vm/float-format.ts: C printf float conversions, exact like glibc.
// Expected texts are what C's printf gives for the same double.
import { describe, expect, it } from 'vitest';
import { floatToString, formatFloat, formatFloatG } from '../../driver/vm/float-format.js';

describe('formatFloat', () => {
  it('rounds %f ties to even on the exact value', () => {
    expect(formatFloat(2.5, 'f', 0, '')).toBe('2');
    expect(formatFloat(3.5, 'f', 0, '')).toBe('4');
    expect(formatFloat(0.125, 'f', 2, '')).toBe('0.12');
    expect(formatFloat(0.375, 'f', 2, '')).toBe('0.38');
    expect(formatFloat(1e22, 'f', 1, '')).toBe('10000000000000000000000.0');
  });
  it('prints %e and %E with at least two exponent digits', () => {
    expect(formatFloat(12345.678, 'e', 3, '')).toBe('1.235e+04');
    expect(formatFloat(1e-300, 'E', 2, '')).toBe('1.00E-300');
    expect(formatFloat(0, 'e', 0, '')).toBe('0e+00');
  });
  it('picks %g form by exponent and strips zeros', () => {
    expect(formatFloat(0.0001, 'g', 6, '')).toBe('0.0001');
    expect(formatFloat(0.00001, 'g', 6, '')).toBe('1e-05');
    expect(formatFloat(123456789, 'G', 4, '')).toBe('1.235E+08');
    expect(formatFloat(100, 'g', 0, '')).toBe('1e+02');
  });
  it('applies the sign flags, and - to -0', () => {
    expect(formatFloat(1.5, 'f', 1, '+')).toBe('+1.5');
    expect(formatFloat(1.5, 'f', 1, ' ')).toBe(' 1.5');
    expect(formatFloat(-0, 'f', 2, '+')).toBe('-0.00');
    expect(formatFloat(Infinity, 'G', 6, '+')).toBe('+INF');
    expect(formatFloat(NaN, 'f', 6, '')).toBe('nan');
  });
  it('is what floatToString (%f) and formatFloatG (%g) print', () => {
    for (const x of [0, -0, 0.5, 2.5e-7, 0.0078125, 999999.5, 4e9 + 0.5, -1e300, 1 / 3, 5e-324]) {
      expect(floatToString(x)).toBe(formatFloat(x, 'f', 6, ''));
      expect(formatFloatG(x)).toBe(formatFloat(x, 'g', 6, ''));
    }
    expect(floatToString(0.0078125)).toBe('0.007812');
    expect(formatFloatG(999999.5)).toBe('1e+06');
  });
});
