// Server mode of the `lapis` command line: read and check the config file,
// boot its mudlib on a Driver, serve its ports (and the console with -c)
// until shutdown. Kept apart from driver.ts so that the Driver stays usable
// in-process without any of the command line's concerns.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeHost } from '../host/node-host.js';
import { settleHeap } from '../host/heap.js';
import { parseConfigText } from '../config.js';
import { Driver } from './driver.js';

/** What `lapis -f conf [-c] [-D …] [-e n] [-d n] [-t n]` asks for (driver/config.ts CommandLine). */
export interface ServerCommand {
  configFile: string | undefined;
  console: boolean;
  defines: Record<string, string>;
  epilogLevel: number;
  debugLevel: number;
  traceFlags: number;
}

/**
 * Boots the mudlib of a config file and serves its ports (and the console
 * with -c) until shutdown; resolves to the exit code. Config warnings are
 * printed and ignored; config errors (each naming its line) stop here.
 */
export async function runServer(cmd: ServerCommand, io: { stderr: (t: string) => void } = { stderr: (t) => process.stderr.write(t) }): Promise<number> {
  if (!cmd.configFile) {
    io.stderr('lapis: no config file: use -f file.conf (or give an app.c to run)\n');
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(cmd.configFile, 'utf8');
  } catch (e) {
    io.stderr(`lapis: cannot read ${cmd.configFile}: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseConfigText(text, cmd.configFile, { cwd: process.cwd() });
  let failed = false;
  for (const d of parsed.diagnostics) {
    io.stderr(`lapis: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}\n`);
    if (d.severity === 'error') failed = true;
  }
  if (failed) return 1;
  const config = parsed.config;
  const mudlibStat = fs.statSync(config.mudlibDir, { throwIfNoEntry: false });
  if (!mudlibStat?.isDirectory()) {
    io.stderr(`lapis: ${cmd.configFile}: MudlibDir ${config.mudlibDir} ${mudlibStat ? 'is not a directory' : 'does not exist'}\n`);
    return 1;
  }
  const cacheDir = process.env.LAPIS_CACHE_DIR
    ? path.resolve(process.env.LAPIS_CACHE_DIR)
    : config.saveBinaryDir ? path.join(config.mudlibDir, config.saveBinaryDir.replace(/^\/+/, '')) : undefined;
  const host = new NodeHost(config.mudlibDir, cacheDir);
  if (config.debugLogFile) {
    // LogDir is a mudlib directory in Neolith ("LogDir /log"), so the debug log lives under the mudlib.
    const logFile = path.join(config.mudlibDir, config.debugLogFile.replace(/^\/+/, ''));
    try {
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      host.stderr = (t: string) => {
        try {
          fs.appendFileSync(logFile, t);
        } catch {
          process.stderr.write(t);
        }
      };
      if (!cmd.console) io.stderr(`lapis: driver log in ${logFile}\n`);
    } catch {
      // An unwritable log directory leaves the log on stderr.
    }
  }
  let driver: Driver;
  try {
    driver = await Driver.start({
      config,
      host,
      console: cmd.console,
      defines: cmd.defines,
      epilogLevel: cmd.epilogLevel,
    });
  } catch (e) {
    io.stderr(`lapis: ${(e as Error).message}\n`);
    return 1;
  }
  settleHeap();
  driver.rt.config.debugLevel = cmd.debugLevel;
  driver.rt.config.traceFlags = cmd.traceFlags;
  if (!cmd.console) {
    for (const p of driver.ports) io.stderr(`lapis: ${config.mudName} accepting ${p.kind} connections on port ${p.bound}\n`);
  }
  const onSignal = () => void driver.stop(0);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const code = await driver.exited;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  return code;
}
