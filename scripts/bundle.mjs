#!/usr/bin/env node
// Bundles the built driver (dist/driver/cli.js and every module it imports)
// into one ES module, dist/driver/lapis.mjs, which bin/lapis loads. Node 20
// resolves, reads, compiles and links each of the driver's ~120 ES modules on
// its own: ~80 ms of an empty app's ~185 ms from start to exit, against ~30 ms
// for the one file (README target: under 150 ms). Runs after tsc (npm run
// build:ts); the modules in dist/ stay for the tests and scripts that import
// them one by one.
//
// The bundle sits in dist/driver/ like cli.js, so paths that modules resolve
// from import.meta.url (the native addon under build/, better-sqlite3 under
// node_modules/) resolve the same. better-sqlite3 stays outside: a CommonJS
// package with a native binding, loaded with require() where it is used.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'driver', 'cli.js');
if (!existsSync(entry)) {
  console.error(`bundle: ${entry} is missing; run tsc first (npm run build:ts)`);
  process.exit(2);
}

const result = await build({
  entryPoints: [entry],
  outfile: join(root, 'dist', 'driver', 'lapis.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // The JS stack of a driver crash maps back to the TypeScript (node --enable-source-maps).
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (result.errors.length || result.warnings.length) process.exit(1);
