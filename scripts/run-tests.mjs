#!/usr/bin/env node
// Runs every test suite (the C++ unit tests of native/, then vitest) and ends
// with one plain line "N passed, N failed", which CI reads. Vitest's own summary
// is for people; the JSON report is what we count.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;

// 0. Tests that spawn bin/lapis run the built JavaScript in dist/ (bundled
// into dist/driver/lapis.mjs): rebuild both first so they never run stale
// code (tsc 7 takes about a second, the bundle a fraction of one).
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], {
  cwd: root, stdio: 'inherit',
});
if (tsc.status !== 0) {
  console.log('FAIL build: tsc reported errors');
  failed += 1;
} else {
  const bundle = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
  if (bundle.status !== 0) {
    console.log('FAIL build: scripts/bundle.mjs failed');
    failed += 1;
  }
}

// 1. Native C++ unit tests. The executable prints "PASS name"/"FAIL name" lines.
const nativeCandidates = ['build/Release/lapis_native_tests', 'build/lapis_native_tests'];
const nativeBin = nativeCandidates.map((p) => join(root, p)).find((p) => existsSync(p));
if (!nativeBin) {
  console.log('FAIL native: test executable not built (run `npm run build:native`)');
  failed += 1;
} else {
  const run = spawnSync(nativeBin, [], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  const lines = (run.stdout ?? '').split('\n');
  const p = lines.filter((l) => l.startsWith('PASS ')).length;
  const f = lines.filter((l) => l.startsWith('FAIL ')).length;
  passed += p;
  failed += f;
  if (run.status !== 0 && f === 0) {
    console.log(`FAIL native: test executable exited with ${run.status ?? run.signal}`);
    failed += 1;
  }
}

// 2. Vitest suites, counted from the JSON report.
mkdirSync(join(root, 'test-results'), { recursive: true });
const jsonOut = join(root, 'test-results', 'vitest.json');
const extra = process.argv.slice(2);
const vitest = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonOut}`, ...extra],
  { cwd: root, stdio: 'inherit' },
);
if (existsSync(jsonOut)) {
  const report = JSON.parse(readFileSync(jsonOut, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that fails to load has no tests to count; count it as one failure.
  const brokenSuites = (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  failed += brokenSuites;
} else {
  console.log('FAIL vitest: no report written');
  failed += 1;
}
if (vitest.status !== 0 && failed === 0) failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
