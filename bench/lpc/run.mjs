#!/usr/bin/env node
// Runs the portable LPC benchmark suite (../shared/bench/lpc by default, or
// --suite DIR / LAPIS_BENCH_SUITE) on the built driver (dist/, `npm run
// build:ts`): copies the suite into a temp mudlib as /bench/, writes a master
// app and bench.conf with raised limits, runs `bin/lapis -f bench.conf app.c`
// (with the node flags on bin/lapis's shebang line, as the command runs)
// in 3 fresh processes, and prints the median per benchmark as
//     BENCH <name> <ms>
// plus the geometric mean and the ratio to Neolith's figures. Every CHECK
// checksum must match the suite README's table; a mismatch fails the run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lapisCommand } from '../driver-command.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const suite = resolve(opt('--suite', process.env.LAPIS_BENCH_SUITE ?? join(root, '..', 'shared', 'bench', 'lpc')));
const runs = Number(opt('--runs', '3'));
/** --warm N: also report each benchmark's N-th consecutive run in one process (JIT warmed up; informational). */
const warm = Number(opt('--warm', '0'));
/**
 * --neolith BIN (or LAPIS_NEOLITH): also run a Neolith binary on the same
 * suite, one Neolith process after each Lapis process, and print the
 * same-machine ratios beside the README's reference figures (this machine's
 * speed drifts by up to ~1.5x over a day: the reference figures alone can
 * mislead).
 */
const neolithBin = opt('--neolith', process.env.LAPIS_NEOLITH);
if (neolithBin && !existsSync(neolithBin)) {
  console.error(`bench: no Neolith binary at ${neolithBin}`);
  process.exit(2);
}

/** Neolith reference figures (CPU ms, median of 3; ../shared/bench/README.md). */
const NEOLITH = { fib: 38, loop: 114, string: 66, array: 238, mapping: 150, call_other: 53, clone: 11, funcptr: 121 };

if (!existsSync(join(suite, 'harness.c'))) {
  console.error(`bench: suite not found at ${suite} (pass --suite DIR or set LAPIS_BENCH_SUITE)`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'driver', 'lapis.mjs'))) {
  console.error('bench: dist/ is missing; run `npm run build:ts` first');
  process.exit(2);
}

// Expected checksums from the suite README: | `b_fib.c` | fib | ... | 196418 |
const expected = {};
for (const line of readFileSync(join(suite, 'README.md'), 'utf8').split('\n')) {
  const m = /^\|\s*`b_\w+\.c`.*?\|\s*(\w+)\s*\|.*\|\s*([0-9][0-9,]*)\b[^|]*\|\s*$/.exec(line);
  if (m) expected[m[1]] = m[2].replace(/,/g, '');
}

const mudlib = mkdtempSync(join(tmpdir(), 'lapis-bench-'));
mkdirSync(join(mudlib, 'bench'));
cpSync(suite, join(mudlib, 'bench'), { recursive: true });
writeFileSync(join(mudlib, 'app.c'), `// Benchmark master: loads the harness, which schedules run_all().
string creator_file(string file) { return "bench"; }
int valid_seteuid(object ob, string uid) { return 1; }
int valid_write(string file, mixed ob, string fn) { return 1; }
int valid_read(string file, mixed ob, string fn) { return 1; }
void create() { load_object("/bench/harness"); }
`);
const mudlib0 = mudlib;
writeFileSync(join(mudlib, 'bench.conf'), `# Limits the LPC suite needs (bench/lpc/README.md)
MaxEvaluationCost 200000000
MaxArraySize 60000
MaxMappingSize 30000
MaxStringLength 400000
MaxCallDepth 150
`);

/** The machine's load average (Linux), printed with the figures: CPU times grow on a busy machine. */
const loadavg = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
};
const loadBefore = loadavg();

const results = {}; // name -> ms[]
const checks = {};
let failed = false;

/** Reads `BENCH name ms` / `CHECK name sum` / `ERROR ...` lines into the given tables; false on an ERROR line. */
function collect(text, into, sums, who) {
  let ok = true;
  for (const line of text.split('\n')) {
    let m;
    if ((m = /^BENCH (\S+) (-?\d+)/.exec(line))) (into[m[1]] ??= []).push(Number(m[2]));
    else if ((m = /^CHECK (\S+) (\S+)/.exec(line))) (sums[m[1]] ??= new Set()).add(m[2]);
    else if (line.startsWith('ERROR')) {
      console.error(`bench: ${who}: ${line}`);
      ok = false;
    }
  }
  return ok;
}

// Neolith's mudlib: the same suite under /bench/, a master whose epilog()
// preloads the harness, and a config with the limits the suite needs.
const neolith = neolithBin ? { results: {}, checks: {}, dir: mkdtempSync(join(tmpdir(), 'lapis-bench-neolith-')) } : undefined;
if (neolith) {
  const lib = join(neolith.dir, 'mudlib');
  mkdirSync(join(lib, 'bench'), { recursive: true });
  cpSync(suite, join(lib, 'bench'), { recursive: true });
  writeFileSync(join(lib, 'master.c'), `string creator_file(string file) { return "Root"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Root"; }
int valid_seteuid(object ob, string uid) { return 1; }
int valid_read(string file, mixed user, string fn) { return 1; }
int valid_write(string file, mixed user, string fn) { return 1; }
string *epilog(int load_empty) { return ({ "/bench/harness" }); }
void preload(string file) {
  string err = catch(load_object(file));
  if (err) debug_message("ERROR preload " + file + ": " + err + "\n");
}
`);
  writeFileSync(join(lib, 'simul_efun.c'), '');
  writeFileSync(join(neolith.dir, 'bench.conf'), `MudName LapisBenchNeolith
MudlibDir ${lib}
MasterFile /master.c
SimulEfunFile /simul_efun.c
IncludeDir /
MaxEvaluationCost 200000000
MaxArraySize 60000
MaxMappingSize 30000
MaxStringLength 400000
MaxBufferSize 400000
MaxReadFileSize 400000
StackSize 10000
MaxCallDepth 150
`);
}

for (let r = 0; r < runs; r++) {
  const p = spawnSync(...lapisCommand(['-f', join(mudlib, 'bench.conf'), join(mudlib, 'app.c')]), {
    encoding: 'utf8', timeout: 300_000,
  });
  if (p.status !== 0) {
    console.error(`bench: run ${r + 1} exited with ${p.status ?? p.signal}\n${p.stderr}`);
    failed = true;
  }
  if (!collect(p.stdout, results, checks, 'lapis')) failed = true;
  if (p.stderr.trim()) process.stderr.write(p.stderr);
  if (neolith) {
    // No network port in the config: Neolith runs the harness and shuts down.
    const q = spawnSync(neolithBin, ['-f', join(neolith.dir, 'bench.conf')], {
      encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (!collect(`${q.stdout}\n${q.stderr}`, neolith.results, neolith.checks, 'neolith') || !/^DONE/m.test(q.stdout + q.stderr)) {
      console.error(`bench: Neolith run ${r + 1} did not finish (exit ${q.status ?? q.signal})`);
      failed = true;
    }
  }
}
// Warm figures: the same run() repeated in one process; the last repetition is reported.
if (warm > 0) {
  const wl = mkdtempSync(join(tmpdir(), 'lapis-bench-warm-'));
  mkdirSync(join(wl, 'bench'));
  cpSync(suite, join(wl, 'bench'), { recursive: true });
  writeFileSync(join(wl, 'bench.conf'), readFileSync(join(mudlib0, 'bench.conf')));
  writeFileSync(join(wl, 'app.c'), `string creator_file(string file) { return "bench"; }
int valid_seteuid(object ob, string uid) { return 1; }
int cpu() { mapping r = rusage(); return r["utime"] + r["stime"]; }
void create() {
  seteuid(getuid());
  foreach (string name in ({ ${Object.keys(NEOLITH).map((n) => JSON.stringify(n)).join(', ')} })) {
    object ob = load_object("/bench/b_" + name);
    int ms;
    for (int i = 0; i < ${warm}; i++) {
      int t0;
      reset_eval_cost();
      t0 = cpu();
      ob->run();
      ms = cpu() - t0;
    }
    write("WARM " + name + " " + ms + "\n");
  }
}
`);
  const p = spawnSync(...lapisCommand(['-f', join(wl, 'bench.conf'), join(wl, 'app.c')]), { encoding: 'utf8', timeout: 600_000 });
  process.stdout.write(p.stdout.split('\n').filter((l) => l.startsWith('WARM')).map((l) => {
    const [, name, ms] = l.split(' ');
    return `${l}  (neolith ${NEOLITH[name]}; ${(NEOLITH[name] / Math.max(Number(ms), 0.5)).toFixed(2)}x)\n`;
  }).join(''));
  if (p.stderr.trim()) process.stderr.write(p.stderr);
  rmSync(wl, { recursive: true, force: true });
}

rmSync(mudlib, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let logSum = 0;
let logRatio = 0;
let n = 0;
for (const name of Object.keys(NEOLITH)) {
  const xs = results[name];
  if (!xs) {
    console.log(`BENCH ${name} MISSING`);
    failed = true;
    continue;
  }
  const ms = median(xs);
  const got = [...(checks[name] ?? [])];
  const ok = got.length === 1 && got[0] === expected[name];
  if (!ok) failed = true;
  const ratio = NEOLITH[name] / Math.max(ms, 0.5);
  console.log(`BENCH ${name} ${ms}  (runs ${xs.join('/')}; neolith ${NEOLITH[name]}; ${ratio.toFixed(2)}x; check ${ok ? 'ok' : `WRONG ${got.join(',')} != ${expected[name]}`})`);
  logSum += Math.log(Math.max(ms, 0.5));
  logRatio += Math.log(ratio);
  n++;
}
if (neolith) {
  // Same machine, same time: Lapis's medians against Neolith's.
  let logHere = 0;
  let nHere = 0;
  for (const name of Object.keys(NEOLITH)) {
    const ours = results[name];
    const theirs = neolith.results[name];
    if (!ours || !theirs) continue;
    const sums = [...(neolith.checks[name] ?? [])];
    const ok = sums.length === 1 && sums[0] === expected[name];
    const ratio = median(theirs) / Math.max(median(ours), 0.5);
    console.log(`NEOLITH_HERE ${name} ${median(theirs)}  (runs ${theirs.join('/')}; lapis ${median(ours)}; ${ratio.toFixed(2)}x; check ${ok ? 'ok' : `WRONG ${sums.join(',')}`})`);
    logHere += Math.log(ratio);
    nHere++;
  }
  if (nHere) console.log(`VS_NEOLITH_HERE ${Math.exp(logHere / nHere).toFixed(2)}x faster (geometric mean, Neolith run on this machine)`);
  rmSync(neolith.dir, { recursive: true, force: true });
}
console.log(`LOADAVG ${loadBefore} -> ${loadavg()}`);
if (n) {
  console.log(`GEOMEAN ${Math.exp(logSum / n).toFixed(1)} ms`);
  console.log(`VS_NEOLITH ${Math.exp(logRatio / n).toFixed(2)}x faster (geometric mean of per-benchmark ratios)`);
}
process.exit(failed ? 1 : 0);
