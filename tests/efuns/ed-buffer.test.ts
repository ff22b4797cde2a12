import { describe, expect, it } from 'vitest';
import { EdBuffer, type EdHost } from '../../driver/efuns/ed-buffer.js';

/** An in-memory file store for the editor. */
function memHost(files: Record<string, string>): EdHost & { files: Record<string, string> } {
  return {
    files,
    read: (p) => files[p],
    write: (p, text, append) => {
      if (p.startsWith('/ro/')) return false;
      files[p] = append ? (files[p] ?? '') + text : text;
      return true;
    },
  };
}

function open(text: string | undefined, restricted = false) {
  const host = memHost(text === undefined ? {} : { '/f': text });
  const ed = new EdBuffer(host, restricted);
  const start = ed.start('/f');
  const cmd = (line: string) => ed.command(line).out;
  return { host, ed, start, cmd };
}

describe('EdBuffer (MudOS ed.c object interface)', () => {
  it('reads a file and reports its size; a missing file is not readable', () => {
    expect(open('a\nb').start).toBe('"/f" 2 lines 3 bytes\n');
    expect(open(undefined).start).toBe('"/f" isn\'t readable.\n');
    expect(new EdBuffer(memHost({})).start(undefined)).toBe('No file.\n');
  });

  it('substitutes with any delimiter, g and &, and x writes the buffer with newlines (testsuite ed.c)', () => {
    const { host, ed, cmd } = open('xyzzy\nxxx');
    cmd('1s/y/a/g');
    cmd('2s!x!b!');
    expect(cmd('2s/b/[&]/p')).toBe('[b]xx\n');
    const r = ed.command('x');
    expect(r.exit).toBe(true);
    expect(r.out).toBe('"/f" 2 lines 12 bytes\nExit from ed.\n');
    expect(host.files['/f']).toBe('xazza\n[b]xx\n');
  });

  it('reports a failed substitution and a bad pattern in ed.c words', () => {
    const { cmd } = open('abc');
    expect(cmd('s/z/y/')).toBe('string substitution failed.\n');
    expect(cmd('s/(/y/')).toMatch(/^ed: regular expression error: /);
    expect(cmd('Y')).toBe('Unrecognized command.\n');
    expect(cmd('5p')).toBe('Bad line number.\n');
  });

  it('appends, inserts and changes in input mode until a lone "." (query_ed_mode)', () => {
    const { ed, cmd } = open('one\ntwo\nthree');
    expect(ed.mode()).toBe(0);
    cmd('2c');
    expect(ed.mode()).toBe(2);
    cmd('TWO');
    expect(ed.mode()).toBe(3);
    cmd('.');
    cmd('0a');
    cmd('zero');
    cmd('.');
    cmd('$i');
    cmd('almost');
    cmd('.');
    expect(cmd(',p')).toBe('zero\none\nTWO\nalmost\nthree\n');
  });

  it('prints numbered lines, the line count, and a bare newline steps forward', () => {
    const { cmd } = open('a\nb\nc');
    expect(cmd('1,2n')).toBe('   1  a\n   2  b\n');
    expect(cmd('=')).toBe('3\n');
    expect(cmd('')).toBe('c\n');
    expect(cmd('1')).toBe('a\n');
  });

  it('deletes, joins, moves and copies lines', () => {
    const { cmd } = open('a\nb\nc\nd');
    cmd('2d');
    expect(cmd(',p')).toBe('a\nc\nd\n');
    cmd('1,2j');
    expect(cmd(',p')).toBe('ac\nd\n');
    cmd('1m$');
    expect(cmd(',p')).toBe('d\nac\n');
    cmd('1t$');
    expect(cmd(',p')).toBe('d\nac\nd\n');
  });

  it('searches forward and backward, and marks lines', () => {
    const { cmd } = open('apple\nbanana\ncherry');
    expect(cmd('/an/p')).toBe('banana\n');
    expect(cmd('?pp?p')).toBe('apple\n');
    cmd('3ka');
    expect(cmd("'ap")).toBe('cherry\n');
  });

  it('runs a command on every matching (g) or non-matching (v) line', () => {
    const { cmd } = open('x1\ny2\nx3\ny4');
    cmd('g/x/d');
    expect(cmd(',p')).toBe('y2\ny4\n');
    cmd('v/2/s/y/z/');
    expect(cmd(',p')).toBe('y2\nz4\n');
  });

  it('q refuses unsaved changes, Q does not; w writes and clears the change flag', () => {
    const { host, ed, cmd } = open('a');
    cmd('s/a/b/');
    expect(ed.command('q')).toEqual({ out: 'File has been changed.\n', exit: false });
    expect(cmd('w')).toBe('"/f" 1 lines 2 bytes\n');
    expect(host.files['/f']).toBe('b\n');
    expect(ed.command('q').exit).toBe(true);
    const other = open('a');
    other.cmd('d');
    expect(other.ed.command('Q').exit).toBe(true);
  });

  it('writes elsewhere with w name and appends with W; a refused write is a file error', () => {
    const { host, cmd } = open('a\nb');
    cmd('1w /g');
    cmd('2W /g');
    expect(host.files['/g']).toBe('a\nb\n');
    expect(cmd('w /ro/x')).toBe('"/ro/x" can\'t be opened for writing!\nFile command failed.\n');
  });

  it('restricted sessions cannot name other files', () => {
    const { cmd } = open('a', true);
    expect(cmd('r /other')).toBe('That command is restricted.\n');
    expect(cmd('f /other')).toBe('That command is restricted.\n');
  });

  it('pages help: more waits for any line (query_ed_mode -2)', () => {
    const { ed, cmd } = open('a');
    expect(cmd('h')).toMatch(/^Help for Ed/);
    expect(ed.mode()).toBe(-2);
    expect(cmd('')).toMatch(/that help is desired for\.\n$/);
    expect(ed.mode()).toBe(0);
    expect(cmd('hq')).toBe('Command: q\nquit editor\n');
  });
});
