// The telnet protocol state machine for one connection: bytes in, events and
// bytes-to-send out. It does no I/O and keeps no timers, so it can be driven
// by the backend, by tests with byte arrays, or by a benchmark alike (DESIGN.md
// "Keep each layer ignorant of those above it").
//
// Behaviour follows COMPAT.md "Telnet behaviour" (Neolith's comm.c): the same
// opening negotiation, TTYPE/NAWS/LINEMODE/SGA handling and line endings, plus
// the FluffOS additions GMCP, MSSP and MCCP2. Option negotiation uses the
// RFC 1143 "Q method", so we never answer an option that is already in the
// requested state and two eager peers cannot loop; its transitions are tables
// in telnet-options.ts.
//
// Performance note: receive() runs for every packet of every user (the
// 1,000-client benchmark goes through it), so the data path works byte by byte
// on a reusable line buffer, allocates only the resulting strings and event
// objects, and returns a shared empty array when nothing happened.

import {
  CMD,
  LM_MODE,
  LM_MODE_ACK,
  LM_MODE_EDIT,
  LM_MODE_TRAPSIG,
  OPT,
  Q,
  Q_RECEIVE,
  Q_REQUEST,
  type QState,
  TTYPE_IS,
  TTYPE_SEND,
  type TelnetFeature,
  telnetCommandName,
  telnetOption,
  telnetOptionName,
} from './telnet-options.js';
import type {
  FloodPolicy, MsspVariables, OverlongPolicy, PortKind, TelnetEvent, TelnetSessionOptions,
} from './telnet-types.js';
import {
  DECODER, ENCODER, decode, encodeMssp, escapeIac, frameSubnegotiation, latin1, utf8Boundary,
} from './telnet-wire.js';

// The session's interface types and the MSSP encoder are part of this module's API.
export type { FloodPolicy, MsspVariables, OverlongPolicy, PortKind, TelnetEvent, TelnetSessionOptions };
export { encodeMssp };

const NO_EVENTS: readonly TelnetEvent[] = Object.freeze([]);
const NO_BYTES = new Uint8Array(0);

const CR = 13;
const LF = 10;
const NUL = 0;
const IAC = 255;

// Parser states.
const S_DATA = 0;
const S_IAC = 1;
const S_WILL = 2;
const S_WONT = 3;
const S_DO = 4;
const S_DONT = 5;
const S_SB = 6;
const S_SB_IAC = 7;

const DEFAULTS = {
  maxLineBytes: 2048,
  maxSubnegotiationBytes: 65536,
  floodBytes: 262144,
  floodIntervalMs: 1000,
  maxQueuedLines: 1000,
};

/**
 * The protocol state of one connection. Create one per accepted socket:
 *
 *   const t = new TelnetSession({ kind: port.kind, maxLineBytes: cfg.maxInputLineLength });
 *   socket.write(t.start());                       // before logon()
 *   for (const e of t.receive(bytes, now)) {
 *     switch (e.type) {
 *       case 'send': socket.write(e.bytes); break; // in order, before later output
 *       case 'line': queueCommand(e.text); break;  // call t.lineConsumed() when run
 *       case 'naws': apply('set_window_size', e.width, e.height); break;
 *       case 'flood': if (e.disconnect) close(); break;
 *       // ...
 *     }
 *   }
 *   socket.write(t.encodeText(message));           // write()/tell_object output
 */
export class TelnetSession {
  readonly kind: PortKind;
  private readonly maxLine: number;
  private readonly overlongPolicy: OverlongPolicy;
  private readonly maxSb: number;
  private readonly floodBytes: number;
  private readonly floodIntervalMs: number;
  private readonly maxQueuedLines: number;
  private readonly floodPolicy: FloodPolicy;
  private readonly features: Record<TelnetFeature, boolean>;
  private readonly msspSource: TelnetSessionOptions['mssp'];
  private readonly aytBytes: Uint8Array;
  private readonly onCompress: ((on: boolean) => void) | undefined;

  private state = S_DATA;
  private crSeen = false;
  private isClosed = false;
  private charMode = false;
  private echoOff = false;
  private isCompressing = false;

  private lineBuf: Uint8Array;
  private lineLen = 0;
  /** Bytes of the current line including any dropped past the cap. */
  private lineTotal = 0;

  private sbBuf: Uint8Array | null = null;
  private sbLen = 0;
  private sbTotal = 0;

  private readonly charBuf = new Uint8Array(4);
  private charLen = 0;
  private charNeed = 0;

  private readonly us = new Uint8Array(256);
  private readonly him = new Uint8Array(256);

  private out = new Uint8Array(64);
  private outLen = 0;
  private events: TelnetEvent[] | null = null;

  private windowStart = -Infinity;
  private windowBytes = 0;
  private bytesFloodReported = false;
  private pendingLines = 0;
  private linesFloodReported = false;

  constructor(opts: TelnetSessionOptions = {}) {
    this.kind = opts.kind ?? 'telnet';
    this.maxLine = positiveOr(opts.maxLineBytes, DEFAULTS.maxLineBytes);
    this.overlongPolicy = opts.overlongPolicy ?? 'truncate';
    this.maxSb = positiveOr(opts.maxSubnegotiationBytes, DEFAULTS.maxSubnegotiationBytes);
    this.floodBytes = nonNegativeOr(opts.floodBytes, DEFAULTS.floodBytes);
    this.floodIntervalMs = positiveOr(opts.floodIntervalMs, DEFAULTS.floodIntervalMs);
    this.maxQueuedLines = nonNegativeOr(opts.maxQueuedLines, DEFAULTS.maxQueuedLines);
    this.floodPolicy = opts.floodPolicy ?? 'disconnect';
    this.features = { gmcp: opts.gmcp === true, mccp2: opts.mccp2 === true, mssp: opts.mssp !== undefined };
    this.msspSource = opts.mssp;
    this.aytBytes = this.encodeText(opts.aytReply ?? '\n[Lapis] \n');
    this.onCompress = opts.onCompress;
    this.lineBuf = new Uint8Array(Math.min(this.maxLine, 128));
  }

  /** True once a `disconnect` policy fired; further input is ignored. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** True between compress-start and compress-stop. */
  get compressing(): boolean {
    return this.isCompressing;
  }

  /** True while input is delivered character by character. */
  get singleChar(): boolean {
    return this.charMode;
  }

  /** True while we asked the client not to echo (password input). */
  get noEcho(): boolean {
    return this.echoOff;
  }

  /** Lines delivered by receive() that the driver has not yet marked consumed. */
  get queuedLines(): number {
    return this.pendingLines;
  }

  /** Whether we currently perform `option` (RFC 1143 state YES). */
  localEnabled(option: number): boolean {
    return this.us[option & 255] === Q.YES;
  }

  /** Whether the peer currently performs `option`. */
  remoteEnabled(option: number): boolean {
    return this.him[option & 255] === Q.YES;
  }

  /**
   * The bytes to send right after accept: `IAC WONT ECHO`, `IAC DO TTYPE`,
   * `IAC DO NAWS`, `IAC DO LINEMODE` (Neolith's order), then `IAC WILL` for each
   * enabled extra (GMCP, MSSP, COMPRESS2). Empty for ascii and binary ports.
   */
  start(): Uint8Array {
    if (this.kind !== 'telnet') return NO_BYTES;
    // Neolith announces WONT ECHO unconditionally; our ECHO state is already NO,
    // so this does not start a negotiation.
    this.put3(IAC, CMD.WONT, OPT.ECHO);
    this.request('remote', OPT.TTYPE, true);
    this.request('remote', OPT.NAWS, true);
    this.request('remote', OPT.LINEMODE, true);
    if (this.features.gmcp) this.request('local', OPT.GMCP, true);
    if (this.features.mssp) this.request('local', OPT.MSSP, true);
    if (this.features.mccp2) this.request('local', OPT.COMPRESS2, true);
    return this.takeOut();
  }

  /**
   * Feeds received bytes; returns the events they complete. `now` (ms) is only
   * used by the bytes-per-interval flood check. The returned array belongs to
   * the caller; the input array is not retained.
   */
  receive(bytes: Uint8Array, now?: number): readonly TelnetEvent[] {
    if (this.isClosed || bytes.length === 0) return NO_EVENTS;
    this.events = null;
    if (this.floodBytes > 0 && !this.checkByteFlood(bytes.length, now ?? Date.now())) {
      return this.finish();
    }
    if (this.kind === 'binary') {
      // new Uint8Array(x) copies; a Node Buffer's slice() would share memory.
      this.emit({ type: 'data', bytes: new Uint8Array(bytes) });
      return this.finish();
    }
    const telnet = this.kind === 'telnet';
    const n = bytes.length;
    for (let i = 0; i < n && !this.isClosed; i++) {
      const b = bytes[i];
      switch (this.state) {
        case S_DATA:
          if (b === IAC && telnet) {
            this.state = S_IAC;
          } else if (b >= 32 && !this.crSeen && !this.charMode && this.lineLen < this.lineBuf.length) {
            // Fast path: a printable byte of a line with room left.
            this.lineBuf[this.lineLen++] = b;
            this.lineTotal++;
          } else {
            this.dataByte(b);
          }
          break;
        case S_IAC:
          this.state = S_DATA;
          this.commandByte(b);
          break;
        case S_WILL:
          this.state = S_DATA;
          this.emit({ type: 'will', option: b });
          this.negotiate('remote', b, true);
          break;
        case S_WONT:
          this.state = S_DATA;
          this.emit({ type: 'wont', option: b });
          this.negotiate('remote', b, false);
          break;
        case S_DO:
          this.state = S_DATA;
          this.emit({ type: 'do', option: b });
          this.negotiate('local', b, true);
          break;
        case S_DONT:
          this.state = S_DATA;
          this.emit({ type: 'dont', option: b });
          this.negotiate('local', b, false);
          break;
        case S_SB:
          if (b === IAC) this.state = S_SB_IAC;
          else this.sbByte(b);
          break;
        case S_SB_IAC:
          if (b === IAC) {
            this.state = S_SB;
            this.sbByte(IAC);
          } else if (b === CMD.SE) {
            this.state = S_DATA;
            this.finishSubnegotiation();
          } else {
            // The peer lost its IAC SE: drop the sub-negotiation and treat this
            // as an ordinary command, which is how it most likely was meant.
            this.state = S_DATA;
            this.emit({
              type: 'protocol-error',
              message: `IAC ${telnetCommandName(b) ?? b} inside a sub-negotiation of ${telnetOptionName(this.sbOption())}; sub-negotiation dropped`,
            });
            this.sbLen = 0;
            this.sbTotal = 0;
            this.commandByte(b);
          }
          break;
      }
    }
    return this.finish();
  }

  /**
   * Tells the session the driver took one delivered line off its queue, so the
   * `maxQueuedLines` flood check counts only lines still waiting.
   */
  lineConsumed(count = 1): void {
    this.pendingLines = Math.max(0, this.pendingLines - count);
    if (this.pendingLines <= this.maxQueuedLines) this.linesFloodReported = false;
  }

  /**
   * Echo control for no-echo input (input_to flag 1): `setEcho(false)` sends
   * `IAC WILL ECHO` (we "echo", i.e. the client stops echoing), `setEcho(true)`
   * sends `IAC WONT ECHO`. Returns the bytes to send (possibly none).
   */
  setEcho(on: boolean): Uint8Array {
    this.echoOff = !on;
    if (this.kind !== 'telnet') return NO_BYTES;
    this.request('local', OPT.ECHO, !on);
    return this.takeOut();
  }

  /**
   * Single-character mode for get_char: input is then delivered as `char`
   * events. Uses LINEMODE's MODE when the client does LINEMODE (Neolith),
   * otherwise `WILL SGA` / `WONT SGA`. Returns the bytes to send.
   */
  setSingleChar(on: boolean): Uint8Array {
    this.charMode = on;
    if (this.kind !== 'telnet') return NO_BYTES;
    if (this.him[OPT.LINEMODE] === Q.YES) this.putLinemodeMode();
    else this.request('local', OPT.SGA, on);
    return this.takeOut();
  }

  /** Asks for the terminal type again (MTTS clients cycle through names); empty unless TTYPE is on. */
  requestTerminalType(): Uint8Array {
    if (this.him[OPT.TTYPE] !== Q.YES) return NO_BYTES;
    this.putTtypeSend();
    return this.takeOut();
  }

  /**
   * Output encoder: UTF-8, with every `\n` sent as CR LF on telnet and ascii
   * ports (an existing `\r\n` is kept as is). UTF-8 never produces the byte
   * 255, so text needs no IAC doubling; binary ports get plain UTF-8.
   */
  encodeText(text: string): Uint8Array {
    if (this.kind === 'binary') return ENCODER.encode(text);
    return ENCODER.encode(text.indexOf('\n') < 0 ? text : text.replace(NEWLINES, '\r\n'));
  }

  /** Raw bytes (an LPC buffer) for the wire: IAC is doubled on telnet ports. */
  encodeBytes(bytes: Uint8Array): Uint8Array {
    if (this.kind !== 'telnet' || bytes.indexOf(IAC) < 0) return new Uint8Array(bytes);
    return escapeIac(bytes);
  }

  /**
   * `IAC SB GMCP <package> <json> IAC SE` (send_gmcp). Returns no bytes unless
   * the client accepted GMCP, as FluffOS does.
   */
  encodeGmcp(pkg: string, json?: string): Uint8Array {
    if (this.us[OPT.GMCP] !== Q.YES) return NO_BYTES;
    const payload = ENCODER.encode(json === undefined || json === '' ? pkg : `${pkg} ${json}`);
    return frameSubnegotiation(OPT.GMCP, payload);
  }

  // ---------------------------------------------------------------- data bytes

  private dataByte(b: number): void {
    if (this.crSeen) {
      this.crSeen = false;
      // CR LF and CR NUL are one line ending; the CR already ended the line.
      if (b === LF || b === NUL) return;
    }
    if (b === CR) {
      this.endOfLine();
      this.crSeen = true;
      return;
    }
    if (b === LF) {
      this.endOfLine();
      return;
    }
    // NUL is a no-op in the NVT (RFC 854); keep it out of LPC strings.
    if (b === NUL) return;
    if (this.charMode) this.charByte(b);
    else this.lineByte(b);
  }

  private lineByte(b: number): void {
    if (this.lineLen < this.maxLine) {
      if (this.lineLen === this.lineBuf.length) {
        const bigger = new Uint8Array(Math.min(this.maxLine, this.lineBuf.length * 2));
        bigger.set(this.lineBuf);
        this.lineBuf = bigger;
      }
      this.lineBuf[this.lineLen++] = b;
      this.lineTotal++;
      return;
    }
    this.lineTotal++;
    if (this.overlongPolicy === 'truncate') return;
    if (this.overlongPolicy === 'disconnect') {
      this.emit({ type: 'overlong', what: 'line', length: this.lineTotal, limit: this.maxLine, disconnect: true });
      this.isClosed = true;
      return;
    }
    // split: deliver what fits (whole characters only) and start the next piece.
    const cut = utf8Boundary(this.lineBuf, this.lineLen);
    this.emit({ type: 'overlong', what: 'line', length: this.lineTotal, limit: this.maxLine, disconnect: false });
    this.deliverLine(decode(this.lineBuf, cut));
    const carried = this.lineLen - cut;
    this.lineBuf.copyWithin(0, cut, this.lineLen);
    this.lineLen = carried;
    this.lineBuf[this.lineLen++] = b;
  }

  private endOfLine(): void {
    if (this.charMode) {
      this.flushPartialChar();
      this.emit({ type: 'char', text: '\n' });
      return;
    }
    let len = this.lineLen;
    if (this.lineTotal > len && this.overlongPolicy === 'truncate') {
      len = utf8Boundary(this.lineBuf, len);
      this.emit({ type: 'overlong', what: 'line', length: this.lineTotal, limit: this.maxLine, disconnect: false });
    }
    const text = decode(this.lineBuf, len);
    this.lineLen = 0;
    this.lineTotal = 0;
    this.deliverLine(text);
  }

  private deliverLine(text: string): void {
    this.pendingLines++;
    if (this.maxQueuedLines > 0 && this.pendingLines > this.maxQueuedLines && !this.linesFloodReported) {
      this.linesFloodReported = true;
      const disconnect = this.floodPolicy === 'disconnect';
      this.emit({ type: 'flood', reason: 'lines', observed: this.pendingLines, limit: this.maxQueuedLines, disconnect });
      if (disconnect) {
        this.isClosed = true;
        return;
      }
    }
    this.emit({ type: 'line', text });
  }

  private charByte(b: number): void {
    if (this.charNeed > 0) {
      if ((b & 0xc0) === 0x80) {
        this.charBuf[this.charLen++] = b;
        if (this.charLen === this.charNeed) {
          this.emit({ type: 'char', text: DECODER.decode(this.charBuf.subarray(0, this.charLen)) });
          this.charLen = 0;
          this.charNeed = 0;
        }
        return;
      }
      this.flushPartialChar();
    }
    if (b < 0x80) {
      this.emit({ type: 'char', text: String.fromCharCode(b) });
      return;
    }
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (need === 0) {
      this.emit({ type: 'char', text: '\uFFFD' });
      return;
    }
    this.charBuf[0] = b;
    this.charLen = 1;
    this.charNeed = need;
  }

  private flushPartialChar(): void {
    if (this.charNeed === 0) return;
    this.charNeed = 0;
    this.charLen = 0;
    this.emit({ type: 'char', text: '\uFFFD' });
  }

  // ----------------------------------------------------------- telnet commands

  /** The byte after IAC (outside a sub-negotiation). */
  private commandByte(b: number): void {
    switch (b) {
      case IAC:
        // IAC IAC is a literal 255 in the data stream.
        this.dataByte(IAC);
        return;
      case CMD.WILL:
        this.state = S_WILL;
        return;
      case CMD.WONT:
        this.state = S_WONT;
        return;
      case CMD.DO:
        this.state = S_DO;
        return;
      case CMD.DONT:
        this.state = S_DONT;
        return;
      case CMD.SB:
        this.state = S_SB;
        this.sbLen = 0;
        this.sbTotal = 0;
        return;
      case CMD.AYT:
        this.put(this.aytBytes);
        this.emit({ type: 'ayt' });
        return;
      case CMD.EC:
        this.eraseChar();
        return;
      case CMD.EL:
        this.lineLen = 0;
        this.lineTotal = 0;
        return;
      case CMD.IP:
        this.emit({ type: 'command', command: 'IP' });
        return;
      case CMD.BRK:
        this.emit({ type: 'command', command: 'BRK' });
        return;
      case CMD.AO:
        this.emit({ type: 'command', command: 'AO' });
        return;
      default:
        // NOP, DM, GA, EOR, a stray SE, or an unknown byte: nothing to do
        // (Neolith treats unknown commands as NOP).
        return;
    }
  }

  /** EC (erase character) removes the last whole character of the pending line. */
  private eraseChar(): void {
    if (this.charMode || this.lineLen === 0) return;
    let i = this.lineLen - 1;
    while (i > 0 && (this.lineBuf[i] & 0xc0) === 0x80) i--;
    this.lineTotal -= this.lineLen - i;
    this.lineLen = i;
  }

  // ------------------------------------------------------ RFC 1143 negotiation

  private acceptable(option: number, side: 'local' | 'remote'): boolean {
    const row = telnetOption(option);
    if (row === undefined) return false;
    const policy = row[side];
    if (policy === 'always') return true;
    if (policy === 'when-enabled') return row.feature !== undefined && this.features[row.feature as TelnetFeature];
    return false;
  }

  /**
   * One received WILL/WONT (remote side) or DO/DONT (local side), run through
   * the RFC 1143 table. An option that goes off is reported before the reply
   * is queued, so MCCP2 compression ends before the (uncompressed) WONT.
   */
  private negotiate(side: 'local' | 'remote', option: number, positive: boolean): void {
    if (side === 'local' && option === OPT.TM) {
      // A timing mark asks "have you processed everything so far?": answer
      // every DO, without entering an option state (RFC 860, Neolith).
      if (positive) this.put3(IAC, CMD.WILL, OPT.TM);
      return;
    }
    const states = side === 'local' ? this.us : this.him;
    const yes = side === 'local' ? CMD.WILL : CMD.DO;
    const no = side === 'local' ? CMD.WONT : CMD.DONT;
    const t = (positive ? Q_RECEIVE.yes : Q_RECEIVE.no)[states[option]];
    if (t.next === 'ask') {
      if (!this.acceptable(option, side)) {
        this.put3(IAC, no, option);
        return;
      }
      states[option] = Q.YES;
      this.put3(IAC, yes, option);
      this.optionChanged(side, option, true);
      return;
    }
    states[option] = t.next;
    if (t.change === 'off') this.optionChanged(side, option, false);
    if (t.reply !== undefined) this.put3(IAC, t.reply === 'yes' ? yes : no, option);
    if (t.change === 'on') this.optionChanged(side, option, true);
  }

  /** Our own wish to switch an option on our side (`local`) or the peer's (`remote`). */
  private request(side: 'local' | 'remote', option: number, enable: boolean): void {
    const states = side === 'local' ? this.us : this.him;
    const t = (enable ? Q_REQUEST.enable : Q_REQUEST.disable)[states[option]];
    states[option] = t.next as QState;
    if (t.reply === 'yes') this.put3(IAC, side === 'local' ? CMD.WILL : CMD.DO, option);
    else if (t.reply === 'no') this.put3(IAC, side === 'local' ? CMD.WONT : CMD.DONT, option);
  }

  private optionChanged(side: 'local' | 'remote', option: number, enabled: boolean): void {
    if (side === 'local') this.localChanged(option, enabled);
    else this.remoteChanged(option, enabled);
  }

  private remoteChanged(option: number, enabled: boolean): void {
    this.emit({ type: 'option', option, side: 'remote', enabled });
    if (!enabled) return;
    if (option === OPT.TTYPE) this.putTtypeSend();
    else if (option === OPT.LINEMODE) this.putLinemodeMode();
  }

  private localChanged(option: number, enabled: boolean): void {
    this.emit({ type: 'option', option, side: 'local', enabled });
    if (option === OPT.COMPRESS2) {
      if (enabled) {
        // IAC SB COMPRESS2 IAC SE is the last uncompressed output (MCCP2).
        this.put(COMPRESS2_START);
        this.isCompressing = true;
        this.emit({ type: 'compress-start' });
        this.onCompress?.(true);
      } else if (this.isCompressing) {
        this.isCompressing = false;
        this.emit({ type: 'compress-stop' });
        this.onCompress?.(false);
      }
    } else if (option === OPT.MSSP && enabled) {
      const source = this.msspSource;
      if (source !== undefined) this.put(encodeMssp(typeof source === 'function' ? source() : source));
      this.emit({ type: 'mssp-request' });
    }
  }

  // ------------------------------------------------------------ sub-negotiation

  private sbByte(b: number): void {
    this.sbTotal++;
    if (this.sbLen >= this.maxSb) return;
    if (this.sbBuf === null) this.sbBuf = new Uint8Array(Math.min(this.maxSb, 64));
    if (this.sbLen === this.sbBuf.length) {
      const bigger = new Uint8Array(Math.min(this.maxSb, this.sbBuf.length * 2));
      bigger.set(this.sbBuf);
      this.sbBuf = bigger;
    }
    this.sbBuf[this.sbLen++] = b;
  }

  private sbOption(): number {
    return this.sbLen > 0 && this.sbBuf !== null ? this.sbBuf[0] : -1;
  }

  private finishSubnegotiation(): void {
    const buf = this.sbBuf;
    const len = this.sbLen;
    const total = this.sbTotal;
    this.sbLen = 0;
    this.sbTotal = 0;
    if (total > len) {
      this.emit({ type: 'overlong', what: 'subnegotiation', length: total, limit: this.maxSb, disconnect: false });
      return;
    }
    if (buf === null || len === 0) {
      this.emit({ type: 'protocol-error', message: 'empty sub-negotiation (IAC SB IAC SE)' });
      return;
    }
    const option = buf[0];
    switch (option) {
      case OPT.TTYPE:
        // Only "IS name" carries data for us; a SEND from the client is ignored.
        if (len >= 2 && buf[1] === TTYPE_IS) this.emit({ type: 'ttype', name: latin1(buf, 2, len) });
        return;
      case OPT.NAWS:
        if (len < 5) {
          this.emit({ type: 'protocol-error', message: `NAWS sub-negotiation with ${len - 1} bytes, expected 4` });
          return;
        }
        this.emit({ type: 'naws', width: buf[1] * 256 + buf[2], height: buf[3] * 256 + buf[4] });
        return;
      case OPT.LINEMODE:
        // A MODE without ACK is the client proposing its own mode, which
        // RFC 1184 does not allow: restate ours (Neolith). SLC and
        // FORWARDMASK are left at the client's defaults.
        if (len >= 3 && buf[1] === LM_MODE && (buf[2] & LM_MODE_ACK) === 0) this.putLinemodeMode();
        return;
      case OPT.GMCP:
        if (this.features.gmcp) {
          const text = DECODER.decode(buf.subarray(1, len));
          const space = text.indexOf(' ');
          this.emit(
            space < 0
              ? { type: 'gmcp', package: text, json: '' }
              : { type: 'gmcp', package: text.slice(0, space), json: text.slice(space + 1).trimStart() },
          );
          return;
        }
        break;
    }
    this.emit({ type: 'suboption', option, bytes: buf.slice(0, len) });
  }

  // ------------------------------------------------------------------- output

  private putTtypeSend(): void {
    this.put3(IAC, CMD.SB, OPT.TTYPE);
    this.put3(TTYPE_SEND, IAC, CMD.SE);
  }

  private putLinemodeMode(): void {
    const mode = this.charMode ? LM_MODE_TRAPSIG : LM_MODE_EDIT | LM_MODE_TRAPSIG;
    this.put3(IAC, CMD.SB, OPT.LINEMODE);
    this.put3(LM_MODE, mode, IAC);
    this.put1(CMD.SE);
  }

  private ensureOut(extra: number): void {
    if (this.outLen + extra <= this.out.length) return;
    const bigger = new Uint8Array(Math.max(this.out.length * 2, this.outLen + extra));
    bigger.set(this.out.subarray(0, this.outLen));
    this.out = bigger;
  }

  private put1(a: number): void {
    this.ensureOut(1);
    this.out[this.outLen++] = a;
  }

  private put3(a: number, b: number, c: number): void {
    this.ensureOut(3);
    this.out[this.outLen++] = a;
    this.out[this.outLen++] = b;
    this.out[this.outLen++] = c;
  }

  private put(bytes: Uint8Array): void {
    this.ensureOut(bytes.length);
    this.out.set(bytes, this.outLen);
    this.outLen += bytes.length;
  }

  private takeOut(): Uint8Array {
    if (this.outLen === 0) return NO_BYTES;
    const bytes = this.out.slice(0, this.outLen);
    this.outLen = 0;
    return bytes;
  }

  /** Queues an event; pending output goes first so `send` keeps protocol order. */
  private emit(event: TelnetEvent): void {
    const events = (this.events ??= []);
    if (this.outLen > 0) events.push({ type: 'send', bytes: this.takeOut() });
    events.push(event);
  }

  private finish(): readonly TelnetEvent[] {
    let events = this.events;
    if (this.outLen > 0) (events ??= []).push({ type: 'send', bytes: this.takeOut() });
    this.events = null;
    return events ?? NO_EVENTS;
  }

  private checkByteFlood(length: number, now: number): boolean {
    if (now - this.windowStart >= this.floodIntervalMs) {
      this.windowStart = now;
      this.windowBytes = 0;
      this.bytesFloodReported = false;
    }
    this.windowBytes += length;
    if (this.windowBytes <= this.floodBytes) return true;
    const disconnect = this.floodPolicy === 'disconnect';
    if (!this.bytesFloodReported) {
      this.bytesFloodReported = true;
      this.emit({ type: 'flood', reason: 'bytes', observed: this.windowBytes, limit: this.floodBytes, disconnect });
    }
    if (disconnect) this.isClosed = true;
    return !disconnect;
  }
}

const NEWLINES = /\r?\n/g;
const COMPRESS2_START = Uint8Array.of(IAC, CMD.SB, OPT.COMPRESS2, IAC, CMD.SE);

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function nonNegativeOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
