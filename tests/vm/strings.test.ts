import { describe, expect, it } from 'vitest';
import {
  charAt, compareCodePoints, cpToUtf16, fromCodePoint, hasAstral, isValidCodePoint,
  replaceCodePoint, sliceCodePoints, strlen, utf16ToCp,
} from '../../driver/vm/strings.js';

const EMOJI = '\u{1F600}'; // 😀, two UTF-16 units
const MIXED = `a你${EMOJI}好${EMOJI}z`; // 6 code points, 8 UTF-16 units

describe('hasAstral', () => {
  it('is false for ASCII and BMP text', () => {
    expect(hasAstral('')).toBe(false);
    expect(hasAstral('hello')).toBe(false);
    expect(hasAstral('你好，世界')).toBe(false);
  });
  it('is true for a surrogate pair or a lone surrogate', () => {
    expect(hasAstral(EMOJI)).toBe(true);
    expect(hasAstral('x\uD800')).toBe(true);
  });
  it('answers correctly when alternating between strings (cache is keyed by the string)', () => {
    for (let k = 0; k < 3; k++) {
      expect(hasAstral(MIXED)).toBe(true);
      expect(hasAstral('plain')).toBe(false);
    }
  });
});

describe('strlen', () => {
  it('counts code points', () => {
    expect(strlen('')).toBe(0);
    expect(strlen('abc')).toBe(3);
    expect(strlen('你好')).toBe(2);
    expect(strlen(EMOJI)).toBe(1);
    expect(strlen(MIXED)).toBe(6);
  });
  it('counts a lone surrogate as one code point', () => {
    expect(strlen('a\uD800b')).toBe(3);
    expect(strlen('\uDC00\uD800')).toBe(2); // reversed pair is two lone surrogates
  });
  it('stays right after the offset table was cached for another string', () => {
    expect(strlen(MIXED)).toBe(6);
    expect(strlen(`${EMOJI}${EMOJI}`)).toBe(2);
    expect(strlen(MIXED)).toBe(6);
  });
});

describe('charAt', () => {
  it('returns code points by code-point index', () => {
    expect(charAt('abc', 1)).toBe(98);
    expect(charAt('你好', 0)).toBe(0x4f60);
    expect(charAt('你好', 1)).toBe(0x597d);
    expect(charAt(MIXED, 0)).toBe(97);
    expect(charAt(MIXED, 2)).toBe(0x1f600);
    expect(charAt(MIXED, 3)).toBe(0x597d);
    expect(charAt(MIXED, 4)).toBe(0x1f600);
    expect(charAt(MIXED, 5)).toBe(122);
  });
  it('returns a lone surrogate as its own code', () => {
    expect(charAt('a\uD800b', 1)).toBe(0xd800);
    expect(charAt('a\uD800b', 2)).toBe(98);
  });
});

describe('cpToUtf16', () => {
  it('is the identity for BMP strings', () => {
    expect(cpToUtf16('你好', 2)).toBe(2);
  });
  it('skips surrogate pairs', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => cpToUtf16(MIXED, i))).toEqual([0, 1, 2, 4, 5, 7, 8]);
  });
});

describe('utf16ToCp', () => {
  it('is the identity for BMP strings', () => {
    expect(utf16ToCp('你好', 1)).toBe(1);
    expect(utf16ToCp('abc', 3)).toBe(3);
  });
  it('inverts cpToUtf16 on strings with surrogate pairs', () => {
    for (let i = 0; i <= 6; i++) expect(utf16ToCp(MIXED, cpToUtf16(MIXED, i))).toBe(i);
  });
  it('maps the middle of a pair to the pair', () => {
    expect(utf16ToCp(MIXED, 3)).toBe(2); // MIXED[2..3] is the first emoji
    expect(utf16ToCp(MIXED, 6)).toBe(4);
  });
  it('maps positions from indexOf to code points', () => {
    expect(utf16ToCp(MIXED, MIXED.indexOf('z'))).toBe(5);
    expect(utf16ToCp(MIXED, MIXED.length)).toBe(6);
    expect(utf16ToCp(MIXED, 0)).toBe(0);
  });
});

describe('sliceCodePoints', () => {
  it('slices by code point, hi exclusive', () => {
    expect(sliceCodePoints('abcdef', 1, 3)).toBe('bc');
    expect(sliceCodePoints(MIXED, 2, 4)).toBe(`${EMOJI}好`);
    expect(sliceCodePoints(MIXED, 0, 6)).toBe(MIXED);
  });
  it('clamps and gives "" for empty ranges', () => {
    expect(sliceCodePoints('abc', -5, 2)).toBe('ab');
    expect(sliceCodePoints('abc', 1, 99)).toBe('bc');
    expect(sliceCodePoints(MIXED, 4, 2)).toBe('');
    expect(sliceCodePoints(MIXED, -3, 99)).toBe(MIXED);
  });
});

describe('replaceCodePoint', () => {
  it('replaces one code point, returning a new string', () => {
    expect(replaceCodePoint('abc', 1, 0x58)).toBe('aXc');
    expect(replaceCodePoint('你好', 1, 0x1f600)).toBe(`你${EMOJI}`);
    expect(replaceCodePoint(MIXED, 2, 0x21)).toBe('a你!好😀z');
    expect(replaceCodePoint(MIXED, 5, 0x1f600)).toBe(`a你${EMOJI}好${EMOJI}${EMOJI}`);
  });
});

describe('fromCodePoint and isValidCodePoint', () => {
  it('builds one-character strings', () => {
    expect(fromCodePoint(65)).toBe('A');
    expect(fromCodePoint(0x4f60)).toBe('你');
    expect(fromCodePoint(0x1f600)).toBe(EMOJI);
  });
  it('accepts Unicode scalar values except NUL', () => {
    expect(isValidCodePoint(1)).toBe(true);
    expect(isValidCodePoint(0x10ffff)).toBe(true);
    expect(isValidCodePoint(0)).toBe(false);
    expect(isValidCodePoint(-1)).toBe(false);
    expect(isValidCodePoint(0x110000)).toBe(false);
    expect(isValidCodePoint(0xd800)).toBe(false);
    expect(isValidCodePoint(0xdfff)).toBe(false);
  });
});

describe('compareCodePoints', () => {
  it('orders like byte-wise UTF-8 comparison', () => {
    expect(compareCodePoints('a', 'b')).toBeLessThan(0);
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('', 'a')).toBeLessThan(0);
  });
  it('puts astral characters after U+E000..U+FFFF, unlike UTF-16 order', () => {
    const fullwidthComma = '\uFF0C';
    expect(EMOJI < fullwidthComma).toBe(true); // what JS's `<` says
    expect(compareCodePoints(EMOJI, fullwidthComma)).toBeGreaterThan(0);
    expect(compareCodePoints(fullwidthComma, EMOJI)).toBeLessThan(0);
    expect(compareCodePoints('\uD7FF', EMOJI)).toBeLessThan(0);
    expect(compareCodePoints('\u{1F600}', '\u{1F601}')).toBeLessThan(0);
  });
});

describe('the two-entry cache', () => {
  it('gives right answers when three strings take turns (entries evicted and rebuilt)', () => {
    const a = `x${EMOJI}y`;
    const b = `${EMOJI}${EMOJI}`;
    const c = 'plain text';
    for (let k = 0; k < 3; k++) {
      expect(charAt(a, 2)).toBe(121);
      expect(charAt(b, 1)).toBe(0x1f600);
      expect(strlen(c)).toBe(10);
      expect(cpToUtf16(a, 2)).toBe(3);
      expect(strlen(b)).toBe(2);
      expect(sliceCodePoints(a, 1, 3)).toBe(`${EMOJI}y`);
    }
  });
  it('builds the offset table for the second entry without disturbing the first', () => {
    const a = `${EMOJI}a`;
    const b = `b${EMOJI}`;
    expect(hasAstral(a)).toBe(true);
    expect(hasAstral(b)).toBe(true);
    expect(charAt(a, 1)).toBe(97); // a is entry B now
    expect(charAt(b, 1)).toBe(0x1f600);
    expect(strlen(a)).toBe(2);
  });
});
