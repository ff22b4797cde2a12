// Message efuns (COMPAT.md "Efuns": interaction): say, shout, tell_object,
// tell_room, message and receive. Interactive objects get text on their
// connection (seen by snoopers too); other objects get catch_tell(text) when
// they define it, as MudOS tell_object does. write() and printf() live in
// system.ts/sprintf.ts and reach the same path through Runtime.write, which
// the backend points at this_player().
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import type { Value } from '../vm/values.js';
import { hasApply, sendToSession, sessionOf, tellObject, usersOf } from '../net/session.js';
import { worldOf } from '../net/commands.js';
import { describeValue } from './describe.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** The text of a message argument: strings as they are, anything else as %O would print it. */
function textOf(rt: RuntimeApi, v: Value): string {
  return typeof v === 'string' ? v : describeValue(rt, v);
}

/** An exclude argument (object, array of objects, or 0) as a set. */
function excludeSet(v: Value | undefined): Set<LpcObject> {
  const out = new Set<LpcObject>();
  if (v instanceof LpcObject) out.add(v);
  else if (Array.isArray(v)) for (const o of v) if (o instanceof LpcObject) out.add(o);
  return out;
}

/** An object argument that may also be a file name (tell_room, message targets). */
function objectOrLoaded(rt: Runtime, v: Value): LpcObject | undefined {
  if (v instanceof LpcObject) return v.destructed ? undefined : v;
  if (typeof v === 'string') return rt.findObject(v) ?? (rt.sourceExists(v) ? rt.loadObject(v) : undefined);
  return undefined;
}

/** Whether an object listens: interactive, or it defines catch_tell. */
function listens(rt: Runtime, ob: LpcObject): boolean {
  return !!sessionOf(rt, ob) || hasApply(ob, 'catch_tell');
}

/**
 * say(): the originator's environment, everything in it and everything the
 * originator carries hear it; the originator and the excluded do not. The
 * originator is the current object when it listens itself, else this_player()
 * (MudOS say()).
 */
function say(rt: Runtime, text: string, exclude: Set<LpcObject>): void {
  const cur = rt.cur;
  const origin = cur && listens(rt, cur) ? cur : rt.tp || cur;
  if (!origin) return;
  const world = worldOf(rt);
  const env = world.environment(origin);
  const targets: LpcObject[] = [];
  if (env) targets.push(env, ...world.inventory(env));
  targets.push(...world.inventory(origin));
  const seen = new Set<LpcObject>();
  for (const ob of targets) {
    if (ob === origin || exclude.has(ob) || seen.has(ob)) continue;
    seen.add(ob);
    tellObject(rt, ob, text);
  }
}

function message(rt: Runtime, cls: Value, msg: Value, target: Value, exclude: Set<LpcObject>): void {
  const world = worldOf(rt);
  const targets: LpcObject[] = [];
  const add = (v: Value) => {
    const ob = objectOrLoaded(rt, v);
    if (!ob) return;
    targets.push(ob);
    // A target that is not living stands for everything in it (MudOS message()).
    if (!world.isLiving(ob) && !sessionOf(rt, ob)) targets.push(...world.inventory(ob));
  };
  if (Array.isArray(target)) target.forEach(add);
  else add(target);
  const seen = new Set<LpcObject>();
  for (const ob of targets) {
    if (exclude.has(ob) || seen.has(ob) || ob.destructed) continue;
    seen.add(ob);
    if (hasApply(ob, 'receive_message')) rt.apply(ob, 'receive_message', [cls, msg]);
    else tellObject(rt, ob, textOf(rt, msg));
  }
}

export const efuns = defineEfuns('messages', [
  {
    name: 'say',
    signature: 'void say(mixed, void | object | object *)',
    doc: "Tells everyone near this_player() (its room, the room's contents, its own inventory) except it and the excluded.",
    impl: (rt, msg: Value, exclude?: Value) => {
      say(vm(rt), textOf(rt, msg), excludeSet(exclude));
      return 0;
    },
  },
  {
    name: 'shout',
    signature: 'void shout(mixed)',
    doc: 'Tells every interactive user except this_player().',
    impl: (rt, msg: Value) => {
      const r = vm(rt);
      const text = textOf(rt, msg);
      for (const ob of usersOf(r).objects()) if (ob !== r.tp) tellObject(r, ob, text);
      return 0;
    },
  },
  {
    name: 'tell_object',
    signature: 'void tell_object(object, mixed)',
    doc: 'Sends text to an object: its connection when interactive, else its catch_tell().',
    impl: (rt, ob: Value, msg: Value) => {
      if (ob instanceof LpcObject) tellObject(vm(rt), ob, textOf(rt, msg));
      return 0;
    },
  },
  {
    name: 'tell_room',
    signature: 'void tell_room(object | string, mixed, void | object | object *)',
    doc: 'Tells everything inside a room (an object or a file name) except the excluded.',
    impl: (rt, room: Value, msg: Value, exclude?: Value) => {
      const r = vm(rt);
      const ob = objectOrLoaded(r, room);
      if (!ob) return rt.badArgument('tell_room', 1);
      const skip = excludeSet(exclude);
      const text = textOf(rt, msg);
      for (const o of worldOf(r).inventory(ob)) if (!skip.has(o)) tellObject(r, o, text);
      return 0;
    },
  },
  {
    name: 'message',
    signature: 'void message(mixed, mixed, string | object | object *, void | object | object *)',
    doc: 'Sends a classed message to targets (a non-living target means its contents) through receive_message(class, message).',
    impl: (rt, cls: Value, msg: Value, target: Value, exclude?: Value) => {
      message(vm(rt), cls, msg, target, excludeSet(exclude));
      return 0;
    },
  },
  {
    name: 'receive',
    signature: 'void receive(string | buffer)',
    doc: "Sends text straight to this_object()'s own connection (for catch_tell and receive_message).",
    impl: (rt, msg: Value) => {
      const r = vm(rt);
      const cur = r.cur;
      if (!cur) return 0;
      const s = sessionOf(r, cur);
      if (!s) return 0;
      if (typeof msg === 'string') sendToSession(r, s, msg);
      else if (msg && typeof msg === 'object' && 'bytes' in msg) s.queueBytes(s.telnet ? s.telnet.encodeBytes(msg.bytes) : msg.bytes);
      return 0;
    },
  },
]);
