// The `lapis` command line (COMPAT.md "Config file"), parsed by
// driver/config.ts: `-f conf` boots a mudlib and serves its ports (server
// mode), `-c` adds the console as user 0, `-D macro[=v]`, `-d`, `-e`, `-t`;
// a positional `app.c args…` runs one LPC file as the master (app mode).
// Imports stay light so that app-mode boot-to-shutdown is fast: the network
// backend is loaded only for server mode.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeHost } from './host/node-host.js';
import { settleHeap } from './host/heap.js';
import { runApp } from './app.js';
import { commandLineUsage, parseCommandLine, parseConfigText, type CommandLine, type LapisConfig } from './config.js';

const VERSION = '0.1.0';

/** Reads and parses a config file; prints its diagnostics. Undefined when it has errors. */
function loadConfig(file: string, requireMudlib: boolean): LapisConfig | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`lapis: cannot read ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
  const parsed = parseConfigText(text, file, { cwd: process.cwd(), requireMudlib });
  let failed = false;
  for (const d of parsed.diagnostics) {
    process.stderr.write(`lapis: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}\n`);
    if (d.severity === 'error') failed = true;
  }
  return failed ? undefined : parsed.config;
}

/** App mode: the app file's directory is the mudlib; the config (optional) gives limits and includes. */
async function runAppMode(cmd: CommandLine, app: { path: string; args: string[] }): Promise<number> {
  const cfg = cmd.configFile ? loadConfig(cmd.configFile, false) : undefined;
  if (cmd.configFile && !cfg) return 1;
  const appFile = path.resolve(app.path);
  if (!fs.existsSync(appFile)) {
    process.stderr.write(`lapis: ${app.path}: no such file\n`);
    return 2;
  }
  const root = path.dirname(appFile);
  // The compile cache lives in SaveBinaryDir (as Neolith's binaries did) or LAPIS_CACHE_DIR.
  const cacheDir = process.env.LAPIS_CACHE_DIR
    ? path.resolve(process.env.LAPIS_CACHE_DIR)
    : cfg?.saveBinaryDir ? path.join(root, cfg.saveBinaryDir.replace(/^\/+/, '')) : undefined;
  const host = new NodeHost(root, cacheDir);
  return runApp({
    host,
    appPath: '/' + path.basename(appFile),
    args: app.args,
    limits: cfg?.limits,
    defines: cmd.defines,
    includeDirs: cfg?.includeDirs ?? [],
    globalInclude: cfg?.globalInclude,
    simulEfunFile: cfg?.simulEfunFile,
    afterBoot: settleHeap,
  });
}

export async function main(argv: string[]): Promise<number> {
  const cmd = parseCommandLine(argv);
  if (cmd.errors.length) {
    for (const e of cmd.errors) process.stderr.write(`lapis: ${e}\n`);
    process.stderr.write(`${commandLineUsage()}\n`);
    return 2;
  }
  if (cmd.help) {
    process.stdout.write(`${commandLineUsage()}\n`);
    return 0;
  }
  if (cmd.version) {
    process.stdout.write(`lapis ${VERSION}\n`);
    return 0;
  }
  if (cmd.app) return runAppMode(cmd, cmd.app);
  if (!cmd.configFile) {
    process.stderr.write(`lapis: give a config file (-f file.conf) or an app.c to run\n${commandLineUsage()}\n`);
    return 2;
  }
  const { runServer } = await import('./backend/server.js');
  return runServer(cmd);
}
