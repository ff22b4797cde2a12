// A testbot over raw TCP speaking just enough telnet: it decodes IAC
// sequences (commands never reach the transcript), answers or ignores the
// server's negotiation, and records every command for byte-level checks.
import * as net from 'node:net';
import { Bot } from './bot.js';
import { IAC, TelnetDecoder, replyTo, type NegotiationPolicy, type TelnetCommand } from './telnet-decoder.js';

export interface TelnetBotOptions {
  host?: string;
  /** 'refuse' (default) answers like a minimal client; 'ignore' never answers. */
  negotiation?: NegotiationPolicy;
  /** Connect timeout in ms (default 5000). */
  timeout?: number;
}

export class TelnetBot extends Bot {
  readonly socket: net.Socket;
  /** Telnet commands received, in order. */
  readonly commands: TelnetCommand[] = [];
  /** Bytes received, raw (negotiation included). */
  rawBytes = 0;
  private readonly decoder: TelnetDecoder;

  private constructor(socket: net.Socket, private readonly label: string, policy: NegotiationPolicy) {
    super();
    this.socket = socket;
    this.decoder = new TelnetDecoder((c) => {
      this.commands.push(c);
      const reply = replyTo(c, policy);
      if (reply && !socket.destroyed) socket.write(reply);
    });
    socket.on('data', (d: Buffer) => {
      this.rawBytes += d.length;
      this.received(this.decoder.feed(d));
    });
    socket.on('close', () => this.receivedEnd());
    socket.on('error', () => {});
  }

  static connect(port: number, opts: TelnetBotOptions = {}): Promise<TelnetBot> {
    const host = opts.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`telnet ${host}:${port}: connect timed out`));
      }, opts.timeout ?? 5000);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeListener('error', reject);
        resolve(new TelnetBot(socket, `telnet ${host}:${port}`, opts.negotiation ?? 'refuse'));
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  describe(): string {
    return this.label;
  }

  /** Sends a line with CR LF, doubling any IAC byte. */
  send(line: string): void {
    this.sendRaw(escapeIac(Buffer.from(line + '\r\n', 'utf8')));
  }

  /** Sends bytes as they are (negotiation, partial lines, floods). */
  sendRaw(bytes: string | Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** Whether the server sent `kind option` (e.g. 'will', 1 for WILL ECHO). */
  saw(kind: 'will' | 'wont' | 'do' | 'dont', option: number): boolean {
    return this.commands.some((c) => c.kind === kind && c.option === option);
  }

  close(): void {
    this.socket.destroy();
  }
}

function escapeIac(b: Buffer): Uint8Array {
  if (!b.includes(IAC)) return b;
  const out: number[] = [];
  for (const x of b) {
    out.push(x);
    if (x === IAC) out.push(IAC);
  }
  return Uint8Array.from(out);
}
