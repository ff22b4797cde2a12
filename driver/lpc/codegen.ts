// Codegen: one LPC program (AST) → the JS source of its factory
// (DESIGN.md decision 1). The factory `(R, vo) => { fns, init, link }` is
// instantiated once per (final program, inherit position): `vo` is the offset
// of this program's variables in the object, and late-bound call targets are
// closure variables filled by `link`. Each LPC function becomes one JS
// function `(ob, ...params)`; eval cost and call depth are counted at function
// entry and loop back-edges only. A line table maps JS lines back to LPC
// lines for tracebacks, so no per-statement bookkeeping happens at run time.
import type {
  AnonFunction, Block, Expr, ForeachStmt, FunctionDecl, FunctionPtr, Loc, Program as Ast, Stmt,
  SwitchStmt, TopDecl, VarDecl,
} from './ast.js';
import { FnCtx, jsIdent, ProgCtx, tyOf, typeText, type CodegenEnv, type Line } from './codegen-context.js';
import { ExprEmitter, retTy, type Ex } from './codegen-expr.js';
import {
  ClassDefinition, F_NOMASK, F_PRIVATE, F_PROTECTED, F_PROTOTYPE, F_PUBLIC, F_STATIC, F_VARARGS,
  type FunctionDef, type Program,
} from '../vm/program.js';

export type { CodegenEnv } from './codegen-context.js';

/**
 * Placeholder for the program's `lpc://P<id>/path` URL in generated source, so
 * that the source does not depend on the run's program ids (disk cache).
 */
export const SOURCE_URL_MARK = '@@LPC_SOURCE_URL@@';

const ENTER = 'if (--R.ev < 0 | ++R.d > R.md) R.enterFail();';
const BACKEDGE = 'if (--R.ev < 0) R.tooLong();';

/** An expression whose value is discarded: `x++` may then compile as `++x` (no saved old value). */
function voidContext(e: Expr): Expr {
  if (e.kind === 'Update' && !e.prefix) return { ...e, prefix: true };
  if (e.kind === 'Comma') return { ...e, exprs: e.exprs.map(voidContext) };
  return e;
}

/** Expression kinds that may run other LPC code or throw-and-resume (so R.ev must be current). */
const CALLING_EXPRS = new Set([
  'Call', 'CallOther', 'SuperCall', 'New', 'Catch', 'Sscanf', 'ParseCommand', 'FunctionPtr', 'AnonFunction', 'TimeExpr',
]);

/** True when some AST node under `parts` has a kind that `hit` accepts. */
function hasNodeKind(hit: (kind: string) => boolean, ...parts: unknown[]): boolean {
  const visit = (n: unknown): boolean => {
    if (n === null || typeof n !== 'object') return false;
    if (Array.isArray(n)) return n.some(visit);
    const k = (n as { kind?: string }).kind;
    if (k !== undefined && hit(k)) return true;
    for (const key in n as Record<string, unknown>) {
      if (key !== 'loc' && visit((n as Record<string, unknown>)[key])) return true;
    }
    return false;
  };
  return parts.some(visit);
}

/**
 * True when a loop (its test, update and body) makes no calls and has no
 * `return`/catch: its eval counter can then live in a JS local and be
 * written back when the loop ends, which keeps tight loops off memory.
 */
function isLeafLoop(...parts: (Stmt | Expr | undefined)[]): boolean {
  return !hasNodeKind((k) => CALLING_EXPRS.has(k) || k === 'Return' || k === 'CatchBlock' || k === 'Foreach', ...parts);
}

/** Loop statement kinds: a loop holding none of these is innermost. */
const LOOP_STMTS = new Set(['For', 'While', 'DoWhile', 'Foreach']);

/**
 * True when a `for`/`while`/`foreach` loop can move into a chunk function (see
 * Emitter.outlinedLoop): it holds no other loop, and its test and update hold
 * no catch/time_expression block (those become closures over the function's
 * locals, emitted ahead of the loop, which would then not see the chunk's copies).
 */
function isOutlinable(test: Expr | undefined, update: Expr | undefined, body: Stmt): boolean {
  return !hasNodeKind((k) => LOOP_STMTS.has(k) || k === 'Catch' || k === 'TimeExpr', test, update)
    && !hasNodeKind((k) => LOOP_STMTS.has(k), body);
}

/** What an outlined foreach adds to Emitter.outlinedLoop. */
interface ForeachIteration {
  /** Emits the loop variables' assignments at the top of each iteration. */
  prologue: () => void;
  /** Temps holding the iteration (keys, values, index): they cross into the chunk. */
  state: string[];
  /** Locals the prologue sets before every use, dead after the loop: they stay chunk-local. */
  perIteration: string[];
}

/** Iterations an outlined loop runs per call of its chunk function. */
const LOOP_CHUNK = 4096;
/** Iterations an outlined loop runs inline before it moves to its chunk function. */
const LOOP_INLINE = 256;

function flagsOf(m: { private?: boolean; static?: boolean; nosave?: boolean; public?: boolean; protected?: boolean; nomask?: boolean; varargs?: boolean }): number {
  return (m.private ? F_PRIVATE : 0) | (m.static || m.nosave ? F_STATIC : 0) | (m.protected ? F_PROTECTED : 0)
    | (m.nomask ? F_NOMASK : 0) | (m.varargs ? F_VARARGS : 0) | (m.public ? F_PUBLIC : 0);
}

/** Flattens modifier blocks, merging their modifiers into the declarations. */
function flatten(decls: TopDecl[], outer: Record<string, boolean | undefined> = {}): TopDecl[] {
  const out: TopDecl[] = [];
  for (const d of decls) {
    if (d.kind === 'ModifierBlock') out.push(...flatten(d.decls, { ...outer, ...d.modifiers }));
    else if (d.kind === 'VarDecl' || d.kind === 'Function' || d.kind === 'Inherit') {
      out.push({ ...d, modifiers: { ...outer, ...d.modifiers } } as TopDecl);
    } else out.push(d);
  }
  return out;
}

class Emitter extends ExprEmitter {
  forCtx(fn: FnCtx): ExprEmitter {
    return new Emitter(this.p, fn);
  }

  // -------------------------------------------------------------------------
  // Statements

  block(b: Block): void {
    this.fn.pushScope();
    for (const s of b.body) this.stmt(s);
    this.fn.popScope();
  }

  /** A statement as its own JS block (loop and if bodies). */
  body(s: Stmt): void {
    this.fn.indent++;
    if (s.kind === 'Block') this.block(s);
    else {
      this.fn.pushScope();
      this.stmt(s);
      this.fn.popScope();
    }
    this.fn.indent--;
  }

  stmt(s: Stmt): void {
    const f = this.fn;
    switch (s.kind) {
      case 'Block':
        f.emit('{', s.loc);
        this.body(s);
        f.emit('}');
        return;
      case 'ExprStmt':
        f.at(s.loc);
        f.emit(`${this.val(this.expr(voidContext(s.expr)))};`);
        return;
      case 'LocalVarDecl':
        for (const d of s.declarators) {
          f.at(d.loc);
          const init = d.init ? this.stored(this.expr(d.init), tyOf(d.type)) : '0';
          const v = f.declareLocal(d.name, tyOf(d.type));
          f.emit(`${v.js} = ${init};`);
        }
        return;
      case 'If': {
        f.at(s.loc);
        f.emit(`if (${this.test(this.expr(s.test))}) {`);
        this.body(s.then);
        if (s.else) {
          f.emit('} else {');
          this.body(s.else);
        }
        f.emit('}');
        return;
      }
      case 'While': {
        f.at(s.loc);
        const leaf = isLeafLoop(s.test, s.body);
        const owned = this.openLeaf(leaf);
        const test = this.test(this.expr(s.test));
        if (f.outline && isOutlinable(s.test, undefined, s.body)) this.outlinedLoop(test, '', s.body, leaf);
        else {
          f.emit(`while (${test}) {`);
          this.backedge(leaf);
          this.loopBody(s.body, null);
          f.emit('}');
        }
        this.closeLeaf(owned);
        return;
      }
      case 'DoWhile': {
        f.at(s.loc);
        const leaf = isLeafLoop(s.test, s.body);
        const owned = this.openLeaf(leaf);
        // The test is compiled before the body: code it needs ahead of the
        // loop (a catch { } closure) must not sit where `continue` skips it.
        f.at(s.test.loc);
        const test = this.test(this.expr(s.test));
        f.emit('do {', s.loc);
        this.backedge(leaf);
        this.loopBody(s.body, null);
        f.at(s.test.loc);
        f.emit(`} while (${test});`);
        this.closeLeaf(owned);
        return;
      }
      case 'For': {
        f.at(s.loc);
        f.pushScope();
        let init = '';
        if (s.init?.kind === 'LocalVarDecl') {
          init = s.init.declarators.map((d) => {
            const value = d.init ? this.stored(this.expr(d.init), tyOf(d.type)) : '0';
            return `${f.declareLocal(d.name, tyOf(d.type)).js} = ${value}`;
          }).join(', ');
        } else if (s.init) init = this.val(this.expr(s.init as Expr));
        const test = s.test ? this.test(this.expr(s.test)) : '';
        const update = s.update ? this.val(this.expr(voidContext(s.update))) : '';
        const leaf = isLeafLoop(s.test, s.update, s.body);
        const owned = this.openLeaf(leaf);
        if (f.outline && isOutlinable(s.test, s.update, s.body)) {
          if (init) f.emit(`${init};`);
          this.outlinedLoop(test, update, s.body, leaf);
        } else {
          f.emit(`for (${init}; ${test}; ${update}) {`);
          this.backedge(leaf);
          this.loopBody(s.body, null);
          f.emit('}');
        }
        this.closeLeaf(owned);
        f.popScope();
        return;
      }
      case 'Foreach':
        this.foreach(s);
        return;
      case 'Switch':
        this.switchStmt(s);
        return;
      case 'Return': {
        f.at(s.loc);
        if (f.outlinedReturn) {
          // Inside an outlined loop: leave the chunk with status 2; the function returns the value.
          const v = s.value ? this.val(this.expr(s.value)) : '0';
          const o = f.outlinedReturn;
          f.emit(`{ ${o.value} = ${v}; R.d--; ${o.status} = 2; break ${o.label}; }`);
          return;
        }
        if (!s.value) {
          f.emit('{ R.d--; return 0; }');
          return;
        }
        const v = this.val(this.expr(s.value));
        const t = f.temp();
        f.emit(`{ ${t} = ${v}; R.d--; return ${t}; }`);
        return;
      }
      case 'Break':
        f.emit('break;', s.loc);
        return;
      case 'Continue': {
        const loop = f.loops[f.loops.length - 1];
        f.emit(loop?.cont ?? 'continue;', s.loc);
        return;
      }
      case 'Empty':
        return;
      case 'CatchBlock':
        f.emit('{ const sd = R.d, sc = R.cs.length, so = R.cur, sp = R.tp; try {', s.loc);
        this.body(s.body);
        f.emit('} catch (e) { R.caught(e, sd, sc, so, sp); } }');
        return;
    }
  }

  /** Emits the back-edge check; a leaf loop counts in a JS local (see isLeafLoop). */
  private backedge(leaf: boolean): void {
    const ev = this.fn.evLocal;
    if (ev && leaf) this.fn.emit(`  if (--${ev} < 0) { R.ev = ${ev}; R.tooLong(); }`);
    else this.fn.emit(`  ${BACKEDGE}`);
  }

  /** Before a loop: starts a local eval counter for an outermost leaf loop. Returns whether this loop owns it. */
  private openLeaf(leaf: boolean): boolean {
    if (!leaf || this.fn.evLocal) return false;
    const t = this.fn.temp();
    this.fn.evLocal = t;
    this.fn.emit(`${t} = R.ev;`);
    return true;
  }

  private closeLeaf(owned: boolean): void {
    if (!owned) return;
    this.fn.emit(`R.ev = ${this.fn.evLocal};`);
    this.fn.evLocal = null;
  }

  /**
   * An innermost `for`/`while`/`foreach` loop of a named function that may run long.
   * Why: a function called once (a benchmark's run(), a long set-up loop) only
   * ever runs its loop as on-stack-replaced code, and V8's OSR code boxes every
   * double-valued local on each iteration when the loop body holds any call
   * site, and every LPC loop body does (the 64-bit slow paths, the eval-cost
   * check): b_loop took 45 ms instead of 16-18.
   *
   * So the loop's code is emitted twice. The function runs it inline for up to
   * LOOP_INLINE iterations, which keeps short loops in hot functions as cheap
   * as before; a loop still running then continues in a chunk function that
   * runs up to LOOP_CHUNK iterations per call. Called many times, the chunk is
   * optimized as an ordinary function, which keeps doubles unboxed. The locals
   * the loop uses travel in and out through a state object; scratch temps and
   * locals declared in the body stay local to the chunk. Both copies use the
   * same text: the iteration budget and status are locals of the same names in
   * each, and the countdown sits in front of the test, so running out never
   * evaluates a test twice. `return` sets status 2 and breaks out of the
   * labelled block; the function then returns the value.
   * Status: 0 the loop ended, 1 the budget ran out, 2 a return.
   */
  private outlinedLoop(test: string, update: string, body: Stmt, leaf: boolean, each?: ForeachIteration): void {
    const f = this.fn;
    const o = f.outline!;
    const id = this.p.uid();
    const jsName = `${o.jsName}$L${id}`;
    const label = `L${id}`;
    this.p.prog.jsNames.set(jsName, o.lpcName);
    const ret = f.temp();
    const status = f.temp();
    const budget = f.temp();
    const state = f.temp();
    const file = f.curFile;
    const line = f.curLine;
    const start = f.lines.length;
    const declaredBefore = f.declared.length;
    const indent = f.indent;
    f.indent = 2;
    f.outlinedReturn = { value: ret, status, label };
    f.emit(`for (; (--${budget} >= 0 || (${status} = 1, false))${test ? ` && (${test})` : ''}; ${update}) {`);
    this.backedge(leaf);
    each?.prologue();
    this.loopBody(body, null);
    f.emit('}');
    f.outlinedReturn = null;
    f.indent = indent;
    const loop = f.lines.splice(start);
    // What crosses into the chunk: the function's locals and parameters, the
    // eval counter of an enclosing leaf loop, and the return value. Scratch
    // temps and locals declared in the body stay chunk-local: passing them
    // made their first value `undefined`, and V8 then boxed them as tagged.
    const own = new Set([status, budget]);
    const crossing = new Set([...o.names, ...f.declared.slice(0, declaredBefore).filter((n) => !/^t\d+$/.test(n)), ret, ...(each?.state ?? [])]);
    for (const n of each?.perIteration ?? []) crossing.delete(n);
    if (f.evLocal) crossing.add(f.evLocal);
    const known = new Set([...f.declared, ...o.names]);
    const used = new Set<string>();
    for (const l of loop) for (const m of l.text.matchAll(/[A-Za-z_$][\w$]*/g)) if (known.has(m[0]) && !own.has(m[0])) used.add(m[0]);
    const names = [...used].filter((n) => crossing.has(n));
    const scratch = [...used].filter((n) => !crossing.has(n));
    const lines: Line[] = [];
    const push = (text: string) => lines.push({ text, file, line });
    push(`function ${jsName}(ob, S) {`);
    push(`  let ${[...names.map((n) => `${n} = S.${n}`), ...scratch].map((x) => x + ', ').join('')}${budget} = ${LOOP_CHUNK}, ${status} = 0;`);
    push(`  ${label}: {`);
    lines.push(...loop);
    push('  }');
    if (names.length) push(`  ${names.map((n) => `S.${n} = ${n};`).join(' ')}`);
    push(`  return ${status};`);
    push('}');
    this.p.hoisted.push(lines);
    f.curFile = file;
    f.curLine = line;
    f.emit(`${budget} = ${LOOP_INLINE}; ${status} = 0;`);
    f.emit(`${label}: {`);
    for (const l of loop) f.lines.push({ ...l, text: '  '.repeat(f.indent) + l.text });
    f.emit('}');
    f.emit(`if (${status} === 1) {`);
    f.emit(`  ${state} = { ${names.join(', ')} };`);
    f.emit(`  while ((${status} = ${jsName}(ob, ${state})) === 1);`);
    if (names.length) f.emit(`  ${names.map((n) => `${n} = ${state}.${n};`).join(' ')}`);
    f.emit('}');
    if (used.has(ret)) f.emit(`if (${status} === 2) return ${ret};`);
  }

  loopBody(s: Stmt, cont: string | null): void {
    this.fn.loops.push({ cont });
    this.body(s);
    this.fn.loops.pop();
  }

  foreach(s: ForeachStmt): void {
    const f = this.fn;
    f.at(s.loc);
    f.pushScope();
    const vars = s.vars.map((v) => (v.type ? f.declareLocal(v.name, tyOf(v.type)) : undefined));
    const coll = f.temp();
    const it = f.temp();
    const i = f.temp();
    const ks = f.temp();
    const vs = f.temp();
    f.emit(`${coll} = ${this.val(this.expr(s.collection))}; ${it} = R.iter(${coll}); ${ks} = ${it}[0]; ${vs} = ${it}[1];`);
    const target = (k: number): Expr => ({ kind: 'Identifier', loc: s.vars[k].loc, name: s.vars[k].name });
    const assignVar = (k: number, value: string): string =>
      vars[k] ? `${vars[k]!.js} = ${value};` : `${this.assignTo(target(k), value)};`;
    const prologue = () => {
      if (s.vars.length === 1) f.emit(`  ${assignVar(0, `(${ks} ? ${ks}[${i}] : ${vs}[${i}])`)}`);
      else {
        f.emit(`  ${assignVar(0, `(${ks} ? ${ks}[${i}] : ${i})`)}`);
        f.emit(`  ${assignVar(1, `${vs}[${i}]`)}`);
      }
    };
    const refIdx = s.vars.findIndex((v) => v.ref);
    if (f.outline && refIdx < 0 && isOutlinable(undefined, undefined, s.body)) {
      // An innermost foreach may run long in a function called once, as a
      // for loop may: it moves into a chunk function the same way. The
      // iteration state (keys, values, index) crosses into the chunk; the
      // loop's own variables are set at the top of every iteration and stay
      // chunk-local.
      f.emit(`${i} = 0;`);
      this.outlinedLoop(`${i} < ${vs}.length`, `${i}++`, s.body, false, {
        prologue,
        state: [ks, vs, i],
        perIteration: vars.flatMap((v) => (v ? [v.js] : [])),
      });
      f.popScope();
      return;
    }
    f.emit(`for (${i} = 0; ${i} < ${vs}.length; ${i}++) {`);
    f.emit(`  ${BACKEDGE}`);
    prologue();
    if (refIdx >= 0) {
      // ref loop variables write back after each iteration, also on `continue`.
      const label = `B${this.p.uid()}`;
      f.emit(`  ${label}: {`);
      f.indent++;
      this.loopBody(s.body, `break ${label};`);
      f.indent--;
      f.emit('  }');
      const cur = this.val(this.expr(target(refIdx)));
      f.emit(`  R.iterStore(${coll}, ${ks}, ${i}, ${cur});`);
    } else {
      this.loopBody(s.body, null);
    }
    f.emit('}');
    f.popScope();
  }

  switchStmt(s: SwitchStmt): void {
    const f = this.fn;
    f.at(s.loc);
    const d = this.val(this.expr(s.discriminant));
    const hasRange = s.cases.some((c) => c.isRange);
    const t = f.temp();
    f.emit(`${t} = ${d};`);
    f.emit(hasRange ? 'switch (true) {' : `switch (${t}) {`);
    f.pushScope();
    for (const c of s.cases) {
      f.at(c.loc);
      if (c.isDefault) f.emit('default:');
      else if (c.isRange) {
        const lo = c.test ? this.val(this.expr(c.test)) : undefined;
        const hi = c.high ? this.val(this.expr(c.high)) : undefined;
        const conds = [lo !== undefined ? `R.o.ge(${t}, ${lo})` : '', hi !== undefined ? `R.o.le(${t}, ${hi})` : '']
          .filter(Boolean);
        f.emit(`case (typeof ${t} === typeof ${lo ?? hi} && ${conds.join(' && ')}):`);
      } else {
        const v = this.val(this.expr(c.test!));
        f.emit(hasRange ? `case ${t} === ${v}:` : `case ${v}:`);
      }
      f.indent++;
      for (const st of c.body) this.stmt(st);
      f.indent--;
    }
    f.popScope();
    f.emit('}');
  }

  // -------------------------------------------------------------------------
  // Blocks used as expressions

  /**
   * `catch { }` / `time_expression { }` as an expression (MudOS expr_or_block):
   * the block becomes an arrow function stored in a temp just before the
   * statement that uses it, so it shares the function's locals and `ob`, and
   * keeps its own lines in the line table. The checker rejects `break`,
   * `continue` (MudOS: "Cannot break out of catch { }") and `return` out of it.
   */
  blockClosure(kind: 'catch' | 'time', b: Block, loc: Loc): string {
    const f = this.fn;
    const file = f.curFile;
    const line = f.curLine;
    const t = f.temp();
    if (kind === 'catch') {
      // As catch(expr): 0 when the block completes, else the error or thrown value.
      f.emit(`${t} = () => { const sd = R.d, sc = R.cs.length, so = R.cur, sp = R.tp; try {`, loc);
      this.body(b);
      f.emit('  return 0; } catch (e) { return R.caught(e, sd, sc, so, sp); } };', loc);
    } else {
      f.emit(`${t} = () => {`, loc);
      this.body(b);
      f.emit('  return 0; };', loc);
    }
    f.curFile = file;
    f.curLine = line;
    return t;
  }

  // -------------------------------------------------------------------------
  // Nested functions (pointers and anonymous functions), hoisted to factory level

  private nested(loc: Loc, name: string, params: string[], text: string, build: (em: Emitter) => void): string {
    const inner = new FnCtx(this.p, 'pointer', this.fn);
    inner.at(loc);
    const em = new Emitter(this.p, inner);
    build(em);
    const id = this.p.uid();
    const jsName = `lpc__fp${id}`;
    this.p.prog.jsNames.set(jsName, name);
    const args = [...params];
    for (let k = 1; k <= inner.maxArg; k++) if (!args.includes(`a${k}`)) args.push(`a${k}`);
    // MudOS grammar: code that uses the object's globals or functions can't be rebound.
    const unbindable = inner.touchesObject ? ', true' : '';
    // MudOS sprintf %O of a functional: `<code>($1, ..., $n)`, n its argument count.
    if (text === '<code>') text = `<code>(${args.map((_, k) => '$' + (k + 1)).join(', ')})`;
    const lines: Line[] = [];
    const push = (text: string) => lines.push({ text, file: loc.file, line: loc.line });
    push(`function mk${id}(${inner.captures.map((c) => c.name).join(', ')}) {`);
    push(`  return function ${jsName}(ob${args.map((a) => ', ' + a).join('')}) {`);
    if (inner.declared.length) push(`    let ${inner.declared.join(', ')};`);
    for (const a of args) push(`    if (${a} === undefined) ${a} = -0;`);
    push(`    ${ENTER}`);
    for (const l of inner.lines) lines.push({ ...l, text: '  ' + l.text });
    push('  };');
    push('}');
    if (inner.captures.length === 0) {
      // Nothing captured: one JS function serves every evaluation, so the call
      // sites in map/filter/sort callbacks keep seeing the same target (a fresh
      // closure per evaluation made V8 deoptimize them with "wrong call target").
      push(`const fp${id} = mk${id}();`);
      this.p.hoisted.push(lines);
      return `R.xfp(ob, fp${id}, ${JSON.stringify(text)}${unbindable})`;
    }
    this.p.hoisted.push(lines);
    return `R.xfp(ob, mk${id}(${inner.captures.map((c) => c.outer).join(', ')}), ${JSON.stringify(text)}${unbindable})`;
  }

  exprPointer(e: FunctionPtr): string {
    return this.nested(e.loc, '<function>', [], '<code>', (em) => {
      const x = em.expr(e.body!);
      const t = em.fn.temp();
      em.fn.emit(`${t} = ${em.val(x)}; R.d--; return ${t};`, e.loc);
    });
  }

  anonFunction(e: AnonFunction): string {
    const params: string[] = [];
    return this.nested(e.loc, '<function>', params, '<function>', (em) => {
      for (const p of e.params) {
        if (!p.name) continue;
        params.push(em.fn.declareLocal(p.name, tyOf(p.type), true).js);
      }
      em.fn.indent = 2;
      em.block(e.body);
      em.fn.emit('R.d--; return 0;');
    });
  }
}

// ---------------------------------------------------------------------------
// Program level

export interface GeneratedProgram {
  source: string;
  lines: Line[];
}

/**
 * Fills `prog` (variables, functions, classes, layout, JS names) from the AST
 * and returns the factory source. Inherits must already be in `prog.inherits`
 * with their offsets.
 */
export function generateProgram(ast: Ast, prog: Program, env: CodegenEnv): GeneratedProgram {
  const p = new ProgCtx(prog, env, ast.files);
  const decls = flatten(ast.decls);

  // Inherited scope: non-private globals, functions and classes of each inherit (later inherits win).
  let base = 0;
  for (const ih of prog.inherits) {
    ih.offset = base;
    base += ih.program.varCount;
    for (const [name, g] of ih.program.scope.globals) {
      if (g.flags & F_PRIVATE) continue;
      p.globals.set(name, { offset: ih.offset + g.offset, ty: g.ty });
    }
    for (const [name, def] of ih.program.scope.functions) {
      if (def.flags & F_PRIVATE) continue;
      p.functions.set(name, def);
    }
    for (const [name, c] of ih.program.scope.classes) p.classes.set(name, c);
  }
  prog.ownBase = base;

  // Own classes, globals and function declarations (so calls may precede definitions).
  for (const d of decls) {
    if (d.kind === 'Class') {
      const def = new ClassDefinition(d.name, d.members.map((m) => m.name), d.members.map((m) => typeText(m.type)));
      prog.classes.set(d.name, def);
      p.classes.set(d.name, { def, programPath: prog.path });
    } else if (d.kind === 'VarDecl') {
      for (const v of d.declarators) {
        const offset = prog.vars.length;
        prog.vars.push({ name: v.name, flags: flagsOf(d.modifiers), type: typeText(v.type), offset });
        p.globals.set(v.name, { offset: base + offset, ty: tyOf(v.type) });
      }
    } else if (d.kind === 'Function') {
      const existing = prog.functions.get(d.name);
      const def: FunctionDef = {
        name: d.name,
        flags: flagsOf(d.modifiers) | (d.body ? 0 : F_PROTOTYPE),
        arity: d.params.filter((x) => !x.rest).length,
        rest: d.params.some((x) => x.rest),
        returnType: typeText(d.returnType),
        paramTypes: d.params.map((x) => typeText(x.type)),
        ...(d.params.some((x) => x.ref) ? { refParams: d.params.map((x) => !!x.ref) } : {}),
        line: d.loc.line,
      };
      if (existing && !(existing.flags & F_PROTOTYPE) && d.body) {
        env.error(d.loc, `Redeclaration of function ${d.name}`);
        continue;
      }
      const inherited = p.functions.get(d.name);
      if (inherited && inherited.flags & F_NOMASK && d.body && !(prog.functions.has(d.name))) {
        env.error(d.loc, `Illegal to redefine nomask function "${d.name}"`);
      }
      if (!existing || d.body) {
        if (existing && !d.body) continue;
        // A definition after a prototype keeps the prototype's modifiers too.
        if (existing) def.flags |= existing.flags & ~F_PROTOTYPE;
        prog.functions.set(d.name, def);
        p.functions.set(d.name, def);
      }
    }
  }
  prog.varCount = base + prog.vars.length;

  // Function bodies.
  const chunks: Line[][] = [];
  const fnNames: string[] = [];
  for (const d of decls) {
    if (d.kind !== 'Function' || !d.body) continue;
    chunks.push(emitFunction(p, d));
    fnNames.push(d.name);
  }

  // Global initializers (own variables only; inherited ones run in their own instance).
  const initCtx = new FnCtx(p, 'function');
  const initEm = new Emitter(p, initCtx);
  for (const d of decls) {
    if (d.kind !== 'VarDecl') continue;
    for (const v of (d as VarDecl).declarators) {
      if (!v.init) continue;
      initCtx.at(v.loc);
      const g = p.globals.get(v.name)!;
      initCtx.emit(`ob.v[vo + ${g.offset}] = ${initEm.stored(initEm.expr(v.init), g.ty)};`);
    }
  }
  prog.jsNames.set('lpc___INIT', '__INIT');
  prog.hasInitializers = initCtx.lines.length > 0;

  // Record the scope the program offers to its inheritors.
  for (const [name, g] of p.globals) {
    const own = prog.vars.find((v) => v.name === name && base + v.offset === g.offset);
    prog.scope.globals.set(name, { offset: g.offset, ty: g.ty, flags: own ? own.flags : 0 });
  }
  for (const [name, def] of p.functions) prog.scope.functions.set(name, def);
  for (const [name, c] of p.classes) prog.scope.classes.set(name, c);

  // Assemble.
  const out: Line[] = [];
  const top = (text: string) => out.push({ text, file: 0, line: 0 });
  top(`//# sourceURL=${SOURCE_URL_MARK}`);
  top('"use strict";');
  top('return function factory(R, vo) {');
  const linkNames = [...p.links.values()];
  if (linkNames.length) top(`let ${linkNames.join(', ')};`);
  for (const c of p.consts) top(c);
  for (const chunk of chunks) out.push(...chunk);
  for (const h of p.hoisted) out.push(...h);
  top('function lpc___INIT(ob) {');
  if (initCtx.declared.length) top(`  let ${initCtx.declared.join(', ')};`);
  for (const l of initCtx.lines) out.push(l);
  top('}');
  top('return {');
  top(`  fns: { ${fnNames.map((n) => `${JSON.stringify(n)}: lpc_${jsIdent(n)}`).join(', ')} },`);
  top('  init: lpc___INIT,');
  top('  link(L) {');
  for (const [key, js] of p.links) {
    const [kind, scope, ...rest] = key.split(':');
    const name = rest.join(':');
    if (kind === 'scoped') top(`    ${js} = L.scoped(${JSON.stringify(scope)}, ${JSON.stringify(name)});`);
    else top(`    ${js} = L.${kind}(${JSON.stringify(name)});`);
  }
  top('  },');
  top('};');
  top('};');
  return { source: out.map((l) => l.text).join('\n'), lines: out };
}

function emitFunction(p: ProgCtx, d: FunctionDecl): Line[] {
  const fn = new FnCtx(p, 'function');
  fn.at(d.loc);
  const em = new Emitter(p, fn);
  const params: string[] = [];
  let rest = '';
  const refs: string[] = [];
  const defaults = new Map<string, Expr>();
  for (const prm of d.params) {
    const name = prm.name ?? `unnamed${params.length}`;
    const v = fn.declareLocal(name, prm.rest ? 'array' : tyOf(prm.type), true);
    if (prm.rest) rest = v.js;
    else params.push(v.js);
    if (prm.ref && !prm.rest) {
      v.ref = `r_${jsIdent(name)}`;
      refs.push(v.js);
    }
    if (prm.defaultValue && !prm.rest) defaults.set(v.js, prm.defaultValue);
  }
  fn.indent = 1;
  fn.outline = { jsName: `lpc_${jsIdent(d.name)}`, lpcName: d.name, names: [...params, ...(rest ? [rest] : []), ...refs.map((x) => `r_${x.slice(2)}`)] };
  // Default arguments (FluffOS `int x: (: 5 :)`): only a parameter the caller
  // left out gets its default, evaluated on each call after the entry check.
  // FluffOS evaluates the functional; a plain expression (`int x: 5`) is its value.
  for (const [js, value] of defaults) {
    fn.at(value.loc);
    const x = value.kind === 'FunctionPtr' ? `R.evaluate(${em.val(em.expr(value))}, [])` : em.val(em.expr(value));
    fn.emit(`if (${js} === undefined) ${js} = ${x};`);
  }
  em.block(d.body!);
  const jsName = `lpc_${jsIdent(d.name)}`;
  p.prog.jsNames.set(jsName, d.name);
  const lines: Line[] = [];
  const head = (text: string) => lines.push({ text, file: d.loc.file, line: d.loc.line });
  head(`function ${jsName}(ob${params.map((x) => ', ' + x).join('')}${rest ? `, ...${rest}` : ''}) {`);
  if (fn.declared.length) head(`  let ${fn.declared.join(', ')};`);
  for (const x of params) if (!defaults.has(x)) head(`  if (${x} === undefined) ${x} = -0;`);
  // `ref` parameters: keep the caller's reference, work on the value.
  for (const x of refs) head(`  let r_${x.slice(2)}; if (${x} instanceof R.K.LRef) { r_${x.slice(2)} = ${x}; ${x} = ${x}.get(); }`);
  head(`  ${ENTER}`);
  lines.push(...fn.lines);
  lines.push({ text: '  R.d--; return 0;', file: d.loc.file, line: d.endLine ?? d.loc.line });
  lines.push({ text: '}', file: d.loc.file, line: d.endLine ?? d.loc.line });
  return lines;
}

/** Return-type hint helper re-exported for tests. */
export { retTy };
export type { Ex };
