import { describe, expect, it } from 'vitest';
import { runLpc } from './run-lpc.js';

describe('codegen: int fast paths fall back to exact 64-bit arithmetic', () => {
  it('overflows into bigint and wraps like MudOS', async () => {
    const r = await runLpc({
      '/app.c': `void create() {
        int a = 9007199254740991;
        int b = a + 1;
        write(b + " " + (b - 1) + " " + (a * 3) + " " + (9223372036854775807 + 1) + "\\n");
      }`,
    });
    expect(r.out).toBe('9007199254740992 9007199254740991 27021597764222973 -9223372036854775808\n');
  });

  it('keeps int division truncating and float division real', async () => {
    const r = await runLpc({ '/app.c': 'void create() { write(sprintf("%d %d %O\\n", 7 / 2, -7 / 2, 1.0 / 2)); }' });
    expect(r.out).toBe('3 -3 0.500000\n');
  });
});

describe('codegen: compile errors', () => {
  it('reports MudOS style "file line N: message" and fails the load', async () => {
    const r = await runLpc({ '/app.c': 'void create() {\n  write(nope);\n}\n' });
    expect(r.err).toContain("/app.c line 2: Undefined variable 'nope'");
    expect(r.code).toBe(1);
  });
});

describe('codegen: call_outs and shutdown', () => {
  it('runs call_outs in due order on the virtual clock and exits with shutdown()s code', async () => {
    const r = await runLpc({
      '/app.c': `void tick(string s) { write(s); }
        void stop() { shutdown(4); }
        void create() { call_out("tick", 1, "b"); call_out("tick", 0, "a"); call_out("stop", 2); call_out("tick", 3, "never"); }`,
    });
    expect(r.out).toBe('ab');
    expect(r.code).toBe(4);
  });
});

describe('codegen: eval cost', () => {
  it('stops a runaway loop with an uncatchable error and keeps the driver alive', async () => {
    const r = await runLpc({
      '/app.c': `void spin() { catch { while (1); } write("caught?\\n"); }
        void after() { write("alive\\n"); }
        void create() { call_out("spin", 0); call_out("after", 0); }`,
    }, { maxEvaluationCost: 10000 });
    expect(r.out).toBe('alive\n');
    // The catch it unwinds through re-raises it as its own error (MudOS do_catch).
    expect(r.err).toContain("*Can't catch eval cost too big error.");
  });
});

describe('compile cache', () => {
  it('reuses a cached program in a new runtime and misses when an include changes', async () => {
    const { MemoryHost } = await import('../../driver/vm/host.js');
    const { createRuntime, runApp } = await import('../../driver/app.js');
    const host = new MemoryHost({
      '/app.c': '#include "n.h"\ninherit "/base";\nclass pt { int x; }\nvoid create() { class pt p = new(class pt, x: N); write(base() + p->x + "\\n"); }',
      '/base.c': 'int b = 2;\nint base() { return b * 10; }',
      '/n.h': '#define N 1',
    });
    const run = async () => {
      host.out = '';
      const opts = { host, appPath: '/app.c', args: [] };
      return { code: await runApp(opts, createRuntime(opts)), out: host.out };
    };
    expect(await run()).toEqual({ code: 0, out: '21\n' });
    const hits: string[] = [];
    const get = host.cacheGet.bind(host);
    host.cacheGet = (key: string) => {
      const v = get(key);
      if (v !== undefined) hits.push(key);
      return v;
    };
    expect(await run()).toEqual({ code: 0, out: '21\n' });
    expect(hits.filter((k) => k.startsWith('p'))).toHaveLength(2);
    hits.length = 0;
    host.files.set('/n.h', '#define N 5');
    expect(await run()).toEqual({ code: 0, out: '25\n' });
    expect(hits.filter((k) => k.startsWith('p'))).toHaveLength(1); // base.c still hits, app.c recompiled
  });
});

describe('inheritance limits', () => {
  it('refuses a chain deeper than MaxInheritDepth', async () => {
    const files: Record<string, string> = { '/i0.c': 'int f() { return 0; }' };
    for (let i = 1; i <= 4; i++) files[`/i${i}.c`] = `inherit "/i${i - 1}";`;
    files['/app.c'] = 'void create() { write(catch(load_object("/i4")) + "\\n"); write(load_object("/i2")->f() + "\\n"); }';
    const r = await runLpc(files, { maxInheritDepth: 4 });
    expect(r.out).toBe("*Error in loading object '/i4'\n\n0\n");
    expect(r.err).toContain('/i4.c line 1: Too deep inheritance');
  });
});

describe('simul_efuns', () => {
  it('override efuns in calls and pointers, and efun:: reaches the original', async () => {
    const r = await runLpc({
      '/sefun.c': 'int strlen(string s) { return 1000 + efun::strlen(s); }\nstring shout(string s) { return upper_case(s) + "!"; }',
      '/app.c': 'void create() { function f = (: strlen :); write(sprintf("%d %d %s %d\\n", strlen("abc"), efun::strlen("abc"), shout("hi"), evaluate(f, "xy"))); }',
    }, {}, '/sefun.c');
    expect(r.out).toBe('1003 3 HI! 1002\n');
  });
});
