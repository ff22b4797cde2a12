// Interactive efuns (COMPAT.md "Efuns": interaction): users, interactive,
// exec, query_ip_number/name/port, query_idle, remove_interactive, input_to,
// get_char, in_input (in_edit is with the editor, ed.ts), snoop, query_snoop, query_snooping,
// send_gmcp. Sessions themselves live in driver/net/session.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { LFunction, truthy, type Value } from '../vm/values.js';
import { sessionOf, usersOf, type Session } from '../net/session.js';
import { I_NOECHO, I_NOESC } from '../net/input.js';
import { nodeOf } from '../vm/inventory.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** Objects marked by enable_wizard() (MudOS O_IS_WIZARD). */
const wizards = new WeakSet<LpcObject>();

/** What each object snoops on (the reverse of Session.snooper). */
const snoopTargets = new WeakMap<LpcObject, Session>();

/** The session of an optional object argument (default this_player()). */
function sessionArg(rt: Runtime, v: Value | undefined): Session | undefined {
  const ob = v === undefined ? rt.tp : v;
  return ob instanceof LpcObject && !ob.destructed ? sessionOf(rt, ob) : undefined;
}

/**
 * input_to / get_char: the next line (character) this_player() types goes
 * to `fn` in this_object(). Returns 0 when this_player() is not interactive
 * or already has a request pending (the first one wins).
 */
function requestInput(rt: Runtime, fn: Value, rest: Value[], singleChar: boolean): number {
  const owner = rt.cur;
  if (!owner || owner.destructed) return 0;
  if (typeof fn !== 'string' && !(fn instanceof LFunction)) return rt.badArgument(singleChar ? 'get_char' : 'input_to', 1);
  const giver = rt.tp;
  if (!giver || giver.destructed) return 0;
  const s = sessionOf(rt, giver);
  if (!s || s.pending) return 0;
  const flag = rest.length && typeof rest[0] === 'number' ? (rest[0] as number) : 0;
  s.setPending({ fn, ob: owner, flags: flag & (I_NOECHO | I_NOESC), args: rest.slice(1), singleChar });
  return 1;
}

/** Whether making `snooper` snoop `target` would send output around in a circle. */
function wouldLoop(rt: Runtime, snooper: LpcObject, target: Session): boolean {
  let ob: LpcObject | 0 = snooper;
  for (let depth = 0; ob; depth++) {
    const s = sessionOf(rt, ob);
    if (!s) return false;
    if (s === target || depth > 64) return true;
    ob = s.snooper;
  }
  return false;
}

export const efuns = defineEfuns('interactive', [
  {
    name: 'users',
    signature: 'object *users()',
    doc: 'Every interactive object, in connection order.',
    impl: (rt) => usersOf(vm(rt)).objects(),
  },
  {
    name: 'interactive',
    signature: 'int interactive(void | object)',
    doc: 'Whether an object has a connection.',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      return o instanceof LpcObject && !o.destructed && sessionOf(vm(rt), o) ? 1 : 0;
    },
  },
  {
    name: 'userp',
    signature: 'int userp(object)',
    doc: 'Whether an object has ever had a connection (MudOS O_ONCE_INTERACTIVE: it stays set after the link drops).',
    impl: (rt, ob: Value) => (ob instanceof LpcObject && usersOf(vm(rt)).onceInteractive.has(ob) ? 1 : 0),
  },
  {
    name: 'wizardp',
    signature: 'int wizardp(object)',
    doc: 'Whether enable_wizard() marked the object as a wizard.',
    impl: (_rt, ob: Value) => (ob instanceof LpcObject && wizards.has(ob) ? 1 : 0),
  },
  {
    name: 'enable_wizard',
    signature: 'void enable_wizard()',
    doc: 'Marks this_object() as a wizard; does nothing unless it is interactive (MudOS).',
    impl: (rt) => {
      const cur = vm(rt).cur;
      if (cur && !cur.destructed && sessionOf(vm(rt), cur)) wizards.add(cur);
      return 0;
    },
  },
  {
    name: 'disable_wizard',
    signature: 'void disable_wizard()',
    doc: 'Clears the wizard mark of this_object(); does nothing unless it is interactive (MudOS).',
    impl: (rt) => {
      const cur = vm(rt).cur;
      if (cur && !cur.destructed && sessionOf(vm(rt), cur)) wizards.delete(cur);
      return 0;
    },
  },
  {
    name: 'exec',
    signature: 'int exec(object, object)',
    doc: "Moves the connection of the second object to the first (which must not be interactive); 1 on success.",
    impl: (rt, to: Value, from: Value) => {
      const r = vm(rt);
      if (!(to instanceof LpcObject) || to.destructed) return rt.badArgument('exec', 1);
      if (!(from instanceof LpcObject) || from.destructed) return rt.badArgument('exec', 2);
      if (to === from) return 0;
      const s = sessionOf(r, from);
      if (!s || sessionOf(r, to)) return 0;
      const m = r.master;
      if (m && !m.destructed && m.linked.table.has('valid_exec')) {
        const prog = r.cur ? '/' + r.cur.program.name : '';
        if (!truthy(r.masterApply('valid_exec', [prog, to, from]) ?? 0)) return 0;
      }
      usersOf(r).bind(s, to);
      // find_player() finds objects that are or were interactive.
      nodeOf(to).onceInteractive = true;
      // The command giver follows its connection (MudOS replace_interactive).
      if (r.tp === from) r.tp = to;
      if (r.ti === from) r.ti = to;
      const target = snoopTargets.get(from);
      if (target) {
        snoopTargets.delete(from);
        snoopTargets.set(to, target);
        target.snooper = to;
      }
      return 1;
    },
  },
  {
    name: 'query_ip_number',
    signature: 'string query_ip_number(void | object)',
    doc: 'The numeric address of a connection (0 when not interactive).',
    impl: (rt, ob?: Value) => {
      const s = sessionArg(vm(rt), ob);
      return s && s.kind !== 'console' ? s.ip : s ? '127.0.0.1' : 0;
    },
  },
  {
    name: 'query_ip_name',
    signature: 'string query_ip_name(void | object)',
    doc: 'The host name of a connection from reverse DNS, or its address until the lookup answers.',
    impl: (rt, ob?: Value) => {
      const s = sessionArg(vm(rt), ob);
      if (!s) return 0;
      if (s.kind === 'console') return 'localhost';
      return s.ipName ?? s.ip;
    },
  },
  {
    name: 'query_ip_port',
    signature: 'int query_ip_port(void | object)',
    doc: 'The local port the connection came in on (0 for the console).',
    impl: (rt, ob?: Value) => {
      const s = sessionArg(vm(rt), ob);
      return s ? s.port : 0;
    },
  },
  {
    name: 'query_idle',
    signature: 'int query_idle(object)',
    doc: 'Seconds since an interactive object last sent input.',
    impl: (rt, ob: Value) => {
      const r = vm(rt);
      const s = sessionArg(r, ob);
      if (!s) return rt.error('query_idle() of non-interactive object.');
      return Math.max(0, Math.floor((r.host.now() - s.lastInputAt) / 1000));
    },
  },
  {
    name: 'remove_interactive',
    signature: 'int remove_interactive(object)',
    doc: "Closes an object's connection; 1 when it had one.",
    impl: (rt, ob: Value) => {
      const r = vm(rt);
      const s = sessionArg(r, ob);
      if (!s) return 0;
      usersOf(r).disconnect(s);
      return 1;
    },
  },
  {
    name: 'input_to',
    signature: 'int input_to(string | function, ...)',
    doc: 'Sends the next line this_player() types to a function (flags: 1 no echo, 2 no ! escape; extra args follow the line).',
    impl: (rt, fn: Value, ...rest: Value[]) => requestInput(vm(rt), fn, rest, false),
  },
  {
    name: 'get_char',
    signature: 'int get_char(string | function, ...)',
    doc: 'Sends the next character this_player() types to a function (flag 1: no echo).',
    impl: (rt, fn: Value, ...rest: Value[]) => requestInput(vm(rt), fn, rest, true),
  },
  {
    name: 'in_input',
    signature: 'int in_input(void | object)',
    doc: 'Whether an input_to or get_char is pending for an object.',
    impl: (rt, ob?: Value) => {
      const r = vm(rt);
      const o = ob === undefined ? r.cur : ob;
      const s = o instanceof LpcObject && !o.destructed ? sessionOf(r, o) : undefined;
      return s && s.pending ? 1 : 0;
    },
  },
  {
    name: 'snoop',
    signature: 'object snoop(object, void | object)',
    doc: 'Makes the first object see what the second sees and types (one argument stops); refuses loops and doubles.',
    impl: (rt, snooper: Value, target?: Value) => {
      const r = vm(rt);
      if (!(snooper instanceof LpcObject) || snooper.destructed) return rt.badArgument('snoop', 1);
      const old = snoopTargets.get(snooper);
      if (target === undefined || target === 0) {
        if (!old) return 0;
        if (old.snooper === snooper) old.snooper = 0;
        snoopTargets.delete(snooper);
        return snooper;
      }
      if (!(target instanceof LpcObject) || target.destructed) return rt.badArgument('snoop', 2);
      const s = sessionOf(r, target);
      if (!s || target === snooper) return 0;
      if (s.snooper && s.snooper !== snooper && !s.snooper.destructed) return 0;
      if (wouldLoop(r, snooper, s)) return 0;
      if (old && old !== s && old.snooper === snooper) old.snooper = 0;
      s.snooper = snooper;
      snoopTargets.set(snooper, s);
      return target;
    },
  },
  {
    name: 'query_snoop',
    signature: 'object query_snoop(object)',
    doc: 'The object snooping on an interactive object, or 0.',
    impl: (rt, ob: Value) => {
      const s = sessionArg(vm(rt), ob);
      const by = s?.snooper;
      return by && !by.destructed ? by : 0;
    },
  },
  {
    name: 'query_snooping',
    signature: 'object query_snooping(object)',
    doc: 'The object an object is snooping on, or 0.',
    impl: (_rt, ob: Value) => {
      if (!(ob instanceof LpcObject)) return 0;
      const s = snoopTargets.get(ob);
      return s && s.snooper === ob && s.ob && !s.closing ? s.ob : 0;
    },
  },
  {
    name: 'send_gmcp',
    signature: 'void send_gmcp(string)',
    doc: 'Sends a GMCP message ("Package.Name json") to this_player() when its client accepted GMCP.',
    impl: (rt, msg: string) => {
      const s = sessionArg(vm(rt), undefined);
      if (!s || !s.telnet) return 0;
      const sp = msg.indexOf(' ');
      s.queueBytes(sp < 0 ? s.telnet.encodeGmcp(msg) : s.telnet.encodeGmcp(msg.slice(0, sp), msg.slice(sp + 1)));
      return 0;
    },
  },
]);
