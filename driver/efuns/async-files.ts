// Async file efuns (FluffOS package async): async_read, async_write and
// async_getdir. The master's valid_read/valid_write is asked on the backend
// thread, with the same efun names and path rules as the synchronous file
// efuns (driver/efuns/files.ts); the I/O itself runs on a worker through the
// "files" service (driver/backend/workers/file-worker.ts on Node: libuv's
// thread pool) and the callback runs in a later backend turn
// (driver/vm/async-completions.ts).
//
// Callback values (FluffOS async.cc): async_read gives the file's text or -1;
// async_write gives 0 (the undefined zero) on success or -1; async_getdir
// gives a sorted array of names, or 0 when the directory does not exist.
// A path the master refuses fails the same way (FluffOS has no other signal).
import { defineEfuns } from './registry.js';
import { canonicalPath, matchPattern, validPath, validPathRel } from './files.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import type { MudlibHost } from '../vm/host.js';
import { asyncOf } from '../vm/async-completions.js';
import { LFunction, UNDEFINED, type Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;
const UTF8_ENCODE = new TextEncoder();
const UTF8_DECODE = new TextDecoder('utf-8');

/** The worker-side file operations; paths are mudlib-absolute and already approved. */
export interface AsyncFileService {
  /** The whole file, or undefined when it is missing, a directory, or outside the mudlib. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Replaces or appends; false on any failure. */
  write(path: string, data: Uint8Array, append: boolean): Promise<boolean>;
  /** Entry names ("." and ".." excluded), or undefined when not a directory. */
  readDir(path: string): Promise<string[] | undefined>;
  /** Whether the path is an existing directory (undefined: missing). */
  isDir(path: string): Promise<boolean | undefined>;
}

/**
 * The service for hosts without worker threads (in-memory hosts, tests): the
 * host's synchronous operations run in a later microtask, so callbacks still
 * arrive through the completion queue in a later turn.
 */
export function hostFileService(host: MudlibHost): AsyncFileService {
  const later = <T>(f: () => T) => Promise.resolve().then(f);
  return {
    read: (p) => later(() => {
      const st = host.stat(p);
      if (!st || st.isDir) return undefined;
      if (host.readBytes) return host.readBytes(p);
      const t = host.readFile(p);
      return t === undefined ? undefined : UTF8_ENCODE.encode(t);
    }),
    write: (p, data, append) => later(() => {
      if (host.writeBytes) return host.writeBytes(p, data, append ? 'append' : 'truncate');
      return host.writeFile(p, UTF8_DECODE.decode(data), append);
    }),
    readDir: (p) => later(() => host.readDir?.(p)),
    isDir: (p) => later(() => {
      const st = host.stat(p);
      return st ? st.isDir : undefined;
    }),
  };
}

function serviceOf(rt: RuntimeApi): AsyncFileService {
  const q = asyncOf(vm(rt));
  let s = q.service<AsyncFileService>('files');
  if (!s) q.provide('files', (s = hostFileService(vm(rt).host)));
  return s;
}

function currentObject(rt: RuntimeApi) {
  const cur = vm(rt).cur;
  if (!cur || cur.destructed) return rt.error('No current object for an async efun.\n');
  return cur;
}

function callbackOf(rt: RuntimeApi, efun: string, cb: Value): LFunction {
  if (!(cb instanceof LFunction)) return rt.error(`${efun}: callback must be a function pointer, not a string.\n`);
  return cb;
}

/** async_getdir's listing: a directory (trailing "/" or a plain directory name), or a wildcard in the last component. */
async function listDir(svc: AsyncFileService, rel: string): Promise<Value> {
  let dir = rel;
  let pattern: string | undefined;
  const trailing = dir.endsWith('/') || dir.endsWith('/.') || dir === '.';
  if (!trailing) {
    const whole = await svc.isDir(canonicalPath(dir));
    if (!whole) {
      const cut = dir.lastIndexOf('/');
      pattern = dir.slice(cut + 1);
      dir = cut >= 0 ? dir.slice(0, cut) : '.';
    }
  }
  const names = await svc.readDir(canonicalPath(dir));
  if (!names) return 0;
  const picked = pattern === undefined ? names : names.filter((n) => matchPattern(pattern!, n));
  return picked.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export const efuns = defineEfuns('async-files', [
  {
    name: 'async_read',
    signature: 'void async_read(string, function)',
    tier: 'async',
    doc: 'Reads a whole file on a worker; the callback gets its text, or -1 when it cannot be read or exceeds MaxReadFileSize.',
    impl: (rt, file: string, cb: Value) => {
      const fn = callbackOf(rt, 'async_read', cb);
      const owner = currentObject(rt);
      const p = validPath(rt, file, 'read_file', false);
      const max = rt.limits.maxReadFileSize;
      const svc = serviceOf(rt);
      asyncOf(vm(rt)).submit(owner, 'async_read',
        async () => (p === undefined ? undefined : svc.read(p)),
        (bytes) => ({ fn, args: [bytes === undefined || bytes.length > max ? -1 : UTF8_DECODE.decode(bytes)] }),
        () => ({ fn, args: [-1] }));
      return 0;
    },
  },
  {
    name: 'async_write',
    signature: 'void async_write(string, string, int, function)',
    tier: 'async',
    doc: 'Appends text to a file on a worker (flag 1 overwrites); the callback gets 0 on success, -1 on failure.',
    impl: (rt, file: string, text: string, flag: Value, cb: Value) => {
      const fn = callbackOf(rt, 'async_write', cb);
      const owner = currentObject(rt);
      const p = validPath(rt, file, 'write_file', true);
      const data = UTF8_ENCODE.encode(text);
      const svc = serviceOf(rt);
      const overwrite = typeof flag === 'number' && (flag & 1) !== 0;
      asyncOf(vm(rt)).submit(owner, 'async_write',
        async () => (p === undefined ? false : svc.write(p, data, !overwrite)),
        (ok) => ({ fn, args: [ok ? UNDEFINED : -1] }),
        () => ({ fn, args: [-1] }));
      return 0;
    },
  },
  {
    name: 'async_getdir',
    signature: 'void async_getdir(string, function)',
    tier: 'async',
    doc: 'Lists a directory ("/d/") or the names matching a wildcard ("/d/*.c") on a worker; the callback gets the sorted names, or 0.',
    impl: (rt, dir: string, cb: Value) => {
      const fn = callbackOf(rt, 'async_getdir', cb);
      const owner = currentObject(rt);
      const rel = validPathRel(rt, dir, 'get_dir', false);
      const svc = serviceOf(rt);
      const maxArray = rt.limits.maxArraySize;
      asyncOf(vm(rt)).submit(owner, 'async_getdir',
        async () => (rel === undefined ? 0 : listDir(svc, rel)),
        (names) => ({ fn, args: [Array.isArray(names) && names.length > maxArray ? names.slice(0, maxArray) : names] }),
        () => ({ fn, args: [0] }));
      return 0;
    },
  },
]);
