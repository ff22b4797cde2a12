#!/usr/bin/env node
// Runs the conformance cases (tests/conformance/<area>/<name>.c with a .expected)
// on a Neolith binary and lists where its output differs from ours, as an
// outside check of the expected files (COMPAT.md: behave as Neolith does unless
// the MudOS testsuite says otherwise or Neolith has a plain bug).
//
// Each case's area directory is copied to a temp mudlib and Neolith loads the
// case from a master of its own (neolith-run.mjs). So a case
// that relies on being the master itself (master applies, app-mode call_outs
// after create) differs for that reason alone, and Neolith cannot compile the
// FluffOS syntax Lapis accepts. Most other differences are deliberate (see
// COMPAT.md): MudOS's "*" error prefix and %O layout, 64-bit ints, code-point
// strings, Neolith bugs Lapis fixes. Read a difference before changing a case.
//
// usage: node scripts/neolith-oracle.mjs /path/to/neolith [--only area/name-substring] [--json out.json]
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnNeolith } from './neolith-run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const casesDir = join(root, 'tests', 'conformance');
const args = process.argv.slice(2);
const neolith = args[0];
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!neolith || !existsSync(neolith)) {
  console.error('usage: node scripts/neolith-oracle.mjs /path/to/neolith [--only substring] [--json out.json]');
  process.exit(2);
}
const only = opt('--only');

/** Neolith's output for one case, run in a copy of its area directory. */
function runCase(area, name) {
  const lib = mkdtempSync(join(tmpdir(), 'lapis-oracle-'));
  try {
    cpSync(join(casesDir, area), lib, { recursive: true });
    return runOnNeolith(neolith, lib, name);
  } finally {
    rmSync(lib, { recursive: true, force: true });
  }
}

const results = [];
for (const area of readdirSync(casesDir).sort()) {
  const dir = join(casesDir, area);
  if (!statSync(dir).isDirectory()) continue;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.c')) continue;
    const name = f.slice(0, -2);
    if (!existsSync(join(dir, `${name}.expected`))) continue;
    if (only && !`${area}/${name}`.includes(only)) continue;
    const expected = readFileSync(join(dir, `${name}.expected`), 'utf8');
    const got = runCase(area, name);
    results.push({ case: `${area}/${name}`, same: got === expected, expected, neolith: got });
  }
}

for (const r of results) {
  if (r.same) continue;
  const a = r.expected.split('\n');
  const b = r.neolith.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.log(`DIFF ${r.case.padEnd(36)} line ${i + 1}: ours ${JSON.stringify((a[i] ?? '<end>').slice(0, 60))} neolith ${JSON.stringify((b[i] ?? '<end>').slice(0, 60))}`);
}
console.log(`${results.filter((r) => r.same).length} of ${results.length} cases give the same output on Neolith`);
const json = opt('--json');
if (json) writeFileSync(json, JSON.stringify(results, null, 1));
