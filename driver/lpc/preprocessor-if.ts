// Constant expressions of `#if`/`#elif` (after `defined` and macro expansion):
// C operators on integers, plus string equality, with identifiers left over
// reading as 0 as in C.
import type { DiagnosticCode } from './diagnostics.js';
import type { Token } from './tokens.js';

/** The truth of the expression, or the diagnostic code describing why it has none. */
export function evaluateIfExpression(toks: Token[]): boolean | DiagnosticCode {
  const ev = new IfEvaluator(toks);
  try {
    const v = ev.parseExpr(0);
    if (ev.pos !== toks.length) return 'pp-if-syntax';
    return truthy(v);
  } catch (e) {
    if (e instanceof IfError) return e.code;
    throw e;
  }
}

type IfValue = number | string;

function truthy(v: IfValue): boolean {
  return typeof v === 'string' ? true : v !== 0;
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

/** Constant expressions of `#if`/`#elif`: C operators on ints (and string equality). */
class IfEvaluator {
  pos = 0;
  constructor(private readonly toks: Token[]) {}

  private peekOp(): string | null {
    const t = this.toks[this.pos];
    return t && t.kind === 'punct' ? (t.value as string) : null;
  }

  parseExpr(minPrec: number): IfValue {
    let left = this.parseUnary();
    while (true) {
      const op = this.peekOp();
      if (op === '?' && minPrec === 0) {
        this.pos++;
        const a = this.parseExpr(0);
        if (this.peekOp() !== ':') throw new IfError('pp-if-syntax');
        this.pos++;
        const b = this.parseExpr(0);
        left = truthy(left) ? a : b;
        continue;
      }
      const prec = op ? IF_BINARY[op] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.pos++;
      const right = this.parseExpr(prec + 1);
      left = applyBinary(op!, left, right);
    }
  }

  private parseUnary(): IfValue {
    const t = this.toks[this.pos++];
    if (!t) throw new IfError('pp-if-syntax');
    switch (t.kind) {
      case 'int': return Number(t.value);
      case 'string': return t.value as string;
      case 'id': case 'kw': return 0; // unknown identifiers are 0, as in C
      case 'punct':
        switch (t.value) {
          case '(': {
            const v = this.parseExpr(0);
            if (this.peekOp() !== ')') throw new IfError('pp-if-syntax');
            this.pos++;
            return v;
          }
          case '!': return truthy(this.parseUnary()) ? 0 : 1;
          case '-': return -Number(this.parseUnary());
          case '+': return Number(this.parseUnary());
          case '~': return ~Number(this.parseUnary());
        }
    }
    throw new IfError('pp-if-syntax');
  }
}

function applyBinary(op: string, a: IfValue, b: IfValue): IfValue {
  if (op === '==') return a === b ? 1 : 0;
  if (op === '!=') return a !== b ? 1 : 0;
  if (op === '&&') return truthy(a) && truthy(b) ? 1 : 0;
  if (op === '||') return truthy(a) || truthy(b) ? 1 : 0;
  if (typeof a === 'string' || typeof b === 'string') {
    if (op === '+') return String(a) + String(b);
    throw new IfError('pp-if-syntax');
  }
  switch (op) {
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': if (b === 0) throw new IfError('pp-if-division'); return Math.trunc(a / b);
    case '%': if (b === 0) throw new IfError('pp-if-division'); return a % b;
  }
  throw new IfError('pp-if-syntax');
}
