// The async completion mechanism (driver/vm/async-completions.ts) and the
// async file efuns (driver/efuns/async-files.ts): callbacks run in completion
// order, in a later turn, with this_player() restored and a fresh eval
// budget; destructing the owner cancels; errors reach the master's
// error_handler; files go through valid_read/valid_write and the sandbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeHost } from '../../driver/host/node-host.js';
import { MemoryHost } from '../../driver/vm/host.js';
import type { MudlibHost } from '../../driver/vm/host.js';
import { createRuntime, runApp } from '../../driver/app.js';
import { asyncOf } from '../../driver/vm/async-completions.js';
import type { AsyncFileService } from '../../driver/efuns/async-files.js';
import type { Runtime } from '../../driver/vm/runtime.js';
import { NodeFileService } from '../../driver/backend/workers/file-worker.js';

let tmp: string;
let root: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lapis-async-'));
  root = path.join(tmp, 'mudlib');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'top secret\n');
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function capture(host: MudlibHost): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  host.stdout = (t: string) => void (out += t);
  host.stderr = (t: string) => void (err += t);
  return { out: () => out, err: () => err };
}

/** Runs `source` as the master of a NodeHost mudlib in app mode. */
async function runMaster(source: string, setup?: (rt: Runtime) => void): Promise<{ out: string; err: string; code: number }> {
  fs.writeFileSync(path.join(root, 'master.c'), source);
  const host = new NodeHost(root);
  const io = capture(host);
  const opts = { host, appPath: '/master.c', args: [] };
  const rt = createRuntime(opts);
  setup?.(rt);
  const code = await runApp(opts, rt);
  return { out: io.out(), err: io.err(), code };
}

/** A file service whose reads finish after a per-file delay, recording when each started. */
function delayedReads(delays: Record<string, number>, started: string[]): AsyncFileService {
  const later = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));
  return {
    read: (p) => {
      started.push(p);
      return later(delays[p] ?? 0, new TextEncoder().encode('<' + p + '>'));
    },
    write: async () => true,
    readDir: async () => [],
    isDir: async () => undefined,
  };
}

describe('completion order and parallelism', () => {
  it('runs callbacks in completion order, not submission order, after all reads started', async () => {
    const started: string[] = [];
    const r = await runMaster(`
      void create() {
        async_read("/slow", (: write("cb " + $1 + "\\n") :));
        async_read("/fast", (: write("cb " + $1 + "\\n") :));
        async_read("/mid", (: write("cb " + $1 + "\\n") :));
        write("submitted\\n");
      }`, (rt) => asyncOf(rt).provide('files', delayedReads({ '/slow': 120, '/fast': 5, '/mid': 50 }, started)));
    expect(r.out).toBe('submitted\ncb </fast>\ncb </mid>\ncb </slow>\n');
    expect(started).toEqual(['/slow', '/fast', '/mid']);
  });

  it('starts every read of a turn before any of them finishes (parallel, not queued)', async () => {
    const events: string[] = [];
    const svc = delayedReads({ '/a': 60, '/b': 30, '/c': 45 }, []);
    const traced: AsyncFileService = {
      ...svc,
      read: async (p) => {
        events.push('start ' + p);
        const r = await svc.read(p);
        events.push('end ' + p);
        return r;
      },
    };
    const r = await runMaster(`
      int n;
      void done(string s) { if (++n == 3) write("all done\\n"); }
      void create() { async_read("/a", (: done :)); async_read("/b", (: done :)); async_read("/c", (: done :)); }`,
    (rt) => asyncOf(rt).provide('files', traced));
    expect(r.out).toBe('all done\n');
    expect(events).toEqual(['start /a', 'start /b', 'start /c', 'end /b', 'end /c', 'end /a']);
  });

  it('never runs a callback inside the efun call (always a later execution)', async () => {
    const r = await runMaster(`
      int flag;
      void create() { async_read("/master.c", (: write("flag " + flag + "\\n") :)); flag = 1; }`);
    expect(r.out).toBe('flag 1\n');
  });

  it('gives each callback a fresh eval budget', async () => {
    const r = await runMaster(`
      void create() {
        async_read("/master.c", function(string s) { write((eval_cost() > 900000 ? "fresh" : "spent") + "\\n"); });
        for (int i = 0; i < 200000; i++) ;
      }`);
    expect(r.out).toBe('fresh\n');
  });
});

describe('this_player, destruct, errors (runtime driven directly)', () => {
  const files = {
    '/master.c': `
      void error_handler(mapping e, int caught) {
        write("handler: " + e["error"] + "trace: " + implode(map(e["trace"], (: $1["function"] :)), ",") + "\\n");
      }`,
    '/user.c': `string query_name() { return "alice"; }`,
    '/asker.c': `
      void ask() { async_read("/data.txt", (: write("tp " + (this_player() ? this_player()->query_name() : "none") + " got " + $1) :)); }
      void ask_and_die() { async_read("/data.txt", (: write("should not run\\n") :)); destruct(this_object()); }
      void ask_then_fail() { async_read("/data.txt", (: callback_body :)); }
      void callback_body(string s) { error("boom in callback"); }
      void ask_with_name() { async_write("/out.txt", "x", 1, (: write("wrote " + $1 + "\\n") :)); }`,
    '/data.txt': 'payload\n',
  };

  async function setup() {
    const host = new MemoryHost(files);
    const io = capture(host);
    const rt = createRuntime({ host, appPath: '/master.c', args: [] });
    rt.master = rt.runTop(() => rt.loadObject('/master.c'))!;
    const user = rt.runTop(() => rt.loadObject('/user.c'))!;
    const asker = rt.runTop(() => rt.loadObject('/asker.c'))!;
    const q = asyncOf(rt);
    const call = (fn: string, tp: typeof user | 0) => rt.runTop(() => {
      rt.tp = tp;
      rt.apply(asker, fn, []);
    });
    const settle = async () => {
      while (q.pending && !q.hasReady()) await q.whenReady();
      return q.drain();
    };
    return { rt, io, user, asker, q, call, settle };
  }

  it('restores this_player() from the submitting execution', async () => {
    const { io, user, call, settle } = await setup();
    call('ask', user);
    expect(io.out()).toBe('');
    expect(await settle()).toBe(1);
    expect(io.out()).toBe('tp alice got payload\n');
  });

  it('restores no player when there was none, and none leaks from the previous turn', async () => {
    const { rt, io, call, settle } = await setup();
    call('ask', 0);
    rt.tp = 0;
    await settle();
    expect(io.out()).toBe('tp none got payload\n');
  });

  it('a destructed owner cancels its pending callbacks', async () => {
    const { io, call, q, asker } = await setup();
    call('ask_and_die', 0);
    expect(asker.destructed).toBe(true);
    expect(q.pending).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(q.drain()).toBe(0);
    expect(io.out()).toBe('');
  });

  it('an error in a callback reaches error_handler with a traceback', async () => {
    const { io, call, settle } = await setup();
    call('ask_then_fail', 0);
    await settle();
    expect(io.out()).toContain('handler: *boom in callback\n');
    expect(io.out()).toContain('callback_body');
  });

  it('works on a host without worker threads (in-memory files)', async () => {
    const { rt, io, call, settle } = await setup();
    call('ask_with_name', 0);
    await settle();
    expect(io.out()).toBe('wrote 0\n');
    expect((rt.host as MemoryHost).files.get('/out.txt')).toBe('x');
  });
});

describe('async_read / async_write / async_getdir on a real mudlib', () => {
  it('writes (overwrite, then append) and reads back', async () => {
    const r = await runMaster(`
      void create() {
        async_write("/log.txt", "one\\n", 1, function(int r1) {
          write("w1 " + r1 + " " + (undefinedp(r1) ? "undef" : "def") + "\\n");
          async_write("/log.txt", "two\\n", 0, function(int r2) {
            write("w2 " + r2 + "\\n");
            async_read("/log.txt", (: write("read " + $1) :));
          });
        });
      }`);
    expect(r.out).toBe('w1 0 undef\nw2 0\nread one\ntwo\n');
    expect(fs.readFileSync(path.join(root, 'log.txt'), 'utf8')).toBe('one\ntwo\n');
  });

  it('gives -1 for a missing file, a directory, and a path outside the mudlib', async () => {
    fs.mkdirSync(path.join(root, 'd'));
    fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'link.txt'));
    const r = await runMaster(`
      void show(string what, mixed v) { write(what + " " + sprintf("%O", v) + "\\n"); }
      void create() {
        async_read("/missing.txt", (: show("missing", $1) :));
        async_read("/d", (: show("dir", $1) :));
        async_read("/../secret.txt", (: show("dotdot", $1) :));
        async_read("/link.txt", (: show("symlink", $1) :));
      }`);
    expect(r.out.split('\n').filter(Boolean).sort()).toEqual(['dir -1', 'dotdot -1', 'missing -1', 'symlink -1']);
  });

  it('gives -1 for a file larger than MaxReadFileSize, as read_file refuses it', async () => {
    fs.writeFileSync(path.join(root, 'big.txt'), 'x'.repeat(11));
    fs.writeFileSync(path.join(root, 'ok.txt'), 'y'.repeat(10));
    const r = await runMaster(`
      void create() {
        async_read("/big.txt", function(mixed v) { write(sprintf("big %O\\n", v));
          async_read("/ok.txt", (: write(sprintf("ok %O\\n", $1)) :)); });
      }`, (rt) => void (rt.limits.maxReadFileSize = 10));
    expect(r.out).toBe('big -1\nok "yyyyyyyyyy"\n');
  });

  it('asks valid_read/valid_write with the synchronous efun names and honours a refusal', async () => {
    fs.writeFileSync(path.join(root, 'open.txt'), 'open\n');
    fs.writeFileSync(path.join(root, 'closed.txt'), 'closed\n');
    const r = await runMaster(`
      int valid_read(string p, object ob, string fn) { write("valid_read " + p + " " + fn + "\\n"); return p != "/closed.txt"; }
      int valid_write(string p, object ob, string fn) { write("valid_write " + p + " " + fn + "\\n"); return 0; }
      void create() {
        async_read("/open.txt", (: write("open: " + $1) :));
        async_read("/closed.txt", (: write("closed: " + $1 + "\\n") :));
        async_write("/open.txt", "x", 1, (: write("write: " + $1 + "\\n") :));
      }`);
    const lines = r.out.split('\n').filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['valid_read /open.txt read_file', 'valid_read /closed.txt read_file', 'valid_write /open.txt write_file']);
    expect(lines.slice(3).sort()).toEqual(['closed: -1', 'open: open', 'write: -1']);
    expect(fs.readFileSync(path.join(root, 'open.txt'), 'utf8')).toBe('open\n');
  });

  it('lists a directory, a wildcard, and answers 0 for a missing directory', async () => {
    fs.mkdirSync(path.join(root, 'd'));
    for (const f of ['b.c', 'a.c', 'x.h']) fs.writeFileSync(path.join(root, 'd', f), '');
    const r = await runMaster(`
      void show(string what, mixed v) { write(what + " " + sprintf("%O", v) + "\\n"); }
      void create() {
        async_getdir("/d/", function(mixed v) { show("all", v);
          async_getdir("/d/*.c", function(mixed w) { show("pattern", w);
            async_getdir("/nope/", (: show("missing", $1) :)); }); });
      }`);
    expect(r.out).toBe(
      'all ({ /* sizeof() == 3 */\n  "a.c",\n  "b.c",\n  "x.h"\n})\n' +
      'pattern ({ /* sizeof() == 2 */\n  "a.c",\n  "b.c"\n})\n' +
      'missing 0\n');
  });

  it('refuses a callback that is not a function pointer', async () => {
    const r = await runMaster(`
      void create() { write(catch(async_read("/x", (mixed)"f")) + "\\n"); }`);
    expect(r.out).toBe('*Bad argument 2 to async_read()\n\n');
  });

  it('keeps app mode alive until the last callback and then exits', async () => {
    const r = await runMaster(`
      void create() { async_read("/master.c", (: call_out((: write("later\\n") :), 0) :)); }`);
    expect(r.out).toBe('later\n');
    expect(r.code).toBe(0);
  });
});

describe('NodeFileService sandbox', () => {
  it('resolves inside the root and refuses escapes and dangling links', async () => {
    const svc = new NodeFileService(fs.realpathSync(root));
    fs.symlinkSync(path.join(tmp, 'nowhere'), path.join(root, 'dangling'));
    expect(await svc.resolve('/a/b.txt')).toBe(path.join(fs.realpathSync(root), 'a', 'b.txt'));
    expect(await svc.resolve('/dangling')).toBeUndefined();
    expect(await svc.write('/dangling', new Uint8Array([1]), false)).toBe(false);
    expect(fs.existsSync(path.join(tmp, 'nowhere'))).toBe(false);
  });
});
