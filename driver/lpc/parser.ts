// The LPC parser: recursive descent over the preprocessed token stream,
// producing the AST of ast.ts for the whole MudOS v22 / Neolith dialect
// (COMPAT.md "Language" and rule 4). Binary operators use precedence climbing
// from one table. Syntax errors are reported to the sink in Bison's wording
// ("syntax error, unexpected X") and the parser resynchronises at the next `;`
// or `}` so that one mistake does not hide the rest of the file's errors.
import type {
  ArrayLit, AssignOp, Block, ClassDecl, Expr, ForeachStmt, FunctionDecl, InheritDecl, Loc,
  LocalVarDecl, Modifiers, Param, Program, Stmt, SwitchCase, TopDecl, TypeRef, VarDeclarator,
} from './ast.js';
import { DiagnosticSink, type Diagnostic } from './diagnostics.js';
import { normalizeIntLiteral } from './lexer.js';
import { preprocess, type PreprocessOptions, type SourceHost } from './preprocessor.js';
import { describeToken, MODIFIER_SET, TYPE_WORD_SET, type Token } from './tokens.js';

export type ParseOptions = PreprocessOptions;

export interface ParseResult {
  /** Null when any error was reported. */
  program: Program | null;
  diagnostics: Diagnostic[];
}

/** Preprocesses and parses the mudlib file `path`. */
export function parseProgram(path: string, host: SourceHost, options: ParseOptions): ParseResult {
  const sink = new DiagnosticSink([]);
  const { program } = parseWithSink(path, host, options, sink);
  return { program: sink.hasErrors() ? null : program, diagnostics: sink.diagnostics };
}

/** Like parseProgram but reports into a caller's sink and always returns the (possibly partial) tree. */
export function parseWithSink(
  path: string, host: SourceHost, options: ParseOptions, sink: DiagnosticSink,
): { program: Program } {
  const pp = preprocess(path, host, options, sink);
  const program = new Parser(pp.tokens, sink).parseProgram(pp.files, pp.pragmas);
  return { program };
}

/** Parses already preprocessed tokens (for tests and tools). */
export function parseTokens(tokens: Token[], files: string[], pragmas: string[], sink: DiagnosticSink): Program {
  return new Parser(tokens, sink).parseProgram(files, pragmas);
}

/** Parses one expression from preprocessed tokens (for tests). */
export function parseExpressionTokens(tokens: Token[], sink: DiagnosticSink): Expr | null {
  const p = new Parser(tokens, sink);
  return p.parseStandaloneExpr();
}

/** Thrown to unwind to the nearest recovery point after a syntax error was reported. */
class ParseAbort extends Error {}

/** Binary operator precedence (higher binds tighter), C order. */
const BINARY_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5,
  '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

const ASSIGN_OPS: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);

const MIXED: TypeRef = { base: 'mixed', arrayDepth: 0 };

class Parser {
  private pos = 0;
  /** Nesting of `(: :)` pointers (`$1` is legal inside) and anonymous functions (`$(x)` too). */
  private ptrDepth = 0;
  private anonDepth = 0;
  private readonly maxErrors: number;

  constructor(private readonly toks: Token[], private readonly sink: DiagnosticSink) {
    this.maxErrors = sink.maxErrors;
  }

  // -------------------------------------------------------------------------
  // Token helpers

  private get cur(): Token {
    return this.toks[this.pos];
  }

  private peek(n = 1): Token {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)];
  }

  private next(): Token {
    const t = this.toks[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private isPunct(v: string, t: Token = this.cur): boolean {
    return t.kind === 'punct' && t.value === v;
  }

  private isKw(v: string, t: Token = this.cur): boolean {
    return t.kind === 'kw' && t.value === v;
  }

  private eatPunct(v: string): boolean {
    if (this.isPunct(v)) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expectPunct(v: string): Token {
    if (this.isPunct(v)) return this.next();
    this.fail(`'${v}'`);
  }

  /** FluffOS spells a reference parameter `int ref x` or `int & x` as well as `ref int x`. */
  private eatRefWord(): boolean {
    const t = this.cur;
    if (((t.kind === 'id' && t.value === 'ref') || this.isPunct('&')) && (this.peek().kind === 'id' || this.isPunct('*', this.peek()))) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expectName(): Token {
    if (this.isName()) return this.next();
    this.fail('identifier');
  }

  private loc(t: Token = this.cur): Loc {
    return { file: t.file, line: t.line };
  }

  /** Reports a syntax error at the current token and unwinds. */
  private fail(expecting?: string): never {
    const t = this.cur;
    if (expecting) this.sink.report('syntax-expecting', t.file, t.line, describeToken(t), expecting);
    else this.sink.report('syntax-unexpected', t.file, t.line, describeToken(t));
    throw new ParseAbort();
  }

  private tooManyErrors(): boolean {
    return this.sink.errorCount > this.maxErrors;
  }

  // -------------------------------------------------------------------------
  // Top level

  parseProgram(files: string[], pragmas: string[]): Program {
    const decls: TopDecl[] = [];
    let defaults: Modifiers = {};
    while (this.cur.kind !== 'eof' && !this.tooManyErrors()) {
      const start = this.pos;
      try {
        const d = this.parseTopDecl(defaults, decls);
        if (d) defaults = d;
      } catch (e) {
        if (!(e instanceof ParseAbort)) throw e;
        this.syncTop();
        if (this.pos === start) this.next();
      }
    }
    return { kind: 'Program', files, pragmas, decls };
  }

  parseStandaloneExpr(): Expr | null {
    try {
      const e = this.parseExpr();
      if (this.cur.kind !== 'eof') this.fail();
      return e;
    } catch (e) {
      if (e instanceof ParseAbort) return null;
      throw e;
    }
  }

  /** Skips to just after the next `;` or the `}` closing the current top-level construct. */
  private syncTop(): void {
    let depth = 0;
    while (this.cur.kind !== 'eof') {
      const t = this.next();
      if (t.kind !== 'punct') continue;
      if (t.value === '{' || t.value === '({' || t.value === '([') depth++;
      else if (t.value === '}') {
        if (depth <= 1) return;
        depth--;
      } else if (t.value === ';' && depth === 0) return;
    }
  }

  private parseModifiers(base: Modifiers): Modifiers {
    let mods: Modifiers | null = null;
    while (this.cur.kind === 'kw' && MODIFIER_SET.has(this.cur.value)) {
      mods ??= { ...base };
      mods[this.next().value as keyof Modifiers] = true;
    }
    return mods ?? base;
  }

  /**
   * One top-level declaration, appended to `out`. Returns new default
   * modifiers when it was a `private:`-style label (which applies to the rest
   * of the file); modifier blocks `nosave { ... }` are flattened.
   */
  private parseTopDecl(defaults: Modifiers, out: TopDecl[]): Modifiers | null {
    if (this.eatPunct(';')) return null;
    const startTok = this.cur;
    const mods = this.parseModifiers(defaults);
    if (this.isKw('inherit')) {
      out.push(this.parseInherit(mods, startTok));
      return null;
    }
    if (mods !== defaults) {
      if (this.isPunct(':')) {
        this.next();
        return mods;
      }
      if (this.isPunct('{')) {
        this.next();
        let inner = mods;
        while (!this.isPunct('}')) {
          if (this.cur.kind === 'eof') this.fail("'}'");
          const d = this.parseTopDecl(inner, out);
          if (d) inner = d;
        }
        this.next();
        return null;
      }
    }
    if (this.isKw('class') && this.peek().kind === 'id' && this.isPunct('{', this.peek(2))) {
      out.push(this.parseClassDecl());
      return null;
    }
    let type: TypeRef | null = null;
    if (this.isTypeStart()) type = this.parseBaseType();
    else if (!(this.cur.kind === 'id' && this.isPunct('(', this.peek()))) this.fail();
    // Declarators: `int *a, b = 1;` or `int *f(...) { ... }`.
    let first = true;
    const declarators: VarDeclarator[] = [];
    const declLoc = this.loc(startTok);
    while (true) {
      let depth = 0;
      while (this.isPunct('*')) {
        this.next();
        depth++;
      }
      const nameTok = this.expectName();
      const t: TypeRef = type ? { ...type, arrayDepth: type.arrayDepth + depth } : MIXED;
      if (first && this.isPunct('(')) {
        out.push(this.parseFunctionRest(mods, t, type === null, nameTok, startTok));
        return null;
      }
      first = false;
      if (!type) this.fail();
      const d: VarDeclarator = { loc: this.loc(nameTok), name: nameTok.value, type: t };
      if (this.eatPunct('=')) d.init = this.parseAssign();
      declarators.push(d);
      if (this.eatPunct(',')) continue;
      this.expectPunct(';');
      break;
    }
    out.push({ kind: 'VarDecl', loc: declLoc, modifiers: mods, declarators });
    return null;
  }

  private parseInherit(mods: Modifiers, startTok: Token): InheritDecl {
    this.next();
    let path = '';
    if (this.cur.kind !== 'string') this.fail('string constant');
    while (this.cur.kind === 'string') path += this.next().value;
    this.expectPunct(';');
    const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.c$/, '');
    return { kind: 'Inherit', loc: this.loc(startTok), path, name: base, modifiers: mods };
  }

  private parseClassDecl(): ClassDecl {
    const start = this.next();
    const name = this.next().value as string;
    this.expectPunct('{');
    const members: ClassDecl['members'] = [];
    while (!this.isPunct('}')) {
      if (!this.isTypeStart()) this.fail();
      const base = this.parseBaseType();
      while (true) {
        let depth = 0;
        while (this.eatPunct('*')) depth++;
        const n = this.expectName();
        members.push({ loc: this.loc(n), name: n.value, type: { ...base, arrayDepth: base.arrayDepth + depth } });
        if (!this.eatPunct(',')) break;
      }
      this.expectPunct(';');
    }
    this.next();
    this.eatPunct(';');
    return { kind: 'Class', loc: this.loc(start), name, members };
  }

  private parseFunctionRest(mods: Modifiers, returnType: TypeRef, implicit: boolean, nameTok: Token, startTok: Token): FunctionDecl {
    const params = this.parseParams();
    const fn: FunctionDecl = {
      kind: 'Function', loc: this.loc(startTok), modifiers: mods, returnType, name: nameTok.value, params,
    };
    if (implicit) fn.implicitType = true;
    if (this.eatPunct(';')) return fn;
    if (!this.isPunct('{')) this.fail("';' or '{'");
    const body = this.parseBlock();
    fn.body = body;
    fn.endLine = this.toks[this.pos - 1].line;
    return fn;
  }

  /** `(int a, string *b, mixed ...)`; `(void)` is no parameters. */
  private parseParams(): Param[] {
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

  // -------------------------------------------------------------------------
  // Types

  /**
   * A type starts here: a type word, or `class Name`. `status` is an old type
   * word that mudlibs also use as a variable name (`int status;` in Lima), so
   * it only counts as a type when a name, `*` or `)` follows.
   */
  private isTypeStart(t: Token = this.cur): boolean {
    if (t.kind !== 'kw' || !TYPE_WORD_SET.has(t.value)) return false;
    if (t.value !== 'status') return true;
    const i = this.toks.indexOf(t, this.pos);
    const n = this.toks[Math.min(i + 1, this.toks.length - 1)];
    return n.kind === 'id' || (n.kind === 'punct' && (n.value === '*' || n.value === ')'));
  }

  /** A token usable as a name: an identifier, or `status` (see isTypeStart). */
  private isName(t: Token = this.cur): boolean {
    return t.kind === 'id' || (t.kind === 'kw' && t.value === 'status');
  }

  /** Base type with `array` suffixes, without `*` (those belong to each declarator). */
  private parseBaseType(): TypeRef {
    const t = this.next();
    let type: TypeRef;
    if (t.value === 'class') {
      const n = this.expectName();
      type = { base: 'class', className: n.value, arrayDepth: 0 };
    } else if (t.value === 'array') {
      type = { base: 'mixed', arrayDepth: 1 };
    } else {
      type = { base: t.value === 'double' ? 'float' : t.value, arrayDepth: 0 };
    }
    while (this.isKw('array')) {
      this.next();
      type.arrayDepth++;
    }
    return type;
  }

  // -------------------------------------------------------------------------
  // Statements

  private parseBlock(): Block {
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
  private parseStmtInto(body: Stmt[]): void {
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

  private syncStmt(): void {
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
  private isDeclStart(): boolean {
    const t = this.cur;
    if (!this.isTypeStart(t)) return false;
    if (t.value === 'function' && this.isPunct('(', this.peek())) return false; // anonymous function expression
    if (this.isPunct('::', this.peek())) return false; // `object::create()`: an inherit named like a type
    return true;
  }

  private parseLocalDecl(requireSemi: boolean): LocalVarDecl {
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

  private parseStatement(): Stmt {
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

  private parseFor(loc: Loc): Stmt {
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

  private parseForeach(loc: Loc): ForeachStmt {
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

  private parseSwitch(loc: Loc): Stmt {
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

  private parseCaseLabel(): SwitchCase {
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

  // -------------------------------------------------------------------------
  // Expressions

  /** Full expression including the comma operator. */
  private parseExpr(): Expr {
    const first = this.parseAssign();
    if (!this.isPunct(',')) return first;
    const exprs = [first];
    while (this.eatPunct(',')) exprs.push(this.parseAssign());
    return { kind: 'Comma', loc: first.loc, exprs };
  }

  private parseAssign(): Expr {
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

  private checkLvalue(e: Expr, at: Token): void {
    if (!isLvalue(e)) this.sink.report('syntax-lvalue', at.file, at.line);
  }

  private parseConditional(): Expr {
    const test = this.parseBinary(1);
    if (!this.isPunct('?')) return test;
    this.next();
    const then = this.parseAssign();
    this.expectPunct(':');
    const els = this.parseAssign();
    return { kind: 'Conditional', loc: test.loc, test, then, else: els };
  }

  private parseBinary(minPrec: number): Expr {
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

  private parseUnary(): Expr {
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
  private isCast(): boolean {
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

  private parsePostfix(e: Expr): Expr {
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
            const { args } = this.parseArgs();
            e = { kind: 'CallOther', loc: this.loc(t), target: e, method: n.value, args };
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
            const { args } = this.parseArgs();
            e = { kind: 'Call', loc: e.loc, callee: 'evaluate', args: [e, ...args] };
            continue;
          }
          return e;
        default:
          return e;
      }
    }
  }

  private parseIndex(target: Expr): Expr {
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
  private parseArgs(): { args: Expr[]; spread?: boolean[] } {
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

  private parsePrimary(): Expr {
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
        if (this.ptrDepth === 0) this.sink.report('syntax-dollar', t.file, t.line, `$${t.value}`);
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
              const { args } = this.parseArgs();
              return { kind: 'Call', loc, callee: 'evaluate', args: [fn, ...args] };
            }
            const e = this.parseExpr();
            this.expectPunct(')');
            return e;
          }
          case '({': {
            this.next();
            const elements: Expr[] = [];
            while (!this.isPunct('}')) {
              elements.push(this.parseAssign());
              if (!this.eatPunct(',')) break;
            }
            this.expectPunct('}');
            this.expectPunct(')');
            return { kind: 'ArrayLit', loc, elements } satisfies ArrayLit;
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
            if (this.ptrDepth === 0 && this.anonDepth === 0) this.sink.report('syntax-dollar', t.file, t.line, '$()');
            const expr = this.parseExpr();
            this.expectPunct(')');
            return { kind: 'Capture', loc, expr };
          }
          case '::': {
            this.next();
            const n = this.expectName();
            const { args } = this.parseArgs();
            return { kind: 'SuperCall', loc, scope: '', name: n.value, args };
          }
        }
    }
    this.fail();
  }

  /** Identifier, call `f(...)`, `efun::f(...)`, `Name::f(...)`. */
  private parseName(): Expr {
    const t = this.next();
    const loc = this.loc(t);
    if (this.isPunct('::')) {
      this.next();
      const n = this.cur;
      if (n.kind !== 'id' && n.kind !== 'kw') this.fail('identifier');
      this.next();
      const { args, spread } = this.parseArgs();
      if (t.value === 'efun') {
        const c: Expr = { kind: 'Call', loc, callee: n.value, scope: 'efun', args };
        if (spread) c.spread = spread;
        return c;
      }
      return { kind: 'SuperCall', loc, scope: t.value, name: n.value, args };
    }
    if (this.isPunct('(')) {
      const { args, spread } = this.parseArgs();
      const c: Expr = { kind: 'Call', loc, callee: t.value, args };
      if (spread) c.spread = spread;
      return c;
    }
    return { kind: 'Identifier', loc, name: t.value };
  }

  private parseKeywordExpr(): Expr {
    const t = this.cur;
    const loc = this.loc(t);
    if (this.isPunct('::', this.peek())) {
      // `object::f()`: the inherit's name is a type word.
      this.pos += 2;
      const n = this.cur;
      if (n.kind !== 'id' && n.kind !== 'kw') this.fail('identifier');
      this.next();
      const { args } = this.parseArgs();
      return { kind: 'SuperCall', loc, scope: t.value, name: n.value, args };
    }
    if (t.value === 'status') return this.parseName();
    switch (t.value) {
      case 'catch': {
        this.next();
        if (this.isPunct('{')) {
          const block = this.parseBlock();
          return { kind: 'Catch', loc, expr: { kind: 'IntLit', loc, value: 0 }, block };
        }
        this.expectPunct('(');
        const expr = this.parseExpr();
        this.expectPunct(')');
        return { kind: 'Catch', loc, expr };
      }
      case 'time_expression': {
        this.next();
        if (this.isPunct('{')) {
          const block = this.parseBlock();
          return { kind: 'TimeExpr', loc, expr: { kind: 'IntLit', loc, value: 0 }, block };
        }
        this.expectPunct('(');
        const expr = this.parseExpr();
        this.expectPunct(')');
        return { kind: 'TimeExpr', loc, expr };
      }
      case 'sscanf': {
        this.next();
        const { args } = this.parseArgs();
        if (args.length < 2) this.fail();
        for (const a of args.slice(2)) if (!isLvalue(a)) this.sink.report('syntax-lvalue', a.loc.file, a.loc.line);
        return { kind: 'Sscanf', loc, input: args[0], format: args[1], targets: args.slice(2) };
      }
      case 'parse_command': {
        this.next();
        const { args } = this.parseArgs();
        if (args.length < 3) this.fail();
        for (const a of args.slice(3)) if (!isLvalue(a)) this.sink.report('syntax-lvalue', a.loc.file, a.loc.line);
        return { kind: 'ParseCommand', loc, input: args[0], source: args[1], pattern: args[2], targets: args.slice(3) };
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
        const { args } = this.parseArgs();
        if (args.length === 0) this.fail();
        return { kind: 'New', loc, form: 'object', args };
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
  private parseFunctionPtr(): Expr {
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

/**
 * `(class T)x->m = v`: MudOS lets a cast wrap an lvalue (it only informs the
 * type checker), so the assignment targets the inner expression.
 */
function stripCasts(e: Expr): Expr {
  while (e.kind === 'Cast' && isLvalue(stripCasts(e.expr))) e = e.expr;
  return e;
}

/** Assignable expressions (COMPAT.md: `({a, b}) = arr` destructuring included). */
export function isLvalue(e: Expr): boolean {
  switch (e.kind) {
    case 'Identifier': case 'Index': case 'Range': case 'MemberAccess':
      return true;
    case 'ArrayLit':
      return e.elements.length > 0 && e.elements.every(isLvalue);
    default:
      return false;
  }
}
