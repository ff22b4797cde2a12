import { describe, expect, it } from 'vitest';
import type { FunctionDecl, VarDecl } from '../../driver/lpc/ast.js';
import { expr, parse, parseOk, shape, stmts } from './helpers.js';

const int = { base: 'int', arrayDepth: 0 };
const id = (name: string) => ({ kind: 'Identifier', name });
const num = (value: number) => ({ kind: 'IntLit', value });
const str = (value: string) => ({ kind: 'StringLit', value });

describe('parser: top level', () => {
  it('parses inherit with a macro path and modifiers', () => {
    const p = parseOk('#define ROOM "/std/" "room"\nprivate inherit ROOM;\ninherit "/std/obj.c";');
    expect(shape(p.decls)).toEqual([
      { kind: 'Inherit', path: '/std/room', name: 'room', modifiers: { private: true } },
      { kind: 'Inherit', path: '/std/obj.c', name: 'obj', modifiers: {} },
    ]);
  });
  it('parses globals with modifiers, per-declarator stars and initialisers', () => {
    const p = parseOk('private nosave int a, *b = ({ 1 });\nstatic mapping m;');
    expect(shape(p.decls)).toEqual([
      {
        kind: 'VarDecl', modifiers: { private: true, nosave: true }, declarators: [
          { name: 'a', type: int },
          { name: 'b', type: { base: 'int', arrayDepth: 1 }, init: { kind: 'ArrayLit', elements: [num(1)] } },
        ],
      },
      { kind: 'VarDecl', modifiers: { static: true }, declarators: [{ name: 'm', type: { base: 'mapping', arrayDepth: 0 } }] },
    ]);
  });
  it('reads `array` as a type word', () => {
    const p = parseOk('int array a; array b; string array array c; int array *d;');
    expect(p.decls.map((d) => (d as VarDecl).declarators[0].type)).toEqual([
      { base: 'int', arrayDepth: 1 }, { base: 'mixed', arrayDepth: 1 }, { base: 'string', arrayDepth: 2 }, { base: 'int', arrayDepth: 2 },
    ]);
  });
  it('parses functions with modifiers, varargs and array return types', () => {
    const p = parseOk('nomask varargs string *f(int x, string *y) { return ({}); }');
    const f = p.decls[0] as FunctionDecl;
    expect(shape({ ...f, body: undefined })).toEqual({
      kind: 'Function', modifiers: { nomask: true, varargs: true }, returnType: { base: 'string', arrayDepth: 1 }, name: 'f',
      params: [{ name: 'x', type: int }, { name: 'y', type: { base: 'string', arrayDepth: 1 } }], endLine: 1,
    });
  });
  it('parses old-style untyped functions', () => {
    const f = parseOk('create() {\n}\n').decls[0] as FunctionDecl;
    expect(f).toMatchObject({ name: 'create', implicitType: true, returnType: { base: 'mixed', arrayDepth: 0 }, endLine: 2 });
  });
  it('parses prototypes with unnamed parameters, (void) and rest parameters', () => {
    const p = parseOk('int f(int, string *);\nvoid g(void);\nvoid h(string fmt, mixed *args...);\nvoid k(ref int x, int y: 5);');
    const [f, g, h, k] = p.decls as FunctionDecl[];
    expect(shape(f.params)).toEqual([{ type: int }, { type: { base: 'string', arrayDepth: 1 } }]);
    expect(f.body).toBeUndefined();
    expect(g.params).toEqual([]);
    expect(shape(h.params[1])).toEqual({ name: 'args', type: { base: 'mixed', arrayDepth: 1 }, rest: true });
    expect(shape(k.params)).toEqual([{ name: 'x', type: int, ref: true }, { name: 'y', type: int, defaultValue: num(5) }]);
  });
  it('parses class declarations and class-typed variables', () => {
    const p = parseOk('class Point { int x, y; string *tags; }\nclass Point p, *ps;');
    expect(shape(p.decls)).toEqual([
      {
        kind: 'Class', name: 'Point', members: [
          { name: 'x', type: int }, { name: 'y', type: int }, { name: 'tags', type: { base: 'string', arrayDepth: 1 } },
        ],
      },
      {
        kind: 'VarDecl', modifiers: {}, declarators: [
          { name: 'p', type: { base: 'class', className: 'Point', arrayDepth: 0 } },
          { name: 'ps', type: { base: 'class', className: 'Point', arrayDepth: 1 } },
        ],
      },
    ]);
  });
  it('flattens modifier blocks and modifier labels', () => {
    const p = parseOk('nosave { int a; private string b; }\nint c;\nprivate:\nint d;\nvoid f() {}');
    expect(p.decls.map((d) => [(d as VarDecl | FunctionDecl).modifiers])).toEqual([
      [{ nosave: true }], [{ nosave: true, private: true }], [{}], [{ private: true }], [{ private: true }],
    ]);
  });
  it('lets a modifier label replace the previous one (MudOS modifier_change)', () => {
    const p = parseOk('private:\nint a;\npublic:\nvoid f() {}\nstatic:\nnomask int g() { return 1; }');
    expect(p.decls.map((d) => [(d as VarDecl | FunctionDecl).modifiers])).toEqual([
      [{ private: true }], [{ public: true }], [{ static: true, nomask: true }],
    ]);
  });
  it('records pragmas and the file table', () => {
    const p = parseOk('#pragma strict_types\n#include "x.h"\nint a;', { '/x.h': 'int b;' });
    expect(p.pragmas).toEqual(['strict_types']);
    expect(p.files).toEqual(['/test.c', '/x.h']);
    expect(p.decls.map((d) => d.loc)).toEqual([{ file: 1, line: 1 }, { file: 0, line: 3 }]);
  });
});

describe('parser: expressions', () => {
  it('follows C precedence', () => {
    expect(shape(expr('1 + 2 * 3'))).toEqual({
      kind: 'Binary', op: '+', left: num(1), right: { kind: 'Binary', op: '*', left: num(2), right: num(3) },
    });
    expect(shape(expr('a || b && c | d ^ e & f == g < h << i + j'))).toEqual({
      kind: 'Logical', op: '||', left: id('a'), right: {
        kind: 'Logical', op: '&&', left: id('b'), right: {
          kind: 'Binary', op: '|', left: id('c'), right: {
            kind: 'Binary', op: '^', left: id('d'), right: {
              kind: 'Binary', op: '&', left: id('e'), right: {
                kind: 'Binary', op: '==', left: id('f'), right: {
                  kind: 'Binary', op: '<', left: id('g'), right: {
                    kind: 'Binary', op: '<<', left: id('h'), right: { kind: 'Binary', op: '+', left: id('i'), right: id('j') },
                  },
                },
              },
            },
          },
        },
      },
    });
  });
  it('is left-associative for binary operators', () => {
    expect(shape(expr('a - b - c'))).toEqual({
      kind: 'Binary', op: '-', left: { kind: 'Binary', op: '-', left: id('a'), right: id('b') }, right: id('c'),
    });
  });
  it('parses ?: and right-associative assignment, all compound operators', () => {
    expect(shape(expr('a = b ? c : d ? e : f'))).toEqual({
      kind: 'Assign', op: '=', target: id('a'), value: {
        kind: 'Conditional', test: id('b'), then: id('c'), else: { kind: 'Conditional', test: id('d'), then: id('e'), else: id('f') },
      },
    });
    for (const op of ['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']) {
      expect(expr(`a ${op} b = c`)).toMatchObject({ kind: 'Assign', op, value: { kind: 'Assign', op: '=' } });
    }
  });
  it('parses the comma operator', () => {
    expect(shape(expr('a = 1, b = 2'))).toMatchObject({ kind: 'Comma', exprs: [{ kind: 'Assign' }, { kind: 'Assign' }] });
  });
  it('parses unary, prefix and postfix updates', () => {
    expect(shape(expr('!~-+x'))).toEqual({
      kind: 'Unary', op: '!', operand: { kind: 'Unary', op: '~', operand: { kind: 'Unary', op: '-', operand: { kind: 'Unary', op: '+', operand: id('x') } } },
    });
    expect(shape(expr('++a[1]'))).toMatchObject({ kind: 'Update', op: '++', prefix: true, target: { kind: 'Index' } });
    expect(shape(expr('m["k"]--'))).toMatchObject({ kind: 'Update', op: '--', prefix: false, target: { kind: 'Index' } });
  });
  it('folds negative literals, including the 64-bit minimum', () => {
    expect(shape(expr('-5'))).toEqual(num(-5));
    expect(shape(expr('-1.5'))).toEqual({ kind: 'FloatLit', value: -1.5 });
    expect(shape(expr('-9223372036854775808'))).toEqual({ kind: 'IntLit', value: '-9223372036854775808n' });
  });
  it('parses casts', () => {
    expect(shape(expr('(int)x'))).toEqual({ kind: 'Cast', type: int, expr: id('x') });
    expect(shape(expr('(string *)x'))).toEqual({ kind: 'Cast', type: { base: 'string', arrayDepth: 1 }, expr: id('x') });
    expect(shape(expr('(class Foo)x'))).toEqual({ kind: 'Cast', type: { base: 'class', className: 'Foo', arrayDepth: 0 }, expr: id('x') });
    expect(shape(expr('(x) + 1'))).toEqual({ kind: 'Binary', op: '+', left: id('x'), right: num(1) });
  });
  it('concatenates adjacent strings', () => {
    expect(shape(expr('"a" "b"\n"c"'))).toEqual(str('abc'));
  });
  it('parses array and mapping literals with trailing commas', () => {
    expect(shape(expr('({ 1, "a", })'))).toEqual({ kind: 'ArrayLit', elements: [num(1), str('a')] });
    expect(shape(expr('({ })'))).toEqual({ kind: 'ArrayLit', elements: [] });
    expect(shape(expr('([ "a": 1, 2 : ({}), ])'))).toEqual({
      kind: 'MappingLit', entries: [{ key: str('a'), value: num(1) }, { key: num(2), value: { kind: 'ArrayLit', elements: [] } }],
    });
    expect(shape(expr('([ ])'))).toEqual({ kind: 'MappingLit', entries: [] });
  });
  it('parses calls, efun:: calls and super calls', () => {
    expect(shape(expr('f(1, x)'))).toEqual({ kind: 'Call', callee: 'f', args: [num(1), id('x')] });
    expect(shape(expr('efun::write("x")'))).toEqual({ kind: 'Call', callee: 'write', scope: 'efun', args: [str('x')] });
    expect(shape(expr('::create()'))).toEqual({ kind: 'SuperCall', scope: '', name: 'create', args: [] });
    expect(shape(expr('room::init(1)'))).toEqual({ kind: 'SuperCall', scope: 'room', name: 'init', args: [num(1)] });
    expect(shape(expr('(::f())'))).toEqual({ kind: 'SuperCall', scope: '', name: 'f', args: [] });
  });
  it('parses call_other and class member access', () => {
    expect(shape(expr('ob->query_name(1)'))).toEqual({ kind: 'CallOther', target: id('ob'), method: 'query_name', args: [num(1)] });
    expect(shape(expr('"/obj/x"->f()'))).toEqual({ kind: 'CallOther', target: str('/obj/x'), method: 'f', args: [] });
    expect(shape(expr('p->x'))).toEqual({ kind: 'MemberAccess', target: id('p'), member: 'x' });
    expect(shape(expr('a->b->c()'))).toEqual({
      kind: 'CallOther', target: { kind: 'MemberAccess', target: id('a'), member: 'b' }, method: 'c', args: [],
    });
  });
  it('parses indexing and every range form', () => {
    expect(shape(expr('a[1]'))).toEqual({ kind: 'Index', target: id('a'), index: num(1) });
    expect(shape(expr('a[<1]'))).toEqual({ kind: 'Index', target: id('a'), index: num(1), fromEnd: true });
    expect(shape(expr('s[a..b]'))).toEqual({ kind: 'Range', target: id('s'), low: id('a'), high: id('b') });
    expect(shape(expr('s[<2..]'))).toEqual({ kind: 'Range', target: id('s'), low: num(2), lowFromEnd: true });
    expect(shape(expr('a[1..<2]'))).toEqual({ kind: 'Range', target: id('a'), low: num(1), high: num(2), highFromEnd: true });
    expect(shape(expr('s[..n]'))).toEqual({ kind: 'Range', target: id('s'), high: id('n') });
    expect(shape(expr('s[<3..<1]'))).toEqual({ kind: 'Range', target: id('s'), low: num(3), lowFromEnd: true, high: num(1), highFromEnd: true });
    expect(shape(expr('m["a"]["b"]'))).toMatchObject({ kind: 'Index', target: { kind: 'Index' }, index: str('b') });
  });
  it('parses function pointers of every kind', () => {
    expect(shape(expr('(: f :)'))).toEqual({ kind: 'FunctionPtr', form: 'name', name: 'f' });
    expect(shape(expr('(: f, 1, x :)'))).toEqual({ kind: 'FunctionPtr', form: 'name', name: 'f', args: [num(1), id('x')] });
    expect(shape(expr('(: efun::write :)'))).toEqual({ kind: 'FunctionPtr', form: 'name', name: 'write', scope: 'efun' });
    expect(shape(expr('(: call_other, ob, "f" :)'))).toEqual({ kind: 'FunctionPtr', form: 'name', name: 'call_other', args: [id('ob'), str('f')] });
    expect(shape(expr('(: $1 + x :)'))).toEqual({
      kind: 'FunctionPtr', form: 'expr', body: { kind: 'Binary', op: '+', left: { kind: 'ArgRef', index: 1 }, right: id('x') },
    });
    expect(shape(expr('(: f($2, $(y)) :)'))).toEqual({
      kind: 'FunctionPtr', form: 'expr', body: { kind: 'Call', callee: 'f', args: [{ kind: 'ArgRef', index: 2 }, { kind: 'Capture', expr: id('y') }] },
    });
  });
  it('parses anonymous functions', () => {
    expect(shape(expr('function(int x, string y) { return x + $(z); }'))).toEqual({
      kind: 'AnonFunction', returnType: { base: 'mixed', arrayDepth: 0 },
      params: [{ name: 'x', type: int }, { name: 'y', type: { base: 'string', arrayDepth: 0 } }],
      body: { kind: 'Block', body: [{ kind: 'Return', value: { kind: 'Binary', op: '+', left: id('x'), right: { kind: 'Capture', expr: id('z') } } }] },
    });
    expect(shape(expr('map(a, function(int x) { return x; })'))).toMatchObject({ kind: 'Call', args: [id('a'), { kind: 'AnonFunction' }] });
  });
  it('calls function values with (*f)(args)', () => {
    expect(shape(expr('(*f)(1)'))).toEqual({ kind: 'Call', callee: 'evaluate', args: [id('f'), num(1)] });
  });
  it('parses catch, sscanf, parse_command and time_expression', () => {
    expect(shape(expr('catch(f(), 1)'))).toMatchObject({ kind: 'Catch', expr: { kind: 'Comma' } });
    expect(shape(expr('sscanf(s, "%d %s", n, a[1])'))).toEqual({
      kind: 'Sscanf', input: id('s'), format: str('%d %s'), targets: [id('n'), { kind: 'Index', target: id('a'), index: num(1) }],
    });
    expect(shape(expr('parse_command(s, env, "%o", obj)'))).toEqual({
      kind: 'ParseCommand', input: id('s'), source: id('env'), pattern: str('%o'), targets: [id('obj')],
    });
    expect(shape(expr('time_expression(f())'))).toEqual({ kind: 'TimeExpr', expr: { kind: 'Call', callee: 'f', args: [] } });
  });
  it('parses new() for classes and objects', () => {
    expect(shape(expr('new(class Foo)'))).toEqual({ kind: 'New', form: 'class', className: 'Foo', fields: [] });
    expect(shape(expr('new(class Foo, a: 1, b: "x")'))).toEqual({
      kind: 'New', form: 'class', className: 'Foo', fields: [{ name: 'a', value: num(1) }, { name: 'b', value: str('x') }],
    });
    expect(shape(expr('new("/obj/x", 1)'))).toEqual({ kind: 'New', form: 'object', args: [str('/obj/x'), num(1)] });
  });
  it('parses ref arguments and spread arguments', () => {
    expect(shape(expr('f(ref x, &y)'))).toEqual({ kind: 'Call', callee: 'f', args: [{ kind: 'Ref', target: id('x') }, { kind: 'Ref', target: id('y') }] });
    expect(shape(expr('f(1, args...)'))).toEqual({ kind: 'Call', callee: 'f', args: [num(1), id('args')], spread: [false, true] });
    expect(shape(expr('ob->f(a...)'))).toEqual({ kind: 'CallOther', target: id('ob'), method: 'f', args: [id('a')], spread: [true] });
    expect(shape(expr('::f(1, a...)'))).toEqual({ kind: 'SuperCall', scope: '', name: 'f', args: [num(1), id('a')], spread: [false, true] });
    expect(shape(expr('room::f(a...)'))).toMatchObject({ kind: 'SuperCall', scope: 'room', spread: [true] });
    expect(shape(expr('new("/x", a...)'))).toEqual({ kind: 'New', form: 'object', args: [str('/x'), id('a')], spread: [false, true] });
    expect(shape(expr('(*fp)(a...)'))).toEqual({ kind: 'Call', callee: 'evaluate', args: [id('fp'), id('a')], spread: [false, true] });
  });
  it('parses spread elements in array literals (Neolith expr_list)', () => {
    expect(shape(expr('({ a..., 1, b... })'))).toEqual({ kind: 'ArrayLit', elements: [id('a'), num(1), id('b')], spread: [true, false, true] });
    expect(shape(expr('({ 1, a... })'))).toEqual({ kind: 'ArrayLit', elements: [num(1), id('a')], spread: [false, true] });
    expect(shape(expr('({ 1, 2 })'))).toEqual({ kind: 'ArrayLit', elements: [num(1), num(2)] });
  });
  it('accepts array destructuring assignment', () => {
    expect(shape(expr('({ a, b }) = arr'))).toEqual({ kind: 'Assign', op: '=', target: { kind: 'ArrayLit', elements: [id('a'), id('b')] }, value: id('arr') });
  });
  it('turns @END and @@END blocks into literals', () => {
    const p = parseOk('string s = @END\nhi\nEND;\nstring *a = @@END\nx\ny\nEND;');
    expect(p.decls.map((d) => shape((d as VarDecl).declarators[0].init))).toEqual([
      str('hi\n'), { kind: 'ArrayLit', elements: [str('x'), str('y')] },
    ]);
  });
});

describe('parser: statements', () => {
  it('parses local declarations anywhere in a block', () => {
    const s = stmts('x = 1;\nint a = 2, *b;\nclass Foo c;\nfunction f = (: g :);\nmapping m;');
    expect(s.map((x) => x.kind)).toEqual(['ExprStmt', 'LocalVarDecl', 'LocalVarDecl', 'LocalVarDecl', 'LocalVarDecl']);
    expect(shape(s[1])).toEqual({
      kind: 'LocalVarDecl', declarators: [{ name: 'a', type: int, init: num(2) }, { name: 'b', type: { base: 'int', arrayDepth: 1 } }],
    });
  });
  it('parses if/else, while, do-while', () => {
    const s = stmts('if (a) b(); else if (c) d(); else { }\nwhile (x--) ;\ndo x++; while (x < 3);');
    expect(shape(s[0])).toMatchObject({ kind: 'If', test: id('a'), else: { kind: 'If', else: { kind: 'Block', body: [] } } });
    expect(shape(s[1])).toMatchObject({ kind: 'While', body: { kind: 'Empty' } });
    expect(shape(s[2])).toMatchObject({ kind: 'DoWhile', test: { kind: 'Binary', op: '<' } });
  });
  it('parses for loops with and without declarations', () => {
    const [a, b, c] = stmts('for (int i = 0, j = 1; i < 3; i++, j++) ;\nfor (i = 0; ; ) break;\nfor (;;) continue;');
    expect(shape(a)).toMatchObject({ kind: 'For', init: { kind: 'LocalVarDecl' }, test: { kind: 'Binary' }, update: { kind: 'Comma' } });
    expect(shape(b)).toEqual({ kind: 'For', init: { kind: 'Assign', op: '=', target: id('i'), value: num(0) }, body: { kind: 'Break' } });
    expect(shape(c)).toEqual({ kind: 'For', body: { kind: 'Continue' } });
  });
  it('parses foreach with declared, existing and ref variables', () => {
    const [a, b, c] = stmts('foreach (x in arr) ;\nforeach (string k, mixed *v in m) ;\nforeach (ref int n in nums) n++;');
    expect(shape(a)).toEqual({ kind: 'Foreach', vars: [{ name: 'x' }], collection: id('arr'), body: { kind: 'Empty' } });
    expect(shape(b)).toMatchObject({ vars: [{ name: 'k', type: { base: 'string', arrayDepth: 0 } }, { name: 'v', type: { base: 'mixed', arrayDepth: 1 } }] });
    expect(shape(c)).toMatchObject({ vars: [{ name: 'n', type: int, ref: true }] });
  });
  it('parses switch with int, string and range cases', () => {
    const [s] = stmts('switch (x) {\ncase 1: a(); break;\ncase "s": case -2: b();\ncase 3..5: case ..0: case 10..: break;\ndefault: c();\n}');
    expect(shape(s)).toEqual({
      kind: 'Switch', discriminant: id('x'), cases: [
        { isDefault: false, test: num(1), body: [{ kind: 'ExprStmt', expr: { kind: 'Call', callee: 'a', args: [] } }, { kind: 'Break' }] },
        { isDefault: false, test: str('s'), body: [] },
        { isDefault: false, test: num(-2), body: [{ kind: 'ExprStmt', expr: { kind: 'Call', callee: 'b', args: [] } }] },
        { isDefault: false, isRange: true, test: num(3), high: num(5), body: [] },
        { isDefault: false, isRange: true, high: num(0), body: [] },
        { isDefault: false, isRange: true, test: num(10), body: [{ kind: 'Break' }] },
        { isDefault: true, body: [{ kind: 'ExprStmt', expr: { kind: 'Call', callee: 'c', args: [] } }] },
      ],
    });
  });
  it('hoists declarations before the first case label and rejects other statements there', () => {
    expect(shape(stmts('switch (x) { int y; case 1: y = 2; }'))).toEqual([{
      kind: 'Block', body: [
        { kind: 'LocalVarDecl', declarators: [{ name: 'y', type: int }] },
        { kind: 'Switch', discriminant: id('x'), cases: [{ isDefault: false, test: num(1), body: [{ kind: 'ExprStmt', expr: { kind: 'Assign', op: '=', target: id('y'), value: num(2) } }] }] },
      ],
    }]);
    expect(parse('void f() { switch (x) { f(); case 1: } }').messages).toEqual(["/test.c line 1: syntax error, unexpected identifier 'f', expecting 'case'"]);
  });
  it('parses return, catch blocks and empty statements', () => {
    const s = stmts('catch { f(); };\nreturn;\nreturn 1;\n;');
    expect(shape(s)).toEqual([
      { kind: 'CatchBlock', body: { kind: 'Block', body: [{ kind: 'ExprStmt', expr: { kind: 'Call', callee: 'f', args: [] } }] } },
      { kind: 'Return' }, { kind: 'Return', value: num(1) }, { kind: 'Empty' },
    ]);
  });
  it('expands __LINE__', () => {
    expect(shape(stmts('\nreturn __LINE__;'))).toEqual([{ kind: 'Return', value: num(3) }]);
  });
  it('gives statements their own lines', () => {
    expect(stmts('a();\n\nb();').map((s) => s.loc.line)).toEqual([2, 4]);
  });
});

describe('parser: dialect corners from real mudlibs', () => {
  it('accepts `status` as a type and as a variable name (Lima)', () => {
    const p = parseOk('status a;\nint status;\nvoid f(string status) { status = "x"; }');
    expect(p.decls.slice(0, 2).map((d) => shape((d as VarDecl).declarators[0]))).toEqual([
      { name: 'a', type: { base: 'status', arrayDepth: 0 } }, { name: 'status', type: int },
    ]);
    expect(shape((p.decls[2] as FunctionDecl).body!.body[0])).toEqual({
      kind: 'ExprStmt', expr: { kind: 'Assign', op: '=', target: id('status'), value: str('x') },
    });
  });
  it('reads `double` as float (Neolith)', () => {
    expect(shape((parseOk('double d;').decls[0] as VarDecl).declarators[0].type)).toEqual({ base: 'float', arrayDepth: 0 });
  });
  it('parses super calls to an inherit named like a type word', () => {
    expect(shape(stmts('object::create();'))).toEqual([{ kind: 'ExprStmt', expr: { kind: 'SuperCall', scope: 'object', name: 'create', args: [] } }]);
  });
  it('parses catch and time_expression blocks used as expressions', () => {
    const [a, b] = stmts('err = catch { f(); };\nt = time_expression { g(); };');
    expect(shape(a)).toEqual({
      kind: 'ExprStmt', expr: {
        kind: 'Assign', op: '=', target: id('err'),
        value: { kind: 'Catch', expr: num(0), block: { kind: 'Block', body: [{ kind: 'ExprStmt', expr: { kind: 'Call', callee: 'f', args: [] } }] } },
      },
    });
    expect(shape(b)).toMatchObject({ expr: { value: { kind: 'TimeExpr', expr: num(0), block: { kind: 'Block' } } } });
  });
  it('accepts `int ref x` and `int & x` parameters and foreach variables (FluffOS)', () => {
    const f = parseOk('void f(int ref a, mixed & *b) { foreach (int ref x in b) x++; }').decls[0] as FunctionDecl;
    expect(shape(f.params)).toEqual([
      { name: 'a', type: int, ref: true }, { name: 'b', type: { base: 'mixed', arrayDepth: 1 }, ref: true },
    ]);
    expect(shape(f.body!.body[0])).toMatchObject({ vars: [{ name: 'x', type: int, ref: true }] });
  });
  it('reads an assignment after a unary or binary operand as yacc does', () => {
    expect(shape(expr('!x = f()'))).toEqual({
      kind: 'Unary', op: '!', operand: { kind: 'Assign', op: '=', target: id('x'), value: { kind: 'Call', callee: 'f', args: [] } },
    });
    expect(shape(expr('a || b = 1'))).toEqual({
      kind: 'Logical', op: '||', left: id('a'), right: { kind: 'Assign', op: '=', target: id('b'), value: num(1) },
    });
  });
  it('assigns through a class cast', () => {
    expect(shape(expr('(class T)x->m = 1'))).toEqual({
      kind: 'Assign', op: '=', target: { kind: 'MemberAccess', target: id('x'), member: 'm' }, value: num(1),
    });
  });
  it('parses Neolith dot-calls as efun calls and dot member access', () => {
    expect(shape(expr('s.len()'))).toEqual({ kind: 'Call', callee: 'len', scope: 'efun', args: [id('s')] });
    expect(shape(expr('m["a"].to_json(1)'))).toMatchObject({ kind: 'Call', callee: 'to_json', scope: 'efun', args: [{ kind: 'Index' }, num(1)] });
    expect(shape(expr('p.x'))).toEqual({ kind: 'MemberAccess', target: id('p'), member: 'x' });
  });
});

describe('parser: errors and recovery', () => {
  it('reports a missing semicolon with file and line', () => {
    const r = parse('void f() {\n  int x\n  x = 1;\n}');
    expect(r.program).toBeNull();
    expect(r.messages[0]).toBe("/test.c line 3: syntax error, unexpected identifier 'x', expecting ';'");
  });
  it('recovers at the next statement and reports later errors too', () => {
    const r = parse('void f() {\n  x = ;\n  y = 1;\n  z = ) ;\n}\nint g() { return 1 }\nint ok;');
    expect(r.messages).toEqual([
      "/test.c line 2: syntax error, unexpected ';'",
      "/test.c line 4: syntax error, unexpected ')'",
      "/test.c line 6: syntax error, unexpected '}', expecting ';'",
    ]);
  });
  it('names the include file for errors inside includes', () => {
    expect(parse('#include "bad.h"\n', { '/bad.h': '\nint x y;' }).messages).toEqual([
      "/bad.h line 2: syntax error, unexpected identifier 'y', expecting ';'",
    ]);
  });
  it('reports the end of file', () => {
    expect(parse('void f() {').messages).toEqual(["/test.c line 1: syntax error, unexpected end of file, expecting '}'"]);
  });
  it('reports illegal lvalues', () => {
    expect(parse('void f() { 1 = 2; f()++; }').messages).toEqual(['/test.c line 1: Illegal lvalue']);
  });
  it('reports $1 outside a function pointer', () => {
    expect(parse('void f() { return $1; }').messages).toEqual(['/test.c line 1: $var illegal outside of function pointer']);
    expect(parse('mixed f() { return function() { return $1; }; }').messages).toEqual(['/test.c line 1: $var illegal inside anonymous function pointer']);
  });
  it('caps the number of errors per file', () => {
    const src = 'void f() {\n' + 'x = ;\n'.repeat(40) + '}';
    const r = parse(src);
    expect(r.messages.length).toBe(21);
    expect(r.messages[20]).toBe('/test.c line 22: Too many errors, giving up');
  });
});
