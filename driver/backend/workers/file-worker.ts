// The Node "files" service behind async_read/async_write/async_getdir
// (driver/efuns/async-files.ts): fs.promises, so the blocking system calls
// run on libuv's thread pool and several requests proceed in parallel.
//
// The sandbox is NodeHost's (DESIGN.md decision 7), redone with async calls so
// that not even the realpath() walk runs on the backend thread: a mudlib path
// may not leave the root lexically, and the deepest existing ancestor is
// resolved so that a symlink on the way (or a dangling one at the end) cannot
// point outside.
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { AsyncFileService } from '../../efuns/async-files.js';

export class NodeFileService implements AsyncFileService {
  constructor(readonly root: string) {}

  private inside(real: string): boolean {
    return real === this.root || real.startsWith(this.root + path.sep);
  }

  /** The real path of a mudlib path (which need not exist), or undefined when it would leave the mudlib. */
  async resolve(p: string): Promise<string | undefined> {
    const full = path.join(this.root, path.posix.normalize('/' + p));
    if (!this.inside(full)) return undefined;
    const missing: string[] = [];
    let cur = full;
    for (;;) {
      try {
        const real = await fsp.realpath(cur);
        if (!this.inside(real)) return undefined;
        return missing.length ? path.join(real, ...missing.reverse()) : real;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
        try {
          await fsp.lstat(cur);
          return undefined; // a dangling symlink
        } catch {
          // Really missing: try its parent.
        }
        if (cur === this.root) return undefined;
        missing.push(path.basename(cur));
        cur = path.dirname(cur);
      }
    }
  }

  async read(p: string): Promise<Uint8Array | undefined> {
    const real = await this.resolve(p);
    if (real === undefined) return undefined;
    try {
      return new Uint8Array(await fsp.readFile(real));
    } catch {
      return undefined;
    }
  }

  async write(p: string, data: Uint8Array, append: boolean): Promise<boolean> {
    const real = await this.resolve(p);
    if (real === undefined) return false;
    try {
      if (append) await fsp.appendFile(real, data);
      else await fsp.writeFile(real, data);
      return true;
    } catch {
      return false;
    }
  }

  async readDir(p: string): Promise<string[] | undefined> {
    const real = await this.resolve(p);
    if (real === undefined) return undefined;
    try {
      return await fsp.readdir(real);
    } catch {
      return undefined;
    }
  }

  async isDir(p: string): Promise<boolean | undefined> {
    const real = await this.resolve(p);
    if (real === undefined) return undefined;
    try {
      return (await fsp.stat(real)).isDirectory();
    } catch {
      return undefined;
    }
  }
}
