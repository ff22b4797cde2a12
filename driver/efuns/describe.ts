// The `%O` value printer (sprintf's LPC-value conversion), reusable by save and
// debug code. Floats print through driver/vm/float-format.ts.
//
// Layout follows MudOS v22 (COMPAT.md rule 1, the v22.2b12 testsuite):
//
//   ({ /* sizeof() == 2 */        ([ /* sizeof() == 1 */
//     1,                            "a" : ({ /* sizeof() == 1 */
//     2                                 1
//   })                                }),
//                                 ])
//
// Array elements sit two spaces deeper than their brackets; a mapping value
// starts right after its key and its own contents are indented four spaces
// deeper than the mapping. Empty containers print as `({ })` and `([ ])`.
// Objects print as "/name", plus ` ("text")` when the master's object_name()
// names them; destructed objects as 0; buffers as <buffer>; classes as
// `CLASS( n elements` with the members below; functions as LFunction.describe().
// Nesting deeper than ten levels prints `...` (MudOS's guard against
// self-referential structures). Strings are quoted with the escapes Neolith
// uses (\n \t \r \b \a \e \\ \" and octal for other control characters).
import type { Runtime } from '../vm/runtime-api.js';
import { VmFunction } from '../vm/functions.js';
import { floatToString } from '../vm/float-format.js';
import {
  LBuffer, LClassValue, LFloat, LFunction, LMapping, isObject, type LObjectRef, type Value,
} from '../vm/values.js';

/** Indentation beyond which MudOS stops descending and prints "...". */
const MAX_INDENT = 20;

/** Prints any LPC value the way `sprintf("%O", v)` does. */
export function describeValue(rt: Runtime, v: Value): string {
  const out: string[] = [];
  describeInto(rt, v, out, 0, false, false);
  return out.join('');
}

/**
 * Appends the text of `v` to `out`. `indent` is the current depth in spaces;
 * `trailing` appends ",\n" (a non-last container element); `noLeadingIndent`
 * is set for a mapping value, which continues the key's line.
 */
function describeInto(
  rt: Runtime, v: Value, out: string[], indent: number, trailing: boolean, noLeadingIndent: boolean,
): void {
  if (indent > MAX_INDENT) {
    out.push('...');
    return;
  }
  if (!noLeadingIndent && indent > 0) out.push(' '.repeat(indent));
  if (typeof v === 'number') {
    // -0 (the undefined zero) prints as 0; String(-0) is already "0".
    out.push(String(v));
  } else if (typeof v === 'bigint') {
    out.push(v.toString());
  } else if (typeof v === 'string') {
    out.push(quoteString(v));
  } else if (v instanceof LFloat) {
    out.push(floatToString(v.f));
  } else if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('({ })');
    } else {
      out.push(`({ /* sizeof() == ${v.length} */\n`);
      for (let i = 0; i < v.length; i++) describeInto(rt, v[i], out, indent + 2, i < v.length - 1, false);
      out.push('\n', ' '.repeat(indent), '})');
    }
  } else if (v instanceof LMapping) {
    if (v.size === 0) {
      out.push('([ ])');
    } else {
      out.push(`([ /* sizeof() == ${v.size} */\n`);
      for (const [k, val] of v.entries()) {
        describeInto(rt, k, out, indent + 2, false, false);
        out.push(' : ');
        describeInto(rt, val, out, indent + 4, true, true);
      }
      out.push(' '.repeat(indent), '])');
    }
  } else if (v instanceof LClassValue) {
    const n = v.fields.length;
    out.push(`CLASS( ${n}${n === 1 ? ' element' : ' elements'}\n`);
    for (let i = 0; i < n; i++) describeInto(rt, v.fields[i], out, indent + 2, i < n - 1, false);
    out.push('\n', ' '.repeat(indent), ' )');
  } else if (v instanceof VmFunction) {
    const { head, bound } = v.describeParts();
    out.push('(: ', head);
    for (const b of bound) {
      out.push(', ');
      describeInto(rt, b, out, indent, false, true);
    }
    out.push(' :)');
  } else if (v instanceof LFunction) {
    out.push(v.describe());
  } else if (v instanceof LBuffer) {
    out.push('<buffer>');
  } else if (isObject(v)) {
    out.push(v.destructed ? '0' : describeObject(rt, v));
  } else {
    out.push('!ERROR: garbage svalue!');
  }
  if (trailing) out.push(',\n');
}

/**
 * An object as MudOS prints it: "/" + its name, followed by ` ("text")` when
 * the master's object_name() apply gives a name (rt.objectName returns that
 * name when there is one, else "/" + name).
 */
function describeObject(rt: Runtime, ob: LObjectRef): string {
  const base = '/' + ob.name;
  const named = rt.objectName(ob);
  return named === base ? base : `${base} ("${named}")`;
}

/** Escapes for `%O` strings (Neolith's table); other controls print as octal. */
const STRING_ESCAPES: Record<string, string> = {
  '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\x07': '\\a', '\x1b': '\\e', '\\': '\\\\', '"': '\\"',
};

/** A string in double quotes with `%O`'s escapes. */
export function quoteString(s: string): string {
  // Fast path: nothing to escape (the common case for mudlib data).
  if (!/[\x00-\x1f\x7f"\\]/.test(s)) return '"' + s + '"';
  let r = '"';
  for (const ch of s) {
    const esc = STRING_ESCAPES[ch];
    if (esc !== undefined) r += esc;
    else {
      const c = ch.charCodeAt(0);
      r += c < 0x20 || c === 0x7f ? '\\0' + c.toString(8) : ch;
    }
  }
  return r + '"';
}
