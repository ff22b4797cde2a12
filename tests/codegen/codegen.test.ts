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
    expect(r.err).toContain('*Too long evaluation. Execution aborted.');
  });
});
