// Compiled LPC programs and their linking into per-object dispatch tables.
//
// A Program is what one .c file compiles to: its inherits, its own global
// variables and functions, its classes, and a JS factory produced by codegen.
// The factory is instantiated once per (final program, inherit position), so
// that the variable offset `vo` of that position and the late-bound call
// targets are closure constants of the generated functions (DESIGN.md
// decision 1). Objects then share those closures and pass themselves as the
// first argument.
import type { LClassDef } from './values.js';

/** Function and variable modifier bits (MudOS semantics, see COMPAT.md "Language"). */
export const F_PRIVATE = 1;
export const F_STATIC = 2;
export const F_PROTECTED = 4;
export const F_NOMASK = 8;
export const F_VARARGS = 16;
export const F_PUBLIC = 32;
/** A prototype without a body. */
export const F_PROTOTYPE = 64;

/** Bits that hide a function from call_other (MudOS: static == protected for functions). */
export const F_HIDDEN_FROM_CALL_OTHER = F_PRIVATE | F_STATIC | F_PROTECTED;

/** One function declared by a program (a definition or a prototype). */
export interface FunctionDef {
  name: string;
  flags: number;
  /** Declared parameter count (without a `...` rest parameter). */
  arity: number;
  rest: boolean;
  /** Declared return type as written ("int", "mixed *", "class foo"). */
  returnType: string;
  /** Declared parameter types, as written. */
  paramTypes: string[];
  /** Per parameter: declared `ref` (absent when none is). */
  refParams?: boolean[];
  line: number;
}

/** One global variable of a program. `offset` is relative to the program's own variable block. */
export interface VarDef {
  name: string;
  flags: number;
  type: string;
  offset: number;
}

export interface InheritDef {
  /** Alias for `Name::f()`. */
  name: string;
  program: Program;
  /** Start of the inherited program's variables inside this program's block. */
  offset: number;
}

/** A class declaration with a member → index map for `->` access. */
export class ClassDefinition implements LClassDef {
  readonly index = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly members: readonly string[],
    readonly memberTypes: readonly string[],
  ) {
    members.forEach((m, i) => this.index.set(m, i));
  }
}

/** What a generated factory returns for one instantiation. */
export interface FactoryParts {
  /** The program's own function bodies by LPC name. */
  fns: Record<string, Function>;
  /** Runs this program's own global initializers (not the inherited ones). */
  init(ob: unknown): void;
  /** Receives the resolved call targets once the instance tree is built. */
  link(linker: Linker): void;
}

/** `factory(R, vo)`: R is the VM runtime, vo the variable offset of this inherit position. */
export type ProgramFactory = (R: unknown, vo: number) => FactoryParts;

/** How generated code asks for its late-bound targets. */
export interface Linker {
  /** `f()`: the most derived definition of the name (the program's own, private ones too, unless overridden). */
  call(name: string): Function;
  /** `::f()`: the definition inherited by this program. */
  parent(name: string): Function;
  /** `Name::f()`. */
  scoped(inherit: string, name: string): Function;
}

let nextProgramId = 1;

/** A compiled program (one .c file). */
export class Program {
  readonly id = nextProgramId++;
  inherits: InheritDef[] = [];
  vars: VarDef[] = [];
  /** Offset of this program's own variables in its block (after all inherited blocks). */
  ownBase = 0;
  /** Size of this program's variable block (inherited + own). */
  varCount = 0;
  functions = new Map<string, FunctionDef>();
  classes = new Map<string, ClassDefinition>();
  factory!: ProgramFactory;
  /** 1 for a program without inherits, else 1 + the deepest inherit (MaxInheritDepth). */
  inheritDepth = 1;
  /** Identity of this exact compilation for the disk cache (inheritors' keys include it). */
  cacheKey = '';
  /** The front end's ProgramInterface of this program (opaque to the VM; the checker reads it for inheritors). */
  checkInterface: unknown;
  /** True when the program declares global variables with initializers. */
  hasInitializers = true;
  /** Generated JS source (kept for debugging and the disk cache). */
  source = '';
  /** JS line (1-based, of the generated source) → LPC line; 0 when unknown. */
  lineTable: Int32Array = new Int32Array(0);
  /** JS line → index into `files` (0 = main file). */
  fileTable: Uint16Array = new Uint16Array(0);
  /** Files of the compilation unit: the main file then includes (mudlib-absolute). */
  files: string[] = [];
  /** The URL codegen puts in `//# sourceURL=`, used to find our frames in JS stacks. */
  sourceUrl = '';
  /** JS function name → LPC function name, for tracebacks. */
  jsNames = new Map<string, string>();
  /**
   * What the program offers to inheritors and to codegen of this file: visible
   * globals (offsets relative to this program's block), functions and classes.
   */
  readonly scope = {
    globals: new Map<string, { offset: number; ty: string; flags: number }>(),
    functions: new Map<string, FunctionDef>(),
    classes: new Map<string, { def: ClassDefinition; programPath: string }>(),
  };
  private linkedCache?: LinkedProgram;

  /** @param path mudlib-absolute file path, e.g. "/std/room.c". */
  constructor(readonly path: string) {}

  /** Object-style name without leading slash and `.c`: "std/room". */
  get name(): string {
    return this.path.replace(/^\//, '').replace(/\.c$/, '');
  }

  /** The final-program link (instance tree + dispatch table), built on first use. */
  linked(R: unknown): LinkedProgram {
    return (this.linkedCache ??= new LinkedProgram(this, R));
  }

  /** True if `other` is this program or inherited anywhere below it. */
  inheritsProgram(other: Program): boolean {
    if (other === this) return true;
    return this.inherits.some((ih) => ih.program.inheritsProgram(other));
  }

  /** Every inherited program path, depth first (for inherit_list/deep_inherit_list). */
  deepInherits(): Program[] {
    const out: Program[] = [];
    for (const ih of this.inherits) {
      out.push(ih.program, ...ih.program.deepInherits());
    }
    return out;
  }
}

/** A dispatch-table entry: a callable definition and where it came from. */
export interface FunctionEntry {
  name: string;
  fn: Function;
  def: FunctionDef;
  /** The program that defines the body. */
  program: Program;
}

/** One instantiated program at one inherit position of a final program. */
export class Instance {
  readonly children: Instance[];
  readonly parts: FactoryParts;
  private tableCache?: Map<string, FunctionEntry>;
  private hiddenCache?: Set<string>;

  constructor(
    readonly program: Program,
    readonly vo: number,
    R: unknown,
  ) {
    this.children = program.inherits.map((ih) => new Instance(ih.program, vo + ih.offset, R));
    this.parts = program.factory(R, vo);
  }

  /**
   * The functions visible at this position: inherited (non-private) ones,
   * later inherits overriding earlier ones, then this program's own bodies.
   * An inherited private function is not visible, but as in MudOS (where it
   * stays in the table as a hidden entry) it still takes its name from what
   * an earlier inherit offered: hiddenNames().
   */
  table(): Map<string, FunctionEntry> {
    if (this.tableCache) return this.tableCache;
    const t = new Map<string, FunctionEntry>();
    const hidden = new Set<string>();
    for (const child of this.children) {
      for (const [name, e] of child.table()) {
        if (e.def.flags & F_PRIVATE) {
          t.delete(name);
          hidden.add(name);
        } else {
          t.set(name, e);
          hidden.delete(name);
        }
      }
      for (const name of child.hiddenNames()) {
        t.delete(name);
        hidden.add(name);
      }
    }
    for (const [name, def] of this.program.functions) {
      if (def.flags & F_PROTOTYPE) continue;
      t.set(name, { name, fn: this.parts.fns[name], def, program: this.program });
      hidden.delete(name);
    }
    this.tableCache = t;
    this.hiddenCache = hidden;
    return t;
  }

  /** Names whose winning definition here is an inherited private function (see table()). */
  hiddenNames(): Set<string> {
    if (!this.hiddenCache) this.table();
    return this.hiddenCache!;
  }

  /**
   * The inherited private function that wins a name in hiddenNames(): MudOS
   * calls it for the late-bound calls of the programs below, and
   * function_exists(name, ob, 1) finds it.
   */
  hiddenFunction(name: string): FunctionEntry | undefined {
    if (!this.hiddenNames().has(name)) return undefined;
    for (let i = this.children.length - 1; i >= 0; i--) {
      const child = this.children[i];
      const e = child.table().get(name);
      if (e) return e.def.flags & F_PRIVATE ? e : undefined;
      if (child.hiddenNames().has(name)) return child.hiddenFunction(name);
    }
    return undefined;
  }

  /** Calls `link()` on this instance and all below it. */
  linkAll(root: Instance, undefinedFn: (name: string) => Function): void {
    for (const c of this.children) c.linkAll(root, undefinedFn);
    const self = this;
    const rootTable = root.table();
    this.parts.link({
      call(name) {
        // Late-bound like every call, private functions too: MudOS v22 (and
        // Neolith) keep an inherited private function's slot in the child's
        // function table under its name, so a program that defines the name,
        // privately or not, replaces it for the calls of the programs below.
        const e = rootTable.get(name) ?? root.hiddenFunction(name) ?? self.table().get(name);
        return e ? e.fn : undefinedFn(name);
      },
      parent(name) {
        // MudOS arrange_call_inherited(): the first direct inherit that has it.
        for (const child of self.children) {
          const e = child.table().get(name);
          if (e) return e.fn;
        }
        return undefinedFn(name);
      },
      scoped(inherit, name) {
        const i = self.program.inherits.findIndex((ih) => ih.name === inherit);
        const e = i >= 0 ? self.children[i].table().get(name) : undefined;
        return e ? e.fn : undefinedFn(`${inherit}::${name}`);
      },
    });
  }

  /** Runs global initializers: inherited blocks first, then own (MudOS __INIT order). */
  init(ob: unknown): void {
    for (const c of this.children) c.init(ob);
    this.parts.init(ob);
  }
}

/** A program used as the program of objects: its instance tree and dispatch table. */
export class LinkedProgram {
  readonly root: Instance;
  readonly table: Map<string, FunctionEntry>;
  /** Whether any program in the tree has global initializers (else __INIT is skipped). */
  readonly hasInit: boolean;
  /** create(), when callable by the driver (not private). */
  readonly create: Function | undefined;
  /** Whether the tree defines reset() / clean_up() (a new object gets reset state only then: resets.ts). */
  readonly hasReset: boolean;
  readonly hasCleanUp: boolean;

  constructor(readonly program: Program, R: unknown) {
    this.root = new Instance(program, 0, R);
    this.table = this.root.table();
    const anyInit = (p: Program): boolean => p.hasInitializers || p.inherits.some((ih) => anyInit(ih.program));
    this.hasInit = anyInit(program);
    const c = this.table.get('create');
    this.create = c && !(c.def.flags & F_PRIVATE) ? c.fn : undefined;
    this.hasReset = this.table.has('reset');
    this.hasCleanUp = this.table.has('clean_up');
    const rt = R as { undefinedFunction(name: string): Function };
    this.root.linkAll(this.root, (name) => rt.undefinedFunction(name));
  }
}
