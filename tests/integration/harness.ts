// Shared pieces of the integration tests: copies of fixture mudlibs in temp
// directories (drivers write into their mudlib), in-process drivers on a
// free loopback port, and cleanup.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfigText } from '../../driver/config.js';
import { Driver } from '../../driver/backend/driver.js';
import { root } from '../backend/cli-build.js';
import type { PortKind } from '../../driver/net/telnet.js';

export const SMOKE_MUDLIB = join(root, 'tests/fixtures/smoke_mudlib');
export const BUNDLED_MUDLIB = join(root, 'mudlib');

const dirs: string[] = [];
const drivers: Driver[] = [];

/** Copies a mudlib directory (or writes a map of files) into a fresh temp dir. */
export function tempMudlib(source: string | Record<string, string>, name = 'lapis-it-'): string {
  const dir = mkdtempSync(join(tmpdir(), name));
  dirs.push(dir);
  if (typeof source === 'string') cpSync(source, dir, { recursive: true });
  else {
    for (const [file, text] of Object.entries(source)) {
      const full = join(dir, file);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, text);
    }
  }
  return dir;
}

/** Writes a config file for console runs: the given one with its Port lines dropped. */
export function consoleConfig(dir: string, conf: string): string {
  const out = join(dir, 'console-' + conf);
  writeFileSync(out, readFileSync(join(dir, conf), 'utf8').replace(/^Port.*$/gm, ''));
  return out;
}

/** Starts an in-process driver on 127.0.0.1 port 0 for a mudlib dir and its config file. */
export async function startDriver(dir: string, conf: string, kind: PortKind = 'telnet', extra = ''): Promise<{ driver: Driver; port: number; log: string[] }> {
  const file = join(dir, conf);
  const parsed = parseConfigText(readFileSync(file, 'utf8') + '\n' + extra + '\n', file);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('\n'));
  const log: string[] = [];
  const driver = await Driver.start({
    config: parsed.config,
    ports: [{ port: 0, kind }],
    address: '127.0.0.1',
    reverseDns: false,
    log: (t) => log.push(t),
  });
  drivers.push(driver);
  return { driver, port: driver.ports[0]!.bound, log };
}

/** Stops every driver started here and removes temp dirs (afterEach/afterAll). */
export async function cleanup(): Promise<void> {
  for (const d of drivers.splice(0)) await d.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
