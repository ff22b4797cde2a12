// The add_action command system (COMPAT.md "Efuns": interaction; MudOS
// simulate.c user_parser semantics). Every living object keeps a list of
// "sentences" — verb, function, defining object, flags — newest first, so a
// later add_action of the same verb takes precedence. A command line is
// matched against that list; the first function returning non-zero ends the
// search; when none does, the notify_fail message (or DefaultFailMsg) is sent.
//
// The object world (environment, inventory, living) belongs to another
// module; this one reaches it through WorldAccess so it stays testable with a
// bare Runtime.
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { F_PRIVATE } from '../vm/program.js';
import { LFunction, truthy, type Value } from '../vm/values.js';

/** add_action flags (MudOS V_SHORT, V_NOSPACE). */
export const V_SHORT = 1;
export const V_NOSPACE = 2;

/** One add_action registration on a command giver. */
export interface Sentence {
  verb: string;
  fn: string | LFunction;
  /** The object that called add_action (its function runs). */
  ob: LpcObject;
  flags: number;
}

/** What the command system needs from the object world. */
export interface WorldAccess {
  environment(ob: LpcObject): LpcObject | 0;
  /** Whether enable_commands() made ob living (message() treats others as containers). */
  isLiving(ob: LpcObject): boolean;
  /** The objects directly inside ob. */
  inventory(ob: LpcObject): LpcObject[];
}

/** Per-runtime command state: the current verb and notify_fail message. */
interface CommandState {
  world: WorldAccess;
  defaultFailMsg: string;
  /** query_verb() of the innermost running command (a stack: command() nests). */
  verbs: (string | 0)[];
  /** notify_fail() message per command giver for the command being parsed. */
  failMessages: Map<LpcObject, string | LFunction>;
}

const sentencesOf = new WeakMap<LpcObject, Sentence[]>();
const states = new WeakMap<Runtime, CommandState>();

/** A world that knows nothing: no environments, everyone may give commands. */
const NO_WORLD: WorldAccess = {
  environment: () => 0,
  isLiving: () => true,
  inventory: () => [],
};

function stateOf(rt: Runtime): CommandState {
  let s = states.get(rt);
  if (!s) {
    s = { world: NO_WORLD, defaultFailMsg: 'What?', verbs: [], failMessages: new Map() };
    states.set(rt, s);
  }
  return s;
}

/** Installs the object world and the config's DefaultFailMsg for a runtime. */
export function configureCommands(rt: Runtime, opts: { world?: WorldAccess; defaultFailMsg?: string }): void {
  const s = stateOf(rt);
  if (opts.world) s.world = opts.world;
  if (opts.defaultFailMsg !== undefined) s.defaultFailMsg = opts.defaultFailMsg;
}

export function worldOf(rt: Runtime): WorldAccess {
  return stateOf(rt).world;
}

/** The sentences of a command giver, newest first (live array). */
export function sentences(ob: LpcObject): Sentence[] {
  let list = sentencesOf.get(ob);
  if (!list) {
    list = [];
    sentencesOf.set(ob, list);
  }
  return list;
}

/** Drops every action of a command giver (disable_commands, destruct). */
export function clearSentences(ob: LpcObject): void {
  sentencesOf.delete(ob);
}

/** Drops the actions `definer` gave `user` (MudOS remove_sent: they parted company). */
export function removeSentencesOf(user: LpcObject, definer: LpcObject): void {
  const list = sentencesOf.get(user);
  if (!list) return;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].ob === definer) list.splice(i, 1);
}

/**
 * Whether `ob` is near enough to `giver` to define actions for it (MudOS
 * add_action): the giver itself, its environment, something it carries, or
 * something in the same environment.
 */
export function isNear(world: WorldAccess, ob: LpcObject, giver: LpcObject): boolean {
  if (ob === giver) return true;
  const obEnv = world.environment(ob);
  const giverEnv = world.environment(giver);
  return obEnv === giver || ob === giverEnv || (obEnv !== 0 && obEnv === giverEnv);
}

/** add_action(fun, verb | verbs, flag): registers on this_player() for this_object(). */
export function addAction(rt: Runtime, fn: string | LFunction, verbs: string[], flags: number): void {
  const ob = rt.cur;
  const giver = rt.tp;
  if (!ob || ob.destructed || !giver || giver.destructed) return;
  // MudOS silently ignores actions from objects that are not near the giver.
  if (!isNear(stateOf(rt).world, ob, giver)) return;
  const list = sentences(giver);
  for (const verb of verbs) list.unshift({ verb, fn, ob, flags });
}

/** remove_action(fun, verb): removes the current object's action from the command giver. */
export function removeAction(rt: Runtime, fn: string, verb: string): number {
  const giver = rt.tp || rt.cur;
  if (!giver) return 0;
  const list = sentencesOf.get(giver);
  if (!list) return 0;
  const i = list.findIndex((s) => s.ob === rt.cur && s.fn === fn && s.verb === verb);
  if (i < 0) return 0;
  list.splice(i, 1);
  return 1;
}

/** commands(): ({ verb, flags, object, function }) for each action of this_object(). */
export function listCommands(rt: Runtime, ob: LpcObject): Value[] {
  const list = sentencesOf.get(ob) ?? [];
  return list
    .filter((s) => !s.ob.destructed)
    .map((s) => [s.verb, s.flags, s.ob, typeof s.fn === 'string' ? s.fn : '<function>'] as Value); // MudOS array.c commands()
}

export function queryVerb(rt: Runtime): Value {
  const v = stateOf(rt).verbs;
  return v.length ? v[v.length - 1] : 0;
}

/** notify_fail(msg): the message sent when no action accepts the command. */
export function notifyFail(rt: Runtime, msg: string | LFunction): void {
  const giver = rt.tp;
  if (!giver) return;
  stateOf(rt).failMessages.set(giver, msg);
}

/**
 * Parses and runs one command line for `giver` (MudOS user_parser). Returns
 * true when an action accepted it. When none did and `reportFailure` is set,
 * the notify_fail message (or DefaultFailMsg) is sent through `tell`.
 * Runs inside the caller's execution: this_player must already be `giver`.
 */
export function parseCommand(
  rt: Runtime,
  giver: LpcObject,
  line: string,
  tell: (ob: LpcObject, text: string) => void,
  reportFailure = true,
): boolean {
  const st = stateOf(rt);
  // Trailing blanks never belong to the command (MudOS strips them).
  let buff = line;
  let end = buff.length;
  while (end > 0 && buff.charCodeAt(end - 1) === 32) end--;
  buff = buff.slice(0, end);
  if (buff === '') return false;
  const space = buff.indexOf(' ');
  const verb = space < 0 ? buff : buff.slice(0, space);
  const argText = space < 0 ? undefined : buff.slice(space + 1);
  const list = sentencesOf.get(giver);
  st.failMessages.delete(giver);
  if (list && list.length) {
    // Walk a snapshot: actions may add or remove actions (init() of moved objects).
    for (const s of list.slice()) {
      if (s.ob.destructed || !list.includes(s)) continue;
      if (!isNear(st.world, s.ob, giver)) {
        // The definer wandered off without the world telling us: forget it (MudOS remove_sent).
        removeSentencesOf(giver, s.ob);
        continue;
      }
      if (s.flags & (V_NOSPACE | V_SHORT)) {
        if (!buff.startsWith(s.verb)) continue;
      } else if (s.verb !== '' && s.verb !== verb) {
        continue;
      }
      let shownVerb: string;
      if (s.flags & V_NOSPACE) shownVerb = verb.length > s.verb.length ? verb.slice(s.verb.length) : '';
      else shownVerb = s.verb === '' || s.flags & V_SHORT ? verb : s.verb;
      let arg: Value;
      if (s.flags & V_NOSPACE) arg = buff.slice(s.verb.length);
      else arg = argText === undefined ? 0 : argText;
      st.verbs.push(shownVerb);
      let ret: Value;
      try {
        ret = callAction(rt, s, arg);
      } finally {
        st.verbs.pop();
      }
      if (truthy(ret)) return true;
    }
  }
  if (reportFailure) {
    const msg = st.failMessages.get(giver);
    st.failMessages.delete(giver);
    let text: Value = 0;
    if (msg instanceof LFunction) text = rt.callFunction(msg, []);
    else if (typeof msg === 'string') text = msg;
    if (typeof text === 'string') tell(giver, text);
    else if (msg === undefined) tell(giver, st.defaultFailMsg + '\n');
  }
  return false;
}

function callAction(rt: Runtime, s: Sentence, arg: Value): Value {
  if (s.fn instanceof LFunction) return rt.callFunction(s.fn, [arg]);
  const e = s.ob.linked.table.get(s.fn);
  if (!e || e.def.flags & F_PRIVATE) {
    return rt.error(`Function for verb '${s.verb}' not found.`);
  }
  return rt.enterObject(s.ob, e.fn, [arg]);
}

export { LpcObject };
