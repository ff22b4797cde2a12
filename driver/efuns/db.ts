// Database efuns (FluffOS package db, SQLite flavour): db_connect, db_exec,
// db_fetch, db_commit, db_rollback, db_close, db_status, and async_db_exec
// (FluffOS package async).
//
// FluffOS semantics kept:
// - Every call asks the master's valid_database(object, action, info) when it
//   has one: 0 raises "Database security violation attempted"; a string or a
//   non-zero int allows. Actions: "connect" (info ({ database, host, user })),
//   "exec" (({ sql })), "fetch", "commit", "rollback", "close" (({ })).
// - db_connect returns a handle (1, 2, ... slots reused) or an error string.
// - db_exec returns the number of rows of the result set (0 for statements
//   without one, such as INSERT), or the error text.
// - db_fetch(handle, 0) gives the column names; rows count from 1; anything
//   else gives ({ }). INTEGER → int, REAL → float, TEXT → string, BLOB →
//   buffer, NULL → 0.
// - An invalid handle raises "Attempt to <action> ... invalid database handle".
// - async_db_exec(handle, sql, callback, args...) runs the statement on the
//   database thread; the callback gets the row count or the error text, then
//   the extra args, and db_fetch sees the new result set inside it.
//
// The database file is a mudlib path approved by valid_write (FluffOS asks
// check_valid_path(..., "sqlite3_connect", 1)); ":memory:" is a private
// in-memory database. The connections live on one worker thread owned by the
// "db" service (driver/backend/workers/sqlite-worker.ts); the synchronous
// efuns wait for it, as FluffOS's db_exec blocks on its mutex.
import { defineEfuns } from './registry.js';
import { validPath } from './files.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { asyncOf } from '../vm/async-completions.js';
import { LBuffer, LFloat, LFunction, intFromBigInt, truthy, type Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** A raw cell as the database thread sends it: bigint INTEGER, number REAL, string TEXT, bytes BLOB, null. */
export type DbCell = bigint | number | string | Uint8Array | null;

export type DbExecResult =
  | { ok: true; columns: string[]; rows: DbCell[][] }
  | { ok: false; error: string };

/** The database thread (one per driver); connection ids are the service's own. */
export interface DbService {
  /** The engine's name for db_status ("SQLite3"). */
  readonly engine: string;
  /** Opens a database file (mudlib path) or ":memory:"; a connection id or the error text. */
  connect(database: string): number | string;
  exec(conn: number, sql: string): DbExecResult;
  execAsync(conn: number, sql: string): Promise<DbExecResult>;
  /** COMMIT / ROLLBACK of an open transaction; false when there is none or it fails. */
  commit(conn: number): boolean;
  rollback(conn: number): boolean;
  close(conn: number): boolean;
}

interface Handle {
  conn: number;
  database: string;
  columns: string[];
  rows: DbCell[][];
}

/** The db handles of one runtime, by LPC handle number. */
const tables = new WeakMap<Runtime, Map<number, Handle>>();

function handlesOf(rt: RuntimeApi): Map<number, Handle> {
  let t = tables.get(vm(rt));
  if (!t) tables.set(vm(rt), (t = new Map()));
  return t;
}

function serviceOf(rt: RuntimeApi): DbService {
  const s = asyncOf(vm(rt)).service<DbService>('db');
  if (!s) return rt.error('The database package is not available on this driver host.\n');
  return s;
}

/** FluffOS valid_database(): approved without the apply, refused with an error when it answers 0. */
function validDatabase(rt: RuntimeApi, action: string, info: Value[]): Value {
  const r = vm(rt);
  const m = r.master;
  if (!m || m.destructed || !m.linked.table.has('valid_database')) return 1;
  const res = r.masterApply('valid_database', [r.cur, action, info]);
  if (res !== undefined && (typeof res === 'string' || truthy(res))) return res;
  return rt.error('Database security violation attempted\n');
}

function handleOf(rt: RuntimeApi, h: Value, what: string): Handle {
  const e = typeof h === 'number' ? handlesOf(rt).get(h) : undefined;
  if (!e) return rt.error(`Attempt to ${what} an invalid database handle\n`);
  return e;
}

/** A database cell as an LPC value. */
export function cellValue(c: DbCell): Value {
  if (c === null) return 0;
  if (typeof c === 'bigint') return intFromBigInt(c);
  if (typeof c === 'number') return new LFloat(c);
  if (typeof c === 'string') return c;
  return new LBuffer(new Uint8Array(c));
}

/** Stores a result set in the handle; the row count or the error text. */
function keep(h: Handle, r: DbExecResult): Value {
  if (!r.ok) {
    h.columns = [];
    h.rows = [];
    return r.error;
  }
  h.columns = r.columns;
  h.rows = r.rows;
  return r.rows.length;
}

export const efuns = defineEfuns('db', [
  {
    name: 'db_connect',
    signature: 'mixed db_connect(string, string, void | string, void | int)',
    doc: 'Opens an SQLite database (a mudlib file approved by valid_write, or ":memory:"); a handle, or the error text.',
    impl: (rt, host: string, database: string, user?: Value) => {
      const svc = serviceOf(rt);
      validDatabase(rt, 'connect', [database, host, typeof user === 'string' ? user : '']);
      let target = database;
      if (database !== ':memory:') {
        const p = validPath(rt, database, 'sqlite3_connect', true);
        if (p === undefined) return `unable to open database file ${database}`;
        target = p;
      }
      const conn = svc.connect(target);
      if (typeof conn === 'string') return conn;
      const handles = handlesOf(rt);
      let n = 1;
      while (handles.has(n)) n++;
      handles.set(n, { conn, database: target, columns: [], rows: [] });
      return n;
    },
  },
  {
    name: 'db_exec',
    signature: 'mixed db_exec(int, string)',
    doc: 'Runs one SQL statement; the number of rows in its result set (0 without one), or the error text.',
    impl: (rt, h: Value, sql: string) => {
      validDatabase(rt, 'exec', [sql]);
      const e = handleOf(rt, h, 'exec on');
      return keep(e, serviceOf(rt).exec(e.conn, sql));
    },
  },
  {
    name: 'db_fetch',
    signature: 'mixed *db_fetch(int, int)',
    doc: 'Row n (from 1) of the last result set as an array of column values; row 0 gives the column names.',
    impl: (rt, h: Value, row: Value) => {
      validDatabase(rt, 'fetch', []);
      const e = handleOf(rt, h, 'fetch from');
      const n = typeof row === 'number' ? row : -1;
      if (!e.columns.length || n < 0 || n > e.rows.length) return [];
      if (n === 0) return [...e.columns];
      return e.rows[n - 1].map(cellValue);
    },
  },
  {
    name: 'db_commit',
    signature: 'int db_commit(int)',
    doc: 'Commits the open transaction (BEGIN ... ); 1 on success, 0 otherwise.',
    impl: (rt, h: Value) => {
      validDatabase(rt, 'commit', []);
      const e = handleOf(rt, h, 'commit');
      return serviceOf(rt).commit(e.conn) ? 1 : 0;
    },
  },
  {
    name: 'db_rollback',
    signature: 'int db_rollback(int)',
    doc: 'Rolls the open transaction back; 1 on success, 0 otherwise.',
    impl: (rt, h: Value) => {
      validDatabase(rt, 'rollback', []);
      const e = handleOf(rt, h, 'rollback');
      return serviceOf(rt).rollback(e.conn) ? 1 : 0;
    },
  },
  {
    name: 'db_close',
    signature: 'int db_close(int)',
    doc: 'Closes a database handle; 1 on success.',
    impl: (rt, h: Value) => {
      validDatabase(rt, 'close', []);
      const e = handleOf(rt, h, 'close');
      handlesOf(rt).delete(h as number);
      return serviceOf(rt).close(e.conn) ? 1 : 0;
    },
  },
  {
    name: 'db_status',
    signature: 'string db_status()',
    doc: 'One line per open handle: "Handle: N (SQLite3)".',
    impl: (rt) => {
      const svc = asyncOf(vm(rt)).service<DbService>('db');
      let out = '';
      for (const n of [...handlesOf(rt).keys()].sort((a, b) => a - b)) out += `Handle: ${n} (${svc?.engine ?? 'None'})\n`;
      return out;
    },
  },
  {
    name: 'async_db_exec',
    signature: 'void async_db_exec(int, string, string | function, ...)',
    tier: 'async',
    doc: 'Runs an SQL statement on the database thread; the callback gets the row count (or the error text), then any extra args.',
    impl: (rt, h: Value, sql: string, cb: Value, ...extra: Value[]) => {
      if (!(cb instanceof LFunction)) return rt.error('async_db_exec: callback must be a function pointer, not a string.\n');
      const owner = vm(rt).cur;
      if (!owner || owner.destructed) return rt.error('No current object for an async efun.\n');
      validDatabase(rt, 'exec', [sql]);
      const e = handleOf(rt, h, 'exec on');
      const svc = serviceOf(rt);
      asyncOf(vm(rt)).submit(owner, 'async_db_exec',
        () => svc.execAsync(e.conn, sql),
        // The result set replaces the handle's when the callback runs, so LPC that ran
        // in between (another turn's db_exec) cannot overwrite it first.
        (r) => ({ fn: cb, args: [], prepare: () => [keep(e, r), ...extra] }),
        (err) => ({ fn: cb, args: [err instanceof Error ? err.message : String(err), ...extra] }));
      return 0;
    },
  },
]);
