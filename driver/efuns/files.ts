// File efuns (MudOS v22 file.c / efuns_main.c semantics): read_file,
// write_file, read_bytes, write_bytes, read_buffer, write_buffer, file_size,
// file_length, get_dir, stat, cp, rename, link, rm, mkdir, rmdir, tail.
//
// Sandbox (DESIGN.md decision 7), in MudOS's order:
//   1. The master's valid_read/valid_write(path, this_object(), efun_name) is
//      asked with the path exactly as the efun got it. 0 denies; a string
//      replaces the path; anything else (or no such apply) allows.
//   2. The approved path is always mudlib-absolute ("a/b" means "/a/b") and
//      must be a legal path (MudOS legal_path): no `..` component, no `.`
//      component except a trailing one, no `#`, one leading slash at most. Normalising `..` instead would let a
//      master that approved "/open/../secure/x" by its prefix hand out /secure.
//   3. The host resolves it below the mudlib root and refuses symlinks that
//      lead outside (driver/host/node-host.ts).
//
// Strings are Unicode text and buffers bytes (DESIGN.md decision 2): byte
// offsets and MaxByteTransfer count UTF-8 bytes; bytes read into a string are
// decoded as UTF-8 (invalid sequences become U+FFFD).
import { defineEfuns, type EfunDecl } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import type { FileStat, MudlibHost } from '../vm/host.js';
import { LBuffer, type Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;
const UTF8_ENCODE = new TextEncoder();
const UTF8_DECODE = new TextDecoder('utf-8');

/** How many trailing bytes tail() shows: MudOS's 54 * 20. */
const TAIL_BYTES = 54 * 20;

// ---------------------------------------------------------------------------
// Paths

/**
 * MudOS legal_path() on a path without its leading slash: not absolute again
 * ("//a"), no `#` (object names use it for clones), no `..` component, and
 * no `.` component except a trailing one ("a/." and "." are fine).
 */
export function isLegalPath(rel: string): boolean {
  if (rel.startsWith('/') || rel.includes('#')) return false;
  const parts = rel.split('/');
  for (let i = 0; i < parts.length; i++) {
    const seg = parts[i];
    if (seg === '..') return false;
    if (seg === '.' && i !== parts.length - 1) return false;
  }
  return true;
}

/** "a//b/." → "/a/b"; "" and "." → "/". The input must be a legal path. */
export function canonicalPath(rel: string): string {
  return '/' + rel.split('/').filter((s) => s !== '' && s !== '.').join('/');
}

/**
 * MudOS check_valid_path(): asks the master and returns the approved path in
 * MudOS's internal form (no leading slash, "." for the root), or undefined
 * when denied, when the path is illegal, or when there is no live current
 * object to ask for.
 */
export function validPathRel(rt: RuntimeApi, path: string, efun: string, write: boolean): string | undefined {
  const r = vm(rt);
  const ob = r.cur;
  if (!ob || ob.destructed) return undefined;
  let approved = path;
  const master = r.master;
  const apply = write ? 'valid_write' : 'valid_read';
  if (master && !master.destructed && master.linked.table.has(apply)) {
    const res = r.masterApply(apply, [path, ob, efun]);
    if (typeof res === 'number' && res === 0) return undefined;
    if (typeof res === 'string') approved = res;
  }
  let rel = approved.startsWith('/') ? approved.slice(1) : approved;
  if (rel === '') rel = '.';
  return isLegalPath(rel) ? rel : undefined;
}

/** validPathRel() as a canonical mudlib-absolute path ("/a/b"). */
export function validPath(rt: RuntimeApi, path: string, efun: string, write: boolean): string | undefined {
  const rel = validPathRel(rt, path, efun, write);
  return rel === undefined ? undefined : canonicalPath(rel);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

// ---------------------------------------------------------------------------
// Host access

type HostOp = Exclude<keyof MudlibHost, 'stdout' | 'stderr' | 'now' | 'cpuMs' | 'cacheGet' | 'cacheSet'>;

/** The host, checked to provide `op` (hosts may omit file operations, see driver/vm/host.ts). */
export function hostWith<K extends HostOp>(rt: RuntimeApi, op: K, efun: string): MudlibHost & Required<Pick<MudlibHost, K>> {
  const host = vm(rt).host;
  if (typeof host[op] !== 'function') return rt.error(`${efun}() is not supported by this driver host.\n`);
  return host as MudlibHost & Required<Pick<MudlibHost, K>>;
}

function hostError(rt: RuntimeApi): string {
  return vm(rt).host.lastError?.() || 'Unknown error';
}

function mtimeSeconds(st: FileStat): number {
  return Math.floor(st.mtimeMs / 1000);
}

function toInt(v: Value | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  return typeof v === 'number' ? v : 0;
}

/** A write_bytes/write_buffer source: a string's UTF-8, a buffer's bytes, an int as 4 bytes in network order. */
function sourceBytes(v: Value): Uint8Array | undefined {
  if (typeof v === 'string') return UTF8_ENCODE.encode(v);
  if (v instanceof LBuffer) return v.bytes;
  if (typeof v === 'number' || typeof v === 'bigint') {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setInt32(0, Number(BigInt.asIntN(32, BigInt(v))));
    return out;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// read_file

/**
 * Lines [start, start + count) of `text` (1-based; count 0 = to the end), or
 * undefined past the end. `truncated` marks text cut at MaxReadFileSize:
 * a range that runs into the cut can't be answered (MudOS returns 0).
 */
export function sliceLines(text: string, start: number, count: number, truncated = false): string | undefined {
  if (start < 0) {
    // FluffOS: a negative start counts lines from the end; too far back starts at line 1.
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    if (text.length && !text.endsWith('\n')) lines++;
    start = lines + start + 1;
  }
  if (start < 1) start = 1;
  let from = 0;
  for (let line = 1; line < start; line++) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return undefined;
    from = nl + 1;
  }
  if (from >= text.length) return undefined;
  if (count <= 0) return truncated ? undefined : text.slice(from);
  let end = from;
  for (let n = 0; n < count; n++) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) return truncated ? undefined : text.slice(from);
    end = nl + 1;
  }
  return text.slice(from, end);
}

function readFile(rt: RuntimeApi, path: string, start?: Value, count?: Value): Value {
  const len = toInt(count);
  if (len < 0) return 0;
  const p = validPath(rt, path, 'read_file', false);
  if (p === undefined) return 0;
  const host = vm(rt).host;
  const st = host.stat(p);
  if (!st || st.isDir) return 0;
  const first = toInt(start);
  const max = rt.limits.maxReadFileSize;
  let text: string | undefined;
  let truncated = false;
  if (st.size > max) {
    // MudOS: a whole too-large file is 0; a line range is looked for in its first MaxReadFileSize bytes.
    if (!first && !len) return 0;
    const bytes = hostWith(rt, 'readBytes', 'read_file').readBytes(p, 0, max);
    if (!bytes) return 0;
    text = UTF8_DECODE.decode(bytes);
    truncated = true;
  } else {
    text = host.readFile(p);
  }
  if (text === undefined) return 0;
  if (text === '') return '';
  if (!first && !len) return text;
  return sliceLines(text, first, len, truncated) ?? 0;
}

// ---------------------------------------------------------------------------
// Bytes and buffers

function readBytesFrom(rt: RuntimeApi, path: string, start: Value | undefined, count: Value | undefined): Uint8Array | 0 {
  let len = toInt(count);
  if (len < 0) return 0;
  const p = validPath(rt, path, 'read_bytes', false);
  if (p === undefined) return 0;
  const st = vm(rt).host.stat(p);
  if (!st || st.isDir) return 0;
  const size = st.size;
  let from = toInt(start);
  if (from < 0) from += size;
  if (len === 0) len = size;
  if (len > rt.limits.maxByteTransfer) return rt.error('Transfer exceeded maximum allowed number of bytes.\n');
  if (from >= size || from < 0) return 0;
  if (from + len > size) len = size - from;
  const bytes = hostWith(rt, 'readBytes', 'read_bytes').readBytes(p, from, len);
  return bytes && bytes.length ? bytes : 0;
}

function writeBytesTo(rt: RuntimeApi, efun: string, path: string, start: Value, data: Uint8Array): Value {
  const p = validPath(rt, path, 'write_bytes', true);
  if (p === undefined) return 0;
  if (data.length > rt.limits.maxByteTransfer) return 0;
  const st = vm(rt).host.stat(p);
  if (st?.isDir) return 0;
  const size = st ? st.size : 0;
  let at = toInt(start);
  if (at < 0) at += size;
  if (at < 0 || at > size) return 0;
  if (!hostWith(rt, 'writeBytes', efun).writeBytes(p, data, at)) return 0;
  return data.length > 0 ? 1 : 0;
}

/** MudOS read_buffer() on a buffer: the bytes as a string, stopping at the first NUL. */
function readFromBuffer(buf: LBuffer, start: Value | undefined, count: Value | undefined): Value {
  let len = toInt(count);
  if (len < 0) return 0;
  const size = buf.bytes.length;
  let from = toInt(start);
  if (from < 0) {
    from += size;
    if (from < 0) return 0;
  }
  if (len === 0) len = size;
  if (from >= size) return 0;
  if (from + len > size) len = size - from;
  let end = from;
  while (end < from + len && buf.bytes[end] !== 0) end++;
  return UTF8_DECODE.decode(buf.bytes.subarray(from, end));
}

/** MudOS write_buffer() into a buffer: never grows it; 0 when the bytes don't fit. */
function writeIntoBuffer(buf: LBuffer, start: Value, data: Uint8Array): Value {
  const size = buf.bytes.length;
  let at = toInt(start);
  if (at < 0) {
    at += size;
    if (at < 0) return 0;
  }
  if (at + data.length > size) return 0;
  buf.bytes.set(data, at);
  return 1;
}

// ---------------------------------------------------------------------------
// Directories

/** MudOS match_string(): `*` any run, `?` one character, `\` quotes the next. */
export function matchPattern(pattern: string, name: string): boolean {
  const p = [...pattern];
  const s = [...name];
  const go = (i: number, j: number): boolean => {
    while (i < p.length) {
      const c = p[i];
      if (c === '*') {
        if (i + 1 === p.length) return true;
        for (let k = j; k < s.length; k++) if (go(i + 1, k)) return true;
        return false;
      }
      if (c === '?') {
        if (j >= s.length) return false;
        i++;
        j++;
        continue;
      }
      let lit = c;
      if (c === '\\') {
        if (i + 1 >= p.length) return false;
        lit = p[++i];
      }
      if (s[j] !== lit) return false;
      i++;
      j++;
    }
    return j === s.length;
  };
  return go(0, 0);
}

function dirEntry(name: string, st: FileStat | undefined, details: boolean): Value {
  if (!details) return name;
  return [name, st ? (st.isDir ? -2 : st.size) : 0, st ? mtimeSeconds(st) : 0];
}

/**
 * MudOS get_dir(): "/d/" (or "/d/.") lists d; "/d" alone is ({ "d" }) (the
 * entry itself, even for a directory); a last component that doesn't exist is
 * a pattern, matched against every entry including "." and "..". Sorted by
 * name. With flags -1 each entry is ({ name, size (-2 for a directory), mtime }).
 */
function getDir(rt: RuntimeApi, path: string, flags?: Value): Value {
  const rel = validPathRel(rt, path, 'stat', false);
  if (rel === undefined) return 0;
  const details = toInt(flags) === -1;
  const host = vm(rt).host;
  let temp = rel;
  let stripped = false;
  const slash = temp.lastIndexOf('/');
  if (temp.length >= 2 && slash >= 0 && (temp.slice(slash) === '/' || temp.slice(slash) === '/.')) {
    temp = temp.slice(0, slash);
    stripped = true;
  }
  const st = host.stat(canonicalPath(temp));
  let dir: string;
  let pattern: string | undefined;
  if (!st) {
    if (stripped) return 0;
    const cut = temp.lastIndexOf('/');
    pattern = temp.slice(cut + 1);
    dir = canonicalPath(cut >= 0 ? temp.slice(0, cut) : '.');
  } else if (!stripped && canonicalPath(temp) !== '/') {
    return [dirEntry(baseName(canonicalPath(temp)), st, details)];
  } else {
    dir = canonicalPath(temp);
  }
  const names = hostWith(rt, 'readDir', 'get_dir').readDir(dir);
  if (!names) return 0;
  // readdir() reports "." and ".." too; MudOS only drops them when listing without a pattern.
  const candidates = pattern === undefined ? names : ['.', '..', ...names];
  const picked = pattern === undefined ? candidates : candidates.filter((n) => matchPattern(pattern!, n));
  if (picked.length > rt.limits.maxArraySize) return rt.error('Illegal array size.\n');
  picked.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return picked.map((name) => {
    if (!details) return name;
    const target = name === '.' ? dir : name === '..' ? dir.slice(0, dir.lastIndexOf('/')) || '/' : joinPath(dir, name);
    return dirEntry(name, host.stat(target), true);
  });
}

/** MudOS stat(): a file is ({ size, mtime, load time of its object or 0 }); anything else is get_dir(path, flags). */
function statEfun(rt: RuntimeApi, path: string, flags?: Value): Value {
  const p = validPath(rt, path, 'stat', false);
  if (p === undefined) return 0;
  const st = vm(rt).host.stat(p);
  if (st && !st.isDir) {
    const ob = vm(rt).findObject(p);
    const loaded = ob?.ext?.loadTime;
    return [st.size, mtimeSeconds(st), typeof loaded === 'number' ? loaded : 0];
  }
  return getDir(rt, path, flags);
}

// ---------------------------------------------------------------------------
// Moving and copying

type MoveKind = 'rename' | 'link';

/**
 * MudOS do_rename(): both paths need valid_write(…, "rename"); a directory
 * target means "into it". 1 when a path is refused; problems with the files
 * themselves are errors, as in MudOS.
 */
function moveFile(rt: RuntimeApi, fromPath: string, toPath: string, kind: MoveKind): Value {
  const from = validPath(rt, fromPath, 'rename', true);
  if (from === undefined) return 1;
  const to = validPath(rt, toPath, 'rename', true);
  if (to === undefined) return 1;
  const host = vm(rt).host;
  let target = to;
  if (host.stat(to)?.isDir) target = joinPath(to, baseName(from));
  const fst = host.stat(from);
  if (!fst) return rt.error(`${from}: lstat failed\n`);
  const tst = host.stat(target);
  if (tst) {
    if (target === from || (tst.id !== undefined && tst.id === fst.id)) return rt.error(`\`${from}' and \`${target}' are the same file`);
    if (tst.isDir) return rt.error(`${target}: cannot overwrite directory`);
  }
  const ok = kind === 'rename'
    ? hostWith(rt, 'rename', 'rename').rename(from, target)
    : hostWith(rt, 'link', 'link').link(from, target);
  if (!ok) return rt.error(`cannot ${kind === 'rename' ? 'move' : 'link'} \`${from}' to \`${target}'\n`);
  return 0;
}

/** MudOS copy_file(): 1 on success, -1 source refused or unreadable, -2 target refused or unwritable. */
function copyFile(rt: RuntimeApi, fromPath: string, toPath: string): Value {
  const from = validPath(rt, fromPath, 'move_file', false);
  let to = validPath(rt, toPath, 'move_file', true);
  if (from === undefined) return -1;
  if (to === undefined) return -2;
  const host = vm(rt).host;
  const st = host.stat(from);
  if (!st) return -1;
  if (host.stat(to)?.isDir) {
    // MudOS copies into the directory by validating the joined path again.
    to = validPath(rt, joinPath(to, baseName(from)), 'move_file', true);
    if (to === undefined) return -2;
  }
  // MudOS and Neolith open a directory source fine and fail at its first read:
  // -3, the code for a failed read or write (without the empty target file
  // they leave behind).
  if (st.isDir) return -3;
  const data = hostWith(rt, 'readBytes', 'cp').readBytes(from);
  if (!data) return -1;
  return hostWith(rt, 'writeBytes', 'cp').writeBytes(to, data, 'truncate') ? 1 : -2;
}

/** link(): the master's valid_link(from, to) first (no such apply allows), then rename()'s checks. */
function linkFile(rt: RuntimeApi, from: string, to: string): Value {
  const r = vm(rt);
  const master = r.master;
  if (master && !master.destructed && master.linked.table.has('valid_link')) {
    const res = r.masterApply('valid_link', [from, to]);
    // MudOS MASTER_APPROVED: only an int 0 refuses.
    if (res === 0) return 0;
  }
  return moveFile(rt, from, to, 'link');
}

// ---------------------------------------------------------------------------
// Declarations

const decls: EfunDecl[] = [
  {
    name: 'read_file',
    signature: 'string read_file(string, void | int, void | int)',
    doc: 'A file’s text, or count lines from line start (1-based, negative counts from the end); 0 when missing, unreadable, past the end or over MaxReadFileSize.',
    impl: (rt, path: string, start?: Value, count?: Value) => readFile(rt, path, start, count),
  },
  {
    name: 'write_file',
    signature: 'int write_file(string, string, void | int)',
    doc: 'Appends text to a file (flag 1 overwrites it); 1 on success, 0 when valid_write refuses, an error when the file can’t be opened.',
    impl: (rt, path: string, text: string, flags?: Value) => {
      const overwrite = (toInt(flags) & 1) === 1;
      const p = validPath(rt, path, 'write_file', true);
      if (p === undefined) return 0;
      if (!vm(rt).host.writeFile(p, text, !overwrite)) {
        return rt.error(`Wrong permissions for opening file ${p} for ${overwrite ? 'overwrite' : 'append'}.\n"${hostError(rt)}"\n`);
      }
      return 1;
    },
  },
  {
    name: 'read_bytes',
    signature: 'string read_bytes(string, void | int, void | int)',
    doc: 'count bytes of a file from byte start (negative counts from the end; count 0 = to the end) as a string; 0 past the end; an error over MaxByteTransfer.',
    impl: (rt, path: string, start?: Value, count?: Value) => {
      const bytes = readBytesFrom(rt, path, start, count);
      return bytes === 0 ? 0 : UTF8_DECODE.decode(bytes);
    },
  },
  {
    name: 'write_bytes',
    signature: 'int write_bytes(string, int, string | buffer | int)',
    doc: 'Writes a string, buffer or int (4 bytes, network order) into a file at byte start without truncating it; 1 on success, 0 when refused, out of range or over MaxByteTransfer.',
    impl: (rt, path: string, start: Value, data: Value) => {
      if (data === 0) return rt.badArgument('write_bytes', 3);
      return writeBytesTo(rt, 'write_bytes', path, start, sourceBytes(data)!);
    },
  },
  {
    name: 'read_buffer',
    signature: 'mixed read_buffer(string | buffer, void | int, void | int)',
    doc: 'From a file: its bytes as a buffer, like read_bytes(). From a buffer: its bytes as a string, stopping at the first NUL.',
    impl: (rt, src: string | LBuffer, start?: Value, count?: Value) => {
      if (src instanceof LBuffer) return readFromBuffer(src, start, count);
      const bytes = readBytesFrom(rt, src, start, count);
      return bytes === 0 ? 0 : new LBuffer(bytes.slice());
    },
  },
  {
    name: 'write_buffer',
    signature: 'int write_buffer(string | buffer, int, string | buffer | int)',
    doc: 'Into a file: like write_bytes(). Into a buffer: copies the bytes at start (negative counts from the end) and returns 1, or 0 when they don’t fit.',
    impl: (rt, dest: string | LBuffer, start: Value, data: Value) => {
      const bytes = sourceBytes(data)!;
      if (dest instanceof LBuffer) return writeIntoBuffer(dest, start, bytes);
      if (data === 0) return rt.badArgument('write_buffer', 3);
      return writeBytesTo(rt, 'write_buffer', dest, start, bytes);
    },
  },
  {
    name: 'file_size',
    signature: 'int file_size(string)',
    doc: 'Size in bytes, -2 for a directory, -1 when missing or refused.',
    impl: (rt, path: string) => {
      const p = validPath(rt, path, 'file_size', false);
      if (p === undefined) return -1;
      const st = vm(rt).host.stat(p);
      if (!st) return -1;
      return st.isDir ? -2 : st.size;
    },
  },
  {
    name: 'file_length',
    signature: 'int file_length(string)',
    doc: 'The number of lines (newlines) in a file, -2 for a directory, -1 when missing or refused (Neolith).',
    impl: (rt, path: string) => {
      const p = validPath(rt, path, 'file_length', false);
      if (p === undefined) return -1;
      const host = vm(rt).host;
      const st = host.stat(p);
      if (!st) return -1;
      if (st.isDir) return -2;
      const text = host.readFile(p);
      if (text === undefined) return -1;
      let n = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
      return n;
    },
  },
  {
    name: 'get_dir',
    signature: 'mixed *get_dir(string, void | int)',
    doc: 'Names in a directory ("/d/"), matching a pattern with * and ? ("/d/*.c"), or the entry itself ("/d"); flag -1 gives ({ name, size, mtime }) with size -2 for directories; 0 when refused or missing.',
    impl: (rt, path: string, flags?: Value) => getDir(rt, path, flags),
  },
  {
    name: 'stat',
    signature: 'mixed *stat(string, void | int)',
    doc: 'For a file ({ size, mtime, load time of its object or 0 }); for anything else get_dir(path, flag).',
    impl: (rt, path: string, flags?: Value) => statEfun(rt, path, flags),
  },
  {
    name: 'cp',
    signature: 'int cp(string, string)',
    doc: 'Copies a file (into a directory target under the same name); 1 on success, -1 for a bad source, -2 for a bad target, -3 when reading fails (a directory source).',
    impl: (rt, from: string, to: string) => copyFile(rt, from, to),
  },
  {
    name: 'rename',
    signature: 'int rename(string, string)',
    doc: 'Moves a file or directory (into a directory target); 0 on success, 1 when refused; an error when the move itself fails.',
    impl: (rt, from: string, to: string) => moveFile(rt, from, to, 'rename'),
  },
  {
    name: 'link',
    signature: 'int link(string, string)',
    doc: 'Hard-links a file after the master’s valid_link(from, to) and rename()’s write checks; 0 on success, 1 when a path is refused, 0 when valid_link refuses.',
    impl: (rt, from: string, to: string) => linkFile(rt, from, to),
  },
  {
    name: 'rm',
    signature: 'int rm(string)',
    doc: 'Removes a file (never a directory); 1 on success, 0 otherwise.',
    impl: (rt, path: string) => {
      const p = validPath(rt, path, 'remove_file', true);
      if (p === undefined) return 0;
      return hostWith(rt, 'remove', 'rm').remove(p) ? 1 : 0;
    },
  },
  {
    name: 'mkdir',
    signature: 'int mkdir(string)',
    doc: 'Creates a directory (its parent must exist); 1 on success, 0 otherwise.',
    impl: (rt, path: string) => {
      const p = validPath(rt, path, 'mkdir', true);
      if (p === undefined) return 0;
      return hostWith(rt, 'makeDir', 'mkdir').makeDir(p) ? 1 : 0;
    },
  },
  {
    name: 'rmdir',
    signature: 'int rmdir(string)',
    doc: 'Removes an empty directory; 1 on success, 0 otherwise.',
    impl: (rt, path: string) => {
      const p = validPath(rt, path, 'rmdir', true);
      if (p === undefined) return 0;
      return hostWith(rt, 'removeDir', 'rmdir').removeDir(p) ? 1 : 0;
    },
  },
  {
    name: 'tail',
    signature: 'int tail(string)',
    doc: 'Writes the last lines of a file (its last 1080 bytes from the first whole line) to this_player() as write() does; 1 on success, 0 when missing or refused.',
    impl: (rt, path: string) => {
      const p = validPath(rt, path, 'tail', false);
      if (p === undefined) return 0;
      const st = vm(rt).host.stat(p);
      if (!st || st.isDir) return 0;
      const offset = Math.max(0, st.size - TAIL_BYTES);
      const bytes = hostWith(rt, 'readBytes', 'tail').readBytes(p, offset);
      if (!bytes) return 0;
      let text = UTF8_DECODE.decode(bytes);
      if (offset > 0) {
        // Throw away the first incomplete line (MudOS).
        const nl = text.indexOf('\n');
        text = nl < 0 ? '' : text.slice(nl + 1);
      }
      // rt.write is this_player()'s output (app mode: stdout); a runtime without users has nowhere to send it.
      if (text) rt.write?.(text);
      return 1;
    },
  },
];

export const efuns = defineEfuns('files', decls);
