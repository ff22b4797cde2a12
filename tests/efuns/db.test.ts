// Database efuns (driver/efuns/db.ts) on the SQLite worker thread
// (driver/backend/workers/sqlite-worker.ts): FluffOS return values, value
// types, row 0 = column names, errors as strings, transactions, handles,
// valid_database, files sandboxed through valid_write, async_db_exec.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeHost } from '../../driver/host/node-host.js';
import { MemoryHost } from '../../driver/vm/host.js';
import { createRuntime, runApp } from '../../driver/app.js';
import { asyncOf } from '../../driver/vm/async-completions.js';
import { SqliteService } from '../../driver/backend/workers/sqlite-worker.js';
import { cellValue } from '../../driver/efuns/db.js';
import { LBuffer, LFloat } from '../../driver/vm/values.js';

let tmp: string;
let root: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lapis-db-'));
  root = path.join(tmp, 'mudlib');
  fs.mkdirSync(root);
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function run(source: string): Promise<{ out: string; err: string }> {
  fs.writeFileSync(path.join(root, 'master.c'), source);
  const host = new NodeHost(root);
  let out = '';
  let err = '';
  host.stdout = (t: string) => void (out += t);
  host.stderr = (t: string) => void (err += t);
  const opts = { host, appPath: '/master.c', args: [] };
  const rt = createRuntime(opts);
  await runApp(opts, rt);
  for (const s of asyncOf(rt).allServices()) if (s instanceof SqliteService) await s.shutdown();
  return { out, err };
}

const P = (e: string) => `write(sprintf("%O\\n", ${e}));`;

describe('db round trips', () => {
  it('connects, creates, inserts, selects and fetches with FluffOS values', async () => {
    const r = await run(`
      void create() {
        int h = db_connect("localhost", ":memory:");
        ${P('h')}
        ${P('db_exec(h, "CREATE TABLE t (i INTEGER, s TEXT, f REAL, b BLOB, n TEXT)")')}
        ${P(`db_exec(h, "INSERT INTO t VALUES (42, 'héllo', 2.5, x'00ff', NULL), (-9223372036854775808, '', 0.0, x'', NULL)")`)}
        ${P('db_exec(h, "SELECT i, s, f, b, n FROM t ORDER BY i DESC")')}
        ${P('db_fetch(h, 0)')}
        mixed *row = db_fetch(h, 1);
        ${P('row[0]')} ${P('row[1]')} ${P('row[2]')} ${P('sizeof(row[3])')} ${P('row[3][1]')} ${P('row[4]')}
        ${P('db_fetch(h, 2)[0]')}
        ${P('db_fetch(h, 3)')}
        ${P('db_fetch(h, -1)')}
        ${P('db_fetch(h, 1)[0]')}
        ${P('db_close(h)')}
      }`);
    expect(r.err).toBe('');
    expect(r.out.split('\n').filter(Boolean)).toEqual([
      '1', '0', '0', '2',
      '({ /* sizeof() == 5 */', '  "i",', '  "s",', '  "f",', '  "b",', '  "n"', '})',
      '42', '"héllo"', '2.500000', '2', '255', '0',
      '-9223372036854775808',
      '({ })', '({ })',
      '42',
      '1',
    ]);
  });

  it('returns the error text of a bad statement and keeps the handle usable', async () => {
    const r = await run(`
      void create() {
        int h = db_connect("", ":memory:");
        ${P('db_exec(h, "SELEC 1")')}
        ${P('db_exec(h, "SELECT * FROM nowhere")')}
        ${P('db_exec(h, "SELECT 1 AS one")')}
        ${P('db_fetch(h, 1)')}
      }`);
    expect(r.out).toBe('"near \\"SELEC\\": syntax error"\n"no such table: nowhere"\n1\n({ /* sizeof() == 1 */\n  1\n})\n');
  });

  it('runs several statements in one string', async () => {
    const r = await run(`
      void create() {
        int h = db_connect("", ":memory:");
        ${P('db_exec(h, "CREATE TABLE a (x); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2)")')}
        ${P('db_exec(h, "SELECT x FROM a")')}
      }`);
    expect(r.out).toBe('0\n2\n');
  });

  it('commits and rolls back transactions; 0 without one', async () => {
    const r = await run(`
      void create() {
        int h = db_connect("", ":memory:");
        db_exec(h, "CREATE TABLE t (x)");
        db_exec(h, "BEGIN");
        db_exec(h, "INSERT INTO t VALUES (1)");
        ${P('db_commit(h)')}
        db_exec(h, "BEGIN");
        db_exec(h, "INSERT INTO t VALUES (2)");
        ${P('db_rollback(h)')}
        ${P('db_exec(h, "SELECT x FROM t")')}
        ${P('db_commit(h)')}
        ${P('db_rollback(h)')}
      }`);
    expect(r.out).toBe('1\n1\n1\n0\n0\n');
  });

  it('reuses freed handle numbers, lists open ones in db_status, and refuses closed handles', async () => {
    const r = await run(`
      void create() {
        int a = db_connect("", ":memory:");
        int b = db_connect("", ":memory:");
        write(db_status());
        db_close(a);
        ${P('db_connect("", ":memory:")')}
        ${P('catch(db_exec(99, "SELECT 1"))')}
        db_close(b);
        ${P('catch(db_fetch(b, 1))')}
        ${P('catch(db_close(b))')}
      }`);
    expect(r.out).toBe('Handle: 1 (SQLite3)\nHandle: 2 (SQLite3)\n1\n'
      + '"*Attempt to exec on an invalid database handle\\n"\n'
      + '"*Attempt to fetch from an invalid database handle\\n"\n'
      + '"*Attempt to close an invalid database handle\\n"\n');
  });
});

describe('database files and security', () => {
  it('stores the database as a mudlib file that persists across connections', async () => {
    fs.mkdirSync(path.join(root, 'data'));
    const r = await run(`
      void create() {
        int h = db_connect("", "/data/mud.db");
        db_exec(h, "CREATE TABLE p (name TEXT)");
        db_exec(h, "INSERT INTO p VALUES ('bob')");
        db_close(h);
        h = db_connect("", "data/mud.db");
        ${P('db_exec(h, "SELECT name FROM p")')}
        ${P('db_fetch(h, 1)[0]')}
      }`);
    expect(r.out).toBe('1\n"bob"\n');
    expect(fs.existsSync(path.join(root, 'data', 'mud.db'))).toBe(true);
  });

  it('keeps database files inside the mudlib: .. and symlinks out are refused', async () => {
    fs.symlinkSync(tmp, path.join(root, 'out'));
    const r = await run(`
      void create() {
        ${P('db_connect("", "/../escape.db")')}
        ${P('db_connect("", "/out/escape.db")')}
      }`);
    expect(r.out).toBe('"unable to open database file /../escape.db"\n"unable to open database file /out/escape.db"\n');
    expect(fs.existsSync(path.join(tmp, 'escape.db'))).toBe(false);
  });

  it('asks valid_write(path, ob, "sqlite3_connect") for the file', async () => {
    const r = await run(`
      int valid_write(string p, object ob, string fn) { write(fn + " " + p + "\\n"); return 0; }
      void create() { ${P('db_connect("", "/x.db")')} }`);
    expect(r.out).toBe('sqlite3_connect /x.db\n"unable to open database file /x.db"\n');
  });

  it('asks valid_database(ob, action, info) and raises FluffOS\'s error on 0', async () => {
    const r = await run(`
      int valid_database(object ob, string action, mixed *info) {
        write(action + " " + sprintf("%O", info) + "\\n");
        return action != "exec" || info[0][0..5] == "SELECT";
      }
      void create() {
        int h = db_connect("host", ":memory:", "user");
        ${P('catch(db_exec(h, "DROP TABLE x"))')}
        ${P('db_exec(h, "SELECT 1")')}
      }`);
    expect(r.out).toBe(
      'connect ({ /* sizeof() == 3 */\n  ":memory:",\n  "host",\n  "user"\n})\n'
      + 'exec ({ /* sizeof() == 1 */\n  "DROP TABLE x"\n})\n'
      + '"*Database security violation attempted\\n"\n'
      + 'exec ({ /* sizeof() == 1 */\n  "SELECT 1"\n})\n1\n');
  });
});

describe('async_db_exec', () => {
  it('runs on the worker; the callback gets the row count and extra args, and db_fetch sees the result', async () => {
    const r = await run(`
      int h;
      void create() {
        h = db_connect("", ":memory:");
        db_exec(h, "CREATE TABLE t (x INTEGER)");
        db_exec(h, "INSERT INTO t VALUES (1), (2), (3)");
        async_db_exec(h, "SELECT x FROM t ORDER BY x", function(mixed rows, string tag) {
          write(sprintf("%s %O %O\\n", tag, rows, db_fetch(h, 3)));
        }, "cb");
        write("submitted\\n");
      }`);
    expect(r.out).toBe('submitted\ncb 3 ({ /* sizeof() == 1 */\n  3\n})\n');
  });

  it('hands the error text to the callback', async () => {
    const r = await run(`
      void create() {
        int h = db_connect("", ":memory:");
        async_db_exec(h, "SELECT * FROM missing", (: write(sprintf("%O\\n", $1)) :));
      }`);
    expect(r.out).toBe('"no such table: missing"\n');
  });

  it('serialises with synchronous calls in submission order on one connection', async () => {
    const r = await run(`
      void create() {
        int h = db_connect("", ":memory:");
        db_exec(h, "CREATE TABLE t (x)");
        async_db_exec(h, "INSERT INTO t VALUES (1)", (: 0 :));
        ${P('db_exec(h, "SELECT x FROM t")')}
      }`);
    expect(r.out).toBe('1\n');
  });

  it('cancels the callback when its owner is destructed', async () => {
    fs.writeFileSync(path.join(root, 'q.c'), `
      void go(int h) { async_db_exec(h, "SELECT 1", (: write("should not run\\n") :)); destruct(this_object()); }`);
    const r = await run(`
      void create() {
        int h = db_connect("", ":memory:");
        load_object("/q")->go(h);
        async_db_exec(h, "SELECT 1", (: write("master callback\\n") :));
      }`);
    expect(r.out).toBe('master callback\n');
  });
});

describe('async_db_exec result sets', () => {
  it('installs its result set when the callback runs, not when the query finished between turns', async () => {
    const host = new MemoryHost({
      '/master.c': `
        int h;
        void create() { h = db_connect("", ":memory:"); }
        void ask() { async_db_exec(h, "SELECT 'async' AS x", (: write(sprintf("callback %O %O\\n", $1, db_fetch(h, 1))) :)); }
        void meanwhile() { db_exec(h, "SELECT 'sync' AS y, 2 AS z"); }`,
    });
    const rt = createRuntime({ host, appPath: '/master.c', args: [] });
    const master = rt.runTop(() => rt.loadObject('/master.c'))!;
    rt.master = master;
    const q = asyncOf(rt);
    rt.runTop(() => rt.apply(master, 'ask', []));
    await q.whenReady();
    rt.runTop(() => rt.apply(master, 'meanwhile', []));
    expect(q.drain()).toBe(1);
    expect(host.out).toBe('callback 1 ({ /* sizeof() == 1 */\n  "async"\n})\n');
    for (const s of q.allServices()) if (s instanceof SqliteService) await s.shutdown();
  });
});

describe('cell conversion', () => {
  it('maps SQLite storage classes to LPC values', () => {
    expect(cellValue(null)).toBe(0);
    expect(cellValue(5n)).toBe(5);
    expect(cellValue(9007199254740993n)).toBe(9007199254740993n);
    expect(cellValue(1.5)).toEqual(new LFloat(1.5));
    expect(cellValue('x')).toBe('x');
    expect(cellValue(new Uint8Array([1, 2]))).toEqual(new LBuffer(new Uint8Array([1, 2])));
  });
});

describe('a better-sqlite3 that does not load', () => {
  it('fails each request at once with the reason, without waiting out the timeout', async () => {
    const missing = path.join(os.tmpdir(), 'lapis-no-such-dir', 'better-sqlite3.js');
    const service = new SqliteService(() => undefined, missing);
    const t0 = Date.now();
    const r = service.connect(':memory:');
    expect(r).toMatch(/^better-sqlite3 cannot be loaded: Cannot find module/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    await service.shutdown();
  });
});
