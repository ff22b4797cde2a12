// Wires the Node worker services into a runtime's completion queue
// (driver/vm/async-completions.ts): "files" (libuv thread pool, sandboxed
// below a NodeHost's root) and "db" (one better-sqlite3 worker thread). HTTP
// needs no service here: driver/efuns/http.ts defaults to fetch().
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { NodeHost } from '../../host/node-host.js';
import type { Runtime } from '../../vm/runtime.js';
import type { MudlibHost } from '../../vm/host.js';
import { asyncOf } from '../../vm/async-completions.js';
import { NodeFileService } from './file-worker.js';
import { SqliteService } from './sqlite-worker.js';

let sqliteAvailable: boolean | undefined;

/**
 * Whether better-sqlite3 and its native build are installed. Its usual build
 * output (node-gyp's build/Release or build/Debug) is looked for without
 * loading the package, which would add 5-15 ms to every start of the driver;
 * other layouts are checked by loading it. A native build that is there but
 * does not load is reported by the db efuns themselves (the worker's load
 * error, sqlite-worker.ts).
 */
export function hasSqlite(): boolean {
  if (sqliteAvailable === undefined) {
    const require = createRequire(import.meta.url);
    try {
      const dir = path.dirname(require.resolve('better-sqlite3/package.json'));
      sqliteAvailable = ['Release', 'Debug'].some((b) => fs.existsSync(path.join(dir, 'build', b, 'better_sqlite3.node')));
      if (!sqliteAvailable) {
        require('better-sqlite3');
        sqliteAvailable = true;
      }
    } catch {
      sqliteAvailable = false;
    }
  }
  return sqliteAvailable;
}

/** FluffOS-style package predefines for what this host provides. */
export function packagePredefines(): Record<string, string> {
  const d: Record<string, string> = { __PACKAGE_ASYNC__: '', __PACKAGE_PCRE__: '', __PACKAGE_CURL__: '' };
  if (hasSqlite()) Object.assign(d, { __PACKAGE_DB__: '', __USE_SQLITE3__: '1', __DEFAULT_DB__: '1' });
  return d;
}

/** Registers the Node services; the database resolves files like NodeHost (in-memory hosts get ":memory:" only). */
export function installNodeWorkers(rt: Runtime, host: MudlibHost = rt.host): void {
  const q = asyncOf(rt);
  if (host instanceof NodeHost) q.provide('files', new NodeFileService(host.root));
  if (hasSqlite()) {
    const resolve = host instanceof NodeHost ? (p: string) => host.resolve(p) : () => undefined;
    q.provide('db', new SqliteService(resolve));
  }
}

/** Stops worker threads (driver shutdown). */
export async function shutdownWorkers(rt: Runtime): Promise<void> {
  for (const s of asyncOf(rt).allServices()) {
    if (s instanceof SqliteService) await s.shutdown();
  }
}
