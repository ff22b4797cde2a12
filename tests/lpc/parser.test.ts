import { describe, expect, it } from 'vitest';
import { expr, parse, parseOk, shape, stmts } from './helpers.js';

describe('parser: top level', () => {
  it('parses inherit with a macro path and modifiers', () => {
    const p = parseOk('#define ROOM "/std/" "room"\nprivate inherit ROOM;\ninherit "/std/obj.c";');
    expect(shape(p.decls)).toEqual([
      { kind: 'Inherit', path: '/std/room', name: 'room', modifiers: { private: true } },
      { kind: 'Inherit', path: '/std/obj.c', name: 'obj', modifiers: {} },
    ]);
  });
});

describe('parser: expressions', () => {
  it('follows C precedence', () => {
    expect(shape(expr('1 + 2 * 3'))).toEqual({
      kind: 'Binary', op: '+', left: { kind: 'IntLit', value: 1 },
      right: { kind: 'Binary', op: '*', left: { kind: 'IntLit', value: 2 }, right: { kind: 'IntLit', value: 3 } },
    });
  });
});

describe('parser: statements', () => {
  it('parses a for loop with a declaration', () => {
    const [s] = stmts('for (int i = 0; i < 3; i++) x += i;');
    expect(s.kind).toBe('For');
  });
  it('reports a missing semicolon with file and line', () => {
    const r = parse('void f() {\n  int x\n  x = 1;\n}');
    expect(r.program).toBeNull();
    expect(r.messages[0]).toBe("/test.c line 3: syntax error, unexpected identifier 'x', expecting ';'");
  });
});
