// System efuns the engine and benchmarks need: errors (error, throw), eval
// cost, rusage/time, debug_message, shutdown, write (app mode; the interactive
// module routes it to users), and call_outs (millisecond precision, COMPAT.md
// rule 3). The uid efuns live in uids.ts.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcError } from '../vm/errors.js';
import { floatToString } from '../vm/ops.js';
import { describeValue } from './describe.js';
import { LpcObject } from '../vm/object.js';
import { LFloat, LMapping, intFromBigInt, type Value } from '../vm/values.js';
import { RUSAGE_FIELDS, type RusageCounters } from '../vm/host.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

function current(rt: RuntimeApi): LpcObject {
  const cur = vm(rt).cur;
  if (!cur) return rt.error('No current object');
  return cur;
}

/** Seconds (int or float) → ms, never negative. */
function delayMs(v: Value): number {
  const s = v instanceof LFloat ? v.f : typeof v === 'bigint' ? Number(v) : (v as number);
  return Math.max(0, Math.round(s * 1000));
}

function remainingSeconds(rt: RuntimeApi, due: number): number {
  return Math.max(0, Math.ceil((due - vm(rt).callouts.now()) / 1000));
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** C asctime() layout of local time: day of month padded with a space, the year unpadded. */
export function ctimeString(seconds: number): string {
  const d = new Date(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAY_NAMES[d.getDay()]} ${MONTH_NAMES[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`;
}

export const efuns = defineEfuns('system', [
  {
    name: 'error',
    signature: 'void error(string)',
    doc: 'Raises a runtime error; catch() returns "*" + the message.',
    impl: (_rt, msg: string) => {
      throw new LpcError(msg);
    },
  },
  {
    name: 'throw',
    signature: 'void throw(mixed)',
    doc: 'Raises an error whose catch() value is the argument (throw(0) is "*Unspecified error").',
    impl: (_rt, v: Value) => {
      // Neolith f_throw stores the string itself as the catch value: no newline is added.
      if (v === 0) throw new LpcError('Unspecified error', false, '*Unspecified error');
      // Uncaught, it is MudOS throw_error()'s "Throw with no catch." (Neolith too).
      throw new LpcError('Throw with no catch.', false, v);
    },
  },
  {
    name: 'eval_cost',
    signature: 'int eval_cost()',
    doc: 'Evaluation cost left in the current execution.',
    impl: (rt) => Math.max(0, vm(rt).ev),
  },
  {
    name: 'reset_eval_cost',
    signature: 'void reset_eval_cost()',
    doc: 'Gives the current execution a fresh evaluation budget.',
    impl: (rt) => {
      vm(rt).resetEvalCost();
      return 0;
    },
  },
  {
    name: 'set_eval_limit',
    signature: 'int set_eval_limit(int)',
    doc: 'Sets MaxEvaluationCost (0 reads it); returns the limit.',
    impl: (rt, n: Value) => {
      if (typeof n === 'number' && n > 0) rt.limits.maxEvaluationCost = n;
      if (n === -1) return Math.max(0, vm(rt).ev);
      return rt.limits.maxEvaluationCost;
    },
  },
  {
    name: 'rusage',
    signature: 'mapping rusage()',
    doc: 'getrusage() of the driver process: utime and stime in ms, maxrss in KB, page faults, block I/O, context switches...',
    impl: (rt) => {
      const host = vm(rt).host;
      // A host without getrusage() gives the CPU times only; the other counters are 0.
      const r: Partial<RusageCounters> = host.rusage ? host.rusage() : host.cpuMs();
      const m = new LMapping();
      // MudOS truncates the CPU times to whole ms (tv_usec / 1000).
      for (const k of RUSAGE_FIELDS) m.set(k, Math.floor(r[k] ?? 0));
      return m;
    },
  },
  {
    name: 'time',
    signature: 'int time()',
    doc: 'Seconds since the epoch.',
    impl: (rt) => Math.floor(vm(rt).host.now() / 1000),
  },
  {
    name: 'ctime',
    signature: 'string ctime(int)',
    doc: 'The local time of an epoch second as C ctime() prints it ("Thu Jan  1 00:00:00 1970"), without the newline.',
    impl: (_rt, t: Value) => ctimeString(Number(t)),
  },
  {
    name: 'time_ns',
    signature: 'int time_ns()',
    doc: 'Nanoseconds since the epoch (an exact 64-bit int, at the clock\'s resolution).',
    impl: (rt) => {
      const host = vm(rt).host;
      return intFromBigInt(host.nowNs ? host.nowNs() : BigInt(Math.floor(host.now())) * 1_000_000n);
    },
  },
  {
    name: 'uptime',
    signature: 'int uptime()',
    doc: 'Seconds since the driver started.',
    impl: (rt) => Math.floor((vm(rt).host.now() - vm(rt).startTime) / 1000),
  },
  {
    name: 'debug_message',
    signature: 'void debug_message(string)',
    doc: 'Writes a line to the driver log (stdout in app mode).',
    impl: (rt, msg: string) => {
      vm(rt).debugOut(msg);
      return 0;
    },
  },
  {
    name: 'write',
    signature: 'void write(mixed)',
    doc: 'Sends text to this_player() (stdout in app mode).',
    impl: (rt, v: Value) => {
      const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v)
        : v instanceof LFloat ? floatToString(v.f) : describeValue(rt, v);
      vm(rt).write(text);
      return 0;
    },
  },
  {
    name: 'shutdown',
    signature: 'void shutdown(void | int)',
    doc: 'Stops the driver with an exit code.',
    impl: (rt, code?: Value) => vm(rt).shutdown(typeof code === 'number' ? code : 0),
  },
  {
    name: 'call_out',
    signature: 'int call_out(string | function, int | float, ...)',
    doc: 'Calls a function after a delay in seconds (ms precision); returns a handle.',
    impl: (rt, fn: Value, delay: Value, ...args: Value[]) => {
      const r = vm(rt);
      const c = r.callouts.add(current(rt), fn, delayMs(delay), args, r.tp);
      return c.handle;
    },
  },
  {
    name: 'remove_call_out',
    signature: 'int remove_call_out(void | string | int)',
    doc: 'Cancels a call_out; returns the seconds it had left, or -1.',
    impl: (rt, which?: Value) => {
      const r = vm(rt);
      const cur = current(rt);
      if (which === undefined) {
        r.callouts.cancelAllOf(cur);
        return 0;
      }
      const c = typeof which === 'number'
        ? r.callouts.list().find((x) => x.handle === which && x.ob === cur)
        : r.callouts.find(cur, which as string);
      if (!c) return -1;
      r.callouts.cancel(c);
      return remainingSeconds(rt, c.due);
    },
  },
  {
    name: 'find_call_out',
    signature: 'int find_call_out(string | int)',
    doc: 'Seconds left before a pending call_out, or -1.',
    impl: (rt, which: Value) => {
      const r = vm(rt);
      const cur = current(rt);
      const c = typeof which === 'number'
        ? r.callouts.list().find((x) => x.handle === which)
        : r.callouts.find(cur, which as string);
      return c ? remainingSeconds(rt, c.due) : -1;
    },
  },
  {
    name: 'call_out_info',
    signature: 'mixed *call_out_info()',
    doc: 'Pending call_outs as ({ object, function, seconds left }).',
    impl: (rt) => vm(rt).callouts.list().filter((c) => !c.ob.destructed)
      .map((c) => [c.ob, typeof c.fn === 'string' ? c.fn : '<function>', remainingSeconds(rt, c.due)]), // MudOS get_all_call_outs
  },
]);
