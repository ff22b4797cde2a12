// The LPC lexer: turns one file's text into tokens (COMPAT.md "Language").
//
// It lexes a whole file eagerly and never reports errors itself: a problem
// becomes an 'error' token carrying the diagnostic, which the preprocessor
// reports only when it is not inside a skipped `#if 0` block (comments and
// apostrophes in disabled code are common). It knows just enough about
// directives to lex `#include <a/b.h>` headers and the free text of
// `#error`/`#warn`/`#echo` lines. Line splices (`\` newline) are whitespace
// that does not start a new line. Numbers are 64-bit (values.ts: a bigint only
// outside the safe-integer range); a literal too large for 64 bits wraps
// (so `0xFFFFFFFFFFFFFFFF` is -1 and `-9223372036854775808` is exact).
import type { DiagnosticCode } from './diagnostics.js';
import { KEYWORD_SET, makeToken, PUNCTUATORS, type Token, type TokenKind } from './tokens.js';

const CH_NL = 10;
const CH_CR = 13;
const CH_BACKSLASH = 92;

/** Punctuators grouped by first character, longest first (the table order). */
const PUNCT_BY_CHAR: Map<number, string[]> = (() => {
  const m = new Map<number, string[]>();
  for (const p of PUNCTUATORS) {
    const c = p.charCodeAt(0);
    let list = m.get(c);
    if (!list) m.set(c, (list = []));
    list.push(p);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
})();

/** Simple escapes: `\n` and friends. `\e` is ESC as in FluffOS. */
const ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', e: '\x1b',
  '\\': '\\', '"': '"', "'": "'", '?': '?',
};

/** A complete character literal: one character or one escape between quotes. */
const CHAR_LITERAL = /^'(?:\\(?:x[0-9a-fA-F]{1,2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|[^\n])|[^'\\\n])'/u;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === CH_CR;
}

/** Wraps a literal to 64 bits and picks the values.ts representation. */
export function normalizeIntLiteral(v: bigint): number | bigint {
  const w = BigInt.asIntN(64, v);
  return w >= BigInt(Number.MIN_SAFE_INTEGER) && w <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(w) : w;
}

/** Lexes `src` (the text of file `file`) into tokens ending with one 'eof' token. */
export function lexFile(src: string, file: number): Token[] {
  // A UTF-8 byte order mark is not part of the program.
  return new Lexer(src.charCodeAt(0) === 0xfeff ? src.slice(1) : src, file).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private bol = true;
  private ws = false;
  private readonly out: Token[] = [];
  /** Directive state: 0 none, 1 just saw `#` at line start, 2 after `#include`. */
  private directive = 0;
  /** The current line is a directive (`#` first on the line). */
  private directiveLine = false;

  constructor(private readonly src: string, private readonly file: number) {}

  run(): Token[] {
    const src = this.src;
    const n = src.length;
    while (true) {
      this.skipSpace();
      if (this.pos >= n) break;
      const start = this.pos;
      const line = this.line;
      const c = src.charCodeAt(start);
      if (this.directive === 2 && c === 60 /* < */) {
        const end = src.indexOf('>', start + 1);
        const nl = src.indexOf('\n', start + 1);
        if (end > 0 && (nl < 0 || end < nl)) {
          this.pos = end + 1;
          this.push('header', src.slice(start + 1, end), start, line);
          continue;
        }
      }
      if (isIdentStart(c)) {
        this.lexIdent(start, line);
      } else if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(start + 1)))) {
        this.lexNumber(start, line);
      } else if (c === 34 /* " */) {
        this.lexString(start, line);
      } else if (c === 39 /* ' */) {
        this.lexChar(start, line);
      } else if (c === 64 /* @ */ && this.tryTextBlock(start, line)) {
        // consumed
      } else if (c === 36 /* $ */ && isDigit(src.charCodeAt(start + 1))) {
        let p = start + 1;
        while (isDigit(src.charCodeAt(p))) p++;
        this.pos = p;
        this.push('argref', Number(src.slice(start + 1, p)), start, line);
      } else {
        this.lexPunct(start, line, c);
      }
    }
    this.out.push(makeToken('eof', null, '', this.file, this.line, true, true));
    return this.out;
  }

  private push(kind: TokenKind, value: unknown, start: number, line: number): Token {
    const t = makeToken(kind, value, this.src.slice(start, this.pos), this.file, line, this.bol, this.ws);
    this.out.push(t);
    this.bol = false;
    this.ws = false;
    return t;
  }

  private error(code: DiagnosticCode, line: number, ...args: (string | number)[]): void {
    this.out.push(makeToken('error', { code, args }, '', this.file, line, false, false));
  }

  /** Skips blanks, newlines, comments and splices, tracking bol/ws. */
  private skipSpace(): void {
    const src = this.src;
    const n = src.length;
    let p = this.pos;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === CH_NL) {
        this.line++;
        this.bol = true;
        this.directive = 0;
        this.directiveLine = false;
        this.ws = true;
        p++;
      } else if (isSpace(c)) {
        this.ws = true;
        p++;
      } else if (c === CH_BACKSLASH && (src.charCodeAt(p + 1) === CH_NL || (src.charCodeAt(p + 1) === CH_CR && src.charCodeAt(p + 2) === CH_NL))) {
        p += src.charCodeAt(p + 1) === CH_CR ? 3 : 2;
        this.line++;
        this.ws = true;
      } else if (c === 47 /* / */ && src.charCodeAt(p + 1) === 47) {
        const e = src.indexOf('\n', p);
        p = e < 0 ? n : e;
        this.ws = true;
      } else if (c === 47 && src.charCodeAt(p + 1) === 42 /* * */) {
        const e = src.indexOf('*/', p + 2);
        const end = e < 0 ? n : e + 2;
        for (let i = p; i < end; i++) if (src.charCodeAt(i) === CH_NL) this.line++;
        if (e < 0) this.error('lex-unterminated-comment', this.line);
        p = end;
        this.ws = true;
      } else {
        break;
      }
    }
    this.pos = p;
  }

  private lexIdent(start: number, line: number): void {
    const src = this.src;
    let p = start + 1;
    while (p < src.length && isIdentPart(src.charCodeAt(p))) p++;
    this.pos = p;
    const word = src.slice(start, p);
    const dir = this.directive;
    this.push(KEYWORD_SET.has(word) ? 'kw' : 'id', word, start, line);
    if (dir === 1) {
      this.directive = word === 'include' ? 2 : 0;
      if (word === 'error' || word === 'warn' || word === 'echo') this.lexRestOfLine();
    } else if (dir === 2) {
      this.directive = 0;
    }
  }

  /** The raw text up to the end of the (spliced) line, for #error and friends. */
  private lexRestOfLine(): void {
    const src = this.src;
    let p = this.pos;
    while (p < src.length && (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9)) p++;
    const line = this.line;
    let text = '';
    let seg = p;
    while (p < src.length && src.charCodeAt(p) !== CH_NL) {
      if (src.charCodeAt(p) === CH_BACKSLASH && src.charCodeAt(p + 1) === CH_NL) {
        text += src.slice(seg, p);
        p += 2;
        this.line++;
        seg = p;
        continue;
      }
      p++;
    }
    text += src.slice(seg, p);
    const begin = this.pos;
    this.pos = p;
    this.ws = true;
    this.push('text', text.replace(/\r$/, '').trimEnd(), begin, line);
  }

  private lexNumber(start: number, line: number): void {
    const src = this.src;
    let p = start;
    const c0 = src.charCodeAt(p);
    const c1 = src.charCodeAt(p + 1) | 0x20;
    if (c0 === 48 && (c1 === 120 /* x */ || c1 === 98 /* b */)) {
      const hex = c1 === 120;
      p += 2;
      const ds = p;
      while (p < src.length && (hex ? isHex(src.charCodeAt(p)) : src.charCodeAt(p) === 48 || src.charCodeAt(p) === 49 || src.charCodeAt(p) === 95)) p++;
      while (hex && src.charCodeAt(p) === 95) { p++; while (isHex(src.charCodeAt(p))) p++; }
      this.pos = p;
      const digits = src.slice(ds, p).replace(/_/g, '');
      if (!digits || isIdentPart(src.charCodeAt(p))) {
        while (isIdentPart(src.charCodeAt(this.pos))) this.pos++;
        this.error('lex-bad-number', line, src.slice(start, this.pos));
        this.push('int', 0, start, line);
        return;
      }
      this.push('int', normalizeIntLiteral(BigInt((hex ? '0x' : '0b') + digits)), start, line);
      return;
    }
    while (isDigit(src.charCodeAt(p)) || (src.charCodeAt(p) === 95 && isDigit(src.charCodeAt(p + 1)))) p++;
    let isFloat = false;
    // `1.5`, `1.` and `.5` are floats; `1..5` is a range and `1.foo` is not LPC.
    if (src.charCodeAt(p) === 46 && src.charCodeAt(p + 1) !== 46) {
      isFloat = true;
      p++;
      while (isDigit(src.charCodeAt(p))) p++;
    }
    const e = src.charCodeAt(p) | 0x20;
    if (e === 101 /* e */) {
      let q = p + 1;
      if (src.charCodeAt(q) === 43 || src.charCodeAt(q) === 45) q++;
      if (isDigit(src.charCodeAt(q))) {
        isFloat = true;
        p = q;
        while (isDigit(src.charCodeAt(p))) p++;
      }
    }
    const body = src.slice(start, p).replace(/_/g, '');
    const suffix = src.charCodeAt(p) | 0x20;
    if (suffix === 102 /* f */ || suffix === 100 /* d */) {
      if (!isIdentPart(src.charCodeAt(p + 1))) {
        isFloat = true;
        p++;
      }
    }
    this.pos = p;
    if (isIdentPart(src.charCodeAt(p))) {
      while (isIdentPart(src.charCodeAt(this.pos))) this.pos++;
      this.error('lex-bad-number', line, src.slice(start, this.pos));
      this.push(isFloat ? 'float' : 'int', 0, start, line);
      return;
    }
    if (isFloat) {
      this.push('float', Number(body.endsWith('.') ? body + '0' : body), start, line);
      return;
    }
    // A leading 0 does not make an octal literal: Neolith's lexer reads every
    // digit string in base 10 (`010` is 10).
    const v = body.length < 16 ? Number(body) : normalizeIntLiteral(BigInt(body));
    this.push('int', v, start, line);
  }

  /**
   * Reads one escape after a backslash at `p` (pointing at the backslash).
   * Returns the decoded text and the position after it.
   */
  private escape(p: number, line: number, src: string = this.src): [string, number] {
    const ch = src[p + 1];
    if (ch === undefined) return ['\\', p + 1];
    const simple = ESCAPES[ch];
    if (simple !== undefined) return [simple, p + 2];
    if (ch === 'x') {
      let q = p + 2;
      while (q < p + 4 && isHex(src.charCodeAt(q))) q++;
      if (q === p + 2) {
        this.error('lex-bad-escape', line, 'x');
        return ['x', p + 2];
      }
      return [String.fromCharCode(parseInt(src.slice(p + 2, q), 16)), q];
    }
    if (ch >= '0' && ch <= '7') {
      let q = p + 1;
      while (q < p + 4 && src.charCodeAt(q) >= 48 && src.charCodeAt(q) <= 55) q++;
      return [String.fromCharCode(parseInt(src.slice(p + 1, q), 8)), q];
    }
    if (ch === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(p + 2, p + 6))) {
      return [String.fromCharCode(parseInt(src.slice(p + 2, p + 6), 16)), p + 6];
    }
    // Neolith keeps an unknown escape as written (`\q` stays two characters) and warns.
    const cp = src.codePointAt(p + 1)!;
    const s = String.fromCodePoint(cp);
    this.error('lex-bad-escape', line, s);
    return ['\\' + s, p + 1 + s.length];
  }

  private lexString(start: number, line: number): void {
    const src = this.src;
    let p = start + 1;
    let seg = p;
    let value = '';
    while (true) {
      if (p >= src.length) {
        this.error('lex-unterminated-string', line);
        break;
      }
      const c = src.charCodeAt(p);
      if (c === 34) {
        value += src.slice(seg, p);
        p++;
        break;
      }
      if (c === CH_NL) {
        // MudOS accepts a raw newline inside a string literal and keeps it
        // (mudlibs such as Lima rely on it). A directive line ends the string
        // instead: a stray quote in an `#if 0` block must not swallow `#endif`.
        if (/^[ \t]*#/.test(src.slice(p + 1, p + 81))) {
          this.error('lex-unterminated-string', line);
          value += src.slice(seg, p);
          break;
        }
        this.line++;
      }
      if (c === CH_BACKSLASH) {
        value += src.slice(seg, p);
        const n1 = src.charCodeAt(p + 1);
        if (n1 === CH_NL || (n1 === CH_CR && src.charCodeAt(p + 2) === CH_NL)) {
          // A spliced line continues the string.
          p += n1 === CH_CR ? 3 : 2;
          this.line++;
        } else {
          const [s, q] = this.escape(p, this.line);
          value += s;
          p = q;
        }
        seg = p;
        continue;
      }
      p++;
    }
    this.pos = p;
    this.push('string', value, start, line);
  }

  private lexChar(start: number, line: number): void {
    const src = this.src;
    if (this.directiveLine && !CHAR_LITERAL.test(src.slice(start, start + 12))) {
      // A lone quote in a directive (`#define Q it'`) is inert, as in FluffOS:
      // it becomes a token of its own and only a use of the macro can fail.
      this.pos = start + 1;
      this.push('punct', "'", start, line);
      return;
    }
    let p = start + 1;
    let s: string;
    if (src.charCodeAt(p) === CH_BACKSLASH) {
      [s, p] = this.escape(p, line);
    } else {
      const cp = src.codePointAt(p);
      if (cp === undefined || cp === 39 || cp === CH_NL) {
        this.error('lex-char-constant', line);
        this.pos = start + 1;
        this.push('int', 0, start, line);
        return;
      }
      s = String.fromCodePoint(cp);
      p += s.length;
    }
    if (src.charCodeAt(p) !== 39) {
      this.error('lex-char-constant', line);
      this.pos = start + 1;
      this.push('int', 0, start, line);
      return;
    }
    this.pos = p + 1;
    this.push('int', s.codePointAt(0) ?? 0, start, line);
  }

  /**
   * `@END` … `END` text blocks (a string of the lines, each ending in "\n")
   * and `@@END` array blocks (an array of the lines). The text is literal:
   * Neolith's lexer protects `"` and `\` inside blocks (its manual's escape
   * table notwithstanding), and mudlibs' ASCII art relies on that. The rest of the opening
   * line is ignored; the block ends at a line that begins with the marker, and
   * lexing resumes right after the marker on that line.
   */
  private tryTextBlock(start: number, line: number): boolean {
    const src = this.src;
    let p = start + 1;
    const isArray = src.charCodeAt(p) === 64;
    if (isArray) p++;
    if (!isIdentStart(src.charCodeAt(p))) return false;
    const ms = p;
    while (isIdentPart(src.charCodeAt(p))) p++;
    const marker = src.slice(ms, p);
    let nl = src.indexOf('\n', p);
    const lines: string[] = [];
    let endPos = -1;
    let curLine = this.line;
    while (nl >= 0) {
      curLine++;
      const ls = nl + 1;
      if (src.startsWith(marker, ls) && !isIdentPart(src.charCodeAt(ls + marker.length))) {
        endPos = ls + marker.length;
        break;
      }
      nl = src.indexOf('\n', ls);
      const le = nl < 0 ? src.length : nl;
      lines.push(src.slice(ls, le).replace(/\r$/, ''));
      if (nl < 0) break;
    }
    const value = isArray ? lines : lines.map((l) => l + '\n').join('');
    if (endPos < 0) {
      this.error('pp-text-block', line, marker);
      for (let i = start; i < src.length; i++) if (src.charCodeAt(i) === CH_NL) this.line++;
      this.pos = src.length;
      this.push(isArray ? 'strarray' : 'string', value, start, line);
      return true;
    }
    this.pos = endPos;
    const t = this.push(isArray ? 'strarray' : 'string', value, start, line);
    t.text = isArray ? '@@' + marker : '@' + marker;
    this.line = curLine;
    return true;
  }

  /**
   * `({`, `([` and `(:` may have blanks and newlines between the parenthesis
   * and the bracket, as Neolith's lexer allows; `(::f` stays `(` `::`.
   */
  private tryOpenBracket(start: number, line: number): boolean {
    const src = this.src;
    let p = start + 1;
    let lines = 0;
    while (p < src.length) {
      const ch = src.charCodeAt(p);
      if (ch === CH_NL) lines++;
      else if (!isSpace(ch)) break;
      p++;
    }
    const ch = src.charCodeAt(p);
    let tok: string;
    if (ch === 123 /* { */) tok = '({';
    else if (ch === 91 /* [ */) tok = '([';
    else if (ch === 58 /* : */ && src.charCodeAt(p + 1) !== 58) tok = '(:';
    else return false;
    this.pos = p + 1;
    const t = this.push('punct', tok, start, line);
    t.text = tok;
    this.line += lines;
    return true;
  }

  private lexPunct(start: number, line: number, c: number): void {
    const src = this.src;
    if (c === 40 /* ( */ && this.tryOpenBracket(start, line)) return;
    const cands = PUNCT_BY_CHAR.get(c);
    if (cands) {
      for (const p of cands) {
        if (src.startsWith(p, start)) {
          // `(::f())` is a parenthesised super call, not a function pointer.
          if (p === '(:' && src.charCodeAt(start + 2) === 58) continue;
          this.pos = start + p.length;
          const wasBol = this.bol;
          this.push('punct', p, start, line);
          if (p === '#' && wasBol) {
            this.directive = 1;
            this.directiveLine = true;
          }
          return;
        }
      }
    }
    const cp = src.codePointAt(start)!;
    const ch = String.fromCodePoint(cp);
    this.pos = start + ch.length;
    this.error('lex-illegal-char', line, cp.toString(16).padStart(2, '0'), ch);
  }
}
