// Compile diagnostics for the LPC front end (STYLE.md "Diagnostics").
//
// Every message is declared once in MESSAGES with a stable code, a severity and
// a template. Templates use MudOS wording where mudlibs or people grep logs for
// it ("Undefined variable 'x'", "Cannot #include x", "syntax error, unexpected
// ..."). Stages report into a DiagnosticSink and never throw for user mistakes.
// tests/lpc/diagnostics.test.ts fails when an entry here has no test case, so an
// unused message cannot linger.

export type Severity = 'error' | 'warning' | 'info';

interface MessageDecl {
  readonly severity: Severity;
  /** `{0}`, `{1}`... are replaced by the report's arguments. */
  readonly text: string;
}

/** The message table. Keys are the stable codes (stage prefix: pp-, lex-, syntax-, check-). */
export const MESSAGES = {
  // Preprocessor
  'pp-include-not-found': { severity: 'error', text: 'Cannot #include {0}' },
  'pp-include-syntax': { severity: 'error', text: 'Missing leading " or < in #include' },
  'pp-include-depth': { severity: 'error', text: 'Maximum include depth exceeded' },
  'pp-missing-endif': { severity: 'error', text: 'Missing #endif' },
  'pp-unexpected-directive': { severity: 'error', text: 'Unexpected #{0}' },
  'pp-unknown-directive': { severity: 'error', text: 'Unrecognised # directive #{0}' },
  'pp-define-syntax': { severity: 'error', text: 'Illegal macro symbol' },
  'pp-redefine-predefined': { severity: 'error', text: 'Illegal to redefine predefined value.' },
  'pp-undef-predefined': { severity: 'error', text: 'Illegal to #undef a predefined value.' },
  'pp-macro-redefined': { severity: 'warning', text: "Macro '{0}' redefined" },
  'pp-macro-arg-count': { severity: 'error', text: 'Wrong number of macro arguments to {0}' },
  'pp-macro-unterminated': { severity: 'error', text: 'Unterminated argument list for macro {0}' },
  'pp-stringify': { severity: 'error', text: "'#' is not followed by a macro parameter" },
  'pp-paste': { severity: 'error', text: 'Pasting "{0}" and "{1}" does not give a valid token' },
  'pp-macro-depth': { severity: 'error', text: 'Macro expansion nested too deep' },
  'pp-if-syntax': { severity: 'error', text: 'Syntax error in #if expression' },
  'pp-if-division': { severity: 'error', text: 'Division by zero in #if' },
  'pp-error': { severity: 'error', text: '#error {0}' },
  'pp-warn': { severity: 'warning', text: '{0}' },
  'pp-echo': { severity: 'info', text: '{0}' },
  'pp-unknown-pragma': { severity: 'warning', text: 'Unknown #pragma {0}, ignored' },
  'pp-text-block': { severity: 'error', text: 'End of file in text block @{0}' },
  'pp-line': { severity: 'error', text: 'Bad #line directive' },
  // Lexer
  'lex-unterminated-string': { severity: 'error', text: 'End of file in string' },
  'lex-unterminated-comment': { severity: 'error', text: 'End of file in a comment' },
  'lex-illegal-char': { severity: 'error', text: "Illegal character (hex {0}) '{1}'" },
  'lex-char-constant': { severity: 'error', text: 'Illegal character constant' },
  'lex-bad-number': { severity: 'error', text: 'Malformed number {0}' },
  'lex-bad-escape': { severity: 'warning', text: 'Unknown \\ escape \\{0}' },
  // Parser
  'syntax-unexpected': { severity: 'error', text: 'syntax error, unexpected {0}' },
  'syntax-expecting': { severity: 'error', text: 'syntax error, unexpected {0}, expecting {1}' },
  'syntax-lvalue': { severity: 'error', text: 'Illegal lvalue' },
  'syntax-dollar': { severity: 'error', text: '$var illegal outside of function pointer' },
  'syntax-dollar-anon': { severity: 'error', text: '$var illegal inside anonymous function pointer' },
  'syntax-nesting': { severity: 'error', text: 'Program nested too deeply' },
  'syntax-too-many-errors': { severity: 'error', text: 'Too many errors, giving up' },
  // Checker
  'check-undefined-variable': { severity: 'error', text: "Undefined variable '{0}'" },
  'check-undefined-function': { severity: 'error', text: 'Undefined function {0}' },
  'check-redeclared-local': { severity: 'error', text: "Illegal to redeclare local name '{0}'" },
  'check-redeclared-global': { severity: 'warning', text: "Redeclaration of global variable '{0}'" },
  'check-inconsistent-function': { severity: 'warning', text: 'Inconsistent declaration of function {0}' },
  'check-redefined-function': { severity: 'error', text: 'Redeclaration of function {0}.' },
  'check-nomask': { severity: 'error', text: 'Illegal to redefine \'nomask\' function "{0}"' },
  'check-private-function': { severity: 'error', text: "Illegal to call private function '{0}'" },
  'check-private-variable': { severity: 'error', text: "Illegal to use private variable '{0}'" },
  'check-inherit-after-var': { severity: 'error', text: 'Invalid inherit clause after variables declarations.' },
  'check-duplicate-inherit': { severity: 'error', text: "Duplicate inherit name '{0}'" },
  'check-unknown-inherit': { severity: 'error', text: "No inherited program named '{0}'" },
  'check-undefined-super': { severity: 'error', text: 'No such inherited function {0}' },
  'check-arg-count': { severity: 'error', text: 'Wrong number of arguments to {0}' },
  'check-efun-too-few': { severity: 'error', text: 'Too few arguments to {0}' },
  'check-efun-too-many': { severity: 'error', text: 'Too many arguments to {0}' },
  'check-efun-arg': { severity: 'error', text: 'Bad argument {0} to efun {1}()' },
  'check-arg-type': { severity: 'error', text: 'Bad type for argument {0} of {1} ( {2} vs {3} )' },
  'check-return-type': { severity: 'error', text: "Type of returned value doesn't match function return type ( {0} vs {1} )" },
  'check-missing-return': { severity: 'warning', text: 'Non-void functions must return a value.' },
  'check-bad-assignment': { severity: 'error', text: 'Bad assignment ( {0} vs {1} ).' },
  'check-init-type': { severity: 'error', text: 'Type mismatch ( {0} vs {1} ) when initializing {2}' },
  'check-void-declaration': { severity: 'error', text: 'Illegal to declare {0} of type void.' },
  'check-functional-local': { severity: 'error', text: 'Illegal to use local variable in a functional.' },
  'check-break': { severity: 'error', text: 'break statement outside loop' },
  'check-continue': { severity: 'error', text: 'continue statement outside loop' },
  'check-undefined-class': { severity: 'error', text: "Undefined class '{0}'" },
  'check-class-member': { severity: 'error', text: "Class '{0}' has no member '{1}'" },
  'check-redefined-class': { severity: 'error', text: 'Illegal to redefine class {0}' },
  'check-duplicate-default': { severity: 'error', text: 'Duplicate default' },
  // MudOS/Neolith grammar: one switch takes string labels or non-zero int labels, not both.
  'check-mixed-case': { severity: 'error', text: 'Mixed case label list not allowed' },
  // MudOS lex.c reads `$N` with these two limits (testsuite compiler/fail/bad_param2.c: `$1000`).
  'check-argref-zero': { severity: 'error', text: 'In function parameter $num, num must be >= 1.' },
  'check-argref-max': { severity: 'error', text: 'only 256 parameters allowed.' },
  'check-string-range': { severity: 'error', text: 'String case labels not allowed as range bounds' },
  'check-divide-zero': { severity: 'error', text: 'Divide by zero in constant' },
  'check-modulo-zero': { severity: 'error', text: 'Modulo by zero constant' },
  'check-member-not-class': { severity: 'error', text: 'Left argument of -> is not a class' },
  'check-array-constant-index': { severity: 'error', text: 'Illegal index to array constant.' },
  'check-spread-nonvarargs': { severity: 'error', text: 'Illegal to pass a variable number of arguments to non-varargs function {0}' },
  'check-rest-array': { severity: 'warning', text: 'Variable to hold remainder of arguments should be an array.' },
  'check-strict-untyped': { severity: 'error', text: '"#pragma strict_types" requires type of function' },
  'check-special-break': { severity: 'error', text: 'Cannot break out of catch { } or time_expression { }' },
  'check-special-continue': { severity: 'error', text: 'Cannot continue out of catch { } or time_expression { }' },
  // Lapis wording: MudOS has no check and a return there unwinds the wrong frame.
  'check-special-return': { severity: 'error', text: 'Cannot return out of catch { } or time_expression { } used as a value' },
  'check-unknown-efun': { severity: 'error', text: 'Unknown efun: {0}' },
} as const satisfies Record<string, MessageDecl>;

export type DiagnosticCode = keyof typeof MESSAGES;

/** One collected diagnostic. `file` indexes the compilation's file table; `path` is that entry. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: number;
  path: string;
  line: number;
  message: string;
}

/** Fills a template: `{0}` → args[0]. */
export function formatMessage(code: DiagnosticCode, args: readonly (string | number)[] = []): string {
  return MESSAGES[code].text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/**
 * MudOS style: `/path/file.c line 7: message`; warnings read
 * `/path/file.c line 7: Warning: message`. Info lines (#echo) are the bare text.
 */
export function formatDiagnostic(d: Diagnostic): string {
  if (d.severity === 'info') return d.message;
  const prefix = d.severity === 'warning' ? 'Warning: ' : '';
  return `${d.path} line ${d.line}: ${prefix}${d.message}`;
}

/** The default cap: MudOS stops reporting after a handful of errors in one file. */
export const DEFAULT_MAX_ERRORS_PER_FILE = 20;

/**
 * Collects diagnostics for one compilation. The file table is shared with the
 * preprocessor (it grows as includes are read), so paths resolve at report time.
 * A repeat of the same message at the same file and line is dropped (one bad
 * token often trips several rules), and after `maxErrors` errors in a file one
 * "Too many errors" line is added and the rest of that file's errors dropped.
 */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly errorsPerFile = new Map<number, number>();
  private errors = 0;

  constructor(
    readonly files: string[],
    readonly maxErrors = DEFAULT_MAX_ERRORS_PER_FILE,
  ) {}

  report(code: DiagnosticCode, file: number, line: number, ...args: (string | number)[]): void {
    const decl = MESSAGES[code];
    const message = formatMessage(code, args);
    const key = `${file}:${line}:${message}`;
    if (this.seen.has(key)) return;
    if (decl.severity === 'error') {
      const n = this.errorsPerFile.get(file) ?? 0;
      if (n > this.maxErrors) return;
      this.errorsPerFile.set(file, n + 1);
      if (n === this.maxErrors) {
        this.push('syntax-too-many-errors', file, line, formatMessage('syntax-too-many-errors'));
        return;
      }
    }
    this.seen.add(key);
    this.push(code, file, line, message);
  }

  private push(code: DiagnosticCode, file: number, line: number, message: string): void {
    if (MESSAGES[code].severity === 'error') this.errors++;
    this.diagnostics.push({
      code,
      severity: MESSAGES[code].severity,
      file,
      path: this.files[file] ?? '?',
      line,
      message,
    });
  }

  /** Errors collected so far (kept as a counter: the parser asks after every statement). */
  get errorCount(): number {
    return this.errors;
  }

  hasErrors(): boolean {
    return this.errorCount > 0;
  }
}
