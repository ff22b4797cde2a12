#!/usr/bin/env node
// Runs every benchmark suite in turn, each in its own process: the LPC suite
// (bench/lpc), the native runtime (bench/runtime) and the network echo check
// (bench/net). Pass suite names to run only some: `npm run bench -- lpc net`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SUITES = ['lpc', 'runtime', 'net'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !SUITES.includes(w));
if (unknown.length) {
  console.error(`bench: unknown suite ${unknown.join(', ')} (have: ${SUITES.join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const suite of wanted.length ? wanted : SUITES) {
  console.log(`== bench/${suite}`);
  const r = spawnSync(process.execPath, [join(here, suite, 'run.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`bench/${suite} exited with ${r.status ?? r.signal}`);
    failed += 1;
  }
}
process.exit(failed ? 1 : 0);
