// envsubst(str) (Neolith, docs/efuns/envsubst.md): expands $VAR, ${VAR} and
// ${VAR:-default} from the driver's process environment.
//
// Rules, as Neolith's lib/misc/envsubst.c applies them: names match
// [A-Za-z_][A-Za-z0-9_]* (at most 255 characters); an unset variable expands
// to ""; the default applies when the variable is unset or empty; a '$' not
// followed by a name or '{', an unterminated "${" or an invalid name inside
// braces stays a literal '$' and scanning resumes right after it. When the
// result would exceed Neolith's 64 KiB buffer, str is returned unchanged.
//
// The environment is read through globalThis.process when there is one (no
// Node module is imported, so the module also loads in a browser, where the
// environment is empty).
import { defineEfuns } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import type { Value } from '../vm/values.js';

/** Looks up one environment variable; undefined when unset. */
export type EnvLookup = (name: string) => string | undefined;

/** Neolith's output buffer: 65536 bytes including the terminating NUL. */
const MAX_OUTPUT_BYTES = 65535;
const MAX_NAME = 255;

const isNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39);

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function validName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME || !isNameStart(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  return true;
}

/** Expands environment references in `s` using `lookup`; returns s unchanged when the result is too long. */
export function expandEnv(s: string, lookup: EnvLookup): string {
  if (s.indexOf('$') < 0) return s;
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const dollar = s.indexOf('$', i);
    if (dollar < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, dollar);
    i = dollar + 1;
    if (s[i] === '{') {
      const close = s.indexOf('}', i + 1);
      if (close < 0) {
        out += '$';
        continue;
      }
      const inner = s.slice(i + 1, close);
      const sep = inner.indexOf(':-');
      const name = sep < 0 ? inner : inner.slice(0, sep);
      if (!validName(name)) {
        out += '$';
        continue;
      }
      const value = lookup(name);
      if (sep >= 0 && (value === undefined || value === '')) out += inner.slice(sep + 2);
      else if (value !== undefined) out += value;
      i = close + 1;
    } else if (i < n && isNameStart(s.charCodeAt(i))) {
      let end = i + 1;
      while (end < n && isNameChar(s.charCodeAt(end))) end++;
      if (end - i > MAX_NAME) {
        out += '$';
        continue;
      }
      const value = lookup(s.slice(i, end));
      if (value !== undefined) out += value;
      i = end;
    } else {
      out += '$';
    }
  }
  return utf8Length(out) > MAX_OUTPUT_BYTES ? s : out;
}

/** The driver process's environment, when the host has one. */
export const processEnv: EnvLookup = (name) => {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env ? env[name] : undefined;
};

function envsubst(rt: Runtime, s: Value): Value {
  if (typeof s !== 'string') return rt.badArgument('envsubst', 1);
  return expandEnv(s, processEnv);
}

export const efuns = defineEfuns('envsubst', [
  {
    name: 'envsubst', signature: 'string envsubst(string)', impl: envsubst,
    doc: 'Expands $VAR, ${VAR} and ${VAR:-default} from the driver\'s environment.',
  },
]);
