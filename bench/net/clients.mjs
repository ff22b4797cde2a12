// Load-generating telnet clients for bench/net/run.mjs. Each worker thread
// (worker_threads) holds a share of the connections, so the clients can use
// more than one core and the figures measure the driver rather than a
// single busy client loop. The main thread hands out work and collects RTTs.
import * as net from 'node:net';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const IAC = 255;

/** One telnet client: strips negotiation (never answers it), splits lines. */
export class Client {
  constructor(socket) {
    this.socket = socket;
    this.lineWaiters = [];
    this.partial = '';
    this.iac = 0; // bytes of an IAC sequence still to skip
    this.sb = false;
    socket.setNoDelay(true);
    socket.on('data', (d) => this.onData(d));
    socket.on('error', () => {});
  }
  onData(d) {
    let text = '';
    let start = 0;
    for (let i = 0; i < d.length; i++) {
      const b = d[i];
      if (this.sb) {
        if (b === 240 && d[i - 1] === IAC) this.sb = false;
        start = i + 1;
        continue;
      }
      if (this.iac > 0) {
        if (this.iac === 2 && b === 250) this.sb = true;
        this.iac = this.iac === 2 && b >= 251 && b <= 254 ? 1 : 0;
        start = i + 1;
        continue;
      }
      if (b === IAC) {
        text += d.toString('latin1', start, i);
        this.iac = 2;
        start = i + 1;
      }
    }
    text += d.toString('latin1', start);
    this.partial += text;
    let nl;
    while ((nl = this.partial.indexOf('\n')) >= 0) {
      const line = this.partial.slice(0, nl).replace(/\r$/, '');
      this.partial = this.partial.slice(nl + 1);
      const w = this.lineWaiters.shift();
      if (w) w(line);
    }
  }
  nextLine() {
    return new Promise((res) => this.lineWaiters.push(res));
  }
  static async open(port) {
    const socket = await new Promise((res, rej) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => res(s));
      s.once('error', rej);
    });
    const c = new Client(socket);
    for (;;) if ((await c.nextLine()) === 'ready') return c;
  }
  /** Sends one echo command and resolves with the RTT in ms. */
  async echo(i) {
    const t0 = process.hrtime.bigint();
    this.socket.write(`echo ${i}\r\n`);
    const line = await this.nextLine();
    const t1 = process.hrtime.bigint();
    if (line !== String(i)) throw new Error(`echo mismatch: sent ${i}, got ${JSON.stringify(line)}`);
    return Number(t1 - t0) / 1e6;
  }
  close() {
    this.socket.destroy();
  }
}

/** Clients spread over `threads` worker threads. */
export class ClientPool {
  constructor(workers, port) {
    this.workers = workers;
    this.port = port;
    /** Every open client as [worker index, client index in that worker]. */
    this.clients = [];
    this.next = 0;
  }

  static async create(threads, port) {
    const workers = [];
    for (let i = 0; i < threads; i++) {
      const w = new Worker(new URL(import.meta.url), { workerData: { port } });
      w.unref();
      workers.push({ w, count: 0 });
    }
    return new ClientPool(workers, port);
  }

  call(wi, msg) {
    const { w } = this.workers[wi];
    return new Promise((res, rej) => {
      const onMsg = (m) => {
        w.off('error', rej);
        if (m.error) rej(new Error(m.error));
        else res(m);
      };
      w.once('message', onMsg);
      w.once('error', rej);
      w.postMessage(msg);
    });
  }

  /** Opens n more clients, round-robin over the workers, in waves of 100. */
  async open(n) {
    const per = this.workers.map(() => 0);
    for (let i = 0; i < n; i++) per[(this.next + i) % this.workers.length]++;
    this.next = (this.next + n) % this.workers.length;
    await Promise.all(
      per.map(async (k, wi) => {
        if (!k) return;
        const first = this.workers[wi].count;
        await this.call(wi, { cmd: 'open', n: k });
        this.workers[wi].count += k;
        for (let j = 0; j < k; j++) this.clients.push([wi, first + j]);
      }),
    );
  }

  /** Every client in `refs` runs perClient echo commands; returns all RTTs (ms) and the wall time (s). */
  async run(refs, perClient, base) {
    const byWorker = new Map();
    for (const [wi, ci] of refs) {
      if (!byWorker.has(wi)) byWorker.set(wi, []);
      byWorker.get(wi).push(ci);
    }
    const t0 = process.hrtime.bigint();
    const parts = await Promise.all([...byWorker].map(([wi, indices]) => this.call(wi, { cmd: 'run', indices, perClient, base })));
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const rtts = [];
    for (const p of parts) for (const x of p.rtts) rtts.push(x);
    return { rtts, secs };
  }

  async close() {
    await Promise.all(this.workers.map((_, wi) => this.call(wi, { cmd: 'close' })));
    for (const { w } of this.workers) await w.terminate();
  }
}

// ---------------------------------------------------------------- worker side
if (!isMainThread && parentPort) {
  const { port } = workerData;
  const clients = [];
  parentPort.on('message', async (m) => {
    try {
      if (m.cmd === 'open') {
        for (let i = 0; i < m.n; i += 100) {
          const wave = await Promise.all(Array.from({ length: Math.min(100, m.n - i) }, () => Client.open(port)));
          clients.push(...wave);
        }
        parentPort.postMessage({ ok: true });
      } else if (m.cmd === 'run') {
        const rtts = [];
        await Promise.all(
          m.indices.map(async (ci) => {
            const c = clients[ci];
            for (let i = m.base; i < m.base + m.perClient; i++) rtts.push(await c.echo(i));
          }),
        );
        parentPort.postMessage({ rtts });
      } else if (m.cmd === 'close') {
        for (const c of clients) c.close();
        parentPort.postMessage({ ok: true });
      }
    } catch (e) {
      parentPort.postMessage({ error: String(e && e.stack ? e.stack : e) });
    }
  });
}
