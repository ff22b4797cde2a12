// System information efuns: localtime, memory_info, debug_info, and the
// MudOS PRIVS pair query_privs/set_privs.
//
// - localtime(t) (MudOS efuns_main.c, FluffOS time.cc): an 11-element array in
//   <localtime.h> order LT_SEC, LT_MIN, LT_HOUR, LT_MDAY, LT_MON (0-11),
//   LT_YEAR (full year), LT_WDAY (0 = Sunday), LT_YDAY (0-365), LT_GMTOFF
//   (seconds east of UTC, tm_gmtoff), LT_ZONE (the zone's short name),
//   LT_ISDST (1 while daylight saving time applies).
// - memory_info() / memory_info(ob): MudOS reports malloc'd bytes; a
//   JavaScript driver cannot see per-object allocations, so an object's figure
//   is an estimate from its variables (8 bytes a slot, strings at 2 bytes a
//   unit, containers walked once), and the total is the JS heap in use where
//   the host reports it (Node), else the sum over all objects.
// - debug_info(0|1|2, ob) (FluffOS develop.cc layout): 0 the object's flags
//   and bookkeeping, 1 its program's sizes, 2 every variable as "name: value".
// - set_privs(ob, string | 0) / query_privs(ob) (MudOS PRIVS): a privilege
//   string per object; like MudOS the efun itself checks nothing (mudlibs
//   guard it with a simul_efun).
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import type { Program } from '../vm/program.js';
import { LpcObject } from '../vm/object.js';
import { heartBeatsOf } from '../vm/heartbeats.js';
import { peekNode } from '../vm/inventory.js';
import { LBuffer, LClassValue, LMapping, type Value } from '../vm/values.js';
import { describeValue } from './describe.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

// ---------------------------------------------------------------------------
// localtime

/** The short name of the host's zone at a moment ("UTC", "CET", "GMT+2"). */
function zoneName(d: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName');
    if (part) return part.value;
  } catch {
    // No Intl time zone data: fall back to the offset.
  }
  const off = -d.getTimezoneOffset();
  return off === 0 ? 'UTC' : `GMT${off > 0 ? '+' : '-'}${Math.floor(Math.abs(off) / 60)}`;
}

/** MudOS localtime() of an epoch second. */
export function localtimeArray(seconds: number): Value[] {
  const d = new Date(seconds * 1000);
  const jan = new Date(d.getFullYear(), 0, 1);
  const jul = new Date(d.getFullYear(), 6, 1);
  const standard = Math.max(jan.getTimezoneOffset(), jul.getTimezoneOffset());
  const yday = Math.floor((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(d.getFullYear(), 0, 1)) / 86_400_000);
  return [
    d.getSeconds(), d.getMinutes(), d.getHours(), d.getDate(), d.getMonth(), d.getFullYear(),
    // "+ 0": a zero offset must be the ordinary 0, not -0 (the undefined zero, values.ts).
    d.getDay(), yday, -d.getTimezoneOffset() * 60 + 0, zoneName(d), d.getTimezoneOffset() < standard ? 1 : 0,
  ];
}

// ---------------------------------------------------------------------------
// memory_info

/** Estimated bytes held by a value, each container counted once. */
function valueBytes(v: Value, seen: Set<object>): number {
  if (typeof v === 'string') return 16 + 2 * v.length;
  if (typeof v !== 'object' || v === null) return 8;
  if (v instanceof LpcObject) return 8;
  if (seen.has(v)) return 8;
  seen.add(v);
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + valueBytes(x, seen), 16);
  if (v instanceof LMapping) {
    let n = 32;
    for (const [k, x] of v.entries()) n += valueBytes(k, seen) + valueBytes(x, seen);
    return n;
  }
  if (v instanceof LBuffer) return 16 + v.bytes.length;
  if (v instanceof LClassValue) return v.fields.reduce((n: number, x) => n + valueBytes(x, seen), 16);
  return 16;
}

export function objectBytes(ob: LpcObject): number {
  const seen = new Set<object>();
  return 64 + ob.v.reduce((n: number, x) => n + valueBytes(x, seen), 0);
}

function heapUsed(): number | undefined {
  const p = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  return p?.memoryUsage ? p.memoryUsage().heapUsed : undefined;
}

// ---------------------------------------------------------------------------
// debug_info

/** Variable names of a program's whole block, in layout order (inherited blocks first). */
export function variableNames(p: Program): string[] {
  const out: string[] = new Array(p.varCount).fill('');
  for (const inh of p.inherits) {
    const sub = variableNames(inh.program);
    for (let i = 0; i < sub.length; i++) out[inh.offset + i] = sub[i];
  }
  for (const v of p.vars) out[p.ownBase + v.offset] = v.name;
  return out;
}

const flag = (b: boolean) => (b ? 'TRUE' : 'FALSE');

function debugObject(rt: Runtime, ob: LpcObject): string {
  const node = peekNode(ob);
  const rs = ob.rs;
  const lines = [
    `O_HEART_BEAT      : ${flag(heartBeatsOf(rt).query(ob) > 0)}`,
    `O_IS_WIZARD       : ${flag(false)}`,
    `O_ENABLE_COMMANDS : ${flag(node ? node.living ?? false : false)}`,
    `O_CLONE           : ${flag(ob.isClone)}`,
    `O_VIRTUAL         : ${flag(false)}`,
    `O_DESTRUCTED      : ${flag(ob.destructed)}`,
    `O_ONCE_INTERACTIVE: ${flag(node?.onceInteractive ?? false)}`,
    // An object without reset() or clean_up() has no reset state (resets.ts):
    // MudOS would show it still marked from its creation (a half-millisecond
    // mark, never a whole call stamp) and O_WILL_RESET until a first attempt.
    `O_RESET_STATE     : ${flag(rs ? rs.refAtReset === ob.lastRef : ob.lastRef % 1 !== 0)}`,
    `O_WILL_CLEAN_UP   : ${flag(rs?.willCleanUp ?? false)}`,
    `O_WILL_RESET      : ${flag(rs ? rs.willReset : true)}`,
    `O_NOTIFY_DESTRUCT : ${flag(false)}`,
    `next_reset  : ${rs && rs.next ? Math.floor(rs.next / 1000) : 0}`,
    `total light : 0`,
    `time_of_ref : ${Math.floor(ob.lastRef / 1000)}`,
    `ref         : 1`,
    `name        : '/${ob.name}'`,
  ];
  const all = rt.allObjects();
  const at = all.indexOf(ob);
  lines.push(`next_all    : OBJ(${at >= 0 && at + 1 < all.length ? '/' + all[at + 1].name : 'NULL'})`);
  if (at === 0) lines.push('This object is the head of the object list.');
  else if (at > 0) {
    lines.push(`Previous object in object list: OBJ(/${all[at - 1].name})`);
    lines.push(`position in object list:${at}`);
  }
  return lines.join('\n') + '\n';
}

function debugProgram(rt: Runtime, ob: LpcObject): string {
  const p = ob.program;
  let users = 0;
  for (const o of rt.allObjects()) if (o.program === p) users++;
  const nFuns = p.functions.size;
  return [
    `program ref's ${users}`,
    `Name ${p.files[0] ?? '/' + ob.name + '.c'}`,
    `program size ${p.source.length}`,
    `function flags table ${ob.linked.table.size} (${ob.linked.table.size * 2}) `,
    `compiler function table ${nFuns} (${nFuns * 24}) `,
    `num strings 0`,
    `num vars ${p.vars.length} (${p.vars.length * 10})`,
    `num inherits ${p.inherits.length} (${p.inherits.length * 16})`,
    `total size ${p.source.length + nFuns * 24 + p.vars.length * 10 + p.inherits.length * 16}`,
  ].join('\n') + '\n';
}

function debugVariables(rt: Runtime, ob: LpcObject): string {
  const names = variableNames(ob.program);
  let out = '';
  for (let i = 0; i < names.length; i++) out += `${names[i]}: ${describeValue(rt, ob.v[i] ?? 0)}\n`;
  return out;
}

// ---------------------------------------------------------------------------
// privs

const privs = new WeakMap<LpcObject, string>();

function liveObject(rt: RuntimeApi, v: Value, efun: string, n: number): LpcObject {
  if (!(v instanceof LpcObject) || v.destructed) return rt.badArgument(efun, n);
  return v;
}

export const efuns = defineEfuns('system-info', [
  {
    name: 'localtime',
    signature: 'mixed *localtime(int)',
    doc: 'The local time of an epoch second: ({ sec, min, hour, mday, mon, year, wday, yday, gmtoff, zone, isdst }).',
    impl: (_rt, t: Value) => localtimeArray(Number(t)),
  },
  {
    name: 'memory_info',
    signature: 'int memory_info(void | object)',
    doc: 'Estimated bytes held by an object\'s variables; without an argument, the driver\'s heap in use.',
    impl: (rt, ob?: Value) => {
      if (ob !== undefined) return objectBytes(liveObject(rt, ob, 'memory_info', 1));
      return heapUsed() ?? vm(rt).allObjects().reduce((n, o) => n + objectBytes(o), 0);
    },
  },
  {
    name: 'debug_info',
    signature: 'mixed debug_info(int, object)',
    doc: 'Text about an object: 0 its flags and bookkeeping, 1 its program, 2 its variables.',
    impl: (rt, what: Value, ob: Value) => {
      const o = liveObject(rt, ob, 'debug_info', 2);
      switch (what) {
        case 0: return debugObject(vm(rt), o);
        case 1: return debugProgram(vm(rt), o);
        case 2: return debugVariables(vm(rt), o);
        default: return rt.badArgument('debug_info', 1);
      }
    },
  },
  {
    name: 'set_privs',
    signature: 'void set_privs(object, string | int)',
    doc: 'Sets an object\'s privilege string (0 clears it).',
    impl: (rt, ob: Value, p: Value) => {
      const o = liveObject(rt, ob, 'set_privs', 1);
      if (typeof p === 'string') privs.set(o, p);
      else privs.delete(o);
      return 0;
    },
  },
  {
    name: 'query_privs',
    signature: 'string query_privs(void | object)',
    doc: 'An object\'s privilege string, or 0 when it has none.',
    impl: (rt, ob?: Value) => {
      const o = ob === undefined ? vm(rt).cur : ob;
      if (!(o instanceof LpcObject) || o.destructed) return 0;
      return privs.get(o) ?? 0;
    },
  },
]);
