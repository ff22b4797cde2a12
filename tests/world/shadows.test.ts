import { describe, expect, it } from 'vitest';
import { bootMud } from './helpers.js';

const FILES = {
  '/master.c': 'int valid_shadow(object ob) { return 1; }',
  '/target.c': `string f0() { return "t0"; } string f1(int a) { return "t1:" + a; }
    string f2(int a, int b) { return "t2:" + a + b; } string f3(int a, int b, int c) { return "t3:" + a + b + c; }`,
  '/shade.c': `string f0() { return "s0"; } string f1(int a) { return "s1:" + a; }
    string f2(int a, int b) { return "s2:" + a + b; } string f3(int a, int b, int c) { return "s3:" + a + b + c; }
    mixed wear(object ob) { return shadow(ob, 1); }`,
  '/caller.c': `string *all(object t) {
      return ({ t->f0(), t->f1(1), t->f2(1, 2), t->f3(1, 2, 3), call_other(t, "f1", 7), call_other(({ t }), "f0")[0] });
    }
    string *loop(object t) { string *out = ({}); for (int i = 0; i < 3; i++) out += ({ t->f1(i) }); return out; }`,
};

describe('shadows', () => {
  it('redirect call_other of every arity and through object arrays', () => {
    const mud = bootMud(FILES);
    const t = mud.rt.cloneObject('/target');
    expect(mud.call('/caller', 'all', t)).toEqual(['t0', 't1:1', 't2:12', 't3:123', 't1:7', 't0']);
    mud.call(mud.rt.cloneObject('/shade'), 'wear', t);
    expect(mud.call('/caller', 'all', t)).toEqual(['s0', 's1:1', 's2:12', 's3:123', 's1:7', 's0']);
  });

  it('switch dispatch off again once the last shadow is gone, and call sites notice', () => {
    const mud = bootMud(FILES);
    const t = mud.rt.cloneObject('/target');
    const s = mud.rt.cloneObject('/shade');
    expect(mud.call('/caller', 'loop', t)).toEqual(['t1:0', 't1:1', 't1:2']);
    mud.call(s, 'wear', t);
    expect(mud.rt.shadowDispatch).toBeDefined();
    expect(mud.call('/caller', 'loop', t)).toEqual(['s1:0', 's1:1', 's1:2']);
    mud.rt.destruct(s);
    expect(mud.rt.shadowDispatch).toBeUndefined();
    expect(mud.call('/caller', 'loop', t)).toEqual(['t1:0', 't1:1', 't1:2']);
  });
});

describe('replace_program', () => {
  it('takes effect for call sites that already saw the old program', () => {
    const mud = bootMud({
      '/master.c': 'void create() {}',
      '/base.c': 'string look() { return "base"; }',
      '/fancy.c': 'inherit "/base"; string look() { return "fancy"; } void simplify() { replace_program("/base"); }',
      '/caller.c': 'string *loop(object r) { string *out = ({}); for (int i = 0; i < 2; i++) out += ({ r->look() }); return out; }',
    });
    const r = mud.rt.cloneObject('/fancy');
    expect(mud.call('/caller', 'loop', r)).toEqual(['fancy', 'fancy']);
    mud.call(r, 'simplify');
    expect(mud.call('/caller', 'loop', r)).toEqual(['base', 'base']);
  });
});
