// Parses efun prototypes in the registry's MudOS spelling
// ("string implode(string *, string | function, void | mixed)") into a
// structure the checker can compare calls against. `void |` marks an optional
// argument and a trailing `...` means any number of further arguments.
import type { BaseTypeName, TypeRef } from './ast.js';

/** One parameter: its accepted types (alternatives) and whether it may be left out. */
export interface ParamSignature {
  types: TypeRef[];
  optional: boolean;
}

export interface FunctionSignature {
  name: string;
  returnType: TypeRef;
  params: ParamSignature[];
  /** Fewest arguments a call must pass. */
  minArgs: number;
  /** Most arguments a call may pass (Infinity with `...`). */
  maxArgs: number;
}

const BASE_NAMES: ReadonlySet<string> = new Set([
  'int', 'float', 'string', 'buffer', 'mapping', 'object', 'function', 'mixed', 'void', 'status', 'unknown',
]);

/** Reads `int`, `string *`, `mixed **`, `class Foo *`; `array` means `mixed *`. Null when it is not a type. */
export function parseTypeText(text: string): TypeRef | null {
  const m = /^\s*(class\s+\w+|\w+)\s*((?:\*\s*)*)$/.exec(text);
  if (!m) return null;
  const stars = (m[2].match(/\*/g) ?? []).length;
  const word = m[1];
  if (word.startsWith('class')) return { base: 'class', className: word.split(/\s+/)[1], arrayDepth: stars };
  if (word === 'array') return { base: 'mixed', arrayDepth: stars + 1 };
  if (word === 'double') return { base: 'float', arrayDepth: stars };
  if (!BASE_NAMES.has(word)) return null;
  return { base: word as BaseTypeName, arrayDepth: stars };
}

const cache = new Map<string, FunctionSignature | null>();

/** Parses a prototype; null when the text is not one (the caller then skips checks). */
export function parseSignature(text: string): FunctionSignature | null {
  let sig = cache.get(text);
  if (sig !== undefined) return sig;
  sig = parseUncached(text);
  cache.set(text, sig);
  return sig;
}

function parseUncached(text: string): FunctionSignature | null {
  const m = /^\s*([\w\s]+?)\s*((?:\*\s*)*)\s*(\w+)\s*\((.*)\)\s*;?\s*$/.exec(text);
  if (!m) return null;
  const returnType = parseTypeText(m[1] + ' ' + m[2]);
  if (!returnType) return null;
  const params: ParamSignature[] = [];
  let varargs = false;
  const inner = m[4].trim();
  if (inner !== '' && inner !== 'void') {
    for (const raw of inner.split(',')) {
      const part = raw.trim();
      if (part === '...') {
        varargs = true;
        continue;
      }
      let optional = false;
      const types: TypeRef[] = [];
      for (const alt of part.split('|')) {
        let a = alt.trim();
        if (a.endsWith('...')) {
          varargs = true;
          a = a.slice(0, -3).trim();
        }
        if (a === 'void') {
          optional = true;
          continue;
        }
        // A parameter name may follow the type ("string str"); drop it.
        const t = parseTypeText(a) ?? parseTypeText(a.replace(/\w+$/, ''));
        if (!t) return null;
        types.push(t);
      }
      params.push({ types: types.length ? types : [{ base: 'mixed', arrayDepth: 0 }], optional });
    }
  }
  let minArgs = params.length;
  while (minArgs > 0 && params[minArgs - 1].optional) minArgs--;
  return { name: m[3], returnType, params, minArgs, maxArgs: varargs ? Infinity : params.length };
}

/** LPC spelling of a type for messages: `int`, `string *`, `class Foo`. */
export function typeToString(t: TypeRef): string {
  const base = t.base === 'class' ? `class ${t.className}` : t.base;
  return t.arrayDepth ? `${base} ${'*'.repeat(t.arrayDepth)}` : base;
}
