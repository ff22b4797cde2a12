// The compile cache (DESIGN.md decision 1): generated JS plus everything the
// VM and the checker need about a program, stored through the host's
// cacheGet/cacheSet (a disk folder under Node) so that a reboot skips
// preprocessing, parsing, checking and codegen of unchanged files.
//
// Two records per program: an index keyed by the main file's text (it lists
// the includes with their hashes and the inherits), and a payload keyed by
// everything the output depends on (the index key, include hashes, inherited
// programs' own keys, the efun and simul_efun sets). An edited include or
// inherited file therefore misses, and so does everything inheriting it.
import type { MudlibHost } from '../vm/host.js';
import { ClassDefinition, type FunctionDef, type Program, type VarDef } from '../vm/program.js';
import type { ProgramInterface } from './program-interface.js';

/** Bump when codegen output or the payload shape changes. */
export const CACHE_FORMAT = 'lapis-cg-9';

/** A 64-bit-ish string hash (two independent 32-bit FNV-1a lanes), hex. Not cryptographic. */
export function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export interface CacheIndex {
  includes: [string, string][];
  inherits: { name: string; path: string }[];
}

interface SerializedIface {
  path: string;
  functions: [string, unknown][];
  variables: [string, unknown][];
  classes: [string, unknown][];
  inherits: [string, string][];
}

export interface CachePayload {
  format: string;
  source: string;
  files: string[];
  lineTable: number[];
  fileTable: number[];
  vars: VarDef[];
  functions: [string, FunctionDef][];
  classes: [string, string[], string[]][];
  globals: [string, { offset: number; ty: string; flags: number }][];
  scopeFunctions: [string, FunctionDef][];
  scopeClasses: [string, string][];
  jsNames: [string, string][];
  hasInitializers: boolean;
  ownBase: number;
  varCount: number;
  iface: SerializedIface | null;
}

export function readJson<T>(host: MudlibHost, key: string): T | undefined {
  const text = host.cacheGet?.(key);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The payload of a freshly compiled program (its inherits must be set). */
export function serializeProgram(prog: Program): CachePayload {
  const iface = prog.checkInterface as ProgramInterface | undefined;
  return {
    format: CACHE_FORMAT,
    source: prog.source,
    files: prog.files,
    lineTable: [...prog.lineTable],
    fileTable: [...prog.fileTable],
    vars: prog.vars,
    functions: [...prog.functions],
    classes: [...prog.classes].map(([n, c]) => [n, [...c.members], [...c.memberTypes]]),
    globals: [...prog.scope.globals],
    scopeFunctions: [...prog.scope.functions],
    scopeClasses: [...prog.scope.classes].map(([n, c]) => [n, c.programPath]),
    jsNames: [...prog.jsNames],
    hasInitializers: prog.hasInitializers,
    ownBase: prog.ownBase,
    varCount: prog.varCount,
    iface: iface
      ? {
        path: iface.path,
        functions: [...iface.functions],
        variables: [...iface.variables],
        classes: [...iface.classes],
        inherits: [...iface.inherits.keys()].map((alias) => {
          const ih = prog.inherits.find((x) => x.name === alias);
          return [alias, ih ? ih.program.path : ''];
        }),
      }
      : null,
  };
}

/**
 * Fills `prog` (whose inherits are already loaded, in order) from a payload.
 * `lookup` finds other programs by path (classes declared in inherits).
 */
export function restoreProgram(prog: Program, p: CachePayload, lookup: (path: string) => Program | undefined): boolean {
  if (p.format !== CACHE_FORMAT) return false;
  prog.source = p.source;
  prog.files = p.files;
  prog.lineTable = Int32Array.from(p.lineTable);
  prog.fileTable = Uint16Array.from(p.fileTable);
  prog.vars = p.vars;
  prog.functions = new Map(p.functions);
  for (const [n, members, types] of p.classes) prog.classes.set(n, new ClassDefinition(n, members, types));
  for (const [n, g] of p.globals) prog.scope.globals.set(n, g);
  for (const [n, f] of p.scopeFunctions) prog.scope.functions.set(n, f);
  for (const [n, path] of p.scopeClasses) {
    const owner = path === prog.path ? prog : lookup(path);
    const def = owner?.classes.get(n);
    if (!def) return false;
    prog.scope.classes.set(n, { def, programPath: path });
  }
  prog.jsNames = new Map(p.jsNames);
  prog.hasInitializers = p.hasInitializers;
  prog.ownBase = p.ownBase;
  prog.varCount = p.varCount;
  let base = 0;
  for (const ih of prog.inherits) {
    ih.offset = base;
    base += ih.program.varCount;
  }
  if (base !== p.ownBase) return false;
  prog.inheritDepth = 1 + Math.max(0, ...prog.inherits.map((ih) => ih.program.inheritDepth));
  if (p.iface) {
    const inherits = new Map<string, ProgramInterface>();
    for (const [alias, path] of p.iface.inherits) {
      const ip = lookup(path)?.checkInterface as ProgramInterface | undefined;
      if (ip) inherits.set(alias, ip);
    }
    prog.checkInterface = {
      path: p.iface.path,
      functions: new Map(p.iface.functions),
      variables: new Map(p.iface.variables),
      classes: new Map(p.iface.classes),
      inherits,
    } as ProgramInterface;
  }
  return true;
}
