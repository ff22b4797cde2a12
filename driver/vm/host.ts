// What the VM needs from its surroundings: the mudlib's files, output
// streams, clocks and an optional compile cache. The Node implementation lives
// in driver/host/node-host.ts; tests use an in-memory one. Keeping this an
// interface is what lets driver/vm and driver/lpc stay free of Node modules.

export interface FileStat {
  size: number;
  isDir: boolean;
  mtimeMs: number;
}

export interface MudlibHost {
  /** Reads a mudlib-absolute path ("/std/room.c"); undefined when missing. */
  readFile(path: string): string | undefined;
  /** Writes (or appends) text; returns false on failure. */
  writeFile(path: string, text: string, append: boolean): boolean;
  stat(path: string): FileStat | undefined;
  /** Driver output (write() in app mode, shutdown messages). */
  stdout(text: string): void;
  /** Driver log (debug_message, uncaught errors, compile errors). */
  stderr(text: string): void;
  /** Wall clock in ms since the epoch (time(), call_out scheduling). */
  now(): number;
  /** Process CPU time in ms, user and system (rusage()). */
  cpuMs(): { utime: number; stime: number };
  /** Optional disk cache for generated JS, keyed by a source hash. */
  cacheGet?(key: string): string | undefined;
  cacheSet?(key: string, js: string): void;
}

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
    if (f !== undefined) return { size: f.length, isDir: false, mtimeMs: 0 };
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return { size: -2, isDir: true, mtimeMs: 0 };
    return undefined;
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
