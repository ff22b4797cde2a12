// Token shapes and the keyword/punctuator tables shared by the lexer, the
// preprocessor and the parser (STYLE.md "Tables over branches").

/**
 * Reserved words of the dialect. Words that are only special in one place
 * (`in` in foreach, `ref` before a parameter, `efun` before `::`) stay
 * identifiers so that mudlibs may keep using them as names.
 */
export const KEYWORDS = [
  'int', 'float', 'double', 'string', 'buffer', 'mapping', 'object', 'function', 'mixed',
  'void', 'status', 'array', 'class',
  'if', 'else', 'while', 'do', 'for', 'foreach', 'switch', 'case', 'default',
  'break', 'continue', 'return',
  'inherit', 'private', 'static', 'nosave', 'public', 'protected', 'nomask', 'varargs',
  'catch', 'sscanf', 'parse_command', 'new', 'time_expression',
] as const;

export type Keyword = (typeof KEYWORDS)[number];

export const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** Type words that start a declaration (`array` alone means `mixed *`; `double` is Neolith's name for float). */
export const TYPE_WORDS = [
  'int', 'float', 'double', 'string', 'buffer', 'mapping', 'object', 'function', 'mixed',
  'void', 'status', 'array', 'class',
] as const;

export const TYPE_WORD_SET: ReadonlySet<string> = new Set(TYPE_WORDS);

export const MODIFIER_WORDS = [
  'private', 'static', 'nosave', 'public', 'protected', 'nomask', 'varargs',
] as const;

export type ModifierWord = (typeof MODIFIER_WORDS)[number];

export const MODIFIER_SET: ReadonlySet<string> = new Set(MODIFIER_WORDS);

/**
 * Punctuators, longest first within each leading character so the lexer can
 * take the first match. `(:`, `({` and `([` are single tokens; their closers
 * are two tokens (`:` `)`, `}` `)`, `]` `)`) because `})` also ends an
 * anonymous function passed as the last argument.
 */
export const PUNCTUATORS = [
  '...', '..', '.',
  '::', ':',
  '->', '--', '-=', '-',
  '<<=', '<<', '<=', '<',
  '>>=', '>>', '>=', '>',
  '++', '+=', '+',
  '*=', '*', '/=', '/', '%=', '%',
  '&&', '&=', '&', '||', '|=', '|', '^=', '^',
  '==', '=', '!=', '!', '~', '?',
  '(:', '({', '([', '(', ')', '[', ']', '{', '}', ',', ';',
  '##', '#', '$(', '$', '@',
] as const;

export type Punctuator = (typeof PUNCTUATORS)[number];

export type TokenKind =
  | 'id' // identifier; value is the name
  | 'kw' // keyword; value is the word
  | 'int' // value: number, or bigint outside the safe range
  | 'float' // value: number
  | 'string' // value: decoded text (also `@END` text blocks)
  | 'strarray' // `@@END` array block; value: string[]
  | 'argref' // `$1`; value: the number
  | 'punct' // value: the punctuator
  | 'header' // `<path>` after #include; value: the path
  | 'text' // the raw rest of a `#error`/`#warn`/`#echo` line
  | 'error' // a deferred lexer error: value is { code, args }; reported only outside skipped #if blocks
  | 'eof';

export interface Token {
  kind: TokenKind;
  value: any;
  /** Source spelling (for `#x` stringify, `##` paste and error messages). */
  text: string;
  /** File id (index into the compilation's file table) and 1-based line of origin. */
  file: number;
  line: number;
  /** First token on its (unspliced) line: a `#` here starts a directive. */
  bol: boolean;
  /** Whitespace or a comment precedes the token. */
  ws: boolean;
  /** Macro names that must not expand this token again (no recursive self-expansion). */
  hide?: ReadonlySet<string>;
}

/**
 * Creates a token. Every token is built here so that all share one object
 * shape (V8 hidden class); object spread on the macro-expansion path was the
 * preprocessor's main cost before this.
 */
export function makeToken(
  kind: TokenKind, value: unknown, text: string, file: number, line: number,
  bol: boolean, ws: boolean, hide?: ReadonlySet<string>,
): Token {
  return { kind, value, text, file, line, bol, ws, hide };
}

/** A copy of `t` with some fields replaced (without object spread, see makeToken). */
export function copyToken(t: Token, changes: Partial<Token>): Token {
  const c = makeToken(t.kind, t.value, t.text, t.file, t.line, t.bol, t.ws, t.hide);
  Object.assign(c, changes);
  return c;
}

/** How a token reads in "syntax error, unexpected X" messages (Bison-like). */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof': return 'end of file';
    case 'id': return `identifier '${t.value}'`;
    case 'kw': return `'${t.value}'`;
    case 'int': return 'integer constant';
    case 'float': return 'float constant';
    case 'string': case 'strarray': return 'string constant';
    case 'argref': return `'$${t.value}'`;
    default: return `'${t.text}'`;
  }
}
