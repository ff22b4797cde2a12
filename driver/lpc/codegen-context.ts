// Shared state of one codegen run: the program-level context (globals,
// functions, classes, hoisted helper functions, factory constants, link
// targets) and the per-function context (locals, temps, loop stack, captures
// of nested function pointers). codegen-expr.ts and codegen.ts build on it.
import type { Loc, TypeRef } from './ast.js';
import type { ClassDefinition, FunctionDef, Program } from '../vm/program.js';
import type { EfunEntry } from '../vm/runtime.js';

/** What codegen needs from the compile pipeline. */
export interface CodegenEnv {
  efuns: Map<string, EfunEntry>;
  /** Names the simul_efun object defines (they override efuns). */
  simulEfuns: Set<string>;
  /** Reports a compile error at a location. */
  error(loc: Loc, message: string): void;
  /** Asked for each `efun::name` (the master's valid_override; it reports its own error). */
  checkOverride?(name: string, loc: Loc): void;
}

/** A static type hint: 'int', 'float', 'string', 'array', 'mapping', 'object', 'function', 'mixed', 'void', 'class:name'. */
export type Ty = string;

/**
 * An LPC identifier as part of a JS identifier. The lexer takes any character
 * above 127 as an identifier character (UTF-8 names), but not all of those are
 * valid in JS (U+FFFD, lone surrogates, ...), so each non-ASCII character is
 * spelled `$hex$`: LPC names never contain `$`, so the spelling cannot collide.
 */
export function jsIdent(name: string): string {
  return /^[A-Za-z0-9_]*$/.test(name) ? name : name.replace(/[^A-Za-z0-9_]/g, (c) => '$' + c.charCodeAt(0).toString(16) + '$');
}

export function tyOf(t: TypeRef | undefined): Ty {
  if (!t) return 'mixed';
  if (t.arrayDepth > 0) return 'array';
  if (t.base === 'class') return 'class:' + (t.className ?? '');
  if (t.base === 'status') return 'int';
  if (t.base === 'unknown') return 'mixed';
  return t.base;
}

export function typeText(t: TypeRef): string {
  const base = t.base === 'class' ? `class ${t.className}` : t.base;
  return base + ' *'.repeat(t.arrayDepth);
}

export interface GlobalVar {
  offset: number;
  ty: Ty;
}

export interface ClassRef {
  def: ClassDefinition;
  /** The program that declares it (generated code fetches the definition from there by path). */
  programPath: string;
}

/** One emitted line with its LPC origin. */
export interface Line {
  text: string;
  file: number;
  line: number;
}

export class ProgCtx {
  readonly globals = new Map<string, GlobalVar>();
  /** Functions callable by name from this program (own and inherited). */
  readonly functions = new Map<string, FunctionDef>();
  readonly classes = new Map<string, ClassRef>();
  /** Factory-level constant declarations (`const K1 = ...;`). */
  readonly consts: string[] = [];
  private readonly constCache = new Map<string, string>();
  /** Link targets: key ("call:f", "parent:f", "scoped:A:f") → JS name. */
  readonly links = new Map<string, string>();
  /** Hoisted helper functions (function pointer bodies, anonymous functions). */
  readonly hoisted: Line[][] = [];
  private counter = 0;

  constructor(
    readonly prog: Program,
    readonly env: CodegenEnv,
    readonly files: string[],
  ) {}

  uid(): number {
    return ++this.counter;
  }

  /** A factory-level constant for `init` code, deduplicated by text. */
  constant(init: string): string {
    let name = this.constCache.get(init);
    if (!name) {
      name = `K${this.uid()}`;
      this.constCache.set(init, name);
      this.consts.push(`const ${name} = ${init};`);
    }
    return name;
  }

  /** The closure variable holding a late-bound call target. */
  link(kind: 'call' | 'parent' | 'scoped', name: string, scope = ''): string {
    const key = `${kind}:${scope}:${name}`;
    let js = this.links.get(key);
    if (!js) {
      js = `${kind === 'call' ? 'F' : kind === 'parent' ? 'P' : 'S'}${this.uid()}_${jsIdent(name)}`;
      this.links.set(key, js);
    }
    return js;
  }
}

export interface LocalVar {
  js: string;
  ty: Ty;
  /** For a `ref` parameter: the JS name holding the caller's LRef (undefined when passed by value). */
  ref?: string;
}

/** Per-function state. Nested function pointers get their own FnCtx with a parent. */
export class FnCtx {
  readonly lines: Line[] = [];
  private readonly scopes: Map<string, LocalVar>[] = [new Map()];
  /** Every local's JS name, declared at the top of the function. */
  readonly declared: string[] = [];
  private temps = 0;
  /** Innermost last: what `continue` does in each enclosing loop (null: plain `continue`). */
  readonly loops: { cont: string | null }[] = [];
  /** Values captured when a nested pointer is created: JS name inside → code outside. */
  readonly captures: { name: string; outer: string }[] = [];
  /** The JS local counting eval cost inside an outermost call-free loop (null outside). */
  evLocal: string | null = null;
  /**
   * Set for a named function's body: its innermost `for`/`while` loops are
   * outlined into chunk functions (Emitter.outlinedLoop). `names` are the
   * parameter-side JS names a loop may use besides the declared locals.
   */
  outline: { jsName: string; lpcName: string; names: string[] } | null = null;
  /** Inside an outlined loop: where `return` leaves its value, the status it sets, and the label it breaks to. */
  outlinedReturn: { value: string; status: string; label: string } | null = null;
  /** Highest `$N` used in an expression pointer. */
  maxArg = 0;
  /**
   * The code reads or writes a global or calls a function of the object's
   * program: a pointer made of it is not bindable (MudOS FP_NOT_BINDABLE).
   */
  touchesObject = false;
  indent = 1;
  curFile = 0;
  curLine = 0;

  constructor(
    readonly prog: ProgCtx,
    readonly kind: 'function' | 'pointer',
    readonly parent?: FnCtx,
  ) {}

  temp(): string {
    const t = `t${++this.temps}`;
    this.declared.push(t);
    return t;
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    this.scopes.pop();
  }

  declareLocal(name: string, ty: Ty, isParam = false): LocalVar {
    const js = isParam ? `p_${jsIdent(name)}` : `l${this.prog.uid()}_${jsIdent(name)}`;
    const v = { js, ty };
    this.scopes[this.scopes.length - 1].set(name, v);
    if (!isParam) this.declared.push(js);
    return v;
  }

  /** A local visible here; enclosing functions' locals become by-value captures. */
  lookup(name: string): LocalVar | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i].get(name);
      if (v) return v;
    }
    if (!this.parent) return undefined;
    const outer = this.parent.lookup(name);
    if (!outer) return undefined;
    const captured = this.capture(outer.js, outer.ty);
    this.scopes[0].set(name, captured);
    return captured;
  }

  capture(outerCode: string, ty: Ty): LocalVar {
    const name = `c${this.prog.uid()}`;
    this.captures.push({ name, outer: outerCode });
    return { js: name, ty };
  }

  at(loc: Loc): void {
    this.curFile = loc.file;
    this.curLine = loc.line;
  }

  emit(text: string, loc?: Loc): void {
    if (loc) this.at(loc);
    this.lines.push({ text: '  '.repeat(this.indent) + text, file: this.curFile, line: this.curLine });
  }
}
