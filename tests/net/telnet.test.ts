import { describe, expect, it } from 'vitest';
import { TelnetSession, encodeMssp, type TelnetEvent, type TelnetSessionOptions } from '../../driver/net/telnet.js';
import { CMD, OPT, Q, Q_RECEIVE, Q_REQUEST, telnetOptionName } from '../../driver/net/telnet-options.js';

// Byte values are spelled out in the expectations on purpose: these tests pin
// the wire format, so they must not be computed from the code under test.
const IAC = 255;
const DONT = 254;
const DO = 253;
const WONT = 252;
const WILL = 251;
const SB = 250;
const SE = 240;
const AYT = 246;
const EC = 247;
const EL = 248;
const IP = 244;
const BRK = 243;
const AO = 245;
const NOP = 241;
const GA = 249;
const ECHO = 1;
const SGA = 3;
const TM = 6;
const TTYPE = 24;
const NAWS = 31;
const LINEMODE = 34;
const MSSP = 70;
const COMPRESS2 = 86;
const GMCP = 201;

/** Builds bytes from numbers and ASCII/UTF-8 strings. */
function b(...parts: (number | string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (Array.isArray(p)) out.push(...p);
    else out.push(...new TextEncoder().encode(p));
  }
  return Uint8Array.from(out);
}

function list(bytes: Uint8Array): number[] {
  return Array.from(bytes);
}

/** Events with Uint8Arrays turned into plain arrays, for toEqual. */
function plain(events: readonly TelnetEvent[]): unknown[] {
  return events.map((e) => ('bytes' in e ? { ...e, bytes: list(e.bytes) } : { ...e }));
}

/** Only the bytes the session wants sent, concatenated. */
function sent(events: readonly TelnetEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'send' ? list(e.bytes) : []));
}

function ofType<T extends TelnetEvent['type']>(events: readonly TelnetEvent[], type: T): Extract<TelnetEvent, { type: T }>[] {
  return events.filter((e): e is Extract<TelnetEvent, { type: T }> => e.type === type);
}

function lines(events: readonly TelnetEvent[]): string[] {
  return ofType(events, 'line').map((e) => e.text);
}

function started(opts: TelnetSessionOptions = {}): TelnetSession {
  const s = new TelnetSession(opts);
  s.start();
  return s;
}

describe('opening negotiation', () => {
  it('sends WONT ECHO, DO TTYPE, DO NAWS, DO LINEMODE in that order', () => {
    const s = new TelnetSession();
    expect(list(s.start())).toEqual([IAC, WONT, ECHO, IAC, DO, TTYPE, IAC, DO, NAWS, IAC, DO, LINEMODE]);
  });

  it('also offers GMCP, MSSP and COMPRESS2 when enabled', () => {
    const s = new TelnetSession({ gmcp: true, mssp: { NAME: 'x' }, mccp2: true });
    expect(list(s.start())).toEqual([
      IAC, WONT, ECHO, IAC, DO, TTYPE, IAC, DO, NAWS, IAC, DO, LINEMODE,
      IAC, WILL, GMCP, IAC, WILL, MSSP, IAC, WILL, COMPRESS2,
    ]);
  });

  it('does not repeat requests still pending when start() is called twice', () => {
    const s = new TelnetSession();
    s.start();
    expect(list(s.start())).toEqual([IAC, WONT, ECHO]);
  });

  it('sends nothing on ascii and binary ports', () => {
    expect(list(new TelnetSession({ kind: 'ascii' }).start())).toEqual([]);
    expect(list(new TelnetSession({ kind: 'binary' }).start())).toEqual([]);
  });
});

describe('TTYPE', () => {
  it('answers WILL TTYPE (after our DO) with SB TTYPE SEND only', () => {
    const s = started();
    const ev = s.receive(b(IAC, WILL, TTYPE));
    expect(plain(ev)).toEqual([
      { type: 'will', option: TTYPE },
      { type: 'option', option: TTYPE, side: 'remote', enabled: true },
      { type: 'send', bytes: [IAC, SB, TTYPE, 1, IAC, SE] },
    ]);
  });

  it('answers an unsolicited WILL TTYPE with DO TTYPE then SB TTYPE SEND', () => {
    const s = new TelnetSession();
    expect(sent(s.receive(b(IAC, WILL, TTYPE)))).toEqual([IAC, DO, TTYPE, IAC, SB, TTYPE, 1, IAC, SE]);
  });

  it('reports TTYPE IS name as a ttype event', () => {
    const s = started();
    s.receive(b(IAC, WILL, TTYPE));
    const ev = s.receive(b(IAC, SB, TTYPE, 0, 'xterm-256color', IAC, SE));
    expect(plain(ev)).toEqual([{ type: 'ttype', name: 'xterm-256color' }]);
  });

  it('ignores a TTYPE SEND from the client', () => {
    const s = started();
    expect(s.receive(b(IAC, SB, TTYPE, 1, IAC, SE))).toEqual([]);
  });

  it('can ask again for the terminal type once TTYPE is on', () => {
    const s = started();
    expect(list(s.requestTerminalType())).toEqual([]);
    s.receive(b(IAC, WILL, TTYPE));
    expect(list(s.requestTerminalType())).toEqual([IAC, SB, TTYPE, 1, IAC, SE]);
  });

  it('answers WONT TTYPE to our DO with silence (no DONT: the option is already off)', () => {
    const s = started();
    const ev = s.receive(b(IAC, WONT, TTYPE));
    expect(plain(ev)).toEqual([{ type: 'wont', option: TTYPE }]);
    expect(s.remoteEnabled(TTYPE)).toBe(false);
  });
});

describe('NAWS', () => {
  it('reports the window size', () => {
    const s = started();
    expect(sent(s.receive(b(IAC, WILL, NAWS)))).toEqual([]);
    const ev = s.receive(b(IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE));
    expect(plain(ev)).toEqual([{ type: 'naws', width: 80, height: 24 }]);
  });

  it('unescapes IAC IAC inside the sizes', () => {
    const s = started();
    const ev = s.receive(b(IAC, SB, NAWS, 1, IAC, IAC, 0, 50, IAC, SE));
    expect(plain(ev)).toEqual([{ type: 'naws', width: 511, height: 50 }]);
  });

  it('reports a short NAWS as a protocol error', () => {
    const s = started();
    const ev = s.receive(b(IAC, SB, NAWS, 0, 80, IAC, SE));
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: 'protocol-error' });
  });
});

describe('other sub-negotiations', () => {
  it('passes unknown ones on as suboption events with the option byte first', () => {
    const s = started();
    const ev = s.receive(b(IAC, SB, 99, 1, 2, IAC, IAC, 3, IAC, SE));
    expect(plain(ev)).toEqual([{ type: 'suboption', option: 99, bytes: [99, 1, 2, 255, 3] }]);
  });

  it('passes GMCP on as a suboption when GMCP is not enabled', () => {
    const s = started();
    const ev = s.receive(b(IAC, SB, GMCP, 'Core.Ping', IAC, SE));
    expect(ev[0]).toMatchObject({ type: 'suboption', option: GMCP });
  });
});

describe('option negotiation (RFC 1143)', () => {
  it('answers DO SGA with WILL SGA once, and ignores a repeated DO SGA', () => {
    const s = started();
    expect(sent(s.receive(b(IAC, DO, SGA)))).toEqual([IAC, WILL, SGA]);
    expect(sent(s.receive(b(IAC, DO, SGA)))).toEqual([]);
    expect(s.localEnabled(SGA)).toBe(true);
  });

  it('answers WILL SGA with DO SGA', () => {
    const s = started();
    expect(sent(s.receive(b(IAC, WILL, SGA)))).toEqual([IAC, DO, SGA]);
  });

  it('acknowledges DONT SGA when SGA is on, and stays silent when it is off', () => {
    const s = started();
    s.receive(b(IAC, DO, SGA));
    expect(sent(s.receive(b(IAC, DONT, SGA)))).toEqual([IAC, WONT, SGA]);
    expect(sent(s.receive(b(IAC, DONT, SGA)))).toEqual([]);
  });

  it('refuses unknown options both ways, and never answers a refusal of something off', () => {
    const s = started();
    expect(sent(s.receive(b(IAC, DO, 200)))).toEqual([IAC, WONT, 200]);
    expect(sent(s.receive(b(IAC, WILL, 200)))).toEqual([IAC, DONT, 200]);
    expect(sent(s.receive(b(IAC, WONT, 200)))).toEqual([]);
    expect(sent(s.receive(b(IAC, DONT, 200)))).toEqual([]);
  });

  it('refuses an unsolicited DO ECHO and WILL ECHO', () => {
    const s = started();
    expect(sent(s.receive(b(IAC, DO, ECHO)))).toEqual([IAC, WONT, ECHO]);
    expect(sent(s.receive(b(IAC, WILL, ECHO)))).toEqual([IAC, DONT, ECHO]);
  });

  it('answers every DO TM with WILL TM', () => {
    const s = started();
    expect(sent(s.receive(b(IAC, DO, TM)))).toEqual([IAC, WILL, TM]);
    expect(sent(s.receive(b(IAC, DO, TM)))).toEqual([IAC, WILL, TM]);
  });

  it('reports negotiation commands and peer-driven option changes as events', () => {
    const s = started();
    const ev = s.receive(b(IAC, DO, SGA, IAC, WILL, NAWS, IAC, WONT, NAWS));
    expect(plain(ev)).toEqual([
      { type: 'do', option: SGA },
      { type: 'send', bytes: [IAC, WILL, SGA] },
      { type: 'option', option: SGA, side: 'local', enabled: true },
      { type: 'will', option: NAWS },
      { type: 'option', option: NAWS, side: 'remote', enabled: true },
      { type: 'wont', option: NAWS },
      { type: 'option', option: NAWS, side: 'remote', enabled: false },
      { type: 'send', bytes: [IAC, DONT, NAWS] },
    ]);
  });

  it('settles when two sessions negotiate with each other (no loop)', () => {
    const a = new TelnetSession({ gmcp: true, mccp2: true, mssp: { NAME: 'a' } });
    const z = new TelnetSession({ gmcp: true });
    let toZ = list(a.start());
    let toA = list(z.start());
    let rounds = 0;
    while ((toZ.length > 0 || toA.length > 0) && rounds < 50) {
      const fromZ = sent(z.receive(Uint8Array.from(toZ)));
      const fromA = sent(a.receive(Uint8Array.from(toA)));
      toZ = fromA;
      toA = fromZ;
      rounds++;
    }
    expect(rounds).toBeLessThan(10);
    expect(toZ).toEqual([]);
    expect(toA).toEqual([]);
  });

  it('handles a queued opposite request (WANTYES + disable, then the peer agrees)', () => {
    const s = started();
    expect(list(s.setEcho(false))).toEqual([IAC, WILL, ECHO]);
    // Changed our mind before the answer: nothing is sent yet (RFC 1143 queue).
    expect(list(s.setEcho(true))).toEqual([]);
    // The client agrees to the first request; we now withdraw it.
    expect(sent(s.receive(b(IAC, DO, ECHO)))).toEqual([IAC, WONT, ECHO]);
    expect(sent(s.receive(b(IAC, DONT, ECHO)))).toEqual([]);
    expect(s.localEnabled(ECHO)).toBe(false);
  });

  it('re-asks after a queued change of mind (WANTNO + enable, then the peer confirms off)', () => {
    const s = started();
    s.setEcho(false);
    s.receive(b(IAC, DO, ECHO));
    expect(list(s.setEcho(true))).toEqual([IAC, WONT, ECHO]);
    expect(list(s.setEcho(false))).toEqual([]);
    expect(sent(s.receive(b(IAC, DONT, ECHO)))).toEqual([IAC, WILL, ECHO]);
    expect(sent(s.receive(b(IAC, DO, ECHO)))).toEqual([]);
    expect(s.localEnabled(ECHO)).toBe(true);
  });

  it('has a transition for every state in every table', () => {
    for (const table of [Q_RECEIVE.yes, Q_RECEIVE.no, Q_REQUEST.enable, Q_REQUEST.disable]) {
      expect(table).toHaveLength(Object.keys(Q).length);
    }
  });

  it('names options for messages', () => {
    expect(telnetOptionName(24)).toBe('TTYPE');
    expect(telnetOptionName(200)).toBe('option 200');
    expect(OPT.GMCP).toBe(201);
    expect(CMD.IAC).toBe(255);
  });
});

describe('echo and single-char mode', () => {
  it('turns echo off with WILL ECHO and back on with WONT ECHO', () => {
    const s = started();
    expect(list(s.setEcho(false))).toEqual([IAC, WILL, ECHO]);
    expect(s.noEcho).toBe(true);
    expect(sent(s.receive(b(IAC, DO, ECHO)))).toEqual([]);
    expect(list(s.setEcho(false))).toEqual([]);
    expect(list(s.setEcho(true))).toEqual([IAC, WONT, ECHO]);
    expect(sent(s.receive(b(IAC, DONT, ECHO)))).toEqual([]);
    expect(s.noEcho).toBe(false);
    expect(list(s.setEcho(false))).toEqual([IAC, WILL, ECHO]);
  });

  it('uses SGA for single-char mode when the client does not do LINEMODE', () => {
    const s = started();
    s.receive(b(IAC, WONT, LINEMODE));
    expect(list(s.setSingleChar(true))).toEqual([IAC, WILL, SGA]);
    s.receive(b(IAC, DO, SGA));
    expect(list(s.setSingleChar(false))).toEqual([IAC, WONT, SGA]);
  });

  it('uses LINEMODE MODE when the client does LINEMODE', () => {
    const s = started();
    expect(sent(s.receive(b(IAC, WILL, LINEMODE)))).toEqual([IAC, SB, LINEMODE, 1, 3, IAC, SE]);
    expect(list(s.setSingleChar(true))).toEqual([IAC, SB, LINEMODE, 1, 2, IAC, SE]);
    expect(list(s.setSingleChar(false))).toEqual([IAC, SB, LINEMODE, 1, 3, IAC, SE]);
  });

  it('restates our LINEMODE mode when the client proposes one, and accepts its ACK silently', () => {
    const s = started();
    s.receive(b(IAC, WILL, LINEMODE));
    expect(sent(s.receive(b(IAC, SB, LINEMODE, 1, 0, IAC, SE)))).toEqual([IAC, SB, LINEMODE, 1, 3, IAC, SE]);
    expect(s.receive(b(IAC, SB, LINEMODE, 1, 3 | 4, IAC, SE))).toEqual([]);
  });

  it('delivers characters one by one, decoding UTF-8, with any line ending as one "\\n"', () => {
    const s = started();
    s.setSingleChar(true);
    const ev = s.receive(b('a', '你', '\r\n', 'b', '\r', 0, 'c', '\n'));
    expect(ofType(ev, 'char').map((e) => e.text)).toEqual(['a', '你', '\n', 'b', '\n', 'c', '\n']);
  });

  it('assembles a character split across receive() calls', () => {
    const s = started();
    s.setSingleChar(true);
    const bytes = b('é');
    expect(s.receive(bytes.subarray(0, 1))).toEqual([]);
    expect(plain(s.receive(bytes.subarray(1)))).toEqual([{ type: 'char', text: 'é' }]);
  });

  it('replaces a broken UTF-8 sequence with U+FFFD', () => {
    const s = started();
    s.setSingleChar(true);
    const ev = s.receive(b(0xc3, 'x', 0xff - 0x7f));
    expect(ofType(ev, 'char').map((e) => e.text)).toEqual(['\uFFFD', 'x', '\uFFFD']);
  });
});

describe('lines', () => {
  it('ends lines at CR LF, CR NUL, a bare LF, and a lone CR', () => {
    const s = started();
    const ev = s.receive(b('one\r\ntwo\r', 0, 'three\nfour\rfive\r\n'));
    expect(lines(ev)).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('keeps empty lines', () => {
    const s = started();
    expect(lines(s.receive(b('\r\n\r\n\n')))).toEqual(['', '', '']);
  });

  it('does not make an extra line when CR and LF arrive in separate packets', () => {
    const s = started();
    expect(lines(s.receive(b('look\r')))).toEqual(['look']);
    expect(lines(s.receive(b('\nnorth\r\n')))).toEqual(['north']);
  });

  it('decodes UTF-8', () => {
    const s = started();
    expect(lines(s.receive(b('say 你好\r\n')))).toEqual(['say 你好']);
  });

  it('turns IAC IAC into a literal byte 255 in the data', () => {
    const s = new TelnetSession({ kind: 'telnet' });
    // 0xC3 0xBF is "ÿ"; a lone 255 is not UTF-8 and decodes as U+FFFD.
    expect(lines(s.receive(b('a', IAC, IAC, 'b\r\n')))).toEqual(['a\uFFFDb']);
  });

  it('drops NUL bytes inside a line', () => {
    const s = started();
    expect(lines(s.receive(b('a', 0, 'b\n')))).toEqual(['ab']);
  });

  it('applies EC and EL to the pending line', () => {
    const s = started();
    expect(lines(s.receive(b('helloé', IAC, EC, IAC, EC, 'p\r\n')))).toEqual(['hellp']);
    expect(lines(s.receive(b('garbage', IAC, EL, 'ok\r\n')))).toEqual(['ok']);
  });

  it('reports lines queued but not consumed, and counts consumption', () => {
    const s = started();
    s.receive(b('a\nb\n'));
    expect(s.queuedLines).toBe(2);
    s.lineConsumed();
    expect(s.queuedLines).toBe(1);
  });
});

describe('over-long lines', () => {
  it('truncates by default and reports the full length before the line', () => {
    const s = started({ maxLineBytes: 8 });
    const ev = s.receive(b('abcdefghijkl\r\nok\r\n'));
    expect(plain(ev)).toEqual([
      { type: 'overlong', what: 'line', length: 12, limit: 8, disconnect: false },
      { type: 'line', text: 'abcdefgh' },
      { type: 'line', text: 'ok' },
    ]);
    expect(s.closed).toBe(false);
  });

  it('truncates at a character boundary', () => {
    const s = started({ maxLineBytes: 8 });
    const ev = s.receive(b('abcdefg', 'é', 'z\n'));
    expect(lines(ev)).toEqual(['abcdefg']);
    expect(ofType(ev, 'overlong')[0].length).toBe(10);
  });

  it('uses 2048 bytes as the default cap', () => {
    const s = started();
    const ev = s.receive(b('x'.repeat(2048), '\n', 'y'.repeat(2049), '\n'));
    expect(lines(ev).map((l) => l.length)).toEqual([2048, 2048]);
    expect(ofType(ev, 'overlong')).toEqual([{ type: 'overlong', what: 'line', length: 2049, limit: 2048, disconnect: false }]);
  });

  it('can split instead of truncating', () => {
    const s = started({ maxLineBytes: 4, overlongPolicy: 'split' });
    const ev = s.receive(b('abcdefghij\n'));
    expect(lines(ev)).toEqual(['abcd', 'efgh', 'ij']);
    expect(ofType(ev, 'overlong').map((e) => e.length)).toEqual([5, 9]);
  });

  it('splits at a character boundary', () => {
    const s = started({ maxLineBytes: 4, overlongPolicy: 'split' });
    expect(lines(s.receive(b('abc', '你', 'd\n')))).toEqual(['abc', '你d']);
  });

  it('can ask for a disconnect, after which input is ignored', () => {
    const s = started({ maxLineBytes: 4, overlongPolicy: 'disconnect' });
    const ev = s.receive(b('abcdefgh\nnext\n'));
    expect(plain(ev)).toEqual([{ type: 'overlong', what: 'line', length: 5, limit: 4, disconnect: true }]);
    expect(s.closed).toBe(true);
    expect(s.receive(b('more\n'))).toEqual([]);
  });

  it('drops an over-long sub-negotiation with a report and keeps going', () => {
    const s = started({ maxSubnegotiationBytes: 8 });
    const ev = s.receive(b(IAC, SB, 99, 'abcdefghijk', IAC, SE, 'hi\n'));
    expect(plain(ev)).toEqual([
      { type: 'overlong', what: 'subnegotiation', length: 12, limit: 8, disconnect: false },
      { type: 'line', text: 'hi' },
    ]);
  });
});

describe('input floods', () => {
  it('reports too many bytes per interval and stops reading', () => {
    const s = started({ floodBytes: 10, floodIntervalMs: 1000 });
    expect(lines(s.receive(b('abcde\n'), 0))).toEqual(['abcde']);
    const ev = s.receive(b('fghij\n'), 500);
    expect(plain(ev)).toEqual([{ type: 'flood', reason: 'bytes', observed: 12, limit: 10, disconnect: true }]);
    expect(s.closed).toBe(true);
    expect(s.receive(b('x\n'), 5000)).toEqual([]);
  });

  it('starts a new interval after floodIntervalMs', () => {
    const s = started({ floodBytes: 10, floodIntervalMs: 1000 });
    s.receive(b('abcdefgh\n'), 0);
    expect(lines(s.receive(b('abcdefgh\n'), 1000))).toEqual(['abcdefgh']);
    expect(s.closed).toBe(false);
  });

  it('with the report policy, reports once per interval and keeps delivering', () => {
    const s = started({ floodBytes: 4, floodIntervalMs: 100, floodPolicy: 'report' });
    const first = s.receive(b('abcdef\n'), 0);
    expect(ofType(first, 'flood')).toEqual([{ type: 'flood', reason: 'bytes', observed: 7, limit: 4, disconnect: false }]);
    expect(lines(first)).toEqual(['abcdef']);
    expect(ofType(s.receive(b('g\n'), 50), 'flood')).toEqual([]);
    expect(ofType(s.receive(b('hijklm\n'), 150), 'flood')).toHaveLength(1);
  });

  it('reports too many queued lines and stops reading', () => {
    const s = started({ maxQueuedLines: 3 });
    const ev = s.receive(b('1\n2\n3\n4\n5\n'));
    expect(lines(ev)).toEqual(['1', '2', '3']);
    expect(ofType(ev, 'flood')).toEqual([{ type: 'flood', reason: 'lines', observed: 4, limit: 3, disconnect: true }]);
    expect(s.closed).toBe(true);
  });

  it('does not count lines the driver has consumed', () => {
    const s = started({ maxQueuedLines: 2 });
    for (let i = 0; i < 10; i++) {
      expect(lines(s.receive(b(`cmd${i}\n`)))).toEqual([`cmd${i}`]);
      s.lineConsumed();
    }
    expect(s.closed).toBe(false);
  });

  it('can be switched off with 0', () => {
    const s = started({ floodBytes: 0, maxQueuedLines: 0 });
    const ev = s.receive(b('x\n'.repeat(5000)), 0);
    expect(lines(ev)).toHaveLength(5000);
  });
});

describe('AYT and other commands', () => {
  it('answers AYT with the reply text (CR LF line ends) and reports it', () => {
    const s = started();
    const ev = s.receive(b(IAC, AYT));
    expect(plain(ev)).toEqual([
      { type: 'send', bytes: list(b('\r\n[Lapis] \r\n')) },
      { type: 'ayt' },
    ]);
  });

  it('uses a configured AYT reply', () => {
    const s = started({ aytReply: 'yes\n' });
    expect(sent(s.receive(b(IAC, AYT)))).toEqual([0x79, 0x65, 0x73, 13, 10]);
  });

  it('reports IP, BRK and AO; ignores NOP and GA', () => {
    const s = started();
    const ev = s.receive(b(IAC, IP, IAC, BRK, IAC, AO, IAC, NOP, IAC, GA));
    expect(plain(ev)).toEqual([
      { type: 'command', command: 'IP' },
      { type: 'command', command: 'BRK' },
      { type: 'command', command: 'AO' },
    ]);
  });
});

describe('GMCP', () => {
  it('sends GMCP only after the client accepted it', () => {
    const s = started({ gmcp: true });
    expect(list(s.encodeGmcp('Core.Hello', '{}'))).toEqual([]);
    expect(sent(s.receive(b(IAC, DO, GMCP)))).toEqual([]);
    expect(list(s.encodeGmcp('Char.Vitals', '{"hp":10}'))).toEqual([
      IAC, SB, GMCP, ...list(b('Char.Vitals {"hp":10}')), IAC, SE,
    ]);
    expect(list(s.encodeGmcp('Core.Ping'))).toEqual([IAC, SB, GMCP, ...list(b('Core.Ping')), IAC, SE]);
  });

  it('accepts an unsolicited DO GMCP when enabled, and refuses it when not', () => {
    expect(sent(new TelnetSession({ gmcp: true }).receive(b(IAC, DO, GMCP)))).toEqual([IAC, WILL, GMCP]);
    expect(sent(new TelnetSession().receive(b(IAC, DO, GMCP)))).toEqual([IAC, WONT, GMCP]);
  });

  it('reports received GMCP messages with package and JSON', () => {
    const s = started({ gmcp: true });
    s.receive(b(IAC, DO, GMCP));
    const ev = s.receive(b(IAC, SB, GMCP, 'Core.Hello {"client":"Mudlet","version":"4.17"}', IAC, SE));
    expect(plain(ev)).toEqual([{ type: 'gmcp', package: 'Core.Hello', json: '{"client":"Mudlet","version":"4.17"}' }]);
    expect(plain(s.receive(b(IAC, SB, GMCP, 'Core.Ping', IAC, SE)))).toEqual([{ type: 'gmcp', package: 'Core.Ping', json: '' }]);
  });
});

describe('MSSP', () => {
  it('sends the variables when the client says DO MSSP', () => {
    const s = started({ mssp: { NAME: 'Lapis', PLAYERS: 3, PORT: ['4000', '4001'] } });
    const ev = s.receive(b(IAC, DO, MSSP));
    expect(plain(ev)).toEqual([
      { type: 'do', option: MSSP },
      { type: 'option', option: MSSP, side: 'local', enabled: true },
      {
        type: 'send',
        bytes: [
          IAC, SB, MSSP,
          1, ...list(b('NAME')), 2, ...list(b('Lapis')),
          1, ...list(b('PLAYERS')), 2, ...list(b('3')),
          1, ...list(b('PORT')), 2, ...list(b('4000')), 2, ...list(b('4001')),
          IAC, SE,
        ],
      },
      { type: 'mssp-request' },
    ]);
  });

  it('asks a variables function at request time', () => {
    let players = 1;
    const s = started({ mssp: () => ({ PLAYERS: players }) });
    players = 7;
    expect(sent(s.receive(b(IAC, DO, MSSP)))).toEqual([IAC, SB, MSSP, 1, ...list(b('PLAYERS')), 2, 0x37, IAC, SE]);
  });

  it('refuses MSSP when no variables were configured', () => {
    expect(sent(started().receive(b(IAC, DO, MSSP)))).toEqual([IAC, WONT, MSSP]);
  });

  it('encodes MSSP directly', () => {
    expect(list(encodeMssp({ A: 'b' }))).toEqual([IAC, SB, MSSP, 1, 0x41, 2, 0x62, IAC, SE]);
  });
});

describe('MCCP2', () => {
  it('starts compression right after IAC SB COMPRESS2 IAC SE', () => {
    const calls: boolean[] = [];
    const s = started({ mccp2: true, onCompress: (on) => calls.push(on) });
    const ev = s.receive(b(IAC, DO, COMPRESS2, 'look\r\n'));
    expect(plain(ev)).toEqual([
      { type: 'do', option: COMPRESS2 },
      { type: 'option', option: COMPRESS2, side: 'local', enabled: true },
      { type: 'send', bytes: [IAC, SB, COMPRESS2, IAC, SE] },
      { type: 'compress-start' },
      { type: 'line', text: 'look' },
    ]);
    expect(calls).toEqual([true]);
    expect(s.compressing).toBe(true);
  });

  it('stops compression before acknowledging DONT COMPRESS2', () => {
    const calls: boolean[] = [];
    const s = started({ mccp2: true, onCompress: (on) => calls.push(on) });
    s.receive(b(IAC, DO, COMPRESS2));
    const ev = s.receive(b(IAC, DONT, COMPRESS2));
    expect(plain(ev)).toEqual([
      { type: 'dont', option: COMPRESS2 },
      { type: 'option', option: COMPRESS2, side: 'local', enabled: false },
      { type: 'compress-stop' },
      { type: 'send', bytes: [IAC, WONT, COMPRESS2] },
    ]);
    expect(calls).toEqual([true, false]);
    expect(s.compressing).toBe(false);
  });

  it('refuses COMPRESS2 when not enabled', () => {
    expect(sent(started().receive(b(IAC, DO, COMPRESS2)))).toEqual([IAC, WONT, COMPRESS2]);
  });
});

describe('output encoding', () => {
  it('sends \\n as CR LF and encodes UTF-8', () => {
    const s = new TelnetSession();
    expect(list(s.encodeText('a\nb'))).toEqual([0x61, 13, 10, 0x62]);
    expect(list(s.encodeText('x\r\n'))).toEqual([0x78, 13, 10]);
    expect(list(s.encodeText('你'))).toEqual([0xe4, 0xbd, 0xa0]);
  });

  it('doubles IAC in raw bytes on telnet ports only', () => {
    expect(list(new TelnetSession().encodeBytes(b(1, IAC, 2)))).toEqual([1, IAC, IAC, 2]);
    expect(list(new TelnetSession({ kind: 'binary' }).encodeBytes(b(1, IAC, 2)))).toEqual([1, IAC, 2]);
  });

  it('leaves newlines alone on binary ports', () => {
    expect(list(new TelnetSession({ kind: 'binary' }).encodeText('a\n'))).toEqual([0x61, 10]);
    expect(list(new TelnetSession({ kind: 'ascii' }).encodeText('a\n'))).toEqual([0x61, 13, 10]);
  });
});

describe('ascii and binary ports', () => {
  it('ascii: no IAC processing, lines only', () => {
    const s = new TelnetSession({ kind: 'ascii' });
    const ev = s.receive(b('a', IAC, AYT, 'b\r\nc\n'));
    expect(plain(ev)).toEqual([
      { type: 'line', text: 'a\uFFFD\uFFFDb' },
      { type: 'line', text: 'c' },
    ]);
    expect(list(s.setEcho(false))).toEqual([]);
    expect(list(s.setSingleChar(true))).toEqual([]);
  });

  it('binary: a Node Buffer is copied too (Buffer.slice would share memory)', () => {
    const s = new TelnetSession({ kind: 'binary' });
    const input = Buffer.from([1, 2, 3]);
    const ev = s.receive(input);
    input[0] = 9;
    expect(plain(ev)).toEqual([{ type: 'data', bytes: [1, 2, 3] }]);
  });

  it('binary: bytes pass through as copies', () => {
    const s = new TelnetSession({ kind: 'binary' });
    const input = b(IAC, 0, 13, 10, 7);
    const ev = s.receive(input);
    expect(plain(ev)).toEqual([{ type: 'data', bytes: [IAC, 0, 13, 10, 7] }]);
    input[0] = 1;
    expect((ev[0] as { bytes: Uint8Array }).bytes[0]).toBe(IAC);
  });
});

describe('malformed input never throws', () => {
  it('keeps an IAC at the end of a packet for the next one', () => {
    const s = started();
    expect(s.receive(b('hi', IAC))).toEqual([]);
    expect(plain(s.receive(b(AYT, '\n'))).map((e) => (e as { type: string }).type)).toEqual(['send', 'ayt', 'line']);
  });

  it('swallows data after SB without SE until the cap, then recovers at IAC SE', () => {
    const s = started({ maxSubnegotiationBytes: 16 });
    expect(s.receive(b(IAC, SB, 99, 'this never ends\r\n'.repeat(10)))).toEqual([]);
    const ev = s.receive(b(IAC, SE, 'after\n'));
    expect(ofType(ev, 'overlong')).toHaveLength(1);
    expect(lines(ev)).toEqual(['after']);
  });

  it('treats IAC <command> inside a sub-negotiation as a lost SE', () => {
    const s = started();
    const ev = s.receive(b(IAC, SB, TTYPE, 0, 'vt1', IAC, DO, SGA, 'x\n'));
    expect(ev[0]).toMatchObject({ type: 'protocol-error' });
    expect(ofType(ev, 'ttype')).toEqual([]);
    expect(sent(ev)).toEqual([IAC, WILL, SGA]);
    expect(lines(ev)).toEqual(['x']);
  });

  it('ignores unknown commands and stray SE', () => {
    const s = started();
    expect(lines(s.receive(b('a', IAC, 200, IAC, SE, IAC, 7, 'b\n')))).toEqual(['ab']);
  });

  it('reports an empty sub-negotiation', () => {
    const s = started();
    expect(s.receive(b(IAC, SB, IAC, SE))[0]).toMatchObject({ type: 'protocol-error' });
  });

  it('survives random bytes in every mode', () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    for (const opts of [{}, { gmcp: true, mccp2: true, mssp: { A: 'b' } }, { kind: 'ascii' as const }, { maxLineBytes: 5, overlongPolicy: 'split' as const }]) {
      const s = new TelnetSession({ ...opts, floodBytes: 0, maxQueuedLines: 0 });
      s.start();
      for (let round = 0; round < 300; round++) {
        const len = Math.floor(rand() * 40);
        // Bias toward telnet-significant bytes so the state machine is exercised.
        const bytes = Uint8Array.from({ length: len }, () => (rand() < 0.4 ? 240 + Math.floor(rand() * 16) : Math.floor(rand() * 256)));
        expect(() => s.receive(bytes)).not.toThrow();
        if (round % 50 === 0) s.setSingleChar(round % 100 === 0);
      }
    }
  });
});

describe('split sequences', () => {
  // A recorded session: a Mudlet-like client answering the opening negotiation,
  // sending its window size and terminal type, GMCP hello, a few commands with
  // different line endings, an IAC IAC in data, AYT, and a password line.
  const recorded = b(
    IAC, WILL, TTYPE, IAC, WILL, NAWS, IAC, WONT, LINEMODE, IAC, DO, SGA, IAC, DO, GMCP,
    IAC, SB, NAWS, 0, 120, 0, 40, IAC, SE,
    IAC, SB, TTYPE, 0, 'MUDLET', IAC, SE,
    IAC, SB, GMCP, 'Core.Hello {"client":"Mudlet"}', IAC, SE,
    'hero\r\n', 'sekrit\r', 0, 'look\n', 'say 你好', IAC, IAC, '\r\n',
    IAC, AYT, IAC, SB, 99, 1, IAC, IAC, 2, IAC, SE,
    'north\r', 'east\r\n', IAC, DO, TM, 'quit\r\n',
  );

  function run(chunks: Uint8Array[]): unknown[] {
    const s = new TelnetSession({ gmcp: true });
    s.start();
    const all: TelnetEvent[] = [];
    for (const c of chunks) all.push(...s.receive(c));
    // Responses coalesce differently with different chunking; compare the byte stream.
    const merged: unknown[] = [];
    for (const e of plain(all) as { type: string; bytes?: number[] }[]) {
      const last = merged[merged.length - 1] as { type: string; bytes?: number[] } | undefined;
      if (e.type === 'send' && last?.type === 'send') last.bytes!.push(...e.bytes!);
      else merged.push(e);
    }
    return merged;
  }

  const whole = run([recorded]);

  it('produces the expected events for the whole recording', () => {
    expect(lines(whole as TelnetEvent[])).toEqual(['hero', 'sekrit', 'look', 'say 你好\uFFFD', 'north', 'east', 'quit']);
    expect(whole).toContainEqual({ type: 'naws', width: 120, height: 40 });
    expect(whole).toContainEqual({ type: 'ttype', name: 'MUDLET' });
    expect(whole).toContainEqual({ type: 'gmcp', package: 'Core.Hello', json: '{"client":"Mudlet"}' });
    expect(whole).toContainEqual({ type: 'suboption', option: 99, bytes: [99, 1, 255, 2] });
    expect(whole).toContainEqual({ type: 'ayt' });
  });

  it('answers the recording with exactly these bytes', () => {
    const out = (whole as { type: string; bytes?: number[] }[]).flatMap((e) => (e.type === 'send' ? e.bytes! : []));
    expect(out).toEqual([
      IAC, SB, TTYPE, 1, IAC, SE, // WILL TTYPE -> SEND (DO was in the opening)
      IAC, WILL, SGA, // DO SGA
      13, 10, ...list(b('[Lapis] ')), 13, 10, // AYT
      IAC, WILL, TM, // DO TM
    ]);
  });

  it('gives identical results fed one byte at a time', () => {
    const chunks = Array.from(recorded, (_, i) => recorded.subarray(i, i + 1));
    expect(run(chunks)).toEqual(whole);
  });

  it('gives identical results split in two at every byte boundary', () => {
    for (let i = 1; i < recorded.length; i++) {
      expect(run([recorded.subarray(0, i), recorded.subarray(i)]), `split at ${i}`).toEqual(whole);
    }
  });

  it('gives identical results in random chunks', () => {
    let seed = 99;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    for (let trial = 0; trial < 200; trial++) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < recorded.length; ) {
        const n = 1 + Math.floor(rand() * 12);
        chunks.push(recorded.subarray(i, i + n));
        i += n;
      }
      expect(run(chunks)).toEqual(whole);
    }
  });
});
