// Driver status reports (COMPAT.md "Efuns": system): mud_status,
// malloc_status, query_load_average and dumpallobj. MudOS v22 returns the
// first three as text for a person to read (efuns_main.c, backend.c); Lapis
// fills them with what a JavaScript driver can measure instead of malloc
// arenas. dumpallobj writes MudOS's one-line-per-object table (dumpstat.c).
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { validPath } from './files.js';
import { inventoryOf, peekNode } from '../vm/inventory.js';
import { heartBeatsOf } from '../vm/heartbeats.js';
import type { LpcObject } from '../vm/object.js';
import type { Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;

/** Process memory in bytes where the host has a process object (Node); zeros elsewhere. */
function memory(): { rss: number; heapUsed: number; heapTotal: number; external: number } {
  const p = (globalThis as { process?: { memoryUsage?: () => { rss: number; heapUsed: number; heapTotal: number; external: number } } }).process;
  return p?.memoryUsage ? p.memoryUsage() : { rss: 0, heapUsed: 0, heapTotal: 0, external: 0 };
}

/** A label column padded as MudOS's status tables are. */
function row(label: string, value: string | number): string {
  return `${label.padEnd(30)} ${String(value).padStart(12)}\n`;
}

function mudStatus(rt: Runtime, verbose: boolean): string {
  const objects = rt.allObjects();
  const mem = memory();
  let out = '';
  if (verbose) {
    out += row('Efuns:', rt.efuns.size);
    out += row('Call_outs:', rt.callouts.size);
    out += row('Heap used:', mem.heapUsed);
    out += row('Heap total:', mem.heapTotal);
    out += row('External:', mem.external);
    out += '\n';
  }
  out += row('Objects:', objects.length);
  out += row('Uptime (seconds):', Math.floor((rt.host.now() - rt.startTime) / 1000));
  out += row('Total memory (rss):', mem.rss);
  return out;
}

/** MudOS dumpstat.c: name, size, refs, "HB", environment, cpu, swap state. */
function dumpLine(rt: Runtime, ob: LpcObject): string {
  const env = inventoryOf(rt).environment(ob);
  const hb = heartBeatsOf(rt).query(ob) ? 'HB' : '  ';
  const size = ob.v.length * 16 + 64;
  return `${ob.name.padEnd(20)} ${size} ref  1 ${hb} ${env ? env.name : '--'} (0) \n`;
}

/**
 * get_config() slots in MudOS v22 runtime_config.h order: 15 strings
 * (__MUD_NAME__ = 0 ...), then 24 ints (__MUD_PORT__ = 15 ...). Each entry
 * reads the runtime's config record or limits; slots a JavaScript driver has
 * no counterpart for (swap file, hash table sizes) read as "" or 0.
 */
const CONFIG_STRINGS: readonly (string | undefined)[] = [
  'mudName', undefined, 'mudlibDir', undefined, 'logDir', 'includeDirs', 'saveBinaryDir', 'masterFile',
  'simulEfunFile', undefined, 'debugLogFile', undefined, 'defaultFailMsg', 'globalInclude', undefined,
];
const CONFIG_INTS: readonly ((rt: Runtime) => number)[] = [
  (rt) => Number(rt.config.port ?? 0), () => 0,
  (rt) => Number(rt.config.cleanupDuration ?? 0), (rt) => Number(rt.config.resetDuration ?? 0), () => 0,
  () => 0, () => 0, (rt) => rt.limits.maxInheritDepth, (rt) => rt.limits.maxEvaluationCost, () => 0,
  (rt) => rt.limits.maxCallDepth, (rt) => rt.limits.maxArraySize, (rt) => rt.limits.maxBufferSize,
  (rt) => rt.limits.maxMappingSize, (rt) => rt.limits.maxStringLength, () => 0,
  (rt) => rt.limits.maxByteTransfer, (rt) => rt.limits.maxReadFileSize,
  () => 0, () => 0, () => 0, () => 0, () => 0, () => 0,
];

function getConfig(rt: Runtime, n: number): Value {
  if (n >= 0 && n < CONFIG_STRINGS.length) {
    const key = CONFIG_STRINGS[n];
    const v = key === undefined ? undefined : rt.config[key];
    return Array.isArray(v) ? v.join(':') : typeof v === 'string' ? v : '';
  }
  const i = n - CONFIG_STRINGS.length;
  if (i >= 0 && i < CONFIG_INTS.length) return CONFIG_INTS[i](rt);
  return rt.error('Bad argument to get_config()\n');
}

export const efuns = defineEfuns('system-status', [
  {
    name: 'get_config',
    signature: 'mixed get_config(int)',
    doc: 'A runtime config value by MudOS runtime_config.h number: strings 0-14 (__MUD_NAME__ is 0), ints 15-38; anything else is an error.',
    impl: (rt, n: Value) => getConfig(vm(rt), Number(n)),
  },
  {
    name: 'mud_status',
    signature: 'string mud_status(void | int)',
    doc: 'A text report of the driver: object count, uptime, memory; with a true argument, more detail.',
    impl: (rt, verbose?: Value) => mudStatus(vm(rt), verbose !== undefined && verbose !== 0),
  },
  {
    name: 'malloc_status',
    signature: 'string malloc_status()',
    doc: 'A text report of memory use (the JavaScript heap stands in for MudOS’s malloc statistics).',
    impl: () => {
      const m = memory();
      return 'Using JavaScript heap:\n' + row('Heap used:', m.heapUsed) + row('Heap total:', m.heapTotal) +
        row('External:', m.external) + row('Resident set size:', m.rss);
    },
  },
  {
    name: 'query_load_average',
    signature: 'string query_load_average()',
    doc: 'Commands and compiled lines per second, in MudOS’s "x.xx cmds/s, y.yy comp lines/s" form.',
    impl: (rt) => {
      const r = vm(rt) as Runtime & { loadAverage?: () => { commands: number; compileLines: number } };
      const la = r.loadAverage ? r.loadAverage() : { commands: 0, compileLines: 0 };
      return `${la.commands.toFixed(2)} cmds/s, ${la.compileLines.toFixed(2)} comp lines/s`;
    },
  },
  {
    name: 'dumpallobj',
    signature: 'void dumpallobj(string | void)',
    doc: 'Writes one line per object (name, size, refs, heart beat, environment) to a file, /OBJ_DUMP by default, through valid_write.',
    impl: (rt, file?: Value) => {
      const name = typeof file === 'string' ? file : '/OBJ_DUMP';
      const p = validPath(rt, name, 'dumpallobj', true);
      if (p === undefined) return rt.error(`Invalid path '/${name.replace(/^\/+/, '')}' for writing.\n`);
      const r = vm(rt);
      const see = inventoryOf(r).canSeeHidden();
      let text = '';
      for (const ob of r.allObjects()) {
        if (!ob.destructed && (see || !peekNode(ob)?.hidden)) text += dumpLine(r, ob);
      }
      if (!r.host.writeFile(p, text, false)) return rt.error(`Unable to open '${p}' for writing.\n`);
      return 0;
    },
  },
]);
