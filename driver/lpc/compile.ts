// The compile pipeline: source → preprocess/parse (parser.ts) → inherits
// loaded → codegen → a JS factory evaluated once with `new Function`. Compile
// errors are reported MudOS style (`/path/file.c line N: message`) to the
// master's log_error() when it has one, else to the driver log, and loading
// fails with "Error in loading object".
import type { Loc } from './ast.js';
import { parseProgram, type ParseOptions } from './parser.js';
import { formatDiagnostic } from './diagnostics.js';
import { generateProgram, SOURCE_URL_MARK } from './codegen.js';
import {
  CACHE_FORMAT, hashText, readJson, restoreProgram, serializeProgram, type CacheIndex, type CachePayload,
} from './compile-cache.js';
import { checkProgram } from './checker.js';
import type { ProgramInterface } from './program-interface.js';
import { DiagnosticSink } from './diagnostics.js';
import { deepestLoc, isStackOverflow } from './deepest-node.js';
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

/**
 * Evaluates generated source and instantiates the factory. Each compilation
 * evaluates its own text: the source URL names this program's id, which is
 * how tracebacks find the program (so sources are never shared).
 */
function evaluateFactory(prog: Program): void {
  const text = prog.source.replace(SOURCE_URL_MARK, prog.sourceUrl);
  let outer: Function;
  try {
    outer = new Function(text);
  } catch (e) {
    if (isStackOverflow(e)) throw e; // too deep for V8's parser: the caller reports where
    throw new LpcError(`Internal codegen error in ${prog.path}: ${(e as Error).message}`);
  }
  prog.factory = outer() as Program['factory'];
}

/** What every payload key includes besides the program's own inputs: the efun and simul_efun sets. */
function environmentDigest(rt: Runtime): string {
  const sefun = rt.simulEfuns;
  const sefuns = sefun && !sefun.destructed ? [...sefun.linked.table.keys()].sort().join(',') : '';
  let efunDigest = efunDigests.get(rt.efuns);
  if (!efunDigest) {
    efunDigest = hashText([...rt.efuns.values()].map((e) => e.name + ':' + e.signature).sort().join('\n'));
    efunDigests.set(rt.efuns, efunDigest);
  }
  return hashText(efunDigest + '|' + sefuns + '|' + (sefun ? sefun.program.cacheKey : ''));
}
const efunDigests = new WeakMap<object, string>();

function payloadKey(rt: Runtime, baseKey: string, includes: [string, string][], inherits: Program[]): string {
  return 'p' + hashText([baseKey, ...includes.map(([p, h]) => p + '=' + h), ...inherits.map((ip) => ip.cacheKey), environmentDigest(rt)].join('|'));
}

/**
 * Tries the disk cache: index by main-file text, includes unchanged, inherits
 * loaded, then the payload. Undefined on any miss (the caller compiles).
 */
function fromCache(rt: Runtime, path: string, baseKey: string): Program | undefined {
  const idx = readJson<CacheIndex>(rt.host, 'i' + baseKey);
  if (!idx) return undefined;
  for (const [p, h] of idx.includes) {
    if (hashText(rt.host.readFile(p) ?? '') !== h) return undefined;
  }
  const prog = new Program(path);
  try {
    for (const ih of idx.inherits) prog.inherits.push({ name: ih.name, program: rt.getProgram(ih.path), offset: 0 });
  } catch {
    return undefined; // the normal compile reports the inherit error properly
  }
  const key = payloadKey(rt, baseKey, idx.includes, prog.inherits.map((ih) => ih.program));
  const payload = readJson<CachePayload>(rt.host, key);
  if (!payload || !restoreProgram(prog, payload, (p) => rt.programs.get(p))) return undefined;
  prog.cacheKey = key;
  prog.sourceUrl = `lpc://P${prog.id}${path}`;
  rt.programsById.set(prog.id, prog);
  evaluateFactory(prog);
  return prog;
}

/**
 * The files whose inherits are being loaded, per runtime: an inherit of one of
 * them is a cycle (or a file inheriting itself), which would otherwise recurse
 * until the JS stack overflows and print an error line per level.
 */
const compilingByRuntime = new WeakMap<Runtime, Set<string>>();
function compilingOf(rt: Runtime): Set<string> {
  let set = compilingByRuntime.get(rt);
  if (!set) compilingByRuntime.set(rt, (set = new Set()));
  return set;
}

export function createCompiler(options: CompileOptions): ProgramCompiler {
  const parseOptions: ParseOptions = {
    includeDirs: options.includeDirs,
    globalInclude: options.globalInclude,
    defines: options.defines,
  };
  const optionsText = JSON.stringify(parseOptions);
  return (rt: Runtime, path: string): Program => {
    // `#if efun_defined(x)` answers from this runtime's efun table.
    parseOptions.efunDefined ??= (name: string) => rt.efuns.has(name);
    const objectName = path.replace(/\.c$/, '');
    const mainText = rt.host.readFile(path);
    if (mainText === undefined) throw new LpcError(`Failed to load file: ${path}`);
    const useCache = !!rt.host.cacheGet;
    const baseKey = useCache ? hashText([CACHE_FORMAT, path, mainText, optionsText].join('\u0000')) : '';
    if (useCache) {
      const cached = fromCache(rt, path, baseKey);
      if (cached) return cached;
    }
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

    try {
      const inheritLocs = new Map<string, Loc>();
      const collectInherits = (decls: typeof ast.decls) => {
        for (const d of decls) {
          if (d.kind === 'ModifierBlock') collectInherits(d.decls);
          if (d.kind !== 'Inherit') continue;
          const ipath = resolveInherit(rt, path, d.path);
          if (compiling.has(ipath)) {
            error(d.loc, ipath === path ? 'Illegal to inherit self.' : `Recursive inherit of ${ipath}`);
            continue;
          }
          try {
            const ip = rt.getProgram(ipath);
            prog.inherits.push({ name: d.name, program: ip, offset: 0 });
            inheritLocs.set(d.name, d.loc);
          } catch (e) {
            const msg = e instanceof LpcError ? e.message : String(e);
            error(d.loc, `Error in loading inherited file ${ipath}: ${msg}`);
          }
        }
      };
      const compiling = compilingOf(rt);
      compiling.add(path);
      try {
        collectInherits(ast.decls);
      } finally {
        compiling.delete(path);
      }
      // MaxInheritDepth (Neolith: "Too deep inheritance").
      prog.inheritDepth = 1 + Math.max(0, ...prog.inherits.map((ih) => ih.program.inheritDepth));
      if (prog.inheritDepth > rt.limits.maxInheritDepth) {
        const deepest = prog.inherits.reduce((a, b) => (b.program.inheritDepth > a.program.inheritDepth ? b : a));
        error(inheritLocs.get(deepest.name) ?? { file: 0, line: 1 }, 'Too deep inheritance');
      }
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
          oldTypeBehavior: rt.limits.oldTypeBehavior ?? false,
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
          // MudOS valid_override(file, efun, mainfile) for each efun:: call; a master
          // without it allows them all (Neolith never asks).
          checkOverride: (name: string, loc: Loc) => {
            const m = rt.master;
            if (!m || m.destructed || !m.linked.table.has('valid_override')) return;
            const r = rt.masterApply('valid_override', [ast.files[loc.file] ?? path, name, path]);
            // 0 refuses (the undefined zero, -0, too: === holds for both).
            if (r === 0) error(loc, 'Invalid simulated efunction override');
          },
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
          evaluateFactory(prog);
          if (useCache) {
            const includes: [string, string][] = ast.files.slice(1).map((f) => [f, hashText(rt.host.readFile(f) ?? '')]);
            const index: CacheIndex = { includes, inherits: prog.inherits.map((ih) => ({ name: ih.name, path: ih.program.path })) };
            prog.cacheKey = payloadKey(rt, baseKey, includes, prog.inherits.map((ih) => ih.program));
            rt.host.cacheSet?.('i' + baseKey, JSON.stringify(index));
            rt.host.cacheSet?.(prog.cacheKey, JSON.stringify(serializeProgram(prog)));
          }
          return prog;
        }
      }
    } catch (e) {
      // A left-associative chain thousands of links long overflows the stack in the
      // checker, codegen or V8's parser (deepest-node.ts): a compile error, not a crash.
      if (!isStackOverflow(e)) throw e;
      const at = deepestLoc(ast.decls) ?? { file: 0, line: 1 };
      errors.push(`${ast.files[at.file] ?? path} line ${at.line}: Program nested too deeply`);
    }
    rt.programsById.delete(prog.id);
    for (const text of errors) reportCompileError(rt, path, text);
    throw new LpcError(`Error in loading object '${objectName}'`);
  };
}
