import { describe, expect, it } from 'vitest';
import { efuns, expandEnv, processEnv } from '../../driver/efuns/envsubst.js';
import { createFakeRuntime } from './fake-runtime.js';

const env: Record<string, string> = { HOST: 'example.org', PORT: '6000', EMPTY: '', _x1: 'u' };
const expand = (s: string) => expandEnv(s, (name) => env[name]);

describe('envsubst', () => {
  it('expands $VAR and ${VAR}', () => {
    expect(expand('http://$HOST:${PORT}/')).toBe('http://example.org:6000/');
    expect(expand('$_x1$_x1')).toBe('uu');
    expect(expand('$HOSTNAME')).toBe('');
  });
  it('uses ${VAR:-default} when the variable is unset or empty', () => {
    expect(expand('${MISSING:-localhost}')).toBe('localhost');
    expect(expand('${EMPTY:-fallback}')).toBe('fallback');
    expect(expand('${HOST:-fallback}')).toBe('example.org');
    expect(expand('${MISSING:-}x')).toBe('x');
  });
  it('expands unset variables without a default to nothing', () => {
    expect(expand('[${MISSING}]')).toBe('[]');
  });
  it('keeps a $ that starts no reference', () => {
    expect(expand('cost: $5 and $')).toBe('cost: $5 and $');
    expect(expand('${unterminated')).toBe('${unterminated');
    expect(expand('${1BAD}')).toBe('${1BAD}');
    expect(expand('${}')).toBe('${}');
    expect(expand('$$HOST')).toBe('$example.org');
  });
  it('keeps a name longer than 255 characters as text', () => {
    const long = 'A'.repeat(256);
    expect(expand('$' + long)).toBe('$' + long);
  });
  it('returns the input unchanged when the result exceeds 64 KiB', () => {
    const big: Record<string, string> = { BIG: 'x'.repeat(40_000) };
    const s = '$BIG$BIG';
    expect(expandEnv(s, (n) => big[n])).toBe(s);
    expect(expandEnv('$BIG', (n) => big[n]).length).toBe(40_000);
  });
  it('the efun reads the process environment', () => {
    process.env.LAPIS_ENVSUBST_TEST = 'yes';
    const d = efuns.decls.find((x) => x.name === 'envsubst')!;
    expect(d.impl(createFakeRuntime(), 'is ${LAPIS_ENVSUBST_TEST}')).toBe('is yes');
    expect(processEnv('LAPIS_ENVSUBST_TEST')).toBe('yes');
    delete process.env.LAPIS_ENVSUBST_TEST;
  });
});
