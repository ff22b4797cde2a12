// sprintf()'s cached plans (driver/efuns/sprintf-plan.ts) must print exactly
// what the full formatter prints, and must step aside for what they do not
// handle. Each case is run through both paths.
import { describe, expect, it } from 'vitest';
import { formatArgs, formatFull } from '../../driver/efuns/sprintf.js';
import { planOf, runPlan } from '../../driver/efuns/sprintf-plan.js';
import { LFloat, type Value } from '../../driver/vm/values.js';
import { strlen } from '../../driver/vm/strings.js';
import { createFakeRuntime } from './fake-runtime.js';

const rt = createFakeRuntime();

/** The text, or the error message, of one formatting. */
function outcome(run: () => string): string {
  try {
    return 'ok ' + run();
  } catch (e) {
    return 'error ' + (e as Error).message;
  }
}

const FORMATS = [
  '%s', '%d', '%i', '%-8s|%8d|%s', '%8s', '%-8s', '%-8s\n', '%-8s', '%5d', '%-5d', '%-5d\n', '%+d', '% d', '%+ d',
  '% +d', '%.3d', '%8.3d', '%-8.3d|', '%.5s', '%10.5s|', 'x%%y%sz', '%s: %d\n', 'a\n%-6sb', '%-6s\n%-6s', '',
  'plain text', '%-3s%-3s%-3s', '%3d%3d',
];
// Strings first, then ints, then a mix, so most formats meet both fitting and unfitting arguments.
const ARGS: Value[][] = [
  ['abc', 'de', 'f', 'gh', 'ij', 'k'], [7, -8, 0, 12345, -99999, 3], ['ab', 12, 'cd', 34, 'ef', 56],
  ['abc', 7, 'z', 1, 2, 3], ['', 0, '', 0, 0, 0], ['a long string value', -12345, 'q', -1, 5, 6],
  [0, -0, 0, 99999999, 1, 1], ['ab\n', 42, 'x\n', 3, 3, 3], ['héllo', 9007199254740991, '😀x', -9007199254740991, 0, 0],
  ['12345', 123, '1234567890', 12, 1234, 0],
];

describe('sprintf plans', () => {
  for (const fmt of FORMATS) {
    it(`agree with the full formatter on ${JSON.stringify(fmt)}`, () => {
      for (const args of ARGS) {
        expect(outcome(() => formatArgs(rt, fmt, args))).toBe(outcome(() => formatFull(rt, fmt, args)));
      }
    });
  }

  it('are made only for simple formats', () => {
    expect(planOf('%-8s|%8d|%s')).not.toBeNull();
    for (const fmt of ['%05d', '%x', '%O', '%=10s', '%#10s', '%*d', '%@s', "%'.'10s", '%f', '%c', '%|8s']) {
      expect(planOf(fmt)).toBeNull();
    }
  });

  it('step aside for arguments they do not format simply', () => {
    const plan = planOf('%s|%d')!;
    expect(runPlan(rt, plan, ['a', 1])).toBe('a|1');
    expect(runPlan(rt, plan, [1, 1])).toBeUndefined();
    expect(runPlan(rt, plan, ['a', new LFloat(1.5)])).toBeUndefined();
    expect(runPlan(rt, plan, ['a', 1n << 60n])).toBeUndefined();
    expect(runPlan(rt, plan, ['a'])).toBeUndefined();
    expect(runPlan(rt, planOf('%5s')!, ['\x1b[1mx'])).toBeUndefined();
    expect(runPlan(rt, planOf('%.2s')!, ['abc'])).toBeUndefined();
  });

  it('leave code-point lengths of their results right (results are noted surrogate-free only when they are)', () => {
    // Halves of one pair from two arguments, a pair in a padded field, and in the format itself.
    expect(strlen(formatArgs(rt, '%s%s', ['\uD83D', '\uDE00']))).toBe(1);
    expect(strlen(formatArgs(rt, '%-4s|%d', ['😀', 5]))).toBe(6);
    expect(strlen(formatArgs(rt, '😀%s', ['ab']))).toBe(3);
    expect(strlen(formatArgs(rt, '%s', ['x'.repeat(100) + '😀']))).toBe(101);
    expect(strlen(formatArgs(rt, '%-8s|%8d|%s', ['w12', 7, 'z']))).toBe(19);
  });

  it('leave the errors to the full formatter', () => {
    expect(() => formatArgs(rt, '%s %s', ['a'])).toThrow(/More arguments specified than passed/);
    expect(() => formatArgs(rt, '%d', ['a'])).toThrow(/Incorrect argument type to %d/);
  });
});
