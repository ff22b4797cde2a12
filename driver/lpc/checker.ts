// The LPC checker: scopes, modifiers, inheritance rules and type checks over
// the parser's AST, following Neolith's compiler: functions declared with a
// type are type-checked (its exact_types), `#pragma strict_types` makes the
// type mandatory and adds efun argument types. It reads
// inherited programs only through their ProgramInterface (program-interface.ts)
// and efuns through the registry's signature strings (signature.ts), both
// supplied by the engine in a CheckEnv. It annotates `Call.resolved` for
// codegen, which must not depend on anything else the checker computes.
//
// When an inherited program's interface is unknown (env returned null), the
// checks that need the full picture (undefined names, `::` calls) are skipped
// rather than guessed: the engine reports the failed inherit itself.
import type {
  Block, Call, Expr, FunctionDecl, Loc, Modifiers, Param, Program, Stmt, SuperCall, SwitchCase, TypeRef,
} from './ast.js';
import { DiagnosticSink, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import {
  buildProgramInterface, flatDecls, type FunctionInterface, type ProgramInterface, type VariableInterface,
} from './program-interface.js';
import { parseSignature, typeToString, type FunctionSignature } from './signature.js';

export interface CheckEnv {
  /** Interface of an inherited program (`path` as written in `inherit`, `from` the inheriting file); null if unknown. */
  inherited(path: string, from: string): ProgramInterface | null;
  /** The efun registry's signature string for `name`, or null when there is no such efun. */
  efunSignature(name: string): string | null;
  /** A simul_efun, when the mudlib has one by that name. */
  simulEfun?(name: string): FunctionInterface | null;
  /** MudOS's OLD_TYPE_BEHAVIOR: a declared return type alone does not turn type checks on. */
  oldTypeBehavior?: boolean;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** True when no error was reported. */
  ok: boolean;
  /** What this program offers to inheritors (keep it for CheckEnv.inherited). */
  iface: ProgramInterface;
}

const t = (base: TypeRef['base'], arrayDepth = 0): TypeRef => ({ base, arrayDepth });
const MIXED = t('mixed');
const INT = t('int');
const FLOAT = t('float');
const STRING = t('string');
const MAPPING = t('mapping');
const OBJECT = t('object');
const FUNCTION = t('function');

function isMixed(x: TypeRef): boolean {
  return x.arrayDepth === 0 && (x.base === 'mixed' || x.base === 'unknown');
}

function norm(x: TypeRef): TypeRef['base'] {
  return x.base === 'status' ? 'int' : x.base;
}

/**
 * The number MudOS's parser folds an expression to, or undefined: number
 * literals, unary - ~ ! of one, and + - * / % & | ^ << >> of two (as its
 * grammar and binary_int_op() fold them; floats only through + - * /). Ints
 * are 64-bit. A zero divisor folds to nothing (it is reported where it is).
 */
function foldedNumber(e: Expr): bigint | number | undefined {
  switch (e.kind) {
    case 'IntLit': return BigInt(e.value);
    case 'FloatLit': return e.value;
    case 'Unary': {
      const v = foldedNumber(e.operand);
      if (v === undefined) return undefined;
      if (e.op === '-') return typeof v === 'bigint' ? BigInt.asIntN(64, -v) : -v;
      if (e.op === '+') return v;
      if (typeof v !== 'bigint') return undefined;
      return e.op === '~' ? ~v : v === 0n ? 1n : 0n;
    }
    case 'Binary': {
      const l = foldedNumber(e.left);
      const r = foldedNumber(e.right);
      if (l === undefined || r === undefined) return undefined;
      if (typeof l !== 'bigint' || typeof r !== 'bigint') {
        const a = Number(l);
        const b = Number(r);
        if (e.op === '+') return a + b;
        if (e.op === '-') return a - b;
        if (e.op === '*') return a * b;
        if (e.op === '/') return b === 0 ? undefined : a / b;
        return undefined;
      }
      const wrap = (x: bigint) => BigInt.asIntN(64, x);
      switch (e.op) {
        case '+': return wrap(l + r);
        case '-': return wrap(l - r);
        case '*': return wrap(l * r);
        case '/': return r === 0n ? undefined : wrap(l / r);
        case '%': return r === 0n ? undefined : l % r;
        case '&': return l & r;
        case '|': return l | r;
        case '^': return l ^ r;
        case '<<': return r >= 0n && r < 64n ? wrap(l << r) : undefined;
        case '>>': return r >= 0n && r < 64n ? l >> r : undefined;
        default: return undefined;
      }
    }
    default: return undefined;
  }
}

function isZero(e?: Expr): boolean {
  return !!e && e.kind === 'IntLit' && e.value === 0;
}

/**
 * Whether a value of type `actual` may go where `expected` is declared
 * (Neolith's compatible_types): 0 fits every type, `mixed` fits and accepts
 * anything, `mixed *` any array, int and float convert both ways.
 */
export function isCompatible(expected: TypeRef, actual: TypeRef, expr?: Expr): boolean {
  if (isMixed(expected) || isMixed(actual) || isZero(expr)) return true;
  if (actual.base === 'void' && actual.arrayDepth === 0) {
    // lpcc_compatible: a void value converts to int (`return voidcall();` in an int function).
    return (expected.base === 'void' || norm(expected) === 'int') && expected.arrayDepth === 0;
  }
  if (expected.base === 'void') return false;
  if (expected.base === 'mixed') return actual.arrayDepth >= expected.arrayDepth;
  if (actual.base === 'mixed') return actual.arrayDepth <= expected.arrayDepth;
  if (expected.arrayDepth !== actual.arrayDepth) return false;
  const e = norm(expected);
  const a = norm(actual);
  if (e === a) return e !== 'class' || expected.className === actual.className;
  // Neolith's lpcc_compatible table: int and float convert both ways.
  return expected.arrayDepth === 0 && (e === 'float' || e === 'int') && (a === 'float' || a === 'int');
}

/** Checks `program`; diagnostics go to `sink` (a fresh one over program.files by default). */
export function checkProgram(program: Program, env: CheckEnv, sink = new DiagnosticSink(program.files)): CheckResult {
  const before = sink.errorCount;
  const iface = new Checker(program, env, sink).run();
  return { diagnostics: sink.diagnostics, ok: sink.errorCount === before, iface };
}

interface FnContext {
  name: string;
  returnType: TypeRef;
  implicit: boolean;
  scopes: Map<string, TypeRef>[];
  loops: number;
  switches: number;
  /** Inside `catch { }` / `time_expression { }`: MudOS's SPECIAL_CONTEXT (no break/continue out of it). */
  special: number;
  /** Inside such a block used as an expression (`err = catch { };`), which `return` may not leave. */
  valueBlocks: number;
  /** The enclosing context of a `(: :)` pointer ('#ptr') or anonymous function ('#anon'); `$(x)` evaluates there. */
  parent?: FnContext;
}

class Checker {
  private readonly path: string;
  private readonly strict: boolean;
  private iface!: ProgramInterface;
  /** The inherited part of iface: a global of this file is known only after its declaration. */
  private inheritedIface!: ProgramInterface;
  /** This file's globals declared so far, in the order run() visits the declarations. */
  private readonly declaredGlobals = new Set<string>();
  /** Some inherit could not be resolved: name checks would guess, so skip them. */
  private incomplete = false;
  private ctx: FnContext | null = null;

  constructor(private readonly program: Program, private readonly env: CheckEnv, private readonly sink: DiagnosticSink) {
    this.path = program.files[0] ?? '';
    this.strict = program.pragmas.includes('strict_types');
  }

  /**
   * Whether strict_types is on at a source position: MudOS applies a pragma
   * from its line on, so `#pragma no_strict_types` before a function exempts
   * it (testsuite compiler/succeed.c). Within a file with pragma lines the
   * last one before the position decides (before the first one, the state it
   * found); a file without any uses the state at the end of the program.
   */
  private strictAt(loc: Loc): boolean {
    const events = this.program.pragmaEvents;
    if (!events) return this.strict;
    let found: boolean | undefined;
    let first: boolean | undefined;
    for (const e of events) {
      if (e.pragma !== 'strict_types' || e.file !== loc.file) continue;
      if (first === undefined) first = e.before;
      if (e.line <= loc.line) found = e.after;
    }
    return found ?? first ?? this.strict;
  }

  private report(code: DiagnosticCode, loc: Loc, ...args: (string | number)[]): void {
    this.sink.report(code, loc.file, loc.line, ...args);
  }

  run(): ProgramInterface {
    const decls = flatDecls(this.program);
    const inherits: { alias: string; modifiers: Modifiers; iface: ProgramInterface }[] = [];
    // The same program inherited twice is an error. Two different programs
    // sharing an alias only make `Alias::f` ambiguous, which FluffOS accepts
    // (Lima's /std/adversary.c does it), so that is not reported.
    const seen = new Set<string>();
    let varDefined = false;
    for (const d of decls) {
      if (d.kind === 'VarDecl') varDefined = true;
      if (d.kind !== 'Inherit') continue;
      // Neolith lays out inherited variables first, so an inherit may not follow a global.
      if (varDefined) this.report('check-inherit-after-var', d.loc);
      const key = d.path.replace(/^\/*/, '/').replace(/\.c$/, '');
      if (seen.has(key)) this.report('check-duplicate-inherit', d.loc, d.name);
      seen.add(key);
      const iface = this.env.inherited(d.path, this.path);
      if (iface) inherits.push({ alias: d.name, modifiers: d.modifiers, iface });
      else this.incomplete = true;
    }
    const inheritedOnly = buildProgramInterface({ ...this.program, decls: [] }, inherits);
    this.inheritedIface = inheritedOnly;
    this.iface = buildProgramInterface(this.program, inherits);

    this.checkDeclarations(decls, inheritedOnly);
    for (const d of decls) {
      if (d.kind === 'VarDecl') {
        for (const v of d.declarators) {
          this.checkType(v.type, v.loc);
          if (v.init) {
            this.ctx = this.newContext('#global', MIXED, true);
            const vt = this.expr(v.init);
            if (!isCompatible(v.type, vt, v.init)) this.report('check-init-type', v.loc, typeToString(v.type), typeToString(vt), v.name);
            this.ctx = null;
          }
          this.declaredGlobals.add(v.name);
        }
      } else if (d.kind === 'Function' && d.body) {
        this.checkFunction(d);
      }
    }
    return this.iface;
  }

  // -------------------------------------------------------------------------
  // Declarations

  private checkDeclarations(decls: ReturnType<typeof flatDecls>, inherited: ProgramInterface): void {
    const globals = new Set<string>();
    const functions = new Map<string, FunctionDecl>();
    const classes = new Set<string>();
    for (const d of decls) {
      switch (d.kind) {
        case 'VarDecl':
          for (const v of d.declarators) {
            this.checkNotVoid(v.type, v.loc, 'global variable');
            if (globals.has(v.name)) this.report('check-redeclared-global', v.loc, v.name);
            globals.add(v.name);
          }
          break;
        case 'Class':
          if (classes.has(d.name)) this.report('check-redefined-class', d.loc, d.name);
          classes.add(d.name);
          for (const m of d.members) {
            this.checkType(m.type, m.loc);
            this.checkNotVoid(m.type, m.loc, 'class member');
          }
          break;
        case 'Function': {
          if (this.strictAt(d.loc) && d.implicitType && d.name !== 'create') this.report('check-strict-untyped', d.loc);
          const prev = functions.get(d.name);
          if (prev) {
            if (prev.body && d.body) this.report('check-redefined-function', d.loc, d.name);
            else if (!sameSignature(prev, d)) this.report('check-inconsistent-function', d.loc, d.name);
          }
          if (!prev || d.body) functions.set(d.name, d);
          const inh = inherited.functions.get(d.name);
          // Defining the body of an inherited nomask prototype is fine; replacing a definition is not.
          if (d.body && inh && !inh.hidden && inh.defined && inh.modifiers.nomask) this.report('check-nomask', d.loc, d.name);
          this.checkType(d.returnType, d.loc);
          for (const p of d.params) {
            this.checkType(p.type, p.loc);
            this.checkNotVoid(p.type, p.loc, 'argument');
            if (p.rest && p.type.arrayDepth === 0 && !isMixed(p.type)) this.report('check-rest-array', p.loc);
          }
          break;
        }
      }
    }
  }

  /** `void` is only a return type (Neolith: "Illegal to declare local variable of type void."). */
  private checkNotVoid(type: TypeRef, loc: Loc, what: string): void {
    if (type.base === 'void' && type.arrayDepth === 0) this.report('check-void-declaration', loc, what);
  }

  /** Reports a `class X` type whose class is unknown. */
  private checkType(type: TypeRef, loc: Loc): void {
    if (type.base === 'class' && !this.iface.classes.has(type.className!) && !this.incomplete) {
      this.report('check-undefined-class', loc, type.className!);
    }
  }

  private newContext(name: string, returnType: TypeRef, implicit: boolean, parent?: FnContext): FnContext {
    return { name, returnType, implicit, scopes: [new Map()], loops: 0, switches: 0, special: 0, valueBlocks: 0, parent };
  }

  private checkFunction(d: FunctionDecl): void {
    this.ctx = this.newContext(d.name, d.returnType, !!d.implicitType);
    this.declareParams(d.params);
    this.block(d.body!, false);
    this.ctx = null;
  }

  private declareParams(params: Param[]): void {
    for (const p of params) {
      if (!p.name) continue;
      this.declareLocal(p.name, p.type, p.loc);
      if (p.defaultValue) this.expr(p.defaultValue);
    }
  }

  /**
   * Declares a local in the innermost scope. As in Neolith, a name still
   * visible from an enclosing block of the same function may not be declared
   * again (sibling blocks may reuse a name once the first block has closed).
   */
  private declareLocal(name: string, type: TypeRef, loc: Loc): void {
    const scopes = this.ctx!.scopes;
    const top = scopes[scopes.length - 1];
    if (scopes.some((sc) => sc.has(name))) this.report('check-redeclared-local', loc, name);
    this.checkType(type, loc);
    top.set(name, type);
  }

  /**
   * A local by name. `outsideFunctional` is set when the local belongs to a
   * function around the current `(: :)`, which MudOS rejects ("Illegal to use
   * local variable in a functional."; `$(x)` captures it instead).
   */
  private lookupLocal(name: string): { type: TypeRef; outsideFunctional: boolean } | undefined {
    let crossed = false;
    for (let c: FnContext | undefined = this.ctx ?? undefined; c; c = c.parent) {
      for (let i = c.scopes.length - 1; i >= 0; i--) {
        const v = c.scopes[i].get(name);
        if (v) return { type: v, outsideFunctional: crossed };
      }
      // Anonymous functions do not see the enclosing function's locals (use `$(x)`).
      if (c.name === '#anon') break;
      if (c.name === '#ptr') crossed = true;
    }
    return undefined;
  }

  private lookupVariable(name: string): TypeRef | undefined {
    const local = this.lookupLocal(name);
    if (local) return local.type;
    const g = this.global(name);
    return g && !g.hidden ? g.type : undefined;
  }

  /**
   * The global a name means at this point of the file: MudOS's parser knows
   * a variable of this file only from its declaration on ("Undefined
   * variable" before it); inherited ones are known throughout.
   */
  private global(name: string): VariableInterface | undefined {
    const g = this.iface.variables.get(name);
    if (!g || g.origin !== this.path || this.declaredGlobals.has(name)) return g;
    return this.inheritedIface.variables.get(name);
  }

  // -------------------------------------------------------------------------
  // Statements

  private block(b: Block, newScope = true): void {
    if (newScope) this.ctx!.scopes.push(new Map());
    for (const s of b.body) this.stmt(s);
    if (newScope) this.ctx!.scopes.pop();
  }

  private stmt(s: Stmt): void {
    const ctx = this.ctx!;
    switch (s.kind) {
      case 'Block': return this.block(s);
      case 'ExprStmt': this.expr(s.expr); return;
      case 'LocalVarDecl':
        for (const v of s.declarators) {
          if (v.init) {
            const vt = this.expr(v.init);
            if (!isCompatible(v.type, vt, v.init)) this.report('check-init-type', v.loc, typeToString(v.type), typeToString(vt), v.name);
          }
          this.checkNotVoid(v.type, v.loc, 'local variable');
          this.declareLocal(v.name, v.type, v.loc);
        }
        return;
      case 'If':
        this.expr(s.test);
        this.scoped(() => this.stmt(s.then));
        if (s.else) this.scoped(() => this.stmt(s.else!));
        return;
      case 'While':
        this.expr(s.test);
        this.loop(() => this.stmt(s.body));
        return;
      case 'DoWhile':
        this.loop(() => this.stmt(s.body));
        this.expr(s.test);
        return;
      case 'For':
        ctx.scopes.push(new Map());
        if (s.init) {
          if (s.init.kind === 'LocalVarDecl') this.stmt(s.init);
          else this.expr(s.init);
        }
        if (s.test) this.expr(s.test);
        if (s.update) this.expr(s.update);
        this.loop(() => this.stmt(s.body));
        ctx.scopes.pop();
        return;
      case 'Foreach':
        this.expr(s.collection);
        ctx.scopes.push(new Map());
        for (const v of s.vars) {
          if (v.type) this.declareLocal(v.name, v.type, v.loc);
          else if (!this.lookupVariable(v.name) && !this.incomplete) this.report('check-undefined-variable', v.loc, v.name);
        }
        this.loop(() => this.stmt(s.body));
        ctx.scopes.pop();
        return;
      case 'Switch':
        this.expr(s.discriminant);
        ctx.switches++;
        ctx.scopes.push(new Map());
        this.checkCaseLabels(s.cases);
        for (const c of s.cases) {
          if (c.test) this.expr(c.test);
          if (c.high) this.expr(c.high);
          for (const b of c.body) this.stmt(b);
        }
        ctx.scopes.pop();
        ctx.switches--;
        return;
      case 'Return': {
        if (ctx.valueBlocks > 0) this.report('check-special-return', s.loc);
        // Neolith checks returns in every function declared with a type
        // (exact_types), pragma or not; `void` accepts only 0 and mixed values.
        const typed = ctx.name !== '#anon' && !ctx.implicit;
        if (!s.value) {
          const rt = ctx.returnType;
          if (typed && !(rt.base === 'void' && rt.arrayDepth === 0)) this.report('check-missing-return', s.loc);
          return;
        }
        const vt = this.expr(s.value);
        if (typed && !isCompatible(ctx.returnType, vt, s.value)) {
          this.report('check-return-type', s.loc, typeToString(vt), typeToString(ctx.returnType));
        }
        return;
      }
      case 'Break':
        if (ctx.loops === 0 && ctx.switches === 0) this.report(ctx.special ? 'check-special-break' : 'check-break', s.loc);
        return;
      case 'Continue':
        if (ctx.loops === 0) this.report(ctx.special ? 'check-special-continue' : 'check-continue', s.loc);
        return;
      case 'CatchBlock':
        this.specialBlock(s.body, false);
        return;
      case 'Empty':
        return;
    }
  }

  /**
   * Neolith's case-label rules: one `default`, labels all strings or all
   * numbers (0 fits either), and no strings as range bounds.
   */
  private checkCaseLabels(cases: SwitchCase[]): void {
    let sawDefault = false;
    let strings = false;
    let numbers = false;
    for (const c of cases) {
      if (c.isDefault) {
        if (sawDefault) this.report('check-duplicate-default', c.loc);
        sawDefault = true;
        continue;
      }
      for (const b of [c.test, c.high]) {
        if (!b) continue;
        if (b.kind === 'StringLit') {
          if (c.isRange) this.report('check-string-range', c.loc);
          else if (numbers) this.report('check-mixed-case', c.loc);
          strings = true;
        } else if (b.kind === 'IntLit' && b.value !== 0) {
          if (strings) this.report('check-mixed-case', c.loc);
          numbers = true;
        }
      }
    }
  }

  private scoped(f: () => void): void {
    this.ctx!.scopes.push(new Map());
    f();
    this.ctx!.scopes.pop();
  }

  private loop(f: () => void): void {
    const ctx = this.ctx!;
    ctx.loops++;
    this.scoped(f);
    ctx.loops--;
  }

  // -------------------------------------------------------------------------
  // Expressions (each returns its static type)

  private expr(e: Expr): TypeRef {
    switch (e.kind) {
      case 'IntLit': return e.value === 0 ? MIXED : INT; // MudOS types a literal 0 as `mixed` (it fits anything)
      case 'FloatLit': return FLOAT;
      case 'StringLit': return STRING;
      case 'ArrayLit':
        // MudOS types every array literal `mixed *` (F_AGGREGATE): no element inference.
        for (const x of e.elements) this.expr(x);
        return t('mixed', 1);
      case 'MappingLit':
        for (const en of e.entries) {
          this.expr(en.key);
          this.expr(en.value);
        }
        return MAPPING;
      case 'Identifier': {
        const local = this.lookupLocal(e.name);
        if (local) {
          if (local.outsideFunctional) this.report('check-functional-local', e.loc);
          return local.type;
        }
        const g = this.global(e.name);
        if (g && !g.hidden) return g.type;
        if (g) this.report('check-private-variable', e.loc, e.name);
        else if (!this.incomplete) this.report('check-undefined-variable', e.loc, e.name);
        return MIXED;
      }
      case 'Assign': {
        const target = this.expr(e.target);
        const value = this.expr(e.value);
        if (this.typed() && e.op === '=' && e.target.kind !== 'ArrayLit' && !isCompatible(target, value, e.value)) {
          this.report('check-bad-assignment', e.loc, typeToString(target), typeToString(value));
        }
        // Neolith types an assignment by its right side (`a = b = 0` is fine for any a).
        return e.op === '=' ? value : target;
      }
      case 'Binary': {
        // MudOS folds constant operands at compile time, so a constant dividing by a
        // constant zero (`100 / (2 - 2)` too) is a compile error.
        if (e.op === '/' || e.op === '%') {
          const l = foldedNumber(e.left);
          const r = foldedNumber(e.right);
          if (l !== undefined && r !== undefined && Number(r) === 0 && (e.op === '/' || typeof l === 'bigint' && typeof r === 'bigint')) {
            this.report(e.op === '/' ? 'check-divide-zero' : 'check-modulo-zero', e.loc);
          }
        }
        return binaryType(e.op, this.expr(e.left), this.expr(e.right));
      }
      case 'Logical':
        this.expr(e.left);
        this.expr(e.right);
        return MIXED;
      case 'Unary': {
        const o = this.expr(e.operand);
        return e.op === '!' || e.op === '~' ? INT : o;
      }
      case 'Update': return this.expr(e.target);
      case 'Conditional': {
        this.expr(e.test);
        const a = this.expr(e.then);
        const b = this.expr(e.else);
        if (isZero(e.then)) return b;
        if (isZero(e.else)) return a;
        return a.base === b.base && a.arrayDepth === b.arrayDepth && a.className === b.className ? a : MIXED;
      }
      case 'Comma': {
        let last = MIXED;
        for (const x of e.exprs) last = this.expr(x);
        return last;
      }
      case 'Call': return this.call(e);
      case 'CallOther':
        this.expr(e.target);
        for (const a of e.args) this.expr(a);
        return MIXED;
      case 'SuperCall': return this.superCall(e);
      case 'Index': {
        // MudOS folds `({ ... })[n]` at compile time (a macro that expands to an
        // array constant, indexed), so a literal index outside it is a compile error.
        const t = e.target;
        const folded = t.kind === 'ArrayLit' && !t.spread?.some(Boolean) ? foldedNumber(e.index) : undefined;
        if (t.kind === 'ArrayLit' && typeof folded === 'bigint') {
          const n = Number(folded);
          const size = t.elements.length;
          if (e.fromEnd ? n < 1 || n > size : n < 0 || n >= size) this.report('check-array-constant-index', e.index.loc);
        }
        const tt = this.expr(e.target);
        this.expr(e.index);
        if (tt.arrayDepth > 0) return { ...tt, arrayDepth: tt.arrayDepth - 1 };
        if (tt.base === 'string') return INT;
        return MIXED;
      }
      case 'Range': {
        const tt = this.expr(e.target);
        if (e.low) this.expr(e.low);
        if (e.high) this.expr(e.high);
        return tt.arrayDepth > 0 || tt.base === 'string' || tt.base === 'buffer' ? tt : MIXED;
      }
      case 'MemberAccess': {
        const tt = this.expr(e.target);
        if (tt.base !== 'class' || tt.arrayDepth !== 0) {
          // Neolith's grammar: `->` without a call needs a class (or untyped) left side.
          if (!isMixed(tt)) this.report('check-member-not-class', e.loc);
          return MIXED;
        }
        const cls = this.iface.classes.get(tt.className!);
        if (!cls) return MIXED;
        const m = cls.members.find((x) => x.name === e.member);
        if (!m) {
          this.report('check-class-member', e.loc, tt.className!, e.member);
          return MIXED;
        }
        return m.type;
      }
      case 'Cast':
        this.checkType(e.type, e.loc);
        this.expr(e.expr);
        return e.type;
      case 'FunctionPtr':
        if (e.form === 'name' && !e.scope && !e.args?.length) {
          // Neolith's lexer gives variables priority in `(: x :)`: a local is
          // an error, a global makes a functional that reads the variable.
          const local = this.lookupLocal(e.name!);
          const g = this.global(e.name!);
          if (local) {
            this.report('check-functional-local', e.loc);
            return FUNCTION;
          }
          if (g && !g.hidden) {
            const fp = e as Expr & { kind: 'FunctionPtr' };
            fp.form = 'expr';
            fp.body = { kind: 'Identifier', loc: e.loc, name: e.name! };
            delete fp.name;
            return FUNCTION;
          }
        }
        if (e.form === 'name') {
          const name = e.name!;
          const known = e.scope === 'efun'
            ? this.env.efunSignature(name) !== null
            : this.findFunction(name) !== undefined || this.simulEfun(name) || this.env.efunSignature(name) !== null;
          if (!known) {
            if (e.scope === 'efun') this.report('check-unknown-efun', e.loc, name);
            else if (this.iface.functions.get(name)?.hidden) this.report('check-private-function', e.loc, name);
            else if (!this.incomplete) this.report('check-undefined-function', e.loc, name);
          }
          for (const a of e.args ?? []) this.expr(a);
        } else if (e.body) {
          this.withContext(this.newContext('#ptr', MIXED, true, this.ctx ?? undefined), () => this.expr(e.body!));
        }
        return FUNCTION;
      case 'AnonFunction':
        this.withContext(this.newContext('#anon', e.returnType, true, this.ctx ?? undefined), () => {
          this.declareParams(e.params);
          this.block(e.body, false);
        });
        return FUNCTION;
      case 'Catch':
        if (e.block) this.specialBlock(e.block, true);
        else this.expr(e.expr);
        return MIXED;
      case 'Sscanf':
        this.expr(e.input);
        this.expr(e.format);
        for (const x of e.targets) this.expr(x);
        return INT;
      case 'ParseCommand':
        this.expr(e.input);
        this.expr(e.source);
        this.expr(e.pattern);
        for (const x of e.targets) this.expr(x);
        return INT;
      case 'New':
        if (e.form === 'class') {
          const cls = this.iface.classes.get(e.className!);
          if (!cls) {
            if (!this.incomplete) this.report('check-undefined-class', e.loc, e.className!);
          } else {
            for (const f of e.fields ?? []) {
              if (!cls.members.some((m) => m.name === f.name)) this.report('check-class-member', e.loc, e.className!, f.name);
            }
          }
          for (const f of e.fields ?? []) this.expr(f.value);
          return { base: 'class', className: e.className, arrayDepth: 0 };
        }
        for (const a of e.args ?? []) this.expr(a);
        return OBJECT;
      case 'ArgRef':
        if (e.index < 1) this.report('check-argref-zero', e.loc);
        else if (e.index > 256) this.report('check-argref-max', e.loc);
        return MIXED;
      case 'Capture': {
        // `$(x)` is evaluated where the pointer is made: in the enclosing function.
        const outer = this.ctx?.parent;
        return outer ? this.withContext(outer, () => this.expr(e.expr)) : this.expr(e.expr);
      }
      case 'Ref': return this.expr(e.target);
      case 'TimeExpr':
        if (e.block) this.specialBlock(e.block, true);
        else this.expr(e.expr);
        return INT;
    }
  }

  /**
   * Type checks apply inside functions declared with a type (Neolith's
   * exact_types; `#pragma strict_types` only makes the type mandatory).
   * Expression pointers take their enclosing function's setting; anonymous
   * functions are typed (their return type is mixed).
   */
  private typed(): boolean {
    // (MudOS grammar: OLD_TYPE_BEHAVIOR leaves exact_types off in typed
    // functions, #pragma strict_types or not.)
    if (this.env.oldTypeBehavior) return false;
    let c = this.ctx;
    while (c && c.name === '#ptr') c = c.parent ?? null;
    return !!c && (c.name === '#anon' || !c.implicit);
  }

  /**
   * The block of `catch { }` / `time_expression { }` (MudOS expr_or_block in
   * SPECIAL_CONTEXT): loops and switches around it are out of reach for
   * `break`/`continue`. Used as a value (`err = catch { };`) it is compiled
   * as a closure, so `return` may not leave it either (in MudOS a return
   * there pops the catch frame instead of the function's: undefined).
   */
  private specialBlock(b: Block, asValue: boolean): void {
    const ctx = this.ctx!;
    const { loops, switches } = ctx;
    ctx.loops = 0;
    ctx.switches = 0;
    ctx.special++;
    if (asValue) ctx.valueBlocks++;
    this.block(b);
    if (asValue) ctx.valueBlocks--;
    ctx.special--;
    ctx.loops = loops;
    ctx.switches = switches;
  }

  private withContext<T>(ctx: FnContext, f: () => T): T {
    const saved = this.ctx;
    this.ctx = ctx;
    try {
      return f();
    } finally {
      this.ctx = saved;
    }
  }

  /** A simul_efun: only the simul_efun object's public functions count (not private/static/protected ones). */
  private simulEfun(name: string): FunctionInterface | null {
    const f = this.env.simulEfun?.(name);
    if (!f || f.hidden || f.modifiers.private || f.modifiers.static || f.modifiers.protected) return null;
    return f;
  }

  /** A function callable by name from this program (own or visible inherited). */
  private findFunction(name: string): FunctionInterface | undefined {
    const f = this.iface.functions.get(name);
    return f && !f.hidden ? f : undefined;
  }

  private call(c: Call): TypeRef {
    const argTypes = c.args.map((a) => this.expr(a));
    const spread = c.spread?.some(Boolean) ?? false;
    if (c.scope === 'efun') {
      const sig = this.env.efunSignature(c.callee);
      if (sig === null) {
        this.report('check-unknown-efun', c.loc, c.callee);
        return MIXED;
      }
      c.resolved = 'efun';
      return this.checkEfunArgs(c, parseSignature(sig), argTypes, spread);
    }
    const fn = this.findFunction(c.callee);
    if (fn) {
      c.resolved = 'local';
      return this.checkUserArgs(c, fn, argTypes, spread);
    }
    const v = this.lookupVariable(c.callee);
    if (v && (isMixed(v) || (v.base === 'function' && v.arrayDepth === 0))) {
      c.resolved = 'funcptr_var';
      return MIXED;
    }
    const se = this.simulEfun(c.callee);
    if (se) {
      c.resolved = 'simul_efun';
      return this.checkUserArgs(c, se, argTypes, spread, true);
    }
    const sig = this.env.efunSignature(c.callee);
    if (sig !== null) {
      c.resolved = 'efun';
      return this.checkEfunArgs(c, parseSignature(sig), argTypes, spread);
    }
    if (this.iface.functions.get(c.callee)?.hidden) this.report('check-private-function', c.loc, c.callee);
    // MudOS grammar: "Undefined function" needs exact_types (a typed function);
    // elsewhere the name is a forward reference that fails when called.
    else if (!this.incomplete && this.typed()) this.report('check-undefined-function', c.loc, c.callee);
    return MIXED;
  }

  private checkEfunArgs(c: Call, sig: FunctionSignature | null, argTypes: TypeRef[], spread: boolean): TypeRef {
    if (!sig) return MIXED;
    if (!spread && c.args.length < sig.minArgs) {
      this.report('check-efun-too-few', c.loc, c.callee);
      return sig.returnType;
    }
    if (!spread && c.args.length > sig.maxArgs) {
      this.report('check-efun-too-many', c.loc, c.callee);
      return sig.returnType;
    }
    // Neolith checks efun argument types in every typed function; Lapis only
    // under strict_types and otherwise leaves them to the run-time argument
    // checks ("Bad argument 1 to present()"), which mudlibs and the
    // conformance cases rely on in untyped-by-pragma code.
    if (this.strict && !this.env.oldTypeBehavior && !spread) {
      for (let i = 0; i < c.args.length && i < sig.params.length; i++) {
        const p = sig.params[i];
        if (!p.types.some((pt) => isCompatible(pt, argTypes[i], c.args[i]))) {
          this.report('check-efun-arg', c.args[i].loc, i + 1, c.callee);
        }
      }
    }
    return sig.returnType;
  }

  /**
   * Arguments of a call to an LPC function. As in Neolith, only when both the
   * calling function and the callee were declared with types; an untyped
   * side may pass fewer or more arguments (the rest read as 0, extras are
   * dropped), and old mudlibs rely on that. Simul_efuns get type checks but
   * no count check (mudlibs call them with optional trailing arguments).
   */
  private checkUserArgs(c: Call, fn: FunctionInterface, argTypes: TypeRef[], spread: boolean, simul = false): TypeRef {
    if (!this.typed() || fn.implicitType) return fn.returnType;
    const rest = fn.params.some((p) => p.rest);
    if (spread) {
      if (!rest && !fn.modifiers.varargs) this.report('check-spread-nonvarargs', c.loc, c.callee);
      return fn.returnType;
    }
    const fixed = fn.params.filter((p) => !p.rest);
    const required = fixed.filter((p) => !p.optional).length;
    // `varargs` functions take any count (Neolith skips the check for NAME_VARARGS).
    if (!simul && !fn.modifiers.varargs && (c.args.length < required || (!rest && c.args.length > fixed.length))) {
      this.report('check-arg-count', c.loc, c.callee);
      return fn.returnType;
    }
    // Argument types of an inherited function are known only when its program
    // was compiled with `#pragma save_types` (Neolith's type_start table).
    if (fn.origin !== this.path && !fn.typesSaved) return fn.returnType;
    for (let i = 0; i < c.args.length && i < fixed.length; i++) {
      const pt = fixed[i].type;
      if (!isCompatible(pt, argTypes[i], c.args[i])) {
        this.report('check-arg-type', c.args[i].loc, i + 1, c.callee, typeToString(pt), typeToString(argTypes[i]));
      }
    }
    return fn.returnType;
  }

  private superCall(e: SuperCall): TypeRef {
    for (const a of e.args) this.expr(a);
    if (this.incomplete) return MIXED;
    let candidates: ProgramInterface[];
    if (e.scope === '') candidates = [...this.iface.inherits.values()];
    else {
      const ih = this.iface.inherits.get(e.scope);
      if (!ih) {
        this.report('check-unknown-inherit', e.loc, e.scope);
        return MIXED;
      }
      candidates = [ih];
    }
    let hiddenIn: string | null = null;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const f = candidates[i].functions.get(e.name);
      if (!f || f.hidden) continue;
      if (f.modifiers.private) {
        hiddenIn = candidates[i].path;
        continue;
      }
      return f.returnType;
    }
    if (hiddenIn) this.report('check-private-function', e.loc, e.name);
    else this.report('check-undefined-super', e.loc, e.scope ? `${e.scope}::${e.name}` : `::${e.name}`);
    return MIXED;
  }
}

function sameType(a: TypeRef, b: TypeRef): boolean {
  return norm(a) === norm(b) && a.arrayDepth === b.arrayDepth && a.className === b.className;
}

/** Prototype and definition agree (old-style untyped declarations agree with anything). */
function sameSignature(a: FunctionDecl, b: FunctionDecl): boolean {
  if (a.implicitType || b.implicitType) return true;
  if (!sameType(a.returnType, b.returnType)) return false;
  if (a.params.length !== b.params.length) return false;
  return a.params.every((p, i) => sameType(p.type, b.params[i].type));
}

/** Result type of a binary operator from its operand types (MudOS rules, `mixed` when unsure). */
function binaryType(op: string, l: TypeRef, r: TypeRef): TypeRef {
  switch (op) {
    case '==': case '!=': case '<': case '<=': case '>': case '>=':
      return INT;
    case '+':
      if ((l.base === 'string' && l.arrayDepth === 0) || (r.base === 'string' && r.arrayDepth === 0)) {
        return isMixed(l) || isMixed(r) ? MIXED : STRING;
      }
      if (l.arrayDepth > 0 && r.arrayDepth > 0) return sameType(l, r) ? l : t('mixed', 1);
      if (norm(l) === 'mapping' && norm(r) === 'mapping' && l.arrayDepth === 0 && r.arrayDepth === 0) return MAPPING;
      return numeric(l, r);
    case '-':
      if (l.arrayDepth > 0) return l;
      return numeric(l, r);
    case '*': case '/': case '%':
      return numeric(l, r);
    case '&': case '|':
      if (l.arrayDepth > 0) return l;
      return isMixed(l) || isMixed(r) ? MIXED : INT;
    default:
      return isMixed(l) || isMixed(r) ? MIXED : INT;
  }
}

function numeric(l: TypeRef, r: TypeRef): TypeRef {
  if (l.arrayDepth || r.arrayDepth || isMixed(l) || isMixed(r)) return MIXED;
  const a = norm(l);
  const b = norm(r);
  if (a === 'int' && b === 'int') return INT;
  if ((a === 'float' || a === 'int') && (b === 'float' || b === 'int')) return FLOAT;
  return MIXED;
}
