// save_object() and restore_object(): an object's global variables in a MudOS
// `.o` file (MudOS v22 object.c).
//
//   #/std/user.c              header: the object's program
//   name "Bob"                one line per variable, in inheritance order
//   hp 42                     (inherited programs first, depth first), values in
//   inv ({"sword",})          the save_variable() encoding (save-format.ts)
//
// Variables declared static or nosave are never written nor restored. Without
// save_object()'s flag, variables whose value encodes as "0" are left out.
// The file is written atomically (temp file, fsync, rename; see the host's
// writeAtomic), so a crash or full disk never leaves a half-written save.
import { defineEfuns } from './registry.js';
import { encodeValue, decodeValue } from './save-format.js';
import { hostWith, validPath } from './files.js';
import { LpcError } from '../vm/errors.js';
import { F_STATIC, type Program } from '../vm/program.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import type { LpcObject } from '../vm/object.js';
import { LClassValue, UNDEFINED, truthy, type Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** MudOS reads variable names into a 100-byte buffer; a longer name is a malformed line. */
const MAX_NAME = 100;

/** One global variable of an object's layout. */
interface SavedVar {
  name: string;
  index: number;
  saved: boolean;
  /** Declared type text ("int", "class item *") and the program declaring it, for class values. */
  type: string;
  program: Program;
}

const layouts = new WeakMap<Program, SavedVar[]>();

/**
 * Every global of `prog` in MudOS order: each inherit's variables (recursively)
 * before the program's own. An inherited program appears once per inherit, so
 * a diamond repeats names, as in MudOS.
 */
export function variableLayout(prog: Program): SavedVar[] {
  let out = layouts.get(prog);
  if (out) return out;
  out = [];
  const walk = (p: Program, base: number) => {
    for (const ih of p.inherits) walk(ih.program, base + ih.offset);
    for (const v of p.vars) {
      out!.push({ name: v.name, index: base + p.ownBase + v.offset, saved: !(v.flags & F_STATIC), type: v.type, program: p });
    }
  };
  walk(prog, 0);
  layouts.set(prog, out);
  return out;
}

/**
 * MudOS save-file name: a trailing ".c" and then ".o" are dropped and ".o"
 * appended, so "x", "x.c" and "x.o" all name "x.o".
 */
export function saveFileName(file: string): string {
  let base = file.endsWith('.c') ? file.slice(0, -2) : file;
  if (base.endsWith('.o')) base = base.slice(0, -2);
  return base + '.o';
}

/** The `.o` text of an object. */
export function encodeObject(ob: LpcObject, saveZeros: boolean): string {
  const out = ['#' + ob.program.path + '\n'];
  for (const v of variableLayout(ob.program)) {
    if (!v.saved) continue;
    const text = encodeValue(ob.v[v.index]);
    if (saveZeros || text !== '0') out.push(v.name + ' ' + text + '\n');
  }
  return out.join('');
}

/**
 * Applies `.o` text to an object, as MudOS restore_object_from_buff(): "#"
 * lines are comments, an empty line ends the file, unknown and static
 * variables are skipped, and with the same name twice the first variable in
 * layout order is the one restored.
 */
export function decodeIntoObject(rt: RuntimeApi, ob: LpcObject, text: string): void {
  const byName = new Map<string, SavedVar>();
  for (const v of variableLayout(ob.program)) if (!byName.has(v.name)) byName.set(v.name, v);
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl < 0 ? text.length : nl);
    pos = nl < 0 ? text.length : nl + 1;
    if (line === '') break;
    if (line[0] === '#') continue;
    const space = line.indexOf(' ');
    if (space < 0 || space >= MAX_NAME) rt.error('restore_object(): Illegal file format.\n');
    const name = line.slice(0, space);
    const v = byName.get(name);
    if (!v || !v.saved) continue;
    let value: Value;
    try {
      value = decodeValue(line.slice(space + 1), rt.limits);
    } catch (e) {
      const m = e instanceof LpcError ? /^restore_object\(\): Illegal (\w+) format\.\n$/.exec(e.message) : null;
      if (m) rt.error(`restore_object(): Illegal ${m[1]} format while restoring ${name}.\n`);
      throw e;
    }
    ob.v[v.index] = withDeclaredClasses(value, v.type, v.program);
  }
}

/**
 * Save text carries no class names: "(/1,2,/)" decodes to a class with
 * positional members. Where the variable's declared type names a class
 * (`class item x`, `class item *xs`, and class members typed so in turn),
 * the value gets that declaration back so `x->name` works after a restore,
 * as it does in MudOS where members are accessed by position.
 */
function withDeclaredClasses(value: Value, type: string, prog: Program): Value {
  const m = /^class (\w+)((?: \*)*)$/.exec(type);
  if (!m) return value;
  const def = prog.scope.classes.get(m[1])?.def ?? prog.classes.get(m[1]);
  if (!def) return value;
  const depth = m[2].length / 2;
  const rebind = (v: Value, d: number): Value => {
    if (d > 0) return Array.isArray(v) ? v.map((x) => rebind(x, d - 1)) : v;
    if (!(v instanceof LClassValue) || v.def.name !== '' || v.fields.length !== def.members.length) return v;
    return new LClassValue(def, v.fields.map((f, i) => withDeclaredClasses(f, def.memberTypes[i] ?? 'mixed', prog)));
  };
  return rebind(value, depth);
}

function saveObject(rt: RuntimeApi, file: string, flag?: Value): Value {
  const ob = vm(rt).cur;
  if (!ob || ob.destructed) return 0;
  const path = validPath(rt, saveFileName(file), 'save_object', true);
  if (path === undefined) return rt.error('Denied write permission in save_object().\n');
  const text = encodeObject(ob, flag !== undefined && truthy(flag));
  // MudOS v22 answered 1 even when the final rename failed; Lapis reports the failure.
  return hostWith(rt, 'writeAtomic', 'save_object').writeAtomic(path, text) ? 1 : 0;
}

function restoreObject(rt: RuntimeApi, file: string, flag?: Value): Value {
  const ob = vm(rt).cur;
  if (!ob || ob.destructed) return 0;
  const path = validPath(rt, saveFileName(file), 'restore_object', false);
  if (path === undefined) return rt.error('Denied read permission in restore_object().\n');
  const host = vm(rt).host;
  const st = host.stat(path);
  if (!st || st.isDir || st.size === 0) return 0;
  const text = host.readFile(path);
  if (!text) return 0;
  if (flag === undefined || !truthy(flag)) {
    // Without the flag every saved-kind variable starts from the undefined zero (MudOS clear_non_statics).
    for (const v of variableLayout(ob.program)) if (v.saved) ob.v[v.index] = UNDEFINED;
  }
  decodeIntoObject(rt, ob, text);
  return 1;
}

export const efuns = defineEfuns('save-object', [
  {
    name: 'save_object',
    signature: 'int save_object(string, void | int)',
    doc: 'Writes this object’s non-static globals to file.o atomically (flag 1 keeps zero values too); 1 on success, 0 on a write failure, an error when valid_write refuses.',
    impl: saveObject,
  },
  {
    name: 'restore_object',
    signature: 'int restore_object(string, void | int)',
    doc: 'Loads this object’s globals from file.o, first zeroing the non-static ones unless flag is 1; 1 on success, 0 when the file is missing or empty, an error when valid_read refuses.',
    impl: restoreObject,
  },
]);
