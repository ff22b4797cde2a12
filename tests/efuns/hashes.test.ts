// crc32 and the digests (driver/efuns/hashes.ts) and their efuns: MudOS's
// CRC-32 variant, and md5/sha1/sha224/sha256 checked against OpenSSL.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { efuns } from '../../driver/efuns/strings.js';
import { crc32, HASHES } from '../../driver/efuns/hashes.js';
import { LBuffer, type Value } from '../../driver/vm/values.js';
import { createFakeRuntime, efunCaller } from './fake-runtime.js';

const rt = createFakeRuntime();
/** Calls a string efun by name through its declaration (argument checks included). */
const efun = efunCaller(efuns, rt);
const call = (name: string, ...args: Value[]) => efun(name)(...args);

describe('crc32', () => {
  it('computes MudOS CRC-32 (no final inversion) of strings and buffers', () => {
    expect(crc32(new TextEncoder().encode('hello'))).toBe(0xc9ef5979);
    expect(call('crc32', 'hello')).toBe(0xc9ef5979);
    expect(call('crc32', new LBuffer(new TextEncoder().encode('hello')))).toBe(0xc9ef5979);
    expect(call('crc32', '')).toBe(0xffffffff);
  });
});

describe('hashes', () => {
  const inputs = ['', 'abc', '12345', 'something', '你好, world', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(200)];
  for (const algo of Object.keys(HASHES)) {
    it(`computes ${algo} like OpenSSL`, () => {
      for (const s of inputs) expect(HASHES[algo](new TextEncoder().encode(s))).toBe(createHash(algo).update(s).digest('hex'));
    });
  }
  it('declares sha1() and hash()', () => {
    expect(call('sha1', 'something')).toBe('1af17e73721dbe0c40011b82ed4bb1a7dbe3ce29');
    expect(call('hash', 'md5', '11111')).toBe('b0baee9d279d34fa1dfd71aadb908c3f');
    expect(call('hash', 'sha256', new LBuffer(new TextEncoder().encode('12345'))))
      .toBe('5994471abb01112afcc18159f6cc74b4f511b99806da59b3caf5a9c173cacfc5');
    expect(() => call('hash', 'sha999', 'x')).toThrow(/unsupported algorithm/);
  });
});
