// The mudlib sandbox's path resolution (DESIGN.md decision 7), written once for
// the synchronous host (node-host.ts) and the asynchronous file service
// (backend/workers/file-worker.ts). The walk is a generator that asks for the
// filesystem calls it needs, so each caller answers them in its own way
// (fs.*Sync or fs.promises) and the rules cannot drift apart:
//
// - a mudlib path may not leave the root lexically;
// - the path need not exist: its deepest existing ancestor is resolved with
//   realpath(3) and the missing components are appended to that, so a symlink
//   on the way cannot point outside;
// - a component that lstat can see but realpath can't is a dangling symlink:
//   following it on write would create a file wherever it points, so it is
//   refused.
import * as path from 'node:path';

/** A filesystem call the walk needs: realpath(3) of a path, or whether lstat(2) succeeds on it. */
export type SandboxProbe = { op: 'realpath' | 'lstat'; path: string };

/** A probe's outcome: success (with the real path for realpath), or failure with the error code. */
export type SandboxAnswer = { ok: true; real: string } | { ok: false; code: string | undefined };

/** Whether a real path is the root or below it. */
export function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root + path.sep);
}

/**
 * Resolves mudlib path `p` under the real directory `root`: yields probes,
 * returns the real path, or undefined when it would leave the mudlib.
 */
export function* sandboxWalk(root: string, p: string): Generator<SandboxProbe, string | undefined, SandboxAnswer> {
  const full = path.join(root, path.posix.normalize('/' + p));
  if (!isInside(root, full)) return undefined;
  const missing: string[] = [];
  let cur = full;
  for (;;) {
    const found = yield { op: 'realpath', path: cur };
    if (found.ok) {
      if (!isInside(root, found.real)) return undefined;
      return missing.length ? path.join(found.real, ...missing.reverse()) : found.real;
    }
    if (found.code !== 'ENOENT' && found.code !== 'ENOTDIR') return undefined;
    if ((yield { op: 'lstat', path: cur }).ok) return undefined; // a dangling symlink
    // Really missing: try its parent.
    if (cur === root) return undefined;
    missing.push(path.basename(cur));
    cur = path.dirname(cur);
  }
}
