// Object efuns (COMPAT.md "Efuns": objects and calls): call_other, clone_object/new,
// destruct, file_name, this_object, previous_object,
// function_exists, inherits, inherit_list, objects, this_player. They need the
// VM's object table, so they use the engine's Runtime class directly.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { F_PRIVATE, F_PROTECTED, F_STATIC, type Program } from '../vm/program.js';
import { LFunction, truthy, type Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

function obArg(rt: RuntimeApi, v: Value | undefined, efun: string, n = 1): LpcObject {
  if (v === undefined) {
    const cur = vm(rt).cur;
    if (!cur) rt.badArgument(efun, n);
    return cur;
  }
  if (v instanceof LpcObject && !v.destructed) return v;
  return rt.badArgument(efun, n);
}

/** MudOS array.c deep_inherit_list(): a breadth-first walk over at most 255 inherited programs. */
function deepInheritList(root: Program): string[] {
  const queue: Program[] = [root];
  for (let cur = 0; cur < queue.length && queue.length < 256; cur++) {
    for (const ih of queue[cur].inherits) queue.push(ih.program);
  }
  return queue.slice(1, 256).map((p) => p.path);
}

export const efuns = defineEfuns('objects', [
  {
    name: 'call_other',
    signature: 'mixed call_other(object | string | object *, string | mixed *, ...)',
    doc: 'Calls a public function in another object; 0 when it does not exist.',
    impl: (rt, ob: Value, fun: Value, ...args: Value[]) => vm(rt).coN(ob, fun, args),
  },
  {
    name: 'clone_object',
    signature: 'object clone_object(string, ...)',
    aliases: ['new'],
    doc: 'Creates a clone of a program ("/path#N").',
    impl: (rt, path: string, ...args: Value[]) => vm(rt).cloneObject(path, args),
  },
  {
    name: 'destruct',
    signature: 'void destruct(void | object)',
    doc: 'Destroys an object (this_object() when omitted, as FluffOS); references to it read as 0 afterwards.',
    impl: (rt, ob?: Value) => {
      const target = ob === undefined ? vm(rt).cur : ob;
      if (target instanceof LpcObject) vm(rt).destruct(target);
      return 0;
    },
  },
  {
    name: 'file_name',
    signature: 'string file_name(void | object)',
    doc: 'The object name: "/path/ob" or "/path/ob#N" for clones.',
    impl: (rt, ob?: Value) => '/' + obArg(rt, ob, 'file_name').name,
  },
  {
    name: 'this_object',
    signature: 'object this_object()',
    doc: 'The current object.',
    impl: (rt) => {
      const cur = vm(rt).cur;
      return cur && !cur.destructed ? cur : 0;
    },
  },
  {
    name: 'previous_object',
    signature: 'mixed previous_object(void | int)',
    doc: 'The object that called the current function (n levels back; -1 gives all).',
    impl: (rt, n?: Value) => vm(rt).previousObjectEfun(n ?? 0),
  },
  {
    name: 'this_player',
    signature: 'object this_player(void | int)',
    aliases: ['this_user'], // FluffOS core.spec
    doc: 'The current command giver (this_interactive() with a non-zero flag).',
    impl: (rt, flag?: Value) => {
      const r = vm(rt);
      const p = flag ? r.ti : r.tp;
      return p && !p.destructed ? p : 0;
    },
  },
  {
    name: 'this_interactive',
    signature: 'object this_interactive()',
    doc: 'The interactive user who started the current execution.',
    impl: (rt) => {
      const p = vm(rt).ti;
      return p && !p.destructed ? p : 0;
    },
  },
  {
    name: 'set_this_player',
    signature: 'void set_this_player(object | int)',
    aliases: ['set_this_user'], // FluffOS core.spec
    doc: 'Changes this_player() for the rest of the execution.',
    impl: (rt, ob: Value) => {
      vm(rt).tp = ob instanceof LpcObject && !ob.destructed ? ob : 0;
      return 0;
    },
  },
  {
    name: 'function_exists',
    signature: 'string function_exists(string, void | object, void | int)',
    doc: 'The program defining a function in an object (0 if none); static, protected and private ones (inherited private ones too) only with the flag.',
    impl: (rt, name: string, ob?: Value, all?: Value) => {
      const o = obArg(rt, ob, 'function_exists', 2);
      // MudOS interpret.c function_exists(): without the flag, protected
      // (static) and private functions count as absent; with it every one
      // counts, a parent's private function (a hidden table entry) too.
      const e = o.linked.table.get(name) ?? (all ? o.linked.root.hiddenFunction(name) : undefined);
      if (!e) return 0;
      if (e.def.flags & (F_PRIVATE | F_STATIC | F_PROTECTED) && !all) return 0;
      return '/' + e.program.name;
    },
  },
  {
    name: 'inherits',
    signature: 'int inherits(string, object)',
    doc: 'Whether an object inherits a file (directly or not).',
    impl: (rt, file: string, ob: Value) => {
      if (!(ob instanceof LpcObject) || ob.destructed) return 0;
      const name = vm(rt).normalizeName(file);
      return ob.program.deepInherits().some((p) => p.name === name) ? 1 : 0;
    },
  },
  {
    name: 'inherit_list',
    signature: 'string *inherit_list(void | object)',
    aliases: ['shallow_inherit_list'],
    doc: 'The files an object directly inherits.',
    impl: (rt, ob?: Value) => obArg(rt, ob, 'inherit_list').program.inherits.map((ih) => ih.program.path),
  },
  {
    name: 'deep_inherit_list',
    signature: 'string *deep_inherit_list(void | object)',
    doc: 'Every file an object inherits, at any depth, breadth first: the direct parents, then theirs (MudOS array.c, which lists a file inherited along two paths twice).',
    impl: (rt, ob?: Value) => deepInheritList(obArg(rt, ob, 'deep_inherit_list').program),
  },
  {
    name: 'objects',
    signature: 'object *objects(void | string | function)',
    doc: 'All loaded objects, optionally filtered by a function.',
    impl: (rt, filter?: Value) => {
      const all = vm(rt).allObjects();
      if (filter === undefined || filter === 0) return all;
      if (filter instanceof LFunction) return all.filter((o) => truthy(rt.callFunction(filter, [o])));
      const cur = vm(rt).cur;
      if (!cur) return all;
      return all.filter((o) => truthy(vm(rt).coN(cur, filter as string, [o])));
    },
  },
  {
    name: 'children',
    signature: 'object *children(string)',
    doc: 'The blueprint named and all its clones.',
    impl: (rt, path: string) => {
      const name = vm(rt).normalizeName(path);
      return vm(rt).allObjects().filter((o) => o.name === name || o.name.startsWith(name + '#'));
    },
  },
  {
    name: 'functions',
    signature: 'mixed *functions(object, void | int)',
    doc: 'The names of the functions an object defines.',
    impl: (rt, ob: Value) => [...obArg(rt, ob, 'functions').linked.table.keys()],
  },
  {
    name: 'variables',
    signature: 'mixed *variables(object, void | int)',
    doc: 'The names of the global variables of an object’s own program.',
    impl: (rt, ob: Value) => obArg(rt, ob, 'variables').program.vars.map((v) => v.name),
  },
  {
    name: 'master',
    signature: 'object master()',
    doc: 'The master object.',
    impl: (rt) => vm(rt).master || 0,
  },
  {
    name: 'clonep',
    signature: 'int clonep(void | mixed)',
    doc: 'Whether a value is a cloned object.',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      return o instanceof LpcObject && !o.destructed && o.isClone ? 1 : 0;
    },
  },
]);
