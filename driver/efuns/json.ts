// to_json / from_json (Neolith PACKAGE_JSON, docs/efuns/to_json.md and
// from_json.md).
//
// to_json: ints and floats become numbers, strings strings, arrays arrays,
// mappings objects (every key must be a string, checked over the whole value
// before any output, as Neolith does); the undefined zero becomes null, and so
// do objects, functions, buffers and classes. A float always keeps a fraction
// or exponent ("1.0") so that it reads back as a float. Output is compact.
//
// from_json: JSON integers become ints (exact to 64 bits; larger unsigned
// values clamp to the int maximum like Neolith, anything else becomes a
// float), numbers with a fraction or exponent floats, true/false 1/0, null
// the undefined zero. Invalid JSON raises "from_json: invalid JSON: <why>".
// The parser is ours rather than JSON.parse so that ints stay exact and 1.0
// stays a float.
import { defineEfuns } from './registry.js';
import type { Runtime } from '../vm/runtime-api.js';
import { LBuffer, LFloat, LMapping, intFromBigInt, isUndefined, type Value } from '../vm/values.js';
import { MAX_VALUE_DEPTH } from './arrays.js';

/** Boost.JSON's default nesting limit, which Neolith's from_json inherits. */
export const JSON_MAX_DEPTH = 32;

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

// ---------------------------------------------------------------------------
// to_json

function checkForJson(rt: Runtime, v: Value, depth: number): void {
  if (depth > MAX_VALUE_DEPTH) rt.error(`to_json: value nested too deep (${MAX_VALUE_DEPTH}).\n`);
  if (Array.isArray(v)) {
    for (const x of v) checkForJson(rt, x, depth + 1);
  } else if (v instanceof LMapping) {
    for (const [k, x] of v.entries()) {
      if (typeof k !== 'string') rt.error('to_json: mapping has a non-string key.\n');
      checkForJson(rt, x, depth + 1);
    }
  }
}

/** A double as JSON text that reads back as a float; JSON has no NaN or infinities, so those are null. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) return 'null';
  const s = Object.is(f, -0) ? '-0' : String(f);
  return /[.eE]/.test(s) ? s : s + '.0';
}

function emit(v: Value, out: string[]): void {
  if (typeof v === 'number') {
    out.push(isUndefined(v) ? 'null' : String(v));
  } else if (typeof v === 'string') {
    out.push(JSON.stringify(v));
  } else if (typeof v === 'bigint') {
    out.push(v.toString());
  } else if (v instanceof LFloat) {
    out.push(jsonFloat(v.f));
  } else if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i) out.push(',');
      emit(v[i], out);
    }
    out.push(']');
  } else if (v instanceof LMapping) {
    out.push('{');
    let first = true;
    for (const [k, x] of v.entries()) {
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k as string), ':');
      emit(x, out);
    }
    out.push('}');
  } else {
    out.push('null'); // objects, functions, buffers, classes
  }
}

/** The JSON text of an LPC value (the to_json efun). */
export function toJson(rt: Runtime, v: Value): string {
  checkForJson(rt, v, 0);
  const out: string[] = [];
  emit(v, out);
  return out.join('');
}

// ---------------------------------------------------------------------------
// from_json

class JsonSyntaxError extends Error {}

/** A recursive-descent JSON reader producing LPC values. */
class JsonReader {
  private pos = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly text: string,
  ) {}

  readDocument(): Value {
    this.skipSpace();
    const v = this.readValue(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('extra data');
    return v;
  }

  private fail(why: string): never {
    throw new JsonSyntaxError(why);
  }

  private skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  private readValue(depth: number): Value {
    if (this.pos >= this.text.length) this.fail('incomplete JSON');
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.readObject(depth + 1);
      case '[':
        return this.readArray(depth + 1);
      case '"':
        return this.readString();
      case 't':
        return this.readWord('true', 1);
      case 'f':
        return this.readWord('false', 0);
      case 'n':
        return this.readWord('null', -0);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber();
        return this.fail('syntax error');
    }
  }

  private readWord(word: string, value: Value): Value {
    const got = this.text.slice(this.pos, this.pos + word.length);
    if (got !== word) this.fail(word.startsWith(got) ? 'incomplete JSON' : 'syntax error');
    this.pos += word.length;
    return value;
  }

  private readArray(depth: number): Value {
    if (depth > JSON_MAX_DEPTH) this.fail('too deep');
    this.pos++; // [
    const out: Value[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      out.push(this.readValue(depth));
      if (out.length > this.rt.limits.maxArraySize) this.rt.error('Illegal array size.\n');
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail(c === undefined ? 'incomplete JSON' : 'expected comma');
    }
  }

  private readObject(depth: number): Value {
    if (depth > JSON_MAX_DEPTH) this.fail('too deep');
    this.pos++; // {
    const out = new LMapping();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) this.fail('incomplete JSON');
      if (this.text[this.pos] !== '"') this.fail('expected quotes');
      const key = this.readString();
      this.skipSpace();
      if (this.text[this.pos++] !== ':') this.fail(this.pos > this.text.length ? 'incomplete JSON' : 'expected colon');
      this.skipSpace();
      out.set(key, this.readValue(depth));
      if (out.size > this.rt.limits.maxMappingSize) this.rt.error('Mapping too large.\n');
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.fail(c === undefined ? 'incomplete JSON' : 'expected comma');
    }
  }

  private readString(): string {
    const t = this.text;
    let p = ++this.pos; // opening quote
    let out = '';
    let runStart = p;
    for (;;) {
      if (p >= t.length) this.fail('incomplete JSON');
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        out += t.slice(runStart, p);
        this.pos = p + 1;
        return out;
      }
      if (c < 0x20) this.fail('illegal control character');
      if (c >= 0xd800 && c <= 0xdfff) {
        // Raw surrogates can only come from a malformed LPC string; keep pairs, reject halves.
        const next = t.charCodeAt(p + 1);
        if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) this.fail('invalid UTF-8');
        p += 2;
        continue;
      }
      if (c !== 0x5c) {
        p++;
        continue;
      }
      out += t.slice(runStart, p);
      const e = t[p + 1];
      p += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hi = this.hex4(p);
          p += 4;
          if (hi >= 0xdc00 && hi <= 0xdfff) this.fail('illegal leading surrogate');
          if (hi >= 0xd800 && hi <= 0xdbff) {
            if (t[p] !== '\\' || t[p + 1] !== 'u') this.fail('illegal trailing surrogate');
            const lo = this.hex4(p + 2);
            if (lo < 0xdc00 || lo > 0xdfff) this.fail('illegal trailing surrogate');
            p += 6;
            out += String.fromCharCode(hi, lo);
          } else {
            out += String.fromCharCode(hi);
          }
          break;
        }
        case undefined:
          return this.fail('incomplete JSON');
        default:
          return this.fail('illegal escape char');
      }
      runStart = p;
    }
  }

  private hex4(p: number): number {
    const h = this.text.slice(p, p + 4);
    if (h.length < 4) this.fail('incomplete JSON');
    if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail('expected hex digit');
    return parseInt(h, 16);
  }

  private readNumber(): Value {
    const re = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) this.fail('syntax error');
    const text = m[0];
    this.pos += text.length;
    const next = this.text[this.pos];
    if (next === '.' || next === 'e' || next === 'E' || (next >= '0' && next <= '9')) this.fail('syntax error');
    if (m[1] === undefined && m[2] === undefined) {
      if (text.length < 16) return Number(text) + 0;
      const b = BigInt(text);
      if (b >= INT64_MIN && b <= INT64_MAX) return intFromBigInt(b);
      if (b > INT64_MAX && b <= UINT64_MAX) return intFromBigInt(INT64_MAX);
    }
    return new LFloat(parseFloat(text));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The LPC value of JSON text (the from_json efun). */
export function fromJson(rt: Runtime, text: string): Value {
  try {
    return new JsonReader(rt, text).readDocument();
  } catch (e) {
    if (e instanceof JsonSyntaxError) return rt.error(`from_json: invalid JSON: ${e.message}\n`);
    throw e;
  }
}

function fromJsonEfun(rt: Runtime, input: Value): Value {
  if (typeof input === 'string') return fromJson(rt, input);
  if (input instanceof LBuffer) {
    let text: string;
    try {
      text = utf8.decode(input.bytes);
    } catch {
      return rt.error('from_json: invalid JSON: invalid UTF-8\n');
    }
    return fromJson(rt, text);
  }
  return rt.badArgument('from_json', 1);
}

export const efuns = defineEfuns('json', [
  {
    name: 'to_json', signature: 'string to_json(mixed)', impl: toJson, pure: true,
    doc: 'The JSON text of a value; mapping keys must be strings; objects, functions, buffers and classes become null.',
  },
  {
    name: 'from_json', signature: 'mixed from_json(string | buffer)', impl: fromJsonEfun, pure: true,
    doc: 'The LPC value of JSON text: objects become mappings, true/false 1/0, null the undefined zero.',
  },
]);
