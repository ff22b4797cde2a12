// Command efuns (COMPAT.md "Efuns": interaction): add_action, remove_action,
// command, notify_fail, query_verb, commands. The parsing itself lives in
// driver/net/commands.ts; enable_commands/living belong to the object world.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { LFunction, type Value } from '../vm/values.js';
import { addAction, listCommands, notifyFail, parseCommand, queryVerb, removeAction } from '../net/commands.js';
import { tellObject } from '../net/session.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/**
 * command(str): runs a command line as this_object() (which becomes
 * this_player() meanwhile), outside the one-command-per-turn limit. Returns
 * the evaluation cost it used (at least 1) when an action accepted it, else 0
 * (MudOS f_command).
 */
export function runCommandAs(rt: Runtime, ob: LpcObject, line: string): number {
  const savedTp = rt.tp;
  const before = rt.ev;
  rt.tp = ob;
  try {
    const ok = parseCommand(rt, ob, line, (target, text) => tellObject(rt, target, text));
    return ok ? Math.max(1, before - rt.ev) : 0;
  } finally {
    rt.tp = savedTp;
  }
}

export const efuns = defineEfuns('commands', [
  {
    name: 'add_action',
    signature: 'void add_action(string | function, string | string *, void | int)',
    doc: 'Gives this_player() a command verb handled by a function of this_object() (flag 1: verb prefix, 2: no space needed).',
    impl: (rt, fn: Value, verb: Value, flag?: Value) => {
      const verbs = Array.isArray(verb) ? verb.filter((v): v is string => typeof v === 'string') : [verb as string];
      addAction(vm(rt), fn as string | LFunction, verbs, typeof flag === 'number' ? flag : 0);
      return 0;
    },
  },
  {
    name: 'remove_action',
    signature: 'int remove_action(string, string)',
    doc: "Removes this_object()'s action for a verb from the command giver; 1 if one was removed.",
    impl: (rt, fn: string, verb: string) => removeAction(vm(rt), fn, verb),
  },
  {
    name: 'command',
    signature: 'int command(string, void | object)',
    doc: 'Runs a command as this_object(); returns the evaluation cost used, 0 when no action accepted it.',
    impl: (rt, line: string, ob?: Value) => {
      const r = vm(rt);
      const who = ob instanceof LpcObject && !ob.destructed ? ob : r.cur;
      if (!who || who.destructed) return 0;
      return runCommandAs(r, who, line);
    },
  },
  {
    name: 'notify_fail',
    signature: 'int notify_fail(string | function)',
    doc: 'Sets the message shown when no action accepts the current command; returns 0.',
    impl: (rt, msg: Value) => {
      notifyFail(vm(rt), msg as string | LFunction);
      return 0;
    },
  },
  {
    name: 'query_verb',
    signature: 'string query_verb()',
    doc: 'The verb of the command being run (0 outside commands).',
    impl: (rt) => queryVerb(vm(rt)),
  },
  {
    name: 'commands',
    signature: 'mixed *commands()',
    doc: "this_object()'s actions: ({ verb, flags, defining object, function }) each.",
    impl: (rt) => {
      const cur = vm(rt).cur;
      return cur ? listCommands(vm(rt), cur) : [];
    },
  },
]);
