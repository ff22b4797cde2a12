// Hostile LPC at run time (app mode): whatever a program does — recursing
// without end through call_other, pointers, sort comparators and map
// callbacks; growing strings, arrays and mappings past their limits;
// destructing itself mid-call; throwing odd values; call_out storms — it gets
// an LPC error (with a traceback when uncaught) and the driver keeps running:
// each program schedules `after()` first, and `after()` must still run.
import { describe, expect, it } from 'vitest';
import { runLpc } from '../codegen/run-lpc.js';

/** Runs `body` as create()'s second half, after scheduling after() (which prints "alive"). */
async function hostile(decls: string, body: string, extra: Record<string, string> = {}) {
  const src = `${decls}\nvoid after() { write("alive\\n"); }\nvoid create() {\n  if (clonep()) return;\n  call_out("after", 1);\n  ${body}\n}\n`;
  const r = await runLpc({ '/app.c': src, ...extra });
  expect(r.out).toMatch(/alive\n$/);
  return r;
}

describe('hostile LPC leaves the driver running', () => {
  it.each([
    ['call_other', 'int f(int n) { return this_object()->f(n + 1); }', 'f(0);', "'              f' in '/app.c' ('/app') line 1"],
    ['function pointers', 'function g = (: f :); int f(int n) { return evaluate(g, n + 1); }', 'f(0);', "'              f' in '/app.c'"],
    ['sort comparator', 'int cmp(mixed a, mixed b) { return sizeof(sort_array(({ 3, 1, 2 }), "cmp")); }', 'sort_array(({ 3, 1, 2 }), "cmp");', "'            cmp' in '/app.c'"],
    ['map callback', 'mixed m(mixed x) { return map(({ 1 }), "m"); }', 'map(({ 1, 2 }), "m");', "'              m' in '/app.c'"],
    ['filter callback', 'mixed m(mixed x) { return sizeof(filter(({ 1 }), "m")); }', 'filter(({ 1, 2 }), "m");', "'              m' in '/app.c'"],
  ])('endless recursion through %s is an uncatchable error with a traceback', async (_what, decls, body, frame) => {
    const r = await hostile(decls, `catch(${body.replace(/;$/, '')}); write("not reached\\n");`);
    expect(r.out).toBe('alive\n');
    expect(r.err).toContain("*Can't catch too deep recursion error.");
    expect(r.err).toContain(frame);
  });

  it('enforces MaxArraySize on array addition (a += a used to grow to 122M elements first)', async () => {
    const r = await hostile('mixed a = allocate(15000); void g() { while (1) a += a; } void h() { while (1) a = a + ({ 1 }); }',
      'write(catch(g()) + " " + sizeof(a) + "\\n"); write(catch(h()) + " " + sizeof(a) + "\\n");');
    expect(r.out).toBe('*result of array addition is greater than maximum array size.\n 15000\n'.repeat(2) + 'alive\n');
  });

  it('enforces MaxMappingSize on m[k] = v stores (they used to bypass the limit)', async () => {
    const r = await hostile('mapping m = ([]); void g() { int i; while (1) m[i++] = 1; } void h(mapping x) { x["new"] = 1; }',
      'write(catch(g()) + " " + sizeof(m) + "\\n"); write(catch(h(m)) + " " + sizeof(m) + "\\n"); m[0] = 5; write(m[0] + "\\n");');
    expect(r.out).toBe('*Mapping too large.\n 15000\n*Mapping too large.\n 15000\n5\nalive\n');
  });

  it('says "String too large." when a string outgrows the engine (not "RangeError: Invalid string length")', async () => {
    const r = await hostile('string s = "x"; void g() { while (1) s += s; }',
      'write(catch(g()) + "\\n"); write(catch(sprintf("%-999999999s", "a")) + "\\n"); s = "y"; g();');
    expect(r.out).toBe('*String too large.\n\n*(s)printf(): BUFF_SIZE overflowed... (arg: 0)\n\nalive\n');
    expect(r.err).toContain('*String too large.');
    expect(r.err).not.toContain('RangeError');
  });

  it('rejects illegal allocations with LPC errors', async () => {
    const r = await hostile('', 'write(catch(allocate(100000000)) + catch(allocate(-1)) + catch(allocate_buffer(999999999)) + catch(restore_variable(implode(allocate(15000, "({"), ""))));');
    expect(r.out).toBe('*Illegal array size.\n'.repeat(2) + '*Illegal buffer size.\n*restore_object(): Illegal array format.\nalive\n');
  });

  it('copes with deep and cyclic values in copy, save_variable and sprintf', async () => {
    const r = await hostile('',
      'mixed a = ({}); for (int i = 0; i < 50000; i++) a = ({ a }); mixed b = ({ 0 }); b[0] = b;\n' +
      '  write(catch(save_variable(a)) + catch(copy(a)) + catch(copy(b)) + catch(save_variable(b)) + stringp(sprintf("%O", b)) + "\\n");');
    expect(r.out).toBe('*Mappings and/or arrays nested too deep (25) for save_object\n' +
      '*Mappings, arrays and/or classes nested too deep (25) for copy()\n'.repeat(2) +
      '*Mappings and/or arrays nested too deep (25) for save_object\n1\nalive\n');
  });

  it('survives an object destructing itself mid-call', async () => {
    const r = await hostile('void x() { destruct(this_object()); write("after destruct " + objectp(this_object()) + "\\n"); write(catch(this_object()->y()) + "\\n"); } void y() {}',
      'object o = new("/app"); write(catch(o->x()) + " " + objectp(o) + "\\n");');
    expect(r.out).toBe('after destruct 0\n0\n0 0\nalive\n');
  });

  it('throws odd values and uncaught errors without stopping later call_outs', async () => {
    const r = await hostile('void a() { throw(0); } void b() { error("in b"); }',
      'call_out("a", 0); call_out("b", 0);\n' +
      '  foreach (mixed v in ({ 0, ({ 1 }), ([ 1: 2 ]), 1.5, this_object() })) write(sprintf("%O\\n", catch(throw(v))));\n' +
      '  write(sprintf("%O\\n", catch(error(0))));\n  throw(({ "odd" }));');
    expect(r.out).toBe('"*Unspecified error"\n({ /* sizeof() == 1 */\n  1\n})\n([ /* sizeof() == 1 */\n  1 : 2,\n])\n1.500000\n/app\n"*Bad argument 1 to error()\\n"\nalive\n');
    expect(r.err).toContain('*Throw with no catch.');
    expect(r.err).toContain('*Unspecified error');
    expect(r.err).toContain('*in b');
  });

  it('handles shadows of destructed objects', async () => {
    // Neolith: a master (here the app) without valid_shadow() refuses every shadow.
    const r = await hostile('int valid_shadow(object o) { return 1; }',
      'object a = new("/target"), s = new("/sh"); write(s->go(a) + "\\n"); write(a->q() + "\\n"); destruct(s); write(a->q() + "\\n");\n' +
      '  object s2 = new("/sh"); destruct(a); write(catch(s2->go(a)) + "\\n");',
      { '/sh.c': 'string q() { return "sh"; } mixed go(object o) { return objectp(shadow(o, 1)); }', '/target.c': 'string q() { return "q"; }' });
    expect(r.out).toBe('1\nsh\nq\n*Bad argument 1 to shadow()\n\nalive\n');
  });

  it('runs a call_out storm to completion', async () => {
    const r = await hostile('int n; void f() { if (++n < 20000) { call_out("f", 0); call_out("f", 0); } }',
      'f(); call_out("done", 2);', {});
    expect(r.out).toBe('alive\n');
  });

  it('stops endless loops by eval cost', async () => {
    const r = await hostile('void g() { while (1); }', 'g();');
    expect(r.err).toContain('Too long evaluation');
  });

  it.each([
    ['errors', 'error("in handler");', '*in handler'],
    ['recurses', 'this_object()->error_handler(e, caught);', '*Too deep recursion.'],
    ['loops', 'while (1);', '*Too long evaluation. Execution aborted.'],
  ])('an error_handler that %s is reported and the original error still shown', async (_what, handler, why) => {
    const r = await hostile(`void error_handler(mapping e, int caught) { ${handler} }\nvoid a() { error("x"); }`, 'call_out("a", 0);');
    expect(r.err).toContain(`Error in error_handler: ${why}`);
    expect(r.err).toContain("*x\n'              a' in '/app.c'");
  });
});
