// MudOS's text encoding of values, used by save_object/restore_object files
// and by the save_variable/restore_variable efuns.
//
//   int       decimal                      42, -7
//   float     C "%f" (six decimals)        1.200000 (MudOS v22.2b12 testsuite, COMPAT.md rule 1)
//   string    "..." with \" and \\ escaped, a newline written as a raw CR and a
//             real CR as backslash-CR (FluffOS's fix: MudOS wrote CR raw and
//             read it back as a newline)
//   array     ({1,2,})        every element followed by a comma
//   mapping   ([k:v,k2:v2,])
//   class     (/1,"a",/)      members in declaration order
//   object, function, buffer: nothing at all — "({,})" reads back as ({ 0 })
//
// Reading follows MudOS restore_svalue: text that starts with none of
// '"', '(', '-' or a digit is 0; malformed input raises
// "restore_object(): Illegal <kind> format." errors. Nesting is limited to
// MAX_SAVE_SVALUE_DEPTH (25) both ways. Numbers are read exactly (MudOS
// summed decimal digits in floating point).
//
// It lives in the VM layer because save_object, the save_variable efuns and
// MUD-mode LPC sockets (driver/net) all speak it. Pure: no Node-only modules.
import { throwLpc } from './errors.js';
import { floatToString } from './ops.js';
import type { Limits } from './runtime-api.js';
import {
  LClassValue, LFloat, LMapping, intFromBigInt, type LClassDef, type Value,
} from './values.js';

/** MudOS MAX_SAVE_SVALUE_DEPTH: how deep values may nest when copied, saved or encoded. */
export const MAX_VALUE_DEPTH = 25;

// ---------------------------------------------------------------------------
// Encoding

function quote(s: string): string {
  return '"' + s.replace(/["\\\r\n]/g, (c) => (c === '\n' ? '\r' : '\\' + c)) + '"';
}

function tooDeep(): never {
  return throwLpc(`Mappings and/or arrays nested too deep (${MAX_VALUE_DEPTH}) for save_object\n`);
}

function encodeInto(v: Value, out: string[], depth: number): void {
  if (typeof v === 'number') {
    out.push(String(v));
  } else if (typeof v === 'string') {
    out.push(quote(v));
  } else if (typeof v === 'bigint') {
    out.push(v.toString());
  } else if (v instanceof LFloat) {
    out.push(floatToString(v.f));
  } else if (Array.isArray(v)) {
    if (depth >= MAX_VALUE_DEPTH) tooDeep();
    out.push('({');
    for (const x of v) {
      encodeInto(x, out, depth + 1);
      out.push(',');
    }
    out.push('})');
  } else if (v instanceof LMapping) {
    if (depth >= MAX_VALUE_DEPTH) tooDeep();
    out.push('([');
    for (const [k, x] of v.entries()) {
      encodeInto(k, out, depth + 1);
      out.push(':');
      encodeInto(x, out, depth + 1);
      out.push(',');
    }
    out.push('])');
  } else if (v instanceof LClassValue) {
    if (depth >= MAX_VALUE_DEPTH) tooDeep();
    out.push('(/');
    for (const x of v.fields) {
      encodeInto(x, out, depth + 1);
      out.push(',');
    }
    out.push('/)');
  }
  // Objects, functions and buffers are written as nothing, as in MudOS.
}

/** The save-file text of a value (save_variable, and one variable line of save_object). */
export function encodeValue(v: Value): string {
  const out: string[] = [];
  encodeInto(v, out, 0);
  return out.join('');
}

// ---------------------------------------------------------------------------
// Decoding

type Kind = 'general' | 'numeric' | 'array' | 'mapping' | 'string' | 'class';

class RestoreError extends Error {
  constructor(readonly kind: Kind) {
    super(kind);
  }
}

/** Classes read from text carry no declaration; members are named by position. */
const anonymousDefs: LClassDef[] = [];
function anonymousClass(size: number): LClassDef {
  return (anonymousDefs[size] ??= { name: '', members: Array.from({ length: size }, (_, i) => String(i)) });
}

type DecodeLimits = Pick<Limits, 'maxArraySize' | 'maxMappingSize'>;

// MudOS's parse_numeric: a '.' must be followed by a digit and an 'e' by a sign.
const NUMBER = /-?[0-9]+(\.[0-9]*)?(e[+-]?[0-9]*)?/y;

class Restorer {
  pos = 0;
  constructor(
    readonly text: string,
    readonly limits: DecodeLimits,
  ) {}

  /** A string body after its opening quote, up to and past the closing quote. */
  readString(): string {
    const t = this.text;
    let out = '';
    let p = this.pos;
    let run = p;
    for (;;) {
      if (p >= t.length) throw new RestoreError('string');
      const c = t.charCodeAt(p);
      if (c === 0x22) break;
      if (c === 0x5c) {
        if (p + 1 >= t.length) throw new RestoreError('string');
        out += t.slice(run, p) + t[p + 1];
        p += 2;
        run = p;
      } else if (c === 0x0d) {
        out += t.slice(run, p) + '\n';
        run = ++p;
      } else {
        p++;
      }
    }
    this.pos = p + 1;
    return out + t.slice(run, p);
  }

  /** A number at pos (the caller saw '-' or a digit). */
  readNumber(): Value {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m || m[1] === '.' || (m[2] !== undefined && !/^e[+-]/.test(m[2]))) throw new RestoreError('numeric');
    const s = m[0];
    this.pos += s.length;
    if (/[.e]/.test(s)) return new LFloat(parseFloat(s.endsWith('+') || s.endsWith('-') ? s + '0' : s));
    return s.length < 16 ? Number(s) + 0 : intFromBigInt(BigInt(s));
  }

  /** A container after its two opening characters. */
  readContainer(open: string, depth: number): Value {
    if (depth > MAX_VALUE_DEPTH) {
      throw new RestoreError(open === '[' ? 'mapping' : open === '/' ? 'class' : 'array');
    }
    if (open === '[') return this.readMapping(depth);
    const kind: Kind = open === '/' ? 'class' : 'array';
    const close = open === '/' ? '/' : '}';
    const items: Value[] = [];
    for (;;) {
      const c = this.text[this.pos];
      if (c === close && this.text[this.pos + 1] === ')') {
        this.pos += 2;
        break;
      }
      if (c === ',') {
        this.pos++;
        items.push(0);
      } else {
        items.push(this.readElement(kind, depth));
        if (this.text[this.pos++] !== ',') throw new RestoreError(kind);
      }
      if (items.length > this.limits.maxArraySize) throwLpc('Illegal array size.\n');
    }
    return kind === 'class' ? new LClassValue(anonymousClass(items.length), items) : items;
  }

  /** One non-empty element (array/class member, mapping key or value); errors name `kind`. */
  readElement(kind: Kind, depth: number): Value {
    const c = this.text[this.pos];
    if (c === '"') {
      this.pos++;
      try {
        return this.readString();
      } catch (e) {
        // MudOS reports a bad string inside an array or class as a bad array or class.
        if (e instanceof RestoreError && (kind === 'array' || kind === 'class')) throw new RestoreError(kind);
        throw e;
      }
    }
    if (c === '(') {
      const open = this.text[this.pos + 1];
      if (open !== '{' && open !== '[' && open !== '/') throw new RestoreError(kind);
      this.pos += 2;
      return this.readContainer(open, depth + 1);
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber();
    throw new RestoreError(kind);
  }

  readMapping(depth: number): Value {
    const m = new LMapping();
    for (;;) {
      const c = this.text[this.pos];
      if (c === ']' && this.text[this.pos + 1] === ')') {
        this.pos += 2;
        return m;
      }
      let key: Value = 0;
      if (c === ':') {
        this.pos++;
      } else {
        key = this.readElement('mapping', depth);
        if (this.text[this.pos++] !== ':') throw new RestoreError('mapping');
      }
      let value: Value = 0;
      if (this.text[this.pos] === ',') {
        this.pos++;
      } else {
        value = this.readElement('mapping', depth);
        if (this.text[this.pos++] !== ',') throw new RestoreError('mapping');
      }
      m.set(key, value);
      if (m.size > this.limits.maxMappingSize) throwLpc('Mapping too large.\n');
    }
  }

  readTop(): Value {
    const t = this.text;
    const c = t[0];
    if (c === '"') {
      this.pos = 1;
      const s = this.readString();
      if (this.pos !== t.length) throw new RestoreError('string');
      return s;
    }
    if (c === '(') {
      const open = t[1];
      if (open !== '{' && open !== '[' && open !== '/') throw new RestoreError('general');
      this.pos = 2;
      return this.readContainer(open, 1);
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber();
    return 0;
  }
}

const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxArraySize: Infinity, maxMappingSize: Infinity };

/**
 * The value of save-file text (restore_variable, and one variable line of
 * restore_object). Raises MudOS's "restore_object(): Illegal ... format."
 * errors; `limits` bounds array and mapping sizes as allocation does.
 */
export function decodeValue(text: string, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): Value {
  try {
    return new Restorer(text, limits).readTop();
  } catch (e) {
    if (e instanceof RestoreError) return throwLpc(`restore_object(): Illegal ${e.kind} format.\n`);
    throw e;
  }
}
