// The Node "files" service behind async_read/async_write/async_getdir
// (driver/efuns/async-files.ts): fs.promises, so the blocking system calls
// run on libuv's thread pool and several requests proceed in parallel.
//
// The sandbox is NodeHost's (DESIGN.md decision 7, host/sandbox-walk.ts),
// answered with async calls so that not even the realpath() walk runs on the
// backend thread.
import * as fsp from 'node:fs/promises';
import type { AsyncFileService } from '../../efuns/async-files.js';
import { sandboxWalk, type SandboxAnswer, type SandboxProbe } from '../../host/sandbox-walk.js';

/** Answers a sandbox probe with fs.promises (libuv's thread pool). */
async function probe(q: SandboxProbe): Promise<SandboxAnswer> {
  try {
    if (q.op === 'realpath') return { ok: true, real: await fsp.realpath(q.path) };
    await fsp.lstat(q.path);
    return { ok: true, real: q.path };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code };
  }
}

export class NodeFileService implements AsyncFileService {
  constructor(readonly root: string) {}

  /** The real path of a mudlib path (which need not exist), or undefined when it would leave the mudlib. */
  async resolve(p: string): Promise<string | undefined> {
    const walk = sandboxWalk(this.root, p);
    let step = walk.next();
    while (!step.done) step = walk.next(await probe(step.value));
    return step.value;
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
