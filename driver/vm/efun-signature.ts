// Parses efun signatures in MudOS spelling (registry.ts) into what the
// runtime and codegen check: argument count bounds and a type mask per
// argument ("Bad argument N to x()"). `void |` marks an optional argument, a
// trailing `...` (alone or after a type) makes the function varargs.
import { T_ANY, T_ARRAY, T_BUFFER, T_CLASS, T_FLOAT, T_FUNCTION, T_INT, T_MAPPING, T_OBJECT, T_STRING } from './runtime.js';

const WORD_MASK: Record<string, number> = {
  int: T_INT, status: T_INT, float: T_FLOAT, string: T_STRING, buffer: T_BUFFER,
  mapping: T_MAPPING, object: T_OBJECT, function: T_FUNCTION, mixed: T_ANY, class: T_CLASS,
  array: T_ARRAY, unknown: T_ANY,
};

export interface ParsedSignature {
  ret: string;
  masks: number[];
  min: number;
  max: number;
}

export function parseSignature(sig: string): ParsedSignature {
  const open = sig.indexOf('(');
  const close = sig.lastIndexOf(')');
  const head = sig.slice(0, open).trim();
  // The return type is everything before the name ("mixed *allocate" → "mixed *").
  const m = /^(.*?)([A-Za-z_]\w*)$/.exec(head.replace(/\s+/g, ' '));
  const ret = (m ? m[1] : 'mixed').replace(/\s+$/, '').replace(/ \*/g, ' *') || 'mixed';
  const inner = sig.slice(open + 1, close).trim();
  const params = inner === '' || inner === 'void' ? [] : inner.split(',').map((p) => p.trim());
  const masks: number[] = [];
  let min = 0;
  let max = 0;
  let varargs = false;
  for (const p of params) {
    let text = p;
    if (text.endsWith('...')) {
      varargs = true;
      text = text.slice(0, -3).trim();
      if (!text) {
        masks.push(T_ANY);
        break;
      }
    }
    let mask = 0;
    let optional = false;
    for (const alt of text.split('|').map((a) => a.trim())) {
      if (alt === 'void') {
        optional = true;
        continue;
      }
      if (alt.includes('*')) {
        mask |= T_ARRAY;
        continue;
      }
      mask |= WORD_MASK[alt.split(/\s+/)[0]] ?? T_ANY;
    }
    masks.push(mask || T_ANY);
    max++;
    if (!optional && !varargs) min = max;
    if (varargs) break;
  }
  return { ret, masks, min, max: varargs ? Infinity : max };
}
