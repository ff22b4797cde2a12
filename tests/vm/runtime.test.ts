// Runtime behaviour seen from LPC: driver-log tracebacks, recursion limits,
// call_other visibility and late binding across inherits.
import { describe, expect, it } from 'vitest';
import { runLpc } from '../codegen/run-lpc.js';

describe('uncaught errors without an error_handler', () => {
  it('print the message and one line per frame, innermost last, and the driver goes on', async () => {
    const r = await runLpc({
      '/app.c': [
        'int boom(int x) {',
        '  return x / 0;',
        '}',
        'void create() {',
        '  call_out("after", 0);',
        '  boom(1);',
        '}',
        'void after() { write("after\\n"); }',
      ].join('\n'),
    });
    expect(r.err).toBe(
      "*Division by zero.\n'         create' in '/app.c' ('/app') line 6\n'           boom' in '/app.c' ('/app') line 2\n",
    );
    expect(r.out).toBe('after\n');
  });

  it('name the other object for frames past a call_other', async () => {
    const r = await runLpc({
      '/app.c': 'void create() { "/other"->go(); }',
      '/other.c': 'void go() {\n  error("no");\n}',
    });
    expect(r.err).toBe("*no\n'         create' in '/app.c' ('/app') line 1\n'             go' in '/other.c' ('/other') line 2\n");
  });
});

describe('recursion limit', () => {
  it('raises the uncatchable "Too deep recursion." at MaxCallDepth; a catch turns it into its own uncatchable error (MudOS do_catch)', async () => {
    const r = await runLpc({
      '/app.c': 'int depth;\nint f(int n) { depth = n; return f(n + 1); }\nvoid create() { catch(f(1)); write("not here\\n"); }\nvoid error_handler(mapping e, int caught) { write(e["error"] + depth + "\\n"); }',
    }, { maxCallDepth: 20 });
    expect(r.out).toBe("*Can't catch too deep recursion error.\n19\n");
  });
});

describe('dispatch', () => {
  it('binds calls late: a child definition wins, over a private function of the parent too (MudOS v22, Neolith)', async () => {
    const r = await runLpc({
      '/base.c': 'string name() { return "base"; }\nprivate string secret() { return "s"; }\nstring show() { return name() + secret(); }',
      '/app.c': 'inherit "/base";\nstring name() { return "child"; }\nstring secret() { return "child-secret"; }\nvoid create() { write(show() + " " + ::name() + "\\n"); }',
    });
    expect(r.out).toBe('childchild-secret base\n');
  });

  it('hides static, private and protected functions from call_other but not from the object itself', async () => {
    const r = await runLpc({
      '/t.c': 'static int a() { return 1; }\nprivate int b() { return 2; }\nprotected int c() { return 3; }\npublic int d() { return a() + b() + c(); }',
      '/app.c': 'void create() { object t = load_object("/t"); write(sprintf("%d %d %d %d\\n", t->a(), t->b(), t->c(), t->d())); }',
    });
    expect(r.out).toBe('0 0 0 6\n');
  });
});

describe('object stack slots', () => {
  // Runtime.curSlot: the current and previous objects are numbered slots, not references.
  it('are given back by destructed objects, at once or (destruct(this_object())) once the call returns', async () => {
    const r = await runLpc({
      '/c.c': 'int v; void create() { v = 3; } int value() { return v; } void die() { destruct(this_object()); }',
      '/app.c': [
        'void create() {',
        '  int sum;',
        '  for (int i = 0; i < 3000; i++) { object ob = clone_object("/c"); sum += ob->value(); destruct(ob); }',
        '  for (int i = 0; i < 50; i++) clone_object("/c")->die();',
        '  write(sum + " " + sizeof(children("/c")) + "\\n");',
        '}',
      ].join('\n'),
    });
    expect(r.out).toBe('9000 1\n');
    // The app, the blueprint /c and the master side of the app run, at most: not one per clone.
    expect(r.rt.slotsInUse).toBeLessThanOrEqual(3);
  });
});
