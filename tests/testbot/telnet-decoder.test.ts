// The testbot's own telnet decoder and transcript rules: commands split
// across chunks, IAC IAC, subnegotiations, and CR LF split across chunks.
import { describe, expect, it } from 'vitest';
import { Bot } from './bot.js';
import { DO, IAC, SB, SE, WILL, TelnetDecoder, replyTo, type TelnetCommand } from './telnet-decoder.js';

describe('TelnetDecoder', () => {
  it('keeps state across chunk boundaries', () => {
    const seen: TelnetCommand[] = [];
    const d = new TelnetDecoder((c) => seen.push(c));
    const text = [
      d.feed(Uint8Array.of(0x61, IAC)),
      d.feed(Uint8Array.of(WILL)),
      d.feed(Uint8Array.of(1, 0x62, IAC, SB, 24, 1, IAC)),
      d.feed(Uint8Array.of(IAC, 7, IAC, SE, IAC, IAC, 0x63)),
    ].map((b) => Buffer.from(b).toString('latin1')).join('');
    expect(text).toBe('ab\xffc');
    expect(seen).toEqual([
      { kind: 'will', option: 1 },
      { kind: 'sb', option: 24, data: Uint8Array.of(1, IAC, 7) },
    ]);
  });

  it('answers like a minimal client, or not at all', () => {
    expect([...replyTo({ kind: 'will', option: 1 }, 'refuse')!]).toEqual([IAC, DO, 1]);
    expect([...replyTo({ kind: 'do', option: 24 }, 'refuse')!]).toEqual([IAC, 252, 24]);
    expect(replyTo({ kind: 'do', option: 24 }, 'ignore')).toBeUndefined();
  });
});

class FakeBot extends Bot {
  sent: string[] = [];
  push(text: string): void {
    this.received(Buffer.from(text, 'utf8'));
  }
  end(): void {
    this.receivedEnd();
  }
  send(line: string): void {
    this.sent.push(line);
  }
  close(): void {}
  describe(): string {
    return 'fake';
  }
}

describe('Bot transcript and expect', () => {
  it('reads CR LF as one newline even when split across chunks', async () => {
    const b = new FakeBot();
    b.push('one\r');
    b.push('\ntwo\r\n');
    expect(b.transcript).toBe('one\ntwo\n');
  });

  it('moves the cursor past each match and reports the skipped text', async () => {
    const b = new FakeBot();
    b.push('alpha beta gamma');
    expect((await b.expect('beta')).before).toBe('alpha ');
    const m = await b.expect(/g(\w+)/);
    expect(m.groups).toEqual(['amma']);
    await expect(b.expect('alpha', { timeout: 50 })).rejects.toThrow(/timed out after 50 ms waiting for "alpha"/);
  });

  it('fails at once when the peer ends first, and expectEOF returns the rest', async () => {
    const b = new FakeBot();
    b.push('partial');
    setTimeout(() => b.end(), 10);
    await expect(b.expect('never')).rejects.toThrow(/ended while waiting for "never"[\s\S]*partial/);
    expect(await b.expectEOF()).toBe('partial');
  });
});
