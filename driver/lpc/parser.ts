// The LPC parser: recursive descent over the preprocessed token stream,
// producing the AST of ast.ts for the whole MudOS v22 / Neolith dialect
// (COMPAT.md "Language" and rule 4). Binary operators use precedence climbing
// from one table. Syntax errors are reported to the sink in Bison's wording
// ("syntax error, unexpected X") and the parser resynchronises at the next `;`
// or `}` so that one mistake does not hide the rest of the file's errors.
//
// The stages are a chain of classes, a file each: parser-cursor.ts (tokens,
// errors, types) → parser-expressions.ts → parser-statements.ts → this file
// (declarations and the entry points).
import type {
  ClassDecl, Expr, FunctionDecl, InheritDecl, Modifiers, Program, TopDecl, TypeRef, VarDeclarator,
} from './ast.js';
import { DiagnosticSink, type Diagnostic } from './diagnostics.js';
import { MIXED, ParseAbort } from './parser-cursor.js';
import { StatementParser } from './parser-statements.js';
import { preprocess, type PreprocessOptions, type SourceHost } from './preprocessor.js';
import { MODIFIER_SET, type Token } from './tokens.js';

export { isLvalue } from './parser-cursor.js';

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
  program.pragmaEvents = pp.pragmaEvents;
  return { program };
}

/** Parses one expression from preprocessed tokens (for tests). */
export function parseExpressionTokens(tokens: Token[], sink: DiagnosticSink): Expr | null {
  const p = new Parser(tokens, sink);
  return p.parseStandaloneExpr();
}

/** Declarations: inherits, globals, functions, classes and modifier scopes. */
class Parser extends StatementParser {
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

  /** Modifier words: `base` plus those written (`mods`, which is `base` itself when none), and only those (`own`). */
  private parseModifiers(base: Modifiers): { mods: Modifiers; own: Modifiers } {
    let mods: Modifiers | null = null;
    const own: Modifiers = {};
    while (this.cur.kind === 'kw' && MODIFIER_SET.has(this.cur.value)) {
      mods ??= { ...base };
      const word = this.next().value as keyof Modifiers;
      mods[word] = true;
      own[word] = true;
    }
    return { mods: mods ?? base, own };
  }

  /**
   * One top-level declaration, appended to `out`. Returns new default
   * modifiers when it was a `private:`-style label (which applies to the rest
   * of the file); modifier blocks `nosave { ... }` are flattened.
   */
  private parseTopDecl(defaults: Modifiers, out: TopDecl[]): Modifiers | null {
    if (this.eatPunct(';')) return null;
    const startTok = this.cur;
    const { mods, own } = this.parseModifiers(defaults);
    if (this.isKw('inherit')) {
      out.push(this.parseInherit(mods, startTok));
      return null;
    }
    if (mods !== defaults) {
      if (this.isPunct(':')) {
        // A label replaces the previous one (MudOS modifier_change sets
        // global_modifiers): `private:` ... `public:` makes later functions public.
        this.next();
        return own;
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
}
