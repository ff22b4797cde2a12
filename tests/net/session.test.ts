// Telnet sessions on a running driver, byte by byte: the opening
// negotiation, TTYPE/NAWS reaching their applies, no-echo input_to,
// get_char's character mode, CR LF output, GMCP both ways, MSSP, MCCP2
// compression, and ascii ports.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { connectOwned, loginOwned, startDriver, ownedPerTest } from '../backend/helpers.js';
import { TEST_MUDLIB } from '../backend/test-mudlib.js';
import type { PortKind } from '../../driver/net/telnet.js';
import { Session } from '../../driver/net/session.js';
import type { InputRequest } from '../../driver/net/input.js';
import type { LpcObject } from '../../driver/vm/object.js';

const IAC = 255, SB = 250, SE = 240, WILL = 251, WONT = 252, DO = 253, DONT = 254;
const ECHO = 1, SGA = 3, TTYPE = 24, NAWS = 31, LINEMODE = 34, MSSP = 70, COMPRESS2 = 86, GMCP = 201;

const { running, clients } = ownedPerTest();

async function start(extraConfig = '', kind: PortKind = 'telnet') {
  const r = await startDriver(TEST_MUDLIB, { extraConfig, kind });
  running.push(r.driver);
  return r;
}

const connect = (port: number) => connectOwned(port, clients);
const login = (port: number, name: string) => loginOwned(port, name, clients);

/** Index of a byte sequence in a buffer from `from`, or -1. */
function find(buf: Buffer, seq: number[], from = 0): number {
  return buf.indexOf(Buffer.from(seq), from);
}

describe('telnet negotiation', () => {
  it('opens with WONT ECHO, DO TTYPE, DO NAWS, DO LINEMODE before the logon text', async () => {
    const { port } = await start();
    const c = await connect(port);
    await c.expect('Name: ');
    const opening = [IAC, WONT, ECHO, IAC, DO, TTYPE, IAC, DO, NAWS, IAC, DO, LINEMODE];
    expect([...c.bytes.subarray(0, opening.length)]).toEqual(opening);
    expect(c.bytes.subarray(opening.length).toString()).toBe(`Welcome on ${port}\r\nName: `);
  });

  it('ascii ports send no negotiation', async () => {
    const { port } = await start('', 'ascii');
    const c = await connect(port);
    await c.expect('Name: ');
    expect(c.bytes.toString()).toBe(`Welcome on ${port}\r\nName: `);
    c.send('asc\n');
    await c.expect('Hello asc\n');
  });

  it('TTYPE and NAWS reach set_terminal_type() and set_window_size()', async () => {
    const { port } = await start();
    const c = await login(port, 'tom');
    const before = c.bytes.length;
    c.send(Buffer.from([IAC, WILL, TTYPE, IAC, WILL, NAWS]));
    await c.waitFor((x) => find(x.bytes, [IAC, SB, TTYPE, 1, IAC, SE], before) >= 0, 'SB TTYPE SEND');
    c.send(Buffer.concat([
      Buffer.from([IAC, SB, TTYPE, 0]), Buffer.from('xterm-256color'), Buffer.from([IAC, SE]),
      Buffer.from([IAC, SB, NAWS, 0, 132, 0, 43, IAC, SE]),
      Buffer.from('terminal\r\n'),
    ]));
    await c.expect('terminal=xterm-256color size=132x43\n');
  });

  it('other sub-negotiations reach telnet_suboption() as a buffer', async () => {
    const { port } = await start();
    const c = await login(port, 'sam');
    c.send(Buffer.from([IAC, SB, 99, 7, 8, IAC, IAC, IAC, SE]));
    await c.expect('suboption size=4 first=99\n');
  });

  it('a no-echo input_to sends WILL ECHO, and WONT ECHO once answered', async () => {
    const { port } = await start();
    const c = await login(port, 'uma');
    const before = c.bytes.length;
    c.send('secret\r\n');
    await c.expect('Password: ');
    // MudOS order: the prompt text, then WILL ECHO, in the same turn's output.
    const willEcho = find(c.bytes, [IAC, WILL, ECHO], before);
    expect(willEcho).toBeGreaterThan(c.bytes.indexOf('Password: ', before));
    c.send(Buffer.from([IAC, DO, ECHO]));
    c.send('hunter2\r\n');
    await c.expect('secret=hunter2\n');
    expect(find(c.bytes, [IAC, WONT, ECHO], willEcho)).toBeGreaterThan(willEcho);
  });

  it('get_char switches to character mode (WILL SGA) and takes one key', async () => {
    const { port } = await start();
    const c = await login(port, 'val');
    const before = c.bytes.length;
    c.send('key\r\n');
    await c.expect('Key: ');
    expect(find(c.bytes, [IAC, WILL, SGA], before)).toBeGreaterThanOrEqual(0);
    c.send('x');
    await c.expect('key=[x]\n');
    c.send('echo line mode again\r\n');
    await c.expect('echo:line mode again\n');
  });

  it('after get_char, the rest of a line typed ahead in character mode is a line again', async () => {
    const { port } = await start();
    const c = await login(port, 'xia');
    c.send('key\r\n');
    await c.expect('Key: ');
    c.send('zecho typed ahead\r\n');
    await c.expect('key=[z]\n');
    await c.expect('echo:typed ahead\n');
    expect(c.text).not.toContain('What?');
  });

  it('sends every \\n as CR LF', async () => {
    const { port } = await start();
    const c = await login(port, 'wes');
    const before = c.bytes.length;
    c.send('lines\r\n');
    await c.expect('two\n');
    const out = c.bytes.subarray(before).toString('latin1');
    expect(out).toContain('one\r\ntwo\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('telnet extras', () => {
  it('GMCP: offered, send_gmcp frames a message, and client messages reach the gmcp apply', async () => {
    const { port } = await start('EnableGmcp 1');
    const c = await connect(port);
    await c.expect('Name: ');
    expect(find(c.bytes, [IAC, WILL, GMCP])).toBeGreaterThanOrEqual(0);
    c.send(Buffer.from([IAC, DO, GMCP]));
    c.send('gia\r\n');
    await c.expect('Hello gia\n');
    const before = c.bytes.length;
    c.send('gmcp Core.Hello {"client":"test"}\r\n');
    const frame = [IAC, SB, GMCP, ...Buffer.from('Core.Hello {"client":"test"}'), IAC, SE];
    await c.waitFor((x) => find(x.bytes, frame, before) >= 0, 'the GMCP frame');
    c.send(Buffer.concat([Buffer.from([IAC, SB, GMCP]), Buffer.from('Char.Vitals {"hp":3}'), Buffer.from([IAC, SE])]));
    await c.expect('gmcp-in=Char.Vitals {"hp":3}\n');
  });

  it('MSSP: offered and answered with the mud name', async () => {
    const { port } = await start('EnableMssp 1\nMudName Testland');
    const c = await connect(port);
    await c.expect('Name: ');
    expect(find(c.bytes, [IAC, WILL, MSSP])).toBeGreaterThanOrEqual(0);
    c.send(Buffer.from([IAC, DO, MSSP]));
    const name = [1, ...Buffer.from('NAME'), 2, ...Buffer.from('Testland')];
    await c.waitFor((x) => find(x.bytes, name) >= 0, 'the MSSP NAME variable');
  });

  it('MCCP2: after DO COMPRESS2 everything is one zlib stream, flushed every turn', async () => {
    const { port } = await start('EnableMccp 1');
    const c = await connect(port);
    await c.expect('Name: ');
    expect(find(c.bytes, [IAC, WILL, COMPRESS2])).toBeGreaterThanOrEqual(0);
    c.send(Buffer.from([IAC, DO, COMPRESS2]));
    const begin = [IAC, SB, COMPRESS2, IAC, SE];
    await c.waitFor((x) => find(x.bytes, begin) >= 0, 'SB COMPRESS2');
    c.send('zed\r\n');
    c.send('echo zipped\r\n');
    const plainEnd = find(c.bytes, begin) + begin.length;
    const inflated = () => {
      try {
        return inflateSync(c.bytes.subarray(plainEnd), { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString();
      } catch {
        return '';
      }
    };
    await c.waitFor(() => inflated().includes('echo:zipped\r\n'), 'compressed echo');
    expect(inflated()).toContain('Hello zed\r\n');
    // DONT COMPRESS2 ends the stream; what follows is plain again.
    c.send(Buffer.from([IAC, DONT, COMPRESS2]));
    c.send('echo plain again\r\n');
    await c.waitFor((x) => x.bytes.indexOf('echo:plain again\r\n', plainEnd) > 0, 'plain output after the stream ended');
  });
});

describe('console character input', () => {
  // The console's reader thread splits input itself: in single-char mode it
  // hands out each character, and it leaves that mode only once get_char was
  // answered, so characters it read meanwhile can reach the session after the
  // answer (a race a loaded machine made visible: every one ran as a command).
  function consoleSession(modes: boolean[]): Session {
    return new Session({
      kind: 'console', ip: '', remotePort: 0, port: 0, now: 0,
      link: { write: () => {}, close: () => {}, setSingleChar: (on) => modes.push(on) },
    });
  }
  const request = (): InputRequest => ({ fn: 'got', ob: {} as LpcObject, flags: 0, args: [], singleChar: true });

  it('makes the characters that arrive after the get_char answer one line again', () => {
    const modes: boolean[] = [];
    const s = consoleSession(modes);
    s.setPending(request());
    s.pushChar('x');
    expect(s.takeInput()).toEqual({ text: 'x', char: true });
    s.clearPending();
    for (const c of 'echo hi\n') s.pushChar(c);
    expect(s.queue).toEqual([{ text: 'echo hi', char: false, uncounted: true }]);
    expect(modes).toEqual([true, false]);
  });

  it('keeps characters queued before the answer for the next step, and joins the late ones to them', () => {
    const s = consoleSession([]);
    s.setPending(request());
    for (const c of 'xec') s.pushChar(c);
    expect(s.takeInput()).toEqual({ text: 'x', char: true });
    s.clearPending();
    for (const c of 'ho\n') s.pushChar(c);
    expect(s.queue).toEqual([{ text: 'echo', char: false, uncounted: true }]);
  });
});
