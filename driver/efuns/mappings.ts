// Mapping efuns: allocate_mapping, keys, values, map_delete, match_path,
// map_mapping, filter_mapping, unique_mapping, and the COMPAT_32 names
// m_indices, m_values and m_delete.
//
// Semantics follow MudOS v22 / Neolith (lib/efuns/maps.c, lib/lpc/mapping.c);
// match_path is MudOS's longest-prefix search (Neolith later changed it for
// ES2's nested mappings; FluffOS kept MudOS's, and its testsuite pins it).
// sizeof() on mappings lives with the other sizeof cases in arrays.ts.
import { defineEfuns } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import { LFunction, LMapping, UNDEFINED, isObject, type Value } from '../vm/values.js';
import { filterMappingWith, makeCallback, mapMappingWith } from './arrays.js';

function checkMappingSize(rt: Runtime, m: LMapping): void {
  if (m.size > rt.limits.maxMappingSize) rt.error('Mapping too large.\n');
}

/**
 * allocate_mapping(n): an empty mapping (n is only a size hint in MudOS).
 * allocate_mapping(keys, value) (FluffOS): each key mapped to value, or to
 * value(key) when value is a function.
 */
function allocateMapping(rt: Runtime, what: Value, fill?: Value): Value {
  if (typeof what === 'number' || typeof what === 'bigint') return new LMapping();
  if (!Array.isArray(what)) return rt.badArgument('allocate_mapping', 1);
  const m = new LMapping();
  const value: Value = fill === undefined ? 0 : fill;
  for (const k of what) {
    m.set(k, value instanceof LFunction ? rt.callFunction(value, [k]) : value);
    checkMappingSize(rt, m);
  }
  return m;
}

function keys(rt: Runtime, m: Value): Value {
  if (!(m instanceof LMapping)) return rt.badArgument('keys', 1);
  return m.keys();
}

function values(rt: Runtime, m: Value): Value {
  if (!(m instanceof LMapping)) return rt.badArgument('values', 1);
  return m.values();
}

/** map_delete(m, key): removes key and its value in place; a missing key is no error. */
function mapDelete(rt: Runtime, m: Value, key: Value): Value {
  if (!(m instanceof LMapping)) return rt.badArgument('map_delete', 1);
  m.delete(key);
  return 0;
}

/** m_delete (COMPAT_32): map_delete that returns the mapping. */
function mDelete(rt: Runtime, m: Value, key: Value): Value {
  mapDelete(rt, m, key);
  return m;
}

/**
 * match_path(m, path): the value of the longest key that is a prefix of path
 * at a '/' boundary. Runs of '/' count as one; a key ending in '/' matches
 * everything below that directory; a trailing '/' on path is ignored. Missing
 * → the undefined zero. (MudOS f_match_path by Cygnus.)
 */
export function matchPath(m: LMapping, path: string): Value {
  let found: Value = UNDEFINED;
  let prefix = '';
  let i = 0;
  const n = path.length;
  while (i < n) {
    const start = i;
    while (i < n && path.charCodeAt(i) !== 0x2f) i++;
    prefix += path.slice(start, i);
    if (i < n) {
      while (i < n && path.charCodeAt(i) === 0x2f) i++;
      if (i < n || prefix === '') prefix += '/';
    }
    if (m.has(prefix)) found = m.get(prefix);
  }
  return found;
}

function matchPathEfun(rt: Runtime, m: Value, path: Value): Value {
  if (!(m instanceof LMapping)) return rt.badArgument('match_path', 1);
  if (typeof path !== 'string') return rt.badArgument('match_path', 2);
  return matchPath(m, path);
}

function mapMapping(rt: Runtime, m: Value, fn: Value, ...rest: Value[]): Value {
  if (!(m instanceof LMapping)) return rt.badArgument('map_mapping', 1);
  return mapMappingWith(m, makeCallback(rt, 'map_mapping', fn, rest, 2));
}

function filterMapping(rt: Runtime, m: Value, fn: Value, ...rest: Value[]): Value {
  if (!(m instanceof LMapping)) return rt.badArgument('filter_mapping', 1);
  return filterMappingWith(rt, m, makeCallback(rt, 'filter_mapping', fn, rest, 2));
}

/**
 * unique_mapping(arr, fn|name [, ob], extra...): the callback result of each
 * element as key, the elements with that result as value. Like MudOS, the
 * elements are visited from the last to the first, so each group lists its
 * elements in reverse array order: unique_mapping(({1,2,3,4,5}), (: $1 % 2 :))
 * is ([ 0: ({ 4, 2 }), 1: ({ 5, 3, 1 }) ]).
 */
function uniqueMapping(rt: Runtime, arr: Value, fn: Value, ...rest: Value[]): Value {
  if (!Array.isArray(arr)) return rt.badArgument('unique_mapping', 1);
  const cb = makeCallback(rt, 'unique_mapping', fn, rest, 2);
  const out = new LMapping();
  for (let i = arr.length - 1; i >= 0; i--) {
    let key = cb.call([arr[i]]);
    if (typeof key === 'object' && isObject(key) && key.destructed) key = 0;
    const group = out.get(key);
    if (Array.isArray(group)) {
      group.push(arr[i]);
    } else {
      out.set(key, [arr[i]]);
      checkMappingSize(rt, out);
    }
  }
  return out;
}

export const efuns = defineEfuns('mappings', [
  {
    name: 'allocate_mapping', signature: 'mapping allocate_mapping(int | mixed *, void | mixed)',
    impl: allocateMapping,
    doc: 'An empty mapping (the int is a size hint), or a mapping of the given keys to a value (FluffOS).',
  },
  {
    name: 'keys', signature: 'mixed *keys(mapping)', impl: keys, aliases: ['m_indices'],
    doc: 'The keys of a mapping, in the same order as values().',
  },
  {
    name: 'values', signature: 'mixed *values(mapping)', impl: values, aliases: ['m_values'],
    doc: 'The values of a mapping, in the same order as keys().',
  },
  {
    name: 'map_delete', signature: 'void map_delete(mapping, mixed)', impl: mapDelete,
    doc: 'Removes a key (and its value) from a mapping.',
  },
  {
    name: 'm_delete', signature: 'mapping m_delete(mapping, mixed)', impl: mDelete,
    doc: 'Removes a key from a mapping and returns the mapping (MudOS COMPAT_32).',
  },
  {
    name: 'match_path', signature: 'mixed match_path(mapping, string)', impl: matchPathEfun, pure: true,
    doc: "The value of the longest key that is a '/'-boundary prefix of a path; keys ending in '/' match below.",
  },
  {
    name: 'map_mapping', signature: 'mapping map_mapping(mapping, string | function, ...)', impl: mapMapping,
    doc: 'A copy of a mapping with each value replaced by f(key, value).',
  },
  {
    name: 'filter_mapping', signature: 'mapping filter_mapping(mapping, string | function, ...)',
    impl: filterMapping,
    doc: 'A new mapping of the pairs for which f(key, value) is true.',
  },
  {
    name: 'unique_mapping', signature: 'mapping unique_mapping(mixed *, string | function, ...)',
    impl: uniqueMapping, aliases: ['transform'],
    doc: 'Groups the elements of an array by a function result: result → array of elements.',
  },
]);
