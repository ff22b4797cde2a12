// What a compiled program offers to programs that inherit it: its callable
// functions, variables and classes with types and modifiers. The checker
// reads inherited programs only through this shape (the engine keeps one per
// compiled program and hands it back through CheckEnv), and builds one for
// the program it checks with buildProgramInterface().
import type { Modifiers, Program, TypeRef } from './ast.js';

export interface FunctionInterface {
  name: string;
  returnType: TypeRef;
  params: { name?: string; type: TypeRef; ref?: boolean; rest?: boolean; optional?: boolean }[];
  modifiers: Modifiers;
  /** Declared without a return type (old style): no argument checks. */
  implicitType?: boolean;
  /** False for a prototype that was never defined. */
  defined: boolean;
  /** Path of the program that defines it (for "private in X" messages). */
  origin: string;
  /** Private in an inherited program: recorded, but not callable from this program. */
  hidden?: boolean;
  /** Its program was compiled with `#pragma save_types`, so inheritors may check argument types. */
  typesSaved?: boolean;
}

export interface VariableInterface {
  name: string;
  type: TypeRef;
  modifiers: Modifiers;
  origin: string;
  hidden?: boolean;
}

export interface ClassInterface {
  name: string;
  members: { name: string; type: TypeRef }[];
}

export interface ProgramInterface {
  /** Mudlib-absolute path of the program ("/std/room.c"). */
  path: string;
  /**
   * Everything visible in the program, own and inherited, after overriding:
   * an own definition replaces an inherited one. Private entries are kept
   * (marked by their modifiers) so that inheritors can say "is private".
   */
  functions: Map<string, FunctionInterface>;
  variables: Map<string, VariableInterface>;
  classes: Map<string, ClassInterface>;
  /** Direct inherits: alias (`Name::f`) → that program's interface. */
  inherits: Map<string, ProgramInterface>;
}

/**
 * An entry of an inherited program as seen from the inheritor: private there
 * means hidden here; `private inherit` makes the rest private here (visible
 * here, hidden from our own inheritors). Entries hidden already stay out.
 */
function inheritEntry<T extends { modifiers: Modifiers; hidden?: boolean }>(e: T, inheritMods: Modifiers): T | null {
  if (e.hidden) return null;
  if (e.modifiers.private) return { ...e, hidden: true };
  return inheritMods.private ? { ...e, modifiers: { ...e.modifiers, private: true } } : e;
}

/**
 * Builds the interface of `program` given the interfaces of its inherits
 * (in inherit order, with their aliases). Later inherits override earlier
 * ones, own declarations override all; private inherited entries are kept
 * with `hidden` set so that the checker can say why a call fails.
 */
export function buildProgramInterface(
  program: Program,
  inherits: { alias: string; modifiers: Modifiers; iface: ProgramInterface }[],
): ProgramInterface {
  const path = program.files[0] ?? '';
  const out: ProgramInterface = { path, functions: new Map(), variables: new Map(), classes: new Map(), inherits: new Map() };
  for (const { alias, modifiers, iface } of inherits) {
    out.inherits.set(alias, iface);
    for (const [name, f] of iface.functions) {
      const e = inheritEntry(f, modifiers);
      const prev = out.functions.get(name);
      // A hidden (private) entry never replaces a visible one from an earlier
      // inherit, nor does a bare prototype replace a definition.
      if (!e || (prev && prev.hidden === false && (e.hidden || (!e.defined && prev.defined)))) continue;
      out.functions.set(name, e);
    }
    for (const [name, v] of iface.variables) {
      const e = inheritEntry(v, modifiers);
      if (e && !(e.hidden && out.variables.get(name)?.hidden === false)) out.variables.set(name, e);
    }
    for (const [name, c] of iface.classes) out.classes.set(name, c);
  }
  for (const d of flatDecls(program)) {
    if (d.kind === 'Function') {
      const prev = out.functions.get(d.name);
      // A prototype after an inherited or earlier definition does not hide it.
      if (!d.body && prev && prev.origin === path && prev.defined) continue;
      out.functions.set(d.name, {
        name: d.name,
        returnType: d.returnType,
        params: d.params.map((p) => ({ name: p.name, type: p.type, ref: p.ref, rest: p.rest, optional: p.defaultValue !== undefined })),
        modifiers: d.modifiers,
        implicitType: d.implicitType,
        defined: !!d.body || (prev?.defined === true && prev.origin !== path),
        origin: path,
        hidden: false,
        typesSaved: program.pragmas.includes('save_types'),
      });
    } else if (d.kind === 'VarDecl') {
      for (const v of d.declarators) out.variables.set(v.name, { name: v.name, type: v.type, modifiers: d.modifiers, origin: path, hidden: false });
    } else if (d.kind === 'Class') {
      out.classes.set(d.name, { name: d.name, members: d.members.map((m) => ({ name: m.name, type: m.type })) });
    }
  }
  return out;
}

/** Top-level declarations with ModifierBlocks flattened (their modifiers merged in). */
export function flatDecls(program: Program): Exclude<Program['decls'][number], { kind: 'ModifierBlock' }>[] {
  const out: Exclude<Program['decls'][number], { kind: 'ModifierBlock' }>[] = [];
  const walk = (decls: Program['decls'], mods: Modifiers): void => {
    for (const d of decls) {
      if (d.kind === 'ModifierBlock') walk(d.decls, { ...mods, ...d.modifiers });
      else if (Object.keys(mods).length && 'modifiers' in d) out.push({ ...d, modifiers: { ...mods, ...d.modifiers } } as typeof d);
      else out.push(d);
    }
  };
  walk(program.decls, {});
  return out;
}
