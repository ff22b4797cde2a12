// Constant expressions of `#if`/`#elif` (after `defined` and macro expansion):
// C operators on integers, plus string equality, with identifiers left over
// reading as 0 as in C. Integers are 64-bit, as LPC's are.
import type { DiagnosticCode } from './diagnostics.js';
import type { Token } from './tokens.js';

/** The truth of the expression, or the diagnostic code describing why it has none. */
export function evaluateIfExpression(toks: Token[]): boolean | DiagnosticCode {
  try {
    const p = new IfParser(toks);
    const tree = p.parseExpr(0);
    if (p.pos !== toks.length) return 'pp-if-syntax';
    return truthy(evaluate(tree));
  } catch (e) {
    if (e instanceof IfError) return e.code;
    if (e instanceof RangeError) return 'pp-if-syntax'; // absurdly deep nesting
    throw e;
  }
}

/** Values are 64-bit ints (bigint, wrapped like LPC ints) or strings. */
type IfValue = bigint | string;

type IfNode =
  | { op: 'lit'; value: IfValue }
  | { op: 'unary'; unary: string; arg: IfNode }
  | { op: 'binary'; binary: string; left: IfNode; right: IfNode }
  | { op: 'cond'; test: IfNode; then: IfNode; else: IfNode };

function truthy(v: IfValue): boolean {
  return typeof v === 'string' ? true : v !== 0n;
}

class IfError extends Error {
  constructor(readonly code: DiagnosticCode) {
    super(code);
  }
}

/** Binary operator precedence for #if (higher binds tighter). */
const IF_BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

/** Parses first and evaluates after, so that `&&`, `||` and `?:` can skip their dead side (`0 && 1/0`). */
class IfParser {
  pos = 0;
  constructor(private readonly toks: Token[]) {}

  private peekOp(): string | null {
    const t = this.toks[this.pos];
    return t && t.kind === 'punct' ? (t.value as string) : null;
  }

  parseExpr(minPrec: number): IfNode {
    let left = this.parseUnary();
    while (true) {
      const op = this.peekOp();
      if (op === '?' && minPrec === 0) {
        this.pos++;
        const a = this.parseExpr(0);
        if (this.peekOp() !== ':') throw new IfError('pp-if-syntax');
        this.pos++;
        const b = this.parseExpr(0);
        left = { op: 'cond', test: left, then: a, else: b };
        continue;
      }
      const prec = op ? IF_BINARY[op] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.pos++;
      const right = this.parseExpr(prec + 1);
      left = { op: 'binary', binary: op!, left, right };
    }
  }

  private parseUnary(): IfNode {
    const t = this.toks[this.pos++];
    if (!t) throw new IfError('pp-if-syntax');
    switch (t.kind) {
      case 'int': return { op: 'lit', value: BigInt(t.value) };
      case 'string': return { op: 'lit', value: t.value as string };
      case 'id': case 'kw': return { op: 'lit', value: 0n }; // unknown identifiers are 0, as in C
      case 'punct':
        switch (t.value) {
          case '(': {
            const v = this.parseExpr(0);
            if (this.peekOp() !== ')') throw new IfError('pp-if-syntax');
            this.pos++;
            return v;
          }
          case '!': case '-': case '+': case '~':
            return { op: 'unary', unary: t.value, arg: this.parseUnary() };
        }
    }
    throw new IfError('pp-if-syntax');
  }
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

function toInt(v: IfValue): bigint {
  if (typeof v === 'string') throw new IfError('pp-if-syntax');
  return v;
}

function evaluate(n: IfNode): IfValue {
  switch (n.op) {
    case 'lit': return n.value;
    case 'cond': return truthy(evaluate(n.test)) ? evaluate(n.then) : evaluate(n.else);
    case 'unary': {
      const v = evaluate(n.arg);
      if (n.unary === '!') return truthy(v) ? 0n : 1n;
      const i = toInt(v);
      return n.unary === '-' ? wrap(-i) : n.unary === '~' ? ~i : i;
    }
    case 'binary': {
      const op = n.binary;
      if (op === '&&') return truthy(evaluate(n.left)) && truthy(evaluate(n.right)) ? 1n : 0n;
      if (op === '||') return truthy(evaluate(n.left)) || truthy(evaluate(n.right)) ? 1n : 0n;
      const a = evaluate(n.left);
      const b = evaluate(n.right);
      if (op === '==') return a === b ? 1n : 0n;
      if (op === '!=') return a !== b ? 1n : 0n;
      if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return String(a) + String(b);
      const x = toInt(a);
      const y = toInt(b);
      switch (op) {
        case '|': return x | y;
        case '^': return x ^ y;
        case '&': return x & y;
        case '<': return x < y ? 1n : 0n;
        case '>': return x > y ? 1n : 0n;
        case '<=': return x <= y ? 1n : 0n;
        case '>=': return x >= y ? 1n : 0n;
        case '<<': return wrap(x << (y & 63n));
        case '>>': return x >> (y & 63n);
        case '+': return wrap(x + y);
        case '-': return wrap(x - y);
        case '*': return wrap(x * y);
        case '/': if (y === 0n) throw new IfError('pp-if-division'); return wrap(x / y);
        case '%': if (y === 0n) throw new IfError('pp-if-division'); return x % y;
      }
    }
  }
  throw new IfError('pp-if-syntax');
}
