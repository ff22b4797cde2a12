// The Node implementation of MudlibHost: files under a mudlib root directory,
// stdout/stderr, wall clock, process CPU time, and an optional disk cache
// directory for generated JS.
//
// The sandbox (DESIGN.md decision 7) is enforced here, below the master's
// valid_read/valid_write: a mudlib path can't leave the root lexically (`..`),
// and the deepest existing ancestor of the target is resolved with realpath so
// that a symlink anywhere on the way, or a dangling symlink as the last
// component, can't point outside. Saves are atomic (writeAtomic).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileStat, MudlibHost, RusageCounters } from '../vm/host.js';
import { sandboxWalk, type SandboxAnswer, type SandboxProbe } from './sandbox-walk.js';

/** Answers a sandbox probe with synchronous calls (the native realpath(3) is one syscall; the JS one lstats every component). */
function probeSync(probe: SandboxProbe): SandboxAnswer {
  try {
    if (probe.op === 'realpath') return { ok: true, real: fs.realpathSync.native(probe.path) };
    fs.lstatSync(probe.path);
    return { ok: true, real: probe.path };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code };
  }
}

/** strerror() wording for the errno codes file efuns report (MudOS puts it in error text). */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EXDEV: 'Invalid cross-device link',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
  EMLINK: 'Too many links',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
};

/** The fs calls writeAtomic makes, replaceable so tests can inject a failure at any step. */
export interface AtomicWriteOps {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  unlinkSync: typeof fs.unlinkSync;
}

const REAL_OPS: AtomicWriteOps = {
  openSync: fs.openSync,
  writeSync: (fd, data) => fs.writeSync(fd, data),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
};

/**
 * Output streams whose reader went away (EPIPE: `lapis app.c | head`). Their
 * later output is dropped; without this listener Node turns the write error
 * into an uncaught exception and the driver dies mid-run.
 */
const closedStreams = new Set<NodeJS.WritableStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closedStreams.add(stream);
  });
}

export class NodeHost implements MudlibHost {
  readonly root: string;
  /** Steps of writeAtomic (tests swap one out to simulate a full disk or a crash). */
  atomicOps: AtomicWriteOps = REAL_OPS;
  private error = '';
  /** Epoch ns minus the monotonic clock: nowNs() adds the monotonic clock back. */
  private epochNsOffset = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

  constructor(root: string, readonly cacheDir?: string) {
    this.root = fs.realpathSync(root);
    if (cacheDir) this.enableCache(cacheDir);
  }

  /**
   * The real path for a mudlib path, or undefined when it would leave the
   * mudlib (sandbox-walk.ts has the rules). The path need not exist.
   */
  resolve(p: string): string | undefined {
    const walk = sandboxWalk(this.root, p);
    let step = walk.next();
    while (!step.done) step = walk.next(probeSync(step.value));
    return step.value;
  }

  /**
   * Like resolve(), but for operations on a directory entry itself (rename,
   * unlink): the parent is resolved and the last component kept as is, so a
   * symlink is moved or removed rather than the file it points to.
   */
  resolveEntry(p: string): string | undefined {
    const norm = path.posix.normalize('/' + p).replace(/\/+$/, '');
    if (norm === '' || norm === '/') return undefined;
    const parent = this.resolve(path.posix.dirname(norm));
    return parent === undefined ? undefined : path.join(parent, path.posix.basename(norm));
  }

  /** Runs a filesystem call on the resolved path; false (with lastError set) on any failure. */
  private attempt<T>(p: string, body: (real: string) => T, entry = false): T | false {
    const real = entry ? this.resolveEntry(p) : this.resolve(p);
    if (real === undefined) {
      this.error = 'Permission denied';
      return false;
    }
    try {
      return body(real);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      this.error = STRERROR[code] ?? (e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  lastError(): string {
    return this.error;
  }

  readFile(p: string): string | undefined {
    const r = this.attempt(p, (f) => fs.readFileSync(f, 'utf8'));
    return r === false ? undefined : r;
  }

  writeFile(p: string, text: string, append: boolean): boolean {
    return this.attempt(p, (f) => {
      if (append) fs.appendFileSync(f, text);
      else fs.writeFileSync(f, text);
      return true;
    });
  }

  stat(p: string): FileStat | undefined {
    const r = this.attempt(p, (f) => {
      const st = fs.statSync(f);
      return { size: st.isDirectory() ? -2 : st.size, isDir: st.isDirectory(), mtimeMs: st.mtimeMs, id: `${st.dev}:${st.ino}` };
    });
    return r === false ? undefined : r;
  }

  readBytes(p: string, offset = 0, length?: number): Uint8Array | undefined {
    const r = this.attempt(p, (f) => {
      const fd = fs.openSync(f, 'r');
      try {
        const st = fs.fstatSync(fd);
        if (st.isDirectory()) return undefined;
        const start = Math.min(Math.max(0, offset), st.size);
        const n = Math.max(0, Math.min(length ?? st.size - start, st.size - start));
        const buf = new Uint8Array(n);
        let got = 0;
        while (got < n) {
          const k = fs.readSync(fd, buf, got, n - got, start + got);
          if (k === 0) break;
          got += k;
        }
        return got === n ? buf : buf.subarray(0, got);
      } finally {
        fs.closeSync(fd);
      }
    });
    return r === false ? undefined : r;
  }

  writeBytes(p: string, data: Uint8Array, at: 'truncate' | 'append' | number): boolean {
    return this.attempt(p, (f) => {
      if (at === 'truncate') fs.writeFileSync(f, data);
      else if (at === 'append') fs.appendFileSync(f, data);
      else {
        // r+ keeps the existing bytes; create the file first when it is missing.
        const fd = fs.openSync(f, fs.existsSync(f) ? 'r+' : 'w+');
        try {
          let done = 0;
          while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done, at + done);
        } finally {
          fs.closeSync(fd);
        }
      }
      return true;
    });
  }

  writeAtomic(p: string, data: string | Uint8Array): boolean {
    const ops = this.atomicOps;
    return this.attempt(p, (f) => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      // The temp file sits beside the target so that rename() stays on one
      // filesystem. A stale temp (or a symlink planted there) is removed first,
      // and 'wx' (O_EXCL) never follows a symlink.
      const tmp = f + '.tmp';
      try {
        ops.unlinkSync(tmp);
      } catch {
        // Usually absent.
      }
      const fd = ops.openSync(tmp, 'wx', 0o644);
      let renamed = false;
      try {
        try {
          let done = 0;
          while (done < bytes.length) done += ops.writeSync(fd, bytes.subarray(done));
          ops.fsyncSync(fd);
        } finally {
          ops.closeSync(fd);
        }
        ops.renameSync(tmp, f);
        renamed = true;
      } finally {
        if (!renamed) {
          try {
            ops.unlinkSync(tmp);
          } catch {
            // Nothing more can be done; the target itself was never touched.
          }
        }
      }
      // Make the rename itself durable; a filesystem that can't fsync a directory still saved the file.
      try {
        const dfd = fs.openSync(path.dirname(f), 'r');
        try {
          fs.fsyncSync(dfd);
        } finally {
          fs.closeSync(dfd);
        }
      } catch {
        // Best effort.
      }
      return true;
    });
  }

  readDir(p: string): string[] | undefined {
    const r = this.attempt(p, (f) => fs.readdirSync(f));
    return r === false ? undefined : r;
  }

  remove(p: string): boolean {
    return this.attempt(p, (f) => {
      // unlink(2) semantics: a directory is never removed here.
      if (fs.lstatSync(f).isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
      fs.unlinkSync(f);
      return true;
    }, true);
  }

  makeDir(p: string): boolean {
    return this.attempt(p, (f) => {
      fs.mkdirSync(f, 0o770);
      return true;
    });
  }

  removeDir(p: string): boolean {
    return this.attempt(p, (f) => {
      if (f === this.root) throw Object.assign(new Error('root'), { code: 'EBUSY' });
      fs.rmdirSync(f);
      return true;
    }, true);
  }

  rename(from: string, to: string): boolean {
    const src = this.resolveEntry(from);
    if (src === undefined) {
      this.error = 'Permission denied';
      return false;
    }
    return this.attempt(to, (dst) => {
      fs.renameSync(src, dst);
      return true;
    }, true);
  }

  link(from: string, to: string): boolean {
    const src = this.resolve(from);
    if (src === undefined) {
      this.error = 'Permission denied';
      return false;
    }
    return this.attempt(to, (dst) => {
      fs.linkSync(src, dst);
      return true;
    });
  }

  stdout(text: string): void {
    if (!closedStreams.has(process.stdout)) process.stdout.write(text);
  }

  stderr(text: string): void {
    if (!closedStreams.has(process.stderr)) process.stderr.write(text);
  }

  now(): number {
    return Date.now();
  }

  /**
   * The epoch time in ns: Date.now() has only ms, so the monotonic clock
   * (ns) runs from an anchor on the wall clock. A step of the system clock
   * (time() follows it at once) moves the anchor when the two disagree by
   * more than a second.
   */
  nowNs(): bigint {
    const ns = this.epochNsOffset + process.hrtime.bigint();
    const wallNs = BigInt(Date.now()) * 1_000_000n;
    const drift = ns - wallNs;
    if (drift > 1_000_000_000n || drift < -1_000_000_000n) {
      this.epochNsOffset -= drift;
      return wallNs;
    }
    return ns;
  }

  cpuMs(): { utime: number; stime: number } {
    const u = process.cpuUsage();
    return { utime: u.user / 1000, stime: u.system / 1000 };
  }

  rusage(): RusageCounters {
    const r = process.resourceUsage();
    return {
      utime: r.userCPUTime / 1000, stime: r.systemCPUTime / 1000, maxrss: r.maxRSS,
      ixrss: r.sharedMemorySize, idrss: r.unsharedDataSize, isrss: r.unsharedStackSize,
      minflt: r.minorPageFault, majflt: r.majorPageFault, nswap: r.swappedOut,
      inblock: r.fsRead, oublock: r.fsWrite, msgsnd: r.ipcSent, msgrcv: r.ipcReceived,
      nsignals: r.signalsCount, nvcsw: r.voluntaryContextSwitches, nivcsw: r.involuntaryContextSwitches,
    };
  }

  /** Present only with a cache directory, so the compiler skips cache work otherwise. */
  cacheGet?: (key: string) => string | undefined;
  cacheSet?: (key: string, text: string) => void;

  private enableCache(dir: string): void {
    this.cacheGet = (key) => {
      try {
        return fs.readFileSync(path.join(dir, key + '.json'), 'utf8');
      } catch {
        return undefined;
      }
    };
    this.cacheSet = (key, text) => {
      try {
        fs.mkdirSync(dir, { recursive: true });
        // Write then rename: a concurrent reader never sees half a record.
        const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, text);
        fs.renameSync(tmp, path.join(dir, key + '.json'));
      } catch {
        // The cache is an optimisation; a read-only disk just means no cache.
      }
    };
  }
}
