// Shared helpers for the front-end suites: an in-memory mudlib host and short
// parse/preprocess wrappers that return diagnostics as formatted text.
import { DiagnosticSink, formatDiagnostic } from '../../driver/lpc/diagnostics.js';
import { lexFile } from '../../driver/lpc/lexer.js';
import { parseExpressionTokens, parseProgram } from '../../driver/lpc/parser.js';
import { preprocess, type PreprocessOptions, type SourceHost } from '../../driver/lpc/preprocessor.js';
import type { Expr, FunctionDecl, Program, Stmt } from '../../driver/lpc/ast.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The LPC fixtures the front-end suites share. */
export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');

/** Every `.c` file below `dir`, depth first. */
export function lpcFilesUnder(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) lpcFilesUnder(p, out);
    else if (p.endsWith('.c')) out.push(p);
  }
  return out;
}

export function memHost(files: Record<string, string>): SourceHost {
  return { readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : null) };
}

export const baseOptions: PreprocessOptions = { includeDirs: ['/include'], defines: {} };

/** Parses `src` as /test.c (plus extra files); returns the program and formatted diagnostics. */
export function parse(src: string, extra: Record<string, string> = {}, options: Partial<PreprocessOptions> = {}) {
  const r = parseProgram('/test.c', memHost({ '/test.c': src, ...extra }), { ...baseOptions, ...options });
  return { program: r.program, diagnostics: r.diagnostics, messages: r.diagnostics.map(formatDiagnostic) };
}

/** Parses and requires success. */
export function parseOk(src: string, extra: Record<string, string> = {}): Program {
  const r = parse(src, extra);
  if (!r.program) throw new Error('unexpected diagnostics:\n' + r.messages.join('\n'));
  return r.program;
}

/** Preprocesses `src` as /test.c; returns token spellings joined by blanks. */
export function pp(src: string, extra: Record<string, string> = {}, options: Partial<PreprocessOptions> = {}) {
  const sink = new DiagnosticSink([]);
  const r = preprocess('/test.c', memHost({ '/test.c': src, ...extra }), { ...baseOptions, ...options }, sink);
  return {
    text: r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' '),
    tokens: r.tokens,
    pragmas: r.pragmas,
    files: r.files,
    messages: sink.diagnostics.map(formatDiagnostic),
  };
}

/** Parses one expression (no preprocessing). */
export function expr(src: string): Expr {
  const sink = new DiagnosticSink(['/e.c']);
  const e = parseExpressionTokens(lexFile(src, 0), sink);
  if (!e || sink.diagnostics.length) throw new Error(sink.diagnostics.map(formatDiagnostic).join('\n'));
  return e;
}

/** Strips `loc` fields for compact shape comparisons. */
export function shape<T>(node: T): unknown {
  return JSON.parse(JSON.stringify(node, (k, v) => (k === 'loc' ? undefined : typeof v === 'bigint' ? `${v}n` : v)));
}

/** The body statements of the function `name` in a parsed program. */
export function body(program: Program, name = 'f'): Stmt[] {
  const f = program.decls.find((d): d is FunctionDecl => d.kind === 'Function' && d.name === name);
  if (!f?.body) throw new Error(`no function ${name}`);
  return f.body.body;
}

/** Parses `void f() { <stmts> }` and returns the statements. */
export function stmts(src: string): Stmt[] {
  return body(parseOk(`void f() {\n${src}\n}`));
}
