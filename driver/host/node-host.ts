// The Node implementation of MudlibHost: files under a mudlib root directory
// (paths can't escape through `..`; symlinks pointing outside are refused),
// stdout/stderr, wall clock, process CPU time, and an optional disk cache
// directory for generated JS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileStat, MudlibHost } from '../vm/host.js';

export class NodeHost implements MudlibHost {
  readonly root: string;

  constructor(root: string, readonly cacheDir?: string) {
    this.root = fs.realpathSync(root);
    // A closed pipe (`lapis app.c | head`) must not crash the driver.
    for (const s of [process.stdout, process.stderr]) {
      if (s.listenerCount('error') === 0) s.on('error', () => {});
    }
  }

  /** The real path for a mudlib path, or undefined when it would leave the mudlib. */
  resolve(p: string): string | undefined {
    const full = path.resolve(this.root, '.' + path.posix.normalize('/' + p));
    if (full !== this.root && !full.startsWith(this.root + path.sep)) return undefined;
    try {
      const real = fs.realpathSync(full);
      if (real !== this.root && !real.startsWith(this.root + path.sep)) return undefined;
      return real;
    } catch {
      return full; // does not exist (yet): the lexical check above is what counts
    }
  }

  readFile(p: string): string | undefined {
    const f = this.resolve(p);
    if (!f) return undefined;
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  }

  writeFile(p: string, text: string, append: boolean): boolean {
    const f = this.resolve(p);
    if (!f) return false;
    try {
      if (append) fs.appendFileSync(f, text);
      else fs.writeFileSync(f, text);
      return true;
    } catch {
      return false;
    }
  }

  stat(p: string): FileStat | undefined {
    const f = this.resolve(p);
    if (!f) return undefined;
    try {
      const st = fs.statSync(f);
      return { size: st.isDirectory() ? -2 : st.size, isDir: st.isDirectory(), mtimeMs: st.mtimeMs };
    } catch {
      return undefined;
    }
  }

  stdout(text: string): void {
    process.stdout.write(text);
  }

  stderr(text: string): void {
    process.stderr.write(text);
  }

  now(): number {
    return Date.now();
  }

  cpuMs(): { utime: number; stime: number } {
    const u = process.cpuUsage();
    return { utime: u.user / 1000, stime: u.system / 1000 };
  }

  cacheGet(key: string): string | undefined {
    if (!this.cacheDir) return undefined;
    try {
      return fs.readFileSync(path.join(this.cacheDir, key + '.js'), 'utf8');
    } catch {
      return undefined;
    }
  }

  cacheSet(key: string, js: string): void {
    if (!this.cacheDir) return;
    try {
      fs.mkdirSync(this.cacheDir, { recursive: true });
      fs.writeFileSync(path.join(this.cacheDir, key + '.js'), js);
    } catch {
      // The cache is an optimisation; a read-only disk just means no cache.
    }
  }
}
