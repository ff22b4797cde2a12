// The LPC preprocessor (COMPAT.md "Preprocessor", Neolith extensions).
//
// It works on tokens, not text: every file is lexed once (lexer.ts) and the
// preprocessor walks those tokens, runs directives, expands macros and appends
// the result to one flat token array for the parser. Because tokens keep the
// file id and line they were lexed at, the origin map comes for free: an error
// inside an include names that include's line. Tokens produced by a macro
// expansion take the location of the macro's use, as MudOS reports them.
//
// Pure: files come from a SourceHost with mudlib-absolute paths, so includes are
// confined to whatever the host hands out; `..` may not climb above `/`.
import { DiagnosticSink, type DiagnosticCode } from './diagnostics.js';
import { lexFile } from './lexer.js';
import { evaluateIfExpression } from './preprocessor-if.js';
import { copyToken, makeToken, type Token } from './tokens.js';
import type { PragmaEvent } from './ast.js';

/** Where source text comes from. Paths are mudlib-absolute ("/std/room.c"). */
export interface SourceHost {
  /** The file's text, or null when it does not exist or may not be read. */
  readFile(path: string): string | null;
}

export interface PreprocessOptions {
  /** `IncludeDir` search path, mudlib-absolute ("/include"). */
  includeDirs: string[];
  /** `GlobalInclude`: included at the top of every file (`<globals.h>`, `"x.h"` or a bare path). */
  globalInclude?: string;
  /** Caller-supplied macros (`-D`, package macros such as `__PACKAGE_DB__`, `__ARGV__`): name → replacement text. */
  defines: Record<string, string>;
  /** Answers FluffOS's `#if efun_defined(name)`; without it every efun reads as undefined. */
  efunDefined?: (name: string) => boolean;
  /** Include nesting limit; default 32. */
  maxIncludeDepth?: number;
}

export interface PreprocessResult {
  /** The expanded token stream, ending with one 'eof' token. */
  tokens: Token[];
  /** File table (same array as the sink's): 0 is the main file, includes follow. */
  files: string[];
  /** Pragmas in effect at the end (`no_x` removes `x`). */
  pragmas: string[];
  /** Each pragma switch with its file and line (ast.ts Program.pragmaEvents). */
  pragmaEvents: PragmaEvent[];
}

/**
 * Driver macros (overridable through options.defines). The engine adds the
 * ones it knows at run time: `__PORT__`, `__ARGV__` contents, package macros.
 */
export const PREDEFINED_MACROS: Record<string, string> = {
  __DRIVER__: '"Lapis"',
  __VERSION__: '"Lapis 0.1.0"',
  __LPC__: '1',
  __ARGV__: '({ })',
  // MudOS/FluffOS name the save-file suffix so mudlibs need not hard-code it.
  __SAVE_EXTENSION__: '".o"',
  // FluffOS's limits of the 64-bit int and the double.
  MAX_INT: '9223372036854775807',
  MIN_INT: '(-9223372036854775807 - 1)',
  MAX_FLOAT: '1.7976931348623157e308',
  MIN_FLOAT: '2.2250738585072014e-308',
};

/**
 * Predefined names a file may not redefine or #undef (Neolith: "Illegal to
 * redefine predefined value."), together with the caller's own defines. The
 * FluffOS limit macros (MAX_INT...) stay redefinable because MudOS-era
 * mudlibs define them themselves.
 */
const PROTECTED_MACROS = [
  '__FILE__', '__LINE__', '__DIR__', '__DRIVER__', '__VERSION__', '__LPC__', '__ARGV__', '__SAVE_EXTENSION__',
];

/** Pragmas MudOS/Neolith know; anything else draws a warning. */
export const KNOWN_PRAGMAS: ReadonlySet<string> = new Set([
  'strict_types', 'save_types', 'save_binary', 'warnings', 'show_error_context',
  'error_context', 'optimize', 'optimize_high', 'verbose_errors',
]);

/** Tokens `##` joins in plain code: identifiers, keywords and numbers. */
function isWord(t: Token): boolean {
  return t.kind === 'id' || t.kind === 'kw' || t.kind === 'int';
}

const DEFAULT_MAX_INCLUDE_DEPTH = 32;
const MAX_EXPAND_DEPTH = 100;

interface Macro {
  name: string;
  /** null for object-like macros. */
  params: string[] | null;
  variadic: boolean;
  body: Token[];
}

interface CondFrame {
  /** Tokens of the current branch are emitted. */
  active: boolean;
  /** Some branch of this #if chain was already taken. */
  taken: boolean;
  /** The enclosing region was active. */
  parentActive: boolean;
  sawElse: boolean;
  line: number;
}

interface FileFrame {
  tokens: Token[];
  pos: number;
  file: number;
  path: string;
  conds: CondFrame[];
  /** `#line` adjustment added to every later token's line in this frame. */
  lineDelta: number;
}

/** A token source the macro expander can read from and push expansions back onto. */
interface Reader {
  next(): Token | null;
  peek(): Token | null;
  unshift(tokens: Token[]): void;
}

/**
 * Lexed include files shared by all compilations (every object of a mudlib
 * re-includes the same headers, and lexing them dominated compile time).
 * Tokens are immutable; they keep the file id of the compilation that lexed
 * them, and the reader re-stamps the current id as it hands them out. An
 * entry is reused only while the file's text is unchanged.
 */
const includeCache = new Map<string, { text: string; tokens: Token[] }>();
const INCLUDE_CACHE_SIZE = 256;

function lexInclude(path: string, text: string, file: number): Token[] {
  const hit = includeCache.get(path);
  if (hit && hit.text === text) {
    includeCache.delete(path); // keep recently used entries last
    includeCache.set(path, hit);
    return hit.tokens;
  }
  const tokens = lexFile(text, file);
  includeCache.set(path, { text, tokens });
  if (includeCache.size > INCLUDE_CACHE_SIZE) includeCache.delete(includeCache.keys().next().value!);
  return tokens;
}

/** Normalizes a mudlib path; null when `..` would climb above the root. */
export function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(part);
    }
  }
  return '/' + out.join('/');
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i + 1);
}

/** Preprocesses `path` (mudlib-absolute). Diagnostics go to `sink`, whose file table is filled. */
export function preprocess(
  path: string,
  host: SourceHost,
  options: PreprocessOptions,
  sink: DiagnosticSink = new DiagnosticSink([]),
): PreprocessResult {
  return new Preprocessor(host, options, sink).run(path);
}

class Preprocessor {
  private readonly macros = new Map<string, Macro>();
  private readonly frames: FileFrame[] = [];
  /** Expanded tokens awaiting rescanning, in reverse order (pop from the end). */
  private pending: Token[] = [];
  private readonly out: Token[] = [];
  private readonly pragmas = new Set<string>();
  private readonly pragmaEvents: PragmaEvent[] = [];
  private readonly files: string[];
  private readonly maxDepth: number;
  private lastLine = 1;
  private readonly protectedNames: Set<string>;
  /** Nesting of macro-argument expansion (see expandList). */
  private expandDepth = 0;
  private expandTooDeep = false;

  constructor(
    private readonly host: SourceHost,
    private readonly options: PreprocessOptions,
    private readonly sink: DiagnosticSink,
  ) {
    this.files = sink.files;
    this.maxDepth = options.maxIncludeDepth ?? DEFAULT_MAX_INCLUDE_DEPTH;
    const defs = { ...PREDEFINED_MACROS, ...options.defines };
    for (const [name, text] of Object.entries(defs)) {
      this.macros.set(name, { name, params: null, variadic: false, body: lexFile(text, 0).slice(0, -1) });
    }
    this.protectedNames = new Set([...PROTECTED_MACROS, ...Object.keys(options.defines)]);
  }

  /** Driver and command-line macros may not be redefined or undefined (Neolith). */
  private isProtected(name: string): boolean {
    return this.protectedNames.has(name);
  }

  run(path: string): PreprocessResult {
    const main = normalizePath(path) ?? path;
    const text = this.host.readFile(main);
    if (!this.files.includes(main)) this.files.unshift(main);
    if (text === null) {
      this.sink.report('pp-include-not-found', 0, 1, main);
    } else {
      this.pushFile(main, text);
      const g = this.options.globalInclude?.trim();
      if (g) {
        const angle = g.startsWith('<');
        const name = g.replace(/^[<"]|[>"]$/g, '');
        const found = this.resolveInclude(name, angle || !g.startsWith('"'), main);
        if (found) this.pushFile(found.path, found.text);
        else this.sink.report('pp-include-not-found', 0, 1, name);
      }
      try {
        this.loop();
      } catch (e) {
        // Macro calls nested thousands deep exhaust the JS stack; that is a
        // compile error in the file, not a driver crash.
        if (!(e instanceof RangeError)) throw e;
        const f = this.frames[this.frames.length - 1];
        this.sink.report('syntax-nesting', f?.file ?? 0, f?.tokens[Math.max(0, f.pos - 1)]?.line ?? 1);
      }
    }
    this.out.push(makeToken('eof', null, '', 0, this.lastLine, true, true));
    return { tokens: this.out, files: this.files, pragmas: [...this.pragmas], pragmaEvents: this.pragmaEvents };
  }

  // -------------------------------------------------------------------------
  // Files

  private fileId(path: string): number {
    let id = this.files.indexOf(path);
    if (id < 0) {
      id = this.files.length;
      this.files.push(path);
    }
    return id;
  }

  private pushFile(path: string, text: string): void {
    const file = this.fileId(path);
    const tokens = this.frames.length === 0 ? lexFile(text, file) : lexInclude(path, text, file);
    this.frames.push({ tokens, pos: 0, file, path, conds: [], lineDelta: 0 });
  }

  private resolveInclude(name: string, angle: boolean, from: string): { path: string; text: string } | null {
    const candidates: string[] = [];
    if (name.startsWith('/')) candidates.push(name);
    else {
      if (!angle) candidates.push(dirOf(from) + name);
      for (const d of this.options.includeDirs) candidates.push(d.replace(/\/?$/, '/') + name);
    }
    for (const c of candidates) {
      const p = normalizePath(c);
      if (p === null) continue;
      const text = this.host.readFile(p);
      if (text !== null) return { path: p, text };
    }
    return null;
  }

  // -------------------------------------------------------------------------
  // Token sources

  /** The main reader: pending expansions first, then the current file. */
  private readonly mainReader: Reader = {
    next: () => {
      const p = this.pending.pop();
      if (p) return p;
      const f = this.frames[this.frames.length - 1];
      if (!f) return null;
      const t = f.tokens[f.pos];
      if (t.kind === 'eof') return null;
      f.pos++;
      return f.lineDelta || t.file !== f.file ? copyToken(t, { line: t.line + f.lineDelta, file: f.file }) : t;
    },
    peek: () => {
      if (this.pending.length) return this.pending[this.pending.length - 1];
      const f = this.frames[this.frames.length - 1];
      if (!f) return null;
      const t = f.tokens[f.pos];
      // A directive line cannot supply macro arguments.
      if (t.kind === 'eof' || (t.bol && t.kind === 'punct' && t.value === '#')) return null;
      return t;
    },
    unshift: (tokens: Token[]) => {
      for (let i = tokens.length - 1; i >= 0; i--) this.pending.push(tokens[i]);
    },
  };

  private isSkipping(f: FileFrame): boolean {
    const c = f.conds;
    return c.length > 0 && !c[c.length - 1].active;
  }

  private loop(): void {
    const r = this.mainReader;
    while (this.frames.length) {
      const f = this.frames[this.frames.length - 1];
      if (this.pending.length === 0) {
        const t = f.tokens[f.pos];
        if (t.kind === 'eof') {
          for (const c of f.conds) this.sink.report('pp-missing-endif', f.file, c.line + f.lineDelta);
          this.frames.pop();
          if (this.frames.length === 0) this.lastLine = t.line + f.lineDelta;
          continue;
        }
        if (t.bol && t.kind === 'punct' && t.value === '#') {
          f.pos++;
          this.directive(f, t);
          continue;
        }
        if (this.isSkipping(f)) {
          f.pos++;
          continue;
        }
      }
      const t = r.next()!;
      if (t.kind === 'error') {
        this.sink.report(t.value.code as DiagnosticCode, t.file, t.line, ...t.value.args);
        continue;
      }
      if ((t.kind === 'id' || t.kind === 'kw') && this.tryExpand(t, r)) continue;
      if (this.pasteInCode(t, r)) continue;
      this.out.push(t);
    }
  }

  /**
   * `a##b` in plain code, outside any #define (MudOS lex.c: an identifier
   * directly followed by `##` is expanded, then joined with the next word,
   * and the result is read again). Returns true when `t` was consumed.
   */
  private pasteInCode(t: Token, r: Reader): boolean {
    const n = this.out.length;
    if (n < 2 || !isWord(t)) return false;
    const hash = this.out[n - 1];
    const left = this.out[n - 2];
    if (hash.kind !== 'punct' || hash.value !== '##' || hash.ws || !isWord(left)) return false;
    this.out.length = n - 2;
    const joined = this.paste([left, hash, copyToken(t, { ws: false })], t);
    for (const j of joined) {
      if ((j.kind === 'id' || j.kind === 'kw') && this.tryExpand(j, r)) continue;
      this.out.push(j);
    }
    return true;
  }

  // -------------------------------------------------------------------------
  // Macro expansion

  /** Expands `t` if it names a macro; the expansion is pushed back onto `r` for rescanning. */
  private tryExpand(t: Token, r: Reader): boolean {
    const name = t.value as string;
    if (t.hide?.has(name)) return false;
    switch (name) {
      case '__LINE__':
        r.unshift([copyToken(t, { kind: 'int', value: t.line, text: String(t.line) })]);
        return true;
      case '__FILE__':
        r.unshift([this.stringToken(t, this.files[t.file] ?? '')]);
        return true;
      case '__DIR__':
        r.unshift([this.stringToken(t, dirOf(this.files[t.file] ?? '/'))]);
        return true;
    }
    const m = this.macros.get(name);
    if (!m) return false;
    const hide = new Set(t.hide ?? []);
    hide.add(name);
    let body: Token[];
    if (m.params === null) {
      body = this.paste(m.body.map((b) => b), t);
    } else {
      const nx = r.peek();
      if (!nx || nx.kind !== 'punct' || nx.value !== '(') return false;
      r.next();
      const args = this.collectArgs(r, m, t);
      if (!args) return true;
      body = this.substitute(m, args, t);
    }
    const result = body.map((b, i) => makeToken(b.kind, b.value, b.text, t.file, t.line, false, i === 0 ? t.ws : b.ws, hide));
    r.unshift(result);
    return true;
  }

  private stringToken(at: Token, value: string): Token {
    return makeToken('string', value, JSON.stringify(value), at.file, at.line, false, at.ws, at.hide);
  }

  /** Reads `a, b, (c, d)` up to the closing parenthesis. */
  private collectArgs(r: Reader, m: Macro, at: Token): Token[][] | null {
    const args: Token[][] = [[]];
    let depth = 0;
    while (true) {
      const t = r.next();
      if (!t) {
        this.sink.report('pp-macro-unterminated', at.file, at.line, m.name);
        return null;
      }
      if (t.kind === 'error') continue;
      if (t.kind === 'punct') {
        const v = t.value as string;
        // Brackets nest too (`F(x[1, 2])`); `({` and `([` open two levels that `}`/`]` and `)` close.
        if (v === '(' || v === '(:' || v === '$(' || v === '[' || v === '{') depth++;
        else if (v === '({' || v === '([') depth += 2;
        else if (v === ']' || v === '}') depth--;
        else if (v === ')') {
          if (depth === 0) break;
          depth--;
        } else if (v === ',' && depth === 0 && !(m.variadic && args.length > m.params!.length)) {
          args.push([]);
          continue;
        }
      }
      args[args.length - 1].push(t);
    }
    const np = m.params!.length + (m.variadic ? 1 : 0);
    if (np === 0 && args.length === 1 && args[0].length === 0) return [];
    if (m.variadic && args.length === m.params!.length) args.push([]);
    if (args.length !== np) {
      this.sink.report('pp-macro-arg-count', at.file, at.line, m.name);
      return null;
    }
    return args;
  }

  private substitute(m: Macro, args: Token[][], at: Token): Token[] {
    const names = m.variadic ? [...m.params!, '__VA_ARGS__'] : m.params!;
    const index = (t: Token | undefined): number =>
      t && (t.kind === 'id' || t.kind === 'kw') ? names.indexOf(t.value as string) : -1;
    const expanded = new Map<number, Token[]>();
    const out: Token[] = [];
    const body = m.body;
    for (let i = 0; i < body.length; i++) {
      const b = body[i];
      if (b.kind === 'punct' && b.value === '#') {
        const k = index(body[i + 1]);
        if (k >= 0) {
          out.push(this.stringToken(at, stringify(args[k])));
          i++;
        } else {
          this.sink.report('pp-stringify', at.file, at.line);
        }
        continue;
      }
      const k = index(b);
      if (k < 0) {
        out.push(b);
        continue;
      }
      const nearPaste = (body[i - 1]?.value === '##' && body[i - 1].kind === 'punct') ||
        (body[i + 1]?.value === '##' && body[i + 1].kind === 'punct');
      let toks: Token[];
      if (nearPaste) toks = args[k];
      else {
        let e = expanded.get(k);
        if (!e) expanded.set(k, (e = this.expandList(args[k])));
        toks = e;
      }
      if (toks.length) out.push(copyToken(toks[0], { ws: b.ws }), ...toks.slice(1));
      else if (nearPaste) out.push(copyToken(b, { kind: 'text', value: '', text: '' })); // placemarker
    }
    return this.paste(out, at).filter((t) => !(t.kind === 'text' && t.text === ''));
  }

  /** Applies `a ## b` token pasting by relexing the joined spelling. */
  private paste(list: Token[], at: Token): Token[] {
    if (!list.some((t) => t.kind === 'punct' && t.value === '##')) return list;
    const out: Token[] = [];
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if (t.kind === 'punct' && t.value === '##' && out.length && i + 1 < list.length) {
        const left = out.pop()!;
        const right = list[++i];
        if (left.kind === 'string' && right.kind === 'string') {
          // Pasting two string literals (`a ## #b`) joins them, as FluffOS does.
          const value = left.value + right.value;
          out.push(makeToken('string', value, JSON.stringify(value), left.file, left.line, false, left.ws, left.hide));
          continue;
        }
        const joined = left.text + right.text;
        if (joined === '') {
          out.push(left);
          continue;
        }
        const lexed = lexFile(joined, at.file).filter((x) => x.kind !== 'eof');
        if (lexed.length !== 1 || lexed[0].kind === 'error') {
          this.sink.report('pp-paste', at.file, at.line, left.text, right.text);
          out.push(left, right);
        } else {
          out.push(copyToken(lexed[0], { ws: left.ws }));
        }
        continue;
      }
      out.push(t);
    }
    return out;
  }

  /** Fully macro-expands a token list in isolation (macro arguments, #if lines). */
  private expandList(list: Token[]): Token[] {
    // Arguments are expanded recursively; bound the depth so that
    // `F(F(F(...)))` thousands deep is an error rather than quadratic memory.
    if (this.expandDepth >= MAX_EXPAND_DEPTH) {
      if (!this.expandTooDeep) {
        const at = list[0];
        this.sink.report('pp-macro-depth', at?.file ?? 0, at?.line ?? 1);
      }
      this.expandTooDeep = true;
      return list;
    }
    this.expandDepth++;
    try {
      return this.expandListInner(list);
    } finally {
      this.expandDepth--;
    }
  }

  private expandListInner(list: Token[]): Token[] {
    const queue = list.slice().reverse();
    const reader: Reader = {
      next: () => queue.pop() ?? null,
      peek: () => queue[queue.length - 1] ?? null,
      unshift: (tokens) => {
        for (let i = tokens.length - 1; i >= 0; i--) queue.push(tokens[i]);
      },
    };
    const out: Token[] = [];
    let t: Token | null;
    while ((t = reader.next())) {
      if ((t.kind === 'id' || t.kind === 'kw') && this.tryExpand(t, reader)) continue;
      out.push(t);
    }
    return out;
  }

  // -------------------------------------------------------------------------
  // Directives

  /** The tokens of the directive line that starts after `#`. */
  private lineTokens(f: FileFrame): Token[] {
    const out: Token[] = [];
    while (true) {
      const t = f.tokens[f.pos];
      if (t.kind === 'eof' || t.bol) break;
      f.pos++;
      // Directive tokens keep a cached include's old file id (copying them all
      // cost as much as lexing); nothing reads it: errors use the frame's id.
      out.push(f.lineDelta ? copyToken(t, { line: t.line + f.lineDelta }) : t);
    }
    return out;
  }

  private directive(f: FileFrame, hash: Token): void {
    const toks = this.lineTokens(f);
    const line = hash.line + f.lineDelta;
    if (toks.length === 0) return; // the null directive
    const name = toks[0].text;
    const rest = toks.slice(1);
    const conds = f.conds;
    const top = conds[conds.length - 1];
    const skipping = this.isSkipping(f);
    switch (name) {
      case 'if': case 'ifdef': case 'ifndef': {
        const parentActive = !skipping;
        let v = false;
        if (parentActive) v = name === 'if' ? this.evalIf(rest, f, line) : this.macroDefined(rest, f, line, name === 'ifdef');
        conds.push({ active: parentActive && v, taken: v, parentActive, sawElse: false, line: hash.line });
        return;
      }
      case 'elif': {
        if (!top || top.sawElse) {
          this.sink.report('pp-unexpected-directive', f.file, line, 'elif');
          return;
        }
        if (top.taken || !top.parentActive) top.active = false;
        else {
          const v = this.evalIf(rest, f, line);
          top.active = v;
          top.taken = v;
        }
        return;
      }
      case 'else': {
        if (!top || top.sawElse) {
          this.sink.report('pp-unexpected-directive', f.file, line, 'else');
          return;
        }
        top.sawElse = true;
        top.active = top.parentActive && !top.taken;
        top.taken = true;
        return;
      }
      case 'endif':
        if (!top) this.sink.report('pp-unexpected-directive', f.file, line, 'endif');
        else conds.pop();
        return;
    }
    if (skipping) return;
    for (const t of toks) {
      if (t.kind === 'error') this.sink.report(t.value.code as DiagnosticCode, f.file, t.line, ...t.value.args);
    }
    switch (name) {
      case 'define': return this.define(rest, f, line);
      case 'undef':
        if (!rest[0] || (rest[0].kind !== 'id' && rest[0].kind !== 'kw')) this.sink.report('pp-define-syntax', f.file, line);
        else if (this.isProtected(rest[0].text)) this.sink.report('pp-undef-predefined', f.file, line);
        else this.macros.delete(rest[0].text);
        return;
      case 'include': return this.include(rest, f, line);
      case 'pragma': return this.pragma(rest, f, line);
      case 'error': this.sink.report('pp-error', f.file, line, rest[0]?.value ?? ''); return;
      case 'warn': this.sink.report('pp-warn', f.file, line, rest[0]?.value ?? ''); return;
      case 'echo': this.sink.report('pp-echo', f.file, line, rest[0]?.value ?? ''); return;
      case 'line': {
        const n = rest[0];
        if (!n || n.kind !== 'int') {
          this.sink.report('pp-line', f.file, line);
          return;
        }
        // The line after the directive gets number n.
        const next = f.tokens[f.pos];
        const physical = next.kind === 'eof' ? hash.line + 1 : next.line;
        f.lineDelta = Number(n.value) - physical;
        return;
      }
    }
    this.sink.report('pp-unknown-directive', f.file, line, name);
  }

  private macroDefined(rest: Token[], f: FileFrame, line: number, want: boolean): boolean {
    const t = rest[0];
    if (!t || (t.kind !== 'id' && t.kind !== 'kw')) {
      this.sink.report('pp-define-syntax', f.file, line);
      return false;
    }
    return this.isDefined(t.text) === want;
  }

  private isDefined(name: string): boolean {
    return this.macros.has(name) || name === '__LINE__' || name === '__FILE__' || name === '__DIR__';
  }

  private define(rest: Token[], f: FileFrame, line: number): void {
    const nameTok = rest[0];
    if (!nameTok || (nameTok.kind !== 'id' && nameTok.kind !== 'kw')) {
      this.sink.report('pp-define-syntax', f.file, line);
      return;
    }
    const name = nameTok.text;
    let params: string[] | null = null;
    let variadic = false;
    let i = 1;
    const open = rest[1];
    if (open && open.kind === 'punct' && open.value === '(' && !open.ws) {
      params = [];
      i = 2;
      let ok = false;
      while (i < rest.length) {
        const t = rest[i++];
        if (t.kind === 'punct' && t.value === ')' && (params.length === 0 || variadic)) { ok = true; break; }
        if (t.kind === 'punct' && t.value === '...') { variadic = true; continue; }
        if (t.kind !== 'id' && t.kind !== 'kw') break;
        params.push(t.text);
        const sep = rest[i++];
        if (sep?.kind === 'punct' && sep.value === '...') {
          // GNU style `args...`: the last named parameter takes the rest.
          params.pop();
          variadic = true;
          const close = rest[i++];
          if (close?.kind === 'punct' && close.value === ')') { ok = true; }
          break;
        }
        if (sep?.kind === 'punct' && sep.value === ')') { ok = true; break; }
        if (!(sep?.kind === 'punct' && sep.value === ',')) break;
      }
      if (!ok) {
        this.sink.report('pp-define-syntax', f.file, line);
        return;
      }
    }
    const body = rest.slice(i).map((t, k) => (k === 0 ? copyToken(t, { ws: false }) : t));
    if (this.isProtected(name)) {
      this.sink.report('pp-redefine-predefined', f.file, line);
      return;
    }
    const old = this.macros.get(name);
    if (old && (bodyText(old.body) !== bodyText(body) || String(old.params) !== String(params))) {
      this.sink.report('pp-macro-redefined', f.file, line, name);
    }
    this.macros.set(name, { name, params, variadic, body });
  }

  private include(rest: Token[], f: FileFrame, line: number): void {
    let toks = rest;
    if (toks[0] && toks[0].kind !== 'header' && toks[0].kind !== 'string') toks = this.expandList(stamp(rest, f.file));
    let name: string | null = null;
    let angle = false;
    const t0 = toks[0];
    if (t0?.kind === 'header') {
      name = t0.value;
      angle = true;
    } else if (t0?.kind === 'string') {
      name = toks.filter((t) => t.kind === 'string').map((t) => t.value).join('');
    } else if (t0?.kind === 'punct' && t0.value === '<') {
      const close = toks.findIndex((t) => t.kind === 'punct' && t.value === '>');
      if (close > 0) {
        name = toks.slice(1, close).map((t) => t.text).join('');
        angle = true;
      }
    }
    if (name === null) {
      this.sink.report('pp-include-syntax', f.file, line);
      return;
    }
    if (this.frames.length >= this.maxDepth) {
      this.sink.report('pp-include-depth', f.file, line);
      return;
    }
    const found = this.resolveInclude(name, angle, f.path);
    if (!found) {
      this.sink.report('pp-include-not-found', f.file, line, name);
      return;
    }
    this.pushFile(found.path, found.text);
  }

  private pragma(rest: Token[], f: FileFrame, line: number): void {
    for (const t of rest) {
      if (t.kind === 'punct' && t.value === ',') continue;
      const word = t.text;
      const base = word.startsWith('no_') ? word.slice(3) : word;
      if (!KNOWN_PRAGMAS.has(base)) {
        this.sink.report('pp-unknown-pragma', f.file, line, word);
        continue;
      }
      const before = this.pragmas.has(base);
      if (base === word) this.pragmas.add(word);
      else this.pragmas.delete(base);
      this.pragmaEvents.push({ file: f.file, line, pragma: base, before, after: base === word });
    }
  }

  // -------------------------------------------------------------------------
  // #if expressions

  private evalIf(rest: Token[], f: FileFrame, line: number): boolean {
    // `defined X` / `defined(X)` are resolved before macro expansion.
    const pre: Token[] = [];
    for (let i = 0; i < rest.length; i++) {
      const t = rest[i];
      if (t.kind === 'id' && (t.value === 'defined' || t.value === 'efun_defined')) {
        let j = i + 1;
        const paren = rest[j]?.kind === 'punct' && rest[j].value === '(';
        if (paren) j++;
        const n = rest[j];
        if (!n || (n.kind !== 'id' && n.kind !== 'kw')) {
          this.sink.report('pp-if-syntax', f.file, line);
          return false;
        }
        if (paren) {
          if (!(rest[j + 1]?.kind === 'punct' && rest[j + 1].value === ')')) {
            this.sink.report('pp-if-syntax', f.file, line);
            return false;
          }
          j++;
        }
        const yes = t.value === 'defined' ? this.isDefined(n.text) : (this.options.efunDefined?.(n.text) ?? false);
        pre.push(copyToken(t, { kind: 'int', value: yes ? 1 : 0 }));
        i = j;
        continue;
      }
      pre.push(t);
    }
    const r = evaluateIfExpression(this.expandList(stamp(pre, f.file)));
    if (typeof r === 'string') {
      this.sink.report(r, f.file, line);
      return false;
    }
    return r;
  }
}

/** Directive tokens about to be macro-expanded need the current file id (for `__FILE__`/`__DIR__`). */
function stamp(toks: Token[], file: number): Token[] {
  return toks.every((t) => t.file === file) ? toks : toks.map((t) => (t.file === file ? t : copyToken(t, { file })));
}

function bodyText(body: Token[]): string {
  return body.map((t) => t.text).join(' ');
}

/** `#x`: the argument's spelling, with single blanks where the source had whitespace. */
function stringify(arg: Token[]): string {
  let s = '';
  arg.forEach((t, i) => {
    if (i > 0 && t.ws) s += ' ';
    s += t.text;
  });
  return s;
}
