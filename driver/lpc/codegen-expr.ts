// Expression codegen: LPC expressions → JS expressions (DESIGN.md decision 1).
//
// Static types are hints only (without strict_types an `int` variable may hold
// anything), so every fast path is guarded by a cheap typeof test and falls
// back to the generic operators of driver/vm/ops.ts (`R.o.*`), which carry the
// exact 64-bit semantics and MudOS error messages. Ints are JS numbers while
// they are safe integers: `a + b` on two numbers is exact unless it leaves the
// safe range, which the guard checks before taking the fast result.
import type {
  AnonFunction, Assign, Binary, Block, Call, Expr, FunctionPtr, Index, Loc, MemberAccess, Range, Update,
} from './ast.js';
import { FnCtx, ProgCtx, tyOf, type Ty } from './codegen-context.js';
import { T_ANY, T_ARRAY, T_FLOAT, T_FUNCTION, T_INT, T_MAPPING, T_OBJECT, T_STRING } from '../vm/runtime.js';
import type { FunctionDef } from '../vm/program.js';

/** A compiled expression: JS code, a static type hint, and whether the code yields a JS boolean. */
export interface Ex {
  c: string;
  t: Ty;
  b?: boolean;
  /** The type is certain (literals, string concatenation), not just declared. */
  k?: boolean;
}

const MAX = '9007199254740991';

/** Binary operators with an int fast path: JS operator and generic op name. */
const ARITH: Record<string, { op: string; fn: string }> = {
  '+': { op: '+', fn: 'add' },
  '-': { op: '-', fn: 'sub' },
  '*': { op: '*', fn: 'mul' },
  '/': { op: '/', fn: 'div' },
  '%': { op: '%', fn: 'mod' },
  '&': { op: '&', fn: 'band' },
  '|': { op: '|', fn: 'bor' },
  '^': { op: '^', fn: 'bxor' },
  '<<': { op: '<<', fn: 'shl' },
  '>>': { op: '>>', fn: 'shr' },
};

/** Compound assignment slow paths (ops.ts ASSIGN_OPS semantics). */
const ASSIGN_FN: Record<string, string> = {
  '+': 'addEq', '-': 'subEq', '*': 'mulEq', '/': 'divEq', '%': 'modEq',
  '&': 'andEq', '|': 'orEq', '^': 'xorEq', '<<': 'shlEq', '>>': 'shrEq',
};

const COMPARE: Record<string, string> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** Static type → the efun type mask it guarantees (only when certain enough to skip the check). */
const TY_MASK: Record<string, number> = {
  int: T_INT, float: T_FLOAT, string: T_STRING, array: T_ARRAY, mapping: T_MAPPING,
  function: T_FUNCTION,
};

/** Inline JS tests for efun argument masks that name one type (the rest go through R.chk). */
const INLINE_TYPE_TEST: Record<number, (t: string) => string> = {
  [T_STRING]: (t) => `typeof ${t} === 'string'`,
  [T_INT]: (t) => `typeof ${t} === 'number'`,
  [T_ARRAY]: (t) => `Array.isArray(${t})`,
  [T_MAPPING]: (t) => `${t} instanceof R.K.LMapping`,
  // A destructed object is 0 to the type rules: R.chk raises the error for it.
  [T_OBJECT]: (t) => `${t} instanceof R.K.LpcObject && !${t}.destructed`,
};

/** Efuns codegen inlines or routes to the runtime (they need the VM's context). */
const INLINE_EFUNS = new Set(['this_object', 'undefinedp', 'sizeof', 'evaluate', 'call_other', 'previous_object', 'clone_object', 'destruct']);

export abstract class ExprEmitter {
  constructor(
    readonly p: ProgCtx,
    readonly fn: FnCtx,
  ) {}

  /** Compiles an anonymous function; returns a JS expression creating the pointer. */
  abstract anonFunction(e: AnonFunction): string;
  /** Compiles an expression pointer body; returns a JS expression creating the pointer. */
  abstract exprPointer(e: FunctionPtr): string;
  /**
   * Compiles the block of `catch { }` / `time_expression { }` used as an
   * expression into a JS closure; returns the name holding it (call it to run the block).
   */
  abstract blockClosure(kind: 'catch' | 'time', b: Block, loc: Loc): string;

  error(loc: Loc, msg: string): void {
    this.p.env.error(loc, msg);
  }

  // -------------------------------------------------------------------------
  // Value/boolean conversions

  /** The expression as an LPC value. */
  val(x: Ex): string {
    return x.b ? `(${x.c} ? 1 : 0)` : x.c;
  }

  /**
   * The value of `x` for storing into a variable of static type `to` (plain
   * `=` and initializers): MudOS do_promotions() converts a float-typed value
   * for an int variable (to_int, truncating) and an int-typed one for a float
   * variable. Only static types decide, as in MudOS; mixed values are stored as they are.
   */
  stored(x: Ex, to: Ty): string {
    if (to === 'int' && x.t === 'float') return `R.o.promoteToInt(${this.val(x)})`;
    if (to === 'float' && x.t === 'int') return `R.o.promoteToFloat(${this.val(x)})`;
    return this.val(x);
  }

  /** The expression as a JS boolean (LPC truth: only 0 and destructed objects are false). */
  test(x: Ex): string {
    if (x.b) return x.c;
    if (x.t === 'int') return `(${x.c}) !== 0`;
    if (x.t === 'string' || x.t === 'array' || x.t === 'mapping' || x.t === 'float') return `R.truthy(${x.c})`;
    const t = this.fn.temp();
    return `(typeof (${t} = ${x.c}) === 'number' ? ${t} !== 0 : R.truthy(${t}))`;
  }

  expr(e: Expr): Ex {
    switch (e.kind) {
      case 'IntLit':
        if (typeof e.value === 'bigint') return { c: `${e.value}n`, t: 'int', k: true };
        return { c: e.value < 0 ? `(${e.value})` : String(e.value), t: 'int', k: true };
      case 'FloatLit':
        return { c: this.p.constant(`new R.K.LFloat(${Object.is(e.value, -0) ? '-0' : e.value})`), t: 'float', k: true };
      case 'StringLit':
        return { c: JSON.stringify(e.value), t: 'string', k: true };
      case 'ArrayLit':
        return { c: `[${this.args(e.elements, e.spread)}]`, t: 'array', k: true };
      case 'MappingLit':
        return {
          c: `R.mkMap([${e.entries.map((en) => `${this.val(this.expr(en.key))}, ${this.val(this.expr(en.value))}`).join(', ')}])`,
          t: 'mapping', k: true,
        };
      case 'Identifier':
        return this.identifier(e.name, e.loc);
      case 'Assign':
        return this.assign(e);
      case 'Binary':
        return this.binary(e);
      case 'Logical': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        if (l.b && r.b) return { c: `(${l.c} ${e.op} ${r.c})`, t: 'int', b: true };
        const t = this.fn.temp();
        const lt = this.test({ c: `(${t} = ${this.val(l)})`, t: l.t });
        return e.op === '&&'
          ? { c: `(${lt} ? ${this.val(r)} : ${t})`, t: 'mixed' }
          : { c: `(${lt} ? ${t} : ${this.val(r)})`, t: 'mixed' };
      }
      case 'Unary':
        return this.unary(e.op, this.expr(e.operand));
      case 'Update':
        return this.update(e);
      case 'Conditional': {
        const th = this.expr(e.then);
        const el = this.expr(e.else);
        return { c: `(${this.test(this.expr(e.test))} ? ${this.val(th)} : ${this.val(el)})`, t: th.t === el.t ? th.t : 'mixed' };
      }
      case 'Comma': {
        const parts = e.exprs.map((x) => this.expr(x));
        const last = parts[parts.length - 1];
        return { c: `(${parts.map((x) => this.val(x)).join(', ')})`, t: last.t };
      }
      case 'Call':
        return this.call(e);
      case 'CallOther': {
        const target = this.val(this.expr(e.target));
        const name = JSON.stringify(e.method);
        // `ob->f(arr...)`: the arguments are only known at run time (Neolith expr_list).
        if (e.spread?.some(Boolean)) return { c: `R.coN(${target}, ${name}, [${this.args(e.args, e.spread)}])`, t: 'mixed' };
        const args = e.args.map((a) => this.val(this.expr(a)));
        if (args.length <= 2) {
          const site = this.p.constant(`{ l: null, f: null } /* ${e.method.replace(/\*\//g, '')} */`);
          return { c: `R.ci${args.length}(${site}, ${target}, ${name}${args.map((x) => ', ' + x).join('')})`, t: 'mixed' };
        }
        return { c: `R.coN(${target}, ${name}, [${args.join(', ')}])`, t: 'mixed' };
      }
      case 'SuperCall': {
        const js = e.scope === '' ? this.p.link('parent', e.name) : this.p.link('scoped', e.name, e.scope);
        this.fn.touchesObject = true;
        // `::f(ref x)` passes a reference when the inherited f takes one, as a local call does.
        const def = e.spread?.some(Boolean) ? undefined : this.inheritedDef(e.scope, e.name);
        const args = def?.refParams ? this.refArgs(e.args, def.refParams) : this.args(e.args, e.spread);
        return { c: `${js}(ob${args ? ', ' + args : ''})`, t: 'mixed' };
      }
      case 'Index':
        return this.index(e);
      case 'Range':
        return this.range(e);
      case 'MemberAccess':
        return this.member(e);
      case 'Cast': {
        const x = this.expr(e.expr);
        const ty = tyOf(e.type);
        if ((ty === 'int' || ty === 'float' || ty === 'string') && x.t !== ty) {
          return { c: `R.o.castTo(${JSON.stringify(ty)}, ${this.val(x)})`, t: ty };
        }
        return { c: this.val(x), t: ty, };
      }
      case 'FunctionPtr':
        return { c: this.functionPtr(e), t: 'function' };
      case 'AnonFunction':
        return { c: this.anonFunction(e), t: 'function' };
      case 'Catch': {
        if (e.block) return { c: `${this.blockClosure('catch', e.block, e.loc)}()`, t: 'mixed' };
        const x = this.val(this.expr(e.expr));
        return {
          c: `(() => { const sd = R.d, sc = R.cs.length, so = R.cur, sp = R.tp; try { ${x}; return 0; } catch (e) { return R.caught(e, sd, sc, so, sp); } })()`,
          t: 'mixed',
        };
      }
      case 'Sscanf': {
        const t = this.fn.temp();
        const input = this.val(this.expr(e.input));
        const fmt = this.val(this.expr(e.format));
        const sets = e.targets.map((tg, i) => `(${t}.length > ${i} && ${this.assignTo(tg, `${t}[${i}]`)})`);
        return { c: `(${t} = R.sscanf(${input}, ${fmt}, ${e.targets.length}), ${sets.map((s) => s + ', ').join('')}${t}.matches ?? ${t}.length)`, t: 'int' };
      }
      case 'ParseCommand': {
        const t = this.fn.temp();
        const args = [e.input, e.source, e.pattern].map((x) => this.val(this.expr(x)));
        const sets = e.targets.map((tg, i) => `(${t}.values.length > ${i} && ${this.assignTo(tg, `${t}.values[${i}]`)})`);
        return { c: `(${t} = R.parseCommand(${args.join(', ')}), ${sets.map((s) => s + ', ').join('')}${t}.result)`, t: 'int' };
      }
      case 'New':
        return this.newExpr(e);
      case 'ArgRef': {
        if (this.fn.kind !== 'pointer') {
          this.error(e.loc, `$${e.index} is only allowed inside a (: :) function pointer`);
          return { c: '0', t: 'mixed' };
        }
        this.fn.maxArg = Math.max(this.fn.maxArg, e.index);
        return { c: `a${e.index}`, t: 'mixed' };
      }
      case 'Capture': {
        const parent = this.fn.parent;
        if (!parent) {
          this.error(e.loc, '$(...) is only allowed inside a (: :) function pointer');
          return { c: '0', t: 'mixed' };
        }
        const outer = this.forCtx(parent).expr(e.expr);
        return { c: this.fn.capture(this.forCtx(parent).val(outer), outer.t).js, t: outer.t };
      }
      case 'Ref':
        // Pass-by-reference is not supported yet: the value is passed.
        return this.expr(e.target);
      case 'TimeExpr': {
        if (e.block) return { c: `R.timeExpr(${this.blockClosure('time', e.block, e.loc)})`, t: 'int' };
        const x = this.val(this.expr(e.expr));
        return { c: `R.timeExpr(() => ${x})`, t: 'int' };
      }
    }
  }

  /** An emitter for another function context (used for `$()` captures). */
  abstract forCtx(fn: FnCtx): ExprEmitter;

  identifier(name: string, loc: Loc): Ex {
    const local = this.fn.lookup(name);
    if (local) return { c: local.js, t: local.ty };
    const g = this.p.globals.get(name);
    if (g) {
      this.fn.touchesObject = true;
      return { c: `ob.v[vo + ${g.offset}]`, t: g.ty };
    }
    if (this.p.functions.has(name)) {
      this.fn.touchesObject = true;
      // A bare function name used as a value: MudOS has no such thing; make a pointer.
      return { c: `R.lfp(ob, ${JSON.stringify(name)}, ${this.p.link('call', name)}, [])`, t: 'function' };
    }
    this.error(loc, `Undefined variable '${name}'`);
    return { c: '0', t: 'mixed' };
  }

  /**
   * `(a * b + c) & MASK` with a non-negative 32-bit MASK only needs the low 32
   * bits of the arithmetic, which Math.imul and `| 0` compute exactly from
   * safe-integer operands. This keeps hash and LCG code (products far beyond
   * 2^53) off the bigint path. Other operand types take the generic path over
   * the same evaluated leaves.
   */
  maskedArith(e: Binary): Ex | undefined {
    if (e.op !== '&' || e.right.kind !== 'IntLit' || typeof e.right.value !== 'number') return undefined;
    const mask = e.right.value;
    if (mask < 0 || mask > 0x7fffffff) return undefined;
    const isArith = (x: Expr): x is Binary => x.kind === 'Binary' && (x.op === '+' || x.op === '-' || x.op === '*');
    let hasMul = false;
    const scan = (x: Expr): void => {
      if (!isArith(x)) return;
      if (x.op === '*') hasMul = true;
      scan(x.left);
      scan(x.right);
    };
    scan(e.left);
    if (!hasMul || !isArith(e.left)) return undefined;
    const setup: string[] = [];
    const leaves: string[] = [];
    const build = (x: Expr): { fast: string; slow: string } => {
      if (!isArith(x)) {
        const v = this.val(this.expr(x));
        const [name, pre] = this.simple(v);
        if (pre) setup.push(pre.replace(/, $/, ''));
        if (!/^\(?-?\d+\)?$/.test(name)) leaves.push(name);
        return { fast: `(${name} | 0)`, slow: name };
      }
      const l = build(x.left);
      const r = build(x.right);
      const fn = x.op === '+' ? 'add' : x.op === '-' ? 'sub' : 'mul';
      const fast = x.op === '*' ? `Math.imul(${l.fast}, ${r.fast})` : `((${l.fast} ${x.op} ${r.fast}) | 0)`;
      return { fast, slow: `R.o.${fn}(${l.slow}, ${r.slow})` };
    };
    const t = build(e.left);
    const guard = [...new Set(leaves)].map((n) => `typeof ${n} === 'number'`).join(' && ') || 'true';
    const pre = setup.length ? setup.join(', ') + ', ' : '';
    return { c: `(${pre}(${guard}) ? (${t.fast} & ${mask}) : R.o.band(${t.slow}, ${mask}))`, t: 'int' };
  }

  /**
   * Operands used twice by a guarded fast path: simple names and literals are
   * used as is, anything else is evaluated once into a temp. Returns the name
   * and the setup prefix ("t3 = <code>, " or "").
   */
  /** A right-hand side evaluated ahead of an lvalue's setup: literals stay inline, anything else goes to a temp. */
  private rhsFirst(code: string, needed: boolean): [string, string] {
    if (!needed || /^\(?-?\d+\)?$/.test(code) || /^"(?:[^"\\]|\\.)*"$/.test(code)) return [code, ''];
    const t = this.fn.temp();
    return [t, `${t} = ${code}, `];
  }

  simple(code: string): [string, string] {
    if (/^[a-z]\w*$/.test(code) || /^\(?-?\d+\)?$/.test(code) || /^"(?:[^"\\]|\\.)*"$/.test(code)) return [code, ''];
    const t = this.fn.temp();
    return [t, `${t} = ${code}, `];
  }

  // -------------------------------------------------------------------------
  // Operators

  binary(e: Binary): Ex {
    const masked = this.maskedArith(e);
    if (masked) return masked;
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    return this.binop(e.op, l, r);
  }

  binop(op: string, l: Ex, r: Ex, compound = false): Ex {
    const lc = this.val(l);
    const rc = this.val(r);
    if (op === '==' || op === '!=') return this.equality(op, l, r, lc, rc);
    const cmp = COMPARE[op];
    if (cmp) {
      if (l.t === 'int' && r.t === 'int') return { c: `(${lc} ${op} ${rc})`, t: 'int', b: true };
      const [a, sa] = this.simple(lc);
      const [b, sb] = this.simple(rc);
      return {
        c: `(${sa}${sb}(typeof ${a} === 'number' && typeof ${b} === 'number') ? ${a} ${op} ${b} : R.o.${cmp}(${a}, ${b}))`,
        t: 'int', b: true,
      };
    }
    const ar = ARITH[op];
    if (!ar) throw new Error(`codegen: unknown operator ${op}`);
    const nonInt = (t: Ty) => t === 'float' || t === 'array' || t === 'mapping' || t === 'string' || t === 'object' || t === 'function';
    const fnName = compound ? ASSIGN_FN[op] : ar.fn;
    if (op === '+' && (l.t === 'string' || r.t === 'string')) return this.concat(l, r, lc, rc, fnName);
    if (nonInt(l.t) || nonInt(r.t)) {
      const ty = op === '+' && l.t === r.t ? l.t : l.t === 'float' || r.t === 'float' ? 'float' : l.t === r.t ? l.t : 'mixed';
      return { c: `R.o.${fnName}(${lc}, ${rc})`, t: ty };
    }
    const litR = /^\(?-?\d+\)?$/.test(rc) ? Number(rc.replace(/[()]/g, '')) : undefined;
    const [a, sa] = this.simple(lc);
    const [b, sb] = this.simple(rc);
    const pre = sa + sb;
    const ta = `typeof ${a} === 'number'`;
    const tb = litR !== undefined ? 'true' : `typeof ${b} === 'number'`;
    const ty = l.t === 'int' && r.t === 'int' ? 'int' : 'mixed';
    const slow = `R.o.${fnName}(${a}, ${b})`;
    switch (op) {
      case '+': case '-': case '*': {
        const c = this.fn.temp();
        const norm = op === '*' ? ' + 0' : '';
        return {
          c: `(${pre}(${ta} && ${tb} && (${c} = ${a} ${op} ${b}${norm}) <= ${MAX} && ${c} >= -${MAX}) ? ${c} : ${slow})`,
          t: ty,
        };
      }
      case '/':
        return {
          c: `(${pre}(${ta} && ${tb} && (${a} | 0) === ${a} && (${b} | 0) === ${b} && ${b} !== 0) ? Math.trunc(${a} / ${b}) + 0 : ${slow})`,
          t: ty,
        };
      case '%':
        return { c: `(${pre}(${ta} && ${tb} && ${b} !== 0) ? ${a} % ${b} + 0 : ${slow})`, t: ty };
      case '&':
        if (litR !== undefined && litR >= 0 && litR <= 0x7fffffff) {
          return { c: `(${pre}(${ta}) ? ${a} & ${b} : ${slow})`, t: ty };
        }
        return { c: `(${pre}(${ta} && ${tb} && (${a} | 0) === ${a} && (${b} | 0) === ${b}) ? ${a} & ${b} : ${slow})`, t: ty };
      case '|': case '^':
        return { c: `(${pre}(${ta} && ${tb} && (${a} | 0) === ${a} && (${b} | 0) === ${b}) ? ${a} ${op} ${b} : ${slow})`, t: ty };
      case '>>':
        return { c: `(${pre}(${ta} && ${tb} && (${a} | 0) === ${a} && ${b} >= 0 && ${b} < 32) ? ${a} >> ${b} : ${slow})`, t: ty };
      default:
        return { c: `(${pre}${slow})`, t: ty };
    }
  }

  /** `+` with a string side: JS concatenation when both are strings or one is a number. */
  concat(l: Ex, r: Ex, lc: string, rc: string, fnName = 'add'): Ex {
    const [a, sa] = this.simple(lc);
    const [b, sb] = this.simple(rc);
    const ok = (x: string, t: Ty) => (t === 'string' && /^"/.test(x) ? 'true' : `(typeof ${x} === 'string' || typeof ${x} === 'number')`);
    // `x += "s"` needs a string on the left: a number there (an unset string
    // variable holds 0) is MudOS F_ADD_EQ's error, raised by ops.addEq.
    const okLeft = fnName === 'addEq' ? (x: string, t: Ty) => (t === 'string' && /^"/.test(x) ? 'true' : `typeof ${x} === 'string'`) : ok;
    // With a string literal on one side only the other side needs a test (less
    // bytecode in string-building loops, which run cold before V8 optimizes them).
    const litA = l.t === 'string' && /^"/.test(a);
    const litB = r.t === 'string' && /^"/.test(b);
    if (litA || litB) {
      const test = litA && litB ? 'true' : litA ? ok(b, r.t) : okLeft(a, l.t);
      return { c: `(${sa}${sb}${test} ? ${a} + ${b} : R.o.${fnName}(${a}, ${b}))`, t: 'string' };
    }
    return {
      c: `(${sa}${sb}(${okLeft(a, l.t)} && ${ok(b, r.t)} && (typeof ${a} === 'string' || typeof ${b} === 'string')) ? ${a} + ${b} : R.o.${fnName}(${a}, ${b}))`,
      t: 'string',
    };
  }

  equality(op: string, l: Ex, r: Ex, lc: string, rc: string): Ex {
    const neg = op === '!=';
    if (l.t === 'int' && r.t === 'int') return { c: `(${lc} ${neg ? '!==' : '==='} ${rc})`, t: 'int', b: true };
    const a = this.fn.temp();
    const b = this.fn.temp();
    // Identical primitives/references are equal; only objects (floats, destructed objects) need ops.eq.
    const eq = `((${a} = ${lc}) === (${b} = ${rc}) || ((typeof ${a} === 'object' || typeof ${b} === 'object') && R.o.eq(${a}, ${b})))`;
    return { c: neg ? `!${eq}` : eq, t: 'int', b: true };
  }

  unary(op: string, x: Ex): Ex {
    const v = this.val(x);
    switch (op) {
      case '!':
        return { c: `!(${this.test(x)})`, t: 'int', b: true };
      case '+':
        return x;
      case '-': {
        if (x.t === 'float') return { c: `R.o.neg(${v})`, t: 'float' };
        const t = this.fn.temp();
        return { c: `(typeof (${t} = ${v}) === 'number' ? 0 - ${t} : R.o.neg(${t}))`, t: x.t === 'int' ? 'int' : 'mixed' };
      }
      case '~': {
        const t = this.fn.temp();
        return { c: `((typeof (${t} = ${v}) === 'number' && (${t} | 0) === ${t}) ? ~${t} : R.o.bnot(${t}))`, t: 'int' };
      }
    }
    throw new Error(`codegen: unknown unary ${op}`);
  }

  // -------------------------------------------------------------------------
  // Lvalues

  /**
   * An lvalue as a getter and a setter, with its subexpressions (container,
   * index) evaluated once into temps by `setup` (comma-joined, may be empty).
   */
  lvalue(e: Expr): { setup: string; get: string; set: (v: string) => string; t: Ty } | undefined {
    switch (e.kind) {
      case 'Identifier': {
        const local = this.fn.lookup(e.name);
        if (local?.ref) {
          const { js, ref } = local;
          return { setup: '', get: js, set: (v) => `(${js} = ${v}, ${ref} !== undefined && ${ref}.set(${js}), ${js})`, t: local.ty };
        }
        if (local) return { setup: '', get: local.js, set: (v) => `(${local.js} = ${v})`, t: local.ty };
        const g = this.p.globals.get(e.name);
        if (g) {
          this.fn.touchesObject = true;
          const ref = `ob.v[vo + ${g.offset}]`;
          return { setup: '', get: ref, set: (v) => `(${ref} = ${v})`, t: g.ty };
        }
        this.error(e.loc, `Undefined variable '${e.name}'`);
        return undefined;
      }
      case 'Index': {
        const base = this.containerLvalue(e.target);
        const ti = this.fn.temp();
        const setup = `${base.setup ? base.setup + ', ' : ''}${ti} = ${this.val(this.expr(e.index))}`;
        const tc = this.fn.temp();
        if (e.fromEnd) {
          return {
            setup, t: 'mixed',
            get: `R.o.indexFromEnd(${base.get}, ${ti})`,
            set: (v) => base.set(`R.o.setIndexFromEnd(${base.get}, ${ti}, ${v})`),
          };
        }
        return {
          setup, t: elemTy(base.t),
          get: `((Array.isArray(${tc} = ${base.get}) && typeof ${ti} === 'number' && ${ti} >= 0 && ${ti} < ${tc}.length) ? ${tc}[${ti}] : R.o.index(${tc}, ${ti}))`,
          set: (v) => {
            const tv = this.fn.temp();
            return `(${tv} = ${v}, (Array.isArray(${tc} = ${base.get}) && typeof ${ti} === 'number' && ${ti} >= 0 && ${ti} < ${tc}.length) ? (${tc}[${ti}] = ${tv}) : ${tc} instanceof R.K.LMapping ? (R.o.setIndex(${tc}, ${ti}, ${tv}), ${tv}) : (${base.set(`R.o.setIndex(${tc}, ${ti}, ${tv})`)}, ${tv}))`;
          },
        };
      }
      case 'Range': {
        const base = this.containerLvalue(e.target);
        const lo = this.fn.temp();
        const hi = this.fn.temp();
        const setup = [
          base.setup,
          `${lo} = ${e.low ? this.val(this.expr(e.low)) : 'undefined'}`,
          `${hi} = ${e.high ? this.val(this.expr(e.high)) : 'undefined'}`,
        ].filter(Boolean).join(', ');
        const fl = e.lowFromEnd ? 'true' : 'false';
        const fh = e.highFromEnd ? 'true' : 'false';
        return {
          setup, t: base.t,
          get: `R.o.range(${base.get}, ${lo}, ${hi}, ${fl}, ${fh})`,
          set: (v) => {
            const tv = this.fn.temp();
            return `(${tv} = ${v}, ${base.set(`R.o.setRange(${base.get}, ${lo}, ${hi}, ${fl}, ${fh}, ${tv})`)}, ${tv})`;
          },
        };
      }
      case 'MemberAccess': {
        const tc = this.fn.temp();
        const setup = `${tc} = ${this.val(this.expr(e.target))}`;
        const name = JSON.stringify(e.member);
        return {
          setup, t: 'mixed',
          get: `R.getMember(${tc}, ${name})`,
          set: (v) => `R.setMember(${tc}, ${name}, ${v})`,
        };
      }
      default:
        this.error(e.loc, 'Illegal lvalue');
        return undefined;
    }
  }

  /**
   * The container of an indexed assignment. When it is itself an lvalue the new
   * container is stored back (strings are values: `s[0] = 'x'` makes a new string);
   * otherwise (a call result) it is only evaluated.
   */
  private containerLvalue(e: Expr): { setup: string; get: string; set: (v: string) => string; t: Ty } {
    if (e.kind === 'Identifier' || e.kind === 'Index' || e.kind === 'MemberAccess') {
      const lv = this.lvalue(e);
      if (lv) {
        // Read the container once into a temp so nested indexes don't re-evaluate it.
        const t = this.fn.temp();
        const setup = `${lv.setup ? lv.setup + ', ' : ''}${t} = ${lv.get}`;
        return { setup, get: t, set: (v) => `(${t} = ${v}, ${lv.set(t)})`, t: lv.t };
      }
    }
    const t = this.fn.temp();
    const x = this.expr(e);
    return { setup: `${t} = ${this.val(x)}`, get: t, set: (v) => `(${t} = ${v})`, t: x.t };
  }

  /** `target = <js value>` as an expression (sscanf, foreach, ({a, b}) = arr). */
  assignTo(target: Expr, value: string): string {
    const lv = this.lvalue(target);
    if (!lv) return '0';
    return lv.setup ? `(${lv.setup}, ${lv.set(value)})` : lv.set(value);
  }

  assign(e: Assign): Ex {
    if (e.target.kind === 'ArrayLit') {
      const t = this.fn.temp();
      const v = this.val(this.expr(e.value));
      const sets = e.target.elements.map((el, i) => this.assignTo(el, `R.o.index(${t}, ${i})`));
      return { c: `(${t} = ${v}, ${sets.join(', ')}, ${t})`, t: 'array' };
    }
    // Fast path: plain local/global assignment.
    if (e.target.kind === 'Identifier') {
      const lv = this.lvalue(e.target);
      if (!lv) return { c: '0', t: 'mixed' };
      if (e.op === '=') {
        const v = this.expr(e.value);
        return { c: lv.set(this.stored(v, lv.t)), t: lv.t };
      }
      const r = this.binop(e.op.slice(0, -1), { c: lv.get, t: lv.t }, this.expr(e.value), true);
      return { c: lv.set(this.val(r)), t: lv.t };
    }
    const lv = this.lvalue(e.target);
    if (!lv) return { c: '0', t: 'mixed' };
    const pre = lv.setup ? lv.setup + ', ' : '';
    // MudOS grammar.y.pre: "assignments are backwards; rhs is evaluated before
    // lhs", so `arr[i++] = i` stores the old i: the right side goes to a temp
    // before the lvalue's container and index are evaluated.
    const rx = this.expr(e.value);
    const [rv, rs] = this.rhsFirst(this.val(rx), pre !== '');
    if (e.op === '=') return { c: `(${rs}${pre}${lv.set(rv)})`, t: lv.t };
    const r = this.binop(e.op.slice(0, -1), { c: lv.get, t: lv.t }, { c: rv, t: rx.t }, true);
    return { c: `(${rs}${pre}${lv.set(this.val(r))})`, t: lv.t };
  }

  update(e: Update): Ex {
    const lv = this.lvalue(e.target);
    if (!lv) return { c: '0', t: 'mixed' };
    const inc = e.op === '++';
    const pre = lv.setup ? lv.setup + ', ' : '';
    const old = this.fn.temp();
    const slow = `R.o.${inc ? 'inc' : 'dec'}(${old})`;
    const fast = `(typeof ${old} === 'number' && ${old} ${inc ? '<' : '>'} ${inc ? '' : '-'}${MAX}) ? ${old} ${inc ? '+' : '-'} 1 : ${slow}`;
    if (e.target.kind === 'Identifier') {
      // Locals and globals: no setup, `x++` stays a single read and write.
      if (e.prefix) return { c: lv.set(`(${old} = ${lv.get}, ${fast})`), t: lv.t };
      return { c: `(${old} = ${lv.get}, ${lv.set(fast)}, ${old})`, t: lv.t };
    }
    if (e.prefix) return { c: `(${pre}${old} = ${lv.get}, ${lv.set(`(${fast})`)})`, t: lv.t };
    return { c: `(${pre}${old} = ${lv.get}, ${lv.set(`(${fast})`)}, ${old})`, t: lv.t };
  }

  // -------------------------------------------------------------------------
  // Indexing

  index(e: Index): Ex {
    const target = this.expr(e.target);
    const idx = this.val(this.expr(e.index));
    if (e.fromEnd) return { c: `R.o.indexFromEnd(${this.val(target)}, ${idx})`, t: 'mixed' };
    const a = this.fn.temp();
    const i = this.fn.temp();
    if (target.t === 'mapping') {
      return { c: `((${a} = ${target.c}) instanceof R.K.LMapping ? ${a}.get(${idx}) : R.o.index(${a}, ${idx}))`, t: 'mixed' };
    }
    return {
      c: `(${a} = ${this.val(target)}, ${i} = ${idx}, (Array.isArray(${a}) && typeof ${i} === 'number' && ${i} >= 0 && ${i} < ${a}.length) ? ${a}[${i}] : R.o.index(${a}, ${i}))`,
      t: target.t === 'string' ? 'int' : elemTy(target.t),
    };
  }

  range(e: Range): Ex {
    const target = this.val(this.expr(e.target));
    const lo = e.low ? this.val(this.expr(e.low)) : 'undefined';
    const hi = e.high ? this.val(this.expr(e.high)) : 'undefined';
    return {
      c: `R.o.range(${target}, ${lo}, ${hi}, ${e.lowFromEnd ? 'true' : 'false'}, ${e.highFromEnd ? 'true' : 'false'})`,
      t: this.expr(e.target).t,
    };
  }

  member(e: MemberAccess): Ex {
    const target = this.val(this.expr(e.target));
    return { c: `R.getMember(${target}, ${JSON.stringify(e.member)})`, t: 'mixed' };
  }

  // -------------------------------------------------------------------------
  // Calls

  /** The definition `::name` (scope '') or `Scope::name` reaches: the last inherit that has it. */
  inheritedDef(scope: string, name: string): FunctionDef | undefined {
    const inherits = this.p.prog.inherits;
    for (let i = inherits.length - 1; i >= 0; i--) {
      if (scope !== '' && inherits[i].name !== scope) continue;
      const def = inherits[i].program.scope.functions.get(name);
      if (def) return def;
    }
    return undefined;
  }

  /** Arguments of a call to a function with `ref` parameters: `ref x` there passes an LRef to x. */
  refArgs(args: Expr[], refParams: boolean[]): string {
    return args.map((a, i) => {
      if (a.kind !== 'Ref' || !refParams[i]) return this.val(this.expr(a));
      const lv = this.lvalue(a.target);
      if (!lv) return '0';
      const v = this.fn.temp();
      const make = `new R.K.LRef(() => ${lv.get}, (${v}) => ${lv.set(v)})`;
      return lv.setup ? `(${lv.setup}, ${make})` : make;
    }).join(', ');
  }

  args(args: Expr[], spread?: boolean[]): string {
    return args.map((a, i) => (spread?.[i] ? '...R.spread(' + this.val(this.expr(a)) + ')' : this.val(this.expr(a)))).join(', ');
  }

  call(e: Call): Ex {
    const name = e.callee;
    if (e.scope === 'efun') this.p.env.checkOverride?.(name, e.loc);
    if (e.scope !== 'efun') {
      // A local or global variable holding a function: call it (FluffOS).
      const local = this.fn.lookup(name) ?? undefined;
      const g = local ? undefined : this.p.globals.get(name);
      if ((local || g) && !this.p.functions.has(name)) {
        if (g) this.fn.touchesObject = true;
        const f = local ? local.js : `ob.v[vo + ${g!.offset}]`;
        return { c: `R.evaluate(${f}, [${this.args(e.args, e.spread)}])`, t: 'mixed' };
      }
      const def = this.p.functions.get(name);
      if (def) {
        this.fn.touchesObject = true;
        const js = this.p.link('call', name);
        const spread = e.spread?.some(Boolean);
        const a = def.refParams && !spread ? this.refArgs(e.args, def.refParams) : this.args(e.args, e.spread);
        return { c: `${js}(ob${a ? ', ' + a : ''})`, t: retTy(def.returnType) };
      }
      if (this.p.env.simulEfuns.has(name)) {
        return { c: `R.sefun(${JSON.stringify(name)}, [${this.args(e.args, e.spread)}])`, t: 'mixed' };
      }
    }
    return this.efunCall(e);
  }

  efunCall(e: Call): Ex {
    const name = e.callee;
    if (INLINE_EFUNS.has(name)) {
      const inl = this.inlineEfun(e);
      if (inl) return inl;
    }
    const ef = this.p.env.efuns.get(name);
    if (!ef) {
      // The checker let it through (MudOS: outside a typed function an unknown
      // name is a forward reference): a late-bound call that a definition in
      // an inheriting program satisfies, else "Undefined function" when run.
      this.fn.touchesObject = true;
      const js = this.p.link('call', name);
      const a = this.args(e.args, e.spread);
      return { c: `${js}(ob${a ? ', ' + a : ''})`, t: 'mixed' };
    }
    if (e.spread?.some(Boolean)) {
      return { c: `R.callEfun(${this.p.constant(`R.efuns.get(${JSON.stringify(name)})`)}, [${this.args(e.args, e.spread)}])`, t: 'mixed' };
    }
    if (e.args.length < ef.min) this.error(e.loc, `Too few arguments to ${name}`);
    if (e.args.length > ef.max) this.error(e.loc, `Too many arguments to ${name}`);
    const impl = this.p.constant(`R.efuns.get(${JSON.stringify(name)}).impl`);
    const args = e.args.map((a, i) => this.efunArg(name, ef.masks, i, a));
    return { c: `(${impl}(R${args.map((a) => ', ' + a).join('')}) ?? 0)`, t: efunRetTy(ef.ret) };
  }

  /** Argument i of a call to efun `name`, with the type check its signature asks for. */
  efunArg(name: string, masks: readonly number[], i: number, a: Expr): string {
    const x = this.expr(a);
    const mask = masks[Math.min(i, masks.length - 1)] ?? T_ANY;
    const v = this.val(x);
    if (mask === T_ANY) return v;
    // Declared types are hints (an unset string variable holds 0): only values
    // whose type is certain (literals, concatenations) skip the check.
    const known = x.k ? TY_MASK[x.t] : undefined;
    if (known !== undefined && (known & mask) === known) return v;
    // Common single-type masks are tested inline; R.chk raises the MudOS error.
    const inline = INLINE_TYPE_TEST[mask];
    if (inline) {
      const [t, pre] = this.simple(v);
      return `(${pre}${inline(t)} ? ${t} : R.chk(${t}, ${mask}, ${JSON.stringify(name)}, ${i + 1}))`;
    }
    return `R.chk(${v}, ${mask}, ${JSON.stringify(name)}, ${i + 1})`;
  }

  inlineEfun(e: Call): Ex | undefined {
    // Spread arguments are counted at run time: the generic efun path checks them.
    if (e.spread?.some(Boolean)) return undefined;
    const a = e.args;
    switch (e.callee) {
      case 'this_object':
        return a.length === 0 ? { c: 'R.liveOb(ob)', t: 'object' } : undefined;
      case 'undefinedp':
        return a.length === 1 ? { c: `Object.is(${this.val(this.expr(a[0]))}, -0)`, t: 'int', b: true } : undefined;
      case 'sizeof': {
        if (a.length !== 1) return undefined;
        const t = this.fn.temp();
        const impl = this.p.env.efuns.has('sizeof') ? this.p.constant(`R.efuns.get("sizeof").impl`) : undefined;
        if (!impl) return undefined;
        return { c: `(Array.isArray(${t} = ${this.val(this.expr(a[0]))}) ? ${t}.length : ${impl}(R, ${t}))`, t: 'int' };
      }
      case 'evaluate':
        if (a.length < 1) return undefined;
        return { c: `R.evaluate(${this.val(this.expr(a[0]))}, [${this.args(a.slice(1))}])`, t: 'mixed' };
      case 'call_other':
        if (a.length < 2 || e.spread) return undefined;
        return { c: `R.coN(${this.val(this.expr(a[0]))}, ${this.val(this.expr(a[1]))}, [${this.args(a.slice(2))}])`, t: 'mixed' };
      case 'previous_object':
        return { c: a.length ? `R.previousObjectEfun(${this.val(this.expr(a[0]))})` : 'R.previousObject(0)', t: 'object' };
      case 'clone_object': {
        // Without create() arguments: straight to the runtime, no argument array.
        const ef = this.p.env.efuns.get('clone_object');
        if (a.length !== 1 || !ef) return undefined;
        return { c: `R.cloneObject(${this.efunArg('clone_object', ef.masks, 0, a[0])})`, t: 'mixed' };
      }
      case 'destruct': {
        // destruct(ob): the checked argument is a live object; straight to the runtime.
        const ef = this.p.env.efuns.get('destruct');
        if (a.length !== 1 || !ef) return undefined;
        return { c: `(R.destruct(${this.efunArg('destruct', ef.masks, 0, a[0])}), 0)`, t: 'mixed' };
      }
    }
    return undefined;
  }

  newExpr(e: Expr & { kind: 'New' }): Ex {
    if (e.form === 'class') {
      const cls = this.p.classes.get(e.className ?? '');
      if (!cls) {
        this.error(e.loc, `Undefined class '${e.className}'`);
        return { c: '0', t: 'mixed' };
      }
      const def = this.p.constant(`R.classDef(${JSON.stringify(cls.programPath)}, ${JSON.stringify(cls.def.name)})`);
      const fields: string[] = cls.def.members.map(() => '0');
      for (const f of e.fields ?? []) {
        const i = cls.def.index.get(f.name);
        if (i === undefined) {
          this.error(e.loc, `Class '${cls.def.name}' has no member '${f.name}'`);
          continue;
        }
        fields[i] = this.val(this.expr(f.value));
      }
      return { c: `new R.K.LClassValue(${def}, [${fields.join(', ')}])`, t: 'class:' + cls.def.name };
    }
    return { c: `R.newObject([${this.args(e.args ?? [], e.spread)}])`, t: 'object' };
  }

  functionPtr(e: FunctionPtr): string {
    if (e.form === 'expr') return this.exprPointer(e);
    const name = e.name!;
    const bound = `[${this.args(e.args ?? [])}]`;
    if (e.scope === 'efun') this.p.env.checkOverride?.(name, e.loc);
    if (e.scope !== 'efun' && this.p.functions.has(name)) {
      return `R.lfp(ob, ${JSON.stringify(name)}, ${this.p.link('call', name)}, ${bound})`;
    }
    if (e.scope !== 'efun' && this.p.env.simulEfuns.has(name)) return `R.efp(${JSON.stringify(name)}, ${bound}, 4)`;
    if (!this.p.env.efuns.has(name)) {
      this.error(e.loc, `Undefined function ${name}`);
      return '0';
    }
    return `R.efp(${JSON.stringify(name)}, ${bound}, 3)`;
  }
}

function elemTy(t: Ty): Ty {
  return t === 'string' ? 'int' : 'mixed';
}

/** Static type of a function's declared return type text ("int", "string *", "class x"). */
export function retTy(text: string): Ty {
  if (text.includes('*')) return 'array';
  if (text.startsWith('class ')) return 'class:' + text.slice(6);
  if (text === 'status') return 'int';
  return ['int', 'float', 'string', 'mapping', 'object', 'function', 'void'].includes(text) ? text : 'mixed';
}

function efunRetTy(text: string): Ty {
  const t = retTy(text.trim());
  // Efuns declared to return an object may return 0; treat them as mixed for truth tests.
  return t === 'object' || t === 'void' ? 'mixed' : t;
}
