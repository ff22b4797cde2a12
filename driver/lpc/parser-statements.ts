// Statements: blocks with C99-style local declarations anywhere, control
// flow, foreach, switch with ranges, catch blocks; statement-level error
// recovery skips to the next `;` or `}`.
import type {
  Block, Expr, ForeachStmt, LocalVarDecl, Loc, Stmt, SwitchCase, VarDeclarator,
} from './ast.js';
import { ExpressionParser } from './parser-expressions.js';
import { ParseAbort } from './parser-cursor.js';

export abstract class StatementParser extends ExpressionParser {
  protected parseBlock(): Block {
    const open = this.expectPunct('{');
    const body: Stmt[] = [];
    while (!this.isPunct('}')) {
      if (this.cur.kind === 'eof') {
        this.fail("'}'");
      }
      if (this.tooManyErrors()) throw new ParseAbort();
      this.parseStmtInto(body);
    }
    this.next();
    return { kind: 'Block', loc: this.loc(open), body };
  }

  /** Parses one statement with error recovery: on a syntax error, skip to the next `;` or `}`. */
  protected parseStmtInto(body: Stmt[]): void {
    const start = this.pos;
    try {
      body.push(this.parseStatement());
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      if (this.tooManyErrors()) throw e;
      this.syncStmt();
      if (this.pos === start && !this.isPunct('}')) this.next();
    }
  }

  protected syncStmt(): void {
    let depth = 0;
    while (this.cur.kind !== 'eof') {
      const t = this.cur;
      if (t.kind === 'punct') {
        if (t.value === '{' || t.value === '({' || t.value === '([') depth++;
        else if (t.value === '}') {
          if (depth === 0) return;
          depth--;
          if (depth === 0 && !this.isPunct(')', this.peek())) {
            this.next();
            return;
          }
        } else if (t.value === ';' && depth === 0) {
          this.next();
          return;
        }
      }
      this.next();
    }
  }

  /** Whether a statement starting here is a local variable declaration. */
  protected isDeclStart(): boolean {
    const t = this.cur;
    if (!this.isTypeStart(t)) return false;
    if (t.value === 'function' && this.isPunct('(', this.peek())) return false; // anonymous function expression
    if (this.isPunct('::', this.peek())) return false; // `object::create()`: an inherit named like a type
    return true;
  }

  protected parseLocalDecl(requireSemi: boolean): LocalVarDecl {
    const start = this.cur;
    const base = this.parseBaseType();
    const declarators: VarDeclarator[] = [];
    while (true) {
      let depth = 0;
      while (this.eatPunct('*')) depth++;
      const n = this.expectName();
      const d: VarDeclarator = { loc: this.loc(n), name: n.value, type: { ...base, arrayDepth: base.arrayDepth + depth } };
      if (this.eatPunct('=')) d.init = this.parseAssign();
      declarators.push(d);
      if (!this.eatPunct(',')) break;
    }
    if (requireSemi) this.expectPunct(';');
    return { kind: 'LocalVarDecl', loc: this.loc(start), declarators };
  }

  protected parseStatement(): Stmt {
    this.enterNesting();
    try {
      return this.parseStatementInner();
    } finally {
      this.nesting--;
    }
  }

  private parseStatementInner(): Stmt {
    const t = this.cur;
    const loc = this.loc(t);
    if (t.kind === 'punct') {
      if (t.value === '{') return this.parseBlock();
      if (t.value === ';') {
        this.next();
        return { kind: 'Empty', loc };
      }
    }
    if (t.kind === 'kw') {
      switch (t.value) {
        case 'if': {
          this.next();
          this.expectPunct('(');
          const test = this.parseExpr();
          this.expectPunct(')');
          const then = this.parseStatement();
          if (this.isKw('else')) {
            this.next();
            return { kind: 'If', loc, test, then, else: this.parseStatement() };
          }
          return { kind: 'If', loc, test, then };
        }
        case 'while': {
          this.next();
          this.expectPunct('(');
          const test = this.parseExpr();
          this.expectPunct(')');
          return { kind: 'While', loc, test, body: this.parseStatement() };
        }
        case 'do': {
          this.next();
          const body = this.parseStatement();
          if (!this.isKw('while')) this.fail("'while'");
          this.next();
          this.expectPunct('(');
          const test = this.parseExpr();
          this.expectPunct(')');
          this.expectPunct(';');
          return { kind: 'DoWhile', loc, body, test };
        }
        case 'for': return this.parseFor(loc);
        case 'foreach': return this.parseForeach(loc);
        case 'switch': return this.parseSwitch(loc);
        case 'return': {
          this.next();
          if (this.eatPunct(';')) return { kind: 'Return', loc };
          const value = this.parseExpr();
          this.expectPunct(';');
          return { kind: 'Return', loc, value };
        }
        case 'break':
          this.next();
          this.expectPunct(';');
          return { kind: 'Break', loc };
        case 'continue':
          this.next();
          this.expectPunct(';');
          return { kind: 'Continue', loc };
        case 'catch':
          if (this.isPunct('{', this.peek())) {
            this.next();
            const body = this.parseBlock();
            this.eatPunct(';');
            return { kind: 'CatchBlock', loc, body };
          }
          break;
        case 'case': case 'default':
          this.fail();
      }
      if (this.isDeclStart()) return this.parseLocalDecl(true);
    }
    const expr = this.parseExpr();
    this.expectPunct(';');
    return { kind: 'ExprStmt', loc, expr };
  }

  protected parseFor(loc: Loc): Stmt {
    this.next();
    this.expectPunct('(');
    let init: LocalVarDecl | Expr | undefined;
    if (!this.isPunct(';')) init = this.isDeclStart() ? this.parseLocalDecl(false) : this.parseExpr();
    this.expectPunct(';');
    const test = this.isPunct(';') ? undefined : this.parseExpr();
    this.expectPunct(';');
    const update = this.isPunct(')') ? undefined : this.parseExpr();
    this.expectPunct(')');
    const body = this.parseStatement();
    const s: Stmt = { kind: 'For', loc, body };
    if (init) s.init = init;
    if (test) s.test = test;
    if (update) s.update = update;
    return s;
  }

  protected parseForeach(loc: Loc): ForeachStmt {
    this.next();
    this.expectPunct('(');
    const vars: ForeachStmt['vars'] = [];
    while (true) {
      const v: ForeachStmt['vars'][number] = { loc: this.loc(), name: '' };
      if (this.cur.kind === 'id' && this.cur.value === 'ref' && (this.peek().kind === 'id' || this.isTypeStart(this.peek()))) {
        this.next();
        v.ref = true;
      }
      if (this.isTypeStart()) {
        const base = this.parseBaseType();
        if (this.eatRefWord()) v.ref = true;
        let depth = 0;
        while (this.eatPunct('*')) depth++;
        v.type = { ...base, arrayDepth: base.arrayDepth + depth };
      }
      v.name = this.expectName().value;
      vars.push(v);
      if (this.eatPunct(',')) continue;
      break;
    }
    if (!(this.cur.kind === 'id' && this.cur.value === 'in')) this.fail("'in'");
    this.next();
    const collection = this.parseExpr();
    this.expectPunct(')');
    const body = this.parseStatement();
    return { kind: 'Foreach', loc, vars, collection, body };
  }

  protected parseSwitch(loc: Loc): Stmt {
    this.next();
    this.expectPunct('(');
    const discriminant = this.parseExpr();
    this.expectPunct(')');
    this.expectPunct('{');
    const cases: SwitchCase[] = [];
    const leading: LocalVarDecl[] = [];
    let current: SwitchCase | null = null;
    while (!this.isPunct('}')) {
      if (this.cur.kind === 'eof') this.fail("'}'");
      if (this.tooManyErrors()) throw new ParseAbort();
      if (this.isKw('case') || this.isKw('default')) {
        const start = this.pos;
        try {
          current = this.parseCaseLabel();
          cases.push(current);
        } catch (e) {
          if (!(e instanceof ParseAbort)) throw e;
          this.syncStmt();
          if (this.pos === start) this.next();
        }
        continue;
      }
      if (!current) {
        // Before the first label only local declarations make sense (MudOS
        // accepts them there); they are hoisted in front of the switch.
        const start = this.pos;
        try {
          if (!this.isDeclStart()) this.fail("'case'");
          leading.push(this.parseLocalDecl(true));
        } catch (e) {
          if (!(e instanceof ParseAbort)) throw e;
          this.syncStmt();
          if (this.pos === start) this.next();
        }
        continue;
      }
      this.parseStmtInto(current.body);
    }
    this.next();
    const sw: Stmt = { kind: 'Switch', loc, discriminant, cases };
    return leading.length ? { kind: 'Block', loc, body: [...leading, sw] } : sw;
  }

  protected parseCaseLabel(): SwitchCase {
    const t = this.next();
    const loc = this.loc(t);
    if (t.value === 'default') {
      this.expectPunct(':');
      return { loc, isDefault: true, body: [] };
    }
    const c: SwitchCase = { loc, isDefault: false, body: [] };
    if (this.eatPunct('..')) {
      c.isRange = true;
      c.high = this.parseBinary(1);
    } else {
      c.test = this.parseBinary(1);
      if (this.eatPunct('..')) {
        c.isRange = true;
        if (!this.isPunct(':')) c.high = this.parseBinary(1);
      }
    }
    this.expectPunct(':');
    return c;
  }
}
