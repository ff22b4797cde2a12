import { describe, expect, it } from 'vitest';
import type { Program } from '../../driver/lpc/ast.js';
import { buildProgramInterface, flatDecls, type ProgramInterface } from '../../driver/lpc/program-interface.js';
import { parseOk } from './helpers.js';

/** Builds the interface of `src` (as /test.c) over already built parents. */
function iface(src: string, inherits: { alias: string; iface: ProgramInterface; private?: boolean }[] = [], path = '/test.c'): ProgramInterface {
  const program: Program = { ...parseOk(src), files: [path] };
  return buildProgramInterface(program, inherits.map((i) => ({ alias: i.alias, modifiers: i.private ? { private: true } : {}, iface: i.iface })));
}

describe('program interface', () => {
  it('records functions, variables and classes with types, modifiers and origin', () => {
    const i = iface('#pragma save_types\nclass c { int a; }\nnosave int n;\nvarargs string f(int x, mixed *rest...) { return ""; }\nvoid g();');
    expect(i.functions.get('f')).toMatchObject({
      name: 'f', returnType: { base: 'string', arrayDepth: 0 }, modifiers: { varargs: true }, defined: true,
      origin: '/test.c', hidden: false, typesSaved: true,
      params: [{ name: 'x', type: { base: 'int', arrayDepth: 0 } }, { name: 'rest', rest: true }],
    });
    expect(i.functions.get('g')).toMatchObject({ defined: false });
    expect(i.variables.get('n')).toMatchObject({ modifiers: { nosave: true }, origin: '/test.c' });
    expect(i.classes.get('c')).toEqual({ name: 'c', members: [{ name: 'a', type: { base: 'int', arrayDepth: 0 } }] });
  });
  it('lets own definitions override inherited ones, later inherits override earlier ones', () => {
    const a = iface('void f() { }\nvoid g() { }', [], '/a.c');
    const b = iface('void g() { }', [], '/b.c');
    const c = iface('void f() { }', [{ alias: 'a', iface: a }, { alias: 'b', iface: b }]);
    expect(c.functions.get('f')!.origin).toBe('/test.c');
    expect(c.functions.get('g')!.origin).toBe('/b.c');
    expect([...c.inherits.keys()]).toEqual(['a', 'b']);
  });
  it('never lets a bare prototype replace a definition', () => {
    const a = iface('void f() { }', [], '/a.c');
    const b = iface('void f();', [], '/b.c');
    expect(iface('', [{ alias: 'a', iface: a }, { alias: 'b', iface: b }]).functions.get('f')).toMatchObject({ origin: '/a.c', defined: true });
    expect(iface('void f() { }\nvoid f();').functions.get('f')).toMatchObject({ defined: true });
  });
  it('hides private entries from inheritors and drops them one level further up', () => {
    const a = iface('private int secret;\nprivate void p() { }\nvoid q() { }', [], '/a.c');
    const b = iface('', [{ alias: 'a', iface: a }], '/b.c');
    expect(b.functions.get('p')).toMatchObject({ hidden: true });
    expect(b.variables.get('secret')).toMatchObject({ hidden: true });
    expect(b.functions.get('q')).toMatchObject({ hidden: false });
    const c = iface('', [{ alias: 'b', iface: b }]);
    expect(c.functions.has('p')).toBe(false);
    expect(c.variables.has('secret')).toBe(false);
  });
  it('makes everything of a private inherit private here (visible) and hidden from inheritors', () => {
    const a = iface('void q() { }', [], '/a.c');
    const b = iface('', [{ alias: 'a', iface: a, private: true }], '/b.c');
    expect(b.functions.get('q')).toMatchObject({ hidden: false, modifiers: { private: true } });
    expect(iface('', [{ alias: 'b', iface: b }]).functions.get('q')).toMatchObject({ hidden: true });
  });
  it('flattens modifier blocks into their declarations', () => {
    const program: Program = {
      kind: 'Program', files: ['/x.c'], pragmas: [], decls: [{
        kind: 'ModifierBlock', loc: { file: 0, line: 1 }, modifiers: { nosave: true },
        decls: [{ kind: 'VarDecl', loc: { file: 0, line: 1 }, modifiers: {}, declarators: [] }],
      }],
    };
    expect(flatDecls(program)).toEqual([{ kind: 'VarDecl', loc: { file: 0, line: 1 }, modifiers: { nosave: true }, declarators: [] }]);
  });
});
