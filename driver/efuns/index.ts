// Gathers every efun area module into one table and installs it into a
// Runtime. To add an area: import its `efuns` here and list it in AREAS
// (one line each). Each LPC name (aliases included) is declared once; a later
// area may replace an earlier declaration only when it says so with
// `override: true` (checkEfunNames), so dead copies can't pile up unseen.
import type { EfunDecl } from './registry.js';
import type { EfunEntry, Runtime } from '../vm/runtime.js';
import { parseSignature } from '../vm/efun-signature.js';
import { scanFormat } from './sscanf.js';
import { parseCommand } from './parse-command.js';
import { efuns as arrays } from './arrays.js';
import { efuns as envsubst } from './envsubst.js';
import { efuns as files } from './files.js';
import { efuns as functions } from './functions.js';
import { efuns as json } from './json.js';
import { efuns as mappings } from './mappings.js';
import { efuns as math } from './math.js';
import { efuns as objects } from './objects.js';
import { efuns as saveFormat } from './save-format.js';
import { efuns as saveObject } from './save-object.js';
import { efuns as strings } from './strings.js';
import { efuns as system } from './system.js';
import { efuns as types } from './types.js';
import { efuns as environment } from './environment.js';
import { efuns as lifecycle } from './lifecycle.js';
import { efuns as shadows } from './shadows.js';
import { efuns as timers } from './timers.js';
import { efuns as uids } from './uids.js';
import { efuns as interactive } from './interactive.js';
import { efuns as commands } from './commands.js';
import { efuns as messages } from './messages.js';
import { efuns as sockets } from './sockets.js';
import { efuns as buffers } from './buffers.js';
import { efuns as systemStatus } from './system-status.js';
import { efuns as light } from './light.js';
import { efuns as callStack } from './call-stack.js';
import { efuns as ed } from './ed.js';
import { efuns as asyncFiles } from './async-files.js';
import { efuns as db } from './db.js';
import { efuns as http } from './http.js';
import { efuns as pcre } from './pcre.js';
import { efuns as systemInfo } from './system-info.js';

export const AREAS: { area: string; decls: EfunDecl[] }[] = [
  system, objects, functions, files, types, strings, arrays, mappings, math, json, saveFormat, saveObject, envsubst,
  interactive, commands, messages, sockets, buffers, systemStatus, light, callStack, ed,
  // Worker-tier efuns (DESIGN.md decision 5) and system information.
  asyncFiles, db, http, pcre, systemInfo,
  // The object world (environment, lifecycle, shadows, timers, uids).
  environment, lifecycle, shadows, timers, uids,
];

let table: Map<string, EfunEntry> | undefined;

/**
 * Throws when an LPC name (or alias) is declared twice and the later
 * declaration is not marked `override`: the registry keeps only the last one,
 * so an unmarked repeat is either dead code or an accidental replacement. An
 * `override` that replaces nothing is refused too, so the mark stays truthful.
 */
export function checkEfunNames(areas: readonly { area: string; decls: readonly EfunDecl[] }[]): void {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const { area, decls } of areas) {
    for (const d of decls) {
      for (const name of [d.name, ...(d.aliases ?? [])]) {
        const earlier = owner.get(name);
        if (earlier !== undefined && !d.override) problems.push(`${name} is declared by ${earlier} and again by ${area}`);
        if (earlier === undefined && d.override && name === d.name) problems.push(`${name} in ${area} is marked override but replaces nothing`);
        owner.set(name, area);
      }
    }
  }
  if (problems.length) {
    throw new Error(`efun registry: ${problems.join('; ')} (mark a deliberate replacement 'override: true')`);
  }
}

/** Every efun by LPC name (aliases included), with its parsed signature. */
export function efunTable(): Map<string, EfunEntry> {
  if (table) return table;
  checkEfunNames(AREAS);
  table = new Map();
  for (const { decls } of AREAS) {
    for (const d of decls) {
      const sig = parseSignature(d.signature);
      for (const name of [d.name, ...(d.aliases ?? [])]) {
        table.set(name, { name, impl: d.impl, masks: sig.masks, min: sig.min, max: sig.max, ret: sig.ret, signature: d.signature });
      }
    }
  }
  return table;
}

/** Installs the efuns (and the compiler-level helpers such as sscanf) into a runtime. */
export function installEfuns(rt: Runtime): void {
  for (const [name, e] of efunTable()) rt.efuns.set(name, e);
  rt.sscanfImpl = (r, input, format, count) => scanFormat(r, input, format, count);
  rt.parseCommandImpl = parseCommand;
}
