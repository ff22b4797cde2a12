// The compile pipeline: source → preprocess/parse (parser.ts) → inherits
// loaded → codegen → a JS factory evaluated once with `new Function`. Compile
// errors are reported MudOS style (`/path/file.c line N: message`) to the
// master's log_error() when it has one, else to the driver log, and loading
// fails with "Error in loading object".
import type { Loc } from './ast.js';
import { parseProgram, type ParseOptions } from './parser.js';
import { formatDiagnostic } from './diagnostics.js';
import { generateProgram } from './codegen.js';
import { checkProgram } from './checker.js';
import type { ProgramInterface } from './program-interface.js';
import { DiagnosticSink } from './diagnostics.js';
import { LpcError } from '../vm/errors.js';
import { Program } from '../vm/program.js';
import type { Runtime, ProgramCompiler } from '../vm/runtime.js';

/** `new Function` puts the body two lines below the function header. */
const FUNCTION_BODY_LINE_OFFSET = 2;

export interface CompileOptions {
  includeDirs: string[];
  globalInclude?: string;
  defines: Record<string, string>;
}

/** Compiled factories by generated source (identical sources share one evaluation). */
const factoryCache = new Map<string, Function>();

function reportCompileError(rt: Runtime, file: string, text: string): void {
  const r = rt.masterApply('log_error', [file, text + '\n']);
  if (r === undefined) rt.host.stderr(text + '\n');
}

function resolveInherit(rt: Runtime, from: string, path: string): string {
  const clean = path.endsWith('.c') ? path.slice(0, -2) : path;
  if (clean.startsWith('/')) return '/' + rt.normalizeName(clean) + '.c';
  // MudOS resolves relative inherits from the mudlib root; fall back to the file's directory.
  const rooted = '/' + rt.normalizeName(clean) + '.c';
  if (rt.host.stat(rooted)) return rooted;
  const dir = from.slice(0, from.lastIndexOf('/') + 1);
  return '/' + rt.normalizeName(dir + clean) + '.c';
}

export function createCompiler(options: CompileOptions): ProgramCompiler {
  const parseOptions: ParseOptions = {
    includeDirs: options.includeDirs,
    globalInclude: options.globalInclude,
    defines: options.defines,
  };
  return (rt: Runtime, path: string): Program => {
    const objectName = path.replace(/\.c$/, '');
    if (rt.host.readFile(path) === undefined) throw new LpcError(`Failed to load file: ${path}`);
    const host = { readFile: (p: string) => rt.host.readFile(p) ?? null };
    const parsed = parseProgram(path, host, parseOptions);
    for (const d of parsed.diagnostics) {
      if (d.severity === 'info') rt.debugOut(d.message + '\n');
      else reportCompileError(rt, d.path, formatDiagnostic(d));
    }
    const ast = parsed.program;
    if (!ast) throw new LpcError(`Error in loading object '${objectName}'`);

    const prog = new Program(path);
    prog.files = ast.files;
    prog.sourceUrl = `lpc://P${prog.id}${path}`;
    rt.programsById.set(prog.id, prog);
    const errors: string[] = [];
    const error = (loc: Loc, message: string) => errors.push(`${ast.files[loc.file] ?? path} line ${loc.line}: ${message}`);

    const collectInherits = (decls: typeof ast.decls) => {
      for (const d of decls) {
        if (d.kind === 'ModifierBlock') collectInherits(d.decls);
        if (d.kind !== 'Inherit') continue;
        const ipath = resolveInherit(rt, path, d.path);
        try {
          const ip = rt.getProgram(ipath);
          prog.inherits.push({ name: d.name, program: ip, offset: 0 });
        } catch (e) {
          const msg = e instanceof LpcError ? e.message : String(e);
          error(d.loc, `Error in loading inherited file ${ipath}: ${msg}`);
        }
      }
    };
    collectInherits(ast.decls);
    if (!errors.length) {
      // The checker (scopes, modifiers, strict_types) sees inherited programs through their interfaces.
      const sefun = rt.simulEfuns;
      const sefunIface = sefun && !sefun.destructed ? (sefun.program.checkInterface as ProgramInterface | undefined) : undefined;
      const sink = new DiagnosticSink(ast.files);
      const checked = checkProgram(ast, {
        inherited: (ipath, from) => {
          const p = rt.programs.get(resolveInherit(rt, from, ipath));
          return (p?.checkInterface as ProgramInterface | undefined) ?? null;
        },
        efunSignature: (name) => rt.efuns.get(name)?.signature ?? null,
        simulEfun: (name) => sefunIface?.functions.get(name) ?? null,
      }, sink);
      prog.checkInterface = checked.iface;
      for (const d of checked.diagnostics) {
        if (d.severity === 'info') rt.debugOut(d.message + '\n');
        else if (d.severity === 'warning') reportCompileError(rt, d.path, formatDiagnostic(d));
        else errors.push(formatDiagnostic(d));
      }
    }
    if (!errors.length) {
      const sefun = rt.simulEfuns;
      const env = {
        efuns: rt.efuns,
        simulEfuns: new Set(sefun && !sefun.destructed ? [...sefun.linked.table.keys()] : []),
        error,
      };
      const gen = generateProgram(ast, prog, env);
      if (!errors.length) {
        prog.source = gen.source;
        const n = gen.lines.length + FUNCTION_BODY_LINE_OFFSET + 1;
        prog.lineTable = new Int32Array(n);
        prog.fileTable = new Uint16Array(n);
        gen.lines.forEach((l, i) => {
          prog.lineTable[i + 1 + FUNCTION_BODY_LINE_OFFSET] = l.line;
          prog.fileTable[i + 1 + FUNCTION_BODY_LINE_OFFSET] = l.file;
        });
        let outer = factoryCache.get(gen.source);
        if (!outer) {
          try {
            outer = new Function(gen.source);
          } catch (e) {
            throw new LpcError(`Internal codegen error in ${path}: ${(e as Error).message}`);
          }
          factoryCache.set(gen.source, outer);
        }
        prog.factory = outer() as Program['factory'];
        return prog;
      }
    }
    rt.programsById.delete(prog.id);
    for (const text of errors) reportCompileError(rt, path, text);
    throw new LpcError(`Error in loading object '${objectName}'`);
  };
}
