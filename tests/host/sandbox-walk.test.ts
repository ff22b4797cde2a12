// driver/host/sandbox-walk.ts, driven with a fake filesystem: `real` maps an
// existing path to what realpath(3) gives, `dangling` lists links lstat sees
// but realpath can't follow.
import { describe, expect, it } from 'vitest';
import { isInside, sandboxWalk, type SandboxAnswer, type SandboxProbe } from '../../driver/host/sandbox-walk.js';

function resolve(p: string, real: Record<string, string>, dangling: string[] = []): { result: string | undefined; probes: string[] } {
  const probes: string[] = [];
  const answer = (q: SandboxProbe): SandboxAnswer => {
    probes.push(`${q.op} ${q.path}`);
    if (q.op === 'realpath') return q.path in real ? { ok: true, real: real[q.path] } : { ok: false, code: 'ENOENT' };
    return dangling.includes(q.path) ? { ok: true, real: q.path } : { ok: false, code: 'ENOENT' };
  };
  const walk = sandboxWalk('/mud', p);
  let step = walk.next();
  while (!step.done) step = walk.next(answer(step.value));
  return { result: step.value, probes };
}

describe('sandboxWalk', () => {
  it('resolves an existing file in one realpath', () => {
    expect(resolve('/a/b.c', { '/mud/a/b.c': '/mud/a/b.c' })).toEqual({ result: '/mud/a/b.c', probes: ['realpath /mud/a/b.c'] });
  });
  it('appends missing components to the deepest existing ancestor', () => {
    const r = resolve('a/new/x.c', { '/mud/a': '/mud/real-a' });
    expect(r.result).toBe('/mud/real-a/new/x.c');
    expect(r.probes).toEqual([
      'realpath /mud/a/new/x.c', 'lstat /mud/a/new/x.c', 'realpath /mud/a/new', 'lstat /mud/a/new', 'realpath /mud/a',
    ]);
  });
  it('keeps .. from leaving the root (it stops at /)', () => {
    expect(resolve('../../etc/passwd', { '/mud/etc/passwd': '/mud/etc/passwd' }).result).toBe('/mud/etc/passwd');
  });
  it('refuses a symlink on the way that points outside', () => {
    expect(resolve('/link/x', { '/mud/link': '/etc' }).result).toBeUndefined();
  });
  it('refuses a dangling symlink', () => {
    expect(resolve('/dead', {}, ['/mud/dead']).result).toBeUndefined();
  });
  it('refuses when nothing up to the root exists', () => {
    expect(resolve('/x/y', {}).result).toBeUndefined();
  });
  it('refuses on an error other than a missing file', () => {
    const walk = sandboxWalk('/mud', '/a');
    walk.next();
    expect(walk.next({ ok: false, code: 'EACCES' })).toEqual({ done: true, value: undefined });
  });
});

describe('isInside', () => {
  it('takes the root and paths below it, not a sibling sharing its prefix', () => {
    expect(isInside('/mud', '/mud')).toBe(true);
    expect(isInside('/mud', '/mud/a')).toBe(true);
    expect(isInside('/mud', '/mudlib')).toBe(false);
  });
});
