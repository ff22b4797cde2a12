// Byte-level helpers of the telnet protocol (telnet.ts): UTF-8 line decoding
// and boundaries, IAC escaping, sub-negotiation framing and the MSSP payload.
// Pure functions on byte arrays, no session state.
import { CMD, MSSP_VAL, MSSP_VAR, OPT } from './telnet-options.js';
import type { MsspVariables } from './telnet-types.js';

/** Shared UTF-8 codecs (a decoder that keeps a leading BOM as text). */
export const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });
export const ENCODER = new TextEncoder();

const IAC = CMD.IAC;

/** Decodes a line. (TextDecoder measured faster than a String.fromCharCode loop even for short ASCII lines.) */
export function decode(buf: Uint8Array, len: number): string {
  return len === 0 ? '' : DECODER.decode(buf.subarray(0, len));
}

export function latin1(buf: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(buf[i]);
  return s;
}

/** The largest n <= len such that buf[0..n) does not end inside a UTF-8 sequence. */
export function utf8Boundary(buf: Uint8Array, len: number): number {
  for (let i = len - 1, seen = 1; i >= 0 && seen <= 4; i--, seen++) {
    const b = buf[i];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > len ? i : len;
  }
  return len;
}

export function escapeIac(bytes: Uint8Array): Uint8Array {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === IAC) count++;
  const out = new Uint8Array(bytes.length + count);
  let j = 0;
  for (let i = 0; i < bytes.length; i++) {
    out[j++] = bytes[i];
    if (bytes[i] === IAC) out[j++] = IAC;
  }
  return out;
}

/** `IAC SB option <payload with IAC doubled> IAC SE`. */
export function frameSubnegotiation(option: number, payload: Uint8Array): Uint8Array {
  const body = payload.indexOf(IAC) < 0 ? payload : escapeIac(payload);
  const out = new Uint8Array(body.length + 5);
  out[0] = IAC;
  out[1] = CMD.SB;
  out[2] = option;
  out.set(body, 3);
  out[body.length + 3] = IAC;
  out[body.length + 4] = CMD.SE;
  return out;
}

/** `IAC SB MSSP (MSSP_VAR name (MSSP_VAL value)+)* IAC SE`. */
export function encodeMssp(vars: MsspVariables): Uint8Array {
  const parts: number[] = [];
  const pushText = (s: string) => {
    for (const b of ENCODER.encode(s)) parts.push(b);
  };
  for (const [name, value] of Object.entries(vars)) {
    parts.push(MSSP_VAR);
    pushText(name);
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(MSSP_VAL);
      pushText(String(v));
    }
  }
  return frameSubnegotiation(OPT.MSSP, Uint8Array.from(parts));
}
