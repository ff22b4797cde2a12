// What the VM needs from its surroundings: the mudlib's files, output
// streams, clocks and an optional compile cache. The Node implementation lives
// in driver/host/node-host.ts; tests use an in-memory one. Keeping this an
// interface is what lets driver/vm and driver/lpc stay free of Node modules.

export interface FileStat {
  size: number;
  isDir: boolean;
  mtimeMs: number;
  /** Identity of the underlying file ("dev:ino") when the host knows it: hard links share it. */
  id?: string;
}

export interface MudlibHost {
  /** Reads a mudlib-absolute path ("/std/room.c"); undefined when missing. */
  readFile(path: string): string | undefined;
  /** Writes (or appends) text; returns false on failure. */
  writeFile(path: string, text: string, append: boolean): boolean;
  stat(path: string): FileStat | undefined;

  // File operations behind the file efuns (driver/efuns/files.ts). Optional so
  // that hosts which only serve source files (tools, tests) need not provide
  // them; an efun whose operation is missing raises an error saying so. Every
  // path is mudlib-absolute and already approved by the master; the host's job
  // is to keep it inside the mudlib (DESIGN.md decision 7).

  /** Bytes [offset, offset + length) of a file, clamped to its size; undefined when missing or a directory. */
  readBytes?(path: string, offset?: number, length?: number): Uint8Array | undefined;
  /**
   * Writes bytes: 'truncate' replaces the file, 'append' appends, a number
   * writes at that offset without truncating (creating the file when missing).
   */
  writeBytes?(path: string, data: Uint8Array, at: 'truncate' | 'append' | number): boolean;
  /**
   * Replaces a file's contents atomically (temp file, fsync, rename): after a
   * failure the old file, if any, is untouched and no temp file is left.
   */
  writeAtomic?(path: string, data: string | Uint8Array): boolean;
  /** Entry names of a directory ("." and ".." excluded), or undefined when it is not a directory. */
  readDir?(path: string): string[] | undefined;
  /** Removes a file (never a directory). */
  remove?(path: string): boolean;
  /** Creates one directory (its parent must exist). */
  makeDir?(path: string): boolean;
  /** Removes an empty directory. */
  removeDir?(path: string): boolean;
  /** rename(2): moves a file or directory, replacing a file at `to`. */
  rename?(from: string, to: string): boolean;
  /** link(2): a hard link `to` for the file `from`. */
  link?(from: string, to: string): boolean;
  /** Why the last failed operation failed, in strerror() words ("No such file or directory"). */
  lastError?(): string;
  /** Driver output (write() in app mode, shutdown messages). */
  stdout(text: string): void;
  /** Driver log (debug_message, uncaught errors, compile errors). */
  stderr(text: string): void;
  /** Wall clock in ms since the epoch (time(), call_out scheduling). */
  now(): number;
  /**
   * Wall clock in ns since the epoch at the host's best resolution
   * (time_ns()); without it, time_ns() is now() in ms times 10^6.
   */
  nowNs?(): bigint;
  /** Process CPU time in ms, user and system (rusage()). */
  cpuMs(): { utime: number; stime: number };
  /**
   * getrusage(RUSAGE_SELF) as MudOS's rusage() maps it: utime and stime in
   * ms, maxrss in KB, the rest counts. Without it, rusage() has cpuMs() and
   * zeros.
   */
  rusage?(): RusageCounters;
  /** Optional disk cache for generated JS, keyed by a source hash. */
  cacheGet?(key: string): string | undefined;
  cacheSet?(key: string, js: string): void;
}

/** The fields of MudOS's rusage() mapping, in its order. */
export const RUSAGE_FIELDS = ['utime', 'stime', 'maxrss', 'ixrss', 'idrss', 'isrss', 'minflt', 'majflt', 'nswap',
  'inblock', 'oublock', 'msgsnd', 'msgrcv', 'nsignals', 'nvcsw', 'nivcsw'] as const;

export type RusageCounters = Record<(typeof RUSAGE_FIELDS)[number], number>;

const UTF8 = new TextEncoder();

/** An in-memory host for tests and embedding: files in a Map, output collected. */
export class MemoryHost implements MudlibHost {
  readonly files = new Map<string, string>();
  out = '';
  err = '';
  clock = 0;
  readonly cache = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(files)) this.files.set(k.startsWith('/') ? k : '/' + k, v);
  }

  readFile(path: string): string | undefined {
    return this.files.get(path);
  }

  writeFile(path: string, text: string, append: boolean): boolean {
    this.files.set(path, (append ? (this.files.get(path) ?? '') : '') + text);
    return true;
  }

  stat(path: string): FileStat | undefined {
    const f = this.files.get(path);
    if (f !== undefined) return { size: UTF8.encode(f).length, isDir: false, mtimeMs: this.clock };
    return this.isDir(path) ? { size: -2, isDir: true, mtimeMs: this.clock } : undefined;
  }

  // File operations: text is stored as strings, bytes go through UTF-8 (so
  // byte-level writes of invalid UTF-8 are lossy here; NodeHost keeps bytes).

  /** Directories made by makeDir() that may hold no file yet. */
  readonly dirs = new Set<string>(['/']);
  private error = '';

  private isDir(path: string): boolean {
    if (this.dirs.has(path)) return true;
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    for (const k of this.dirs) if (k.startsWith(prefix)) return true;
    return false;
  }

  private parentExists(path: string): boolean {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    return this.isDir(parent);
  }

  private fail(why: string): false {
    this.error = why;
    return false;
  }

  lastError(): string {
    return this.error;
  }

  readBytes(path: string, offset = 0, length?: number): Uint8Array | undefined {
    const f = this.files.get(path);
    if (f === undefined) return undefined;
    const bytes = UTF8.encode(f);
    return bytes.slice(offset, length === undefined ? undefined : offset + length);
  }

  writeBytes(path: string, data: Uint8Array, at: 'truncate' | 'append' | number): boolean {
    if (this.isDir(path)) return this.fail('Is a directory');
    if (!this.parentExists(path)) return this.fail('No such file or directory');
    const old = this.files.has(path) ? UTF8.encode(this.files.get(path)!) : new Uint8Array(0);
    let out: Uint8Array;
    if (at === 'truncate') out = data;
    else {
      const pos = at === 'append' ? old.length : at;
      out = new Uint8Array(Math.max(old.length, pos + data.length));
      out.set(old);
      out.set(data, pos);
    }
    this.files.set(path, new TextDecoder().decode(out));
    return true;
  }

  writeAtomic(path: string, data: string | Uint8Array): boolean {
    return this.writeBytes(path, typeof data === 'string' ? UTF8.encode(data) : data, 'truncate');
  }

  readDir(path: string): string[] | undefined {
    if (!this.isDir(path)) return undefined;
    const prefix = path === '/' ? '/' : path + '/';
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k.length > prefix.length && k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
    }
    return [...names];
  }

  remove(path: string): boolean {
    return this.files.delete(path) || this.fail('No such file or directory');
  }

  makeDir(path: string): boolean {
    if (this.files.has(path) || this.isDir(path)) return this.fail('File exists');
    if (!this.parentExists(path)) return this.fail('No such file or directory');
    this.dirs.add(path);
    return true;
  }

  removeDir(path: string): boolean {
    if (path === '/' || !this.isDir(path)) return this.fail('No such file or directory');
    if (this.readDir(path)!.length) return this.fail('Directory not empty');
    return this.dirs.delete(path);
  }

  rename(from: string, to: string): boolean {
    const f = this.files.get(from);
    if (f === undefined) return this.fail(this.isDir(from) ? 'Operation not supported' : 'No such file or directory');
    if (this.isDir(to)) return this.fail('Is a directory');
    if (!this.parentExists(to)) return this.fail('No such file or directory');
    this.files.delete(from);
    this.files.set(to, f);
    return true;
  }

  link(from: string, to: string): boolean {
    // Strings are immutable, so a copy stands in for a hard link until either side is written.
    const f = this.files.get(from);
    if (f === undefined) return this.fail('No such file or directory');
    if (this.files.has(to) || this.isDir(to)) return this.fail('File exists');
    if (!this.parentExists(to)) return this.fail('No such file or directory');
    this.files.set(to, f);
    return true;
  }

  stdout(text: string): void {
    this.out += text;
  }

  stderr(text: string): void {
    this.err += text;
  }

  now(): number {
    return this.clock;
  }

  nowNs(): bigint {
    // In two parts: the clock in ns is past 2^53, where a double is no longer exact.
    const ms = Math.floor(this.clock);
    return BigInt(ms) * 1_000_000n + BigInt(Math.round((this.clock - ms) * 1e6));
  }

  cpuMs(): { utime: number; stime: number } {
    return { utime: Math.round(performance.now()), stime: 0 };
  }

  cacheGet(key: string): string | undefined {
    return this.cache.get(key);
  }

  cacheSet(key: string, js: string): void {
    this.cache.set(key, js);
  }
}
