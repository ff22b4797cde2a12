#!/usr/bin/env node
// Runtime benchmark: how fast native completions reach JavaScript.
//
//   node bench/runtime/run.mjs            every case, each in a fresh process
//   node bench/runtime/run.mjs --quick    fewer trials (a smoke run)
//
// Cases (one parseable line per figure, "name: value unit (details)"):
//   runtime/native/throughput      2 native producer threads post 1M user
//                                  completions; delivered to a JS handler in
//                                  batches through NativeRuntime (epoll).
//   runtime/native/delivery-only   the consumer side alone: a pre-filled queue
//                                  drained into the JS handler.
//   runtime/native-poll/throughput the same on the poll(2) backend.
//   runtime/native/latency-p50|p99 one message at a time from a native thread
//                                  while Node's loop is idle: post → handler.
//   runtime/native/latency-p50-no-handoff  the same with handoffOnWake off.
//   runtime/floor/eventfd-p50      below Node: two bare threads, an eventfd
//                                  wake-up with the same pacing and yield (the
//                                  machine's own floor; lapis_wake_latency).
//   runtime/floor/runtime-p50      below Node: the C++ runtime's path alone
//                                  (paced producer → owner blocked in drain()).
//   runtime/worker/throughput      baseline: a worker_threads worker posts the
//                                  same 1M values over a MessagePort in
//                                  1024-value batches.
//   runtime/worker/latency-p50|p99 baseline: single postMessage per message.
//   runtime/worker-single/throughput  baseline: one postMessage per message.
//   runtime/ratio/throughput       native ÷ batched worker baseline.
//   runtime/ratio/throughput-single  native ÷ per-message worker baseline.
//   runtime/env/loadavg            the machine's load when the run started.
//   runtime/ratio/latency-p50      worker baseline ÷ native (higher is better).
// Every throughput case checks the sum of the values it received, so a lost
// or duplicated message fails the run (exit 1). Timing figures are medians.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const MESSAGES = 1_000_000;
const PRODUCERS = 2;
const BATCH = 1024;

// Values are 0..share-1 per producer, so the expected sum is known exactly.
function expectedSum(total, producers) {
  let sum = 0;
  for (let p = 0; p < producers; p++) {
    const share = Math.floor(total / producers) + (p < total % producers ? 1 : 0);
    sum += (share * (share - 1)) / 2;
  }
  return sum;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function loadRuntime() {
  const compiled = join(root, 'dist', 'driver', 'backend', 'native.js');
  const source = join(root, 'driver', 'backend', 'native.ts');
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
    // The TypeScript API is what the driver uses, so measure through it.
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'ignore' });
    if (!existsSync(compiled)) {
      console.error(`bench: ${compiled} is missing and tsc failed (${tsc.status}); run \`npm run build:ts\``);
      process.exit(2);
    }
  }
  return import(pathToFileURL(compiled).href);
}

// ---- cases (each runs in its own process) ----

async function nativeThroughput(backend, trials) {
  const { NativeRuntime } = await loadRuntime();
  const want = expectedSum(MESSAGES, PRODUCERS);
  // The checksum lives in a typed array: a double kept in a closure variable
  // would be re-boxed on every add, costing more than the delivery measured.
  const acc = new Float64Array(1);
  let count = 0;
  let target = 0;
  let finish = () => {};
  const rt = new NativeRuntime(
    {
      completion(_id, value) {
        acc[0] += value;
        if (++count === target) finish();
      },
    },
    { backend },
  );
  const run = (n) =>
    new Promise((resolve) => {
      count = 0;
      acc[0] = 0;
      target = n;
      const t0 = process.hrtime.bigint();
      finish = () => resolve(Number(process.hrtime.bigint() - t0) / 1e9);
      rt.produce(PRODUCERS, n);
    });
  await run(100_000); // warm up the JIT and the threads' first touch of the ring
  while (rt.stats().producersRunning > 0) await new Promise((r) => setTimeout(r, 1));
  const rates = [];
  for (let i = 0; i < trials; i++) {
    const seconds = await run(MESSAGES);
    if (count !== MESSAGES || acc[0] !== want) throw new Error(`checksum: got ${count} messages summing to ${acc[0]}, want ${MESSAGES} / ${want}`);
    rates.push(MESSAGES / seconds);
    while (rt.stats().producersRunning > 0) await new Promise((r) => setTimeout(r, 1));
  }
  const s = rt.stats();
  rt.shutdown();
  return { rate: median(rates), best: Math.max(...rates), wakeups: s.wakeups, drains: s.drains, backend: s.backend };
}

// The consumer side alone: producers fill the queue while the main thread is
// blocked (so nothing is delivered), then one synchronous drain() hands the
// whole backlog to the handler. Shows what delivery costs without producers
// competing for the two cores.
async function nativeDeliveryOnly(trials) {
  const { NativeRuntime } = await loadRuntime();
  const acc = new Float64Array(1);
  let count = 0;
  const rt = new NativeRuntime(
    {
      completion(_id, value) {
        acc[0] += value;
        count++;
      },
    },
    { queueCapacity: 65536 },
  );
  const fill = 60_000;
  const want = expectedSum(fill, PRODUCERS);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const rates = [];
  for (let t = 0; t < trials * 5; t++) {
    await new Promise((r) => setTimeout(r, 1));
    count = 0;
    acc[0] = 0;
    rt.produce(PRODUCERS, fill);
    while (rt.stats().producersRunning > 0) Atomics.wait(sleeper, 0, 0, 1); // blocks the loop on purpose
    const t0 = process.hrtime.bigint();
    const n = rt.drain(fill);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (n !== fill || count !== fill || acc[0] !== want) throw new Error(`delivery checksum: ${n}/${count}/${acc[0]}, want ${fill}/${want}`);
    rates.push(n / seconds);
  }
  rt.shutdown();
  return { rate: median(rates) };
}

async function nativeLatency(samples, intervalUs, handoffOnWake = true) {
  const { NativeRuntime } = await loadRuntime();
  const lat = [];
  let finish = () => {};
  const rt = new NativeRuntime({
    completion(_id, postedNs) {
      lat.push(Number(process.hrtime.bigint()) - postedNs);
      if (lat.length === samples) finish();
    },
  }, { handoffOnWake });
  await new Promise((resolve) => {
    finish = resolve;
    rt.produce(1, samples, { intervalNs: intervalUs * 1000 });
  });
  rt.shutdown();
  return { us: lat.slice(Math.floor(samples / 10)).map((ns) => ns / 1000) }; // drop the warm-up tenth
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { mode, total, batch, intervalUs } = workerData;
if (mode === 'throughput' && batch === 1) {
  parentPort.once('message', () => {
    for (let i = 0; i < total; i++) parentPort.postMessage(i);
  });
} else if (mode === 'throughput') {
  parentPort.once('message', () => {
    for (let i = 0; i < total; i += batch) {
      const n = Math.min(batch, total - i);
      const a = new Float64Array(n);
      for (let j = 0; j < n; j++) a[j] = i + j;
      parentPort.postMessage(a, [a.buffer]);
    }
  });
} else {
  let sent = 0;
  const tick = () => {
    parentPort.postMessage(Number(process.hrtime.bigint()));
    if (++sent < total) setTimeout(tick, intervalUs / 1000);
  };
  setTimeout(tick, intervalUs / 1000);
}
`;

async function workerThroughput(trials, batch, messages) {
  // One worker thread per producer, as the native case has two producers.
  const want = expectedSum(messages, PRODUCERS);
  const rates = [];
  for (let t = 0; t < trials + 1; t++) {
    const share = messages / PRODUCERS;
    const workers = Array.from({ length: PRODUCERS }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { mode: 'throughput', total: share, batch } }));
    await new Promise((r) => setTimeout(r, 100)); // workers started
    let count = 0;
    const acc = new Float64Array(1);
    const seconds = await new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      for (const w of workers) {
        w.on('message', (a) => {
          if (typeof a === 'number') {
            acc[0] += a;
            count += 1;
          } else {
            let s = 0;
            for (let i = 0; i < a.length; i++) s += a[i];
            acc[0] += s;
            count += a.length;
          }
          if (count === messages) resolve(Number(process.hrtime.bigint() - t0) / 1e9);
        });
        w.postMessage('go');
      }
    });
    await Promise.all(workers.map((w) => w.terminate()));
    if (acc[0] !== want) throw new Error(`worker checksum: ${acc[0]} != ${want}`);
    if (t > 0) rates.push(messages / seconds); // trial 0 warms up
  }
  return { rate: median(rates) };
}

async function workerLatency(samples, intervalUs) {
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { mode: 'latency', total: samples, intervalUs } });
  const lat = [];
  await new Promise((resolve) => {
    w.on('message', (postedNs) => {
      lat.push(Number(process.hrtime.bigint()) - postedNs);
      if (lat.length === samples) resolve();
    });
  });
  await w.terminate();
  return { us: lat.slice(Math.floor(samples / 10)).map((ns) => ns / 1000) };
}

async function runCase(name, quick) {
  const trials = quick ? 2 : 7;
  const samples = quick ? 300 : 2000;
  switch (name) {
    case 'native':
      return nativeThroughput('epoll', trials);
    case 'native-poll':
      return nativeThroughput('poll', trials);
    case 'native-delivery':
      return nativeDeliveryOnly(trials);
    case 'native-latency':
      return nativeLatency(samples, 500);
    case 'native-latency-no-handoff':
      return nativeLatency(samples, 500, false);
    case 'worker':
      return workerThroughput(trials, BATCH, MESSAGES);
    case 'worker-single':
      // postMessage per message is ~50x slower, so a tenth of the messages.
      return workerThroughput(quick ? 1 : 3, 1, MESSAGES / 10);
    case 'worker-latency':
      return workerLatency(samples, 500);
    default:
      throw new Error(`unknown case ${name}`);
  }
}

// ---- driver: a fresh process per case, then one line per figure ----

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const caseArg = args.find((a) => a.startsWith('--case='));
if (caseArg) {
  try {
    const result = await runCase(caseArg.slice('--case='.length), quick);
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
  } catch (err) {
    console.error(String(err?.stack ?? err));
    process.exit(1);
  }
}

/** The C++ latency probe (native/bench/wake_latency.cc), built with the addon. */
const WAKE_PROBE = ['build/lapis_wake_latency', 'build/Release/lapis_wake_latency'].map((p) => join(root, p)).find((p) => existsSync(p));

function child(name) {
  // floor-eventfd / floor-runtime run the C++ probe instead of a Node process.
  const floor = /^floor-(eventfd|runtime)$/.exec(name);
  if (floor && !WAKE_PROBE) {
    console.log(`runtime/${name}: SKIPPED (lapis_wake_latency not built; npm run build:native)`);
    return null;
  }
  const [cmd, argv] = floor
    ? [WAKE_PROBE, [floor[1], '500', quick ? '300' : '2000']]
    : [process.execPath, [fileURLToPath(import.meta.url), `--case=${name}`, ...(quick ? ['--quick'] : [])]];
  const r = spawnSync(cmd, argv, {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) {
    process.stderr.write(r.stderr ?? '');
    console.log(`runtime/${name}: FAILED (exit ${r.status ?? r.signal})`);
    process.exitCode = 1;
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/**
 * A latency case in several fresh processes, its samples pooled. A process
 * mostly stays in a fast or a slow mode for its whole run (on this VM, how
 * often the code after a vCPU halt runs on cold caches: docs/native-runtime.md,
 * "Where the latency goes"), so one process's p50 is one draw; the figure is
 * the p50 over all processes' wake-ups, with each process's own p50 beside it.
 */
function pooledLatency(name, processes) {
  const all = [];
  const perProcess = [];
  for (let i = 0; i < processes; i++) {
    const r = child(name);
    if (!r) return null;
    all.push(...r.us);
    perProcess.push(percentile(r.us, 50));
  }
  return { p50: percentile(all, 50), p99: percentile(all, 99), perProcess };
}

const fmt = (x, d = 1) => x.toFixed(d);
const { cpus, loadavg } = await import('node:os');
// Figures depend on what else the machine runs; say so in the output.
console.log(`runtime/env/loadavg: ${fmt(loadavg()[0], 2)} (${cpus().length} CPUs, node ${process.versions.node})`);
const native = child('native');
if (native) console.log(`runtime/native/throughput: ${fmt(native.rate / 1e6, 2)} M/s (median; best ${fmt(native.best / 1e6, 2)} M/s; ${PRODUCERS} producers, ${MESSAGES} messages, ${native.backend}, batches ≤ 4096; target ≥ 40)`);
const delivery = child('native-delivery');
if (delivery) console.log(`runtime/native/delivery-only: ${fmt(delivery.rate / 1e6, 2)} M/s (median; backlog of 60000 drained by one drain() call, no producers running)`);
const poll = child('native-poll');
if (poll) console.log(`runtime/native-poll/throughput: ${fmt(poll.rate / 1e6, 2)} M/s (median; ${poll.backend} backend)`);
const LATENCY_PROCESSES = quick ? 2 : 5;
const perProcess = (lat) => lat.perProcess.map((x) => fmt(x)).join(' / ');
const nlat = pooledLatency('native-latency', LATENCY_PROCESSES);
if (nlat) {
  console.log(`runtime/native/latency-p50: ${fmt(nlat.p50)} us (single messages, idle loop, ${LATENCY_PROCESSES} processes pooled; per process ${perProcess(nlat)}; target ≤ 10)`);
  console.log(`runtime/native/latency-p99: ${fmt(nlat.p99)} us`);
}
// The same without the producer's yield after a wake-up, to show what the
// hand-off buys (RuntimeOptions.handoffOnWake).
const nlat0 = pooledLatency('native-latency-no-handoff', LATENCY_PROCESSES);
if (nlat0) console.log(`runtime/native/latency-p50-no-handoff: ${fmt(nlat0.p50)} us (p99 ${fmt(nlat0.p99)} us; per process ${perProcess(nlat0)}; handoffOnWake false)`);
// The same pacing below Node, so a run shows how much of the figure above is
// the machine's (docs/native-runtime.md, "Where the latency goes").
const floorFd = pooledLatency('floor-eventfd', LATENCY_PROCESSES);
if (floorFd) console.log(`runtime/floor/eventfd-p50: ${fmt(floorFd.p50)} us (p99 ${fmt(floorFd.p99)} us; per process ${perProcess(floorFd)}; two bare threads, no Lapis, no Node)`);
const floorRt = pooledLatency('floor-runtime', LATENCY_PROCESSES);
if (floorRt) console.log(`runtime/floor/runtime-p50: ${fmt(floorRt.p50)} us (p99 ${fmt(floorRt.p99)} us; per process ${perProcess(floorRt)}; the C++ runtime's path, no Node)`);
const worker = child('worker');
if (worker) console.log(`runtime/worker/throughput: ${fmt(worker.rate / 1e6, 2)} M/s (worker_threads + MessagePort, ${PRODUCERS} workers, ${BATCH}-value batches)`);
const single = child('worker-single');
if (single) console.log(`runtime/worker-single/throughput: ${fmt(single.rate / 1e6, 2)} M/s (worker_threads, postMessage per message, ${MESSAGES / 10} messages)`);
const wlat = pooledLatency('worker-latency', LATENCY_PROCESSES);
if (wlat) {
  console.log(`runtime/worker/latency-p50: ${fmt(wlat.p50)} us (postMessage per message, ${LATENCY_PROCESSES} processes pooled; per process ${perProcess(wlat)})`);
  console.log(`runtime/worker/latency-p99: ${fmt(wlat.p99)} us`);
}
if (native && worker) console.log(`runtime/ratio/throughput: ${fmt(native.rate / worker.rate, 2)} x (native ÷ worker_threads with 1024-value batches)`);
if (native && single) console.log(`runtime/ratio/throughput-single: ${fmt(native.rate / single.rate, 1)} x (native ÷ worker_threads with a postMessage per message)`);
if (nlat && wlat) console.log(`runtime/ratio/latency-p50: ${fmt(wlat.p50 / nlat.p50, 2)} x (worker_threads ÷ native; > 1 means native is faster)`);
