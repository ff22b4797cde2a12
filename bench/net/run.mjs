#!/usr/bin/env node
// The network benchmark (issue 5 part 12): boots the built driver (dist/,
// `npm run build:ts`) as a child process with a tiny echo mudlib on a free
// loopback port, then drives it with telnet clients from this process:
//
//   1 client          sequential echo commands: cmds/s, RTT p50/p99
//   200 clients x 20  every client sends, waits for its reply, sends the next
//   1000 clients      the same shape with 1,000 connections open
//   idle CPU          1,000 connected idle clients, server CPU over 10 s
//
// Each result is one parseable line:
//   NET <name> cmds_per_s=<n> p50_ms=<x> p99_ms=<x> ref_fluffos=... ref_neolith=...
//   NET idle_cpu clients=1000 cpu_pct=<x> seconds=10
// Options: --quick (shorter runs), --idle-seconds N, --clients-max N,
// --per-client N (commands per client in the 200-client run, default 20),
// --warmup N (unmeasured commands per client before each run, default 20),
// --threads N (client worker threads, default 2).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { ClientPool } from './clients.mjs';
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
const quick = args.includes('--quick');
const idleSeconds = Number(opt('--idle-seconds', quick ? '3' : '10'));
const bigClients = Number(opt('--clients-max', '1000'));

// Reference figures (../shared/bench/README.md, echo check on loopback).
const REF = {
  one: 'ref_fluffos_p50_ms=0.055 ref_neolith_p50_ms=44',
  c200: 'ref_fluffos_cmds_per_s=35000 ref_fluffos_p50_ms=3.7 ref_fluffos_p99_ms=11 ref_neolith_cmds_per_s=4307 ref_neolith_p50_ms=44 ref_neolith_p99_ms=51',
  c1000: 'ref_fluffos_p50_ms=0.089(1-client RTT with 1000 open) target_cmds_per_s>=8614(2x Neolith)',
};

if (!existsSync(join(root, 'dist', 'driver', 'lapis.mjs'))) {
  console.error('bench: dist/ is missing; run `npm run build:ts` first');
  process.exit(2);
}

// ---------------------------------------------------------------- the mudlib
const mudlib = mkdtempSync(join(tmpdir(), 'lapis-bench-net-'));
writeFileSync(join(mudlib, 'master.c'), `// Echo benchmark master: every connection gets an echo user.
object connect(int port) { return new("/user"); }
string creator_file(string file) { return "bench"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
`);
writeFileSync(join(mudlib, 'user.c'), `// The echo user: "echo <text>" writes <text> back. No prompt, so each
// reply is exactly one line.
void logon() {
  enable_commands();
  add_action("do_echo", "echo");
  write("ready\\n");
}
int do_echo(string arg) {
  write((arg ? arg : "") + "\\n");
  return 1;
}
void write_prompt() { }
void net_dead() { destruct(this_object()); }
`);

async function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
}

const port = await freePort();
writeFileSync(join(mudlib, 'bench.conf'), `MudName Bench\nMudlibDir .\nMasterFile /master.c\nPort ${port}:telnet\nMaxQueuedCommands 1000\n`);

// LAPIS_BENCH_NODE_ARGS: extra node flags for the driver (e.g. --cpu-prof; bench/driver-command.mjs).
const server = spawn(...lapisCommand(['-f', 'bench.conf']), {
  cwd: mudlib,
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErr = '';
server.stderr.on('data', (d) => (serverErr += d));
await new Promise((res, rej) => {
  const t = setTimeout(() => rej(new Error('driver did not start: ' + serverErr)), 20000);
  const check = () => {
    if (serverErr.includes('accepting')) {
      clearTimeout(t);
      res();
    }
  };
  server.stderr.on('data', check);
  server.once('exit', (code) => rej(new Error(`driver exited with ${code}: ${serverErr}`)));
});

function cleanup() {
  server.kill('SIGINT');
  rmSync(mudlib, { recursive: true, force: true });
}
process.on('exit', cleanup);

function pct(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(2));

/**
 * Every client sends perClient echo commands, each after the reply to the
 * previous one; prints cmds/s and RTT percentiles. `warmup` rounds run first
 * and are not measured: the driver is a JIT, so the first thousands of
 * commands run slower code (the cold figure is printed too).
 */
async function run(name, clients, perClient, ref, warmup = 0) {
  if (warmup > 0) await measure(`${name}_cold`, clients, warmup, 'warm_up=1', 1000);
  await measure(name, clients, perClient, ref, 1);
}

async function measure(name, clients, perClient, ref, base) {
  const cpu0 = driverCpu();
  const { rtts, secs } = await pool.run(clients, perClient, base);
  const cpu1 = driverCpu();
  rtts.sort((a, b) => a - b);
  const cmds = clients.length * perClient;
  // The driver's own CPU over the run: on a shared 2-core machine the clients
  // compete with it, so this says how much of a core the commands cost.
  const cpu = cpu0 === undefined || cpu1 === undefined ? '' : ` driver_cpu_pct=${(((cpu1 - cpu0) / 100 / secs) * 100).toFixed(0)} driver_us_per_cmd=${(((cpu1 - cpu0) / 100 / cmds) * 1e6).toFixed(1)}`;
  console.log(
    `NET ${name} clients=${clients.length} cmds=${cmds} cmds_per_s=${Math.round(cmds / secs)} p50_ms=${fmt(pct(rtts, 50))} p99_ms=${fmt(pct(rtts, 99))}${cpu} ${ref}`,
  );
}

/** The driver's CPU time in clock ticks (1/100 s), or undefined without /proc. */
function driverCpu() {
  try {
    return cpuTicks(server.pid);
  } catch {
    return undefined;
  }
}

function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14, 15)
}

// Client threads (--threads, default 2): load generation off the main thread.
const pool = await ClientPool.create(Number(opt('--threads', '2')), port);

try {
  const warm = Number(opt('--warmup', quick ? '5' : '20'));
  await pool.open(1);
  await run('echo_1_client', pool.clients.slice(0, 1), quick ? 500 : 2000, REF.one, warm * 20);

  await pool.open(199);
  const c200 = pool.clients.slice(0, 200);
  await run('echo_200_clients', c200, Number(opt('--per-client', '20')), REF.c200, warm);

  await pool.open(bigClients - 200);
  const cBig = pool.clients.slice(0, bigClients);
  await run(`echo_${bigClients}_clients`, cBig, quick ? 5 : 20, REF.c1000, warm);

  // One client's RTT while all of them stay connected (FluffOS: 0.089 ms).
  await run(`echo_1_of_${bigClients}_open`, [cBig[0]], quick ? 200 : 1000, 'ref_fluffos_p50_ms=0.089');

  // Idle CPU: everybody connected, nobody typing.
  await new Promise((r) => setTimeout(r, 500));
  if (existsSync(`/proc/${server.pid}/stat`)) {
    const hz = 100; // Linux USER_HZ
    const a = cpuTicks(server.pid);
    const ta = process.hrtime.bigint();
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const b = cpuTicks(server.pid);
    const secs = Number(process.hrtime.bigint() - ta) / 1e9;
    const pctCpu = (((b - a) / hz) / secs) * 100;
    console.log(`NET idle_cpu clients=${cBig.length} cpu_pct=${pctCpu.toFixed(2)} seconds=${secs.toFixed(1)} target=~0`);
  } else {
    console.log('NET idle_cpu skipped (no /proc)');
  }
  await pool.close();
} catch (e) {
  console.error(`bench: ${e.stack ?? e}\ndriver stderr:\n${serverErr}`);
  process.exitCode = 1;
}
process.exit();
