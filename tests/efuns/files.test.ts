// File efuns and save_object/restore_object through a real NodeHost on a
// temporary mudlib: the sandbox (`..`, symlinks, dangling links), the
// master's valid_read/valid_write, atomic saves under injected failures, and
// the pure helpers (line slicing, patterns, legal paths, save-file names).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeHost } from '../../driver/host/node-host.js';
import { MemoryHost } from '../../driver/vm/host.js';
import type { MudlibHost } from '../../driver/vm/host.js';
import { runApp } from '../../driver/app.js';
import { canonicalPath, isLegalPath, matchPattern, sliceLines } from '../../driver/efuns/files.js';
import { saveFileName } from '../../driver/efuns/save-object.js';

let tmp: string;
let root: string;
let outside: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lapis-files-'));
  root = path.join(tmp, 'mudlib');
  outside = path.join(tmp, 'outside');
  fs.mkdirSync(root);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'top secret\n');
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs `source` as the master of a mudlib; returns what it wrote and the driver log. */
async function run(source: string, host: MudlibHost = new NodeHost(root)): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  host.stdout = (t: string) => {
    out += t;
  };
  host.stderr = (t: string) => {
    err += t;
  };
  if (host instanceof NodeHost) fs.writeFileSync(path.join(root, 'master.c'), source);
  else (host as MemoryHost).files.set('/master.c', source);
  await runApp({ host, appPath: '/master.c', args: [] });
  return { out, err };
}

/** An LPC body that prints each expression's %O on its own line. */
function show(...exprs: string[]): string {
  return `void create() {\n${exprs.map((e) => `  write(sprintf("%O\\n", ${e}));`).join('\n')}\n}\n`;
}

function lines(out: string): string[] {
  return out.trimEnd().split('\n');
}

describe('sandbox', () => {
  it('refuses paths with .. even when they would stay inside the mudlib', async () => {
    fs.mkdirSync(path.join(root, 'd'));
    fs.writeFileSync(path.join(root, 'd', 'f'), 'inside\n');
    const r = await run(show('read_file("/d/../d/f")', 'read_file("/d/f")', 'file_size("/../outside/secret.txt")',
      'write_file("/../outside/new.txt", "x")', 'get_dir("/../")', 'cp("/d/f", "/../outside/copy")'));
    expect(lines(r.out)).toEqual(['0', '"inside\\n"', '-1', '0', '0', '-2']);
    expect(fs.existsSync(path.join(outside, 'new.txt'))).toBe(false);
    expect(fs.existsSync(path.join(outside, 'copy'))).toBe(false);
  });

  it('refuses to follow a symlink that leads out of the mudlib', async () => {
    fs.symlinkSync(outside, path.join(root, 'escape'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'secret-link'));
    const r = await run(show(
      'read_file("/escape/secret.txt")', 'read_file("/secret-link")', 'file_size("/escape/secret.txt")',
      'get_dir("/escape/")', 'read_bytes("/secret-link")', 'catch(write_file("/escape/new.txt", "x"))',
      'write_bytes("/escape/secret.txt", 0, "X")', 'cp("/secret-link", "/copy")', 'mkdir("/escape/sub")',
      'rm("/escape/secret.txt")',
    ));
    expect(lines(r.out).slice(0, 5)).toEqual(['0', '0', '-1', '0', '0']);
    expect(r.out).toContain('Permission denied');
    expect(lines(r.out).slice(6)).toEqual(['0', '-1', '0', '0']);
    expect(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('top secret\n');
    expect(fs.readdirSync(outside)).toEqual(['secret.txt']);
    expect(fs.existsSync(path.join(root, 'copy'))).toBe(false);
  });

  it('never writes through a dangling symlink that points outside', async () => {
    fs.symlinkSync(path.join(outside, 'created.txt'), path.join(root, 'dangling'));
    const r = await run(show('catch(write_file("/dangling", "x"))', 'write_bytes("/dangling", 0, "x")', 'save_object("/dangling")'));
    expect(r.out).toContain('Permission denied');
    expect(fs.existsSync(path.join(outside, 'created.txt'))).toBe(false);
  });

  it('follows symlinks that stay inside the mudlib', async () => {
    fs.mkdirSync(path.join(root, 'real'));
    fs.writeFileSync(path.join(root, 'real', 'f.txt'), 'via link\n');
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    const r = await run(show('read_file("/alias/f.txt")', 'write_file("/alias/g.txt", "new\\n")', 'get_dir("/alias/")'));
    expect(lines(r.out).slice(0, 2)).toEqual(['"via link\\n"', '1']);
    expect(fs.readFileSync(path.join(root, 'real', 'g.txt'), 'utf8')).toBe('new\n');
  });

  it('rm and rename act on a symlink itself, not on what it points to', async () => {
    fs.writeFileSync(path.join(root, 'target.txt'), 'keep\n');
    fs.symlinkSync(path.join(root, 'target.txt'), path.join(root, 'l1'));
    fs.symlinkSync(path.join(root, 'target.txt'), path.join(root, 'l2'));
    const r = await run(show('rm("/l1")', 'rename("/l2", "/l3")'));
    expect(lines(r.out)).toEqual(['1', '0']);
    expect(fs.readFileSync(path.join(root, 'target.txt'), 'utf8')).toBe('keep\n');
    expect(fs.lstatSync(path.join(root, 'l3')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(root, 'l1'))).toBe(false);
  });

  it('the compiler reads through the same sandbox: no loading code from outside', async () => {
    fs.writeFileSync(path.join(outside, 'evil.c'), 'void create() { write("escaped\\n"); }\n');
    fs.symlinkSync(outside, path.join(root, 'escape'));
    const r = await run('void create() { write(sprintf("%O\\n", catch(load_object("/escape/evil")))); }');
    // Outside the sandbox the file doesn't exist, and load_object of a missing file is 0 (Neolith).
    expect(r.out).toBe('0\n');
  });

  it('NodeHost.resolve keeps every path below the root', () => {
    const host = new NodeHost(root);
    fs.symlinkSync(outside, path.join(root, 'out'));
    expect(host.resolve('/a/b')).toBe(path.join(fs.realpathSync(root), 'a', 'b'));
    expect(host.resolve('/../outside')).toBe(path.join(fs.realpathSync(root), 'outside'));
    expect(host.resolve('/out/secret.txt')).toBeUndefined();
    expect(host.resolve('/out/missing/deeper')).toBeUndefined();
    expect(host.resolveEntry('/')).toBeUndefined();
  });
});

describe('NodeHost file operations', () => {
  it('readBytes clamps to the file and refuses directories', () => {
    const host = new NodeHost(root);
    fs.writeFileSync(path.join(root, 'f'), '0123456789');
    const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString() : b);
    expect(text(host.readBytes('/f'))).toBe('0123456789');
    expect(text(host.readBytes('/f', 7))).toBe('789');
    expect(text(host.readBytes('/f', 8, 100))).toBe('89');
    expect(text(host.readBytes('/f', 20, 2))).toBe('');
    expect(host.readBytes('/')).toBeUndefined();
    expect(host.readBytes('/missing')).toBeUndefined();
  });

  it('writeBytes truncates, appends, or writes in place (creating a missing file)', () => {
    const host = new NodeHost(root);
    const enc = (t: string) => new TextEncoder().encode(t);
    const read = () => fs.readFileSync(path.join(root, 'w'), 'utf8');
    expect(host.writeBytes('/w', enc('abcdef'), 'truncate')).toBe(true);
    expect(host.writeBytes('/w', enc('XY'), 2)).toBe(true);
    expect(read()).toBe('abXYef');
    expect(host.writeBytes('/w', enc('!'), 'append')).toBe(true);
    expect(read()).toBe('abXYef!');
    expect(host.writeBytes('/w', enc('z'), 'truncate')).toBe(true);
    expect(read()).toBe('z');
    expect(host.writeBytes('/new', enc('n'), 0)).toBe(true);
    expect(fs.readFileSync(path.join(root, 'new'), 'utf8')).toBe('n');
    expect(host.writeBytes('/nodir/x', enc('n'), 'truncate')).toBe(false);
    expect(host.lastError()).toBe('No such file or directory');
  });

  it('directory operations report failures in strerror words', () => {
    const host = new NodeHost(root);
    expect(host.makeDir('/d')).toBe(true);
    expect(host.makeDir('/d')).toBe(false);
    expect(host.lastError()).toBe('File exists');
    fs.writeFileSync(path.join(root, 'd', 'f'), '');
    expect(host.readDir('/d')).toEqual(['f']);
    expect(host.readDir('/d/f')).toBeUndefined();
    expect(host.removeDir('/d')).toBe(false);
    expect(host.lastError()).toBe('Directory not empty');
    expect(host.remove('/d')).toBe(false);
    expect(host.lastError()).toBe('Is a directory');
    expect(host.remove('/d/f')).toBe(true);
    expect(host.removeDir('/d')).toBe(true);
    expect(host.removeDir('/')).toBe(false);
    expect(host.stat('/')?.isDir).toBe(true);
  });

  it('stat ids are shared by hard links only', () => {
    const host = new NodeHost(root);
    fs.writeFileSync(path.join(root, 'a'), 'x');
    fs.writeFileSync(path.join(root, 'b'), 'x');
    expect(host.link('/a', '/c')).toBe(true);
    expect(host.stat('/a')?.id).toBe(host.stat('/c')?.id);
    expect(host.stat('/a')?.id).not.toBe(host.stat('/b')?.id);
  });
});

describe('valid_read / valid_write', () => {
  it('are asked with the raw path, the current object and the efun name', async () => {
    const r = await run(`
      nosave string *log = ({});
      int valid_read(string p, object ob, string fn) { log += ({ "R " + fn + " " + p + " " + (ob == this_object()) }); return 1; }
      int valid_write(string p, object ob, string fn) { log += ({ "W " + fn + " " + p }); return 1; }
      void create() {
        write_file("x.txt", "1");
        read_file("/x.txt");
        get_dir("/");
        rm("x.txt");
        foreach (string s in log) write(s + "\\n");
      }`);
    expect(lines(r.out)).toEqual(['W write_file x.txt', 'R read_file /x.txt 1', 'R stat / 1', 'W remove_file x.txt']);
  });

  it('a string result replaces the path, 0 refuses, other values allow', async () => {
    fs.mkdirSync(path.join(root, 'home'));
    const r = await run(`
      mixed valid_write(string p, object ob, string fn) {
        if (p == "~") return "/home/saved";
        if (p == "no") return 0;
        if (p == "float") return 0.0;
        return 1;
      }
      mixed valid_read(string p, object ob, string fn) { return p == "~" ? "/home/saved" : ({ "allowed" }); }
      void create() {
        write(write_file("~", "redirected\\n") + "\\n");
        write(read_file("~"));
        write(write_file("no", "x") + "\\n");
        write(write_file("float", "x") + "\\n");
        write(read_file("/float"));
      }`);
    expect(lines(r.out)).toEqual(['1', 'redirected', '0', '1', 'x']);
    expect(fs.readFileSync(path.join(root, 'home', 'saved'), 'utf8')).toBe('redirected\n');
    expect(fs.existsSync(path.join(root, 'no'))).toBe(false);
  });

  it('a rewritten path that is not legal is refused', async () => {
    const r = await run(`
      mixed valid_write(string p, object ob, string fn) { return "/../" + p; }
      void create() { write(write_file("x", "y") + "\\n"); }`);
    expect(r.out).toBe('0\n');
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
  });

  it('an error in valid_write reaches the caller', async () => {
    const r = await run(`
      int valid_write(string p, object ob, string fn) { error("no writes today\\n"); }
      void create() { write(catch(write_file("x", "y"))); }`);
    expect(r.out).toBe('*no writes today\n');
  });
});

describe('atomic save_object', () => {
  const master = `
    int v;
    void set(int x) { v = x; }
    void create() { }
    int save() { return save_object("/data/ob"); }
  `;

  async function saveWith(host: NodeHost, value: number): Promise<string> {
    const r = await run(master.replace('void create() { }', `void create() { v = ${value}; write(save_object("/data/ob") + "\\n"); }`), host);
    return r.out;
  }

  function failingAt(step: 'writeSync' | 'fsyncSync' | 'renameSync'): NodeHost {
    const host = new NodeHost(root);
    host.atomicOps = {
      ...host.atomicOps,
      [step]: () => {
        throw Object.assign(new Error(`injected ${step} failure`), { code: 'ENOSPC' });
      },
    };
    return host;
  }

  it('writes the whole file and leaves no temp file', async () => {
    fs.mkdirSync(path.join(root, 'data'));
    expect(await saveWith(new NodeHost(root), 5)).toBe('1\n');
    expect(fs.readFileSync(path.join(root, 'data', 'ob.o'), 'utf8')).toBe('#/master.c\nv 5\n');
    expect(fs.readdirSync(path.join(root, 'data'))).toEqual(['ob.o']);
  });

  for (const step of ['writeSync', 'fsyncSync', 'renameSync'] as const) {
    it(`keeps the previous save intact when ${step} fails`, async () => {
      fs.mkdirSync(path.join(root, 'data'));
      expect(await saveWith(new NodeHost(root), 1)).toBe('1\n');
      expect(await saveWith(failingAt(step), 2)).toBe('0\n');
      expect(fs.readFileSync(path.join(root, 'data', 'ob.o'), 'utf8')).toBe('#/master.c\nv 1\n');
      expect(fs.readdirSync(path.join(root, 'data'))).toEqual(['ob.o']);
    });
  }

  it('a failed first save leaves no file at all', async () => {
    fs.mkdirSync(path.join(root, 'data'));
    expect(await saveWith(failingAt('fsyncSync'), 3)).toBe('0\n');
    expect(fs.readdirSync(path.join(root, 'data'))).toEqual([]);
  });

  it('replaces a stale temp file, and a symlink planted as the temp name is not followed', async () => {
    fs.mkdirSync(path.join(root, 'data'));
    fs.symlinkSync(path.join(outside, 'planted'), path.join(root, 'data', 'ob.o.tmp'));
    expect(await saveWith(new NodeHost(root), 4)).toBe('1\n');
    expect(fs.existsSync(path.join(outside, 'planted'))).toBe(false);
    expect(fs.readFileSync(path.join(root, 'data', 'ob.o'), 'utf8')).toBe('#/master.c\nv 4\n');
    expect(fs.readdirSync(path.join(root, 'data'))).toEqual(['ob.o']);
  });
});

describe('file efuns on the in-memory host', () => {
  it('read, write, list, copy, move and save without a disk', async () => {
    const host = new MemoryHost({ '/d/a.txt': 'alpha\n' });
    const r = await run(`
      int v = 9;
      void create() {
        write(sprintf("%O\\n", get_dir("/d/")));
        write(cp("/d/a.txt", "/d/b.txt") + " " + rename("/d/b.txt", "/d/c.txt") + "\\n");
        write(sprintf("%O\\n", get_dir("/d/*.txt")));
        write(mkdir("/e") + " " + write_bytes("/e/x", 0, "hello") + " " + read_bytes("/e/x", 1, 3) + "\\n");
        write(save_object("/e/s") + " " + read_file("/e/s.o"));
        v = 0;
        write(restore_object("/e/s") + " " + v + "\\n");
        write(rm("/e/x") + " " + rm("/e/s.o") + " " + rmdir("/e") + " " + file_size("/e") + "\\n");
      }`, host);
    expect(r.err).toBe('');
    expect(r.out).toBe('({ /* sizeof() == 1 */\n  "a.txt"\n})\n1 0\n({ /* sizeof() == 2 */\n  "a.txt",\n  "c.txt"\n})\n'
      + '1 1 ell\n1 #/master.c\nv 9\n1 9\n1 1 1 -1\n');
  });

  it('an efun whose host operation is missing says so', async () => {
    const host = new MemoryHost();
    (host as { readDir?: unknown }).readDir = undefined;
    const r = await run('void create() { write(catch(get_dir("/"))); }', host);
    expect(r.out).toBe('*get_dir() is not supported by this driver host.\n');
  });
});

describe('tail output', () => {
  it('goes through write(), i.e. to this_player() or the app output', async () => {
    fs.writeFileSync(path.join(root, 'log.txt'), 'a\nb\n');
    const r = await run('void create() { write("[" + tail("/log.txt") + "]\\n"); }');
    expect(r.out).toBe('a\nb\n[1]\n');
  });
});

describe('helpers', () => {
  it('sliceLines follows read_file line semantics', () => {
    const t = 'l1\nl2\nl3\n';
    expect(sliceLines(t, 1, 1)).toBe('l1\n');
    expect(sliceLines(t, 2, 0)).toBe('l2\nl3\n');
    expect(sliceLines(t, 3, 5)).toBe('l3\n');
    expect(sliceLines(t, 4, 1)).toBeUndefined();
    expect(sliceLines(t, -1, 1)).toBe('l3\n');
    expect(sliceLines(t, -9, 1)).toBe('l1\n');
    expect(sliceLines('a\nb', 2, 1)).toBe('b');
    expect(sliceLines(t, 2, 5, true)).toBeUndefined();
    expect(sliceLines(t, 2, 1, true)).toBe('l2\n');
  });

  it('matchPattern implements * ? and \\ as MudOS match_string', () => {
    expect(matchPattern('*.c', 'room.c')).toBe(true);
    expect(matchPattern('*.c', 'room.h')).toBe(false);
    expect(matchPattern('r??m.c', 'room.c')).toBe(true);
    expect(matchPattern('r?m.c', 'room.c')).toBe(false);
    expect(matchPattern('*', '.')).toBe(true);
    expect(matchPattern('a\\*', 'a*')).toBe(true);
    expect(matchPattern('a\\*', 'ab')).toBe(false);
    expect(matchPattern('*x*y', 'axbxcy')).toBe(true);
    expect(matchPattern('你?', '你好')).toBe(true);
  });

  it('isLegalPath and canonicalPath follow MudOS legal_path', () => {
    expect(isLegalPath('a/b')).toBe(true);
    expect(isLegalPath('a/.')).toBe(true);
    expect(isLegalPath('.')).toBe(true);
    expect(isLegalPath('.hidden/..x')).toBe(true);
    expect(isLegalPath('a/../b')).toBe(false);
    expect(isLegalPath('..')).toBe(false);
    expect(isLegalPath('./a')).toBe(false);
    expect(isLegalPath('a/./b')).toBe(false);
    expect(isLegalPath('/a')).toBe(false);
    expect(isLegalPath('a#1')).toBe(false);
    expect(isLegalPath('a//b')).toBe(true);
    expect(canonicalPath('a//b/.')).toBe('/a/b');
    expect(canonicalPath('.')).toBe('/');
  });

  it('saveFileName drops .c then .o and appends .o', () => {
    expect(saveFileName('/x')).toBe('/x.o');
    expect(saveFileName('/x.c')).toBe('/x.o');
    expect(saveFileName('/x.o')).toBe('/x.o');
    expect(saveFileName('/x.o.c')).toBe('/x.o');
    expect(saveFileName('/x.c.o')).toBe('/x.c.o');
  });
});
