// The "db" service (driver/efuns/db.ts): one worker_threads Worker owns every
// better-sqlite3 connection, so no query ever runs on the backend thread.
//
// Two ways in, one queue: the worker handles messages strictly in arrival
// order, so a synchronous db_exec issued after an async_db_exec on the same
// connection sees its effects.
// - async (async_db_exec): post a request, get a promise; the reply comes
//   back as a message on the worker port. While such requests are in flight
//   the worker is ref'd so that app mode does not exit under them.
// - sync (db_connect, db_exec, ...): FluffOS's efuns are synchronous, so the
//   backend posts the request and blocks in Atomics.wait until the worker
//   flags an answer, then takes it with receiveMessageOnPort from a private
//   channel. The wait is bounded (SYNC_TIMEOUT_MS).
//
// The worker's code is plain JavaScript evaluated in the thread (eval: true),
// so it runs the same under vitest (TypeScript sources) and from dist/.
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { DbCell, DbExecResult, DbService } from '../../efuns/db.js';

const SYNC_TIMEOUT_MS = 60_000;

/** Runs inside the worker. Integers arrive as BigInt (safeIntegers) so 64-bit values stay exact. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// A native build that does not load (built for another Node) fails each
// request with the reason, at once, instead of leaving the backend waiting.
let Database, loadError;
try {
  Database = require(workerData.modulePath);
} catch (e) {
  loadError = 'better-sqlite3 cannot be loaded: ' + String(e && e.message || e).split('\\n')[0];
}
const flag = new Int32Array(workerData.flag);
const syncPort = workerData.syncPort;
const conns = new Map();
let next = 1;

function run(req) {
  if (loadError) return { ok: false, error: loadError };
  try {
    switch (req.op) {
      case 'connect': {
        const db = new Database(req.file);
        db.defaultSafeIntegers(true);
        const id = next++;
        conns.set(id, db);
        return { ok: true, id };
      }
      case 'exec': {
        const db = conns.get(req.conn);
        if (!db) return { ok: false, error: 'database handle is closed' };
        let stmt;
        try {
          stmt = db.prepare(req.sql);
        } catch (e) {
          // Several statements in one string: run them all, no result set.
          if (/more than one statement/.test(String(e && e.message))) {
            db.exec(req.sql);
            return { ok: true, columns: [], rows: [] };
          }
          throw e;
        }
        if (!stmt.reader) {
          stmt.run();
          return { ok: true, columns: [], rows: [] };
        }
        stmt.raw(true);
        const columns = stmt.columns().map((c) => c.name);
        return { ok: true, columns, rows: stmt.all() };
      }
      case 'commit':
      case 'rollback': {
        const db = conns.get(req.conn);
        if (!db || !db.inTransaction) return { ok: false, error: 'no transaction is active' };
        db.exec(req.op === 'commit' ? 'COMMIT' : 'ROLLBACK');
        return { ok: true };
      }
      case 'close': {
        const db = conns.get(req.conn);
        if (!db) return { ok: false, error: 'database handle is closed' };
        conns.delete(req.conn);
        db.close();
        return { ok: true };
      }
    }
    return { ok: false, error: 'unknown request ' + req.op };
  } catch (e) {
    return { ok: false, error: String(e && e.message || e) };
  }
}

parentPort.on('message', (req) => {
  const res = run(req);
  if (req.sync) {
    syncPort.postMessage(res);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  } else {
    parentPort.postMessage({ id: req.id, res });
  }
});
`;

type Reply = { ok: true; id?: number; columns?: string[]; rows?: unknown[][] } | { ok: false; error: string };

export class SqliteService implements DbService {
  readonly engine = 'SQLite3';
  private worker: Worker | undefined;
  private syncPort: MessagePort | undefined;
  private flag: Int32Array | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: Reply) => void>();

  /**
   * `resolve` maps an approved mudlib path to a real file path (undefined:
   * refused); `modulePath` is the better-sqlite3 the worker loads (tests name
   * another).
   */
  constructor(
    private readonly resolve: (mudlibPath: string) => string | undefined,
    private readonly modulePath?: string,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const flag = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const modulePath = this.modulePath ?? createRequire(import.meta.url).resolve('better-sqlite3');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, flag, syncPort: port2 }, transferList: [port2] });
    w.on('message', (m: { id: number; res: Reply }) => {
      const done = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (!this.waiting.size) w.unref();
      done?.(m.res);
    });
    w.on('error', (e) => {
      for (const done of this.waiting.values()) done({ ok: false, error: e.message });
      this.waiting.clear();
      this.worker = undefined;
    });
    w.unref();
    port1.unref();
    this.worker = w;
    this.syncPort = port1;
    this.flag = new Int32Array(flag);
    return w;
  }

  private call(req: Record<string, unknown>): Reply {
    const w = this.start();
    const flag = this.flag!;
    Atomics.store(flag, 0, 0);
    w.postMessage({ ...req, sync: true });
    if (Atomics.wait(flag, 0, 0, SYNC_TIMEOUT_MS) === 'timed-out') return { ok: false, error: 'database thread timed out' };
    const got = receiveMessageOnPort(this.syncPort!);
    return got ? (got.message as Reply) : { ok: false, error: 'database thread gave no answer' };
  }

  connect(database: string): number | string {
    const file = database === ':memory:' ? database : this.resolve(database);
    if (file === undefined) return `unable to open database file ${database}`;
    const r = this.call({ op: 'connect', file });
    return r.ok ? r.id! : r.error;
  }

  exec(conn: number, sql: string): DbExecResult {
    return asResult(this.call({ op: 'exec', conn, sql }));
  }

  execAsync(conn: number, sql: string): Promise<DbExecResult> {
    const w = this.start();
    const id = this.nextId++;
    w.ref();
    return new Promise((resolve) => {
      this.waiting.set(id, (r) => resolve(asResult(r)));
      w.postMessage({ op: 'exec', conn, sql, id });
    });
  }

  commit(conn: number): boolean {
    return this.call({ op: 'commit', conn }).ok;
  }

  rollback(conn: number): boolean {
    return this.call({ op: 'rollback', conn }).ok;
  }

  close(conn: number): boolean {
    return this.call({ op: 'close', conn }).ok;
  }

  /** Stops the thread (driver shutdown); open connections close with it. */
  async shutdown(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}

function asResult(r: Reply): DbExecResult {
  if (!r.ok) return r;
  return { ok: true, columns: r.columns ?? [], rows: (r.rows ?? []) as DbCell[][] };
}
