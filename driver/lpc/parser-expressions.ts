// Expressions: precedence climbing over one operator table, then unary,
// postfix (`[]`, `->`, `.`, `++`) and primary forms, including every kind of
// function pointer, anonymous functions, catch/sscanf/parse_command/new and
// time_expression.
import type {
  ArrayLit, AssignOp, Block, CatchExpr, Expr, Loc, Param, TimeExpr,
} from './ast.js';
import { normalizeIntLiteral } from './lexer.js';
import { isLvalue, MIXED, stripCasts, TokenCursor } from './parser-cursor.js';
import type { Token } from './tokens.js';

/** Binary operator precedence (higher binds tighter), C order. */
const BINARY_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5,
  '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

export const ASSIGN_OPS: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);

/** An argument list as parseArgs reads it. */
type ParsedArgs = { args: Expr[]; spread?: boolean[] };

/** `scope::name(args)` (`::name(args)` has scope ''); `spread` only when an argument was written `arr...`. */
function superCall(loc: Loc, scope: string, name: string, { args, spread }: ParsedArgs): Expr {
  const sc: Expr = { kind: 'SuperCall', loc, scope, name, args };
  if (spread) sc.spread = spread;
  return sc;
}

/** `name(args)`, or `efun::name(args)` with scope 'efun'. */
function call(loc: Loc, callee: string, scope: 'efun' | undefined, { args, spread }: ParsedArgs): Expr {
  const c: Expr = scope ? { kind: 'Call', loc, callee, scope, args } : { kind: 'Call', loc, callee, args };
  if (spread) c.spread = spread;
  return c;
}

export abstract class ExpressionParser extends TokenCursor {
  /** Blocks belong to the statement stage; anonymous functions and `catch { }` need them. */
  protected abstract parseBlock(): Block;

  /** `(int a, string *b, mixed ...)`; `(void)` is no parameters. */
  protected parseParams(): Param[] {
    this.expectPunct('(');
    const params: Param[] = [];
    if (this.isKw('void') && this.isPunct(')', this.peek())) this.next();
    while (!this.isPunct(')')) {
      const start = this.cur;
      const p: Param = { loc: this.loc(), type: MIXED };
      if (this.cur.kind === 'id' && this.cur.value === 'ref' && (this.isTypeStart(this.peek()) || this.peek().kind === 'id')) {
        this.next();
        p.ref = true;
      }
      if (this.isKw('varargs')) this.next();
      if (this.isTypeStart()) {
        const base = this.parseBaseType();
        if (this.eatRefWord()) p.ref = true;
        let depth = 0;
        while (this.eatPunct('*')) depth++;
        p.type = { ...base, arrayDepth: base.arrayDepth + depth };
      }
      if (this.isName()) p.name = this.next().value;
      else if (p.type === MIXED && this.cur === start) this.fail();
      if (this.eatPunct('...')) p.rest = true;
      if (this.isPunct(':') && p.name) {
        // FluffOS default argument `int x: (: 5 :)` or `int x: 5`.
        this.next();
        p.defaultValue = this.parseAssign();
      }
      params.push(p);
      if (!this.eatPunct(',')) break;
    }
    this.expectPunct(')');
    return params;
  }

  /** Full expression including the comma operator. */
  protected parseExpr(): Expr {
    const first = this.parseAssign();
    if (!this.isPunct(',')) return first;
    const exprs = [first];
    while (this.eatPunct(',')) exprs.push(this.parseAssign());
    return { kind: 'Comma', loc: first.loc, exprs };
  }

  /** Right-associative chains (`a = b = ...`, `?:`) recurse here, so this level counts for the nesting guard too. */
  protected parseAssign(): Expr {
    this.enterNesting();
    try {
      return this.parseAssignInner();
    } finally {
      this.nesting--;
    }
  }

  private parseAssignInner(): Expr {
    const left = this.parseConditional();
    const t = this.cur;
    if (t.kind === 'punct' && ASSIGN_OPS.has(t.value)) {
      this.next();
      const target = stripCasts(left);
      this.checkLvalue(target, t);
      const value = this.parseAssign();
      return { kind: 'Assign', loc: left.loc, op: t.value as AssignOp, target, value };
    }
    return left;
  }

  protected checkLvalue(e: Expr, at: Token): void {
    if (!isLvalue(e)) this.sink.report('syntax-lvalue', at.file, at.line);
  }

  protected parseConditional(): Expr {
    const test = this.parseBinary(1);
    if (!this.isPunct('?')) return test;
    this.next();
    const then = this.parseAssign();
    this.expectPunct(':');
    const els = this.parseAssign();
    return { kind: 'Conditional', loc: test.loc, test, then, else: els };
  }

  protected parseBinary(minPrec: number): Expr {
    let left = this.parseUnary();
    // The MudOS grammar (yacc) reads `a || b = c` as `a || (b = c)`: an
    // lvalue operand followed by an assignment operator takes the assignment.
    if (minPrec > 1 && this.cur.kind === 'punct' && ASSIGN_OPS.has(this.cur.value) && isLvalue(left)) {
      const op = this.next().value as AssignOp;
      left = { kind: 'Assign', loc: left.loc, op, target: left, value: this.parseAssign() };
    }
    while (true) {
      const t = this.cur;
      if (t.kind !== 'punct') return left;
      const prec = BINARY_PREC[t.value];
      if (prec === undefined || prec < minPrec) return left;
      this.next();
      const right = this.parseBinary(prec + 1);
      if (t.value === '&&' || t.value === '||') left = { kind: 'Logical', loc: left.loc, op: t.value, left, right };
      else left = { kind: 'Binary', loc: left.loc, op: t.value, left, right };
    }
  }

  /** Unary expressions are where parentheses nest, so the nesting guard sits here. */
  protected parseUnary(): Expr {
    this.enterNesting();
    try {
      return this.parseUnaryInner();
    } finally {
      this.nesting--;
    }
  }

  private parseUnaryInner(): Expr {
    const t = this.cur;
    if (t.kind === 'punct') {
      switch (t.value) {
        case '-': case '+': case '!': case '~': {
          this.next();
          let operand = this.parseUnary();
          // yacc-ism kept by MudOS: `!x = f()` means `!(x = f())`.
          if (this.cur.kind === 'punct' && ASSIGN_OPS.has(this.cur.value) && isLvalue(operand)) {
            const op = this.next().value as AssignOp;
            operand = { kind: 'Assign', loc: operand.loc, op, target: operand, value: this.parseAssign() };
          }
          if (t.value === '-' && operand.kind === 'IntLit') {
            return { kind: 'IntLit', loc: this.loc(t), value: normalizeIntLiteral(-BigInt(operand.value)) };
          }
          if (t.value === '-' && operand.kind === 'FloatLit') return { kind: 'FloatLit', loc: this.loc(t), value: -operand.value };
          return { kind: 'Unary', loc: this.loc(t), op: t.value, operand };
        }
        case '++': case '--': {
          this.next();
          const target = this.parseUnary();
          this.checkLvalue(target, t);
          return { kind: 'Update', loc: this.loc(t), op: t.value, prefix: true, target };
        }
        case '(':
          if (this.isCast()) {
            this.next();
            const base = this.parseBaseType();
            let depth = 0;
            while (this.eatPunct('*')) depth++;
            this.expectPunct(')');
            const expr = this.parseUnary();
            return { kind: 'Cast', loc: this.loc(t), type: { ...base, arrayDepth: base.arrayDepth + depth }, expr };
          }
      }
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /** `(` type `*`... `)` is a cast. */
  protected isCast(): boolean {
    let i = this.pos + 1;
    let t = this.toks[i];
    if (!this.isTypeStart(t)) return false;
    i++;
    if (t.value === 'class') {
      if (this.toks[i].kind !== 'id') return false;
      i++;
    }
    while (true) {
      t = this.toks[i];
      if (t.kind === 'kw' && t.value === 'array') i++;
      else if (t.kind === 'punct' && t.value === '*') i++;
      else break;
    }
    return this.isPunct(')', this.toks[i]);
  }

  protected parsePostfix(e: Expr): Expr {
    while (true) {
      const t = this.cur;
      if (t.kind !== 'punct') return e;
      switch (t.value) {
        case '[':
          e = this.parseIndex(e);
          continue;
        case '->': {
          this.next();
          const n = this.cur;
          if (n.kind !== 'id' && n.kind !== 'kw') this.fail('identifier');
          this.next();
          if (this.isPunct('(')) {
            const { args, spread } = this.parseArgs();
            e = { kind: 'CallOther', loc: this.loc(t), target: e, method: n.value, args };
            if (spread) e.spread = spread;
          } else {
            e = { kind: 'MemberAccess', loc: this.loc(t), target: e, member: n.value };
          }
          continue;
        }
        case '.': {
          // Neolith dot-call: `recv.f(args)` is `efun::f(recv, args)`. Without
          // parentheses, `obj.member` is FluffOS's spelling of `obj->member`.
          this.next();
          const n = this.cur;
          if (n.kind !== 'id' && n.kind !== 'kw') this.fail('identifier');
          this.next();
          if (this.isPunct('(')) {
            const { args, spread } = this.parseArgs();
            const c: Expr = { kind: 'Call', loc: this.loc(t), callee: n.value, scope: 'efun', args: [e, ...args] };
            if (spread) c.spread = [false, ...spread];
            e = c;
          } else {
            e = { kind: 'MemberAccess', loc: this.loc(t), target: e, member: n.value };
          }
          continue;
        }
        case '++': case '--':
          this.next();
          this.checkLvalue(e, t);
          e = { kind: 'Update', loc: e.loc, op: t.value, prefix: false, target: e };
          continue;
        case '(':
          // Calling a function-valued expression: `(*f)(x)` / `arr[0](x)` → evaluate(expr, x).
          if (e.kind === 'Index') {
            const { args, spread } = this.parseArgs();
            const call: Expr = { kind: 'Call', loc: e.loc, callee: 'evaluate', args: [e, ...args] };
            if (spread) call.spread = [false, ...spread];
            e = call;
            continue;
          }
          return e;
        default:
          return e;
      }
    }
  }

  protected parseIndex(target: Expr): Expr {
    const open = this.next();
    const loc = this.loc(open);
    let lowFromEnd = false;
    let low: Expr | undefined;
    if (!this.isPunct('..')) {
      if (this.eatPunct('<')) lowFromEnd = true;
      low = this.parseExpr();
    }
    if (this.eatPunct('..')) {
      const r: Expr = { kind: 'Range', loc, target };
      if (low) {
        r.low = low;
        if (lowFromEnd) r.lowFromEnd = true;
      }
      if (!this.isPunct(']')) {
        if (this.eatPunct('<')) r.highFromEnd = true;
        r.high = this.parseExpr();
      }
      this.expectPunct(']');
      return r;
    }
    this.expectPunct(']');
    const ix: Expr = { kind: 'Index', loc, target, index: low! };
    if (lowFromEnd) ix.fromEnd = true;
    return ix;
  }

  /** `(a, ref b, &c, arr...)`. */
  protected parseArgs(): ParsedArgs {
    this.expectPunct('(');
    const args: Expr[] = [];
    let spread: boolean[] | undefined;
    while (!this.isPunct(')')) {
      const t = this.cur;
      let arg: Expr;
      if ((t.kind === 'id' && t.value === 'ref' && this.peek().kind === 'id') || this.isPunct('&')) {
        this.next();
        const target = this.parseUnary();
        this.checkLvalue(target, t);
        arg = { kind: 'Ref', loc: this.loc(t), target };
      } else {
        arg = this.parseAssign();
      }
      args.push(arg);
      if (this.eatPunct('...')) {
        spread ??= args.map(() => false);
        spread[args.length - 1] = true;
      } else if (spread) spread.push(false);
      if (!this.eatPunct(',')) break;
    }
    this.expectPunct(')');
    if (spread) while (spread.length < args.length) spread.push(false);
    return spread ? { args, spread } : { args };
  }

  protected parsePrimary(): Expr {
    const t = this.cur;
    const loc = this.loc(t);
    switch (t.kind) {
      case 'int':
        this.next();
        return { kind: 'IntLit', loc, value: t.value };
      case 'float':
        this.next();
        return { kind: 'FloatLit', loc, value: t.value };
      case 'string': {
        this.next();
        let value = t.value as string;
        while (this.cur.kind === 'string') value += this.next().value;
        return { kind: 'StringLit', loc, value };
      }
      case 'strarray':
        this.next();
        return { kind: 'ArrayLit', loc, elements: (t.value as string[]).map((value) => ({ kind: 'StringLit', loc, value })) };
      case 'argref':
        this.next();
        if (this.ptrDepth === 0) this.sink.report(this.anonDepth ? 'syntax-dollar-anon' : 'syntax-dollar', t.file, t.line);
        return { kind: 'ArgRef', loc, index: t.value };
      case 'id':
        return this.parseName();
      case 'kw':
        return this.parseKeywordExpr();
      case 'punct':
        switch (t.value) {
          case '(': {
            this.next();
            if (this.isPunct('*')) {
              // `(*f)(args)`: the MudOS spelling of calling a function pointer.
              this.next();
              const fn = this.parseExpr();
              this.expectPunct(')');
              const { args, spread } = this.parseArgs();
              const call: Expr = { kind: 'Call', loc, callee: 'evaluate', args: [fn, ...args] };
              if (spread) call.spread = [false, ...spread];
              return call;
            }
            const e = this.parseExpr();
            this.expectPunct(')');
            return e;
          }
          case '({': {
            this.next();
            const elements: Expr[] = [];
            let spread: boolean[] | undefined;
            while (!this.isPunct('}')) {
              elements.push(this.parseAssign());
              // `({ a..., b })` expands `a` in place (Neolith's expr_list accepts `expr0 ...`).
              if (this.eatPunct('...')) {
                spread ??= elements.map(() => false);
                spread[elements.length - 1] = true;
              } else if (spread) spread.push(false);
              if (!this.eatPunct(',')) break;
            }
            this.expectPunct('}');
            this.expectPunct(')');
            const lit: ArrayLit = { kind: 'ArrayLit', loc, elements };
            if (spread) lit.spread = spread;
            return lit;
          }
          case '([': {
            this.next();
            const entries: { key: Expr; value: Expr }[] = [];
            while (!this.isPunct(']')) {
              const key = this.parseAssign();
              this.expectPunct(':');
              const value = this.parseAssign();
              entries.push({ key, value });
              if (!this.eatPunct(',')) break;
            }
            this.expectPunct(']');
            this.expectPunct(')');
            return { kind: 'MappingLit', loc, entries };
          }
          case '(:': return this.parseFunctionPtr();
          case '$(': {
            this.next();
            if (this.ptrDepth === 0 && this.anonDepth === 0) this.sink.report('syntax-dollar', t.file, t.line);
            const expr = this.parseExpr();
            this.expectPunct(')');
            return { kind: 'Capture', loc, expr };
          }
          case '::': {
            this.next();
            const n = this.expectName();
            return superCall(loc, '', n.value, this.parseArgs());
          }
        }
    }
    this.fail();
  }

  /** Identifier, call `f(...)`, `efun::f(...)`, `Name::f(...)`. */
  protected parseName(): Expr {
    const t = this.next();
    const loc = this.loc(t);
    if (this.isPunct('::')) {
      this.next();
      const name = this.scopedName();
      const args = this.parseArgs();
      return t.value === 'efun' ? call(loc, name, 'efun', args) : superCall(loc, t.value, name, args);
    }
    if (this.isPunct('(')) return call(loc, t.value, undefined, this.parseArgs());
    return { kind: 'Identifier', loc, name: t.value };
  }

  /** The function name after `scope::`: an identifier or a keyword (`::create`, `::new`). */
  private scopedName(): string {
    const n = this.cur;
    if (n.kind !== 'id' && n.kind !== 'kw') this.fail('identifier');
    this.next();
    return n.value;
  }

  /**
   * `catch(expr)` / `time_expression(expr)`, or the block form `catch { ... }`
   * (MudOS/Lima), where `expr` is only an IntLit 0 placeholder.
   */
  private parseExprOrBlock(kind: 'Catch' | 'TimeExpr', loc: Loc): CatchExpr | TimeExpr {
    this.next();
    if (this.isPunct('{')) {
      const block = this.parseBlock();
      return { kind, loc, expr: { kind: 'IntLit', loc, value: 0 }, block };
    }
    this.expectPunct('(');
    const expr = this.parseExpr();
    this.expectPunct(')');
    return { kind, loc, expr };
  }

  /** sscanf/parse_command targets: each must be assignable; a bad one is reported and parsing goes on. */
  private lvalueTargets(targets: Expr[]): Expr[] {
    for (const a of targets) if (!isLvalue(a)) this.sink.report('syntax-lvalue', a.loc.file, a.loc.line);
    return targets;
  }

  protected parseKeywordExpr(): Expr {
    const t = this.cur;
    const loc = this.loc(t);
    if (this.isPunct('::', this.peek())) {
      // `object::f()`: the inherit's name is a type word.
      this.pos += 2;
      const name = this.scopedName();
      return superCall(loc, t.value, name, this.parseArgs());
    }
    if (t.value === 'status') return this.parseName();
    switch (t.value) {
      case 'catch':
        return this.parseExprOrBlock('Catch', loc);
      case 'time_expression':
        return this.parseExprOrBlock('TimeExpr', loc);
      case 'sscanf': {
        this.next();
        const { args } = this.parseArgs();
        if (args.length < 2) this.fail();
        return { kind: 'Sscanf', loc, input: args[0], format: args[1], targets: this.lvalueTargets(args.slice(2)) };
      }
      case 'parse_command': {
        this.next();
        const { args } = this.parseArgs();
        if (args.length < 3) this.fail();
        return { kind: 'ParseCommand', loc, input: args[0], source: args[1], pattern: args[2], targets: this.lvalueTargets(args.slice(3)) };
      }
      case 'new': {
        this.next();
        this.expectPunct('(');
        if (this.isKw('class')) {
          this.next();
          const name = this.expectName().value;
          const fields: { name: string; value: Expr }[] = [];
          while (this.eatPunct(',')) {
            if (this.isPunct(')')) break;
            const f = this.expectName().value;
            this.expectPunct(':');
            fields.push({ name: f, value: this.parseAssign() });
          }
          this.expectPunct(')');
          return { kind: 'New', loc, form: 'class', className: name, fields };
        }
        this.pos--; // back to '(' so parseArgs reads the list
        const { args, spread } = this.parseArgs();
        if (args.length === 0) this.fail();
        const ne: Expr = { kind: 'New', loc, form: 'object', args };
        if (spread) ne.spread = spread;
        return ne;
      }
      case 'function':
        if (this.isPunct('(', this.peek())) {
          this.next();
          const params = this.parseParams();
          const saved = this.ptrDepth;
          this.ptrDepth = 0;
          this.anonDepth++;
          try {
            const body = this.parseBlock();
            return { kind: 'AnonFunction', loc, returnType: MIXED, params, body };
          } finally {
            this.anonDepth--;
            this.ptrDepth = saved;
          }
        }
        break;
    }
    this.fail();
  }

  /** `(: f :)`, `(: f, a :)`, `(: efun::f :)`, `(: call_other, ob, "f" :)`, `(: $1 + x :)`. */
  protected parseFunctionPtr(): Expr {
    const open = this.next();
    const loc = this.loc(open);
    this.ptrDepth++;
    try {
      const t = this.cur;
      const after = (k: number): Token => this.peek(k);
      const endsName = (k: number): boolean => this.isPunct(',', after(k)) || (this.isPunct(':', after(k)) && this.isPunct(')', after(k + 1)));
      if (t.kind === 'id') {
        let scope: 'efun' | undefined;
        let nameTok: Token | null = null;
        if (t.value === 'efun' && this.isPunct('::', after(1)) && endsName(3)) {
          scope = 'efun';
          nameTok = after(2);
          this.pos += 3;
        } else if (endsName(1)) {
          nameTok = t;
          this.pos += 1;
        }
        if (nameTok) {
          const fp: Expr = { kind: 'FunctionPtr', loc, form: 'name', name: nameTok.value };
          if (scope) fp.scope = scope;
          const args: Expr[] = [];
          while (this.eatPunct(',')) args.push(this.parseAssign());
          if (args.length) fp.args = args;
          this.expectPunct(':');
          this.expectPunct(')');
          return fp;
        }
      }
      const body = this.parseExpr();
      this.expectPunct(':');
      this.expectPunct(')');
      return { kind: 'FunctionPtr', loc, form: 'expr', body };
    } finally {
      this.ptrDepth--;
    }
  }
}
