// The `lapis` command line (COMPAT.md "Config file"): `-f conf`, `-D macro[=v]`
// and a positional `app.c args…` that runs one LPC file as the master (app
// mode). Other modes (console `-c`, the network backend) plug in here later.
// Imports stay light so that boot-to-shutdown is fast.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeHost } from './host/node-host.js';
import { runApp } from './app.js';
import { DEFAULT_LIMITS, type Limits } from './vm/runtime-api.js';

interface CliOptions {
  configFile?: string;
  defines: Record<string, string>;
  app?: string;
  appArgs: string[];
}

const USAGE = 'usage: lapis [-f file.conf] [-D macro[=value]] app.c [args...]';

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { defines: {}, appArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (o.app) {
      o.appArgs.push(a);
      continue;
    }
    if (a === '-f') o.configFile = argv[++i];
    else if (a.startsWith('-f') && a.length > 2) o.configFile = a.slice(2);
    else if (a === '-D' || (a.startsWith('-D') && a.length > 2)) {
      const def = a === '-D' ? argv[++i] : a.slice(2);
      const eq = def.indexOf('=');
      if (eq < 0) o.defines[def] = '1';
      else o.defines[def.slice(0, eq)] = def.slice(eq + 1);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else o.app = a;
  }
  return o;
}

/** Config keys app mode uses (Neolith spelling, case-insensitive) → Limits fields. */
const LIMIT_KEYS: Record<string, keyof Limits> = {
  maxevaluationcost: 'maxEvaluationCost',
  maxcalldepth: 'maxCallDepth',
  maxarraysize: 'maxArraySize',
  maxmappingsize: 'maxMappingSize',
  maxstringlength: 'maxStringLength',
  maxbuffersize: 'maxBufferSize',
  maxreadfilesize: 'maxReadFileSize',
  maxbytetransfer: 'maxByteTransfer',
  maxinheritdepth: 'maxInheritDepth',
};

interface AppConfig {
  limits: Partial<Limits>;
  mudlibDir?: string;
  includeDirs: string[];
  globalInclude?: string;
  simulEfunFile?: string;
  /** SaveBinaryDir: where compiled programs are cached (mudlib-relative). */
  cacheDir?: string;
}

/** Reads the config keys app mode needs (`Key value`, `#` comments). */
function readConfig(file: string): AppConfig {
  const text = fs.readFileSync(file, 'utf8');
  const cfg: AppConfig = { limits: {}, includeDirs: [] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const m = /^(\S+)\s*:?\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase().replace(/:$/, '');
    const value = m[2].trim();
    const limit = LIMIT_KEYS[key];
    if (limit) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`${file}: ${m[1]} needs a number, got "${value}"`);
      cfg.limits[limit] = n as never;
    } else if (key === 'mudlibdir') cfg.mudlibDir = path.resolve(path.dirname(file), value);
    else if (key === 'includedir') cfg.includeDirs.push(...value.split(':').filter(Boolean));
    else if (key === 'globalinclude') cfg.globalInclude = value;
    else if (key === 'simulefunfile') cfg.simulEfunFile = value;
    else if (key === 'savebinarydir') cfg.cacheDir = value;
  }
  return cfg;
}

export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`lapis: ${(e as Error).message}\n`);
    return 2;
  }
  if (!opts.app) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const cfg: AppConfig = opts.configFile ? readConfig(opts.configFile) : { limits: {}, includeDirs: [] };
  const appFile = path.resolve(opts.app);
  if (!fs.existsSync(appFile)) {
    process.stderr.write(`lapis: ${opts.app}: no such file\n`);
    return 2;
  }
  const root = path.dirname(appFile);
  // The compile cache lives in SaveBinaryDir (as Neolith's binaries did) or LAPIS_CACHE_DIR.
  const cacheDir = process.env.LAPIS_CACHE_DIR
    ? path.resolve(process.env.LAPIS_CACHE_DIR)
    : cfg.cacheDir ? path.join(root, cfg.cacheDir.replace(/^\/+/, '')) : undefined;
  const host = new NodeHost(root, cacheDir);
  return runApp({
    host,
    appPath: '/' + path.basename(appFile),
    args: opts.appArgs,
    limits: { ...DEFAULT_LIMITS, ...cfg.limits },
    defines: opts.defines,
    includeDirs: cfg.includeDirs,
    globalInclude: cfg.globalInclude,
    simulEfunFile: cfg.simulEfunFile,
  });
}
