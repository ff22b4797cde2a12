import { describe, expect, it } from 'vitest';
import type { Call, Expr, FunctionDecl, LocalVarDecl, Program } from '../../driver/lpc/ast.js';
import { checkProgram, isCompatible, type CheckEnv } from '../../driver/lpc/checker.js';
import { DiagnosticSink, formatDiagnostic } from '../../driver/lpc/diagnostics.js';
import { parseWithSink } from '../../driver/lpc/parser.js';
import { memHost } from './helpers.js';

const EFUNS: Record<string, string> = {
  write: 'void write(mixed)',
  strlen: 'int strlen(string)',
  sizeof: 'int sizeof(mixed)',
  implode: 'string implode(string *, string | function, void | mixed)',
  sprintf: 'string sprintf(string, ...)',
  call_other: 'mixed call_other(object | string, string, ...)',
  this_object: 'object this_object()',
};

/** Compiles `src` as /test.c with `lib` files available for inherit; returns formatted diagnostics and the program. */
function check(src: string, lib: Record<string, string> = {}, extra: Partial<CheckEnv> = {}) {
  const host = memHost({ '/test.c': src, ...lib });
  const options = { includeDirs: [], defines: {} };
  const env: CheckEnv = {
    inherited(path) {
      const p = (path.startsWith('/') ? path : '/' + path).replace(/(\.c)?$/, '.c');
      const sink = new DiagnosticSink([]);
      const { program } = parseWithSink(p, host, options, sink);
      if (sink.hasErrors() || host.readFile(p) === null) return null;
      return checkProgram(program, env, sink).iface;
    },
    efunSignature: (n) => EFUNS[n] ?? null,
    ...extra,
  };
  const sink = new DiagnosticSink([]);
  const { program } = parseWithSink('/test.c', host, options, sink);
  expect(sink.diagnostics.map(formatDiagnostic)).toEqual([]);
  const r = checkProgram(program, env, sink);
  return { program, ok: r.ok, iface: r.iface, messages: r.diagnostics.map(formatDiagnostic) };
}

function calls(program: Program): Call[] {
  const out: Call[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      if ((v as Expr).kind === 'Call') out.push(v as Call);
      Object.values(v).forEach(visit);
    }
  };
  visit(program.decls);
  return out;
}

describe('checker: scopes', () => {
  it('accepts locals, params, globals and block scoping', () => {
    const r = check('int g;\nint f(int p) {\n  int a = p + g;\n  { int b = a; a = b; }\n  { int b = 2; a += b; }\n  for (int i = 0; i < 3; i++) a += i;\n  foreach (int x in ({ 1 })) a += x;\n  return a;\n}');
    expect(r.messages).toEqual([]);
  });
  it('does not leak block locals', () => {
    expect(check('int f() {\n  { int b = 1; }\n  return b;\n}').messages).toEqual(["/test.c line 3: Undefined variable 'b'"]);
    expect(check('int f() {\n  for (int i = 0; i < 1; i++) ;\n  return i;\n}').messages).toEqual(["/test.c line 3: Undefined variable 'i'"]);
  });
  it('reports duplicate parameters as redeclared locals', () => {
    expect(check('void f(int a, int a) { }').messages).toEqual(["/test.c line 1: Illegal to redeclare local name 'a'"]);
  });
  it('allows forward calls to functions defined later', () => {
    expect(check('void f() { g(1); }\nvoid g(int x) { }').messages).toEqual([]);
  });
  it('requires existing variables for undeclared foreach variables', () => {
    expect(check('void f() {\n  foreach (x in ({ })) ;\n}').messages).toEqual(["/test.c line 2: Undefined variable 'x'"]);
  });
  it('keeps anonymous functions away from enclosing locals except through $()', () => {
    expect(check('void f() {\n  int n = 1;\n  function g = function(int x) { return x + $(n); };\n}').messages).toEqual([]);
    expect(check('void f() {\n  int n = 1;\n  function g = function(int x) { return x + n; };\n}').messages).toEqual([
      "/test.c line 3: Undefined variable 'n'",
    ]);
  });
  it('rejects enclosing locals inside (: :) unless captured with $()', () => {
    expect(check('int g;\nvoid f() {\n  int n = 1;\n  function a = (: $1 + g + $(n) :);\n}').messages).toEqual([]);
    expect(check('void f() {\n  int n = 1;\n  function a = (: $1 + n :);\n}').messages).toEqual([
      '/test.c line 3: Illegal to use local variable in a functional.',
    ]);
  });
  it('reads (: x :) over a variable as Neolith does: global → functional, local → error', () => {
    const r = check('int g;\nvoid f() {\n  function a = (: g :);\n}');
    expect(r.messages).toEqual([]);
    const fn = r.program.decls[1] as FunctionDecl;
    const decl = fn.body!.body[0] as LocalVarDecl;
    expect(decl.declarators[0].init).toMatchObject({ kind: 'FunctionPtr', form: 'expr', body: { kind: 'Identifier', name: 'g' } });
    expect(check('void f() {\n  int n;\n  function a = (: n :);\n}').messages).toEqual([
      '/test.c line 3: Illegal to use local variable in a functional.',
    ]);
  });
  it('checks function pointer targets', () => {
    expect(check('void g() { }\nvoid f() {\n  function a = (: g :), b = (: write, "x" :), c = (: efun::strlen :);\n  function d = (: nothing :);\n}').messages).toEqual([
      '/test.c line 4: Undefined function nothing',
    ]);
  });
});

describe('checker: call resolution (Call.resolved for codegen)', () => {
  it('annotates local, efun, simul_efun and function-variable calls', () => {
    const simul = { name: 'tell', returnType: { base: 'void' as const, arrayDepth: 0 }, params: [], modifiers: {}, defined: true, origin: '/secure/simul_efun.c' };
    const r = check('void mine() { }\nvoid f(function fp) {\n  mine();\n  write("x");\n  tell();\n  fp(1);\n  efun::write(1);\n}', {}, {
      simulEfun: (n) => (n === 'tell' ? simul : null),
    });
    expect(r.messages).toEqual([]);
    expect(calls(r.program).map((c) => [c.callee, c.resolved])).toEqual([
      ['mine', 'local'], ['write', 'efun'], ['tell', 'simul_efun'], ['fp', 'funcptr_var'], ['write', 'efun'],
    ]);
  });
  it('ignores private and static functions of the simul_efun object', () => {
    const mk = (modifiers: Record<string, boolean>) => ({ name: 'x', returnType: { base: 'void' as const, arrayDepth: 0 }, params: [], modifiers, defined: true, origin: '/s.c' });
    expect(check('void f() { x(); }', {}, { simulEfun: () => mk({ private: true }) }).messages).toEqual(['/test.c line 1: Undefined function x']);
    expect(check('void f() { x(); }', {}, { simulEfun: () => mk({ static: true }) }).messages).toEqual(['/test.c line 1: Undefined function x']);
    expect(check('void f() { x(); }', {}, { simulEfun: () => mk({}) }).messages).toEqual([]);
  });
  it('prefers an own function over a simul_efun and an efun of the same name', () => {
    const r = check('void write(string s) { }\nvoid f() { write("x"); }');
    expect(calls(r.program).map((c) => c.resolved)).toEqual(['local']);
  });
});

describe('checker: inheritance', () => {
  const lib = {
    '/base.c': 'private int secret;\nint shared;\nprivate void hidden() { }\nvoid visible() { }\nstatic void prot() { }\nnomask void fixed() { }\nclass pos { int x; }\n',
    '/mid.c': 'private inherit "/base";\nvoid mid_fn() { visible(); shared = 1; }\n',
  };
  it('sees inherited non-private functions, variables and classes', () => {
    expect(check('inherit "/base";\nvoid f() {\n  visible(); prot(); shared = 2;\n  class pos p = new(class pos, x: 1);\n  ::visible(); base::visible();\n}', lib).messages).toEqual([]);
  });
  it('hides private variables and functions from inheritors', () => {
    expect(check('inherit "/base";\nvoid f() {\n  secret = 1;\n  hidden();\n}', lib).messages).toEqual([
      "/test.c line 3: Illegal to use private variable 'secret'",
      "/test.c line 4: Illegal to call private function 'hidden'",
    ]);
  });
  it('makes everything private after a private inherit, one level up', () => {
    expect(check('inherit "/mid";\nvoid f() {\n  mid_fn();\n  visible();\n}', lib).messages).toEqual([
      "/test.c line 4: Illegal to call private function 'visible'",
    ]);
  });
  it('lets a program define the body of an inherited nomask prototype', () => {
    const r = check('inherit "/proto";\nnomask void g() { }', { '/proto.c': 'nomask void g();\n' });
    expect(r.messages).toEqual([]);
  });
  it('skips name checks when an inherit is unknown', () => {
    expect(check('inherit "/missing";\nvoid f() { x = y(); ::z(); }').messages).toEqual([]);
  });
  it('exports its interface with inherited and own entries', () => {
    const r = check('inherit "/base";\nint mine;\nvoid visible() { }', lib);
    expect([...r.iface.functions.keys()].sort()).toEqual(['fixed', 'hidden', 'prot', 'visible']);
    expect(r.iface.functions.get('visible')!.origin).toBe('/test.c');
    expect(r.iface.functions.get('hidden')!.hidden).toBe(true);
    expect([...r.iface.variables.keys()].sort()).toEqual(['mine', 'secret', 'shared']);
    expect([...r.iface.inherits.keys()]).toEqual(['base']);
  });
});

describe('checker: strict_types', () => {
  it('reports an undefined function only in typed functions (MudOS exact_types); untyped ones defer it to run time', () => {
    expect(check('f() { nope(1); }\nmixed g() { return (: nope2() :); }').messages).toEqual(['/test.c line 2: Undefined function nope2']);
    expect(check('void f() { nope(1); }').messages).toEqual(['/test.c line 1: Undefined function nope']);
  });
  it('applies the pragma from its line on (MudOS: no_strict_types exempts the functions after it)', () => {
    const src = '#pragma no_strict_types\nfoo() { }\n#pragma strict_types\nbar() { }\n#pragma no_strict_types\nbaz() { }';
    expect(check(src).messages).toEqual(['/test.c line 4: "#pragma strict_types" requires type of function']);
  });
  it('checks efun argument counts always, LPC ones between typed functions (Neolith exact_types)', () => {
    expect(check('void g(int a) { }\nvoid f() {\n  g();\n  g(1, 2);\n  write();\n}').messages).toEqual([
      '/test.c line 3: Wrong number of arguments to g',
      '/test.c line 4: Wrong number of arguments to g',
      '/test.c line 5: Too few arguments to write',
    ]);
    expect(check('g(a) { }\nvoid f() { g(); }\nh() { f(1); }').messages).toEqual([]);
    expect(check('varargs void h(int a) { }\nvoid k(string *rest...) { }\nvoid f() { h(); h(1, 2); k(); k("a", "b"); }').messages).toEqual([]);
  });
  it('accepts 0 for any type, mixed both ways and int for float', () => {
    const r = check('#pragma strict_types\nvoid f(mixed m) {\n  string s = 0;\n  int *a = m;\n  mixed x = ({ 1 });\n  float fl = 1;\n  object *obs = ({ this_object() });\n  string *parts = ({ "a" }) + ({ "b" });\n  s = implode(parts, ",");\n  s = sprintf("%d", 1) + s;\n}');
    expect(r.messages).toEqual([]);
  });
  it('infers types through indexing, ranges, classes and operators', () => {
    const r = check('#pragma strict_types\nclass c { string name; int *nums; }\nvoid f(class c v, string *arr) {\n  string s = arr[0];\n  int n = v->nums[1] + strlen(v->name[1..]);\n  int ch = s[0];\n  float q = 1.5 * n;\n  s = n;\n}');
    expect(r.messages).toEqual(['/test.c line 8: Bad assignment ( string vs int ).']);
  });
  it('type-checks typed functions without the pragma, untyped ones only at initializers', () => {
    expect(check('f() { string s; s = 1; return "x"; }').messages).toEqual([]);
    expect(check('int f() {\n  string s;\n  s = 1;\n  return "x";\n}').messages).toEqual([
      '/test.c line 3: Bad assignment ( string vs int ).',
      "/test.c line 4: Type of returned value doesn't match function return type ( string vs int )",
    ]);
    expect(check('f() {\n  string s = 1;\n}').messages).toEqual(['/test.c line 2: Type mismatch ( string vs int ) when initializing s']);
  });
  it('checks efun argument types only under strict_types', () => {
    expect(check('void f() { strlen(1); }').messages).toEqual([]);
    expect(check('#pragma strict_types\nvoid f() { strlen(1); }').messages).toEqual(['/test.c line 2: Bad argument 1 to efun strlen()']);
  });
  it('checks argument types of inherited functions only when the parent saved its types', () => {
    const lib = { '/a.c': 'void g(int x) { }\n', '/b.c': '#pragma save_types\nvoid g(int x) { }\n' };
    expect(check('inherit "/a";\nvoid f() { g("s"); }', lib).messages).toEqual([]);
    expect(check('inherit "/b";\nvoid f() { g("s"); }', lib).messages).toEqual(['/test.c line 2: Bad type for argument 1 of g ( int vs string )']);
  });
});

describe('checker: compatibility rules', () => {
  const T = (base: 'int' | 'float' | 'string' | 'mixed' | 'status' | 'class', arrayDepth = 0, className?: string) => ({ base, arrayDepth, className });
  it("follows Neolith's compatible_types", () => {
    expect(isCompatible(T('int'), T('status'))).toBe(true);
    expect(isCompatible(T('float'), T('int'))).toBe(true);
    expect(isCompatible(T('int'), T('float'))).toBe(true);
    expect(isCompatible(T('string'), T('float'))).toBe(false);
    expect(isCompatible(T('mixed', 1), T('string', 2))).toBe(true);
    expect(isCompatible(T('string', 1), T('mixed', 1))).toBe(true);
    expect(isCompatible(T('string', 1), T('string'))).toBe(false);
    expect(isCompatible(T('class', 0, 'a'), T('class', 0, 'b'))).toBe(false);
    expect(isCompatible(T('string'), T('int'), { kind: 'IntLit', loc: { file: 0, line: 1 }, value: 0 })).toBe(true);
  });
});

describe('checker: Neolith compile-time rules', () => {
  it('rejects redeclaring a local still visible from an enclosing block, allows sibling blocks', () => {
    expect(check('void f(int p) {\n  int x;\n  { int x; }\n  { int p; }\n}').messages).toEqual([
      "/test.c line 3: Illegal to redeclare local name 'x'",
      "/test.c line 4: Illegal to redeclare local name 'p'",
    ]);
    expect(check('void f() {\n  { int x; }\n  { int x; }\n  for (int i = 0; i < 1; i++) ;\n  for (int i = 0; i < 1; i++) ;\n}').messages).toEqual([]);
  });
  it('lets an anonymous function reuse an enclosing local name', () => {
    expect(check('void f() {\n  int x;\n  function g = function(int x) { return x; };\n}').messages).toEqual([]);
  });
  it('checks case labels: one default, no strings as range bounds, 0 fits string switches', () => {
    expect(check('void f(mixed x) {\n  switch (x) { case 0: case "a": default: break; }\n}').messages).toEqual([]);
    expect(check('void f(mixed x) {\n  switch (x) { default: default: }\n}').messages).toEqual(['/test.c line 2: Duplicate default']);
  });
  it('rejects constant division and modulo by zero only between literals', () => {
    expect(check('int f(int y) {\n  return y / 0 + 1.5 / 2;\n}').messages).toEqual([]);
    expect(check('int f() {\n  return 7 / 0.0;\n}').messages).toEqual(['/test.c line 2: Divide by zero in constant']);
  });
});

describe('checker: statements', () => {
  it('accepts break in loops and switches, continue in loops', () => {
    expect(check('void f() {\n  while (1) { break; }\n  for (;;) continue;\n  switch (1) { case 1: break; }\n  do { if (1) continue; } while (0);\n  foreach (int x in ({})) { switch (x) { default: continue; } }\n}').messages).toEqual([]);
  });
  it('warns about a bare return in a typed non-void function, not in void or anonymous ones', () => {
    const src = 'int f() {\n  function g = function() { return; };\n  return;\n}\nvoid h() { return; }';
    expect(check(src).messages).toEqual(['/test.c line 3: Warning: Non-void functions must return a value.']);
  });
});
