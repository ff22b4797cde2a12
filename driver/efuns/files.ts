// File efuns the engine needs now (a later module extends this area):
// read_file, write_file, file_size. Paths are mudlib-absolute (a missing
// leading slash means the same thing, as in MudOS) and go through the
// master's valid_read/valid_write when it defines them (DESIGN.md decision 7:
// a string result rewrites the path, 0 denies).
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { truthy, type Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** Normalized mudlib path, or undefined when it would leave the mudlib. */
export function mudlibPath(path: string): string | undefined {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** Asks the master; returns the (possibly rewritten) path or undefined when denied. */
export function checkPath(rt: RuntimeApi, path: string, efun: string, write: boolean): string | undefined {
  const p = mudlibPath(path);
  if (p === undefined) return undefined;
  const r = vm(rt);
  const apply = write ? 'valid_write' : 'valid_read';
  const master = r.master;
  if (!master || master.destructed || !master.linked.table.has(apply)) return p;
  const res = r.masterApply(apply, [p, r.cur || 0, efun]);
  if (typeof res === 'string') return mudlibPath(res);
  return res !== undefined && truthy(res) ? p : undefined;
}

export const efuns = defineEfuns('files', [
  {
    name: 'write_file',
    signature: 'int write_file(string, string, void | int)',
    doc: 'Appends (or with flag 1 overwrites) text to a file; 1 on success.',
    impl: (rt, path: string, text: string, overwrite?: Value) => {
      const p = checkPath(rt, path, 'write_file', true);
      if (p === undefined) return rt.error(`Denied write permission for ${path}`);
      return vm(rt).host.writeFile(p, text, !overwrite) ? 1 : 0;
    },
  },
  {
    name: 'read_file',
    signature: 'string read_file(string, void | int, void | int)',
    doc: 'A file’s text, or lines start..start+count-1 of it; 0 when missing.',
    impl: (rt, path: string, start?: Value, count?: Value) => {
      const p = checkPath(rt, path, 'read_file', false);
      if (p === undefined) return 0;
      const text = vm(rt).host.readFile(p);
      if (text === undefined) return 0;
      if (text.length > rt.limits.maxReadFileSize && !start && !count) return rt.error('File too large');
      if (!start && !count) return text;
      const lines = text.split('\n');
      const from = Math.max(1, Number(start) || 1) - 1;
      if (from >= lines.length) return 0;
      const n = count ? Number(count) : lines.length;
      const out = lines.slice(from, from + n);
      const joined = out.join('\n');
      return from + n < lines.length || text.endsWith('\n') ? joined + (from + n < lines.length ? '\n' : '') : joined;
    },
  },
  {
    name: 'file_size',
    signature: 'int file_size(string)',
    doc: 'Size in bytes, -2 for a directory, -1 when missing or unreadable.',
    impl: (rt, path: string) => {
      const p = checkPath(rt, path, 'file_size', false);
      if (p === undefined) return -1;
      const st = vm(rt).host.stat(p);
      if (!st) return -1;
      return st.isDir ? -2 : st.size;
    },
  },
]);
