#!/usr/bin/env node
// Runs the conformance cases (tests/conformance/<area>/<name>.c with a .expected)
// on a Neolith binary and lists where its output differs from ours, as an
// outside check of the expected files (COMPAT.md: behave as Neolith does unless
// the MudOS testsuite says otherwise or Neolith has a plain bug).
//
// Each case's area directory is copied to a temp mudlib with a master whose
// logon() loads the case, and Neolith runs it in console mode
// (`neolith -c master.c`): write() then reaches the console user. So a case
// that relies on being the master itself (master applies, app-mode call_outs
// after create) differs for that reason alone, and Neolith cannot compile the
// FluffOS syntax Lapis accepts. Most other differences are deliberate (see
// COMPAT.md): MudOS's "*" error prefix and %O layout, 64-bit ints, code-point
// strings, Neolith bugs Lapis fixes. Read a difference before changing a case.
//
// usage: node scripts/neolith-oracle.mjs /path/to/neolith [--only area/name-substring] [--json out.json]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Neolith's console output for one case (CR LF turned into LF, its log lines dropped). */
function runOnNeolith(area, name) {
  const lib = mkdtempSync(join(tmpdir(), 'lapis-oracle-'));
  try {
    cpSync(join(casesDir, area), lib, { recursive: true });
    // Objects the master loads get the backbone uid, so they take the loader's euid.
    writeFileSync(join(lib, '__oracle_master.c'), `void create() { seteuid(getuid()); }
string creator_file(string file) { return "Backbone"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
int valid_seteuid(object ob, string uid) { return 1; }
int valid_read(string file, mixed user, string fn) { return 1; }
int valid_write(string file, mixed user, string fn) { return 1; }
object connect(int port) { return this_object(); }
void logon() {
  string err = catch(load_object("/${name}"));
  if (err) write("LOAD ERROR: " + err);
  shutdown(0);
}
`);
    let out;
    try {
      out = execFileSync(neolith, ['-c', join(lib, '__oracle_master.c')], {
        input: '', timeout: 30_000, encoding: 'latin1', stdio: ['pipe', 'pipe', 'ignore'],
      });
    } catch (e) {
      out = `RUN FAILED ${e.stdout ?? ''}`;
    }
    const text = Buffer.from(out, 'latin1').toString('utf8');
    return text.split('\n').filter((l) => !l.startsWith('["WARN"')).join('\n').replace(/\r/g, '');
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
    const got = runOnNeolith(area, name);
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
