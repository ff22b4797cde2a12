// The Neolith config file and the driver's command line, parsed into typed
// values. Both parsers are pure: they take text (or argv) and return a result
// plus diagnostics, never read files or exit, so the CLI decides how to report
// and tests need no file system. Path joining uses a small posix helper
// instead of node:path for the same reason.
//
// Format (COMPAT.md "Config file", Neolith's rc.c): one `Key value` per line,
// keys case-insensitive, the value is the rest of the line with surrounding
// blanks removed, `#` starts a comment only at the beginning of a line (so
// `DefaultFailMsg What? #1` keeps its `#`). Every key Neolith reads is
// accepted; Lapis adds HeartbeatInterval and the telnet input limits.

import type { PortKind } from './net/telnet.js';
import { DEFAULT_LIMITS, type Limits } from './vm/runtime-api.js';

export type { PortKind };

/** One listening port: `Port 4000:telnet`. */
export interface PortSpec {
  port: number;
  kind: PortKind;
}

/** The typed config. Host paths are resolved; mudlib paths start with "/". */
export interface LapisConfig {
  /** The config file as given, and the directory relative paths are taken from. */
  configFile: string;
  configDir: string;
  mudName: string;
  /** Host directory of the mudlib (MudlibDir, relative to the config file's directory). */
  mudlibDir: string;
  masterFile: string;
  simulEfunFile: string | undefined;
  globalInclude: string | undefined;
  includeDirs: string[];
  saveBinaryDir: string | undefined;
  /** Host directory for logs; undefined means debug output goes to stderr. */
  logDir: string | undefined;
  /** Host path of the debug log (DebugLogFile inside LogDir), if both are set. */
  debugLogFile: string | undefined;
  logWithDate: boolean;
  defaultFailMsg: string;
  defaultErrorMsg: string | undefined;
  ports: PortSpec[];
  addrServerIp: string | undefined;
  addrServerPort: number;
  /** Seconds an object must stay untouched before clean_up() is called. */
  cleanupDuration: number;
  /** Seconds between resets. */
  resetDuration: number;
  /** Milliseconds between heart beats (Lapis; MudOS fixes 2 s). */
  heartbeatInterval: number;
  limits: Limits;
  maxBitFieldBits: number;
  maxLocalVariables: number;
  stackSize: number;
  sharedStringHashSize: number;
  objectHashSize: number;
  reservedMemorySize: number;
  crashDropCore: boolean;
  argumentsInTrace: boolean;
  localVariablesInTrace: boolean;
  resolverForwardCacheTtl: number;
  resolverReverseCacheTtl: number;
  resolverNegativeCacheTtl: number;
  resolverStaleRefreshWindow: number;
  resolverForwardQuota: number;
  resolverReverseQuota: number;
  resolverRefreshQuota: number;
  /** Telnet input line cap in bytes (Neolith: 2048). */
  maxInputLineLength: number;
  /** Input bytes per second per connection before it counts as a flood; 0 = no limit. */
  maxInputBytesPerSecond: number;
  /** Commands waiting per connection before it counts as a flood; 0 = no limit. */
  maxQueuedCommands: number;
  enableGmcp: boolean;
  enableMccp: boolean;
  enableMssp: boolean;
  /**
   * Driver-compat switches, MudOS v22 options.h defaults (issue 4): they set
   * limits.explodeMode and limits.oldRangeBehavior and the matching
   * __SANE_EXPLODE_STRING__ / __REVERSIBLE_EXPLODE_STRING__ /
   * __OLD_RANGE_BEHAVIOR__ predefines. Neolith builds with all three on.
   */
  saneExplodeString: boolean;
  /** Overrides saneExplodeString: explode() strips no delimiters. */
  reversibleExplodeString: boolean;
  oldRangeBehavior: boolean;
  /** MudOS's OLD_TYPE_BEHAVIOR: typed functions are not type-checked (old mudlibs such as Lima rely on it). */
  oldTypeBehavior: boolean;
}

/** How a key's value is read. */
type ValueKind =
  | 'text'
  | 'host-dir'
  | 'file-name'
  | 'mudlib-path'
  | 'mudlib-path-list'
  | 'positive'
  | 'non-negative'
  | 'boolean'
  | 'port';

/** The numeric Limits fields, the ones config keys set. */
type NumericLimit = { [K in keyof Limits]-?: NonNullable<Limits[K]> extends number ? K : never }[keyof Limits];

type FieldName = Exclude<keyof LapisConfig, 'limits' | 'ports' | 'configFile' | 'configDir'> | `limits.${NumericLimit}`;

/**
 * Every key the parser knows, in the order docs/config.md lists them. `field`
 * is where the value lands (`limits.x` for the VM's Limits).
 */
export const CONFIG_KEYS = [
  { key: 'MudName', kind: 'text', field: 'mudName' },
  { key: 'Port', kind: 'port', field: 'ports' },
  { key: 'MudlibDir', kind: 'host-dir', field: 'mudlibDir' },
  { key: 'MasterFile', kind: 'mudlib-path', field: 'masterFile' },
  { key: 'SimulEfunFile', kind: 'mudlib-path', field: 'simulEfunFile' },
  { key: 'GlobalInclude', kind: 'text', field: 'globalInclude' },
  { key: 'IncludeDir', kind: 'mudlib-path-list', field: 'includeDirs' },
  { key: 'SaveBinaryDir', kind: 'mudlib-path', field: 'saveBinaryDir' },
  { key: 'LogDir', kind: 'host-dir', field: 'logDir' },
  { key: 'DebugLogFile', kind: 'file-name', field: 'debugLogFile' },
  { key: 'LogWithDate', kind: 'boolean', field: 'logWithDate' },
  { key: 'DefaultFailMsg', kind: 'text', field: 'defaultFailMsg' },
  { key: 'DefaultErrorMsg', kind: 'text', field: 'defaultErrorMsg' },
  { key: 'CleanupDuration', kind: 'positive', field: 'cleanupDuration' },
  { key: 'ResetDuration', kind: 'positive', field: 'resetDuration' },
  { key: 'HeartbeatInterval', kind: 'positive', field: 'heartbeatInterval' },
  { key: 'MaxInheritDepth', kind: 'positive', field: 'limits.maxInheritDepth' },
  { key: 'MaxEvaluationCost', kind: 'positive', field: 'limits.maxEvaluationCost' },
  { key: 'MaxCallDepth', kind: 'positive', field: 'limits.maxCallDepth' },
  { key: 'MaxArraySize', kind: 'positive', field: 'limits.maxArraySize' },
  { key: 'MaxMappingSize', kind: 'positive', field: 'limits.maxMappingSize' },
  { key: 'MaxBufferSize', kind: 'positive', field: 'limits.maxBufferSize' },
  { key: 'MaxStringLength', kind: 'positive', field: 'limits.maxStringLength' },
  { key: 'MaxReadFileSize', kind: 'positive', field: 'limits.maxReadFileSize' },
  { key: 'MaxByteTransfer', kind: 'positive', field: 'limits.maxByteTransfer' },
  { key: 'MaxBitFieldBits', kind: 'positive', field: 'maxBitFieldBits' },
  { key: 'MaxLocalVariables', kind: 'positive', field: 'maxLocalVariables' },
  { key: 'StackSize', kind: 'positive', field: 'stackSize' },
  { key: 'ArgumentsInTrace', kind: 'boolean', field: 'argumentsInTrace' },
  { key: 'LocalVariablesInTrace', kind: 'boolean', field: 'localVariablesInTrace' },
  { key: 'SharedStringHashSize', kind: 'positive', field: 'sharedStringHashSize' },
  { key: 'ObjectHashSize', kind: 'positive', field: 'objectHashSize' },
  { key: 'ReservedMemorySize', kind: 'non-negative', field: 'reservedMemorySize' },
  { key: 'CrashDropCore', kind: 'boolean', field: 'crashDropCore' },
  { key: 'AddrServerIP', kind: 'text', field: 'addrServerIp' },
  { key: 'AddrServerPort', kind: 'non-negative', field: 'addrServerPort' },
  { key: 'ResolverForwardCacheTtl', kind: 'non-negative', field: 'resolverForwardCacheTtl' },
  { key: 'ResolverReverseCacheTtl', kind: 'non-negative', field: 'resolverReverseCacheTtl' },
  { key: 'ResolverNegativeCacheTtl', kind: 'non-negative', field: 'resolverNegativeCacheTtl' },
  { key: 'ResolverStaleRefreshWindow', kind: 'non-negative', field: 'resolverStaleRefreshWindow' },
  { key: 'ResolverForwardQuota', kind: 'positive', field: 'resolverForwardQuota' },
  { key: 'ResolverReverseQuota', kind: 'positive', field: 'resolverReverseQuota' },
  { key: 'ResolverRefreshQuota', kind: 'positive', field: 'resolverRefreshQuota' },
  { key: 'MaxInputLineLength', kind: 'positive', field: 'maxInputLineLength' },
  { key: 'MaxInputBytesPerSecond', kind: 'non-negative', field: 'maxInputBytesPerSecond' },
  { key: 'MaxQueuedCommands', kind: 'non-negative', field: 'maxQueuedCommands' },
  { key: 'EnableGmcp', kind: 'boolean', field: 'enableGmcp' },
  { key: 'EnableMccp', kind: 'boolean', field: 'enableMccp' },
  { key: 'EnableMssp', kind: 'boolean', field: 'enableMssp' },
  { key: 'SaneExplodeString', kind: 'boolean', field: 'saneExplodeString' },
  { key: 'ReversibleExplodeString', kind: 'boolean', field: 'reversibleExplodeString' },
  { key: 'OldRangeBehavior', kind: 'boolean', field: 'oldRangeBehavior' },
  { key: 'OldTypeBehavior', kind: 'boolean', field: 'oldTypeBehavior' },
] as const satisfies readonly { key: string; kind: ValueKind; field: FieldName | 'ports' }[];

type KeySpec = (typeof CONFIG_KEYS)[number];

/** Neolith's limit on listening ports. */
export const MAX_PORTS = 5;

/** Defaults for everything but the paths that depend on the config file's location. */
export const CONFIG_DEFAULTS = {
  mudName: 'Lapis',
  masterFile: '/master.c',
  simulEfunFile: undefined,
  globalInclude: undefined,
  includeDirs: [] as string[],
  saveBinaryDir: undefined,
  logDir: undefined,
  debugLogFile: undefined,
  logWithDate: false,
  defaultFailMsg: 'What?',
  defaultErrorMsg: undefined,
  addrServerIp: undefined,
  addrServerPort: 0,
  cleanupDuration: 600,
  resetDuration: 1800,
  heartbeatInterval: 2000,
  maxBitFieldBits: 1200,
  maxLocalVariables: 25,
  stackSize: 1000,
  sharedStringHashSize: 20011,
  objectHashSize: 10007,
  reservedMemorySize: 0,
  crashDropCore: true,
  argumentsInTrace: false,
  localVariablesInTrace: false,
  resolverForwardCacheTtl: 300,
  resolverReverseCacheTtl: 900,
  resolverNegativeCacheTtl: 30,
  resolverStaleRefreshWindow: 30,
  resolverForwardQuota: 10,
  resolverReverseQuota: 4,
  resolverRefreshQuota: 2,
  maxInputLineLength: 2048,
  maxInputBytesPerSecond: 262144,
  maxQueuedCommands: 1000,
  enableGmcp: false,
  enableMccp: false,
  enableMssp: false,
  saneExplodeString: true,
  reversibleExplodeString: false,
  oldRangeBehavior: false,
  oldTypeBehavior: false,
} satisfies Omit<LapisConfig, 'configFile' | 'configDir' | 'mudlibDir' | 'ports' | 'limits'>;

export interface ConfigDiagnostic {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line, or undefined for file-level problems (a missing required key). */
  line: number | undefined;
  key: string | undefined;
  /** The full one-line text: `lapis.conf line 12: MaxArraySize: expected …`. */
  message: string;
}

export interface ParseConfigOptions {
  /** Resolves a relative config file name (and so MudlibDir) against this directory. */
  cwd?: string;
  /**
   * Whether MudlibDir and MasterFile must be present (Neolith requires both).
   * App mode passes false: the app file then supplies them.
   */
  requireMudlib?: boolean;
}

export interface ParsedConfig {
  config: LapisConfig;
  diagnostics: ConfigDiagnostic[];
}

const KEY_BY_LOWER = new Map<string, KeySpec>(CONFIG_KEYS.map((k) => [k.key.toLowerCase(), k]));
const REQUIRED_KEYS = ['MudlibDir', 'MasterFile'] as const;
const PORT_KINDS: readonly PortKind[] = ['telnet', 'ascii', 'binary'];

/** Parses config text. Never throws; problems are diagnostics (errors make the config unusable). */
export function parseConfigText(text: string, fileName: string, opts: ParseConfigOptions = {}): ParsedConfig {
  const diagnostics: ConfigDiagnostic[] = [];
  const report = (severity: ConfigDiagnostic['severity'], line: number | undefined, key: string | undefined, msg: string) => {
    const where = line === undefined ? fileName : `${fileName} line ${line}`;
    diagnostics.push({ severity, file: fileName, line, key, message: `${where}: ${key ? `${key}: ` : ''}${msg}` });
  };

  const filePath = opts.cwd !== undefined ? joinPosix(opts.cwd, fileName) : normalizePosix(fileName);
  const configDir = dirnamePosix(filePath);
  const values: Partial<Record<FieldName, unknown>> = {};
  const limits: Limits = { ...DEFAULT_LIMITS };
  const ports: PortSpec[] = [];
  const firstSeen = new Map<string, number>();
  let debugLogFileName: string | undefined;
  let debugLogLine = 0;

  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  // A binary file (an image, a core dump, the wrong path) would give a warning
  // per line of garbage; one error naming the first bad line says it all.
  const binaryRow = rows.findIndex((r) => BINARY_TEXT.test(r));
  if (binaryRow >= 0) {
    report('error', binaryRow + 1, undefined, 'not a text config file (NUL or invalid UTF-8 bytes)');
    return { config: { ...CONFIG_DEFAULTS, includeDirs: [], configFile: fileName, configDir, mudlibDir: configDir, ports, limits }, diagnostics };
  }
  for (let i = 0; i < rows.length; i++) {
    const lineNo = i + 1;
    const row = rows[i].trim();
    if (row === '' || row.startsWith('#')) continue;
    const m = /^(\S+)(?:\s+(.*))?$/.exec(row)!;
    const written = m[1];
    const raw = (m[2] ?? '').trim();
    const spec = KEY_BY_LOWER.get(written.toLowerCase());
    if (spec === undefined) {
      const hint = closestKey(written);
      report('warning', lineNo, undefined, `unknown key ${shown(written)}${hint ? ` (did you mean "${hint}"?)` : ''}; line ignored`);
      continue;
    }
    const key = spec.key;
    if (raw === '') {
      report('error', lineNo, key, 'expected a value');
      continue;
    }
    if (spec.kind === 'port') {
      const port = parsePort(raw);
      if (typeof port === 'string') report('error', lineNo, key, port);
      else if (ports.length >= MAX_PORTS) report('error', lineNo, key, `at most ${MAX_PORTS} ports may be given`);
      else if (ports.some((p) => p.port === port.port)) report('error', lineNo, key, `port ${port.port} is given twice`);
      else ports.push(port);
      continue;
    }
    const first = firstSeen.get(key);
    if (first !== undefined) {
      // Neolith reads the first occurrence of a key; say so instead of silently ignoring.
      report('warning', lineNo, key, `given again (first on line ${first}); this line is ignored`);
      continue;
    }
    const value = parseValue(spec.kind, raw, configDir);
    if (value instanceof ValueError) {
      report('error', lineNo, key, value.message);
      continue;
    }
    firstSeen.set(key, lineNo);
    if (spec.field === 'debugLogFile') {
      debugLogFileName = value as string;
      debugLogLine = lineNo;
    } else if (spec.field.startsWith('limits.')) {
      limits[spec.field.slice(7) as NumericLimit] = value as number;
    } else {
      values[spec.field as FieldName] = value;
    }
  }

  if (opts.requireMudlib !== false) {
    for (const key of REQUIRED_KEYS) {
      if (!firstSeen.has(key)) report('error', undefined, key, 'is missing (required)');
    }
  }

  const logDir = values.logDir as string | undefined;
  let debugLogFile: string | undefined;
  if (debugLogFileName !== undefined) {
    // As Neolith: the debug log lives in LogDir; without LogDir it goes to stderr.
    if (logDir === undefined) report('warning', debugLogLine, 'DebugLogFile', 'ignored because LogDir is not set; debug output goes to stderr');
    else debugLogFile = joinPosix(logDir, debugLogFileName);
  }

  const config: LapisConfig = {
    ...CONFIG_DEFAULTS,
    includeDirs: [],
    ...(values as Partial<LapisConfig>),
    configFile: fileName,
    configDir,
    mudlibDir: (values.mudlibDir as string | undefined) ?? configDir,
    debugLogFile,
    ports,
    limits,
  };
  Object.assign(limits, compatLimits(config));
  return { config, diagnostics };
}

/** The VM's view of the driver-compat keys (MudOS options.h: REVERSIBLE overrides SANE). */
export function compatLimits(
  c: Pick<LapisConfig, 'saneExplodeString' | 'reversibleExplodeString' | 'oldRangeBehavior' | 'oldTypeBehavior'>,
): Pick<Limits, 'explodeMode' | 'oldRangeBehavior' | 'oldTypeBehavior'> {
  const explodeMode = c.reversibleExplodeString ? 'reversible' : c.saneExplodeString ? 'sane' : 'old';
  return { explodeMode, oldRangeBehavior: c.oldRangeBehavior, oldTypeBehavior: c.oldTypeBehavior };
}

class ValueError {
  constructor(readonly message: string) {}
}

function parseValue(kind: ValueKind, raw: string, configDir: string): unknown {
  switch (kind) {
    case 'text':
      return raw;
    case 'host-dir':
      return joinPosix(configDir, raw);
    case 'file-name':
      return raw;
    case 'mudlib-path':
      return mudlibPath(raw);
    case 'mudlib-path-list': {
      const dirs: string[] = [];
      for (const part of raw.split(':')) {
        const trimmed = part.trim();
        if (trimmed === '') continue;
        const dir = mudlibPath(trimmed);
        if (dir instanceof ValueError) return dir;
        dirs.push(dir);
      }
      return dirs.length > 0 ? dirs : new ValueError(`expected one or more directories separated by ":", got ${shown(raw)}`);
    }
    case 'positive':
    case 'non-negative': {
      const n = /^\+?\d+$/.test(raw) ? Number(raw) : NaN;
      const min = kind === 'positive' ? 1 : 0;
      const what = kind === 'positive' ? 'a positive integer' : 'a non-negative integer';
      if (!Number.isSafeInteger(n) || n < min) return new ValueError(`expected ${what}, got ${shown(raw)}`);
      return n;
    }
    case 'boolean': {
      const v = BOOLEAN_WORDS[raw.toLowerCase()];
      return v ?? new ValueError(`expected yes or no, got ${shown(raw)}`);
    }
    case 'port':
      return parsePort(raw);
  }
}

const BOOLEAN_WORDS: Record<string, boolean | undefined> = {
  yes: true,
  true: true,
  on: true,
  '1': true,
  no: false,
  false: false,
  off: false,
  '0': false,
};

/** A path inside the mudlib: always starting with "/", never climbing above the root. */
function mudlibPath(raw: string): string | ValueError {
  const parts: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return new ValueError(`${shown(raw)} climbs out of the mudlib`);
      parts.pop();
    } else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** NUL, or U+FFFD (what reading invalid UTF-8 as text yields): the file is not a text config. */
const BINARY_TEXT = /[\0\uFFFD]/;

/** Longest piece of a config line quoted back in a message (a 2 MB line must not come back whole). */
const SHOWN_MAX = 60;

/** `text` as a message quotes it: control characters escaped, long text cut with its length. */
function shown(text: string, quote = true): string {
  const cut = text.length > SHOWN_MAX ? text.slice(0, SHOWN_MAX) : text;
  const safe = cut.replace(/[\x00-\x1f\x7f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
  const body = quote ? `"${safe}"` : safe;
  return text.length > SHOWN_MAX ? `${body}... (${text.length} characters)` : body;
}

function parsePort(raw: string): PortSpec | string {
  const m = /^(\d+)(?::(.*))?$/.exec(raw);
  if (!m) return `expected N or N:telnet|ascii|binary, got ${shown(raw)}`;
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return `port must be between 1 and 65535, got ${shown(m[1], false)}`;
  const kindText = (m[2] ?? 'telnet').toLowerCase();
  const kind = PORT_KINDS.find((k) => k === kindText);
  if (kind === undefined) {
    const hint = closest(kindText, PORT_KINDS);
    return `unknown port kind "${m[2]}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected telnet, ascii or binary`;
  }
  return { port, kind };
}

function closestKey(written: string): string | undefined {
  return closest(
    written.toLowerCase().replace(/[:=]+$/, ''),
    CONFIG_KEYS.map((k) => k.key),
  );
}

/** The candidate nearest to `word` (case-insensitive edit distance), if it is near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // The length difference bounds the distance from below: a far longer word
    // (a 2 MB line of junk) is no typo, and the quadratic distance would hang.
    if (Math.abs(w.length - c.length) > allowed) continue;
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** Levenshtein distance where swapping two adjacent letters ("MudNmae") counts as one edit. */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

// ------------------------------------------------------------------ posix paths

/** Normalises "a/./b/../c" to "a/c"; keeps a leading "/" and leading ".." of relative paths. */
export function normalizePosix(p: string): string {
  const absolute = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(seg);
  }
  const joined = parts.join('/');
  if (absolute) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** `base` joined with `p`, unless `p` is absolute. */
export function joinPosix(base: string, p: string): string {
  return normalizePosix(p.startsWith('/') ? p : `${base}/${p}`);
}

export function dirnamePosix(p: string): string {
  const n = normalizePosix(p);
  const slash = n.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return n.slice(0, slash);
}

// ----------------------------------------------------------------- command line

/** The parsed command line. */
export interface CommandLine {
  configFile: string | undefined;
  /** `-c`: stdin/stdout become user 0 through the master's connect(0). */
  console: boolean;
  /** `-D macro[=value]`, value "1" when omitted. */
  defines: Record<string, string>;
  debugLevel: number;
  /** `-e`: passed to the master's epilog(). */
  epilogLevel: number;
  traceFlags: number;
  /** `-p` (Neolith): tear everything down on shutdown, for leak checks. */
  pedantic: boolean;
  /** `-r` (Neolith): which timers (reset, heart_beat, call_out) run; undefined = all. */
  timerFlags: number | undefined;
  help: boolean;
  version: boolean;
  /** A positional `app.c args…`: run one LPC program as the master. */
  app: { path: string; args: string[] } | undefined;
  /** One line per problem; non-empty means the command line is unusable. */
  errors: string[];
}

type FlagSpec = { short: string; long: string; value?: string; help: string };

/** The flags, Neolith's letters with its long names where it has them. */
export const COMMAND_LINE_FLAGS = [
  { short: 'f', long: 'config', value: 'file', help: 'read this config file' },
  { short: 'c', long: 'console-mode', help: 'attach stdin/stdout as user 0 (console mode)' },
  { short: 'D', long: 'define', value: 'macro[=value]', help: 'predefine a preprocessor macro for every LPC file' },
  { short: 'd', long: 'debug', value: 'level', help: 'debug level' },
  { short: 'e', long: 'epilog', value: 'level', help: "epilog level passed to the master's epilog()" },
  { short: 't', long: 'trace', value: 'flags', help: 'trace flags (integer, 0x… allowed)' },
  { short: 'r', long: 'timers', value: 'flags', help: 'timer flags: which of reset, heart_beat, call_out run' },
  { short: 'p', long: 'pedantic', help: 'clean up everything on shutdown' },
  { short: 'h', long: 'help', help: 'print this help' },
  { short: 'V', long: 'version', help: 'print the version' },
] as const satisfies readonly FlagSpec[];

/** Usage text generated from the flag table. */
export function commandLineUsage(): string {
  const lines = ['usage: lapis [options] [app.c [args...]]'];
  for (const f of COMMAND_LINE_FLAGS as readonly FlagSpec[]) {
    const value = f.value ? ` ${f.value}` : '';
    // Two spaces at least between the flag column and its help, however long the flag.
    lines.push(`  -${f.short}${value}, --${f.long}${f.value ? '=' + f.value : ''}`.padEnd(38) + '  ' + f.help);
  }
  return lines.join('\n');
}

/**
 * Parses the arguments after the program name (process.argv.slice(2)).
 * getopt-style: short flags may be clustered (`-cf lapis.conf`) and take
 * their value attached (`-fconf`) or as the next argument; long flags take
 * `--name value` or `--name=value`; `--` ends the options. The first
 * positional argument is the app; everything after it belongs to the app.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const result: CommandLine = {
    configFile: undefined,
    console: false,
    defines: {},
    debugLevel: 0,
    epilogLevel: 0,
    traceFlags: 0,
    pedantic: false,
    timerFlags: undefined,
    help: false,
    version: false,
    app: undefined,
    errors: [],
  };
  const flags = COMMAND_LINE_FLAGS as readonly FlagSpec[];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const flag = flags.find((f) => f.long === name);
      if (flag === undefined) {
        const hint = closest(name, flags.map((f) => f.long));
        result.errors.push(`unknown option "--${name}"${hint ? ` (did you mean "--${hint}"?)` : ''}`);
        continue;
      }
      if (flag.value === undefined) {
        if (eq >= 0) result.errors.push(`option --${name} takes no value`);
        else applyFlag(result, flag, undefined, `--${name}`);
        continue;
      }
      let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) {
        result.errors.push(`option --${name} needs a value (${flag.value})`);
        continue;
      }
      applyFlag(result, flag, value, `--${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const flag = flags.find((f) => f.short === letter);
        if (flag === undefined) {
          result.errors.push(`unknown option "-${letter}"`);
          break;
        }
        if (flag.value === undefined) {
          applyFlag(result, flag, undefined, `-${letter}`);
          continue;
        }
        const attached = arg.slice(j + 1);
        const value = attached !== '' ? attached : argv[++i];
        if (value === undefined) result.errors.push(`option -${letter} needs a value (${flag.value})`);
        else applyFlag(result, flag, value, `-${letter}`);
        break;
      }
      continue;
    }
    break;
  }
  if (i < argv.length) result.app = { path: argv[i], args: argv.slice(i + 1) };
  return result;
}

function applyFlag(result: CommandLine, flag: FlagSpec, value: string | undefined, spelled: string): void {
  const integer = (v: string, what: string): number | undefined => {
    const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v.slice(2), 16) : /^\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isSafeInteger(n)) return n;
    result.errors.push(`option ${spelled}: expected ${what}, got "${v}"`);
    return undefined;
  };
  switch (flag.short) {
    case 'f':
      if (value === '') result.errors.push(`option ${spelled} needs a value (file)`);
      else result.configFile = value;
      return;
    case 'c':
      result.console = true;
      return;
    case 'D': {
      const eq = value!.indexOf('=');
      const name = eq < 0 ? value! : value!.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        result.errors.push(`option ${spelled}: "${name}" is not a macro name`);
        return;
      }
      result.defines[name] = eq < 0 ? '1' : value!.slice(eq + 1);
      return;
    }
    case 'd':
      result.debugLevel = integer(value!, 'a non-negative integer') ?? result.debugLevel;
      return;
    case 'e':
      result.epilogLevel = integer(value!, 'a non-negative integer') ?? result.epilogLevel;
      return;
    case 't':
      result.traceFlags = integer(value!, 'an integer (decimal or 0x hex)') ?? result.traceFlags;
      return;
    case 'r':
      result.timerFlags = integer(value!, 'an integer (decimal or 0x hex)') ?? result.timerFlags;
      return;
    case 'p':
      result.pedantic = true;
      return;
    case 'h':
      result.help = true;
      return;
    case 'V':
      result.version = true;
      return;
  }
}
