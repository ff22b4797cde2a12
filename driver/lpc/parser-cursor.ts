// The token cursor every parser stage builds on (STYLE.md: the parser is a
// chain of classes, a file each, as in engine262): position, lookahead,
// expectations, syntax-error reporting and the type words shared by
// declarations, casts and parameters.
import type { Expr, Loc, TypeRef } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import { describeToken, TYPE_WORD_SET, type Token } from './tokens.js';

/** Thrown to unwind to the nearest recovery point after a syntax error was reported. */
export class ParseAbort extends Error {}

export const MIXED: TypeRef = { base: 'mixed', arrayDepth: 0 };

/** Deepest nesting of statements plus unary/parenthesised expressions the parser accepts. */
export const MAX_NESTING = 400;

export abstract class TokenCursor {
  protected pos = 0;
  /** Nesting of `(: :)` pointers (`$1` is legal inside) and anonymous functions (`$(x)` too). */
  protected ptrDepth = 0;
  protected anonDepth = 0;
  protected readonly maxErrors: number;
  /** Current nesting of statements and unary/parenthesised expressions (see enterNesting). */
  protected nesting = 0;

  constructor(protected readonly toks: Token[], protected readonly sink: DiagnosticSink) {
    this.maxErrors = sink.maxErrors;
  }

  protected get cur(): Token {
    return this.toks[this.pos];
  }

  protected peek(n = 1): Token {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)];
  }

  protected next(): Token {
    const t = this.toks[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  protected isPunct(v: string, t: Token = this.cur): boolean {
    return t.kind === 'punct' && t.value === v;
  }

  protected isKw(v: string, t: Token = this.cur): boolean {
    return t.kind === 'kw' && t.value === v;
  }

  protected eatPunct(v: string): boolean {
    if (this.isPunct(v)) {
      this.pos++;
      return true;
    }
    return false;
  }

  protected expectPunct(v: string): Token {
    if (this.isPunct(v)) return this.next();
    this.fail(`'${v}'`);
  }

  /** FluffOS spells a reference parameter `int ref x` or `int & x` as well as `ref int x`. */
  protected eatRefWord(): boolean {
    const t = this.cur;
    if (((t.kind === 'id' && t.value === 'ref') || this.isPunct('&')) && (this.peek().kind === 'id' || this.isPunct('*', this.peek()))) {
      this.pos++;
      return true;
    }
    return false;
  }

  protected expectName(): Token {
    if (this.isName()) return this.next();
    this.fail('identifier');
  }

  protected loc(t: Token = this.cur): Loc {
    return { file: t.file, line: t.line };
  }

  /** Reports a syntax error at the current token and unwinds. */
  protected fail(expecting?: string): never {
    const t = this.cur;
    if (expecting) this.sink.report('syntax-expecting', t.file, t.line, describeToken(t), expecting);
    else this.sink.report('syntax-unexpected', t.file, t.line, describeToken(t));
    throw new ParseAbort();
  }

  /**
   * Recursive descent uses the JS stack; a pathological nesting depth must
   * become a syntax error, not a RangeError. Callers decrement `nesting` in
   * a `finally`.
   */
  protected enterNesting(): void {
    if (++this.nesting > MAX_NESTING) {
      const t = this.cur;
      this.sink.report('syntax-nesting', t.file, t.line);
      throw new ParseAbort();
    }
  }

  protected tooManyErrors(): boolean {
    return this.sink.errorCount > this.maxErrors;
  }

  /**
   * A type starts here: a type word, or `class Name`. `status` is an old type
   * word that mudlibs also use as a variable name (`int status;` in Lima), so
   * it only counts as a type when a name, `*` or `)` follows.
   */
  protected isTypeStart(t: Token = this.cur): boolean {
    if (t.kind !== 'kw' || !TYPE_WORD_SET.has(t.value)) return false;
    if (t.value !== 'status') return true;
    const i = this.toks.indexOf(t, this.pos);
    const n = this.toks[Math.min(i + 1, this.toks.length - 1)];
    return n.kind === 'id' || (n.kind === 'punct' && (n.value === '*' || n.value === ')'));
  }

  /** A token usable as a name: an identifier, or `status` (see isTypeStart). */
  protected isName(t: Token = this.cur): boolean {
    return t.kind === 'id' || (t.kind === 'kw' && t.value === 'status');
  }

  /** Base type with `array` suffixes, without `*` (those belong to each declarator). */
  protected parseBaseType(): TypeRef {
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
}

/**
 * `(class T)x->m = v`: MudOS lets a cast wrap an lvalue (it only informs the
 * type checker), so the assignment targets the inner expression.
 */
export function stripCasts(e: Expr): Expr {
  while (e.kind === 'Cast' && isLvalue(stripCasts(e.expr))) e = e.expr;
  return e;
}

/** Assignable expressions (COMPAT.md: `({a, b}) = arr` destructuring included). */
export function isLvalue(e: Expr): boolean {
  switch (e.kind) {
    case 'Identifier': case 'Index': case 'Range': case 'MemberAccess':
      return true;
    case 'ArrayLit':
      return e.elements.length > 0 && !e.spread?.some(Boolean) && e.elements.every(isLvalue);
    default:
      return false;
  }
}
