// The object interface to the line editor (MudOS v22 "new ed", efuns_main.c
// f_ed_start/f_ed_cmd, ed.c object_ed_*): an object opens one editing session
// with ed_start(), feeds it lines with ed_cmd() and gets the editor's output
// back as a string; query_ed_mode() and in_edit() report the state. ed() is
// the interactive form (ed.c ed_start): this_player()'s typed lines go to the
// editor and its output to them, with MudOS's ":" prompt (`*` while entering
// text), until q/Q/x, when the caller's exit function runs. Files are read
// through valid_read and written through valid_write.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import type { Value } from '../vm/values.js';
import { validPath } from './files.js';
import { EdBuffer, type EdHost } from './ed-buffer.js';
import { ExprFunction } from '../vm/functions.js';
import { sessionOf, tellObject } from '../net/session.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** Each object's editing session (MudOS O_IN_EDIT and its ed buffer). */
const sessions = new WeakMap<LpcObject, EdBuffer>();
/** Each runtime's destruct-hook bit for ed sessions (LpcObject.hooks). */
const hookBits = new WeakMap<Runtime, number>();

/** File access for `ob`'s editor, through the master's valid_read / valid_write. */
function edHost(rt: Runtime): EdHost {
  return {
    read: (path) => {
      const p = validPath(rt, path, 'ed_start', false);
      if (p === undefined) return undefined;
      const text = rt.host.readFile(p);
      return text === null ? undefined : text;
    },
    write: (path, text, append) => {
      const p = validPath(rt, path, 'ed_start', true);
      return p !== undefined && rt.host.writeFile(p, text, append);
    },
  };
}

/** Opens ob's session; marks ob for the destruct hook below. */
function startSession(rt: Runtime, ob: LpcObject, ed: EdBuffer): void {
  let bit = hookBits.get(rt);
  if (bit === undefined) hookBits.set(rt, (bit = hookDestruct(rt)));
  sessions.set(ob, ed);
  ob.hooks |= bit;
}

/** A destructed editor saves its buffer where the master's get_ed_buffer_save_file_name says (ed.c object_save_ed_buffer). */
function hookDestruct(rt: Runtime): number {
  return rt.markedDestructHook((ob) => {
    const ed = sessions.get(ob);
    if (!ed) return;
    sessions.delete(ob);
    if (!ed.changed) return;
    const name = rt.masterApply('get_ed_buffer_save_file_name', [ed.fname]);
    if (typeof name === 'string' && name) edHost(rt).write(name, ed.lines.map((l) => l + '\n').join(''), false);
  });
}

function editor(rt: Runtime): { ob: LpcObject; ed: EdBuffer | undefined } {
  const ob = rt.cur;
  if (!ob || ob.destructed) return rt.error("destructed objects can't use ed.\n");
  return { ob, ed: sessions.get(ob) };
}

/** The mudlib-absolute form of a path as the editor names it ("/a/b"). */
function absolute(path: string): string {
  return path.startsWith('/') ? path : '/' + path;
}

/** ed.c set_prompt(): ":" for commands, "*" and a backspace while entering text. */
function promptOf(ed: EdBuffer): string {
  return ed.mode() > 0 ? '*\b' : ':';
}

/**
 * Hands `user`'s next typed line to its editor (an input_to the driver's
 * input routing already knows; `!cmd` still escapes to the command parser).
 */
function awaitLine(rt: Runtime, user: LpcObject, ed: EdBuffer, exitOb: LpcObject, exitFn: string | undefined): void {
  const s = sessionOf(rt, user);
  if (!s) return;
  const onLine = (_ob: LpcObject, line: Value): Value => {
    const { out, exit } = ed.command(typeof line === 'string' ? line : '');
    if (!exit) {
      tellObject(rt, user, out + promptOf(ed));
      awaitLine(rt, user, ed, exitOb, exitFn);
      return 0;
    }
    if (out) tellObject(rt, user, out);
    sessions.delete(user);
    if (exitFn && !exitOb.destructed) rt.apply(exitOb, exitFn, []);
    return 0;
  };
  s.setPending({ fn: new ExprFunction(user, onLine, '<ed>'), ob: user, flags: 0, args: [], singleChar: false });
}

export const efuns = defineEfuns('ed', [
  {
    name: 'ed',
    signature: 'void ed(string | void, string | int | void, string | int | void, int | void)',
    doc: 'Starts the line editor for this_player() (interactive only): ed(file), ed(file, exit_fn), ed(file, exit_fn, restricted), ed(file, write_fn, exit_fn[, restricted]); exit_fn runs in this_object() when the editor quits. Does nothing without an interactive this_player().',
    impl: (rt, file?: Value, b?: Value, c?: Value, d?: Value) => {
      const r = vm(rt);
      const user = r.tp;
      const exitOb = r.cur;
      if (!user || user.destructed || !sessionOf(r, user) || !exitOb) return 0;
      if (sessions.has(user)) return rt.error('Tried to start an ed session, when already active.\n');
      // MudOS f_ed's argument forms; write_fn only mattered to OLD_ED and is accepted unused.
      let exitFn: Value | undefined = b;
      let restricted: Value | undefined = c;
      if (typeof c === 'string') {
        exitFn = c;
        restricted = d;
      }
      const ed = new EdBuffer(edHost(r), restricted !== undefined && restricted !== 0);
      startSession(r, user, ed);
      const out = ed.start(typeof file === 'string' ? absolute(file) : undefined);
      tellObject(r, user, out + promptOf(ed));
      awaitLine(r, user, ed, exitOb, typeof exitFn === 'string' ? exitFn : undefined);
      return 0;
    },
  },
  {
    name: 'ed_start',
    signature: 'string ed_start(string | void, int | void)',
    doc: 'Opens an editing session for this_object() on a file (read through valid_read; a true second argument restricts it); returns the editor\'s output.',
    impl: (rt, file?: Value, restricted?: Value) => {
      const r = vm(rt);
      const { ob, ed } = editor(r);
      if (ed) return rt.error('ed_start() called while an ed session is already started.\n');
      const buf = new EdBuffer(edHost(r), restricted !== undefined && restricted !== 0);
      startSession(r, ob, buf);
      return buf.start(typeof file === 'string' ? absolute(file) : undefined);
    },
  },
  {
    name: 'ed_cmd',
    signature: 'string ed_cmd(string)',
    doc: 'Feeds one line to this_object()\'s editing session (a command, or text in input mode); returns the editor\'s output. q, Q and x end the session.',
    impl: (rt, line: string) => {
      const { ob, ed } = editor(vm(rt));
      if (!ed) return rt.error('ed_cmd() called with no ed session active.\n');
      const { out, exit } = ed.command(line);
      if (exit) sessions.delete(ob);
      return out;
    },
  },
  {
    name: 'query_ed_mode',
    signature: 'int query_ed_mode()',
    doc: "this_object()'s editor state: -1 none, 0 waiting for a command, -2 waiting to show more help, else the number of the line being entered.",
    impl: (rt) => {
      const ob = vm(rt).cur;
      const ed = ob ? sessions.get(ob) : undefined;
      return ed ? ed.mode() : -1;
    },
  },
  {
    name: 'in_edit',
    signature: 'mixed in_edit(void | object)',
    doc: 'The file an object is editing ("/path"), or 0 when it has no editing session.',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      const ed = o instanceof LpcObject && !o.destructed ? sessions.get(o) : undefined;
      return ed ? ed.fname || 0 : 0;
    },
  },
]);
