// DES crypt(3) (driver/efuns/des-crypt.ts) and the crypt() efun.
import { describe, expect, it } from 'vitest';
import { efuns } from '../../driver/efuns/strings.js';
import { desCrypt } from '../../driver/efuns/des-crypt.js';
import type { Value } from '../../driver/vm/values.js';
import { createFakeRuntime, efunCaller } from './fake-runtime.js';

const rt = createFakeRuntime();
/** Calls a string efun by name through its declaration (argument checks included). */
const efun = efunCaller(efuns, rt);
const call = (name: string, ...args: Value[]) => efun(name)(...args);

describe('crypt', () => {
  it('matches the C library DES crypt', () => {
    // Reference values from glibc crypt(3) (perl -e 'print crypt("test","ab")').
    expect(desCrypt('test', 'ab')).toBe('abgOeLfPimXQo');
    expect(desCrypt('password', 'xy')).toBe('xyAjYtmfRYx/.');
    expect(desCrypt('longpassword123', 'Zz')).toBe('ZzIyHEjAFZRko');
    expect(desCrypt('', '..')).toBe('..X8NBuQ4l6uQ');
  });
  it('verifies with the hash as salt, and makes a salt when none is given', () => {
    const h = call('crypt', 'secret', 0) as string;
    expect(h).toHaveLength(13);
    expect(call('crypt', 'secret', h)).toBe(h);
    expect(call('crypt', 'Secret', h)).not.toBe(h);
  });
});
